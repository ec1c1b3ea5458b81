"""Rendering one certificate: our page beside a bare reportlab page with the same text and QR code.

Usage: .venv/bin/python bench/certificate_render.py [--repeat 60]
Prints the median render time and PDF size of each, and our/bare as a ratio, beside the targets
(≤ 20 ms, ≤ 100 KB, ≤ 1.5×). Nothing is asserted. Writes our PDF to a temporary folder.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import median, setup, timed

NAME = "Ɓoubacar Ɗiallo Ƴattara Ŋaliya Ɲɛlɛn Kɔrɔma Sèkou Fatoumata Bérété-Ñamakoro"


def bare_page(page, font_dir) -> bytes:
    """The same strings and QR code on an A4 landscape page, with nothing of our layout."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from certificates.rendering import FONT, draw_qr, register_fonts

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
    from certificates.rendering import render

    font_dir = settings.CERTIFICATE_FONT_DIR
    render(page, font_dir=font_dir)  # fonts registered once per process, as in a worker
    ours = timed(lambda: render(page, font_dir=font_dir), repeat=args.repeat)
    bare = timed(lambda: bare_page(page, font_dir), repeat=args.repeat)
    our_pdf, bare_pdf = render(page, font_dir=font_dir), bare_page(page, font_dir)
    (workdir / "certificate.pdf").write_bytes(our_pdf)
    print(f"certificate render, median of {args.repeat} (target ≤ 20 ms, ≤ 100 KB, ≤ 1.5× bare):")
    print(f"  ours : {median(ours):6.1f} ms  {len(our_pdf) / 1024:6.1f} KB")
    print(f"  bare : {median(bare):6.1f} ms  {len(bare_pdf) / 1024:6.1f} KB")
    print(f"  ratio: {median(ours) / median(bare):6.2f}×")
    print(f"  our PDF: {workdir / 'certificate.pdf'}")


if __name__ == "__main__":
    main()
