"""A revoked or erased certificate keeps no PDF: the file is deleted, and nobody can download it."""

from pathlib import Path

import pytest
from django.conf import settings

from certificates import services
from certificates.models import Certificate
from privacy import services as privacy_services
from tests.factories import CertificateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks", "english")]


def _pdf_path(certificate) -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT) / certificate.pdf.name


def test_revoking_deletes_the_pdf_once_committed_and_the_download_is_gone(client, django_capture_on_commit_callbacks):
    certificate = CertificateFactory()
    path = _pdf_path(certificate)
    assert path.is_file()
    client.force_login(certificate.enrolment.user)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate_id=certificate.pk, reason="Fraude à l'examen")
    assert not path.exists()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED and not certificate.pdf
    assert certificate.pdf_sha256  # what was issued stays provable
    assert client.get(f"/fr/certificates/{certificate.code}.pdf").status_code == 404
    page = client.get("/fr/certificates/").content.decode()
    assert certificate.grouped_code in page and f"/fr/certificates/{certificate.code}.pdf" not in page


def test_a_revocation_rolled_back_keeps_the_pdf(django_capture_on_commit_callbacks):
    certificate = CertificateFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.certificate_revoke(certificate_id=certificate.pk, reason="Erreur")
    assert callbacks  # the deletion waits for the commit...
    assert _pdf_path(certificate).is_file()  # ...so a rollback leaves the file its row names


def test_erasing_the_holder_deletes_the_pdf(client):
    certificate = CertificateFactory()
    path = _pdf_path(certificate)
    assert path.is_file()
    privacy_services.user_erase(user=certificate.enrolment.user)
    assert not path.exists()
    assert list(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf")) == []
    certificate.refresh_from_db()
    assert not certificate.pdf
