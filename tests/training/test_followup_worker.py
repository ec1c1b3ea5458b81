"""The follow-up reminders through a real Celery worker (Redis broker, the test database): the task
sent twice reminds each trainee once. Run with CELERY_BROKER_URL (and PostgreSQL or a file SQLite)."""

import datetime

import pytest
from django.utils import timezone

from assessments import question_services
from assessments.models import Attempt, FollowupReminder
from courses import services as course_services
from tests.factories import UserFactory, assessment_setup
from training.tasks import send_followup_reminders

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_worker_reminds_each_trainee_once(celery_worker):
    course, _lessons, _pre, post = assessment_setup(lessons=1)
    followup = question_services.test_define(course=course, kind="followup", forms={"": ["Q1", "Q2"]})
    users = [
        UserFactory(email="a@example.org", phone="+224620000011"),
        UserFactory(email="", phone="+224620000012"),
        UserFactory(email="", phone=""),
    ]
    for days, user in zip((91, 120, 200), users, strict=True):
        course_services.enrolment_create(user=user, course=course)
        Attempt.objects.create(
            user=user,
            test=post,
            form=post.forms.get(),
            status=Attempt.Status.SUBMITTED,
            finished_at=timezone.now() - datetime.timedelta(days=days),
            score=5.0,
            max_score=6.0,
        )
    waiting = UserFactory(email="w@example.org")
    Attempt.objects.create(
        user=waiting,
        test=post,
        form=post.forms.get(),
        status=Attempt.Status.SUBMITTED,
        finished_at=timezone.now() - datetime.timedelta(days=30),
        score=5.0,
        max_score=6.0,
    )
    first = send_followup_reminders.delay()
    second = send_followup_reminders.delay()
    assert sorted([first.get(timeout=60), second.get(timeout=60)]) == [0, 3]
    assert send_followup_reminders.delay().get(timeout=60) == 0
    channels = dict(FollowupReminder.objects.filter(test=followup).values_list("user_id", "channels"))
    assert channels == {users[0].pk: "email,sms", users[1].pk: "sms", users[2].pk: ""}
    log = celery_worker["log"].read_text()
    assert "SMS to +224620000011" in log and "SMS to +224620000012" in log
