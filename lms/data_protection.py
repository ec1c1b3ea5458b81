"""How each app declares the personal data it holds, and how the privacy app finds the declarations.

Each app that holds data has a module `<app>/personal_data.py` (found like `wagtail_hooks.py`) with:

- `FIELDS`: `{"app_label.Model": {"field": TREATMENT, ...}}` for every model of the app, every field
  classified (`NOT_PERSONAL` included); the core app also declares the relations to people that
  installed packages hold (Wagtail's pages, logs and uploads; allauth's addresses and authenticators).
- optionally `erase(context: ErasureContext) -> dict[str, int]`: what erasure does to the app's rows
  of one person (counts per kind), before the account itself is anonymised;
- optionally `sections(*, user) -> list[Section]`: the app's part of the person's "My data";
- optionally `apply_retention(*, now) -> dict[str, int]`: what the retention policy removes.

The privacy app only reads these (`declaring_modules()`): a new app or model holds personal data the
day it declares it, and `tests/privacy/test_inventory.py` fails for any local model or any relation to
a person that no app declares. This module (the format, not a declaration) lives in the core so that
every layer can use it without importing the privacy app above it.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _

from lms.readable import HIDDEN, words

# What erasure does to a personal field.
PSEUDONYM = "pseudonym"  # replaced by a random pseudonym (erased-…)
EMPTIED = "emptied"  # set to empty
DELETED = "deleted"  # the row is deleted
KEPT_ANONYMOUS = "kept_anonymous"  # kept, linked only to the account once it is anonymous
SCRUBBED = "scrubbed"  # logs and notes: names, usernames, emails and phones replaced by the pseudonym
REVOKED = "revoked"  # certificates: revoked, holder erased, PDF deleted
NOT_PERSONAL = "not_personal"

TREATMENTS = {
    PSEUDONYM: _("replaced by a random pseudonym"),
    EMPTIED: _("emptied"),
    DELETED: _("deleted"),
    KEPT_ANONYMOUS: _("kept without the person's identity (anonymous)"),
    SCRUBBED: _("names and contacts replaced by the pseudonym"),
    REVOKED: _("certificate revoked, name and PDF removed"),
    NOT_PERSONAL: _("not personal data"),
}

MODULE_NAME = "personal_data"


def fields(treatment: str, names: str) -> dict[str, str]:
    """`{"a": treatment, "b": treatment}` from `"a b"`: declarations read like the table they are."""
    return dict.fromkeys(names.split(), treatment)


# --- Discovery ----------------------------------------------------------------------------------


def declaring_modules() -> list[tuple[str, ModuleType]]:
    """(app label, its personal_data module) for every installed app that has one, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, MODULE_NAME):
            found.append((config.label, import_module(f"{config.name}.{MODULE_NAME}")))
    return found


def inventory() -> dict[str, dict[str, str]]:
    """Every declared model and its fields' treatments, from all apps' declarations."""
    merged: dict[str, dict[str, str]] = {}
    for _label, module in declaring_modules():
        for model_label, declared in module.FIELDS.items():
            merged.setdefault(model_label, {}).update(declared)
    return merged


def declared_by(app_label: str) -> dict[str, dict[str, str]]:
    """The declarations of one app (empty when it has no personal_data module)."""
    for label, module in declaring_modules():
        if label == app_label:
            return module.FIELDS
    return {}


def fields_with(model_label: str, treatment: str) -> list[str]:
    """The fields of a model that erasure treats in a given way."""
    return [name for name, value in inventory().get(model_label, {}).items() if value == treatment]


def hooks(name: str) -> list[Callable]:
    """The functions called `name` (erase, sections, apply_retention) that apps declare, in app order."""
    return [getattr(module, name) for _label, module in declaring_modules() if hasattr(module, name)]


# --- Erasure ------------------------------------------------------------------------------------


@dataclass
class ErasureContext:
    """What every app's `erase` needs: the person, their new pseudonym, and the words that identify them."""

    user: object
    pseudonym: str
    identifiers: list[str]
    actor: object | None
    now: datetime.datetime
    counts: dict[str, int] = field(default_factory=dict)

    def scrub(self, queryset: QuerySet, names: list[str]) -> int:
        """Replace the person's identifiers in the given text (or JSON) fields; how many rows changed.

        Whole words only, case-insensitive: a short username must not eat into other words of a log line.
        """
        if not self.identifiers:
            return 0
        words = "|".join(re.escape(value) for value in self.identifiers)
        pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
        condition = Q()
        for name in names:
            for value in self.identifiers:
                condition |= Q(**{f"{name}__icontains": value})
        changed = 0
        for row in queryset.filter(condition):
            for name in names:
                value = getattr(row, name)
                if isinstance(value, str):
                    setattr(row, name, pattern.sub(self.pseudonym, value))
                elif value is not None:
                    setattr(row, name, json.loads(pattern.sub(self.pseudonym, json.dumps(value))))
            row.save(update_fields=names)
            changed += 1
        return changed


def identifiers_of(user) -> list[str]:
    """What identifies a person in free text: name, username, email, phone (longest first, 3+ characters)."""
    found = {value.strip() for value in (user.display_name, user.username, user.email, user.phone) if value}
    return sorted((value for value in found if len(value) >= 3), key=len, reverse=True)


# --- My data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One part of a person's "My data": machine keys (the JSON) and translated labels (the page)."""

    key: str
    title: str
    columns: list[tuple[str, str]]  # (key, label)
    rows: list[dict]
    # The page's view of the same rows: (label, value in words) of the columns shown, empty ones left out.
    shown: list[list[tuple[str, str]]] = field(default_factory=list)

    def table(self) -> list[list]:
        """The rows as lists in column order."""
        return [[row[key] for key, _label in self.columns] for row in self.rows]


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def section(
    key: str, title: str, columns: list[tuple[str, str]], rows, show: dict | None = None, extra: list | None = None
) -> Section:
    """A section from (key, label) columns and rows of values in the same order.

    `show` says how the page shows a column ({key: choices class, function of (value, row), or
    readable.HIDDEN}; lms.readable); the JSON keeps the values as stored. `extra` (a dict per row)
    gives those functions more than the columns (a question's text for an answer).
    """
    names = [name for name, _label in columns]
    raw = [dict(zip(names, r, strict=True)) for r in rows]
    show = show or {}
    shown = [
        [
            (str(label), text)
            for name, label in columns
            if show.get(name) != HIDDEN and (text := words(row[name], show.get(name), {**row, **more}))
        ]
        for row, more in zip(raw, extra or [{}] * len(raw), strict=True)
    ]
    return Section(
        key,
        str(title),
        [(n, str(label)) for n, label in columns],
        [{name: _plain(value) for name, value in row.items()} for row in raw],
        shown,
    )


def values(queryset: QuerySet, *paths: str) -> list[tuple]:
    return list(queryset.values_list(*paths))


# --- Retention ----------------------------------------------------------------------------------


def retention_limit(setting: str, now: datetime.datetime) -> datetime.datetime | None:
    """The moment before which a category expires, from a RETENTION_*_DAYS setting; None keeps it for ever."""
    from django.conf import settings

    days = getattr(settings, setting, None)
    return now - datetime.timedelta(days=int(days)) if days else None
