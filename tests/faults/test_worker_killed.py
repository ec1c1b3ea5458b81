"""A Celery worker killed (SIGKILL) in the middle of a task: after a new worker starts, the work is
done exactly once.

The worker is stopped in the middle by the test itself, without any test-only code in the tasks: the
test holds a table lock the task needs half-way (after the certificate PDF is written, before its
transaction commits; in the middle of scoring an expired attempt), waits until the worker's database
session waits for it, then kills the worker. The message was not acknowledged (acks_late), so Redis
delivers it again once CELERY_VISIBILITY_TIMEOUT (2 s here, 600 s by default) has passed; a new
worker runs it. Every other task is either read-only (lms.worker_ping) or the certificates sweep,
which only queues idempotent evaluations (tests/certificates/test_exactly_once.py kills a worker
in the middle of a batch of those).
"""

import hashlib
import time
from pathlib import Path

import psycopg
import pytest

from tests.faults.services import query, seed, wait_until

pytestmark = pytest.mark.faults

VISIBILITY = 2


def _waiting_on_a_lock(database_url: str) -> bool:
    return bool(
        query(
            database_url,
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
    )


def _kill_in_the_middle(*, group, database_url: str, lock: str, task: str, args, ready=lambda: True):
    """Start a worker, hold `lock`, send `task`; once the worker waits for the lock (and `ready()`),
    SIGKILL it, release the lock and return the dead worker."""
    worker = group.worker("killed-worker")
    with psycopg.connect(database_url) as holder:
        holder.execute(lock)
        group.send(task, *args)
        assert wait_until(lambda: _waiting_on_a_lock(database_url) and ready(), seconds=60), "the task never got there"
        worker.kill()
        worker.wait(timeout=10)
        holder.rollback()
    return worker


@pytest.fixture
def group(app_database, private_redis, processes):
    return processes(
        database_url=app_database,
        redis=private_redis,
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY),
        CERTIFICATE_ORPHAN_PDF_SECONDS="1",
    )


def test_a_worker_killed_while_issuing_a_certificate(group, app_database, tmp_path):
    (trainee,) = seed(group, 1, submitted=True)
    pdfs = tmp_path / "private-media" / "certificates"  # PRIVATE_MEDIA_ROOT (tests/faults/services.py)

    def written():
        return sorted(pdfs.glob("*.pdf")) if pdfs.exists() else []

    killed = _kill_in_the_middle(
        group=group,
        database_url=app_database,
        # The event is written after the PDF and the certificate row: the worker stops there.
        lock="LOCK TABLE certificates_certificateevent IN ACCESS EXCLUSIVE MODE",
        task="certificates.evaluate",
        args=[trainee["enrolment"]],
        ready=lambda: bool(written()),
    )
    assert killed.returncode == -9
    assert wait_until(lambda: not _waiting_on_a_lock(app_database), seconds=30)
    assert query(app_database, "SELECT count(*) FROM certificates_certificate")[0][0] == 0
    orphans = written()
    assert len(orphans) == 1, "the killed worker had written the PDF of a certificate that was never committed"

    time.sleep(VISIBILITY + 1)
    group.worker("new-worker")  # takes the message back from Redis and runs it again
    assert wait_until(
        lambda: query(app_database, "SELECT count(*) FROM certificates_certificate")[0][0] >= 1, seconds=60
    )
    group.send("certificates.sweep")  # beat's sweep: queues nothing more, removes the orphan PDF
    assert wait_until(lambda: orphans[0] not in written(), seconds=60)

    rows = query(app_database, "SELECT enrolment_id, pdf, pdf_sha256 FROM certificates_certificate")
    assert [row[0] for row in rows] == [trainee["enrolment"]]
    ((_enrolment, pdf, digest),) = rows
    assert written() == [tmp_path / "private-media" / pdf]
    assert hashlib.sha256(Path(tmp_path / "private-media" / pdf).read_bytes()).hexdigest() == digest
    events = query(app_database, "SELECT action FROM certificates_certificateevent")
    assert events == [("issued",)]


def test_a_worker_killed_while_finishing_an_expired_attempt(group, app_database):
    (trainee,) = seed(group, 1)
    query(
        app_database,
        "UPDATE assessments_attempt SET deadline = now() - interval '1 hour' WHERE id = %s",
        [trainee["attempt"]],
    )
    # Scoring reads the saved answers: the worker stops there, the attempt row locked.
    _kill_in_the_middle(
        group=group,
        database_url=app_database,
        lock="LOCK TABLE assessments_response IN ACCESS EXCLUSIVE MODE",
        task="assessments.finish_expired_attempts",
        args=[],
    )
    assert wait_until(lambda: not _waiting_on_a_lock(app_database), seconds=30)
    state = "SELECT status, finished_at = deadline FROM assessments_attempt WHERE id = %s"
    assert query(app_database, state, [trainee["attempt"]]) == [("open", None)]

    time.sleep(VISIBILITY + 1)
    group.worker("new-worker")
    assert wait_until(lambda: query(app_database, state, [trainee["attempt"]]) == [("expired", True)], seconds=60)
