"""Two transactions that change report tables in opposite orders never deadlock over the stamp's
version rows (CI once saw "deadlock detected … evaluation_tableversion" when an online hand-in and a
phone's sync met): each PostgreSQL connection draws its versions in rows of its own."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.db.models import F

from assessments.models import Attempt, Response
from evaluation import stored
from tests.evaluation.test_evaluation import _cohort

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL"),
    pytest.mark.usefixtures("through_pgbouncer"),  # as behind the production pooler (tests/pgbouncer.py)
]


def test_two_writers_crossing_attempts_and_responses_both_commit_and_move_the_stamp():
    _cohort()
    # Two attempts whose score can still grow by one (the cohort's random marks may fill one to its
    # maximum, which the score's range check would then refuse).
    counted = list(
        Attempt.objects.counting()
        .filter(responses__isnull=False, score__lt=F("max_score"))
        .distinct()
        .order_by("pk")[:2]
    )
    assert len(counted) == 2
    first, second = counted
    responses = {attempt.pk: Response.objects.filter(attempt=attempt).first().pk for attempt in counted}
    before = stored.data_version()
    # Each writer first takes the table the other one needs next, then waits for the other.
    both_changed_one_table = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def writer(attempt_pk: int, response_pk: int, attempt_first: bool) -> None:
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                steps = [
                    ("UPDATE assessments_attempt SET score = score + 1 WHERE id = %s", attempt_pk),
                    ("UPDATE assessments_response SET score = coalesce(score, 0) + 1 WHERE id = %s", response_pk),
                ]
                if not attempt_first:
                    steps.reverse()
                cursor.execute(*steps[0][:1], [steps[0][1]])
                both_changed_one_table.wait()
                cursor.execute(*steps[1][:1], [steps[1][1]])
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=writer, args=(first.pk, responses[first.pk], True)),
        threading.Thread(target=writer, args=(second.pk, responses[second.pk], False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert Attempt.objects.get(pk=first.pk).score == first.score + 1
    assert Attempt.objects.get(pk=second.pk).score == second.score + 1
    assert stored.data_version() != before
