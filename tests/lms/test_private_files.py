"""Private files (certificate PDFs, H5P packages) live outside MEDIA_ROOT and reach only the people
Django's checks let through: streamed by Django (the embedded default) or handed to nginx with
X-Accel-Redirect (PRIVATE_MEDIA_DELIVERY). tests/deploy/test_nginx.py runs the same rules through
the shipped nginx configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.test import Client

from courses import services as course_services
from tests.factories import CertificateFactory, UserFactory, course_tree, h5p_package

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]

ACCEL = "x-accel-redirect"


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def certificate(stored):
    return CertificateFactory()


@pytest.fixture
def gated_h5p(stored):
    """An H5P package used by a lesson of a module, and a trainee enrolled in that module."""
    package = h5p_package()
    course, lessons = course_tree(h5p_package=package)
    trainee = UserFactory()
    course_services.enrolment_create(user=trainee, course=course)
    return {"package": package, "lesson": lessons[0], "trainee": trainee}


def _h5p_url(gated_h5p, path: str = "h5p.json") -> str:
    return f"/h5p/{gated_h5p['lesson'].pk}/{gated_h5p['package'].pk}/{path}"


# --- Where the files live --------------------------------------------------------------------------


def test_certificate_pdfs_and_h5p_files_live_in_the_private_storage_and_nothing_in_the_public(
    settings, stored, certificate, gated_h5p
):
    h5p_name = f"{gated_h5p['package'].storage_prefix}/h5p.json"
    assert stored.read(certificate.pdf.name) == certificate.pdf.read()
    assert stored.exists(h5p_name)
    assert {certificate.pdf.name, h5p_name} <= set(stored.files("private"))
    assert stored.files("default") == []
    if stored.buckets is None:
        private, public = Path(settings.PRIVATE_MEDIA_ROOT), Path(settings.MEDIA_ROOT)
        assert not private.resolve().is_relative_to(public.resolve())
        assert (private / certificate.pdf.name).read_bytes() == stored.read(certificate.pdf.name)
    else:  # on object storage: in the private bucket, under its prefix; the public bucket is empty
        assert f"private/{certificate.pdf.name}" in stored.buckets.keys(stored.buckets.private)
        assert stored.buckets.keys(stored.buckets.public) == []


def test_a_private_file_has_no_public_url(certificate):
    with pytest.raises(ValueError, match="no public URL"):
        certificate.pdf.url  # noqa: B018 - the property is what is tested
    with pytest.raises(ValueError, match="no public URL"):
        storages["private"].url("h5p/x/h5p.json")


# --- Who gets them, streamed by Django ---------------------------------------------------------------


def test_the_holder_downloads_the_pdf_and_nobody_else_does(certificate):
    url = f"/fr/certificates/{certificate.code}.pdf"
    response = _client(certificate.enrolment.user).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert _body(response) == certificate.pdf.read()
    assert "no-store" in response["Cache-Control"]
    assert _client(UserFactory()).get(url).status_code == 404
    anonymous = _client().get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    # The old public address under MEDIA_URL serves nothing.
    assert _client(certificate.enrolment.user).get(f"/media/{certificate.pdf.name}").status_code == 404


def test_an_enrolled_trainee_gets_the_h5p_files_and_nobody_else_does(gated_h5p, stored):
    url = _h5p_url(gated_h5p)
    response = _client(gated_h5p["trainee"]).get(url)
    assert response.status_code == 200
    assert _body(response) == stored.read(f"{gated_h5p['package'].storage_prefix}/h5p.json")
    assert _client(UserFactory()).get(url).status_code == 404
    assert _client().get(url).status_code == 302
    old_public_url = f"/media/{gated_h5p['package'].storage_prefix}/h5p.json"
    assert _client(gated_h5p["trainee"]).get(old_public_url).status_code == 404


# --- Who gets them, handed to nginx -------------------------------------------------------------------


def _assert_accel(header: str, stored, name: str, prefix: str) -> None:
    """The X-Accel-Redirect target: the file in nginx's internal location on disk; on object storage
    the object's address signed for a minute, behind /private-s3 (which nginx proxies to the endpoint)."""
    if stored.buckets is None:
        assert header == f"{prefix}{name}"
        return
    path, _query, query = header.partition("?")
    assert path == f"/private-s3/{stored.buckets.private}/private/{name}"
    assert "X-Amz-Expires=60" in query and "X-Amz-Signature=" in query
    fetched = requests.get(stored.buckets.endpoint + header.removeprefix("/private-s3"), timeout=10)
    assert fetched.status_code == 200 and fetched.content == stored.read(name)


def test_with_x_accel_redirect_the_holder_gets_the_internal_location_and_no_bytes(settings, stored, certificate):
    settings.PRIVATE_MEDIA_DELIVERY = ACCEL
    url = f"/fr/certificates/{certificate.code}.pdf"
    response = _client(certificate.enrolment.user).get(url)
    assert response.status_code == 200
    _assert_accel(response["X-Accel-Redirect"], stored, certificate.pdf.name, "/private-media/")
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{certificate.code}.pdf"' in response["Content-Disposition"]
    assert _body(response) == b""
    refused = _client(UserFactory()).get(url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


def test_with_x_accel_redirect_h5p_files_go_through_nginx_for_the_enrolled_only(settings, stored, gated_h5p):
    settings.PRIVATE_MEDIA_DELIVERY = ACCEL
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/interne/"
    response = _client(gated_h5p["trainee"]).get(_h5p_url(gated_h5p))
    assert response.status_code == 200
    _assert_accel(response["X-Accel-Redirect"], stored, f"{gated_h5p['package'].storage_prefix}/h5p.json", "/interne/")
    assert response["Content-Type"] == "application/json"
    assert _body(response) == b""
    refused = _client(UserFactory()).get(_h5p_url(gated_h5p))
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused
    # A file the package does not hold is refused by Django, not left to nginx.
    missing = _client(gated_h5p["trainee"]).get(_h5p_url(gated_h5p, "content/absent.json"))
    assert missing.status_code == 404 and "X-Accel-Redirect" not in missing


# --- Files left at the old public place, and the settings' sanity ------------------------------------


def test_move_private_files_moves_the_old_public_files_and_the_deploy_check_finds_none_after(
    settings, certificate, gated_h5p
):
    private = storages["private"]
    # Files as an older version stored them: under MEDIA_ROOT, at the same names.
    pdf_bytes = certificate.pdf.read()
    private.delete(certificate.pdf.name)
    default_storage.save(certificate.pdf.name, ContentFile(pdf_bytes))
    h5p_name = f"{gated_h5p['package'].storage_prefix}/h5p.json"
    h5p_bytes = private.open(h5p_name).read()
    private.delete(h5p_name)
    default_storage.save(h5p_name, ContentFile(h5p_bytes))
    assert _client(certificate.enrolment.user).get(f"/fr/certificates/{certificate.code}.pdf").status_code == 404
    warnings = [m.id for m in run_checks(include_deployment_checks=True)]
    assert "lms.W010" in warnings

    call_command("move_private_files", verbosity=0)
    call_command("move_private_files", verbosity=0)  # again: nothing left to move, nothing breaks

    assert not default_storage.exists(certificate.pdf.name) and not default_storage.exists(h5p_name)
    assert private.open(certificate.pdf.name).read() == pdf_bytes
    assert private.open(h5p_name).read() == h5p_bytes
    assert _body(_client(certificate.enrolment.user).get(f"/fr/certificates/{certificate.code}.pdf")) == pdf_bytes
    assert "lms.W010" not in [m.id for m in run_checks(include_deployment_checks=True)]


def test_a_private_root_inside_media_root_or_an_unknown_delivery_is_refused_by_the_checks(settings):
    settings.PRIVATE_MEDIA_ROOT = str(Path(settings.MEDIA_ROOT) / "private")
    assert "lms.E010" in [m.id for m in run_checks()]
    settings.PRIVATE_MEDIA_ROOT = str(Path(settings.MEDIA_ROOT).parent / "elsewhere")
    assert "lms.E010" not in [m.id for m in run_checks()]
    settings.PRIVATE_MEDIA_DELIVERY = "sendfile"
    assert "lms.E011" in [m.id for m in run_checks()]
