"""The JSON manifests of an H5P package: `h5p.json` (the content) and `library.json` (each library).

Each parser takes the raw bytes of one file and returns a small typed record, or raises PackageError
naming that file and the field at fault. They check shapes and values only; whether the files and
libraries they mention are present is the package validator's job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, NoReturn

from django.utils.translation import gettext_lazy as _

from .errors import PackageError

H5P_JSON = "h5p.json"
CONTENT_JSON = "content/content.json"
LIBRARY_JSON = "library.json"

# Patterns are used with fullmatch(): "$" would also accept a trailing newline.
LIBRARY_FOLDER_RE = re.compile(r"[A-Za-z0-9._-]+-[0-9]+\.[0-9]+")
MACHINE_NAME_RE = re.compile(r"[A-Za-z0-9._-]{1,255}")
LANGUAGE_RE = re.compile(r"[-a-zA-Z]{1,10}")
VERSION_RE = re.compile(r"[0-9]{1,5}")
EMBED_TYPES = frozenset({"div", "iframe"})
MAX_TITLE_LENGTH = 255


@dataclass(frozen=True)
class LibraryRef:
    """A library at a given version; `folder` is where a package keeps it ("H5P.Foo-1.2")."""

    machine_name: str
    major: int
    minor: int
    patch: int | None = None

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"


@dataclass(frozen=True)
class ContentManifest:
    """What `h5p.json` says about the content."""

    title: str
    language: str
    main_library: str
    dependencies: tuple[LibraryRef, ...]
    data: dict[str, Any]

    @property
    def main_dependency(self) -> LibraryRef:
        """The main library's entry in preloadedDependencies (its presence is checked on parsing)."""
        return next(ref for ref in self.dependencies if ref.machine_name == self.main_library)


@dataclass(frozen=True)
class LibraryManifest:
    """What a library's `library.json` says about it."""

    ref: LibraryRef
    runnable: bool
    preloaded_files: tuple[str, ...]  # paths relative to the library folder
    dependencies: tuple[LibraryRef, ...]


def load_json_object(name: str, data: bytes, *, code: str) -> dict[str, Any]:
    """Decode `data` as UTF-8 JSON whose top level is an object; refuses anything else with `code`."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageError(
            code, _("The file %(name)s is not valid UTF-8 encoded JSON.") % {"name": name}, path=name
        ) from None
    if not isinstance(value, dict):
        raise PackageError(code, _("The file %(name)s must contain a JSON object.") % {"name": name}, path=name)
    return value


def parse_content_manifest(data: bytes) -> ContentManifest:
    """Parse `h5p.json`: title, mainLibrary, language, embedTypes and preloadedDependencies are required.

    Refuses (invalid_h5p_json) a missing or ill-typed field, and a main library that is not
    listed, with its version, in preloadedDependencies.
    """
    manifest = load_json_object(H5P_JSON, data, code="invalid_h5p_json")
    fields = _Fields(H5P_JSON, manifest, code="invalid_h5p_json")
    title = fields.text("title", max_length=MAX_TITLE_LENGTH)
    main_library = fields.get("mainLibrary")
    if not isinstance(main_library, str) or not MACHINE_NAME_RE.fullmatch(main_library):
        fields.invalid("mainLibrary")
    language = fields.get("language")
    if not isinstance(language, str) or (language and not LANGUAGE_RE.fullmatch(language)):
        fields.invalid("language")
    embed_types = fields.get("embedTypes")
    if not isinstance(embed_types, list) or not embed_types or not set(map(str, embed_types)) <= EMBED_TYPES:
        fields.invalid("embedTypes")
    dependencies = fields.dependencies("preloadedDependencies", required=True)
    if main_library not in {ref.machine_name for ref in dependencies}:
        raise PackageError(
            "invalid_h5p_json",
            _("The main library %(library)s is not listed in the preloadedDependencies of %(name)s.")
            % {"library": main_library, "name": H5P_JSON},
            path=H5P_JSON,
        )
    return ContentManifest(title, language or "und", main_library, dependencies, manifest)


def parse_library_manifest(folder: str, data: bytes) -> LibraryManifest:
    """Parse `<folder>/library.json`: title, machineName, the three version numbers and runnable are required.

    preloadedJs/preloadedCss, when given, must be lists of {"path": ...}; preloadedDependencies,
    when given, a list of {machineName, majorVersion, minorVersion}. Refuses (invalid_library_json)
    anything else.
    """
    name = f"{folder}/{LIBRARY_JSON}"
    fields = _Fields(name, load_json_object(name, data, code="invalid_library_json"), code="invalid_library_json")
    fields.text("title", max_length=MAX_TITLE_LENGTH)
    machine_name = fields.get("machineName")
    if not isinstance(machine_name, str) or not MACHINE_NAME_RE.fullmatch(machine_name):
        fields.invalid("machineName")
    ref = LibraryRef(
        machine_name, fields.version("majorVersion"), fields.version("minorVersion"), fields.version("patchVersion")
    )
    runnable = fields.get("runnable")
    if runnable not in (0, 1):  # True and False compare equal to 1 and 0
        fields.invalid("runnable")
    preloaded = fields.paths("preloadedJs") + fields.paths("preloadedCss")
    return LibraryManifest(ref, bool(runnable), preloaded, fields.dependencies("preloadedDependencies", required=False))


class _Fields:
    """Reads fields of one manifest, raising PackageError(code) that names the file and the field."""

    def __init__(self, name: str, manifest: dict[str, Any], *, code: str) -> None:
        self.name, self.manifest, self.code = name, manifest, code

    def get(self, field: str) -> Any:
        if field not in self.manifest:
            raise PackageError(
                self.code,
                _("The file %(name)s is missing the required field %(field)s.") % {"name": self.name, "field": field},
                path=self.name,
            )
        return self.manifest[field]

    def invalid(self, field: str) -> NoReturn:
        raise PackageError(
            self.code,
            _("The field %(field)s in %(name)s has an invalid value.") % {"name": self.name, "field": field},
            path=self.name,
        )

    def text(self, field: str, *, max_length: int) -> str:
        value = self.get(field)
        if not isinstance(value, str) or not value.strip() or len(value) > max_length:
            self.invalid(field)
        return value.strip()

    def version(self, field: str) -> int:
        return self._number(self.get(field), field)

    def paths(self, field: str) -> tuple[str, ...]:
        value = self.manifest.get(field, [])
        if not isinstance(value, list):
            self.invalid(field)
        paths = tuple(item.get("path") if isinstance(item, dict) else None for item in value)
        if not all(isinstance(path, str) and path for path in paths):
            self.invalid(field)
        return paths

    def dependencies(self, field: str, *, required: bool) -> tuple[LibraryRef, ...]:
        value = self.get(field) if required else self.manifest.get(field, [])
        if not isinstance(value, list):
            self.invalid(field)
        refs = []
        for item in value:
            machine_name = item.get("machineName") if isinstance(item, dict) else None
            if not isinstance(machine_name, str) or not MACHINE_NAME_RE.fullmatch(machine_name):
                self.invalid(field)
            major, minor = item.get("majorVersion"), item.get("minorVersion")
            refs.append(LibraryRef(machine_name, self._number(major, field), self._number(minor, field)))
        return tuple(refs)

    def _number(self, value: Any, field: str) -> int:
        """A version number: a non-negative integer, also accepted written as a string of digits."""
        if isinstance(value, bool) or not isinstance(value, int | str) or not VERSION_RE.fullmatch(str(value)):
            self.invalid(field)
        return int(value)
