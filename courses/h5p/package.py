"""Validation and extraction of uploaded `.h5p` packages.

`validate_package()` reads a package and refuses it with a PackageError unless it is a sound zip
whose every entry is safe to write to disk and whose manifests and libraries make playable H5P
content. It reads only. `extract_package()` then writes exactly the validated files through a
Django storage, all or nothing.

Checks run from the cheapest to the dearest; nothing is decompressed before the declared sizes
have been judged:

1. the package: its size, that it is a zip, how many entries it has;
2. each entry: its path, its kind (no links, no encryption), where it sits, its extension;
3. the declared sizes and compression ratios;
4. the data of every file, decompressed in chunks, which must match its declared size and CRC;
5. the manifests: h5p.json, content/content.json, each library.json, and the dependencies.
"""

from __future__ import annotations

import copy
import hashlib
import io
import logging
import os
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import Storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .entries import CONTENT_FOLDER, check_entry, check_unique_names, ignored, shown
from .errors import PackageError
from .limits import DEFAULT_LIMITS, PackageLimits
from .manifests import (
    CONTENT_JSON,
    H5P_JSON,
    LIBRARY_JSON,
    ContentManifest,
    LibraryManifest,
    LibraryRef,
    load_json_object,
    parse_content_manifest,
    parse_library_manifest,
)
from .scoring import reports_score

__all__ = [
    "DEFAULT_LIMITS",
    "LibraryRef",
    "PackageError",
    "PackageLimits",
    "ValidatedPackage",
    "extract_package",
    "validate_package",
]

logger = logging.getLogger(__name__)

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]

CHUNK_SIZE = 64 * 1024
# More than zipfile can inflate ahead of what one read returns (one chunk, plus a 4 KiB buffer),
# so that its own size cut-off never fires before our guard sees the overrun.
OVERRUN_MARGIN = 4 * CHUNK_SIZE
SPOOL_SIZE = 1024 * 1024  # files larger than this go through a temporary file on their way to storage
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a first file, or the end of an empty archive
# What zipfile raises on broken data (NotImplementedError: a zip feature it cannot read, e.g. a newer version).
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError)


@dataclass(frozen=True)
class ValidatedPackage:
    """A package that passed every check, as `validate_package()` found it."""

    content_hash: str  # sha256 hex of the .h5p bytes
    title: str
    language: str  # h5p.json "language", or "und" when it is empty
    main_library: LibraryRef
    libraries: tuple[LibraryRef, ...]  # library folders present in the package, sorted by folder
    files: tuple[tuple[str, int], ...]  # (path, uncompressed size) of every file entry, sorted
    h5p_json: dict[str, Any]
    total_size: int
    reports_score: bool = True  # whether the main library ever sends a scored statement (scoring.py)
    skipped: tuple[str, ...] = ()  # entries passed over as H5P core does (entries.ignored): not stored


def validate_package(source: Source, *, limits: PackageLimits = DEFAULT_LIMITS) -> ValidatedPackage:
    """Check a package from a path, bytes or a binary file object (e.g. a Django UploadedFile).

    Returns what the package holds, or raises PackageError at the first problem. Reads only:
    nothing is written anywhere, and a file object is left at position 0.
    """
    with _opened(source) as fileobj:
        package_size = _check_package_size(fileobj, limits)
        content_hash = _sha256(fileobj)
        with _zip(fileobj) as archive:
            entries = archive.infolist()
            _check_entry_count(entries, limits)
            for info in entries:
                check_entry(info)
            check_unique_names(entries)
            skipped = sorted(info.filename for info in entries if ignored(info.orig_filename))
            kept = [info for info in entries if not ignored(info.orig_filename)]
            # Declared sizes are judged on every entry, ignored or not; only kept files are read.
            _check_declared_sizes([info for info in entries if not info.is_dir()], package_size, limits)
            files = [info for info in kept if not info.is_dir()]
            total_size = sum(info.file_size for info in files)
            for info in files:
                _drain(archive, info)
            content, libraries = _check_manifests(archive, kept)
            main = libraries[content.main_dependency.folder]
            by_name = {info.filename: info for info in files}
            scored = reports_score(main, lambda path: _read(archive, by_name[f"{main.ref.folder}/{path}"]))
    return ValidatedPackage(
        content_hash=content_hash,
        title=content.title,
        language=content.language,
        main_library=libraries[content.main_dependency.folder].ref,
        libraries=tuple(libraries[folder].ref for folder in sorted(libraries)),
        files=tuple(sorted((info.filename, info.file_size) for info in files)),
        h5p_json=content.data,
        total_size=total_size,
        reports_score=scored,
        skipped=tuple(skipped),
    )


def extract_package(source: Source, package: ValidatedPackage, *, storage: Storage, base_path: str) -> list[str]:
    """Write every file of a validated package to `storage` under `base_path`; return the stored names.

    Refuses (package_changed) a source whose bytes or file list differ from what was validated,
    and (storage_conflict) to write over an existing file or to accept a name the storage changed.
    All or nothing: when anything fails, the files already written are deleted and the error is
    re-raised.
    """
    prefix = _storage_prefix(base_path)
    with _opened(source) as fileobj:
        if _sha256(fileobj) != package.content_hash:
            raise PackageError("package_changed", _("The package changed after it was validated."))
        with _zip(fileobj) as archive:
            targets = [(info, f"{prefix}/{info.filename}") for info in _validated_files(archive, package)]
            for _info, name in targets:
                if storage.exists(name):
                    raise _storage_conflict(name)
            written: list[str] = []
            pending: str | None = None  # the file being saved, which a failing storage may leave half-written
            try:
                for info, name in targets:
                    pending = name
                    written.append(_save(archive, info, storage, name))
                    pending = None
                    if written[-1] != name:
                        raise _storage_conflict(name)
            except BaseException:
                _undo(storage, written, pending)
                raise
    return written


# 1. The package as a whole


@contextmanager
def _opened(source: Source) -> Iterator[IO[bytes]]:
    """A seekable binary file for `source`; a caller's file object is rewound before and after."""
    if isinstance(source, bytes | bytearray | memoryview):
        yield io.BytesIO(source)
    elif isinstance(source, str | os.PathLike):
        with open(source, "rb") as fileobj:
            yield fileobj
    elif hasattr(source, "read") and hasattr(source, "seek"):
        source.seek(0)
        try:
            yield source
        finally:
            source.seek(0)
    else:
        raise TypeError(f"Expected a path, bytes or a binary file object, not {type(source).__name__}")


def _check_package_size(fileobj: IO[bytes], limits: PackageLimits) -> int:
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(0)
    if size > limits.max_package_size:
        raise PackageError(
            "package_too_large",
            _("The package is %(size)s, more than the limit of %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limits.max_package_size)},
        )
    return size


def _sha256(fileobj: IO[bytes]) -> str:
    fileobj.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(CHUNK_SIZE), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


@contextmanager
def _zip(fileobj: IO[bytes]) -> Iterator[zipfile.ZipFile]:
    """Open the zip.

    Refuses (not_a_zip) a file that does not start as a zip, such as a zip glued to an image, and
    (corrupt_zip) one whose central directory cannot be read.
    """
    fileobj.seek(0)
    signature = fileobj.read(4)
    fileobj.seek(0)
    if signature not in ZIP_SIGNATURES:
        raise PackageError("not_a_zip", _("The file is not an H5P package: it is not a zip archive."))
    try:
        archive = zipfile.ZipFile(fileobj)
    except _READ_ERRORS as error:
        raise PackageError("corrupt_zip", _("The package is a damaged zip archive.")) from error
    with archive:
        yield archive


def _check_entry_count(entries: Sequence[zipfile.ZipInfo], limits: PackageLimits) -> None:
    if len(entries) > limits.max_entries:
        raise PackageError(
            "too_many_entries",
            _("The package has %(count)s entries, more than the limit of %(limit)s.")
            % {"count": len(entries), "limit": limits.max_entries},
        )


# 2. Each entry: see entries.py. 3. Declared sizes, 4. actual data


def _check_declared_sizes(files: Sequence[zipfile.ZipInfo], package_size: int, limits: PackageLimits) -> int:
    """Judge each file on the sizes its zip header declares; return their uncompressed total.

    Refuses a file over the size limit, a compression ratio past the limit (zip_bomb), entries whose
    compressed data add up to more than the package itself (overlapping entries, zip_bomb), and an
    uncompressed total over the limit.
    """
    for info in files:
        params = {"name": shown(info.filename)}
        if info.file_size > limits.max_file_size:
            raise PackageError(
                "file_too_large",
                _("The file %(name)s is %(size)s uncompressed, more than the limit of %(limit)s.")
                % {**params, "size": filesizeformat(info.file_size), "limit": filesizeformat(limits.max_file_size)},
                path=info.filename,
            )
        if info.file_size > limits.ratio_threshold and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise PackageError(
                "zip_bomb",
                _("The file %(name)s is compressed more than %(ratio)s times; it may be a zip bomb.")
                % {**params, "ratio": f"{limits.max_ratio:g}"},
                path=info.filename,
            )
    if sum(info.compress_size for info in files) > package_size:
        raise PackageError("zip_bomb", _("The entries of the package overlap; it may be a zip bomb."))
    total = sum(info.file_size for info in files)
    if total > limits.max_total_size:
        raise PackageError(
            "total_too_large",
            _("The files of the package add up to %(size)s uncompressed, more than the limit of %(limit)s.")
            % {"size": filesizeformat(total), "limit": filesizeformat(limits.max_total_size)},
        )
    return total


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """Yield the data of a file entry in chunks of at most CHUNK_SIZE bytes.

    zipfile silently cuts data at the declared size, or fails on the CRC at that point, so the
    entry is opened as if it were OVERRUN_MARGIN bytes longer: data running on past the declared
    size then reach us, and are refused (zip_bomb) at the first chunk beyond it. Memory stays
    bounded because every read asks for one chunk. Data that end early, fail their CRC or cannot
    be inflated are refused (corrupt_zip).
    """
    probe = copy.copy(info)
    probe.file_size = info.file_size + OVERRUN_MARGIN
    produced = 0
    try:
        with archive.open(probe) as stream:
            while chunk := stream.read(CHUNK_SIZE):
                produced += len(chunk)
                if produced > info.file_size:
                    raise PackageError(
                        "zip_bomb",
                        _("The file %(name)s expands beyond its declared size; it may be a zip bomb.")
                        % {"name": shown(info.filename)},
                        path=info.filename,
                    )
                yield chunk
    except _READ_ERRORS as error:
        raise _damaged(info) from error
    if produced != info.file_size:
        raise _damaged(info)


def _drain(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Decompress a file entry to nothing, to prove its data match its header."""
    for _chunk in _stream(archive, info):
        pass


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    return b"".join(_stream(archive, info))


def _damaged(info: zipfile.ZipInfo) -> PackageError:
    return PackageError(
        "corrupt_zip",
        _("The file %(name)s is damaged in the package.") % {"name": shown(info.filename)},
        path=info.filename,
    )


# 5. Manifests and libraries


def _check_manifests(
    archive: zipfile.ZipFile, entries: Sequence[zipfile.ZipInfo]
) -> tuple[ContentManifest, dict[str, LibraryManifest]]:
    """Parse h5p.json, content/content.json and every library.json; check the libraries hang together.

    Returns the content manifest and the library manifests by folder.
    """
    files = {info.filename: info for info in entries if not info.is_dir()}
    if H5P_JSON not in files:
        raise PackageError("missing_h5p_json", _("The package has no h5p.json file."), path=H5P_JSON)
    content = parse_content_manifest(_read(archive, files[H5P_JSON]))
    if CONTENT_JSON not in files:
        raise PackageError("missing_content_json", _("The package has no content/content.json file."))
    load_json_object(CONTENT_JSON, _read(archive, files[CONTENT_JSON]), code="invalid_content_json")
    folders = sorted({info.filename.partition("/")[0] for info in entries} - {H5P_JSON, CONTENT_FOLDER})
    libraries = {folder: _check_library(archive, files, folder) for folder in folders}
    _check_main_library(content, libraries)
    _check_dependencies(content, libraries)
    return content, libraries


def _check_library(archive: zipfile.ZipFile, files: dict[str, zipfile.ZipInfo], folder: str) -> LibraryManifest:
    """A library folder needs a library.json naming it, and must hold the files it preloads."""
    manifest_name = f"{folder}/{LIBRARY_JSON}"
    if manifest_name not in files:
        raise PackageError(
            "missing_library_json",
            _("The library folder %(name)s has no library.json file.") % {"name": folder},
            path=folder,
        )
    manifest = parse_library_manifest(folder, _read(archive, files[manifest_name]))
    if manifest.ref.folder != folder:
        raise PackageError(
            "library_folder_mismatch",
            _("The library folder %(name)s holds the library %(library)s; its folder should be named %(folder)s.")
            % {"name": folder, "library": manifest.ref.machine_name, "folder": manifest.ref.folder},
            path=folder,
        )
    for path in manifest.preloaded_files:
        if f"{folder}/{path}" not in files:
            raise PackageError(
                "missing_preloaded_file",
                _("The file %(name)s, listed in %(manifest)s, is missing from the package.")
                % {"name": shown(f"{folder}/{path}"), "manifest": manifest_name},
                path=manifest_name,
            )
    return manifest


def _check_main_library(content: ContentManifest, libraries: dict[str, LibraryManifest]) -> None:
    main = content.main_dependency
    library = libraries.get(main.folder)
    if library is None:
        raise PackageError(
            "main_library_missing",
            _("The main library %(library)s is missing from the package.") % {"library": main.folder},
            path=main.folder,
        )
    if not library.runnable:
        raise PackageError(
            "main_library_not_runnable",
            _("The main library %(library)s is not runnable.") % {"library": main.folder},
            path=main.folder,
        )


def _check_dependencies(content: ContentManifest, libraries: dict[str, LibraryManifest]) -> None:
    """Every library that h5p.json or a library preloads must be in the package: we keep no library store."""
    needs = [(H5P_JSON, content.dependencies)]
    needs += [(f"{folder}/{LIBRARY_JSON}", library.dependencies) for folder, library in libraries.items()]
    for needed_by, dependencies in needs:
        for ref in dependencies:
            if ref.folder not in libraries:
                raise PackageError(
                    "missing_dependency",
                    _("The library %(library)s, required by %(name)s, is missing from the package.")
                    % {"library": ref.folder, "name": needed_by},
                    path=needed_by,
                )


# Extraction


def _storage_prefix(base_path: str) -> str:
    prefix = base_path.strip("/")
    if not prefix or "\\" in prefix or any(segment in ("", ".", "..") for segment in prefix.split("/")):
        raise ValueError(f"base_path must be a relative storage path, not {base_path!r}")
    return prefix


def _validated_files(archive: zipfile.ZipFile, package: ValidatedPackage) -> list[zipfile.ZipInfo]:
    """The file entries to extract, checked again; refuses (package_changed) a list unlike the validated one."""
    entries = archive.infolist()
    for info in entries:
        check_entry(info)
    check_unique_names(entries)
    files = sorted(
        (info for info in entries if not info.is_dir() and not ignored(info.orig_filename)),
        key=lambda info: info.filename,
    )
    if tuple((info.filename, info.file_size) for info in files) != package.files:
        raise PackageError("package_changed", _("The package changed after it was validated."))
    return files


def _save(archive: zipfile.ZipFile, info: zipfile.ZipInfo, storage: Storage, name: str) -> str:
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_SIZE) as buffer:
        for chunk in _stream(archive, info):
            buffer.write(chunk)
        buffer.seek(0)
        return storage.save(name, File(buffer, name=name))


def _storage_conflict(name: str) -> PackageError:
    return PackageError(
        "storage_conflict",
        _("The file %(name)s already exists in storage; the package was not extracted.") % {"name": name},
        path=name,
    )


def _undo(storage: Storage, written: list[str], pending: str | None) -> None:
    """Delete what an extraction wrote (`pending` did not exist before it started); log, never raise."""
    for name in [*written, *([pending] if pending else [])]:
        try:
            if storage.exists(name):
                storage.delete(name)
        except Exception:
            logger.exception("Could not delete %s while undoing an H5P extraction", name)
