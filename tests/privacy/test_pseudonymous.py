"""Pseudonymous participation: a trainer adds someone under a name of their choice and no contact
details; login with the one-time password, consent, tests and a certificate with that name all work."""

import pytest
from django.urls import reverse

from certificates import services as certificate_services
from courses import services as course_services
from lms.models import ConsentRecord, StaffAccess, User
from tests import factories
from training import services

pytestmark = pytest.mark.django_db

PSEUDONYM = "Étoile du Matin"


def test_a_pseudonymous_participant_goes_from_roster_to_certificate(cohort, client):
    session = cohort["session"]
    trainer = session.trainers.get()
    client.force_login(trainer)
    response = client.post(
        reverse("training:participant_add", args=[session.code]), {"name": PSEUDONYM, "audience": "civil_society"}
    )
    assert response.status_code == 302
    person = User.objects.get(display_name=PSEUDONYM)
    assert person.email == "" and person.phone == "" and person.must_change_password
    assert StaffAccess.objects.filter(user=trainer, what=StaffAccess.What.PARTICIPANT_ADD).exists()

    credential = next(c for c in services.credentials_issue(session=session) if c.username == person.username)
    client.logout()
    login = client.post(reverse("account_login"), {"login": person.username, "password": credential.password})
    assert login.status_code == 302
    assert client.get("/fr/").url == reverse("first_login")
    chosen = client.post(
        reverse("first_login"),
        {"new_password1": "Baobab-riviere-4417", "new_password2": "Baobab-riviere-4417", "consent": "on"},
    )
    assert chosen.status_code == 302, chosen.context["form"].errors
    assert ConsentRecord.objects.get(user=person).source == ConsentRecord.Source.FIRST_LOGIN

    course = cohort["course"]
    from assessments.models import Test

    pre, post = Test.objects.get(course=course, kind="pre"), Test.objects.get(course=course, kind="post")
    factories.take_test(user=person, test=pre, right=False)
    for progress_lesson in course.get_children().specific():
        course_services.lesson_complete(user=person, lesson=progress_lesson)
    factories.take_test(user=person, test=post, right=True)
    certificate = certificate_services.certificate_evaluate(enrolment_id=person.enrolments.get().pk).certificate
    assert certificate is not None and certificate.holder_name == PSEUDONYM


def test_adding_the_same_name_twice_keeps_one_participant(cohort, client):
    session = cohort["session"]
    client.force_login(session.trainers.get())
    for _ in range(2):
        client.post(reverse("training:participant_add", args=[session.code]), {"name": PSEUDONYM})
    assert User.objects.filter(display_name=PSEUDONYM).count() == 1


def test_only_the_sessions_trainers_may_add_participants(cohort, client):
    session = cohort["session"]
    client.force_login(cohort["people"][0])
    response = client.post(reverse("training:participant_add", args=[session.code]), {"name": PSEUDONYM})
    assert response.status_code == 404
    assert not User.objects.filter(display_name=PSEUDONYM).exists()


def test_staff_views_of_a_roster_are_logged_without_content(cohort, client):
    session = cohort["session"]
    trainer = session.trainers.get()
    client.force_login(trainer)
    client.get(reverse("training:session", args=[session.code]))
    client.get(reverse("training:summary_export", args=[session.code, "csv"]))
    client.post(reverse("training:credentials", args=[session.code]))
    assert client.get(reverse("certificates:session_zip", args=[session.code])).status_code == 200
    logged = list(StaffAccess.objects.filter(user=trainer).values_list("what", "subject"))
    assert sorted(logged) == sorted(
        [
            (StaffAccess.What.SESSION_PAGE, "ERASE1"),
            (StaffAccess.What.SUMMARY_EXPORT, "ERASE1"),
            (StaffAccess.What.CREDENTIALS, "ERASE1"),
            (StaffAccess.What.CERTIFICATES_ZIP, "ERASE1"),
        ]
    )
