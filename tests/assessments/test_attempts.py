"""Attempts: one open at a time, saves keep the newest, submission is idempotent, time limits hold."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from assessments import services
from assessments.models import Attempt, Question, Response
from courses import services as course_services
from tests.factories import RIGHT_ANSWERS, UserFactory, assessment_setup

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    course, lessons, pre, post = assessment_setup()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    return {"course": course, "lessons": lessons, "pre": pre, "post": post, "user": user}


def _questions(attempt):
    ids = [item["question"] for item in attempt.layout]
    return {q.reference: q for q in Question.objects.filter(pk__in=ids)}


def test_starting_twice_gives_the_same_open_attempt(setup):
    first, created = services.attempt_start(user=setup["user"], test=setup["pre"])
    again, created_again = services.attempt_start(user=setup["user"], test=setup["pre"])
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert len(first.layout) == 6


def test_right_answers_score_full_marks_and_the_key_is_server_side(setup):
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    for reference, question in _questions(attempt).items():
        services.response_save(
            user=setup["user"], attempt_id=attempt.pk, question_id=question.pk, answer=RIGHT_ANSWERS[reference], seq=1
        )
    result = services.attempt_submit(user=setup["user"], attempt_id=attempt.pk, submission_key=uuid.uuid4())
    assert (result.attempt.score, result.attempt.max_score) == (9, 9)


def test_an_older_save_never_overwrites_a_newer_one(setup):
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    q1 = _questions(attempt)["Q1"]
    assert services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=q1.pk, answer="c", seq=200)
    assert not services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=q1.pk, answer="a", seq=100)
    assert Response.objects.get(attempt=attempt, question=q1).answer == "c"


def test_saves_to_someone_elses_or_a_submitted_attempt_are_refused(setup):
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    q1 = _questions(attempt)["Q1"]
    with pytest.raises(services.AttemptRefused):
        services.response_save(user=UserFactory(), attempt_id=attempt.pk, question_id=q1.pk, answer="b", seq=1)
    services.attempt_submit(user=setup["user"], attempt_id=attempt.pk)
    attempt.refresh_from_db()
    with pytest.raises(services.AttemptRefused):
        services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=q1.pk, answer="b", seq=2)


def test_a_question_not_on_the_attempt_is_refused(setup):
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    with pytest.raises(services.AttemptRefused):
        services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=999999, answer="b", seq=1)


def test_submitting_twice_records_one_submission_and_replays_the_first_result(setup):
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    key = uuid.uuid4()
    first = services.attempt_submit(user=setup["user"], attempt_id=attempt.pk, submission_key=key)
    again = services.attempt_submit(user=setup["user"], attempt_id=attempt.pk, submission_key=uuid.uuid4())
    assert (first.replayed, again.replayed) == (False, True)
    assert again.attempt.submission_key == key
    assert Attempt.objects.filter(user=setup["user"]).count() == 1


def test_attempts_allowed_is_enforced(setup):
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    services.attempt_submit(user=setup["user"], attempt_id=attempt.pk)
    with pytest.raises(services.AttemptRefused):
        services.attempt_start(user=setup["user"], test=setup["pre"])


def test_a_save_after_deadline_plus_grace_is_refused_and_the_task_finishes_the_attempt(setup):
    setup["pre"].time_limit_minutes = 10
    setup["pre"].save()
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    q1 = _questions(attempt)["Q1"]
    services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=q1.pk, answer="b", seq=1)
    attempt.deadline = timezone.now() - services.GRACE - timedelta(seconds=1)
    attempt.save()
    with pytest.raises(services.AttemptRefused):
        services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=q1.pk, answer="a", seq=2)
    from assessments.tasks import finish_expired_attempts

    # Run in this process (the real-worker path is covered by tests/lms/test_celery_worker.py).
    assert finish_expired_attempts.apply().get() == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.finished_at == attempt.deadline
    assert attempt.score == 1  # from the saved answer


def test_a_save_within_the_grace_is_accepted(setup):
    setup["pre"].time_limit_minutes = 10
    setup["pre"].save()
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    attempt.deadline = timezone.now() - services.GRACE + timedelta(seconds=5)
    attempt.save()
    q1 = _questions(attempt)["Q1"]
    assert services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=q1.pk, answer="b", seq=1)


def test_editing_an_answered_question_creates_a_new_version(setup):
    attempt, _ = services.attempt_start(user=setup["user"], test=setup["pre"])
    q1 = _questions(attempt)["Q1"]
    services.response_save(user=setup["user"], attempt_id=attempt.pk, question_id=q1.pk, answer="b", seq=1)
    content = {**q1.content, "fr": {**q1.content["fr"], "text": "Q1 reformulée ?"}}
    new = services.question_save(
        bank=q1.bank, reference="Q1", kind="single", objective=q1.objective, content=content, key=q1.key
    )
    q1.refresh_from_db()
    assert (new.version, new.is_current, q1.is_current) == (2, True, False)
    assert Response.objects.get(attempt=attempt).question_id == q1.pk  # still the text answered


def test_parallel_forms_are_counterbalanced_between_pre_and_post():
    course, _lessons, pre, post = assessment_setup(forms={"A": ["Q1", "Q2", "Q3"], "B": ["Q4", "Q5", "Q6"]})
    labels = set()
    for _ in range(4):
        user = UserFactory()
        course_services.enrolment_create(user=user, course=course)
        pre_attempt, _ = services.attempt_start(user=user, test=pre)
        services.attempt_submit(user=user, attempt_id=pre_attempt.pk)
        post_attempt, _ = services.attempt_start(user=user, test=post)
        assert {pre_attempt.form.label, post_attempt.form.label} == {"A", "B"}
        labels.add(pre_attempt.form.label)
    assert labels == {"A", "B"}  # both orders are used


def test_the_expired_attempt_sweep_is_scheduled_every_minute(settings):
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["assessments.finish_expired_attempts"] <= 60
