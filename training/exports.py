"""The session summary as CSV or XLSX. Cells that a spreadsheet would run as a formula are escaped."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from lms.csv_export import csv_bytes, neutralise
from training.models import TrainingSession
from training.selectors import ParticipantRow


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
    # Security (issue 9): the one neutralise of the evaluation exports, which also covers a leading
    # tab or carriage return (this file's own copy let "\t=1+1" through).
    return [[neutralise(cell) for cell in line] for line in table]


def to_csv(table: list[list]) -> bytes:
    # Semicolons and a BOM: French Excel opens it straight away.
    return csv_bytes(table, delimiter=";")


def to_xlsx(table: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for line in table:
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
