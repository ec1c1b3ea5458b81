"""Rendering one certificate as issued: our page, signed, beside a bare reportlab page with the same
text and QR code.

Usage: .venv/bin/python bench/certificate_render.py [--repeat 60]
Ours = our layout (frame, wrapped name, signatures, QR code sized for the name, metadata) and its
PAdES signature (ECDSA P-256; the incremental update written by certificates.pdf_signing directly,
pyHanko having built the CMS template on the first PDF, as in a worker). Two baselines, both
unsigned, the same strings drawn line after line with reportlab:
- bare: with the project's own QR drawing (certificates.rendering.draw_qr: fixed mask, one path of
  runs), an already-tuned baseline;
- bare, segno defaults: the QR code as segno makes it by default (segno.make: best mask chosen, Micro
  QR allowed) saved as segno's default PNG and placed with reportlab's drawImage, as a first version
  would do.
All run interleaved (ours, bare, segno, ours, ...) so a busy machine slows them alike. Prints the load
average, the median time and PDF size of each, our drawing and our signing apart, and both ratios,
beside the targets (≤ 20 ms, ≤ 100 KB, ≤ 1.5× bare). Nothing is asserted. Writes our PDF to a
temporary folder.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import bench_row, load_average, median, setup, timed

NAME = "Ɓoubacar Ɗiallo Ƴattara Ŋaliya Ɲɛlɛn Kɔrɔma Sèkou Fatoumata Bérété-Ñamakoro"


def bare_page(page, font_dir) -> bytes:
    """The same strings and QR code on an A4 landscape page, with nothing of our layout."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from certificates.rendering import draw_qr
    from lms.pdf import FONT, register_fonts

    register_fonts(font_dir)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), initialFontName=FONT, pageCompression=1)
    canvas.setFont(FONT, 12)
    lines = [page.issuer, page.heading, page.intro, page.holder_name, page.for_text, page.title, *page.details]
    lines += [page.issued, page.expires, page.code_label, page.code, page.verify_hint]
    lines += [s.name for s in page.signatures] + [s.position for s in page.signatures]
    for number, line in enumerate(lines):
        canvas.drawString(40, 560 - 22 * number, line)
    draw_qr(canvas, page.verify_url, x=680, y=60, size=113)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def bare_page_segno(page, font_dir) -> bytes:
    """The same page as bare_page, its QR code made and drawn with segno's and reportlab's defaults."""
    import segno
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from certificates.rendering import FONT, register_fonts

    register_fonts(font_dir)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), initialFontName=FONT, pageCompression=1)
    canvas.setFont(FONT, 12)
    lines = [page.issuer, page.heading, page.intro, page.holder_name, page.for_text, page.title, *page.details]
    lines += [page.issued, page.expires, page.code_label, page.code, page.verify_hint]
    lines += [s.name for s in page.signatures] + [s.position for s in page.signatures]
    for number, line in enumerate(lines):
        canvas.drawString(40, 560 - 22 * number, line)
    image = io.BytesIO()
    segno.make(page.verify_url).save(image, kind="png")
    image.seek(0)
    canvas.drawImage(ImageReader(image), 680, 60, width=113, height=113)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    workdir = setup()
    from django.conf import settings

    from certificates import codes, services, signing
    from certificates.models import Certificate
    from certificates.rendering import Signature

    settings.CERTIFICATE_SIGNING_KEY = os.environ.get("CERTIFICATE_SIGNING_KEY") or signing.generate_private_key_text()
    # A throw-away document-signing certificate, not the one in var/.
    settings.CERTIFICATE_PDF_SIGNING_CERT = workdir / "pdf-signing.crt"
    settings.CERTIFICATE_PDF_SIGNING_KEY = workdir / "pdf-signing.key"
    issued = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    certificate = Certificate(
        kind="completion",
        code=codes.new_code(),
        holder_name=NAME,
        language="fr",
        title="Formation en sécurité humaine et protection",
        hours=12,
        session_text="Kankan, 3–5 mars 2024",
        issued_at=issued,
        expires_at=issued + timedelta(days=730),
    )
    certificate.signature = signing.sign(signing.canonical(services.signed_data(certificate)))
    page = services.page_for(certificate)
    page = page.__class__(
        **{
            **page.__dict__,
            "signatures": [
                Signature("Mariama Ɓah", "Coordinatrice, OIM Guinée"),
                Signature("Ibrahima Sow", "Chargé de protection, HCR Guinée"),
                Signature("Aïssatou Ɲɛ", "Présidente, CNLTPPA"),
            ],
        }
    )
    from certificates import pdf_signing
    from certificates.rendering import render

    font_dir = settings.CERTIFICATE_FONT_DIR
    issuer = settings.CERTIFICATE_ISSUER_NAME

    def draw() -> bytes:
        return render(page, font_dir=font_dir, created=issued, language="fr")

    def issue() -> bytes:
        return pdf_signing.sign(draw(), issuer=issuer)

    # Fonts, signer and PIL loaded once per process, as in a worker.
    issue(), bare_page(page, font_dir), bare_page_segno(page, font_dir)
    unsigned = draw()
    ours, bare, segno_bare, drawing, signing_only = [], [], [], [], []
    for _ in range(args.repeat):
        ours += timed(issue, repeat=1)
        bare += timed(lambda: bare_page(page, font_dir), repeat=1)
        segno_bare += timed(lambda: bare_page_segno(page, font_dir), repeat=1)
        drawing += timed(draw, repeat=1)
        signing_only += timed(lambda: pdf_signing.sign(unsigned, issuer=issuer), repeat=1)
    our_pdf, bare_pdf, segno_pdf = issue(), bare_page(page, font_dir), bare_page_segno(page, font_dir)
    (workdir / "certificate.pdf").write_bytes(our_pdf)
    print(f"certificate render, median of {args.repeat}, interleaved (target ≤ 20 ms, ≤ 100 KB, ≤ 1.5× bare):")
    print(f"  load average (1, 5, 15 min): {load_average()}")
    print(f"  ours : {median(ours):6.1f} ms  {len(our_pdf) / 1024:6.1f} KB  our layout, drawn and signed (PAdES)")
    print(f"         {median(drawing):6.1f} ms drawing, {median(signing_only):6.1f} ms signing")
    print(f"  bare : {median(bare):6.1f} ms  {len(bare_pdf) / 1024:6.1f} KB  same text, our tuned QR drawing, unsigned")
    print(
        f"  segno: {median(segno_bare):6.1f} ms  {len(segno_pdf) / 1024:6.1f} KB  same text, segno's default QR as PNG"
    )
    print(f"  ratio: {median(ours) / median(bare):6.2f}×  ours / bare (tuned QR: a hard baseline)")
    print(f"         {median(drawing) / median(bare):6.2f}×  our drawing alone / bare")
    print(f"         {median(ours) / median(segno_bare):6.2f}×  ours / bare with segno's defaults")
    print(f"  our PDF: {workdir / 'certificate.pdf'}")
    bench_row(
        "certificate render, signed ÷ bare reportlab (tuned QR)", median(ours), median(bare), target=1.5, unit="ms"
    )
    bench_row(
        "certificate render, signed ÷ bare (segno default QR)", median(ours), median(segno_bare), target=1.5, unit="ms"
    )


if __name__ == "__main__":
    main()
