"""The shipped process files (deploy/systemd, deploy/gunicorn) name things that exist and load."""

import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
UNITS = BASE_DIR / "deploy" / "systemd"


def test_the_gunicorn_settings_file_loads_and_the_application_imports():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--check-config",
            "-c",
            "deploy/gunicorn/gunicorn.conf.py",
            "lms.wsgi:application",
        ],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_each_unit_starts_a_process_of_this_project_with_the_documented_environment():
    units = {path.name: path.read_text() for path in UNITS.glob("*.service")}
    assert set(units) == {"lms-web.service", "lms-worker.service", "lms-beat.service"}
    for name, text in units.items():
        assert "EnvironmentFile=/srv/lms/.env" in text, name
        command = re.search(r"^ExecStart=(\S+)", text, re.M).group(1)
        assert command.startswith("/srv/lms/.venv/bin/"), name
    assert "deploy/gunicorn/gunicorn.conf.py" in units["lms-web.service"]
    assert "PROMETHEUS_MULTIPROC_DIR" in units["lms-web.service"]
    assert " beat " in units["lms-beat.service"] and " worker " in units["lms-worker.service"]
    documented = (BASE_DIR / "docs" / "operations.md").read_text()
    for name in units:
        assert name in documented, f"{name} is not described in docs/operations.md"
