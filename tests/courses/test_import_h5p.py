"""`manage.py import_h5p`: prints the id, stores once, refuses bad packages with exit code 1."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from courses.h5p.builder import build_package
from courses.models import H5PPackage

pytestmark = pytest.mark.django_db
CONTENT = {"scenario": "<p>Cas</p>", "questions": []}


def test_import_prints_the_package_id_and_stores_it_once(tmp_path, capsys, stored):
    path = tmp_path / "scenario.h5p"
    path.write_bytes(build_package(title="Cas d'Awa", content=CONTENT))
    call_command("import_h5p", str(path), title="Awa")
    first = capsys.readouterr().out.strip().splitlines()
    call_command("import_h5p", str(path))
    second = capsys.readouterr().out.strip().splitlines()
    package = H5PPackage.objects.get()
    assert first[-1] == second[-1] == str(package.pk)
    assert package.title == "Awa"
    assert stored.exists(f"{package.storage_prefix}/h5p.json")


def test_a_bad_package_is_refused_with_its_reason_and_leaves_nothing(tmp_path, stored):
    path = tmp_path / "evil.h5p"
    path.write_bytes(build_package(title="x", content=CONTENT, extra_files={"content/run.php": b"<?php"}))
    with pytest.raises(CommandError, match="php"):
        call_command("import_h5p", str(path))
    assert H5PPackage.objects.count() == 0
    assert stored.files() == []


def test_the_command_exits_with_code_1_on_a_bad_package(tmp_path):
    path = tmp_path / "not-a-zip.h5p"
    path.write_bytes(b"hello")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "import_h5p", str(path)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        check=False,
    )
    assert result.returncode == 1
    assert "zip" in result.stderr.lower()
