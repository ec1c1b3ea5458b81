"""The platform's learning events reach a real LRS (Ralph) as valid xAPI 1.0.3 statements, once each."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.xapi import journey as j
from tests.xapi.ralph import validation_errors
from xapi import forwarding
from xapi.models import Learner, LrsConfig, OutboxStatement

pytestmark = pytest.mark.django_db

EVENTS = {
    "enrolled",
    "test_started",
    "test_submitted",
    "lesson_completed",
    "h5p_answered",
    "attended",
    "certificate_issued",
    "certificate_revoked",
}


def test_every_event_arrives_once_valid_and_without_personal_data(lrs, ralph):
    journey = j.everything()
    queued = list(OutboxStatement.objects.order_by("pk"))
    assert {row.event for row in queued} == EVENTS
    report = forwarding.forward()
    assert report.errors == []
    assert (report.sent, report.rejected) == (len(queued), 0)

    stored = ralph.statements()
    assert Counter(s["id"] for s in stored) == Counter(str(row.statement_id) for row in queued)
    assert validation_errors(stored) == []
    assert OutboxStatement.objects.filter(status="sent").count() == len(queued)

    key = str(Learner.objects.get(user=journey.user).key)
    text = json.dumps(stored, ensure_ascii=False)
    for personal in (journey.user.username, journey.user.email, "Aïssatou", "Ɓah", journey.certificate.code):
        assert personal not in text
    for statement in stored:
        assert statement["actor"]["account"] == {"homePage": "http://127.0.0.1:8000", "name": key} or (
            statement["actor"]["account"]["homePage"] and statement["actor"]["account"]["name"] == key
        )
        assert "mbox" not in statement["actor"] and "name" not in statement["actor"]
    # Names in French and English: the module was translated after enrolling, before the post-test.
    course = journey.enrolment.course
    earned = next(s for s in stored if s["verb"]["id"] == "http://id.tincanapi.com/verb/earned")
    assert earned["context"]["contextActivities"]["parent"][0]["definition"]["name"] == {
        "fr-FR": course.title,
        "en-US": f"{course.title} (EN)",
    }
    post = next(s for s in stored if s["object"]["id"].endswith("/post") and "result" in s)
    assert post["object"]["definition"]["name"]["en-US"] == f"{course.title} (EN) – Post-test"
    assert post["object"]["definition"]["name"]["fr-FR"].startswith(f"{course.title} – ")
    assert post["result"]["score"]["scaled"] == 1.0 and post["result"]["success"] is True


def test_ids_are_stable_and_a_replay_is_stored_once(lrs, ralph):
    j.first_steps()
    first = {row.event: row.statement_id for row in OutboxStatement.objects.all()}
    assert forwarding.forward().sent == len(first)
    # The acknowledgement was lost (a crash after the LRS stored them): everything is sent again.
    OutboxStatement.objects.update(status="pending", sent_at=None)
    report = forwarding.forward()
    assert report.sent == len(first) and report.errors == []
    stored = ralph.statements()
    assert sorted(s["id"] for s in stored) == sorted(str(sid) for sid in first.values())
    # Saving the same rows again queues nothing new: the id is the event's.
    from courses.models import Enrolment

    Enrolment.objects.get().save()
    assert OutboxStatement.objects.count() == len(first)


def test_a_day_without_the_lrs_loses_nothing_and_sends_each_once(lrs, ralph):
    ralph.stop()
    journey = j.first_steps()
    now = timezone.now()
    report = forwarding.forward(now=now)
    assert report.waiting and report.errors and report.sent == 0
    pending_before = OutboxStatement.objects.filter(status="pending").count()
    assert pending_before > 0
    # A whole day of tries at the back-off's pace; events go on happening meanwhile.
    delays = []
    end = now + timedelta(days=1)
    while now < end:
        lrs.refresh_from_db()
        now = lrs.retry_at
        delays.append(forwarding.forward(now=now).retry_in)
        if len(delays) == 5:
            j.h5p_answered(journey)
    assert delays[:4] == [60.0, 120.0, 240.0, 480.0] and max(delays) == 900.0
    assert forwarding.forward(now=now - timedelta(seconds=1)).waiting  # no try before the back-off ends
    assert OutboxStatement.objects.filter(status="pending").count() == pending_before + 1

    ralph.start()
    lrs.refresh_from_db()
    report = forwarding.forward(now=lrs.retry_at)
    assert report.sent == pending_before + 1 and not report.waiting
    lrs.refresh_from_db()
    assert (lrs.failures, lrs.retry_at) == (0, None)
    stored = ralph.statements()
    assert Counter(s["id"] for s in stored) == Counter(str(r.statement_id) for r in OutboxStatement.objects.all())
    assert validation_errors(stored) == []


def test_wrong_secret_waits_and_keeps_everything(lrs, ralph):
    LrsConfig.objects.filter(pk=lrs.pk).update(secret="wrong")
    j.first_steps()
    report = forwarding.forward()
    assert report.waiting and "401" in report.errors[0]
    assert not OutboxStatement.objects.exclude(status="pending").exists()
    assert ralph.statements() == []


def test_a_statement_the_lrs_refuses_does_not_hold_back_the_others(lrs, ralph):
    j.first_steps()
    bad = OutboxStatement.objects.order_by("pk").first()
    bad.statement = {**bad.statement, "verb": {"display": {"en-US": "no id"}}}
    bad.save()
    report = forwarding.forward()
    total = OutboxStatement.objects.count()
    assert (report.sent, report.rejected) == (total - 1, 1)
    bad.refresh_from_db()
    assert bad.status == "rejected" and bad.error.startswith("HTTP 4")
    assert len(ralph.statements()) == total - 1


def test_nothing_is_queued_while_no_lrs_is_enabled(lrs):
    lrs.enabled = False
    lrs.save()  # as the admin does (a direct UPDATE would wait for the cached flag to expire)
    j.first_steps()
    assert not OutboxStatement.objects.exists()
    assert forwarding.forward().sent == 0


def test_the_statement_is_written_and_rolled_back_with_its_event(lrs):
    from django.db import transaction

    from courses import services
    from tests.factories import UserFactory, course_tree

    course, _lessons = course_tree(lessons=1)
    user = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.enrolment_create(user=user, course=course)
        assert OutboxStatement.objects.filter(user=user, event="enrolled").exists()
        raise RuntimeError("the enrolment's transaction fails after the statement was queued")
    assert not OutboxStatement.objects.exists()
    services.enrolment_create(user=user, course=course)
    assert OutboxStatement.objects.filter(user=user, event="enrolled").count() == 1
