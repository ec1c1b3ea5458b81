"""The entries of an `.h5p` zip, one at a time: what a path, a kind of entry, a place and an extension may be.

Every check raises PackageError naming the entry; none reads an entry's data.
"""

from __future__ import annotations

import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from .errors import PackageError
from .limits import CONTENT_EXTENSIONS, FORBIDDEN_EXTENSIONS, LIBRARY_EXTENSIONS
from .manifests import H5P_JSON, LIBRARY_FOLDER_RE

CONTENT_FOLDER = "content"
SUPPORTED_COMPRESSION = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
ENCRYPTED_FLAGS = 0x1 | 0x40  # encrypted, strongly encrypted
PATCHED_DATA_FLAG = 0x20  # compressed patched data, which zipfile cannot read
DRIVE_RE = re.compile(r"[A-Za-z]:")


def check_entry(info: zipfile.ZipInfo) -> None:
    """Refuse an entry whose path, kind, place or extension is not allowed.

    An ignored entry (see `ignored`) must still have a safe path and kind; its place and extension
    do not matter since it is neither read nor stored.
    """
    name = info.orig_filename  # ZipInfo.filename is cut at the first NUL byte; the original is not
    _check_path(name)
    _check_kind(info, name)
    if ignored(name):
        return
    _check_place(name)
    if not info.is_dir():
        _check_extension(name)


def ignored(name: str) -> bool:
    """Entries H5P core passes over, which we skip too (never read, never stored).

    Hidden files and folders anywhere (".DS_Store", "content/.htaccess"), top-level entries starting
    with "_" ("__MACOSX/", a Mac's resource forks) and top-level files other than h5p.json
    ("H5P_CONTENT_HERE.txt"). A top-level *folder* that is neither content/ nor a library stays refused.
    """
    segments = name.removesuffix("/").split("/")
    if any(segment.startswith(".") for segment in segments) or segments[0].startswith("_"):
        return True
    return len(segments) == 1 and not name.endswith("/") and name != H5P_JSON


def _check_path(name: str) -> None:
    """A path must be relative, use forward slashes, and have no empty, "." or ".." segment."""
    params = {"name": shown(name)}
    if "\x00" in name:
        raise PackageError("nul_in_path", _("The entry %(name)s has a NUL byte in its name.") % params, path=name)
    if any(unicodedata.category(character) in ("Cc", "Cf") for character in name):
        raise PackageError(
            "invalid_path", _("The entry %(name)s has invisible or control characters in its name.") % params, path=name
        )
    if "\\" in name:
        raise PackageError(
            "backslash_in_path", _("The entry %(name)s uses backslashes in its path.") % params, path=name
        )
    if name.startswith("/"):
        raise PackageError("absolute_path", _("The entry %(name)s has an absolute path.") % params, path=name)
    if DRIVE_RE.match(name):
        raise PackageError("drive_letter", _("The entry %(name)s starts with a drive letter.") % params, path=name)
    segments = name.removesuffix("/").split("/")
    if ".." in segments:
        raise PackageError(
            "path_traversal", _('The entry %(name)s leaves the package folder with "..".') % params, path=name
        )
    if any(segment in ("", ".") for segment in segments):
        raise PackageError(
            "invalid_path", _('The entry %(name)s has an empty or "." segment in its path.') % params, path=name
        )


def _check_kind(info: zipfile.ZipInfo, name: str) -> None:
    """Only plain, unencrypted files and folders, stored or deflated, are accepted."""
    params = {"name": shown(name)}
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        raise PackageError("symlink", _("The entry %(name)s is a symbolic link.") % params, path=name)
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageError("special_file", _("The entry %(name)s is not a plain file or folder.") % params, path=name)
    if info.flag_bits & ENCRYPTED_FLAGS:
        raise PackageError("encrypted_entry", _("The entry %(name)s is encrypted.") % params, path=name)
    if info.compress_type not in SUPPORTED_COMPRESSION or info.flag_bits & PATCHED_DATA_FLAG:
        raise PackageError(
            "unsupported_compression",
            _("The entry %(name)s uses an unsupported compression method.") % params,
            path=name,
        )


def _check_place(name: str) -> None:
    """At the top level only h5p.json, the content/ folder and library folders ("H5P.Foo-1.2/") are allowed."""
    top, slash, _rest = name.partition("/")
    if name == H5P_JSON or (slash and (top == CONTENT_FOLDER or LIBRARY_FOLDER_RE.fullmatch(top))):
        return
    raise PackageError(
        "unexpected_entry",
        _("The entry %(name)s is not allowed in an H5P package: only h5p.json, content/ and library folders are.")
        % {"name": shown(name)},
        path=name,
    )


def _check_extension(name: str) -> None:
    """Files follow H5P core's allow-lists (content files, library files); no name may hide a server script."""
    allowed = LIBRARY_EXTENSIONS if LIBRARY_FOLDER_RE.fullmatch(name.partition("/")[0]) else CONTENT_EXTENSIONS
    basename = name.rpartition("/")[2]
    stem, dot, extension = basename.rpartition(".")
    if not dot or not stem:
        raise PackageError("bad_extension", _("The file %(name)s has no extension.") % {"name": shown(name)}, path=name)
    hidden = {part.lower() for part in basename.split(".")[1:]}
    if extension.lower() not in allowed or hidden & FORBIDDEN_EXTENSIONS:
        raise PackageError(
            "bad_extension", _("The file %(name)s has a forbidden extension.") % {"name": shown(name)}, path=name
        )


def check_unique_names(entries: Iterable[zipfile.ZipInfo]) -> None:
    """No two entries may land on the same path, even on a case-insensitive disk, and no file may also be a folder."""
    seen: dict[str, str] = {}
    files: set[str] = set()
    for info in entries:
        name = info.filename.removesuffix("/")
        key = unicodedata.normalize("NFC", name).lower()
        if key in seen:
            message = (
                _("The entry %(name)s appears more than once in the package.")
                if seen[key] == name
                else _("The entries %(name)s and %(other)s differ only by case.")
            )
            raise PackageError("duplicate_entry", message % {"name": shown(name), "other": shown(seen[key])}, path=name)
        seen[key] = name
        if not info.is_dir():
            files.add(key)
    for key in seen:
        parents = key.split("/")[:-1]
        for depth in range(1, len(parents) + 1):
            parent = "/".join(parents[:depth])
            if parent in files:
                raise PackageError(
                    "duplicate_entry",
                    _("The entry %(name)s is both a file and a folder.") % {"name": shown(seen[parent])},
                    path=seen[parent],
                )


def shown(name: str) -> str:
    """`name` fit for a message: invisible characters written as escapes, at most 200 characters."""
    text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)
    return text if len(text) <= 200 else text[:199] + "…"
