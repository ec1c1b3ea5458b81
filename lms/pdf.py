"""What every printed document shares (reportlab): text made safe for a Paragraph, the styles and the
A4 page with its footer of the paper forms and sheets, and the Unicode font with the canvas helpers
that fit and wrap text.

Every document prints names in Guinea's national languages (ɓ ɗ ƴ ŋ ɲ ɛ ɔ), which the PDF standard
fonts (Helvetica) lack — "Fatoumata Ɓah" came out as "Fatoumata ■ah". So certificates
(certificates.rendering), paper tests (assessments.paper) and session sheets (training.paper) all use
DejaVu Sans (Debian's fonts-dejavu-core, settings.CERTIFICATE_FONT_DIR), registered once per process
by `register_fonts` and embedded as a subset.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

# --- Documents of paragraphs and tables (DejaVu Sans) -----------------------------------------------


def text(value) -> str:
    """Text safe for a Paragraph: NFC (so "é" is one character, as the font has it) and XML-escaped."""
    return escape(unicodedata.normalize("NFC", str(value or "")))


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of printed forms and sheets, by name (registers the fonts if needed)."""
    from django.conf import settings

    register_fonts(settings.CERTIFICATE_FONT_DIR)
    base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=13.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "hint": ParagraphStyle("hint", parent=base, fontName=FONT_ITALIC, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontName=FONT_BOLD, fontSize=12, leading=16),
        "question": ParagraphStyle("question", parent=base, fontName=FONT_BOLD, spaceBefore=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=8, leading=9.5, alignment=1),
    }


def _footer(footer_text: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.grey)
        page = _("Page %(number)s") % {"number": doc.page}
        canvas.drawString(doc.leftMargin, 10 * mm, unicodedata.normalize("NFC", f"{footer_text} · {page}"))
        canvas.restoreState()

    return draw


def build(story: list, *, pagesize, title: str, footer: str, compress: bool) -> bytes:
    """`story` as PDF bytes: 15 mm side margins, `footer` and the page number on every page.

    Deterministic for the same input; `compress=False` leaves the page streams readable (tests).
    """
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=17 * mm,
        title=unicodedata.normalize("NFC", title),
        pageCompression=1 if compress else 0,
        invariant=1,
    )
    draw = _footer(footer)
    document.build(story, onFirstPage=draw, onLaterPages=draw)
    return buffer.getvalue()


# --- Drawing on a canvas with the Unicode font ------------------------------------------------------

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = "CertSans", "CertSans-Bold", "CertSans-Oblique", "CertSans-BoldOblique"

_registered: set[str] = set()


def register_fonts(font_dir: str | Path) -> None:
    """Register DejaVu Sans as FONT, FONT_BOLD, FONT_ITALIC and FONT_BOLD_ITALIC once per process
    (reading the TTF is the slow part), as one family so that <b> and <i> in a Paragraph use them."""
    key = str(font_dir)
    if key in _registered:
        return
    files = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        FONT_ITALIC: "DejaVuSans-Oblique.ttf",
        FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in files.items():
        pdfmetrics.registerFont(TTFont(name, str(Path(font_dir) / file)))
    registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    _registered.add(key)


def fit(canvas: Canvas, line: str, font: str, size: float, width: float, minimum: float = 12) -> float:
    """The largest size ≤ `size` at which `line` fits `width` (long names shrink, never overflow)."""
    while size > minimum and canvas.stringWidth(line, font, size) > width:
        size -= 1
    return size


def wrap(canvas: Canvas, words: str, font: str, size: float, width: float, widths: dict | None = None) -> list[str]:
    """`words` in lines no wider than `width`; a word wider than a whole line is broken between
    letters (a glyph is never cut off by the page).

    Widths are measured once per word at 1 pt and added up (reportlab does not kern, so a line is
    as wide as its words and spaces); `widths` keeps them between calls for the same text.
    """
    widths = {} if widths is None else widths

    def measure(part: str) -> float:
        if part not in widths:
            widths[part] = canvas.stringWidth(part, font, 1)
        return widths[part] * size

    space = measure(" ")
    lines: list[str] = []
    line, line_width = "", 0.0
    for word in words.split():
        word_width = measure(word)
        if line and line_width + space + word_width > width:
            lines.append(line)
            line, line_width = "", 0.0
        line, line_width = (f"{line} {word}", line_width + space + word_width) if line else (word, word_width)
        while line_width > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and canvas.stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
            line_width = canvas.stringWidth(line, font, size)
    if line:
        lines.append(line)
    return lines
