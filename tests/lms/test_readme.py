"""The README describes the project as it is: its "What is where" lists exactly the local apps."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR).resolve()


def _readme_folders() -> set[str]:
    text = (BASE_DIR / "README.md").read_text()
    block = text.split("## What is where", 1)[1].split("```", 2)[1]
    return {match.group(1) for match in re.finditer(r"^([a-z_]+)/\s", block, re.MULTILINE)}


def _local_apps() -> set[str]:
    return {
        Path(config.path).resolve().name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == BASE_DIR
    }


def test_what_is_where_lists_every_local_app_and_no_other():
    folders = _readme_folders()
    local = _local_apps()
    assert local, "no local app found"
    assert local <= folders, f"README's What is where misses {sorted(local - folders)}"
    # Other folders (tests/, docs/) may be listed; a folder that is an app but not installed, or is gone, may not.
    stale = {
        name for name in folders - local if (BASE_DIR / name / "apps.py").exists() or not (BASE_DIR / name).exists()
    }
    assert not stale, f"README's What is where names {sorted(stale)}, which are not apps of the project"
