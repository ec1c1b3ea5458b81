"""Dates read day before month in both languages, French abbreviations in lower case (issue 19, item 7)."""

import datetime

from django.template import Context, Template
from django.utils import formats, translation

DAY = datetime.date(2026, 12, 6)  # a Sunday


def _render(source: str, language: str) -> str:
    with translation.override(language):
        return Template(source).render(Context({"day": DAY}))


def test_english_dates_put_the_day_first():
    assert _render('{{ day|date:"SHORT_DATE_FORMAT" }}', "en") == "06/12/2026"
    assert _render('{{ day|date:"DATE_FORMAT" }}', "en") == "6 December 2026"
    assert _render('{{ day|date:"WEEKDAY_DATE_FORMAT" }}', "en") == "Sun 6 Dec"
    with translation.override("en"):
        assert formats.sanitize_separators("06/12/2026") == "06/12/2026"
        from django import forms

        assert forms.DateField().clean("06/12/2026") == DAY  # what is shown is read back the same


def test_french_dates_keep_their_formats_with_lower_case_abbreviations():
    assert _render('{{ day|date:"SHORT_DATE_FORMAT" }}', "fr") == "06/12/2026"
    assert _render('{{ day|date:"DATE_FORMAT" }}', "fr") == "6 décembre 2026"
    assert _render('{{ day|date:"WEEKDAY_DATE_FORMAT" }}', "fr") == "dim. 6 décembre"
