"""Known vulnerabilities in the installed dependencies: pip-audit for Python, npm audit for npm.

Fails (exit 1) when a vulnerability is found: any for Python (pip-audit gives no severity), high or
critical for npm. When the vulnerability databases cannot be reached, nothing was proven: that is
printed loudly, with the number of packages left unaudited, and is NOT reported as a pass. Set
AUDIT_REQUIRED=true to make an unreachable database fail the run as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANNER = "!" * 78


def loud(lines: list[str]) -> None:
    print(BANNER)
    for line in lines:
        print(f"!! {line}")
    print(BANNER)


def python_audit() -> tuple[list[str], list[str]]:
    """(vulnerabilities found, packages that could not be audited) in .venv."""
    result = subprocess.run(  # noqa: S603 - our own venv's pip-audit
        [str(ROOT / ".venv/bin/python"), "-m", "pip_audit", "--format", "json", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [], [f"pip-audit did not run: {result.stderr.strip()[-500:]}"]
    found, skipped = [], []
    for dependency in report.get("dependencies", []):
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            found.append(f"{dependency['name']} {dependency.get('version', '')}: {vuln['id']} (fixed in {fixed})")
        if dependency.get("skip_reason"):
            skipped.append(dependency["skip_reason"])
    return found, skipped


def npm_audit() -> tuple[list[str], str]:
    """(high or critical advisories, error when the audit could not run)."""
    result = subprocess.run(
        ["npm", "audit", "--json", "--audit-level=high"],  # noqa: S607 - npm from the system
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return [], f"npm audit printed no report: {result.stderr.strip()[-500:]}"
    if "error" in report or "statusCode" in report:
        return [], f"npm audit could not reach the advisory database: {report.get('message', report.get('error'))}"
    found = [
        f"{name}: {advice.get('severity')} ({advice.get('range', '')})"
        for name, advice in report.get("vulnerabilities", {}).items()
        if advice.get("severity") in ("high", "critical")
    ]
    return found, ""


def main() -> int:
    required = os.environ.get("AUDIT_REQUIRED", "").lower() in {"1", "true", "yes"}
    python_found, python_skipped = python_audit()
    npm_found, npm_error = npm_audit()
    unaudited = []
    if python_skipped:
        unaudited.append(f"pip-audit: {len(python_skipped)} Python packages NOT audited, e.g. {python_skipped[0]}")
    if npm_error:
        unaudited.append(npm_error)
    if unaudited:
        loud(["DEPENDENCY AUDIT INCOMPLETE: the vulnerability databases could not be reached.", *unaudited])
    if python_found or npm_found:
        loud(["KNOWN VULNERABILITIES in pinned dependencies:", *python_found, *npm_found])
        return 1
    if unaudited:
        print("No vulnerability found among what could be audited; the rest is NOT proven safe (above).")
        return 1 if required else 0
    print("No known vulnerability in the Python and npm dependencies.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
