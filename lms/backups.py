"""Backups: the database (SQLite's backup API, or `pg_dump -Fc`) and the media files, in one
timestamped folder; and their restore into an empty database.

A backup folder holds `database.sqlite3` or `database.dump`, `media.tar.gz` (MEDIA_ROOT as `media/`,
PRIVATE_MEDIA_ROOT as `private-media/`), the certificate signing key file (`certificate-signing.key`,
readable by its owner only, when the key is kept in a file) and `manifest.json` (what was backed up,
when, and the counts a restore is checked against). The database is dumped first and the media after,
so every file a row of the dump names is in the archive. Without the signing key, a restored platform
could not vouch for the certificates it issued: a key given by the environment (CERTIFICATE_SIGNING_KEY)
is a secret the operator keeps apart, and the manifest says so.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.private_files import storage_files

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
# The two roots' folders in the media archive: public media, and private files (certificate PDFs,
# H5P packages). Backups made before private files had a root of their own hold only "media".
ARCHIVE_FOLDERS = ("media", "private-media")
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
SIGNING_KEY_FILE = "certificate-signing.key"
# Counted into the manifest, and compared after a restore.
COUNTED_TABLES = ("lms_user", "assessments_attempt", "assessments_response", "certificates_certificate")


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Target:
    """Where a restore writes: a PostgreSQL database (URL) or a SQLite file."""

    vendor: str
    location: str


def _pg_env_and_args(*, host, port, user, password, name) -> tuple[dict, list[str]]:
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    args = ["-h", host or "127.0.0.1", "-p", str(port or 5432), "-U", user or "postgres", "-d", name]
    return env, args


def _counts(cursor) -> dict[str, int]:
    counts = {}
    for table in COUNTED_TABLES:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
        counts[table] = cursor.fetchone()[0]
    return counts


def backup_create(
    *, folder: Path, media_root: Path | Storage, private_media_root: Path | Storage | None = None
) -> Path:
    """Back up the default database, `media_root` and `private_media_root` (folders, or storages such
    as buckets of object storage) into a new folder under `folder`; return it."""
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(folder) / f"lms-{stamp}"
    target.mkdir(parents=True)
    settings_dict = connection.settings_dict
    with connection.cursor() as cursor:
        counts = _counts(cursor)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / SQLITE_FILE) as copy:
            connection.connection.backup(copy)
        copy.close()
        database = SQLITE_FILE
    elif connection.vendor == "postgresql":
        env, args = _pg_env_and_args(
            host=settings_dict["HOST"],
            port=settings_dict["PORT"],
            user=settings_dict["USER"],
            password=settings_dict["PASSWORD"],
            name=settings_dict["NAME"],
        )
        _run([_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(target / POSTGRES_FILE), *args], env=env)
        database = POSTGRES_FILE
    else:
        raise BackupError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": connection.vendor})
    with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
        for root, arcname in zip((media_root, private_media_root), ARCHIVE_FOLDERS, strict=True):
            if isinstance(root, Storage):
                _archive_storage(archive, root, arcname)
            elif root is not None and Path(root).is_dir():
                archive.add(root, arcname=arcname)
    manifest = {
        "created_at": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "database": database,
        "media": MEDIA_ARCHIVE,
        "counts": counts,
        "signing_key": _backup_signing_key(target),
        "pdf_signing": _backup_pdf_signing(target),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return target


def _backup_signing_key(target: Path) -> str:
    """Copy the signing key file into the backup; say where the key is when it is not a file."""
    if settings.CERTIFICATE_SIGNING_KEY:
        return "environment"
    key_file = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
    if not key_file.exists():
        return ""
    copy = target / SIGNING_KEY_FILE
    shutil.copyfile(key_file, copy)
    copy.chmod(0o600)
    return SIGNING_KEY_FILE


# The X.509 pair that signs certificate PDFs (certificates.pdf_signing): issued PDFs carry their
# certificate, but a restored platform should go on signing with the same identity.
PDF_SIGNING_FILES = {
    "CERTIFICATE_PDF_SIGNING_CERT": "certificate-pdf-signing.crt",
    "CERTIFICATE_PDF_SIGNING_KEY": "certificate-pdf-signing.key",
}


def _backup_pdf_signing(target: Path) -> list[str]:
    copied = []
    for setting, name in PDF_SIGNING_FILES.items():
        source = Path(getattr(settings, setting, "") or "")
        if source.is_file():
            shutil.copyfile(source, target / name)
            (target / name).chmod(0o600)
            copied.append(name)
    return copied


def _restore_pdf_signing(backup: Path, manifest: dict) -> None:
    """Put the PDF signing pair back where none is configured yet (never overwrite one)."""
    names = set(manifest.get("pdf_signing") or [])
    for setting, name in PDF_SIGNING_FILES.items():
        destination = Path(getattr(settings, setting, "") or "")
        if name in names and destination.name and not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(backup) / name, destination)
            destination.chmod(0o600)


def _restore_signing_key(backup: Path, manifest: dict) -> None:
    """Put the backed-up key file back, unless a key is already configured (never overwrite a key)."""
    if manifest.get("signing_key") != SIGNING_KEY_FILE or settings.CERTIFICATE_SIGNING_KEY:
        return
    key_file = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
    if key_file.exists():
        if key_file.read_bytes() != (Path(backup) / SIGNING_KEY_FILE).read_bytes():
            raise BackupError(
                _("A different certificate signing key is already at %(path)s: move it away, then restore again.")
                % {"path": key_file}
            )
        return
    key_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(backup) / SIGNING_KEY_FILE, key_file)
    key_file.chmod(0o600)


def read_manifest(backup: Path) -> dict:
    try:
        return json.loads((Path(backup) / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(
            _("%(path)s is not a backup folder (no readable manifest.json).") % {"path": backup}
        ) from error


def target_for(database_url: str | None) -> Target:
    """The restore target: `database_url`, or the configured default database."""
    if database_url:
        parts = urlsplit(database_url)
        if parts.scheme.startswith("postgres"):
            return Target("postgresql", database_url)
        if parts.scheme == "sqlite":
            return Target("sqlite", parts.path[1:] if parts.path.startswith("//") else parts.path)
        raise BackupError(_("Restores support SQLite and PostgreSQL URLs."))
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        url = "postgres://{user}:{password}@{host}:{port}/{name}".format(
            user=settings_dict["USER"] or "postgres",
            password=settings_dict["PASSWORD"] or "",
            host=settings_dict["HOST"] or "127.0.0.1",
            port=settings_dict["PORT"] or 5432,
            name=settings_dict["NAME"],
        )
        return Target("postgresql", url)
    return Target(connection.vendor, str(settings_dict["NAME"]))


def _pg_args(url: str) -> tuple[dict, list[str]]:
    parts = urlsplit(url)
    return _pg_env_and_args(
        host=parts.hostname, port=parts.port, user=parts.username, password=parts.password, name=parts.path.lstrip("/")
    )


def _table_count(target: Target) -> int:
    if target.vendor == "sqlite":
        if not Path(target.location).exists():
            return 0
        with sqlite3.connect(target.location) as db:
            return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    import psycopg

    with psycopg.connect(target.location, connect_timeout=10) as db:
        return db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]


def restored_counts(target: Target) -> dict[str, int]:
    if target.vendor == "sqlite":
        with sqlite3.connect(target.location) as db:
            return _counts(db.cursor())
    import psycopg

    with psycopg.connect(target.location, connect_timeout=10) as db:
        return _counts(db.cursor())


def backup_restore(
    *, backup: Path, target: Target, media_root: Path | Storage, private_media_root: Path | Storage | None = None
) -> dict[str, int]:
    """Restore `backup` into the EMPTY database `target`, its media into `media_root` and its private
    files into `private_media_root` (left out when None); return the restored counts, checked
    against the manifest's."""
    manifest = read_manifest(backup)
    if manifest["vendor"] != target.vendor:
        raise BackupError(
            _("This backup is of a %(backup)s database; it cannot be restored into %(target)s.")
            % {"backup": manifest["vendor"], "target": target.vendor}
        )
    if _table_count(target):
        raise BackupError(_("The target database is not empty: restore into a new, empty database."))
    _restore_signing_key(Path(backup), manifest)
    _restore_pdf_signing(Path(backup), manifest)
    dump = Path(backup) / manifest["database"]
    if target.vendor == "sqlite":
        Path(target.location).parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(dump) as source, sqlite3.connect(target.location) as copy:
            source.backup(copy)
        source.close()
        copy.close()
    else:
        env, args = _pg_args(target.location)
        _run([_tool("pg_restore"), "--no-owner", "--exit-on-error", *args, str(dump)], env=env)
    roots = dict(zip(ARCHIVE_FOLDERS, (media_root, private_media_root), strict=True))
    with tarfile.open(Path(backup) / manifest["media"], "r:gz") as archive:
        members: dict[str, list] = {folder: [] for folder in ARCHIVE_FOLDERS}
        for member in archive.getmembers():
            folder, _slash, rest = member.name.partition("/")
            if folder in members and rest:
                member.name = rest
                members[folder].append(member)
        for folder, root in roots.items():
            if isinstance(root, Storage):
                _restore_storage(archive, members[folder], root)
            elif root is not None:
                Path(root).mkdir(parents=True, exist_ok=True)
                archive.extractall(root, members=members[folder], filter="data")
    counts = restored_counts(target)
    if counts != manifest["counts"]:
        raise BackupError(
            _("The restored database does not hold what the backup did: %(restored)s instead of %(expected)s.")
            % {"restored": counts, "expected": manifest["counts"]}
        )
    return counts


def _archive_storage(archive: tarfile.TarFile, storage: Storage, arcname: str) -> None:
    """Every file of `storage` (a bucket of object storage, say) into `archive` under `arcname`/."""
    folders, files = storage.listdir("")
    names = list(files) + [name for folder in folders for name in storage_files(storage, folder)]
    for name in sorted(names):
        with storage.open(name, "rb") as handle:
            data = handle.read()
        info = tarfile.TarInfo(f"{arcname}/{name}")
        info.size, info.mode, info.mtime = len(data), 0o640, int(timezone.now().timestamp())
        archive.addfile(info, io.BytesIO(data))


def _restore_storage(archive: tarfile.TarFile, members: list, storage: Storage) -> None:
    """The archive's files back into `storage` under their names (replacing a file already there);
    the storage refuses a name that would leave it (`..`, an absolute path)."""
    for member in members:
        if not member.isfile():
            continue
        if storage.exists(member.name):
            storage.delete(member.name)
        stored = storage.save(member.name, File(archive.extractfile(member), name=member.name))
        if stored != member.name:
            raise BackupError(f"the storage stored {member.name} as {stored}")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(_("%(tool)s is missing: install the Debian package postgresql-client.") % {"tool": name})
    return found


def _run(command: list[str], *, env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 - our own tool and arguments
    if done.returncode:
        raise BackupError(f"{Path(command[0]).name}: {done.stderr.strip()}")


def media_source(alias: str, root: Path) -> Path | Storage:
    """What to back up or restore for the storage `alias`: its folder `root` when it is on the local
    disk, else the storage itself (object storage), read and written through the storage API."""
    storage = storages[alias]
    return root if isinstance(storage, FileSystemStorage) else storage
