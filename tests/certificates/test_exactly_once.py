"""Exactly once, against real services: PostgreSQL, Redis and real Celery worker processes.

- 20 simultaneous issue calls for one enrolment make one certificate.
- A worker killed (SIGKILL) in the middle of issuing, then a new worker and the sweep: every
  enrolment ends with exactly one certificate.
- With the broker unreachable a passing submission still succeeds; once the broker is back the
  sweep issues the certificate.
Run with DATABASE_URL=postgres://…/lms_certs CELERY_BROKER_URL=redis://127.0.0.1:6379/12.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from assessments.hooks import SUBMISSION_LISTENER
from certificates import services, tasks
from certificates.models import Certificate
from courses import services as course_services
from lms.celery import app
from tests.concurrency import run_together
from tests.factories import UserFactory, assessment_setup, certificate_setup, take_test
from tests.hook_registry import only_hooks

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.django_db(transaction=True)]

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrency tests need PostgreSQL (DATABASE_URL)"
)


@needs_postgresql
@pytest.mark.usefixtures("through_pgbouncer")
def test_twenty_simultaneous_issue_calls_make_one_certificate():
    user, enrolment, post, _rule = certificate_setup()
    with only_hooks(SUBMISSION_LISTENER):
        take_test(user=user, test=post)
    results, errors = run_together(
        [lambda: services.certificate_evaluate(enrolment_id=enrolment.pk) for _ in range(20)], timeout=120
    )
    assert errors == []
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert sum(outcome.created for outcome in results) == 1
    assert {outcome.certificate.pk for outcome in results} == {Certificate.objects.get().pk}


# --- Real workers -------------------------------------------------------------------------------


class Worker:
    """A Celery worker process on the test database, started and stopped (or killed) by the test."""

    def __init__(self, name: str, media_root: str):
        self.name, self.media_root, self.process = name, media_root, None

    def start(self):
        from django.conf import settings

        db = connection.settings_dict
        env = dict(os.environ)
        env["DATABASE_URL"] = (
            f"postgres://{db['USER'] or ''}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
            f"/{db['NAME']}"
        )
        env["MEDIA_ROOT"] = self.media_root
        env["CERTIFICATE_SIGNING_KEY"] = settings.CERTIFICATE_SIGNING_KEY
        log = BASE_DIR / "test-results" / f"celery-{self.name}.log"
        log.parent.mkdir(exist_ok=True)
        hostname = f"{self.name}-{os.getpid()}@%h"
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--loglevel=INFO", "-n", hostname],
            cwd=BASE_DIR,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"worker exited at start; see {log}"
            replies = app.control.ping(timeout=1.0)
            if any(name.startswith(f"{self.name}-{os.getpid()}@") for reply in replies for name in reply):
                return self
        raise AssertionError(f"worker did not answer; see {log}")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def workers(settings, tmp_path):
    if not settings.CELERY_BROKER_URL:
        pytest.skip("no CELERY_BROKER_URL: the real-worker tests need Redis and a Celery worker")
    if connection.vendor != "postgresql":
        pytest.skip("the worker tests share the test database with worker processes: PostgreSQL")
    app.control.purge()
    started = []

    def start(name):
        worker = Worker(name, str(tmp_path / "media"))
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.stop()
    app.control.purge()


def _ready_trainees(count: int):
    """`count` trainees who passed the post-test, with nothing queued yet (listener silenced)."""
    course, pages, pre, post = assessment_setup(lessons=1)
    from tests.factories import CertificateRuleFactory

    CertificateRuleFactory(course=course)
    enrolments = []
    with only_hooks(SUBMISSION_LISTENER):
        for _ in range(count):
            user = UserFactory()
            enrolment, _created = course_services.enrolment_create(user=user, course=course)
            take_test(user=user, test=pre)
            course_services.lesson_complete(user=user, lesson=pages[0])
            take_test(user=user, test=post)
            enrolments.append(enrolment)
    return enrolments


def _wait_for(predicate, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.services
def test_a_worker_killed_while_issuing_then_a_new_worker_and_the_sweep_issue_exactly_once(workers, service_facts):
    enrolments = _ready_trainees(30)
    first = workers("certs-kill")
    for enrolment in enrolments:
        tasks.evaluate_certificate.delay(enrolment.pk)
    assert _wait_for(lambda: Certificate.objects.exists())
    first.kill()
    issued_before = Certificate.objects.count()
    assert issued_before < len(enrolments), "the worker finished before it could be killed"

    second = workers("certs-restart")
    tasks.sweep_certificates.delay().get(timeout=120)
    assert _wait_for(lambda: Certificate.objects.count() >= len(enrolments), seconds=120)
    time.sleep(1)  # anything still queued must not add a second one
    for enrolment in enrolments:
        assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert Certificate.objects.count() == len(enrolments)
    service_facts.append(
        f"certificates: worker pid {first.process.pid} killed after {issued_before}/{len(enrolments)} certificates; "
        f"worker pid {second.process.pid} and the sweep completed exactly {len(enrolments)}"
    )


def _fresh_connections():
    """Forget every pooled broker connection, so the next publish uses the configured URL."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.services
def test_with_the_broker_down_a_submission_succeeds_and_the_sweep_issues_later(workers, settings):
    user, enrolment, post, _rule = certificate_setup()
    good_url = app.conf.broker_url
    try:
        # An address where no broker listens: publishing fails after Celery's own retries.
        app.conf.broker_url = "redis://127.0.0.1:1/12"
        app.conf.broker_transport_options = {"max_retries": 1}
        _fresh_connections()
        attempt = take_test(user=user, test=post)
        assert attempt.status == "submitted"
        assert not Certificate.objects.exists()
    finally:
        app.conf.broker_url = good_url
        app.conf.broker_transport_options = {}
        _fresh_connections()
    workers("certs-sweep")
    tasks.sweep_certificates.delay().get(timeout=60)
    assert _wait_for(lambda: Certificate.objects.filter(enrolment=enrolment).exists())
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
