"""A revoked or erased certificate keeps no PDF: the file is deleted, and nobody can download it."""

import pytest

from certificates import services
from certificates.models import Certificate
from privacy import services as privacy_services
from tests.factories import CertificateFactory

# Each test on the local disk and on object storage (tests/object_storage.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks", "english", "media_backend")]


def test_revoking_deletes_the_pdf_once_committed_and_the_download_is_gone(
    client, stored, django_capture_on_commit_callbacks
):
    certificate = CertificateFactory()
    name = certificate.pdf.name
    assert stored.exists(name)
    client.force_login(certificate.enrolment.user)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate_id=certificate.pk, reason="Fraude à l'examen")
    assert not stored.exists(name)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED and not certificate.pdf
    assert certificate.pdf_sha256  # what was issued stays provable
    assert client.get(f"/fr/certificates/{certificate.code}.pdf").status_code == 404
    page = client.get("/fr/certificates/").content.decode()
    assert certificate.grouped_code in page and f"/fr/certificates/{certificate.code}.pdf" not in page


def test_a_revocation_rolled_back_keeps_the_pdf(stored, django_capture_on_commit_callbacks):
    certificate = CertificateFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.certificate_revoke(certificate_id=certificate.pk, reason="Erreur")
    assert callbacks  # the deletion waits for the commit...
    assert stored.exists(certificate.pdf.name)  # ...so a rollback leaves the file its row names


def test_erasing_the_holder_deletes_the_pdf(client, stored):
    certificate = CertificateFactory()
    name = certificate.pdf.name
    assert stored.exists(name)
    privacy_services.user_erase(user=certificate.enrolment.user)
    assert not stored.exists(name)
    assert [name for name in stored.files() if name.endswith(".pdf")] == []
    certificate.refresh_from_db()
    assert not certificate.pdf
