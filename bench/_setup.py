"""Shared set-up for the bench scripts: a throw-away SQLite database and media folder, migrated.

The scripts measure in one process, against a baseline measured in the same process, and print
medians and ratios. They are not part of the test run (tests assert query counts and byte budgets).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def setup() -> Path:
    workdir = Path(tempfile.mkdtemp(prefix="lms-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    os.environ.pop("CELERY_BROKER_URL", None)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver", "plain.test", *settings.ALLOWED_HOSTS]
    # The bench measures our code, not PBKDF2.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    return workdir


def timed(function, *, repeat: int) -> list[float]:
    """Run `function` `repeat` times; return each run's duration in milliseconds."""
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append((time.perf_counter() - start) * 1000)
    return durations


def median(values: list[float]) -> float:
    return statistics.median(values)


class QueryCounter:
    """Counts every SQL statement run inside the block (request signals do not reset it)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        from django.db import connection

        self._context = connection.execute_wrapper(self)
        self._context.__enter__()
        return self

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)
