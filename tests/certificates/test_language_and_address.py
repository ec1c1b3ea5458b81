"""Each certificate in its holder's language, and the address printed on it is the one the site serves."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.models import Locale

from certificates import badges, services
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
    certificate.hours, certificate.minutes = hours, None  # issued before minutes were kept
    assert expected in services.page_for(certificate).details
    certificate.minutes = hours * 60
    assert expected in services.page_for(certificate).details


@pytest.mark.parametrize(
    ("language", "minutes", "expected"),
    [
        ("en", 75, "Duration: 1 h 15 min"),
        ("fr", 75, "Durée\u00a0: 1\u00a0h\u00a015\u00a0min"),
        ("en", 45, "Duration: 45 min"),
        ("fr", 45, "Durée\u00a0: 45\u00a0min"),
        ("fr", 120, "Durée\u00a0: 2 heures"),
    ],
)
def test_a_duration_in_minutes_is_printed_in_hours_and_minutes(language, minutes, expected):
    certificate = CertificateFactory(language=language)
    certificate.minutes = minutes
    assert services.page_for(certificate).details[0] == expected


def test_a_75_minute_module_prints_1_h_15_min_not_1_hour(tmp_path):
    """The duration was rounded to whole hours: "Durée : 1 heures" for 75 minutes."""
    user, enrolment, post, _rule = certificate_setup()
    course = enrolment.course.specific
    course.estimated_minutes = 75
    course.save_revision().publish()
    take_test(user=user, test=post)
    certificate = services.certificate_evaluate(enrolment_id=enrolment.pk).certificate
    assert certificate.minutes == 75
    assert "Durée : 1 h 15 min" in _pdf_text(certificate, tmp_path).replace("\u00a0", " ")
    credential = badges.credential(services.badge_facts(certificate))
    assert credential["credentialSubject"]["achievement"]["creditsAvailable"] == 1.25
    course.certificate_hours = 2  # set by the programme: what the certificate says
    course.save_revision().publish()
    assert course.certificate_minutes == 120


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
