"""No app imports another app's private names: `from training.selectors import _helper` or
`import assessments._internal` from outside `training` (or `assessments`) fails the run.

A name (or a module) whose last part starts with one underscore is private to its app; what other
apps need is made public, in the core (lms/) when several apps share it. Imports inside one app are
free, so are dunders (`__version__`). The apps are the top-level folders with an `apps.py`; their
migrations are left out. import-linter checks the layers (pyproject.toml); this checks the names.

    .venv/bin/python .ci/private_imports.py      # make lint, .ci/run, pre-commit
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def app_names(root: Path = ROOT) -> set[str]:
    return {path.parent.name for path in root.glob("*/apps.py")}


def violations_in(path: Path, *, app: str, apps: set[str], root: Path = ROOT) -> list[str]:
    """Each private name of another app that `path` imports, as "file:line: what"."""
    name = path.relative_to(root).as_posix()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=name)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            target = node.module.split(".")
            if target[0] not in apps or target[0] == app:
                continue
            for part in target[1:]:
                if _private(part):
                    found.append(f"{name}:{node.lineno}: imports the private module {node.module}")
                    break
            else:
                for alias in node.names:
                    if _private(alias.name):
                        found.append(f"{name}:{node.lineno}: imports {alias.name}, private to {node.module}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                target = alias.name.split(".")
                if target[0] in apps and target[0] != app and any(_private(part) for part in target[1:]):
                    found.append(f"{name}:{node.lineno}: imports the private module {alias.name}")
    return found


def violations(root: Path = ROOT) -> list[str]:
    apps = app_names(root)
    found = []
    for app in sorted(apps):
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" not in path.relative_to(root).parts:
                found += violations_in(path, app=app, apps=apps, root=root)
    return found


def main() -> int:
    found = violations()
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} import(s) of another app's private names: make the name public where it belongs")
        return 1
    print("private imports: no app imports another app's private names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
