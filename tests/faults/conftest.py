"""Fixtures for the fault tests: private PostgreSQL and Redis servers the tests may stop at will,
and the application's processes (gunicorn, Celery worker and beat) running on them.

The machine's shared PostgreSQL and Redis are never stopped: everything here runs on free ports.
The application's processes reach PostgreSQL through PgBouncer in transaction mode (tests/pgbouncer.py).
Without the PostgreSQL server binaries, redis-server or pgbouncer these tests are skipped with the reason
(printed in the summary by tests/conftest.py); with CI=true a skip fails the run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests import pgbouncer
from tests.faults.services import PrivatePostgres, PrivateRedis, Processes, missing_binaries

TEMPLATE = "lms_template"


@pytest.fixture(scope="session")
def private_postgres():
    """A PostgreSQL cluster of the test session's own, with a migrated template database."""
    reason = missing_binaries()
    if reason:
        pytest.skip(reason)
    cluster = PrivatePostgres().init()
    cluster.start()
    try:
        cluster.sql(f"CREATE DATABASE {TEMPLATE}")
        media = Path(tempfile.mkdtemp(prefix="lms-faults-media-"))
        Processes(database_url=cluster.url(TEMPLATE), redis=None, media_root=media).run("migrate", "--noinput")
        shutil.rmtree(media, ignore_errors=True)
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def app_database(private_postgres, request):
    """A fresh, migrated database on the private cluster (copied from the template); its URL."""
    name = f"lms_{request.node.name[:40].lower().replace('[', '_').replace(']', '')}"
    private_postgres.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    private_postgres.sql(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
    yield private_postgres.url(name)
    private_postgres.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def private_redis():
    reason = missing_binaries()
    if reason:
        pytest.skip(reason)
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def private_pgbouncer(private_postgres):
    """PgBouncer in transaction mode in front of the private cluster, as in production."""
    reason = pgbouncer.missing()
    if reason:
        pytest.skip(reason)
    with pgbouncer.running(server_port=private_postgres.port) as bouncer:
        yield bouncer


@pytest.fixture
def processes(tmp_path, private_postgres, private_pgbouncer):
    """A factory of the application's processes on given services; every one is stopped after. They
    reach the private cluster through PgBouncer (DATABASE_POOLER=pgbouncer); the tests' own checks
    and a stopped or restarted cluster stay on its port."""
    made: list[Processes] = []

    def make(*, database_url: str, redis: PrivateRedis | None = None, **env) -> Processes:
        if f":{private_postgres.port}/" in database_url:
            database_url = private_pgbouncer.url(database_url)
            env.setdefault("DATABASE_POOLER", "pgbouncer")
        made.append(Processes(database_url=database_url, redis=redis, media_root=tmp_path / "media", **env))
        return made[-1]

    yield make
    for group in made:
        group.stop_all()
