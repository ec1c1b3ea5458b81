"""Every name fits the page: wrapped, then shrunk, never cut; the QR code stays clear and decodable.

Checked as a verifier would: each glyph's box (pdfplumber) inside the page's inner frame and away
from the QR code, and the page rasterised at 80 dpi (`pdftoppm`) read back by `zbarimg`.
"""

import re
import subprocess
from datetime import UTC, datetime, timedelta

import pdfplumber
import pytest
from django.conf import settings
from reportlab.lib.units import mm

from certificates import codes, rendering, services, signing
from certificates.models import Certificate

FULA = "Ɓoubacar Ɗiallo Ƴattara Ŋaliya Ɲɛlɛn Kɔrɔma Ɓah Ɗiaraye Ƴero Ŋaari Ɲaama Sɛyɗu Bɔɔri Ɓoolo"
FRENCH = "Marie-Geneviève Éléonore Françoise de La Rochefoucauld-Montmorency d’Harcourt Bérénice"


def _name(words: str, length: int) -> str:
    text = " ".join([words] * (length // len(words) + 1))[:length].strip()
    return text + "ɔ" * (length - len(text))  # exactly `length` characters, ending on a letter


def _certificate(name: str, *, language: str = "fr") -> Certificate:
    issued = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    certificate = Certificate(
        kind="completion",
        code=codes.new_code(),
        holder_name=name,
        language=language,
        title="Formation en sécurité humaine et protection des personnes victimes de la traite",
        hours=12,
        session_text="Kankan, 3–5 mars 2024",
        issued_at=issued,
        expires_at=issued + timedelta(days=730),
    )
    certificate.key_id = signing.key_id(signing.public_key())
    certificate.signature = signing.sign(signing.canonical(services.signed_data(certificate)))
    return certificate


def _render(certificate: Certificate, tmp_path):
    page = services.page_for(certificate)
    page = page.__class__(
        **{
            **page.__dict__,
            "signatures": [
                rendering.Signature("Mariama Ɓah", "Coordinatrice du programme de sécurité humaine, OIM Guinée"),
                rendering.Signature("Ibrahima Sow", "Chargé de protection, HCR Guinée"),
                rendering.Signature("Aïssatou Ɲɛ", "Présidente, CNLTPPA"),
            ],
        }
    )
    path = tmp_path / "certificate.pdf"
    path.write_bytes(rendering.render(page, font_dir=settings.CERTIFICATE_FONT_DIR))
    return page, path


LENGTHS = [20, 66, 101, 150, 200]


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("words", [FULA, FRENCH], ids=["fula", "french"])
def test_every_glyph_lies_inside_the_frame_and_clear_of_the_qr_code(words, length, tmp_path):
    name = _name(words, length)
    assert len(name) == length
    _page, path = _render(_certificate(name), tmp_path)
    with pdfplumber.open(path) as pdf:
        sheet = pdf.pages[0]
        chars = sheet.chars
        # The QR code's modules are its only filled rectangles.
        modules = [r for r in sheet.rects if r["fill"] and not r["stroke"]]
        qr = (
            min(r["x0"] for r in modules),
            min(r["top"] for r in modules),
            max(r["x1"] for r in modules),
            max(r["bottom"] for r in modules),
        )
        left, top, right, bottom = 15 * mm, 15 * mm, sheet.width - 15 * mm, sheet.height - 15 * mm
    printed = "".join(c["text"] for c in chars)
    assert "".join(name.split()) in "".join(printed.split()), "the whole name is printed, no glyph lost"
    outside = [c["text"] for c in chars if c["x0"] < left or c["x1"] > right or c["top"] < top or c["bottom"] > bottom]
    assert not outside, f"glyphs outside the frame: {''.join(outside)!r}"
    quiet = 2 * mm  # the quiet zone around the code stays blank
    left, top, right, bottom = qr[0] - quiet, qr[1] - quiet, qr[2] + quiet, qr[3] + quiet
    over = [c["text"] for c in chars if c["x1"] > left and c["x0"] < right and c["bottom"] > top and c["top"] < bottom]
    assert not over, f"text over the QR code: {''.join(over)!r}"


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("words", [FULA, FRENCH], ids=["fula", "french"])
def test_the_qr_code_reads_at_80_dpi_and_verifies_offline(words, length, tmp_path):
    from certificates import verification

    page, path = _render(_certificate(_name(words, length)), tmp_path)
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-r", "80", "-png", "-singlefile", path, tmp_path / "page"],  # noqa: S607
        check=True,
    )
    read = subprocess.run(  # noqa: S603
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", tmp_path / "page.png"],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert read.returncode == 0, f"zbarimg could not read the QR code at 80 dpi ({length} characters)"
    assert read.stdout.strip() == page.verify_url
    result = verification.check_offline(read.stdout.strip())
    assert result.ok, result.summary


SIGNATURES = {
    "usual": [
        rendering.Signature("Mariama Ɓah", "Coordinatrice du programme de sécurité humaine, OIM Guinée"),
        rendering.Signature("Ibrahima Sow", "Chargé de protection, HCR Guinée"),
        rendering.Signature("Aïssatou Ɲɛ", "Présidente, CNLTPPA"),
    ],
    # The fields' maxima: a name of 120 characters, a position and an organisation of 160 each.
    "longest": [
        rendering.Signature(_name(FULA, 120), _name(FRENCH, 160) + ", " + _name(FULA, 160)),
        rendering.Signature("Ibrahima Sow", _name(FRENCH, 321)),
        rendering.Signature(_name(FRENCH, 120), "Présidente, CNLTPPA"),
    ],
}


@pytest.mark.parametrize("signatures", SIGNATURES.values(), ids=SIGNATURES.keys())
def test_signatures_are_printed_at_7_pt_at_least_within_their_slot(signatures, tmp_path):
    """The signatory's title was shrunk to 4.5 pt to stay on one line: it wraps instead, at 7 pt or
    more, each signature within its own third of the space left of the QR code, above the hint."""
    page = services.page_for(_certificate(_name(FULA, 150)))
    page = page.__class__(**{**page.__dict__, "signatures": signatures})
    path = tmp_path / "certificate.pdf"
    path.write_bytes(rendering.render(page, font_dir=settings.CERTIFICATE_FONT_DIR))
    with pdfplumber.open(path) as pdf:
        sheet = pdf.pages[0]
        chars, height = sheet.chars, sheet.height
        lines = sorted((line for line in sheet.lines if line["top"] > height - 60 * mm), key=lambda r: r["x0"])
    assert len(lines) == 3, "one signature line each"
    hint = [c for c in chars if c["bottom"] > height - 21 * mm]
    assert "".join(c["text"] for c in hint).startswith("Vérifiez cette attestation")
    hint_top = min(c["top"] for c in hint)
    for signature, line in zip(signatures, lines, strict=True):
        left, right = line["x0"] - 3 * mm, line["x1"] + 3 * mm  # a slot: its line and half the gap
        block = [c for c in chars if c["top"] > line["top"] and c["bottom"] <= hint_top and left < c["x0"] < right]
        printed = "".join(c["text"] for c in block if c["text"] != " ")
        position = [c for c in block if c["fontname"].endswith("DejaVuSans")]
        assert position, "the position is printed"
        assert min(c["size"] for c in block) >= 7, f"{signature.name}: text below 7 pt"
        assert max(c["size"] for c in position) <= 8.5
        assert all(left <= c["x0"] and c["x1"] <= right for c in block), "within the slot"
        words = "".join(signature.position.split())
        if len(signature.position) < 70:
            assert printed.endswith(words), "a usual position is printed whole"
        else:
            assert printed.endswith("…"), "what does not fit says so"
        assert max(c["bottom"] for c in block) < hint_top, "clear of the verification hint"


@pytest.mark.parametrize("length", [20, 150])
def test_the_detail_lines_share_one_centre(length, tmp_path):
    """They stepped sideways half-way down when only the lower ones moved left of the QR code."""
    page, path = _render(_certificate(_name(FULA, length)), tmp_path)
    lines = [*page.details, "   ·   ".join((page.issued, page.expires))]
    with pdfplumber.open(path) as pdf:
        found = [pdf.pages[0].search(r"\s*".join(re.escape(word) for word in line.split())) for line in lines]
    assert [len(matches) for matches in found] == [1, 1, 1], lines
    centres = [(match["x0"] + match["x1"]) / 2 for [match] in found]
    assert max(centres) - min(centres) < 1, centres
