"""`manage.py backup` then `manage.py restore` into an EMPTY database: the same attempts, the same
certificates and the same media and private files come back (on SQLite and on PostgreSQL, whichever the run uses;
on PostgreSQL the restore goes into a new database, lms_faults_restore, dropped after)."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from assessments.models import Attempt
from certificates import signing
from tests.factories import CertificateFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]

RESTORE_DATABASE = "lms_faults_restore"


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the run's kind."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    db = connection.settings_dict
    server = (
        f"postgres://{db['USER'] or 'postgres'}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    )

    def admin(statement):
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(statement)

    admin(f"DROP DATABASE IF EXISTS {RESTORE_DATABASE} WITH (FORCE)")
    admin(f"CREATE DATABASE {RESTORE_DATABASE}")
    yield f"{server}/{RESTORE_DATABASE}"
    admin(f"DROP DATABASE IF EXISTS {RESTORE_DATABASE} WITH (FORCE)")


def _rows(url: str, statement: str) -> list[tuple]:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return db.execute(statement).fetchall()
    import psycopg

    with psycopg.connect(url) as db:
        return db.execute(statement).fetchall()


def test_a_backup_restored_into_an_empty_database_holds_the_same_attempts_certificates_and_files(
    settings, tmp_path, empty_database
):
    settings.CERTIFICATE_SIGNING_KEY = signing.generate_private_key_text()
    certificate = CertificateFactory()
    attempts = sorted(
        (str(pk), status, score) for pk, status, score in Attempt.objects.values_list("pk", "status", "score")
    )
    assert len(attempts) == 2  # the pre- and the post-test
    pdf_bytes = certificate.pdf.read()

    out = io.StringIO()
    call_command("backup", dir=str(tmp_path / "backups"), stdout=out)
    folder = Path(out.getvalue().strip().splitlines()[-1])
    assert folder.parent == tmp_path / "backups"
    assert {p.name for p in folder.iterdir()} >= {"manifest.json", "media.tar.gz"}

    restored_media, restored_private = tmp_path / "restored-media", tmp_path / "restored-private-media"
    call_command(
        "restore",
        str(folder),
        database_url=empty_database,
        media_root=str(restored_media),
        private_media_root=str(restored_private),
        stdout=io.StringIO(),
    )

    restored_attempts = sorted(
        (str(uuid.UUID(str(pk))), status, score)
        for pk, status, score in _rows(empty_database, "SELECT id, status, score FROM assessments_attempt")
    )
    assert restored_attempts == attempts
    restored_certificates = _rows(
        empty_database, "SELECT code, holder_name, pdf, pdf_sha256 FROM certificates_certificate"
    )
    assert restored_certificates == [
        (certificate.code, certificate.holder_name, certificate.pdf.name, certificate.pdf_sha256)
    ]
    # The PDF comes back among the private files, never into the public media.
    assert not (restored_media / certificate.pdf.name).exists()
    restored_pdf = (restored_private / certificate.pdf.name).read_bytes()
    assert restored_pdf == pdf_bytes
    assert hashlib.sha256(restored_pdf).hexdigest() == certificate.pdf_sha256

    # A restore never writes over a database that holds something.
    with translation.override("en"), pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(folder), database_url=empty_database, media_root=str(restored_media))


def test_on_object_storage_the_backup_holds_the_buckets_files_and_the_restore_puts_them_back(
    settings, tmp_path, empty_database, object_storage
):
    """Media and private files in buckets (tests/object_storage.py): `backup` reads them through the
    storage API into the same archive, and `restore` writes them back into emptied buckets."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    settings.CERTIFICATE_SIGNING_KEY = signing.generate_private_key_text()
    certificate = CertificateFactory()
    pdf_bytes = certificate.pdf.read()
    image = storages["default"].save("images/carte.png", ContentFile(b"\x89PNG not really"))
    keys = object_storage.keys()
    assert f"private/{certificate.pdf.name}" in keys and f"media/{image}" in keys

    out = io.StringIO()
    call_command("backup", dir=str(tmp_path / "backups"), stdout=out)
    folder = Path(out.getvalue().strip().splitlines()[-1])
    for alias, name in (("private", certificate.pdf.name), ("default", image)):
        storages[alias].delete(name)  # the buckets lost
    assert object_storage.keys() == []

    call_command("restore", str(folder), database_url=empty_database, stdout=io.StringIO())
    assert object_storage.keys() == keys
    with storages["private"].open(certificate.pdf.name, "rb") as restored:
        assert (
            hashlib.sha256(restored.read()).hexdigest()
            == certificate.pdf_sha256
            == hashlib.sha256(pdf_bytes).hexdigest()
        )
    assert storages["default"].open(image).read() == b"\x89PNG not really"
