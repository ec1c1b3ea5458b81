"""The certificate page: A4 landscape, one page, drawn with reportlab from plain, translated text.

Pure: no database, no translation lookups; `services` builds a `Page` in the holder's language.
The font is DejaVu Sans (lms.pdf.register_fonts), embedded as a subset, because it covers the
letters of Guinea's national languages (ɓ ɗ ƴ ŋ ɲ ɛ ɔ) that the PDF standard fonts lack. The QR code
is drawn as vector rectangles from its module matrix: sharp at any zoom, and about 18 ms cheaper
per page than reportlab's QR widget.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

import segno
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from lms.pdf import FONT, FONT_BOLD, fit, register_fonts, wrap

INK = Color(0.1, 0.12, 0.16)
ACCENT = Color(0.06, 0.33, 0.45)
MUTED = Color(0.35, 0.38, 0.42)


@dataclass(frozen=True)
class Signature:
    name: str
    position: str = ""
    logo_path: str = ""


@dataclass(frozen=True)
class Page:
    heading: str  # "Attestation de réussite"
    intro: str  # "est décernée à"
    holder_name: str
    for_text: str  # "pour avoir suivi la formation"
    title: str
    details: list[str]  # hours, session place and dates
    issued: str  # "Délivrée le 28 novembre 2026"
    expires: str  # "Valable jusqu'au …" or ""
    issuer: str
    code_label: str
    code: str  # grouped
    verify_hint: str
    verify_url: str  # what the QR code holds
    signatures: list[Signature] = field(default_factory=list)
    document_title: str = ""


# A module of at least 0.65 mm is what `zbarimg` reads from a page scanned or photographed at
# 80 dpi, when the pixel grid falls well; 0.72 mm still failed about one page in thirty (the grid
# against the modules), 0.85 mm (2.7 pixels a module) read every page in 180 tries.
# The code grows with the name (the signed data carry it), never below 40 mm.
QR_MODULE = 0.85 * mm
QR_MINIMUM = 40 * mm
QR_BORDER = 2  # modules of white drawn around the code; the page around it keeps the quiet zone


def qr_matrix(text: str) -> tuple:
    """The QR code's module matrix: the smallest version that holds `text` at error correction L,
    raised to the best level that still fits that version (M, Q or H when there is room).

    The fixed mask saves most of the encoding time: every reader decodes any mask.
    """
    return segno.make(text, error="l", micro=False, mask=4, boost_error=True).matrix


def qr_size(matrix) -> float:
    """The printed size, in points, of a code with this matrix (border included)."""
    return max(QR_MINIMUM, (len(matrix) + 2 * QR_BORDER) * QR_MODULE)


def draw_qr(canvas: Canvas, text: str, *, x: float, y: float, size: float, matrix=None) -> None:
    """Draw `text` as a QR code of `size` points, lower-left corner at (x, y).

    One filled path of rectangles, one per horizontal run of dark modules, written as PDF operators
    in module units (small integers) under a scaling transform: a few kilobytes, sharp at any zoom,
    and cheap to write.
    """
    matrix = qr_matrix(text) if matrix is None else matrix
    border = QR_BORDER
    module = size / (len(matrix) + 2 * border)
    operators = []
    for row_index, row in enumerate(matrix):
        column, width = 0, len(row)
        while column < width:
            if row[column]:
                start = column
                while column < width and row[column]:
                    column += 1
                operators.append(f"{start + border} {row_index + border} {column - start} 1 re")
            else:
                column += 1
    canvas.saveState()
    canvas.setFillColor(Color(0, 0, 0))
    # Origin at the top-left corner, y downwards: row r of the matrix is at y = r.
    canvas.transform(module, 0, 0, -module, x, y + size)
    canvas.addLiteral("\n".join(operators) + "\nf")
    canvas.restoreState()


def _name_lines(canvas: Canvas, text: str, width: float) -> tuple[float, list[str]]:
    """The holder's name as (size, lines): one line at up to 28 pt, else two lines before shrinking
    to 14 pt, then three lines down to 9 pt; past that (one unbroken word of 100 letters) the word
    is broken between letters rather than cut."""
    words, widths = set(text.split()), {}
    for max_lines, sizes in ((1, range(28, 21, -1)), (2, range(28, 13, -1)), (3, range(14, 8, -1))):
        for size in sizes:
            lines = wrap(canvas, text, FONT_BOLD, size, width, widths)
            if len(lines) <= max_lines and all(" " in line or line in words for line in lines):
                return size, lines
    return 9, wrap(canvas, text, FONT_BOLD, 9, width, widths)


@dataclass(frozen=True)
class _Layout:
    """Where things go on the landscape page: the QR code first, since it grows with the name and the
    text below the name makes room for it."""

    width: float
    height: float
    matrix: tuple
    qr_side: float
    qr_x: float
    qr_y: float

    @classmethod
    def of(cls, page: Page) -> _Layout:
        width, height = landscape(A4)
        matrix = qr_matrix(page.verify_url)
        qr_side = qr_size(matrix)
        return cls(width, height, matrix, qr_side, width - 24 * mm - qr_side, 24 * mm)

    @property
    def centre(self) -> float:
        return self.width / 2

    @property
    def text_width(self) -> float:
        return self.width - 90 * mm

    @property
    def frame_left(self) -> float:
        return 15 * mm

    @property
    def qr_block_left(self) -> float:
        return self.qr_x - 3 * mm

    @property
    def qr_block_top(self) -> float:
        return self.qr_y + self.qr_side + 11 * mm  # the code and its label above the QR code

    def span(self, y: float, size: float) -> tuple[float, float]:
        """(centre, width) of a line at baseline `y`: centred on the page, or left of the QR
        code's block when the line would reach down beside it."""
        if y - 0.3 * size < self.qr_block_top:
            left = self.frame_left + 8 * mm
            return (left + self.qr_block_left) / 2, self.qr_block_left - left
        return self.centre, self.text_width


def _canvas(buffer: io.BytesIO, page: Page, layout: _Layout, *, created, language: str) -> Canvas:
    canvas = Canvas(
        buffer,
        pagesize=(layout.width, layout.height),
        invariant=1,
        pageCompression=1,
        initialFontName=FONT,
        initialFontSize=11,
        lang=language or None,
    )
    if created is not None:
        # Invariant mode (same input, same bytes) would date every certificate 2000-01-01.
        stamp = created.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
        canvas.setDateFormatter(lambda *_parts: stamp)
    canvas.setTitle(page.document_title or page.heading)
    canvas.setAuthor(page.issuer)
    canvas.setSubject(page.heading)
    return canvas


def _draw_heading(canvas: Canvas, page: Page, layout: _Layout) -> None:
    """The double frame, the issuer, the heading and the line before the name."""
    width, height, centre = layout.width, layout.height, layout.centre
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2.5)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(layout.frame_left, 15 * mm, width - 30 * mm, height - 30 * mm)

    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 11)
    canvas.drawCentredString(centre, height - 30 * mm, page.issuer)

    canvas.setFillColor(ACCENT)
    size = fit(canvas, page.heading.upper(), FONT_BOLD, 30, layout.text_width)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(centre, height - 48 * mm, page.heading.upper())

    canvas.setFillColor(INK)
    canvas.setFont(FONT, 13)
    canvas.drawCentredString(centre, height - 62 * mm, page.intro)


def _draw_name(canvas: Canvas, page: Page, layout: _Layout) -> float:
    """The holder's name, underlined; returns the baseline of its last line."""
    centre = layout.centre
    size, lines = _name_lines(canvas, page.holder_name, layout.text_width)
    canvas.setFont(FONT_BOLD, size)
    y = layout.height - 78 * mm + (len(lines) - 1) * 2 * mm  # two lines start a little higher
    for line in lines:
        canvas.drawCentredString(centre, y, line)
        y -= size * 1.2
    y += size * 1.2
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.5)
    canvas.line(centre - 95 * mm, y - 4 * mm, centre + 95 * mm, y - 4 * mm)
    return y


def _draw_title_and_details(canvas: Canvas, page: Page, layout: _Layout, y: float) -> None:
    """What the certificate is for, the module's title (two lines at most), the details and dates."""
    y -= 14 * mm
    canvas.setFont(FONT, 13)
    line_centre, line_width = layout.span(y, 13)
    canvas.drawCentredString(line_centre, y, page.for_text)
    y -= 11 * mm
    title_centre, title_width = layout.span(y - 7.5 * mm, 17)
    for line in wrap(canvas, page.title, FONT_BOLD, 17, title_width)[:2]:
        canvas.setFont(FONT_BOLD, 17)
        canvas.drawCentredString(title_centre, y, line)
        y -= 7.5 * mm
    lines = [*page.details, "   ·   ".join(part for part in (page.issued, page.expires) if part)]
    # One centre for the block: where its last line must stand (left of the QR code when it reaches
    # down beside it), so the lines do not step sideways half-way down.
    line_centre, line_width = layout.span(y - (len(lines) - 1) * 6 * mm, 11.5)
    for line in lines:
        canvas.setFont(FONT, fit(canvas, line, FONT, 11.5, line_width, minimum=7))
        canvas.drawCentredString(line_centre, y, line)
        y -= 6 * mm


# Signatures: the smallest printed size (7 pt reads on paper; the position was shrunk to 4.5 pt
# to stay on one line before), and how many lines the name and the position take at most.
SIGNATURE_MINIMUM = 7.0
SIGNATURE_LINES = 4  # name and position together, between the signature line and the hint below


def _lines(canvas: Canvas, text: str, font: str, sizes: tuple[float, ...], width: float, most: int):
    """`text` as (size, lines): the largest of `sizes` at which it wraps onto `most` lines; at the
    smallest size, what does not fit ends in "…" (a position of 300 characters), never smaller."""
    for size in sizes:
        lines = wrap(canvas, text, font, size, width)
        if len(lines) <= most:
            return size, lines
    size = sizes[-1]
    lines = wrap(canvas, text, font, size, width)[:most]
    last = lines[-1]
    while last and canvas.stringWidth(last.rstrip(" ,;") + "…", font, size) > width:
        last = last[:-1]
    return size, [*lines[:-1], last.rstrip(" ,;") + "…"]


def _sizes(largest: float) -> tuple[float, ...]:
    """From `largest` down to SIGNATURE_MINIMUM in half points."""
    return tuple(largest - step / 2 for step in range(int((largest - SIGNATURE_MINIMUM) * 2) + 1))


def _draw_signatures(canvas: Canvas, signatures: list[Signature], layout: _Layout) -> None:
    """Up to three, spread along the bottom, left of the QR code: the name (two lines at most) and the
    position below it, wrapped rather than shrunk below 7 pt, within the slot."""
    signatures = signatures[:3]
    if not signatures:
        return
    area_left, area_right = 25 * mm, layout.qr_block_left - 5 * mm
    slot = (area_right - area_left) / len(signatures)
    room = slot - 4 * mm
    line_y = 41 * mm
    for index, signature in enumerate(signatures):
        middle = area_left + slot * (index + 0.5)
        if signature.logo_path:
            with contextlib.suppress(OSError):  # a missing logo must not stop a certificate
                canvas.drawImage(
                    signature.logo_path,
                    middle - 12 * mm,
                    line_y + 3 * mm,
                    width=24 * mm,
                    height=14 * mm,
                    preserveAspectRatio=True,
                    anchor="c",
                    mask="auto",
                )
        canvas.setStrokeColor(MUTED)
        half = min(30 * mm, slot / 2 - 3 * mm)  # a gap between two signature lines
        canvas.line(middle - half, line_y, middle + half, line_y)
        canvas.setFillColor(INK)
        size, lines = _lines(canvas, signature.name, FONT_BOLD, _sizes(10), room, 2)
        y = line_y - 5 * mm
        canvas.setFont(FONT_BOLD, size)
        for line in lines:
            canvas.drawCentredString(middle, y, line)
            y -= size * 1.2
        if signature.position:
            most = SIGNATURE_LINES - len(lines)
            size, position = _lines(canvas, signature.position, FONT, _sizes(min(8.5, size)), room, most)
            canvas.setFont(FONT, size)
            canvas.setFillColor(MUTED)
            y -= 1.2 * mm
            for line in position:
                canvas.drawCentredString(middle, y, line)
                y -= size * 1.2


def _draw_verification(canvas: Canvas, page: Page, layout: _Layout) -> None:
    """The QR code and the grouped code, bottom right, and how to verify along the bottom."""
    qr_x, qr_y, qr_side = layout.qr_x, layout.qr_y, layout.qr_side
    draw_qr(canvas, page.verify_url, x=qr_x, y=qr_y, size=qr_side, matrix=layout.matrix)
    canvas.setFillColor(INK)
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(qr_x + qr_side / 2, qr_y + qr_side + 7.5 * mm, page.code_label)
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawCentredString(qr_x + qr_side / 2, qr_y + qr_side + 3 * mm, page.code)
    canvas.setFont(FONT, fit(canvas, page.verify_hint, FONT, 7.5, layout.width - 50 * mm, minimum=5))
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(layout.width / 2, 18.5 * mm, page.verify_hint)


def render(page: Page, *, font_dir: str | Path, created=None, language: str = "") -> bytes:
    """The certificate as PDF bytes (deterministic for the same input).

    `created` (an aware datetime) is the document's creation date, written in UTC; `language`
    its /Lang (the holder's language, for screen readers).
    """
    register_fonts(font_dir)
    buffer = io.BytesIO()
    layout = _Layout.of(page)
    canvas = _canvas(buffer, page, layout, created=created, language=language)
    _draw_heading(canvas, page, layout)
    y = _draw_name(canvas, page, layout)
    _draw_title_and_details(canvas, page, layout, y)
    _draw_signatures(canvas, page.signatures, layout)
    _draw_verification(canvas, page, layout)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
