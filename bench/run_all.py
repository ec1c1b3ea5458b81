"""Every bench in bench/, one after the other, and one table of their figures.

Usage: .venv/bin/python bench/run_all.py [--full] [--only NAME ...] [--logs DIR]
   or: make bench            (quick: fewer repeats and trainees; a few minutes on a quiet machine)
       make bench BENCH_ARGS=--full

Each bench runs in its own process (its own throw-away database and files; those that need the
machine's PostgreSQL or Redis create and remove uniquely named ones), its output kept in a log file.
The benches print their figures and, for this table, lines starting with `BENCH-ROW ` (bench/_setup.py
bench_row). The table: figure, value, baseline, ratio, target, met, and the load average when the
figure was taken (the machine may be shared: a loaded machine makes every figure pessimistic). A bench
that fails or times out gets a row saying so. Quick figures are indicative: the documented figures
come from --full runs on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import ROW_MARK, load_average

HERE = Path(__file__).resolve().parent
# name: (quick arguments, full arguments, needs, timeout in seconds)
BENCHES = {
    "certificate_render": (["--repeat", "15"], ["--repeat", "60"], (), 600),
    "xapi_intake": (["--statements", "300"], ["--statements", "2000"], (), 600),
    "lesson_page": (["--repeat", "50"], ["--repeat", "200"], (), 600),
    "lesson_page@200": (["--repeat", "30", "--lessons", "200"], ["--repeat", "200", "--lessons", "200"], (), 900),
    "page_weight": ([], [], ("npm",), 600),
    "prepost_report": (["--trainees", "400", "--repeat", "3"], ["--repeat", "5"], (), 1800),
    "h5p_import": (["--repeat", "3"], ["--repeat", "5"], (), 600),
    "roster_import": (["--rows", "500"], ["--rows", "500"], (), 600),
    "page_2g": (["--repeat", "1"], ["--repeat", "3"], ("chromium",), 1200),
    "h5p_images_2g": (["--repeat", "1"], ["--repeat", "3"], ("chromium",), 1200),
    "certificate_issue": (["--trainees", "60"], ["--trainees", "340"], ("postgres", "redis"), 900),
    "load_tests": (
        ["--backend", "sqlite", "--trainees", "20", "--server", "gunicorn"],
        ["--nodes", "1,2", "--rooms", "50,100,200,300"],
        ("redis",),  # its cache is on Redis whatever the database
        1800,
    ),
    "redis_outage": (["--outage", "30", "--trainees", "3"], [], ("postgres-binaries",), 1200),
}


def missing(needs) -> str:
    """Why a bench cannot run here ("" when it can)."""
    for need in needs:
        if need == "chromium" and not Path("/usr/bin/chromium").exists():
            return "no /usr/bin/chromium"
        if need == "npm" and not (HERE.parent / "node_modules" / "h5p-standalone").is_dir():
            return "node_modules missing (npm ci)"
        if need in ("postgres", "redis"):
            probe = ["pg_isready", "-h", "127.0.0.1", "-q"] if need == "postgres" else ["redis-cli", "ping"]
            if not shutil.which(probe[0]) or subprocess.run(probe, capture_output=True).returncode != 0:  # noqa: S603
                return f"no {need} server on 127.0.0.1"
        if need == "postgres-binaries" and not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
            return "no PostgreSQL binaries"
    return ""


def run(name: str, arguments: list[str], timeout: int, logs: Path) -> list[dict]:
    script = HERE / (name.split("@")[0] + ".py")
    log = logs / f"{name.replace('@', '-')}.log"
    started = time.monotonic()
    print(f"- {name} {' '.join(arguments)} (load average {load_average()})…", flush=True)
    with log.open("w") as output:
        try:
            result = subprocess.run(  # noqa: S603 - our own interpreter and scripts
                [sys.executable, str(script), *arguments],
                cwd=HERE.parent,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            code = result.returncode
        except subprocess.TimeoutExpired:
            code = "timeout"
    rows = [json.loads(line[len(ROW_MARK) :]) for line in log.read_text().splitlines() if line.startswith(ROW_MARK)]
    print(f"  {time.monotonic() - started:.0f} s, exit {code}, {len(rows)} figures; log: {log}", flush=True)
    if code != 0:
        rows.append(
            {"figure": f"{name}: FAILED (exit {code}), see {log}", "value": "—", "baseline": "—", "ratio": "—"}
            | {"target": "—", "met": "NO", "load": load_average()}
        )
    return rows


def table(rows: list[dict]) -> str:
    columns = ["figure", "value", "baseline", "ratio", "target", "met", "load"]
    widths = {column: max(len(column), *(len(str(row.get(column, ""))) for row in rows)) for column in columns}
    lines = ["| " + " | ".join(column.ljust(widths[column]) for column in columns) + " |"]
    lines.append("| " + " | ".join("-" * widths[column] for column in columns) + " |")
    lines += ["| " + " | ".join(str(row.get(c, "")).ljust(widths[c]) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the documented figures' settings (long)")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES), help="run only these benches")
    parser.add_argument("--logs", type=Path, help="where to keep each bench's output (default: a temporary folder)")
    parser.add_argument("--table-from", type=Path, help="print the table from the logs of an earlier run, run nothing")
    args = parser.parse_args()
    if args.table_from:
        rows = []
        for log in sorted(args.table_from.glob("*.log"), key=lambda path: path.stat().st_mtime):
            lines = log.read_text(errors="replace").splitlines()
            rows += [json.loads(line[len(ROW_MARK) :]) for line in lines if line.startswith(ROW_MARK)]
        print(table(rows) if rows else f"no figures in {args.table_from}")
        return
    logs = args.logs or Path(tempfile.mkdtemp(prefix="lms-bench-logs-"))
    logs.mkdir(parents=True, exist_ok=True)
    mode = "full" if args.full else "quick"
    print(f"make bench ({mode}); load average (1, 5, 15 min) at the start: {load_average()}; logs in {logs}")
    rows: list[dict] = []
    for name, (quick, full, needs, timeout) in BENCHES.items():
        if args.only and name not in args.only:
            continue
        why = missing(needs)
        if why:
            rows.append({"figure": f"{name}: NOT RUN ({why})", "met": "—", "load": load_average()})
            print(f"- {name}: not run ({why})")
            continue
        rows += run(name, full if args.full else quick, timeout * (3 if args.full else 1), logs)
    print(f"\nBench figures ({mode}; load average at the end: {load_average()}):\n")
    print(table(rows))
    print("\nmet: yes/NO against the target; — where a figure has no target (a ratio shown for information).")


if __name__ == "__main__":
    main()
