"""The session summary as CSV or XLSX. Cells that a spreadsheet would run as a formula are escaped."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from training.models import TrainingSession
from training.roster import FORMULA_START
from training.selectors import ParticipantRow


def _safe(value):
    """A leading apostrophe keeps =, +, -, @ as text in Excel and LibreOffice (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _percent(value: float | None):
    return "" if value is None else round(value, 1)


def summary_table(*, session: TrainingSession, rows: list[ParticipantRow]) -> list[list]:
    header = [
        _("Name"),
        _("Username"),
        _("Organisation"),
        _("Audience"),
        _("Days attended"),
        _("Days marked"),
        _("Pre-test (%)"),
        _("Post-test (%)"),
        _("Lessons completed"),
    ]
    table = [header]
    for row in rows:
        table.append(
            [
                row.name,
                row.username,
                row.organisation,
                row.audience,
                row.days_attended,
                row.days_marked,
                _percent(row.pre_percent),
                _percent(row.post_percent),
                row.lessons_done,
            ]
        )
    return [[_safe(cell) for cell in line] for line in table]


def to_csv(table: list[list]) -> bytes:
    buffer = io.StringIO()
    # Semicolons and a BOM: French Excel opens it straight away.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(table)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for line in table:
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
