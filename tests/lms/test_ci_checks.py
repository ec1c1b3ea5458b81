"""The lint steps that keep the code's shape (.ci/sizes.py, .ci/private_imports.py) catch what they
are for, on a small tree of two apps written for the test."""

import importlib.util
from pathlib import Path

from django.conf import settings

CI = Path(settings.BASE_DIR) / ".ci"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, CI / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_private_names_of_another_app_are_refused_and_those_of_the_same_app_allowed(tmp_path):
    check = _script("private_imports")
    root = _tree(
        tmp_path,
        {
            "low/apps.py": "",
            "low/paper.py": "def _build(): ...\n",
            "low/other.py": "from low.paper import _build\n",
            "high/apps.py": "",
            "high/views.py": (
                "from low.paper import _build, public\nimport low._internal\nfrom low import __version__\n"
            ),
            "high/migrations/0001_initial.py": "from low.paper import _build\n",
        },
    )
    assert check.violations(root) == [
        "high/views.py:1: imports _build, private to low.paper",
        "high/views.py:2: imports the private module low._internal",
    ]


def test_a_long_module_or_function_is_found_and_migrations_are_not(tmp_path):
    sizes = _script("sizes")
    long_function = "def long():\n" + "    x = 1\n" * 81
    root = _tree(
        tmp_path,
        {
            "app/apps.py": "",
            "app/short.py": "def short():\n    return 1\n",
            "app/long.py": long_function,
            "app/big.py": "x = 1\n" * 501,
            "app/migrations/0001_initial.py": "x = 1\n" * 900,
        },
    )
    assert sizes.oversized(root) == {"app/long.py::long": 82, "app/big.py": 501}


def test_the_project_passes_both_checks():
    assert _script("private_imports").violations() == []
    sizes = _script("sizes")
    assert set(sizes.oversized()) <= sizes.ALLOWED
