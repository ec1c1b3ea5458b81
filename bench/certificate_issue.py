"""Issuing certificates for a session of 340 trainees, end to end, through a real Celery worker.

Usage: .venv/bin/python bench/certificate_issue.py [--trainees 340] [--concurrency 2]
What it does: recreates the PostgreSQL database `lms_certs` (127.0.0.1:5432) and migrates it; builds
a module with a pre- and post-test and a certificate rule, and N trainees who passed the post-test
(the submission listener silenced, so nothing is queued yet); flushes Redis database 12 and starts a
Celery worker on it (prefork, --concurrency processes). Then the clock starts: the sweep finds the N
eligible enrolments and queues one task each; the worker evaluates, renders, signs and stores each
certificate; the clock stops when the database holds N certificates. Prints the time beside the
target (< 30 s on this 2-core machine) and checks there is exactly one per enrolment.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE = "postgres://postgres@127.0.0.1:5432/lms_certs"
BROKER = "redis://127.0.0.1:6379/12"


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - fixed commands


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=340)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()

    _run("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", "DROP DATABASE IF EXISTS lms_certs")
    _run("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", "CREATE DATABASE lms_certs")
    _run("redis-cli", "-n", "12", "flushdb")
    workdir = Path(tempfile.mkdtemp(prefix="lms-bench-certs-"))
    sys.path.insert(0, str(BASE_DIR))
    from certificates import signing

    os.environ.update(
        DATABASE_URL=DATABASE,
        CELERY_BROKER_URL=BROKER,
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
        while not app.control.ping(timeout=1.0):
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


if __name__ == "__main__":
    main()
