"""Issuing certificates for a session of 340 trainees, end to end, through a real Celery worker.

Usage: .venv/bin/python bench/certificate_issue.py [--trainees 340] [--concurrency 2]
What it does: creates a PostgreSQL database of its own (`lms_certs_<pid>_<random>`, 127.0.0.1:5432)
and migrates it; builds a module with a pre- and post-test and a certificate rule, and N trainees who
passed the post-test (the submission listener silenced, so nothing is queued yet); starts a Celery
worker of its own (prefork, --concurrency processes) on Redis database 12, on a queue of its own
(`certbench-<pid>-<random>`) and without a result backend, so it leaves no key behind. Then the clock
starts: the sweep finds the N eligible enrolments and queues one task each; the worker evaluates,
renders, signs and stores each certificate; the clock stops when the database holds N certificates.
Prints the load average and the time beside the target (< 30 s on this 2-core machine; no baseline:
the target is absolute) and checks there is exactly one per enrolment. At the end the database and
the queue's keys are removed; Redis is never flushed (it is shared).
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import bench_row, load_average  # noqa: E402

# Named after this run: the machine's PostgreSQL and Redis are shared.
RUN_TAG = f"{os.getpid()}_{secrets.token_hex(3)}"
DATABASE_NAME = f"lms_certs_{RUN_TAG}"
DATABASE = f"postgres://postgres@127.0.0.1:5432/{DATABASE_NAME}"
BROKER = "redis://127.0.0.1:6379/12"
QUEUE = f"certbench-{RUN_TAG}"


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - fixed commands


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=340)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()

    _run("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", f"CREATE DATABASE {DATABASE_NAME}")
    try:
        _measure(args)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        _run(
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-q",
            "-c",
            f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)",
        )
        _run("redis-cli", "-n", "12", "del", QUEUE, f"_kombu.binding.{QUEUE}")


def _measure(args) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="lms-bench-certs-"))
    sys.path.insert(0, str(BASE_DIR))
    from certificates import signing

    os.environ.update(
        DATABASE_URL=DATABASE,
        CELERY_BROKER_URL=BROKER,
        CELERY_RESULT_BACKEND="",  # no result keys left in the shared Redis
        CELERY_TASK_DEFAULT_QUEUE=QUEUE,
        MEDIA_ROOT=str(workdir / "media"),
        DJANGO_SETTINGS_MODULE="lms.settings",
        CERTIFICATE_SIGNING_KEY=signing.generate_private_key_text(),
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from assessments.hooks import SUBMISSION_LISTENER
    from certificates import services
    from certificates.models import Certificate
    from courses import services as course_services
    from lms.celery import app
    from lms.models import User
    from tests.factories import CertificateRuleFactory, assessment_setup, take_test
    from tests.hook_registry import only_hooks

    print(f"setting up {args.trainees} trainees who passed the post-test…", flush=True)
    course, pages, pre, post = assessment_setup(lessons=1)
    CertificateRuleFactory(course=course)
    users = User.objects.bulk_create(
        [
            User(username=f"bench{n}", display_name=f"Aïssatou Ɓah {n}", password="!")  # noqa: S106 - unusable
            for n in range(args.trainees)
        ]
    )
    with only_hooks(SUBMISSION_LISTENER):  # nothing queued yet: the sweep below queues them all
        for user in users:
            course_services.enrolment_create(user=user, course=course)
            take_test(user=user, test=pre)
            course_services.lesson_complete(user=user, lesson=pages[0])
            take_test(user=user, test=post)

    log = workdir / "worker.log"
    worker = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            f"--hostname={QUEUE}@%h",
            f"--queues={QUEUE}",
            f"--concurrency={args.concurrency}",
            "--loglevel=WARNING",
        ],
        cwd=BASE_DIR,
        env=dict(os.environ),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not [reply for reply in app.control.ping(timeout=1.0) if any(QUEUE in name for name in reply)]:
            if time.monotonic() > deadline or worker.poll() is not None:
                raise SystemExit(f"the worker did not start; see {log}")
        start = time.perf_counter()
        queued = services.certificates_sweep()
        while Certificate.objects.count() < args.trainees:
            if time.perf_counter() - start > 300:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - start
        issued = Certificate.objects.count()
        per_enrolment = Certificate.objects.values("enrolment").distinct().count()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    print(
        f"queued {len(queued)}, issued {issued} certificates for {per_enrolment} enrolments "
        f"(one each: {issued == per_enrolment})"
    )
    print(
        f"end to end through a real worker (prefork ×{args.concurrency}, Redis, PostgreSQL): "
        f"{elapsed:.1f} s (target < 30 s)"
    )
    print(f"  {1000 * elapsed / max(issued, 1):.0f} ms per certificate; media in {workdir}")
    print(f"  load average (1, 5, 15 min): {load_average()}")
    bench_row(f"certificate issue, {args.trainees} through a worker", elapsed, None, target_value=30, unit="s")


if __name__ == "__main__":
    main()
