"""Build `.h5p` packages in memory, for the tests and the demo content.

The output is deterministic: the same arguments give the same bytes, hence the same content hash.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any

LIBRARIES_DIR = Path(__file__).resolve().parent / "libraries"
SCENARIO_FOLDER = "H5P.TraffickingScenario-1.0"
FIXED_DATE = (2024, 1, 1, 0, 0, 0)  # every entry gets this timestamp, for reproducible bytes


def library_files(folder: str = SCENARIO_FOLDER) -> dict[str, bytes]:
    """The files of one of our library folders under `libraries/`, by path relative to the folder."""
    root = LIBRARIES_DIR / folder
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def build_package(
    *,
    title: str,
    content: dict[str, Any],
    main_library: str = "H5P.TraffickingScenario",
    language: str = "fr",
    libraries: dict[str, dict[str, bytes]] | None = None,
    extra_files: dict[str, bytes] | None = None,
    h5p_json_overrides: dict[str, Any] | None = None,
) -> bytes:
    """Return the bytes of an `.h5p` package holding `content` as content/content.json.

    The package always holds our H5P.TraffickingScenario-1.0 library; `libraries` adds library
    folders ({folder: {relative path: bytes}}). h5p.json lists the main library, at the version
    of the folder whose library.json names it, and that library's own preloadedDependencies;
    `h5p_json_overrides` then replaces top-level keys of h5p.json. `extra_files` adds entries, or
    replaces any of the above, by path in the package.
    """
    folders = {SCENARIO_FOLDER: library_files(), **(libraries or {})}
    h5p_json: dict[str, Any] = {
        "title": title,
        "language": language,
        "mainLibrary": main_library,
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": _main_dependencies(main_library, folders),
        **(h5p_json_overrides or {}),
    }
    entries: dict[str, bytes] = {"h5p.json": _json(h5p_json), "content/content.json": _json(content)}
    for folder in sorted(folders):
        entries.update({f"{folder}/{path}": data for path, data in sorted(folders[folder].items())})
    entries.update(extra_files or {})
    return build_zip(entries.items())


def build_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """Zip (path, bytes) pairs in the given order, deflated, with fixed timestamps and permissions."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in entries:
            info = zipfile.ZipInfo(path, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds the package
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            archive.writestr(info, data)
    return buffer.getvalue()


def _main_dependencies(main_library: str, folders: dict[str, dict[str, bytes]]) -> list[dict[str, Any]]:
    """The main library and its preloadedDependencies, as read from the library.json that names it."""
    for files in folders.values():
        manifest = json.loads(files.get("library.json", b"{}"))
        if manifest.get("machineName") == main_library:
            own = {key: manifest[key] for key in ("machineName", "majorVersion", "minorVersion")}
            return [own, *manifest.get("preloadedDependencies", [])]
    return [{"machineName": main_library, "majorVersion": 1, "minorVersion": 0}]


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")
