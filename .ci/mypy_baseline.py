"""Type checking that may only get better: mypy's errors compared with the committed baseline.

Each error is kept as "path: message [code]" (without its line number, so that moving code does not
count as a new error). The run fails when an error appears that the baseline does not hold (or appears
more often); errors fixed are reported, and `--update` writes the smaller baseline to commit.

    .venv/bin/python .ci/mypy_baseline.py            # check (make lint, .ci/run)
    .venv/bin/python .ci/mypy_baseline.py --update   # after fixing errors: shrink the baseline
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / ".ci" / "mypy-baseline.txt"
PACKAGES = ["lms", "courses", "assessments", "training", "evaluation", "certificates", "privacy", "events"]
ERROR = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*)$")


def current_errors() -> Counter[str]:
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context", *PACKAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        sys.exit(f"mypy could not run:\n{result.stdout}{result.stderr}")
    errors: Counter[str] = Counter()
    for line in result.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            errors[f"{match['path']}: {match['message']}"] += 1
    return errors


def read_baseline() -> Counter[str]:
    if not BASELINE.exists():
        return Counter()
    return Counter(line for line in BASELINE.read_text().splitlines() if line.strip())


def main() -> int:
    errors = current_errors()
    if "--update" in sys.argv:
        BASELINE.write_text("".join(f"{line}\n" for line in sorted(errors.elements())))
        print(f"mypy baseline written: {sum(errors.values())} errors")
        return 0
    baseline = read_baseline()
    new = errors - baseline
    fixed = baseline - errors
    print(f"mypy: {sum(errors.values())} errors; baseline {sum(baseline.values())}")
    if fixed:
        print(f"{sum(fixed.values())} baseline errors are fixed: run .ci/mypy_baseline.py --update and commit it")
    if new:
        print(f"{sum(new.values())} new type errors (the baseline may only shrink):")
        for line in sorted(new.elements()):
            print(f"  {line}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
