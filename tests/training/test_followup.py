"""The follow-up test (training/followup.py): when it opens for a trainee, the reminder sent once by
the channels the trainee has (e-mail, SMS through lms.sms), and the dashboard notice."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from assessments import access, question_services
from assessments.models import Attempt, FollowupReminder, Test
from courses import services as course_services
from lms import sms
from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory, assessment_setup, take_test
from training import followup
from training.tasks import send_followup_reminders

pytestmark = pytest.mark.django_db

REFERENCES = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]


@pytest.fixture
def module(settings):
    settings.SMS_BACKEND = "lms.sms.LocmemBackend"
    settings.FOLLOWUP_DEFAULT_DAYS = 90
    sms.outbox.clear()
    course, _lessons, pre, post = assessment_setup(lessons=1)
    followup_test = question_services.test_define(course=course, kind="followup", forms={"": REFERENCES}, pass_mark=0)
    return {"course": course, "pre": pre, "post": post, "followup": followup_test}


def _took_post(module, user, *, days_ago: float) -> Attempt:
    """The trainee took the pre- and post-test; the post-test finished `days_ago` days ago."""
    course_services.enrolment_create(user=user, course=module["course"])
    Attempt.objects.create(
        user=user,
        test=module["pre"],
        form=module["pre"].forms.get(),
        status=Attempt.Status.SUBMITTED,
        finished_at=timezone.now() - datetime.timedelta(days=days_ago + 2),
        score=1.0,
        max_score=6.0,
    )
    return Attempt.objects.create(
        user=user,
        test=module["post"],
        form=module["post"].forms.get(),
        status=Attempt.Status.SUBMITTED,
        finished_at=timezone.now() - datetime.timedelta(days=days_ago),
        score=5.0,
        max_score=6.0,
    )


def test_the_followup_opens_the_sessions_days_after_the_last_post_test(module):
    user = UserFactory()
    session = TrainingSessionFactory(courses=[module["course"]], followup_days=30)
    ParticipantFactory(session=session, user=user)
    course_services.enrolment_create(user=user, course=module["course"])
    test = module["followup"]

    refusal = access.may_take_test(user=user, test=test, route=access.ONLINE)
    assert refusal is not None and "passez d'abord le post-test" in refusal.message

    post = _took_post(module, user, days_ago=29)
    opening = followup.opens_at(user_id=user.pk, course_id=module["course"].pk)
    assert opening == post.finished_at + datetime.timedelta(days=30)
    refusal = access.may_take_test(user=user, test=test, route=access.ONLINE)
    assert refusal is not None and refusal.code == access.WAITING_FOR_TRAINER
    assert str(timezone.localdate(opening).year) in refusal.message
    # Every route refuses it alike.
    assert access.may_take_test(user=user, test=test, route=access.DOWNLOAD) is not None

    Attempt.objects.filter(pk=post.pk).update(finished_at=post.finished_at - datetime.timedelta(days=2))
    assert access.may_take_test(user=user, test=test, route=access.ONLINE) is None
    # The pre- and post-test are unaffected by the new rule.
    assert followup.followup_closes(user, module["post"]) is None


def test_without_a_session_the_default_delay_applies(module, settings):
    settings.FOLLOWUP_DEFAULT_DAYS = 10
    user = UserFactory()
    post = _took_post(module, user, days_ago=9)
    assert followup.delay_days(user_id=user.pk, course_id=module["course"].pk) == 10
    assert followup.opens_at(user_id=user.pk, course_id=module["course"].pk) == post.finished_at + datetime.timedelta(
        days=10
    )
    assert access.may_take_test(user=user, test=module["followup"], route=access.ONLINE) is not None
    Attempt.objects.filter(pk=post.pk).update(finished_at=post.finished_at - datetime.timedelta(days=1, minutes=1))
    assert access.may_take_test(user=user, test=module["followup"], route=access.ONLINE) is None


def test_the_opening_counts_from_the_last_counting_post_test_not_a_flagged_one(module):
    user = UserFactory()
    post = _took_post(module, user, days_ago=100)
    Attempt.objects.create(
        user=user,
        test=module["post"],
        form=module["post"].forms.get(),
        number=2,
        status=Attempt.Status.SUBMITTED,
        finished_at=timezone.now(),
        score=6.0,
        max_score=6.0,
        flagged_duplicate=True,
    )
    assert followup.post_test_finished_at(user_id=user.pk, course_id=module["course"].pk) == post.finished_at


def test_a_reminder_is_sent_once_by_each_channel_the_trainee_has(module, eager_tasks):
    both = UserFactory(email="awa@example.org", phone="+224620000001", preferred_language="fr")
    phone_only = UserFactory(email="", phone="+224620000002", preferred_language="en")
    neither = UserFactory(email="", phone="")
    not_yet = UserFactory(email="late@example.org", phone="")
    already_taken = UserFactory(email="done@example.org", phone="")
    for user in (both, phone_only, neither, already_taken):
        _took_post(module, user, days_ago=91)
    _took_post(module, not_yet, days_ago=80)
    Attempt.objects.create(
        user=already_taken,
        test=module["followup"],
        form=module["followup"].forms.get(),
        status=Attempt.Status.SUBMITTED,
        finished_at=timezone.now(),
        score=4.0,
        max_score=6.0,
    )

    assert send_followup_reminders.delay().get() == 3
    assert [m.to for m in mail.outbox] == [["awa@example.org"]]
    assert mail.outbox[0].subject == "Votre test de suivi est ouvert"
    assert f"/tests/{module['followup'].pk}/" in mail.outbox[0].body
    assert sorted(m.to for m in sms.outbox) == ["+224620000001", "+224620000002"]
    english = next(m for m in sms.outbox if m.to == "+224620000002")
    assert english.body.startswith("The follow-up test of the module")
    channels = dict(FollowupReminder.objects.values_list("user_id", "channels"))
    assert channels == {both.pk: "email,sms", phone_only.pk: "sms", neither.pk: ""}

    # Again (the next beat, or a redelivered message): nothing more is sent.
    assert send_followup_reminders.delay().get() == 0
    assert len(mail.outbox) == 1 and len(sms.outbox) == 2
    assert FollowupReminder.objects.count() == 3


def test_a_failed_sending_is_rolled_back_and_retried(module, settings, eager_tasks):
    user = UserFactory(email="", phone="+224620000009")
    _took_post(module, user, days_ago=95)
    settings.SMS_BACKEND = "tests.training.test_followup.BrokenGateway"
    assert send_followup_reminders.delay().get() == 0
    assert not FollowupReminder.objects.exists()
    settings.SMS_BACKEND = "lms.sms.LocmemBackend"
    assert send_followup_reminders.delay().get() == 1
    assert [m.to for m in sms.outbox] == ["+224620000009"]


class BrokenGateway(sms.BaseSmsBackend):
    def send_messages(self, messages):
        raise ConnectionError("gateway down")


def test_the_dashboard_shows_the_open_followup_and_the_coming_one(module):
    user = UserFactory()
    _took_post(module, user, days_ago=95)
    client = Client()
    client.force_login(user)
    page = client.get("/fr/dashboard/").content.decode()
    assert "Tests de suivi" in page
    assert f"/tests/{module['followup'].pk}/" in page

    other_course, _lessons, _pre, _post = assessment_setup(lessons=1)
    later = {
        "course": other_course,
        "pre": _pre,
        "post": _post,
        "followup": question_services.test_define(course=other_course, kind="followup", forms={"": REFERENCES}),
    }
    _took_post(later, user, days_ago=5)
    page = client.get("/en/dashboard/").content.decode()
    assert "Follow-up tests" in page and "opens on" in page

    take_test(user=user, test=module["followup"])
    page = client.get("/en/dashboard/").content.decode()
    assert f"/tests/{module['followup'].pk}/" not in page


def test_the_session_form_sets_the_delay_or_keeps_the_default(module):
    from training.forms import SessionForm
    from training.models import TrainingSession

    prefecture = TrainingSessionFactory().prefecture
    data = {
        "code": "fol25",
        "title": "Suivi",
        "courses": [module["course"].pk],
        "mode": "face_to_face",
        "prefecture": prefecture.pk,
        "country": "GN",
        "language": "fr",
        "start_date": "2026-03-02",
        "end_date": "2026-03-04",
    }
    form = SessionForm(data=data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["followup_days"] == 90
    form = SessionForm(data={**data, "followup_days": "45"})
    assert form.is_valid() and form.cleaned_data["followup_days"] == 45
    assert not SessionForm(data={**data, "followup_days": "0"}).is_valid()
    session = TrainingSession.objects.get(pk=TrainingSessionFactory(followup_days=120).pk)
    edit = SessionForm(data={**data, "code": session.code}, instance=session)
    assert edit.is_valid(), edit.errors
    assert edit.cleaned_data["followup_days"] == 120
    assert Test.Kind.FOLLOWUP.label == "Test de suivi"
