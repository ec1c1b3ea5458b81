"""The one CSV writer of the project: no cell of its files starts a spreadsheet formula.

A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula. It
splits a CSV file on the separator of its own locale, not the file's: a French Excel splits on ";",
an English one on ",", and a paste on tabs. So a name like "Ali,=cmd|' /C calc'!A0", harmless in a
";" file, becomes a cell "=cmd|' /C calc'!A0" where commas separate; and a quoted field read with
another separator loses its quotes. Hence every trigger that follows a separator (, ; tab CR LF)
or a quote, not only the first character, gets an apostrophe before it, whatever the file's own
separator. Numbers stay numbers; text only gains apostrophes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A trigger at the start, or after any character a reader may start a cell after.
_HIDDEN_FORMULA = re.compile(r"""(^|[,;\t\r\n"])(?=[=+\-@\t\r])""")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe; others unchanged.

    For cells of a workbook (XLSX), where there is no separator to split on."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value):
    """A text cell with an apostrophe before each formula trigger at its start or after a separator
    or a quote; other values unchanged."""
    return _HIDDEN_FORMULA.sub(r"\1'", value) if isinstance(value, str) else value


class SafeWriter:
    """csv.writer's writerow/writerows, each cell through csv_cell."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream, **options) -> SafeWriter:
    """The project's csv.writer (same options); use it for every CSV the project writes."""
    return SafeWriter(stream, **options)


def csv_bytes(rows: Iterable[Iterable], *, delimiter: str = ",") -> bytes:
    """A CSV file in UTF-8 with a byte-order mark (spreadsheets then read the accents right) and
    CRLF line ends."""
    buffer = io.StringIO()
    writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
