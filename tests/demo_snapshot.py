"""The demo (`manage.py seed_demo`) built once per test process and copied into each test that needs it
(and the same for other costly data that many tests start from, such as a 200-lesson module).

seed_demo builds a whole Wagtail tree, question banks, attempts, a session, events, a certificate and
a synthetic cohort: 5 s on an idle machine, over a minute on a loaded one. A dozen tests need its
result. The session fixtures in tests/conftest.py run the public command (`call_command("seed_demo")`,
whatever the apps' demo modules do behind it) once per process inside a transaction, read back every
table the command changed and the files it wrote, and roll back. A test that asks for `demo` then
gets those rows and files copied in: a plain copy, not a rerun of the seeding logic.

The copy is only valid on the database the snapshot was taken from (the migrated test database):
before copying, the tables involved are compared with that state, and on any difference (a fixture
that ran first and added rows, a flush by a transactional test) the command is simply run in the
test instead, as before.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import connection, transaction

Rows = object  # bytes (PostgreSQL COPY text) or a sorted list of tuples (SQLite)


@dataclass
class Snapshot:
    """What seed_demo changed: the full content of every table it touched, before and after."""

    before: dict[str, Rows]  # every table that was not empty before, or that the command changed
    after: dict[str, Rows]  # the tables the command changed, as it left them
    result: object  # what the builder returned (seed_demo: what it printed)
    media: Path
    private_media: Path
    counts: dict[type, int] = field(default_factory=dict)  # rows per model after the command


# --- Reading and writing whole tables -----------------------------------------------------------


def _sqlite_tables(cursor) -> dict[str, bool]:
    """Table name -> is it a virtual (full-text) table; the full-text tables' own storage and
    SQLite's bookkeeping tables are left out (they follow their virtual table)."""
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    found = {name: (sql or "").upper().startswith("CREATE VIRTUAL TABLE") for name, sql in cursor.fetchall()}
    virtual = [name for name, is_virtual in found.items() if is_virtual]
    return {
        name: is_virtual
        for name, is_virtual in found.items()
        if not name.startswith("sqlite_") and not any(name.startswith(f"{v}_") for v in virtual)
    }


# The report stamp's version rows are random draws by triggers (evaluation/triggers.py), redrawn by
# every flush and written per connection: neither compared nor copied (the copy's own writes draw
# new versions anyway).
NOT_SNAPSHOTTED = {"evaluation_tableversion"}


def _tables(cursor) -> dict[str, bool]:
    if connection.vendor == "sqlite":
        found = _sqlite_tables(cursor)
    else:
        found = dict.fromkeys(connection.introspection.table_names(cursor), False)
    return {table: virtual for table, virtual in found.items() if table not in NOT_SNAPSHOTTED}


def _read(cursor, table: str, virtual: bool) -> Rows:
    quoted = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        data = bytearray()
        with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as copy:  # psycopg 3
            for chunk in copy:
                data += chunk
        return b"\n".join(sorted(bytes(data).splitlines()))
    cursor.execute(f"SELECT {'rowid, ' if virtual else ''}* FROM {quoted}")  # noqa: S608 - our own table names
    columns = [column[0] for column in cursor.description]
    return (columns, sorted(cursor.fetchall(), key=repr))


def _empty(rows: Rows) -> bool:
    return not rows if isinstance(rows, bytes) else not rows[1]


def _write(cursor, table: str, rows: Rows) -> None:
    quoted = connection.ops.quote_name(table)
    cursor.execute(f"DELETE FROM {quoted}")  # noqa: S608
    if _empty(rows):
        return
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as copy:
            copy.write(rows + b"\n")
        return
    columns, values = rows
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    marks = ", ".join("%s" for _column in columns)
    cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", values)  # noqa: S608


def _read_all(cursor) -> dict[str, Rows]:
    return {table: _read(cursor, table, virtual) for table, virtual in _tables(cursor).items()}


def model_counts() -> dict[type, int]:
    return {model: model._default_manager.count() for model in apps.get_models() if model._meta.managed}


# --- Taking and applying a snapshot -------------------------------------------------------------


def seed_demo() -> str:
    """The public command, as an administrator runs it; what it printed."""
    from django.core.management import call_command

    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


def take(
    *, media: Path, private_media: Path, build: Callable[[], object] = seed_demo, start: Snapshot | None = None
) -> Snapshot:
    """Run `build` (seed_demo by default) once, on top of `start` when given, in a transaction that
    is rolled back, and keep what it changed and returned. The caller has unblocked the database and
    set the settings a test has."""
    from django.test import override_settings
    from django.urls import get_resolver

    # Wagtail registers the models of its admin viewsets (snippets) with its reference index when the
    # URLconf is first loaded; before that their references are not indexed. In a test the URLconf is
    # loaded (a request, a reverse()), so load it here too: the snapshot is what a test's run leaves.
    _patterns = get_resolver().url_patterns
    with (
        override_settings(MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=str(private_media)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        if start is not None:
            _apply(cursor, start)
        before = _read_all(cursor)
        result = build()
        after = _read_all(cursor)
        counts = model_counts()
        transaction.set_rollback(True)
    changed = {table: rows for table, rows in after.items() if before.get(table) != rows}
    if start is not None:  # relative to the migrated database, as `start` is
        changed = {**start.after, **changed}
        before = start.before | {table: rows for table, rows in before.items() if table not in start.after}
    before = {table: rows for table, rows in before.items() if table in changed or not _empty(rows)}
    return Snapshot(before, changed, result, media, private_media, counts)


def _apply(cursor, snapshot: Snapshot) -> None:
    for table, rows in snapshot.after.items():
        _write(cursor, table, rows)


def restore(snapshot: Snapshot, *, media_root: str, private_media_root: str) -> bool:
    """Copy the demo into the current test's database and media folders. False (and nothing changed)
    when the database is not in the state the snapshot was taken from."""
    with transaction.atomic(), connection.cursor() as cursor:
        tables = _tables(cursor)
        for table, rows in snapshot.before.items():
            if table not in tables or _read(cursor, table, tables[table]) != rows:
                return False
        _apply(cursor, snapshot)
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    cache.clear()
    for source, target in ((snapshot.media, media_root), (snapshot.private_media, private_media_root)):
        shutil.copytree(source, target, dirs_exist_ok=True)
    return True


# --- For fixtures -----------------------------------------------------------------------------


def _test_settings():
    """The settings every test runs under (tests/conftest.py's autouse fixtures), for building
    outside a test."""
    from django.test import override_settings

    return override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CERTIFICATE_SIGNING_KEY=os.environ["CERTIFICATE_SIGNING_KEY"],
    )


def take_once(tmp_path_factory, django_db_blocker, build=None, start=None):
    """`build` (seed_demo by default) run once for the whole process, from a session fixture."""
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    with django_db_blocker.unblock(), _test_settings():
        snapshot = take(
            media=tmp_path_factory.mktemp("demo-media"),
            private_media=tmp_path_factory.mktemp("demo-private-media"),
            start=start,
            **({"build": build} if build else {}),
        )
        cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    return snapshot


def restore_into_test(request, settings, snapshot) -> bool:
    """Copy a snapshot (take_once) into this test; False when the test's database is not the one
    it was taken from, and the caller must build the data itself."""
    request.getfixturevalue("db")  # transactional when the test is (pytest-django decides)
    return restore(snapshot, media_root=settings.MEDIA_ROOT, private_media_root=settings.PRIVATE_MEDIA_ROOT)
