"""Redis stopped for five minutes under a running site, then the time until the certificates due.

Usage: .venv/bin/python bench/redis_outage.py [--outage 300] [--trainees 10] [--deadline 300]
What it does: starts a private PostgreSQL cluster and a private redis-server on free ports (the
machine's shared servers are never touched), migrates, seeds trainees ready for their post-test, and
runs the site (gunicorn), a Celery worker and Celery beat on them with the production settings (cache,
sessions and broker on Redis; CERTIFICATE_SWEEP_SECONDS at its default). Then it stops Redis for
--outage seconds while the trainees save every answer and submit, starts it again and waits for
every certificate due. Prints the figures: every save and submission must succeed during the outage,
and every certificate must be issued, exactly once, within --deadline seconds of Redis' return.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import bench_row, load_average  # noqa: E402

from tests.faults.scenarios import redis_outage  # noqa: E402
from tests.faults.services import PrivatePostgres, PrivateRedis, Processes, missing_binaries  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outage", type=float, default=300)
    parser.add_argument("--trainees", type=int, default=10)
    parser.add_argument("--deadline", type=float, default=300)
    args = parser.parse_args()
    reason = missing_binaries()
    if reason:
        print(f"cannot run: {reason}")
        return 2
    folder = Path(tempfile.mkdtemp(prefix="lms-bench-redis-"))
    postgres, redis = PrivatePostgres().init(), PrivateRedis()
    group = None
    try:
        postgres.start()
        postgres.sql("CREATE DATABASE lms_bench")
        redis.start()
        group = Processes(database_url=postgres.url("lms_bench"), redis=redis, media_root=folder / "media")
        group.run("migrate", "--noinput")
        figures = redis_outage(
            group=group,
            redis=redis,
            database_url=postgres.url("lms_bench"),
            trainees=args.trainees,
            outage=args.outage,
            deadline=args.deadline,
            folder=folder,
        )
    finally:
        if group is not None:
            group.stop_all()
        redis.stop()
        postgres.destroy()
        shutil.rmtree(folder, ignore_errors=True)
    for line in figures.lines():
        print(line)
    ok = (
        figures.saves_failed == 0
        and figures.submits_ok == figures.trainees_during_outage
        and figures.seconds_to_all_certificates is not None
        and set(figures.certificates_per_enrolment.values()) == {1}
        and len(figures.certificates_per_enrolment) == figures.certificates_due
    )
    print(
        f"target: every save and submission succeeds; every certificate within {args.deadline:.0f} s: "
        f"{'met' if ok else 'NOT met'}"
    )
    print(f"private servers, no baseline (the target is absolute); load average (1, 5, 15 min): {load_average()}")
    seconds = figures.seconds_to_all_certificates
    bench_row(
        f"Redis down {args.outage:.0f} s: saves/submits kept, certificates after (s)",
        seconds if seconds is not None and ok else float("inf"),
        None,
        target_value=args.deadline,
        unit="s",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
