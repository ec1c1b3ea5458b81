"""Concurrency on PostgreSQL: simultaneous submits, starts and out-of-order saves resolve to one outcome.

Each thread has its own database connection and transaction, as separate web processes would.
SQLite serialises writers, so these run on PostgreSQL (CI); elsewhere they are skipped and reported.
"""

import random
import uuid

import pytest
from django.db import connection

from assessments import services
from assessments.models import Attempt, Response
from courses import services as course_services
from tests.concurrency import run_together
from tests.factories import UserFactory, assessment_setup

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency tests need PostgreSQL (DATABASE_URL)"),
    pytest.mark.usefixtures("through_pgbouncer"),  # as behind the production pooler (tests/pgbouncer.py)
]


@pytest.fixture
def setup():
    course, _lessons, pre, _post = assessment_setup()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    return user, pre


def test_five_simultaneous_submits_make_one_submission_and_one_score(setup):
    user, pre = setup
    attempt, _ = services.attempt_start(user=user, test=pre)
    question = attempt.layout[0]["question"]
    services.response_save(user=user, attempt_id=attempt.pk, question_id=question, answer="b", seq=1)
    keys = [uuid.uuid4() for _ in range(5)]
    results, errors = run_together(
        [lambda key=key: services.attempt_submit(user=user, attempt_id=attempt.pk, submission_key=key) for key in keys]
    )
    assert errors == []
    assert sorted(result.replayed for result in results) == [False, True, True, True, True]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.submission_key in keys
    assert {result.attempt.score for result in results} == {attempt.score}


def test_twenty_simultaneous_starts_make_one_attempt(setup):
    user, pre = setup
    results, errors = run_together([lambda: services.attempt_start(user=user, test=pre) for _ in range(20)])
    assert errors == []
    assert len({attempt.pk for attempt, _created in results}) == 1
    assert sum(created for _attempt, created in results) == 1
    assert Attempt.objects.filter(user=user, test=pre).count() == 1


def test_a_thousand_shuffled_saves_keep_the_newest_value(setup):
    user, pre = setup
    attempt, _ = services.attempt_start(user=user, test=pre)
    question = attempt.layout[0]["question"]
    saves = [(seq, f"value-{seq}") for seq in range(1, 1001)]
    random.Random(42).shuffle(saves)
    batches = [saves[i::10] for i in range(10)]

    def send(batch):
        for seq, value in batch:
            services.response_save(user=user, attempt_id=attempt.pk, question_id=question, answer=value, seq=seq)
        return len(batch)

    results, errors = run_together([lambda batch=batch: send(batch) for batch in batches])
    assert errors == []
    assert sum(results) == 1000
    response = Response.objects.get(attempt=attempt, question_id=question)
    assert (response.seq, response.answer) == (1000, "value-1000")


def test_a_save_racing_a_submission_is_scored_or_refused_never_stored_after_the_score(setup):
    user, pre = setup
    for _ in range(5):
        attempt, _ = services.attempt_start(user=user, test=pre)
        question = attempt.layout[0]["question"]

        def save(attempt=attempt, question=question):
            try:
                return services.response_save(user=user, attempt_id=attempt.pk, question_id=question, answer="b", seq=1)
            except services.AttemptRefused:
                return "refused"

        def submit(attempt=attempt):
            return services.attempt_submit(user=user, attempt_id=attempt.pk)

        _results, errors = run_together([save, submit])
        assert errors == []
        attempt.refresh_from_db()
        stored = Response.objects.filter(attempt=attempt).first()
        # Either the answer was scored with the attempt, or it was refused and not stored.
        assert stored is None or stored.score is not None
        assert attempt.score == (stored.score if stored else 0)
        pre.attempts_allowed += 1
        pre.save()


def test_an_online_submit_and_a_phone_sync_at_once_leave_one_attempt_that_counts(setup):
    from assessments import offline

    user, pre = setup  # one attempt allowed
    online, _ = services.attempt_start(user=user, test=pre)
    package = offline.offline_package_issue(user=user, test=pre, language="fr")
    sheet = package.sheets[0]
    results, errors = run_together(
        [
            lambda: services.attempt_submit(user=user, attempt_id=online.pk),
            lambda: offline.offline_attempt_sync(
                attempt_id=uuid.uuid4(),
                device_token=package.device_token,
                form_token=sheet.token,
                form_version=sheet.version,
                fields=[],
            ),
        ]
    )
    assert errors == [] and len(results) == 2
    attempts = Attempt.objects.filter(user=user, test=pre)
    assert attempts.finished().count() == 2
    # Whichever finished second is the extra one, flagged: never both counted.
    assert attempts.counting().count() == 1 and attempts.filter(flagged_duplicate=True).count() == 1


def test_saves_racing_the_form_hand_in_are_scored_or_refused_never_stored_after_the_score(setup):
    """The form's hand-in locks the attempt; an autosave checks it inside its one statement (share
    lock): each save lands before the scoring and counts, or finds the attempt handed in."""
    from django.http import QueryDict

    user, pre = setup
    for _ in range(5):
        attempt, _ = services.attempt_start(user=user, test=pre)
        first, *others = [item["question"] for item in attempt.layout]
        services.response_save(user=user, attempt_id=attempt.pk, question_id=first, answer="b", seq=1)
        form = QueryDict(mutable=True)
        form[f"q{first}"] = "b"  # unchanged: not written again

        def save(question, attempt=attempt):
            try:
                return services.response_save(user=user, attempt_id=attempt.pk, question_id=question, answer="b", seq=2)
            except services.AttemptRefused:
                return "refused"

        def hand_in(attempt=attempt, form=form):
            return services.form_hand_in(
                user=user, attempt_id=attempt.pk, data=form, client_seq=None, submission_key=None, submit=True,
                language="fr",
            )  # fmt: skip

        _results, errors = run_together([hand_in, *[lambda q=q: save(q) for q in others[:3]]])
        assert errors == []
        attempt.refresh_from_db()
        stored = list(Response.objects.filter(attempt=attempt).values_list("question_id", "seq", "score"))
        assert (first, 1) in [(question, seq) for question, seq, _score in stored]
        assert all(score is not None for _question, _seq, score in stored)
        assert attempt.score == sum(score for _question, _seq, score in stored)
        pre.attempts_allowed += 1
        pre.save()
