"""Reading content data files (YAML): the shared part of the course and question loaders.

Course content (modules, lessons, question banks) is data that trainers and translators review, not
Python: see docs/content.md. A loader first reads and checks every file, collecting every problem
with the file and the field it is in, and writes nothing unless all files are right.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.utils.translation import gettext as _

SOURCE_LANGUAGE = "fr"


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path} · {self.field or '—'} : {self.message}"


class ContentError(Exception):
    """Files that cannot be imported; `problems` lists all of them (file, field, message)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class Problems:
    """Problems found so far; `root` is the folder file names are shown relative to."""

    root: Path
    found: list[Problem] = field(default_factory=list)

    def add(self, path: Path, name: str, message: str) -> None:
        try:
            shown = str(path.relative_to(self.root))
        except ValueError:
            shown = str(path)
        self.found.append(Problem(shown, name, message))

    def raise_if_any(self) -> None:
        if self.found:
            raise ContentError(self.found)


def languages() -> list[str]:
    """The content languages, French (the source) first."""
    codes = [code for code, _name in settings.LANGUAGES]
    return [SOURCE_LANGUAGE, *(code for code in codes if code != SOURCE_LANGUAGE)]


class DataFile:
    """One YAML file whose top level is a mapping, with typed getters that record problems.

    A getter returns the value, or None when it is missing or of the wrong type (the problem is then
    recorded against this file and the field's dotted name, e.g. `fr.body[2].rich_text`).
    """

    def __init__(self, path: Path, problems: Problems):
        self.path, self.problems = path, problems
        self.data: dict[str, Any] = {}
        self.readable = False  # True once the file is read as a mapping; else its one problem is recorded
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.problem("", _("The file is missing."))
            return
        except UnicodeDecodeError:
            self.problem("", _("The file is not UTF-8 text."))
            return
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = _("line %(line)d") % {"line": mark.line + 1} if mark else ""
            self.problem(where, _("This is not valid YAML: %(error)s") % {"error": getattr(error, "problem", error)})
            return
        if not isinstance(loaded, dict):
            self.problem("", _("The file must hold named fields (“name: value” lines)."))
            return
        self.data, self.readable = loaded, True

    def problem(self, name: str, message: str) -> None:
        self.problems.add(self.path, name, message)

    def get(self, name: str, kind: type | tuple[type, ...], *, within: dict | None = None, required: bool = True):
        """The value at dotted `name` (looked up in `within`, else the file's top level)."""
        value: Any = self.data if within is None else within
        for part in name.split(".")[-1:] if within is not None else name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            if required:
                self.problem(name, _("This field is required."))
            return None
        if (isinstance(value, bool) and kind in (int, (int,))) or not isinstance(value, kind):
            self.problem(name, _("This field must be %(kind)s.") % {"kind": describe(kind)})
            return None
        return value

    def text(self, name: str, *, within: dict | None = None, required: bool = True) -> str | None:
        value = self.get(name, str, within=within, required=required)
        if value is not None and not value.strip():
            self.problem(name, _("This field must not be empty."))
            return None
        return value

    def strings(self, name: str, *, within: dict | None = None, required: bool = True) -> list[str] | None:
        value = self.get(name, list, within=within, required=required)
        if value is None:
            return None
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(f"{name}[{index}]", _("This field must be %(kind)s.") % {"kind": describe(str)})
                return None
        return value

    def unknown(self, allowed: set[str], *, within: dict | None = None, prefix: str = "") -> None:
        """Records names in the mapping that the format does not know (a typo would be lost)."""
        for name in (self.data if within is None else within).keys() - allowed:
            self.problem(
                f"{prefix}{name}",
                _("Unknown field (expected one of: %(names)s).") % {"names": ", ".join(sorted(allowed))},
            )

    def translations(self) -> Iterator[tuple[str, dict]]:
        """(language, its mapping) for French, required, and every other content language present."""
        for language in languages():
            entry = self.get(language, dict, required=language == SOURCE_LANGUAGE)
            if entry is not None:
                yield language, entry


def describe(kind: type | tuple[type, ...]) -> str:
    """What a field of type `kind` must hold, for an error message."""
    names = {
        str: _("a text"),
        int: _("a whole number"),
        bool: _("true or false"),
        list: _("a list"),
        dict: _("a set of named fields"),
    }
    return ", ".join(names.get(item, item.__name__) for item in (kind if isinstance(kind, tuple) else (kind,)))
