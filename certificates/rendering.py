"""The certificate page: A4 landscape, one page, drawn with reportlab from plain, translated text.

Pure: no database, no translation lookups; `services` builds a `Page` in the holder's language.
The font is DejaVu Sans (Debian's fonts-dejavu-core), embedded as a subset, because it covers the
letters of Guinea's national languages (ɓ ɗ ƴ ŋ ɲ ɛ ɔ) that the PDF standard fonts lack. The QR code
is drawn as vector rectangles from its module matrix: sharp at any zoom, and about 18 ms cheaper
per page than reportlab's QR widget.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import segno
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT, FONT_BOLD = "CertSans", "CertSans-Bold"
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


_registered: set[str] = set()


def register_fonts(font_dir: str | Path) -> None:
    """Register DejaVu Sans once per process (reading the TTF is the slow part)."""
    key = str(font_dir)
    if key in _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(Path(font_dir) / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(Path(font_dir) / "DejaVuSans-Bold.ttf")))
    _registered.add(key)


def draw_qr(canvas: Canvas, text: str, *, x: float, y: float, size: float) -> None:
    """Draw `text` as a QR code (error correction M) of `size` points, lower-left corner at (x, y).

    One filled path of rectangles, one per horizontal run of dark modules, written as PDF operators
    in module units (small integers) under a scaling transform: a few kilobytes, sharp at any zoom,
    and cheap to write. The mask is fixed: searching for the best of eight takes most of the
    encoding time, and every reader decodes any mask.
    """
    qr = segno.make(text, error="m", micro=False, mask=4, boost_error=False)
    matrix = qr.matrix
    border = 2
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


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float, minimum: float = 12) -> float:
    """The largest size ≤ `size` at which `text` fits `width` (long names shrink, never overflow)."""
    while size > minimum and canvas.stringWidth(text, font, size) > width:
        size -= 1
    return size


def _wrap(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and canvas.stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def render(page: Page, *, font_dir: str | Path) -> bytes:
    """The certificate as PDF bytes (deterministic for the same input)."""
    register_fonts(font_dir)
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(
        buffer, pagesize=(width, height), invariant=1, pageCompression=1, initialFontName=FONT, initialFontSize=11
    )
    canvas.setTitle(page.document_title or page.heading)
    canvas.setAuthor(page.issuer)
    centre = width / 2
    text_width = width - 90 * mm

    # A double frame.
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2.5)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)

    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 11)
    canvas.drawCentredString(centre, height - 30 * mm, page.issuer)

    canvas.setFillColor(ACCENT)
    size = _fit(canvas, page.heading.upper(), FONT_BOLD, 30, text_width)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(centre, height - 48 * mm, page.heading.upper())

    canvas.setFillColor(INK)
    canvas.setFont(FONT, 13)
    canvas.drawCentredString(centre, height - 62 * mm, page.intro)

    size = _fit(canvas, page.holder_name, FONT_BOLD, 28, text_width, minimum=14)
    canvas.setFont(FONT_BOLD, size)
    name_y = height - 78 * mm
    canvas.drawCentredString(centre, name_y, page.holder_name)
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.5)
    canvas.line(centre - 95 * mm, name_y - 4 * mm, centre + 95 * mm, name_y - 4 * mm)

    canvas.setFont(FONT, 13)
    canvas.drawCentredString(centre, height - 92 * mm, page.for_text)
    y = height - 103 * mm
    for line in _wrap(canvas, page.title, FONT_BOLD, 17, text_width)[:2]:
        canvas.setFont(FONT_BOLD, 17)
        canvas.drawCentredString(centre, y, line)
        y -= 7.5 * mm
    canvas.setFont(FONT, 11.5)
    for line in page.details:
        canvas.drawCentredString(centre, y, line)
        y -= 6 * mm
    canvas.drawCentredString(centre, y - 1 * mm, "   ·   ".join(part for part in (page.issued, page.expires) if part))

    # Signatures: up to three, spread along the bottom, left of the QR code.
    signatures = page.signatures[:3]
    if signatures:
        area_left, area_right = 25 * mm, width - 80 * mm
        slot = (area_right - area_left) / len(signatures)
        for index, signature in enumerate(signatures):
            middle = area_left + slot * (index + 0.5)
            line_y = 38 * mm
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
            canvas.line(middle - 30 * mm, line_y, middle + 30 * mm, line_y)
            canvas.setFillColor(INK)
            canvas.setFont(FONT_BOLD, 10)
            canvas.drawCentredString(middle, line_y - 5 * mm, signature.name)
            if signature.position:
                canvas.setFont(FONT, 8.5)
                canvas.setFillColor(MUTED)
                canvas.drawCentredString(middle, line_y - 9.5 * mm, signature.position[:70])

    # Verification: QR code and grouped code, bottom right.
    qr_size = 40 * mm
    qr_x, qr_y = width - 30 * mm - qr_size, 22 * mm
    draw_qr(canvas, page.verify_url, x=qr_x, y=qr_y, size=qr_size)
    canvas.setFillColor(INK)
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(qr_x + qr_size / 2, qr_y + qr_size + 6 * mm, page.code_label)
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawCentredString(qr_x + qr_size / 2, qr_y + qr_size + 1.5 * mm, page.code)
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(width / 2, 18.5 * mm, page.verify_hint)

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
