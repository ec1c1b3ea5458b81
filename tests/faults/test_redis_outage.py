"""Redis (cache, sessions, Celery broker) stopped while trainees answer and submit.

The site, a Celery worker and Celery beat run on a private Redis that the test stops for
FAULT_REDIS_OUTAGE_SECONDS (20 s here; bench/redis_outage.py runs the full five minutes). Meanwhile
every save and every submission succeeds (sessions come from the database, lms/cache.py; a task that
cannot be queued is logged); once Redis is back, beat's sweep (CERTIFICATE_SWEEP_SECONDS, 5 s here)
queues the certificates due, and the worker issues exactly one each.
"""

import os

import pytest

from tests.faults.scenarios import redis_outage

pytestmark = pytest.mark.faults

OUTAGE = float(os.environ.get("FAULT_REDIS_OUTAGE_SECONDS", "20"))


def test_with_redis_stopped_trainees_save_and_submit_and_certificates_follow_its_return(
    app_database, private_redis, processes, tmp_path
):
    group = processes(database_url=app_database, redis=private_redis, CERTIFICATE_SWEEP_SECONDS="5")
    figures = redis_outage(
        group=group,
        redis=private_redis,
        database_url=app_database,
        trainees=3,
        outage=OUTAGE,
        deadline=90,
        folder=tmp_path,
    )
    print("\n" + "\n".join(figures.lines()))
    assert figures.saves_failed == 0
    assert figures.saves_acknowledged == 3 * 6
    assert figures.submits_ok == 3
    assert max(figures.submit_ms) < 10_000, "a submission does not wait long for the missing broker"
    assert figures.certificates_during_outage == 0, "nothing could reach the worker meanwhile"
    assert figures.seconds_to_all_certificates is not None
    assert figures.certificates_per_enrolment == dict.fromkeys(figures.certificates_per_enrolment, 1)
    assert len(figures.certificates_per_enrolment) == 3
