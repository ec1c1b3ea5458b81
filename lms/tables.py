"""Reading a table a person typed up: a CSV (UTF-8 with or without BOM, or Windows-1252; ";", "," or
tab separated) or an XLSX workbook's first sheet, as rows of dicts keyed by the header.

Used by every upload of a table: paper answers (assessments.paper_import), rosters (training) and
attendance lists (events). A file that is not a table raises TableError with the row where it went
wrong (1 = the header) and a translated message.
"""

from __future__ import annotations

import csv
import io
import zipfile

from django.utils.translation import gettext as _

# A roster or a sheet of answers unpacks to a few hundred kilobytes; far more is an attack or a mistake.
MAX_XLSX_UNPACKED_BYTES = 20_000_000


class TableError(ValueError):
    """A file that cannot be read as a table; `row` is where it went wrong (1 = the header)."""

    def __init__(self, row: int, message: str):
        super().__init__(f"{row}: {message}")
        self.row = row
        self.message = message


def _cell(value) -> str:
    """A spreadsheet value as typed text (Excel turns VRAI/FAUX into booleans, 1 into 1.0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows_to_dicts(table: list[list[str]], *, pad: bool = False) -> list[dict]:
    """Rows as dicts keyed by the header, like csv.DictReader but keeping blank rows (numbering).

    Extra cells go under the key None and missing cells are None, as DictReader does; the import
    reports both. With `pad` (spreadsheets, which drop empty trailing cells) missing cells are empty.
    """
    if not table or not any(cell.strip() for cell in table[0]):
        raise TableError(1, _("The file is empty: the first row must name the columns."))
    header = [cell.strip() for cell in table[0]]
    while header and not header[-1]:
        header.pop()
    seen = set()
    for name in header:
        if name and name.casefold() in seen:
            raise TableError(1, _("The column %(column)s appears twice.") % {"column": name})
        seen.add(name.casefold())
    rows = []
    for cells in table[1:]:
        missing = "" if pad else None
        row: dict[str | None, str | list[str] | None] = {
            name: (cells[index] if index < len(cells) else missing) for index, name in enumerate(header)
        }
        extra = [cell for cell in cells[len(header) :] if cell.strip()]
        if extra:
            row[None] = extra
        rows.append(row)
    return rows


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows saves "CSV (separator: semicolon)" in Windows-1252.
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        raise TableError(1, _("The file is not in UTF-8: save it again as CSV UTF-8.")) from error


def _delimiter(text: str) -> str:
    """The separator of the header line: ";" (French Excel), "," or a tab."""
    header = text.split("\n", 1)[0]
    counts = {separator: header.count(separator) for separator in (";", ",", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def read_csv(content: bytes) -> list[dict]:
    text = _decode(content)
    if "\x00" in text:
        raise TableError(1, _("The file is not a CSV file."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    table = []
    try:
        for cells in reader:
            table.append(cells)
    except csv.Error as error:
        raise TableError(len(table) + 1, _("The file is not valid CSV: %(error)s") % {"error": error}) from error
    return _rows_to_dicts(table)


def read_xlsx(content: bytes, *, formulas_as_text: bool = False) -> list[dict]:
    """The rows of the first sheet; a formula cell gives its computed value, or with
    `formulas_as_text` its formula (=…) so that the caller can refuse it."""
    from openpyxl import load_workbook  # installed with Wagtail (its spreadsheet exports)

    # Security (issue 9): a small XLSX can unpack to gigabytes (a "zip bomb"); zipfile never reads
    # a member past its declared size, so the declared sizes bound what openpyxl may unpack.
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise TableError(1, _("The file is not a valid XLSX workbook.")) from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise TableError(
            1,
            _("The workbook is too large once unpacked (over %(size)s MB): keep only the table.")
            % {"size": MAX_XLSX_UNPACKED_BYTES // 1_000_000},
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=not formulas_as_text)
    except Exception as error:  # openpyxl raises many kinds (zipfile, KeyError, InvalidFileException)
        raise TableError(1, _("The file is not a valid XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        table = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _rows_to_dicts(table, pad=True)


def read_table(*, content: bytes, filename: str, formulas_as_text: bool = False) -> list[dict]:
    """The rows of a CSV (UTF-8, with or without BOM, ";" or "," separated) or XLSX file."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(content, formulas_as_text=formulas_as_text)
    return read_csv(content)
