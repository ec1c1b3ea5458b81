"""The H5P package validator refuses malicious and malformed packages, and extracts sound ones all or nothing."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from courses.h5p.builder import FIXED_DATE, SCENARIO_FOLDER, build_package, library_files
from courses.h5p.package import (
    LibraryRef,
    PackageError,
    PackageLimits,
    ValidatedPackage,
    extract_package,
    validate_package,
)

SCENARIO = LibraryRef("H5P.TraffickingScenario", 1, 0, 0)
CONTENT = {
    "scenario": "<p>Awa, 15 ans, travaille chez une tante à Conakry. Elle ne va plus à l'école.</p>",
    "questions": [
        {
            "text": "Quel indicateur de traite des personnes voyez-vous ?",
            "answers": [
                {"text": "Elle ne va plus à l'école", "correct": True, "feedback": "Un indicateur d'exploitation."},
                {"text": "Elle habite en ville", "correct": False, "feedback": "Ce n'est pas un indicateur."},
            ],
        }
    ],
    "l10n": {"check": "Vérifier", "retry": "Recommencer", "score": "Votre score : :num sur :total"},
}


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages are asserted in English, whatever the French catalogue holds."""
    with translation.override("en"):
        yield


# Crafting packages


@dataclass
class Entry:
    """One zip entry to craft; `tamper` may change its header after it is written (central directory only)."""

    name: str
    data: bytes = b"{}"
    compress_type: int = zipfile.ZIP_DEFLATED
    mode: int = stat.S_IFREG | 0o644
    tamper: Callable[[zipfile.ZipInfo], None] | None = field(default=None, repr=False)


def craft(entries: list[Entry]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are written on purpose
        with zipfile.ZipFile(buffer, "w") as archive:
            for entry in entries:
                info = zipfile.ZipInfo(entry.name, date_time=FIXED_DATE)
                info.compress_type = entry.compress_type
                info.create_system = 3
                info.external_attr = entry.mode << 16
                archive.writestr(info, entry.data)
                if entry.tamper:
                    entry.tamper(info)
    return buffer.getvalue()


def good_package(**kwargs) -> bytes:
    return build_package(title="Le cas d'Awa", content=CONTENT, **kwargs)


def good_files() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(good_package())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def package(*extra: Entry, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    """The good package, with entries replaced, dropped or added."""
    files = {**good_files(), **(replace or {})}
    entries = [Entry(name, data) for name, data in files.items() if name not in drop]
    return craft(entries + list(extra))


def as_json(value: object) -> bytes:
    return json.dumps(value).encode()


def h5p_json(**changes) -> dict[str, bytes]:
    """A replacement h5p.json; a change to None removes the key."""
    manifest = json.loads(good_files()["h5p.json"])
    manifest.update(changes)
    return {"h5p.json": as_json({key: value for key, value in manifest.items() if value is not None})}


def scenario_library_json(**changes) -> dict[str, bytes]:
    """A replacement library.json for our own library; a change to None removes the key."""
    manifest = json.loads(library_files()["library.json"])
    manifest.update(changes)
    return {f"{SCENARIO_FOLDER}/library.json": as_json({k: v for k, v in manifest.items() if v is not None})}


def helper_library(folder: str = "H5P.Helper-1.0", **changes) -> list[Entry]:
    manifest = {
        "title": "Helper",
        "machineName": "H5P.Helper",
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": 3,
        "runnable": 0,
        "preloadedJs": [{"path": "helper.js"}],
        **changes,
    }
    return [Entry(f"{folder}/library.json", as_json(manifest)), Entry(f"{folder}/helper.js", b"var helper;")]


def with_nul_byte() -> bytes:
    return package(Entry("content/nulXbyte.json")).replace(b"content/nulXbyte.json", b"content/nul\x00byte.json")


def with_damaged_data() -> bytes:
    data = b"The quick brown fox jumps over the lazy dog. " * 10
    crafted = package(Entry("content/notes.txt", data, compress_type=zipfile.ZIP_STORED))
    offset = crafted.index(data)
    return crafted[:offset] + b"X" + crafted[offset + 1 :]


def set_flag(bits: int) -> Callable[[zipfile.ZipInfo], None]:
    def tamper(info: zipfile.ZipInfo) -> None:
        info.flag_bits |= bits

    return tamper


def set_compress_size(size: int) -> Callable[[zipfile.ZipInfo], None]:
    def tamper(info: zipfile.ZipInfo) -> None:
        info.compress_size = size

    return tamper


def set_file_size(size: int) -> Callable[[zipfile.ZipInfo], None]:
    def tamper(info: zipfile.ZipInfo) -> None:
        info.file_size = size

    return tamper


# The corpus


@dataclass
class Case:
    make: Callable[[], bytes]
    code: str
    fragment: str  # part of the message: the file at fault, or the words for the problem
    limits: PackageLimits = field(default_factory=PackageLimits)


CORPUS = {
    # The package as a whole
    "not-a-zip": Case(lambda: b"%PDF-1.4 pretending to be an H5P package", "not_a_zip", "not a zip archive"),
    "empty-file": Case(lambda: b"", "not_a_zip", "not a zip archive"),
    "zip-glued-to-an-image": Case(lambda: b"GIF89a" + good_package(), "not_a_zip", "not a zip archive"),
    "truncated-zip": Case(lambda: good_package()[:-200], "corrupt_zip", "damaged zip archive"),
    "damaged-entry-data": Case(with_damaged_data, "corrupt_zip", "content/notes.txt is damaged"),
    "package-too-large": Case(
        good_package, "package_too_large", "more than the limit", PackageLimits(max_package_size=1024)
    ),
    "too-many-entries": Case(
        good_package, "too_many_entries", "more than the limit of 3", PackageLimits(max_entries=3)
    ),
    # Paths
    "absolute-path": Case(lambda: package(Entry("/content/evil.json")), "absolute_path", "/content/evil.json"),
    "dot-dot-traversal": Case(
        lambda: package(Entry("content/../../../etc/cron.d/evil.json")), "path_traversal", "content/../../../etc"
    ),
    "dot-dot-in-library": Case(
        lambda: package(Entry(f"{SCENARIO_FOLDER}/../../evil.js")), "path_traversal", "/../../evil.js"
    ),
    "backslash": Case(lambda: package(Entry("content\\..\\evil.json")), "backslash_in_path", "content\\..\\evil.json"),
    "nul-byte": Case(with_nul_byte, "nul_in_path", "content/nul\\x00byte.json"),
    "control-character": Case(lambda: package(Entry("content/a\x07b.json")), "invalid_path", "content/a\\x07b.json"),
    "drive-letter": Case(lambda: package(Entry("C:/content/evil.json")), "drive_letter", "C:/content/evil.json"),
    "empty-segment": Case(lambda: package(Entry("content//evil.json")), "invalid_path", "content//evil.json"),
    "dot-segment": Case(lambda: package(Entry("content/./evil.json")), "invalid_path", "content/./evil.json"),
    # Kinds of entries
    "symlink": Case(
        lambda: package(Entry("content/passwd.txt", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)),
        "symlink",
        "content/passwd.txt is a symbolic link",
    ),
    "fifo": Case(
        lambda: package(Entry("content/pipe.txt", b"", mode=stat.S_IFIFO | 0o644)), "special_file", "content/pipe.txt"
    ),
    "encrypted": Case(
        lambda: package(Entry("content/secret.txt", b"x", tamper=set_flag(0x1))),
        "encrypted_entry",
        "content/secret.txt is encrypted",
    ),
    "bzip2": Case(
        lambda: package(Entry("content/notes.txt", b"x" * 100, compress_type=zipfile.ZIP_BZIP2)),
        "unsupported_compression",
        "content/notes.txt",
    ),
    "duplicate-name": Case(
        lambda: package(Entry("content/content.json", b'{"evil": true}')), "duplicate_entry", "content/content.json"
    ),
    "duplicate-differing-by-case": Case(
        lambda: package(Entry("content/Photo.png", b"a"), Entry("content/photo.png", b"b")),
        "duplicate_entry",
        "differ only by case",
    ),
    "file-and-folder": Case(
        lambda: package(Entry("content/photo.png", b"a"), Entry("content/photo.png/x.png", b"b")),
        "duplicate_entry",
        "content/photo.png is both a file and a folder",
    ),
    # Sizes
    "file-too-large": Case(
        lambda: package(Entry("content/big.txt", b"a" * 20_000)),
        "file_too_large",
        "content/big.txt",
        PackageLimits(max_file_size=10_000, max_ratio=1000),
    ),
    "total-too-large": Case(good_package, "total_too_large", "add up to", PackageLimits(max_total_size=5_000)),
    "compression-ratio": Case(
        lambda: package(Entry("content/bomb.txt", b"\0" * 5_000_000)), "zip_bomb", "content/bomb.txt"
    ),
    "lying-compressed-size": Case(
        lambda: package(Entry("content/notes.txt", b"x" * 10, tamper=set_compress_size(50_000_000))),
        "zip_bomb",
        "overlap",
    ),
    # Places and extensions
    # Entries H5P core passes over are skipped, but their paths and kinds are still judged.
    "traversal-in-macos-junk": Case(
        lambda: package(Entry("__MACOSX/../../etc/passwd", b"x")), "path_traversal", "__MACOSX/../../etc/passwd"
    ),
    "symlink-hidden": Case(
        lambda: package(Entry(".evil", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)), "symlink", ".evil"
    ),
    "hidden-bomb": Case(
        lambda: package(Entry("__MACOSX/big.txt", b"\0" * 2 * 1024 * 1024)),
        "zip_bomb",
        "__MACOSX/big.txt",
        limits=PackageLimits(max_ratio=10),
    ),
    "badly-named-folder": Case(lambda: package(Entry("scripts/x.js", b"")), "unexpected_entry", "scripts/x.js"),
    "php-in-content": Case(lambda: package(Entry("content/shell.php", b"<?php")), "bad_extension", "content/shell.php"),
    "html-in-library": Case(
        lambda: package(Entry(f"{SCENARIO_FOLDER}/index.html", b"<script>")), "bad_extension", "/index.html"
    ),
    "phtml-in-library": Case(
        lambda: package(Entry(f"{SCENARIO_FOLDER}/x.phtml", b"<?php")), "bad_extension", "/x.phtml"
    ),
    "js-in-content": Case(lambda: package(Entry("content/run.js", b"alert(1)")), "bad_extension", "content/run.js"),
    "hidden-php-extension": Case(
        lambda: package(Entry("content/photo.php.png", b"<?php")), "bad_extension", "content/photo.php.png"
    ),
    "no-extension": Case(lambda: package(Entry("content/README", b"hi")), "bad_extension", "content/README"),
    # h5p.json
    "missing-h5p-json": Case(lambda: package(drop=("h5p.json",)), "missing_h5p_json", "h5p.json"),
    "h5p-json-not-json": Case(lambda: package(replace={"h5p.json": b"{title: oops"}), "invalid_h5p_json", "h5p.json"),
    "h5p-json-not-utf8": Case(
        lambda: package(replace={"h5p.json": '{"title": "Données"}'.encode("latin-1")}),
        "invalid_h5p_json",
        "not valid UTF-8",
    ),
    "h5p-json-array": Case(lambda: package(replace={"h5p.json": b"[]"}), "invalid_h5p_json", "a JSON object"),
    "h5p-json-no-title": Case(lambda: package(replace=h5p_json(title=None)), "invalid_h5p_json", "field title"),
    "h5p-json-blank-title": Case(lambda: package(replace=h5p_json(title="  ")), "invalid_h5p_json", "field title"),
    "h5p-json-bad-embed-types": Case(
        lambda: package(replace=h5p_json(embedTypes=["script"])), "invalid_h5p_json", "embedTypes"
    ),
    "h5p-json-nested-embed-types": Case(
        lambda: package(replace=h5p_json(embedTypes=[["div"]])), "invalid_h5p_json", "embedTypes"
    ),
    "h5p-json-no-language": Case(lambda: package(replace=h5p_json(language=None)), "invalid_h5p_json", "language"),
    "h5p-json-bad-dependency": Case(
        lambda: package(replace=h5p_json(preloadedDependencies=[{"machineName": "H5P.TraffickingScenario"}])),
        "invalid_h5p_json",
        "preloadedDependencies",
    ),
    "main-library-not-a-dependency": Case(
        lambda: package(replace=h5p_json(mainLibrary="H5P.Other")), "invalid_h5p_json", "H5P.Other"
    ),
    # content.json
    "missing-content-json": Case(
        lambda: package(drop=("content/content.json",)), "missing_content_json", "content/content.json"
    ),
    "content-json-array": Case(
        lambda: package(replace={"content/content.json": b"[1, 2]"}), "invalid_content_json", "content/content.json"
    ),
    # Libraries
    "library-without-library-json": Case(
        lambda: package(Entry("H5P.Stray-1.0/stray.js", b"")), "missing_library_json", "H5P.Stray-1.0"
    ),
    "library-json-bad-runnable": Case(
        lambda: package(replace=scenario_library_json(runnable=2)), "invalid_library_json", "runnable"
    ),
    "library-json-no-patch-version": Case(
        lambda: package(replace=scenario_library_json(patchVersion=None)), "invalid_library_json", "patchVersion"
    ),
    "library-folder-mismatch": Case(
        lambda: package(*helper_library("H5P.Helper-1.1")), "library_folder_mismatch", "H5P.Helper-1.1"
    ),
    "missing-preloaded-file": Case(
        lambda: package(replace=scenario_library_json(preloadedJs=[{"path": "missing.js"}])),
        "missing_preloaded_file",
        f"{SCENARIO_FOLDER}/missing.js",
    ),
    "missing-library-dependency": Case(
        lambda: package(
            replace=scenario_library_json(
                preloadedDependencies=[{"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}]
            )
        ),
        "missing_dependency",
        "H5P.JoubelUI-1.3",
    ),
    "missing-content-dependency": Case(
        lambda: package(
            replace=h5p_json(
                preloadedDependencies=[
                    {"machineName": "H5P.TraffickingScenario", "majorVersion": 1, "minorVersion": 0},
                    {"machineName": "H5P.Helper", "majorVersion": 2, "minorVersion": 0},
                ]
            )
        ),
        "missing_dependency",
        "H5P.Helper-2.0",
    ),
    "main-library-missing": Case(
        lambda: package(
            replace=h5p_json(
                mainLibrary="H5P.Absent",
                preloadedDependencies=[{"machineName": "H5P.Absent", "majorVersion": 1, "minorVersion": 0}],
            )
        ),
        "main_library_missing",
        "H5P.Absent-1.0",
    ),
    "main-library-not-runnable": Case(
        lambda: package(replace=scenario_library_json(runnable=0)),
        "main_library_not_runnable",
        "H5P.TraffickingScenario-1.0",
    ),
}


@pytest.mark.parametrize("case", [pytest.param(case, id=name) for name, case in CORPUS.items()])
def test_a_bad_package_is_refused_with_its_own_code_and_a_message_naming_the_problem(case):
    with pytest.raises(PackageError) as refused:
        validate_package(case.make(), limits=case.limits)

    assert refused.value.code == case.code
    assert case.fragment in refused.value.message


def test_the_corpus_covers_every_check():
    codes = {case.code for case in CORPUS.values()}
    assert len(CORPUS) >= 18
    assert codes >= {"path_traversal", "not_a_zip", "bad_extension", "zip_bomb", "symlink", "duplicate_entry"}


def test_an_entry_whose_header_understates_its_size_is_stopped_by_the_streaming_guard():
    """The header says 1000 bytes, too small for the ratio check; the data inflate to 2 MiB, past the limit."""
    crafted = package(Entry("content/bomb.txt", b"\0" * 2 * 1024 * 1024, tamper=set_file_size(1000)))
    with zipfile.ZipFile(io.BytesIO(crafted)) as archive:
        info = archive.getinfo("content/bomb.txt")
        assert (info.file_size, info.compress_size < 1000 * 100) == (1000, True)  # the declared sizes pass

    with pytest.raises(PackageError) as refused:
        validate_package(crafted, limits=PackageLimits(max_file_size=1024 * 1024))

    assert refused.value.code == "zip_bomb"
    assert "content/bomb.txt expands beyond its declared size" in refused.value.message


def test_the_message_is_plain_text_in_the_active_language():
    with translation.override("fr"), pytest.raises(PackageError) as refused:
        validate_package(b"not a zip")

    assert refused.value.code == "not_a_zip"
    assert type(refused.value.message) is str
    assert str(refused.value) == refused.value.message


# Sound packages


def test_entries_that_h5p_core_passes_over_are_skipped_and_never_stored(tmp_path):
    """h5p-standalone's own test package has an empty H5P_CONTENT_HERE.txt; a Mac adds __MACOSX/ and .DS_Store."""
    junk = {
        "H5P_CONTENT_HERE.txt": b"",
        "readme.txt": b"hi",
        ".DS_Store": b"\0\0\0\1Bud1",
        "__MACOSX/._h5p.json": b"\0\5\26\7",
        "__MACOSX/content/._content.json": b"\0",
        "content/.DS_Store": b"\0",
        "content/.htaccess": b"Options +ExecCGI",
        f"{SCENARIO_FOLDER}/.DS_Store": b"\0",
    }
    data = package(*(Entry(name, body) for name, body in junk.items()))

    package_ = validate_package(data)
    names = extract_package(data, package_, storage=FileSystemStorage(location=tmp_path), base_path="h5p/1")

    assert sorted(package_.skipped) == sorted(junk)
    assert [path for path, _size in package_.files] == sorted(good_files())
    assert stored_files(tmp_path) == sorted(f"h5p/1/{path}" for path in good_files()) == names


def test_a_stray_top_level_folder_is_still_refused():
    with pytest.raises(PackageError) as refused:
        validate_package(package(Entry("H5P_CONTENT_HERE/notes.txt", b"")))
    assert refused.value.code == "unexpected_entry"


def test_a_built_package_is_valid_and_reports_what_it_holds():
    data = good_package()

    package_ = validate_package(data)

    assert isinstance(package_, ValidatedPackage)
    assert package_.title == "Le cas d'Awa"
    assert package_.language == "fr"
    assert package_.main_library == SCENARIO
    assert package_.main_library.folder == "H5P.TraffickingScenario-1.0"
    assert package_.libraries == (SCENARIO,)
    assert package_.content_hash == hashlib.sha256(data).hexdigest()
    assert [path for path, _size in package_.files] == sorted(good_files())
    assert package_.total_size == sum(size for _path, size in package_.files) == sum(map(len, good_files().values()))
    assert package_.h5p_json["mainLibrary"] == "H5P.TraffickingScenario"


def test_a_package_with_more_libraries_and_media_is_valid():
    helper = {entry.name.partition("/")[2]: entry.data for entry in helper_library()}
    data = good_package(
        libraries={"H5P.Helper-1.0": helper},
        extra_files={"content/images/awa.png": b"\x89PNG fake", "content/audio/temoignage.mp3": b"ID3"},
        h5p_json_overrides={
            "preloadedDependencies": [
                {"machineName": "H5P.TraffickingScenario", "majorVersion": 1, "minorVersion": 0},
                {"machineName": "H5P.Helper", "majorVersion": 1, "minorVersion": 0},
            ]
        },
    )

    package_ = validate_package(data)

    assert package_.libraries == (LibraryRef("H5P.Helper", 1, 0, 3), SCENARIO)
    assert ("content/images/awa.png", 9) in package_.files


def test_an_empty_language_reads_as_undetermined():
    assert validate_package(package(replace=h5p_json(language=""))).language == "und"


def test_the_same_bytes_give_the_same_hash_whatever_the_source(tmp_path):
    data = good_package()
    path = tmp_path / "awa.h5p"
    path.write_bytes(data)
    upload = SimpleUploadedFile("awa.h5p", data, content_type="application/zip")
    upload.seek(100)

    results = [validate_package(data), validate_package(path), validate_package(str(path)), validate_package(upload)]

    assert len({result.content_hash for result in results}) == 1
    assert all(result == results[0] for result in results)
    assert upload.tell() == 0
    assert validate_package(good_package()).content_hash == results[0].content_hash
    assert validate_package(build_package(title="Autre", content=CONTENT)).content_hash != results[0].content_hash


# Extraction


class FailingStorage(FileSystemStorage):
    """Fails on the save after `fail_after` successful ones."""

    def __init__(self, *args, fail_after: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fail_after = fail_after
        self.saves = 0

    def save(self, name, content, max_length=None):
        if self.saves >= self.fail_after:
            raise OSError("disk full")
        self.saves += 1
        return super().save(name, content, max_length=max_length)


def stored_files(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_extraction_writes_exactly_the_validated_files(tmp_path):
    data = good_package(extra_files={"content/images/awa.png": b"\x89PNG fake"})
    package_ = validate_package(data)
    storage = FileSystemStorage(location=tmp_path)

    names = extract_package(data, package_, storage=storage, base_path="h5p/42/")

    expected = [f"h5p/42/{path}" for path, _size in package_.files]
    assert names == expected
    assert stored_files(tmp_path) == expected
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for path, _size in package_.files:
            assert (tmp_path / "h5p/42" / path).read_bytes() == archive.read(path)


def test_a_storage_failure_midway_leaves_no_file_behind(tmp_path):
    data = good_package()
    package_ = validate_package(data)
    storage = FailingStorage(location=tmp_path, fail_after=3)

    with pytest.raises(OSError, match="disk full"):
        extract_package(data, package_, storage=storage, base_path="h5p/42")

    assert storage.saves == 3
    assert stored_files(tmp_path) == []


def test_extraction_never_writes_over_an_existing_file(tmp_path):
    data = good_package()
    package_ = validate_package(data)
    (tmp_path / "h5p/42/content").mkdir(parents=True)
    (tmp_path / "h5p/42/content/content.json").write_text("keep me")

    with pytest.raises(PackageError) as refused:
        extract_package(data, package_, storage=FileSystemStorage(location=tmp_path), base_path="h5p/42")

    assert refused.value.code == "storage_conflict"
    assert "h5p/42/content/content.json" in refused.value.message
    assert stored_files(tmp_path) == ["h5p/42/content/content.json"]
    assert (tmp_path / "h5p/42/content/content.json").read_text() == "keep me"


def test_extraction_refuses_bytes_other_than_the_validated_ones(tmp_path):
    package_ = validate_package(good_package())
    other = package(Entry("content/extra.txt", b"slipped in"))

    with pytest.raises(PackageError) as refused:
        extract_package(other, package_, storage=FileSystemStorage(location=tmp_path), base_path="h5p/42")

    assert refused.value.code == "package_changed"
    assert stored_files(tmp_path) == []


def test_extraction_refuses_a_file_list_other_than_the_validated_one(tmp_path):
    data = good_package()
    package_ = validate_package(data)
    forged = ValidatedPackage(**{**package_.__dict__, "files": (*package_.files, ("content/ghost.png", 1))})

    with pytest.raises(PackageError) as refused:
        extract_package(data, forged, storage=FileSystemStorage(location=tmp_path), base_path="h5p/42")

    assert refused.value.code == "package_changed"
    assert stored_files(tmp_path) == []


@pytest.mark.parametrize("base_path", ["", "/", "../outside", "h5p/../../x", "h5p\\42"])
def test_extraction_needs_a_plain_relative_base_path(tmp_path, base_path):
    data = good_package()
    with pytest.raises(ValueError, match="base_path"):
        extract_package(data, validate_package(data), storage=FileSystemStorage(location=tmp_path), base_path=base_path)


# Whether the main library reports a score


def runnable_library(machine_name: str, script: bytes = b"var x;", depends_on: tuple[str, ...] = ()) -> dict:
    manifest = {
        "title": machine_name,
        "machineName": machine_name,
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": 0,
        "runnable": 1,
        "preloadedJs": [{"path": "main.js"}],
        "preloadedDependencies": [{"machineName": name, "majorVersion": 1, "minorVersion": 0} for name in depends_on],
    }
    return {f"{machine_name}-1.0": {"library.json": as_json(manifest), "main.js": script}}


@pytest.mark.parametrize(
    ("libraries", "main", "scored"),
    [
        pytest.param({}, "H5P.TraffickingScenario", True, id="own-type-defines-getMaxScore"),
        pytest.param(runnable_library("H5P.Accordion"), "H5P.Accordion", False, id="known-non-scored"),
        pytest.param(
            runnable_library("H5P.Dialogcards", b"C.prototype.getMaxScore=function(){}"),
            "H5P.Dialogcards",
            False,
            id="known-non-scored-wins-over-script",
        ),
        pytest.param(runnable_library("H5P.MultiChoice"), "H5P.MultiChoice", True, id="known-scored"),
        pytest.param(
            {**runnable_library("H5P.Quiz", depends_on=("H5P.Question",)), **runnable_library("H5P.Question")},
            "H5P.Quiz",
            True,
            id="depends-on-h5p-question",
        ),
        pytest.param(runnable_library("H5P.Poster"), "H5P.Poster", False, id="unknown-without-sign"),
        pytest.param(
            runnable_library("H5P.Poll", b"P.prototype.getMaxScore = function () { return 1; };"),
            "H5P.Poll",
            True,
            id="unknown-with-getMaxScore",
        ),
    ],
)
def test_the_package_knows_whether_its_main_library_reports_a_score(libraries, main, scored):
    data = build_package(title="T", content={}, main_library=main, libraries=libraries)
    assert validate_package(data).reports_score is scored
