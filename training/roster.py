"""Reading and checking a roster file (CSV or XLSX) before anything is written.

A header row names the columns, in English or French: name/nom, organisation, audience/public,
prefecture/préfecture, phone/téléphone, email/courriel, language/langue, and optionally
username/identifiant, country/pays, and the sex and age band the person declares, sex/sexe and
age band/tranche d'âge (empty: not stated; evaluation.disaggregation). Rows are numbered as in a
spreadsheet (the header is row 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import override

from lms.demographics import AgeBand, Sex
from lms.models import Audience, Prefecture
from lms.text import fold

COLUMNS = {
    "name": {"name", "nom"},
    "organisation": {"organisation", "organization"},
    "audience": {"audience", "public"},
    "prefecture": {"prefecture"},
    "phone": {"phone", "telephone"},
    "email": {"email", "courriel", "e-mail"},
    "language": {"language", "langue"},
    "username": {"username", "identifiant"},
    "country": {"country", "pays"},
    "sex": {"sex", "sexe", "gender", "genre"},
    "age_band": {"age band", "age_band", "age", "tranche d'age", "tranche d’age", "tranche age"},
}
LANGUAGES = {"fr": "fr", "francais": "fr", "french": "fr", "en": "en", "anglais": "en", "english": "en"}
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); phone
# numbers such as +224 622 00 00 00 are the one legitimate exception.
FORMULA_START = ("=", "+", "-", "@")
PHONE = re.compile(r"^\+?[0-9][0-9 .-]{5,20}$")


@dataclass
class RosterRow:
    number: int
    name: str
    organisation: str = ""
    audience: str = ""
    prefecture: Prefecture | None = None
    phone: str = ""
    email: str = ""
    language: str = "fr"
    username: str = ""
    country: str = ""
    sex: str = ""
    age_band: str = ""

    @property
    def identity(self) -> str:
        """What makes two rows the same person: an identifier when given, else the name and organisation."""
        if self.username:
            return "u:" + self.username.casefold()
        if self.email:
            return "e:" + self.email.casefold()
        if self.phone:
            return "p:" + self.phone
        return "n:" + fold(self.name) + "|" + fold(self.organisation)


def _audiences() -> dict[str, str]:
    found = {}
    for code, label in Audience.choices:
        found[fold(code)] = code
        found[fold(code.replace("_", " "))] = code
        for language in ("fr", "en"):
            with override(language):
                found[fold(str(label))] = code
    return found


# Short answers a paper roster carries besides the labels (F/M, femme/homme...).
_SEX_WORDS = {"f": Sex.FEMALE, "femme": Sex.FEMALE, "woman": Sex.FEMALE, "female": Sex.FEMALE, "feminin": Sex.FEMALE}
_SEX_WORDS |= {"m": Sex.MALE, "h": Sex.MALE, "homme": Sex.MALE, "man": Sex.MALE, "male": Sex.MALE, "masculin": Sex.MALE}
_AGE_WORDS = {"<18": AgeBand.UNDER_18, "moins de 18": AgeBand.UNDER_18, "18-35": AgeBand.FROM_18_TO_35}
_AGE_WORDS |= {"35+": AgeBand.OVER_35, ">35": AgeBand.OVER_35, "plus de 35": AgeBand.OVER_35}
# "Not stated" written out: the same as an empty cell.
_NOT_STATED = {"", "nsp", "ne souhaite pas le dire", "prefer not to say", "not stated", "non precise"}


def _declared_choices(choices, words: dict) -> dict[str, str]:
    """{folded code, label in French or English, or short word: code} of one self-declared group."""
    found = {fold(key): value for key, value in words.items()}
    for code, label in choices:
        found[fold(code)] = code
        for language in ("fr", "en"):
            with override(language):
                found[fold(str(label))] = code
                found[fold(str(label)).replace("–", "-")] = code
    return found


def _countries() -> dict[str, str]:
    """Country codes by code and by French or English name: webinars reach beyond Guinea (Gabon)."""
    from django_countries import countries

    found = {}
    for language in ("en", "fr"):
        with override(language):
            for code, name in countries:
                found[fold(code)] = code
                found[fold(str(name))] = code
    return found


def _prefectures() -> dict[str, Prefecture]:
    found = {}
    for prefecture in Prefecture.objects.select_related("region"):
        found[fold(prefecture.name)] = prefecture
        found[fold(prefecture.code)] = prefecture
        found[fold(prefecture.name).replace("-", " ")] = prefecture
    return found


def header_map(header: list[str]) -> tuple[dict[str, str], list[str]]:
    """{field: column as written} and the problems of the header."""
    problems = []
    mapping: dict[str, str] = {}
    for column in header:
        key = fold(column)
        field = next((name for name, aliases in COLUMNS.items() if key in aliases), None)
        if field is None:
            if key:
                problems.append(_("Unknown column %(column)s.") % {"column": column})
            continue
        mapping[field] = column
    if "name" not in mapping:
        problems.append(_("No name column: one column must be called name or nom."))
    return mapping, problems


def _check_declared(row: RosterRow, values: dict[str, str], number: int) -> list[tuple[int, str]]:
    """Set the row's sex and age band from their cells; the problems of values that are neither."""
    problems = []
    for name, choices, words, message in (
        ("sex", Sex.choices, _SEX_WORDS, _("Unknown sex %(value)s (F or M, or leave the cell empty).")),
        (
            "age_band",
            AgeBand.choices,
            _AGE_WORDS,
            _("Unknown age band %(value)s (under 18, 18-35 or over 35, or leave the cell empty)."),
        ),
    ):
        value = values.get(name, "")
        if fold(value) in _NOT_STATED:
            continue
        code = _declared_choices(choices, words).get(fold(value))
        if code is None:
            problems.append((number, message % {"value": value[:40]}))
        else:
            setattr(row, name, code)
    return problems


def check_rows(
    *, rows: list[dict], default_language: str, default_country: str = "GN"
) -> tuple[list[RosterRow], list[tuple[int, str]]]:
    """Every row read and checked; problems as (row number, translated message)."""
    problems: list[tuple[int, str]] = []
    header = list(dict.fromkeys(key for row in rows for key in row if key is not None))
    mapping, header_problems = header_map(header)
    problems += [(1, message) for message in header_problems]
    if header_problems:
        return [], problems
    audiences = _audiences()
    prefectures = _prefectures()
    countries = _countries() if "country" in mapping else {}
    checked: list[RosterRow] = []
    first_row: dict[str, int] = {}
    for number, raw in enumerate(rows, start=2):
        values = {field: str(raw.get(column) or "").strip() for field, column in mapping.items()}
        if not any(values.values()):
            continue
        if None in raw:
            problems.append((number, _("This row has more cells than the header has columns.")))
        for field, value in values.items():
            if value.startswith(FORMULA_START) and not (field == "phone" and PHONE.match(value)):
                message = _("The %(column)s cell looks like a spreadsheet formula (%(value)s): write it as plain text.")
                problems.append((number, message % {"column": mapping[field], "value": value[:40]}))
        row = RosterRow(number=number, name=values.get("name", "")[:150])
        if not row.name:
            problems.append((number, _("This row has no name.")))
        row.organisation = values.get("organisation", "")[:150]
        audience = values.get("audience", "")
        if audience:
            row.audience = audiences.get(fold(audience), "")
            if not row.audience:
                problems.append((number, _("Unknown audience %(audience)s.") % {"audience": audience}))
        prefecture = values.get("prefecture", "")
        if prefecture:
            row.prefecture = prefectures.get(fold(prefecture))
            if row.prefecture is None:
                problems.append((number, _("Unknown prefecture %(prefecture)s.") % {"prefecture": prefecture}))
        phone = values.get("phone", "")
        if phone:
            if PHONE.match(phone):
                row.phone = re.sub(r"[ .-]", "", phone)
            elif not phone.startswith(FORMULA_START):
                problems.append((number, _("%(phone)s is not a phone number.") % {"phone": phone}))
        email = values.get("email", "")
        if email:
            try:
                validate_email(email)
                row.email = email
            except ValidationError:
                problems.append((number, _("%(email)s is not an email address.") % {"email": email}))
        language = values.get("language", "")
        row.language = LANGUAGES.get(fold(language), "") if language else default_language
        if not row.language:
            problems.append((number, _("Unknown language %(language)s (fr or en).") % {"language": language}))
        country = values.get("country", "")
        row.country = countries.get(fold(country), "") if country else default_country
        if not row.country:
            problems.append((number, _("Unknown country %(country)s.") % {"country": country}))
        row.username = values.get("username", "")
        problems += _check_declared(row, values, number)
        if row.name:
            if row.identity in first_row:
                message = _("The same person as in row %(row)s.") % {"row": first_row[row.identity]}
                problems.append((number, message))
            else:
                first_row[row.identity] = number
        checked.append(row)
    if not checked and not problems:
        problems.append((1, _("The file has no participants.")))
    return checked, problems
