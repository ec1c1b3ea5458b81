"""Fixtures of the data-protection tests: a session whose trainees took both tests, one with a certificate."""

import pytest

from lms import roles
from tests import factories

# Distinctive, so that a search of the whole database finds them only where they really are.
IDENTITY = {
    "username": "zorglubia.q",
    "display_name": "Zorglubia Quaternion",
    "email": "zorglubia.mail@example.org",
    "phone": "+224622987654",
    "organisation": "Association Zorglubienne",
}


@pytest.fixture(autouse=True)
def _verification_address_and_local_mail(settings):
    settings.CERTIFICATE_BASE_URL = "https://verif.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def administrator(db):
    return factories.UserFactory(username="admin.privacy", is_staff=True, is_superuser=True, role=roles.ADMINISTRATOR)


@pytest.fixture
def cohort(db, eager_tasks):
    """Session ERASE1: six trainees took the pre-test (all wrong) and the post-test (all right); the
    one with IDENTITY has a certificate. Returns a dict (session, course, target, people, certificate)."""
    from certificates import services as certificate_services
    from courses import services as course_services
    from training import services

    trainer = factories.UserFactory(username="trainer.privacy", role=roles.TRAINER)
    course, lessons, pre, post = factories.assessment_setup(lessons=1)
    course.public_title = "Formation en sécurité humaine"
    course.save_revision().publish()
    factories.CertificateRuleFactory(course=course, min_post_test_percent=70)
    session = factories.TrainingSessionFactory(code="ERASE1", trainer=trainer, courses=[course])
    services.session_days_sync(session=session)
    target = factories.UserFactory(**IDENTITY)
    people = [target, *(factories.UserFactory(username=f"cohort{n}") for n in range(5))]
    for person in people:
        services.participant_add(session=session, user=person)
        factories.take_test(user=person, test=pre, right=False)
        for lesson in lessons:
            course_services.lesson_complete(user=person, lesson=lesson)
        factories.take_test(user=person, test=post, right=True)
    enrolment = target.enrolments.get()
    certificate = certificate_services.certificate_evaluate(enrolment_id=enrolment.pk).certificate
    return {"session": session, "course": course, "target": target, "people": people, "certificate": certificate}
