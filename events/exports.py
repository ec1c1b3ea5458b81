"""The programme dashboard as an XLSX workbook: indicators, webinar participants by country, codebook.

Figures only; a suppressed count is written "<5", never the number.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from events.dashboard import DEFINITIONS, Dashboard, Figure
from training.programme import SMALL_GROUP

SUPPRESSED = "<5"


def _cell(value: int | None):
    return SUPPRESSED if value is None else value


def _line(indicator, scope: str, region: str, figure: Figure) -> list:
    percent = figure.percent
    return [
        indicator.indicator,
        str(indicator.label),
        scope,
        region,
        _cell(figure.achieved),
        figure.target if figure.target is not None else "",
        percent if percent is not None else "",
    ]


def codebook() -> list[list[str]]:
    return [
        [_("Column or value"), _("Meaning")],
        [_("indicator"), _("Code of the indicator (see below).")],
        [_("scope"), _("national, natural_region or administrative_region.")],
        [_("achieved"), _("Progress so far. “<5” means 1 to 4 people: not shown, so no one can be singled out.")],
        [_("target"), _("The target an administrator set for this indicator and scope (empty: none).")],
        [_("percent"), _("achieved / target × 100, rounded.")],
        *([code, str(definition)] for code, definition in DEFINITIONS.items()),
        [_("Suppression"), _("Counts of people from 1 to %(limit)s are written “<5”.") % {"limit": SMALL_GROUP - 1}],
        [_("Abroad or online"), _("Events held outside Guinea or online: they belong to no region.")],
    ]


def dashboard_workbook(dashboard: Dashboard) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Indicators"))
    sheet.append([_("indicator"), _("label"), _("scope"), _("region"), _("achieved"), _("target"), _("percent")])
    for view in dashboard.indicators:
        sheet.append(_line(view, "national", _("Guinea (whole programme)"), view.national))
        for row in view.natural:
            sheet.append(_line(view, "natural_region", row.label, row.figure))
        for row in view.administrative:
            sheet.append(_line(view, "administrative_region", row.label, row.figure))
    countries_sheet = workbook.create_sheet(_("Webinar by country"))
    countries_sheet.append([_("country"), _("webinar participants")])
    for country, count in dashboard.webinar_by_country:
        countries_sheet.append([country, _cell(count)])
    book = workbook.create_sheet(_("Codebook"))
    for line in codebook():
        book.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
