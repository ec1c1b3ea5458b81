"""Each certificate in its holder's language, and the address printed on it is the one the site serves."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.models import Locale

from certificates import services
from certificates.models import Certificate
from tests.factories import CertificateFactory, certificate_setup, take_test

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]


def _pdf_text(certificate: Certificate, tmp_path) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(services.render_pdf(certificate))
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)  # noqa: S603, S607
    return " ".join(done.stdout.split())


pytestmark.append(pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)"))


def test_an_english_certificate_is_english_throughout(tmp_path):
    user, enrolment, post, _rule = certificate_setup(language="en")
    course = enrolment.course
    english = course.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.public_title = "Human security and protection training"
    english.save_revision().publish()
    take_test(user=user, test=post)
    certificate = services.certificate_evaluate(enrolment_id=enrolment.pk).certificate
    assert certificate.language == "en" and certificate.title == "Human security and protection training"
    text = _pdf_text(certificate, tmp_path)
    assert "Human security and protection training" in text and "Formation" not in text
    assert "COMPLETION CERTIFICATE" in text and "is awarded to" in text


@pytest.mark.parametrize(
    ("language", "hours", "expected"),
    [
        ("en", 1, "Duration: 1 hour"),
        ("en", 3, "Duration: 3 hours"),
        ("fr", 1, "Durée\u00a0: 1 heure"),
        ("fr", 2, "Durée\u00a0: 2 heures"),
    ],
)
def test_the_duration_agrees_with_its_number(language, hours, expected):
    certificate = CertificateFactory(language=language)
    certificate.hours = hours
    assert expected in services.page_for(certificate).details


def _settings_in_a_new_process(**environment) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PUBLIC_BASE_URL", "CERTIFICATE_BASE_URL", "WAGTAILADMIN_BASE_URL", "LMS_SERVED_AT")
    }
    env.update(environment)
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings"
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CERTIFICATE_BASE_URL, s.WAGTAILADMIN_BASE_URL)"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_printed_address_follows_the_port_make_run_serves():
    assert (
        _settings_in_a_new_process(LMS_SERVED_AT="http://127.0.0.1:8766")
        == "http://127.0.0.1:8766 http://127.0.0.1:8766"
    )
    assert (
        _settings_in_a_new_process(
            LMS_SERVED_AT="http://127.0.0.1:8766", PUBLIC_BASE_URL="https://formation.example.org"
        )
        == "https://formation.example.org https://formation.example.org"
    )


def test_the_qr_code_carries_the_configured_address(settings):
    settings.CERTIFICATE_BASE_URL = "http://127.0.0.1:8766"
    certificate = CertificateFactory()
    assert services.verification_url(certificate).startswith(f"http://127.0.0.1:8766/v/{certificate.code}/#")
