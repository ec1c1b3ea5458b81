"""French is complete: every translatable string of our code and templates has a French translation."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
CATALOGUE = BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"
NOT_SOURCE = (".git", ".venv", "node_modules", "staticfiles", "media", "tests", "test-results", "screenshots", "bench")


def _problems(po: polib.POFile) -> list[str]:
    return [
        f"{'fuzzy' if 'fuzzy' in entry.flags else 'untranslated'}: {entry.msgid!r} ({entry.occurrences[:1]})"
        for entry in po
        if not entry.obsolete and ("fuzzy" in entry.flags or not entry.translated())
    ]


def test_committed_french_catalogue_has_no_fuzzy_or_empty_entry():
    assert _problems(polib.pofile(str(CATALOGUE))) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed (make test installs it)")
def test_every_string_in_code_and_templates_is_in_the_french_catalogue(tmp_path):
    """Extract the strings again from a copy of the sources and merge them into a copy of the catalogue.

    A string added to a template or to Python code without a translation shows up as untranslated;
    one whose English changed shows up as fuzzy. The working tree is never touched.
    """
    copy = tmp_path / "src"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*NOT_SOURCE, "__pycache__", "*.sqlite3", "*.mo"),
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_URL", "CELERY_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete", "--no-location"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    problems = _problems(polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")))
    assert problems == [], "Run `make messages` and translate locale/fr:\n" + "\n".join(problems)
