"""Printed documents (reportlab): safe text, the house styles and an A4 builder with a page footer.

Only reportlab's built-in Helvetica is used: it covers French (Latin-1 and Windows-1252), so no font
file is needed. Used by the paper tests (assessments.paper) and a session's printed sheets
(training.paper).
"""

from __future__ import annotations

import io
import unicodedata
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate


def text(value) -> str:
    """Text safe for a Paragraph: NFC (so "é" is one Latin-1 character) and XML-escaped."""
    return escape(unicodedata.normalize("NFC", str(value or "")))


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles by name: base, small, hint, title, subtitle, question, cell, head."""
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10.5, leading=13.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "hint": ParagraphStyle("hint", parent=base, fontName="Helvetica-Oblique", fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=15, leading=19),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontName="Helvetica-Bold", fontSize=12, leading=16),
        "question": ParagraphStyle("question", parent=base, fontName="Helvetica-Bold", spaceBefore=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
        "head": ParagraphStyle("head", parent=base, fontName="Helvetica-Bold", fontSize=8, leading=9.5, alignment=1),
    }


def _footer(label: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.grey)
        page = _("Page %(number)s") % {"number": doc.page}
        canvas.drawString(doc.leftMargin, 10 * mm, unicodedata.normalize("NFC", f"{label} · {page}"))
        canvas.restoreState()

    return draw


def build(story: list, *, pagesize, title: str, footer: str, compress: bool) -> bytes:
    """The PDF of `story` (reportlab flowables), with `footer` and the page number on every page."""
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
