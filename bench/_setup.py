"""Shared set-up for the bench scripts: a throw-away SQLite database and media folder, migrated.

The scripts measure in one process, against a baseline measured in the same process, and print
medians and ratios. They are not part of the test run (tests assert query counts and byte budgets).
"""

import json
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


def load_average() -> str:
    """The machine's load average (1, 5, 15 min): a shared machine slows every figure."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


ROW_MARK = "BENCH-ROW "


def bench_row(
    figure: str,
    value: float,
    baseline: float | None,
    *,
    target: float | None = None,
    target_value: float | None = None,
    unit: str = "",
    higher_is_better: bool = False,
) -> None:
    """One line for `make bench`'s table (bench/run_all.py reads it): the figure, its baseline, their
    ratio, the target (a ratio `target`, or an absolute `target_value` in `unit`) and whether it is met.
    Lower is better unless `higher_is_better` (a rate)."""
    ratio = value / baseline if baseline else None
    if target is not None and ratio is not None:
        met = ratio >= target if higher_is_better else ratio <= target
        target_text = f"{'≥' if higher_is_better else '≤'} {target:g}×"
    elif target_value is not None:
        met = value >= target_value if higher_is_better else value <= target_value
        target_text = f"{'≥' if higher_is_better else '≤'} {target_value:g} {unit}".strip()
    else:
        met, target_text = None, "—"
    row = {
        "figure": figure,
        "value": f"{value:.4g} {unit}".strip(),
        "baseline": "—" if baseline is None else f"{baseline:.4g} {unit}".strip(),
        "ratio": "—" if ratio is None else f"{ratio:.2f}×",
        "target": target_text,
        "met": "—" if met is None else ("yes" if met else "NO"),
        "load": load_average(),
    }
    print(ROW_MARK + json.dumps(row, ensure_ascii=False), flush=True)
