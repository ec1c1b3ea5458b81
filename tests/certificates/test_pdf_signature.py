"""The issued PDF is signed (PAdES B-B) with the document-signing certificate, and says what it is.

Checked with the tools a verifier uses: pyHanko's validator and poppler's `pdfsig`, both trusting
the configured certificate; one changed byte in the signed range fails them.
"""

import io
import subprocess

import pytest
from django.conf import settings

from certificates import services
from certificates.models import Certificate
from tests.factories import certificate_setup, take_test

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]


def _issued(**setup) -> Certificate:
    user, enrolment, post, _rule = certificate_setup(**setup)
    take_test(user=user, test=post)
    return services.certificate_evaluate(enrolment_id=enrolment.pk).certificate


def _validate(data: bytes):
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    [signature] = reader.embedded_signatures
    trust = ValidationContext(trust_roots=[load_cert_from_pemder(str(settings.CERTIFICATE_PDF_SIGNING_CERT))])
    return validate_pdf_signature(signature, trust)


def _pdfsig(data: bytes, tmp_path) -> subprocess.CompletedProcess:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(data)
    return subprocess.run(  # noqa: S603
        ["pdfsig", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
    )


def test_the_issued_pdf_is_signed_and_the_signature_validates(tmp_path):
    data = _issued().pdf.read()
    status = _validate(data)
    assert status.intact and status.valid, status.pretty_print_details()
    assert status.trusted, status.pretty_print_details()
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.md_algorithm == "sha256"
    checked = _pdfsig(data, tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Signature is Valid." in checked.stdout
    assert "ETSI.CAdES.detached" in checked.stdout  # PAdES, not the legacy PKCS#7 subfilter


def test_one_changed_byte_in_the_signed_range_fails_the_signature(tmp_path):
    data = bytearray(_issued().pdf.read())
    # A byte of the page's title string in the document information, well inside the first range.
    position = data.index(b"/Title")
    data[position + 9] ^= 0x01
    status = _validate(bytes(data))
    assert not status.intact and not status.bottom_line  # the digest no longer matches
    checked = _pdfsig(bytes(data), tmp_path)
    assert "Signature is Valid." not in checked.stdout


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pdf_says_its_title_language_and_real_creation_date(language):
    from pyhanko.pdf_utils.reader import PdfFileReader

    certificate = _issued(language=language)
    reader = PdfFileReader(io.BytesIO(certificate.pdf.read()))
    info = reader.trailer["/Info"]
    assert str(info["/Title"]) == certificate.grouped_code
    assert str(reader.root["/Lang"]) == language
    created = str(info["/CreationDate"])
    assert created.startswith("D:" + certificate.issued_at.strftime("%Y%m%d%H%M")), created


def test_the_direct_incremental_update_is_as_valid_as_pyhankos(tmp_path):
    """After the first PDF (pyHanko's path, which builds the signer's template), PDFs are signed by
    pdf_signing._append_signature: the same update written directly. Checked as above."""
    from certificates import pdf_signing

    certificate = _issued()
    unsigned = services.render_pdf(certificate)
    by_pyhanko = pdf_signing.sign(unsigned, issuer=settings.CERTIFICATE_ISSUER_NAME)
    cert_path, key_path = pdf_signing._paths()
    stamp = (cert_path.stat().st_mtime_ns, key_path.stat().st_mtime_ns)
    signer = pdf_signing._signer(str(cert_path), str(key_path), stamp)
    assert signer._template is not None  # built by the first signature
    direct = pdf_signing.sign(unsigned, issuer=settings.CERTIFICATE_ISSUER_NAME)
    reserved = 2048 + sum(len(c.dump()) for c in signer.cert_registry)
    assert pdf_signing._append_signature(unsigned, signer, reserved=reserved) is not None  # the direct path ran
    assert direct.startswith(unsigned) and by_pyhanko.startswith(unsigned)  # the drawn page, byte for byte
    for data in (by_pyhanko, direct):
        status = _validate(data)
        assert status.intact and status.valid and status.trusted, status.pretty_print_details()
        assert status.coverage.name == "ENTIRE_FILE" and status.md_algorithm == "sha256"
        checked = _pdfsig(data, tmp_path)
        assert checked.returncode == 0 and "Signature is Valid." in checked.stdout, checked.stdout
        assert "ETSI.CAdES.detached" in checked.stdout
    changed = bytearray(direct)
    changed[direct.index(b"/Title") + 9] ^= 0x01
    assert not _validate(bytes(changed)).intact
    assert "Signature is Valid." not in _pdfsig(bytes(changed), tmp_path).stdout
    # Something it does not expect (here a file of two pages) goes through pyHanko, as valid.
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for number in (1, 2):
        canvas.drawString(72, 720, f"Page {number}")
        canvas.showPage()
    canvas.save()
    two_pages = buffer.getvalue()
    assert pdf_signing._append_signature(two_pages, signer, reserved=reserved) is None
    status = _validate(pdf_signing.sign(two_pages, issuer=settings.CERTIFICATE_ISSUER_NAME))
    assert status.intact and status.valid and status.coverage.name == "ENTIRE_FILE"
