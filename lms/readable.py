"""A stored value in words, in the reader's language: what "My data" shows (issue 19, item 5).

The JSON download keeps the machine values (codes, ISO dates, exact scores); the page shows the
same values as a person reads them: a choice by its label ("Pré-test", not `pre`), a date by the
locale's format, a score rounded ("6,7"), a yes or no, a list as words.
"""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from django.conf import settings
from django.db.models import Choices, OuterRef, Subquery
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# How one column is shown: a choices class (its labels), a function of (value, row), or HIDDEN.
HIDDEN = "hidden"
How = Any  # a choices class, a function of (value, row), HIDDEN or None


def number(value) -> str:
    """A number as the locale writes it, to one decimal at most: 6.666… → "6,7", 7.0 → "7"."""
    rounded = round(float(value), 1)
    return formats.number_format(rounded, decimal_pos=0 if rounded == int(rounded) else 1)


def out_of(score, maximum) -> str:
    """ "6,7 / 10" (or the score alone when there is no maximum)."""
    if score is None:
        return ""
    return f"{number(score)} / {number(maximum)}" if maximum else number(score)


def language_name(code: str) -> str:
    names = dict(settings.LANGUAGES)
    return str(names.get(code, code)) if code else ""


def words(value, how: How = None, row: dict | None = None) -> str:
    """`value` as the page shows it (see the module docstring); `row` is the whole row, for `how`."""
    if isinstance(how, type) and issubclass(how, Choices):
        return str(dict(how.choices).get(value, value or ""))
    if callable(how):
        return str(how(value, row or {}))
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, float | decimal.Decimal):
        return number(value)
    if isinstance(value, dict):
        return "; ".join(f"{words(key)} → {words(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(words(item) for item in value)
    return str(value)


def titles_in_reader_language(page_ids) -> dict[int, str]:
    """Each page's title in the reader's language: its live translation's where one exists (one query).

    Pages absent from the answer have none: the page shows their own (source) title."""
    from wagtail.models import Page

    language = get_language() or settings.LANGUAGE_CODE
    ids = {pk for pk in page_ids if pk}
    if not ids or language == settings.LANGUAGE_CODE:
        return {}
    translations = Page.objects.live().filter(locale__language_code=language)
    translation = translations.filter(translation_key=OuterRef("translation_key")).values("title")[:1]
    found = Page.objects.filter(pk__in=ids).annotate(shown=Subquery(translation))
    return {pk: title for pk, title in found.values_list("pk", "shown") if title}


def with_page_titles(queryset, paths: tuple[str, ...], pages: dict[str, str]) -> tuple[list[tuple], list[dict]]:
    """The rows of `paths` (as lms.data_protection.values gives them), and for each row the titles of the
    pages it names in the reader's language ({"_<column>": title}, for `page_title`), where `pages` maps
    a column to the path of its page's id: {"module": "course_id"}."""
    full = list(queryset.values_list(*paths, *pages.values()))
    count = len(paths)
    titles = titles_in_reader_language(pk for row in full for pk in row[count:])
    extra = [{f"_{column}": titles.get(pk) for column, pk in zip(pages, row[count:], strict=True)} for row in full]
    return [row[:count] for row in full], extra


def page_title(column: str):
    """How a page's title shows (a `words` function): its translation's (`with_page_titles`), else its own."""
    return lambda title, row: row.get(f"_{column}") or title
