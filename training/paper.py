"""Printed paper for a session (reportlab, DejaVu Sans, lms.pdf): the credentials
sheet handed out in the room, and a day's sign-in sheet for days without network."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from lms import pdf
from training.models import SessionDay, TrainingSession
from training.services import Credential

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ]
)


def _heading(session: TrainingSession, subtitle: str, styles) -> list:
    place = ", ".join(part for part in [session.venue, session.prefecture.name] if part)
    return [
        Paragraph(pdf.text(f"{session.code} — {session.title}"), styles["title"]),
        Paragraph(pdf.text(subtitle), styles["subtitle"]),
        Paragraph(pdf.text(place), styles["base"]),
        Spacer(1, 4 * mm),
    ]


def credentials_pdf(*, session: TrainingSession, credentials: list[Credential], login_url: str) -> bytes:
    """One row per participant: name, username and one-time password, to cut into slips."""
    styles = pdf.styles()
    story = _heading(session, _("Accounts and one-time passwords"), styles)
    story.append(
        Paragraph(
            pdf.text(
                _(
                    "Log in at %(url)s with your username and this one-time password. You will then "
                    "choose your own password. Keep this slip private."
                )
                % {"url": login_url}
            ),
            styles["hint"],
        )
    )
    story.append(Spacer(1, 3 * mm))
    data = [[Paragraph(pdf.text(text), styles["head"]) for text in (_("Name"), _("Username"), _("One-time password"))]]
    for credential in credentials:
        password = credential.password or credential.note or _("(already chose their own)")
        data.append(
            [
                Paragraph(pdf.text(credential.name), styles["cell"]),
                Paragraph(pdf.text(credential.username), styles["base"]),
                Paragraph(pdf.text(password), styles["base"]),
            ]
        )
    table = Table(data, colWidths=[70 * mm, 50 * mm, 60 * mm], repeatRows=1)
    table.setStyle(GRID)
    table.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]))
    story.append(table)
    return pdf.build(story, pagesize=A4, title=session.code, footer=session.code, compress=True)


def sign_in_sheet_pdf(*, session: TrainingSession, day: SessionDay, people: list[tuple[str, str]]) -> bytes:
    """A day's sign-in sheet: name, username, arrival time and signature, for days without network."""
    styles = pdf.styles()
    subtitle = _("Sign-in sheet, %(date)s") % {"date": formats.date_format(day.date, "DATE_FORMAT")}
    story = _heading(session, subtitle, styles)
    headers = (_("Name"), _("Username"), _("Arrival time"), _("Signature"))
    data = [[Paragraph(pdf.text(text), styles["head"]) for text in headers]]
    for name, username in people:
        data.append([Paragraph(pdf.text(name), styles["cell"]), Paragraph(pdf.text(username), styles["cell"]), "", ""])
    table = Table(data, colWidths=[62 * mm, 40 * mm, 25 * mm, 53 * mm], rowHeights=[None] + [11 * mm] * len(people))
    table.setStyle(GRID)
    story.append(table)
    return pdf.build(story, pagesize=A4, title=session.code, footer=f"{session.code} {day.date}", compress=True)


def qr_svg(text: str) -> str:
    """A QR code as a small SVG (reportlab's own QR widget; no extra dependency)."""
    from reportlab.graphics import renderSVG
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(text, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    size = 200
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    svg = renderSVG.drawToString(drawing)
    return svg[svg.index("<svg") :]
