"""The CI dependency audit (.ci/audit.py) fails on a found vulnerability and never reports an audit
that could not reach its database as a pass."""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location("ci_audit", Path(__file__).resolve().parents[2] / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(audit)

CLEAN_PY = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []}]}
VULNERABLE_PY = {
    "dependencies": [{"name": "django", "version": "5.2.19", "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.20"]}]}]
}
UNREACHABLE_PY = {"dependencies": [{"name": "django", "skip_reason": "Dependency not found on PyPI"}]}
CLEAN_NPM = {"vulnerabilities": {"axe-core": {"severity": "low"}}}
VULNERABLE_NPM = {"vulnerabilities": {"h5p-standalone": {"severity": "critical", "range": "<4"}}}
UNREACHABLE_NPM = {"message": "405 Method Not Allowed", "statusCode": 405, "error": {}}


def _fake(monkeypatch, python_report, npm_report):
    def run(args, **kwargs):
        report = npm_report if args[0] == "npm" else python_report
        return subprocess.CompletedProcess(args, 0, stdout=json.dumps(report), stderr="")

    monkeypatch.setattr(audit.subprocess, "run", run)


@pytest.mark.parametrize(
    ("python_report", "npm_report", "required", "status", "said"),
    [
        (CLEAN_PY, CLEAN_NPM, False, 0, "No known vulnerability"),
        (VULNERABLE_PY, CLEAN_NPM, False, 1, "PYSEC-1"),
        (CLEAN_PY, VULNERABLE_NPM, False, 1, "h5p-standalone: critical"),
        (UNREACHABLE_PY, UNREACHABLE_NPM, False, 0, "NOT proven safe"),
        (UNREACHABLE_PY, UNREACHABLE_NPM, True, 1, "DEPENDENCY AUDIT INCOMPLETE"),
        (UNREACHABLE_PY, VULNERABLE_NPM, False, 1, "KNOWN VULNERABILITIES"),
    ],
)
def test_the_audit_verdict(monkeypatch, capsys, python_report, npm_report, required, status, said):
    _fake(monkeypatch, python_report, npm_report)
    monkeypatch.setenv("AUDIT_REQUIRED", "true" if required else "")
    assert audit.main() == status
    assert said in capsys.readouterr().out
