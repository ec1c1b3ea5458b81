"""PgBouncer in transaction mode on a free loopback port, in front of a PostgreSQL server.

The concurrency tests (tests/*/test_concurrency.py, tests/certificates/test_exactly_once.py,
tests/evaluation/test_stamp_concurrency.py) run their threads through it with the fixture
`through_pgbouncer`; the fault tests' application processes reach their private cluster through one
(tests/faults/conftest.py); bench/load_tests.py serves its web nodes through one. The configuration
is the shipped deploy/pgbouncer/pgbouncer.ini with the addresses, the pool sizes and trust
authentication (loopback only, a throw-away server) changed: what the tests exercise is what ships.
Without the Debian package `pgbouncer` the tests that need it are skipped with the reason; with
CI=true a skip fails the run (tests/conftest.py).
"""

from __future__ import annotations

import configparser
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.faults.services import free_port

BASE_DIR = Path(__file__).resolve().parent.parent
SHIPPED = BASE_DIR / "deploy" / "pgbouncer" / "pgbouncer.ini"


def binary() -> str | None:
    return shutil.which("pgbouncer") or next((p for p in ("/usr/sbin/pgbouncer",) if os.path.exists(p)), None)


def missing() -> str | None:
    """Why PgBouncer cannot run here, or None."""
    if binary() is None:
        return "no pgbouncer: install the Debian package `pgbouncer`"
    return None


class PgBouncer:
    """One pgbouncer process; `url()` rewrites a PostgreSQL URL to go through it.

    PgBouncer refuses to run as root: as root it switches to the `postgres` user (`user =`)."""

    def __init__(self, *, server_host: str = "127.0.0.1", server_port: int = 5432, pool_size: int = 20, **extra):
        self.port = free_port()
        self.server = (server_host or "127.0.0.1", int(server_port or 5432))
        self.pool_size = pool_size
        self.extra = {key: str(value) for key, value in extra.items()}
        self.root = Path(tempfile.mkdtemp(prefix="lms-pgbouncer-"))
        self.process: subprocess.Popen | None = None

    def config(self) -> str:
        """The shipped file, with this instance's addresses, pools and authentication."""
        parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
        parser.optionxform = str  # database names and settings keep their case
        parser.read(SHIPPED)
        host, port = self.server
        parser["databases"] = {"*": f"host={host} port={port}"}
        settings = parser["pgbouncer"]
        settings.update(
            listen_addr="127.0.0.1",
            listen_port=str(self.port),
            unix_socket_dir="",
            auth_type="trust",
            auth_file=str(self.root / "userlist.txt"),
            logfile=str(self.root / "pgbouncer.log"),
            pidfile=str(self.root / "pgbouncer.pid"),
            default_pool_size=str(self.pool_size),
            max_client_conn="500",
            **self.extra,
        )
        for name in ("admin_users", "stats_users", "auth_query", "auth_user", "syslog"):
            settings.pop(name, None)
        if os.geteuid() == 0:
            settings["user"] = "postgres"
        lines = []
        for section in parser.sections():
            lines.append(f"[{section}]")
            lines.extend(f"{key} = {value}" for key, value in parser[section].items())
        return "\n".join(lines) + "\n"

    def start(self) -> PgBouncer:
        (self.root / "userlist.txt").write_text('"postgres" ""\n')
        (self.root / "pgbouncer.ini").write_text(self.config())
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            for path in self.root.iterdir():
                shutil.chown(path, "postgres", "postgres")
        self.process = subprocess.Popen(  # noqa: S603 - the Debian binary and our own file
            [binary() or "pgbouncer", str(self.root / "pgbouncer.ini")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pgbouncer stopped at once: {self.log()[-2000:]}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return self
            time.sleep(0.05)
        raise RuntimeError(f"pgbouncer did not listen on port {self.port}: {self.log()[-2000:]}")

    def log(self) -> str:
        path = self.root / "pgbouncer.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def url(self, url: str) -> str:
        """`url` (postgres://user@host:port/name of the server behind) through this PgBouncer."""
        parts = urlsplit(url)
        user = parts.netloc.rsplit("@", 1)[0] if "@" in parts.netloc else "postgres"
        return urlunsplit(parts._replace(netloc=f"{user}@127.0.0.1:{self.port}"))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def running(**kwargs):
    bouncer = PgBouncer(**kwargs).start()
    try:
        yield bouncer
    finally:
        bouncer.stop()


# --- Fixtures (imported by tests/conftest.py) ----------------------------------------------------


@pytest.fixture(scope="session")
def pgbouncer(django_db_setup):
    """A PgBouncer in front of the test database's server, for the whole run."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PgBouncer stands in front of PostgreSQL (DATABASE_URL)")
    reason = missing()
    if reason:
        pytest.skip(reason)
    with running(server_host=connection.settings_dict["HOST"], server_port=connection.settings_dict["PORT"]) as bouncer:
        yield bouncer


@contextlib.contextmanager
def django_through(bouncer: PgBouncer):
    """Every Django connection opened in the block (in any thread) goes through `bouncer`, with the
    settings DATABASE_POOLER=pgbouncer gives (lms/pooler.py); restored after."""
    from django.db import connections

    from lms.pooler import for_pooler

    database = connections.settings["default"]  # the dict every new connection is made from
    saved = {key: database.get(key) for key in ("HOST", "PORT", "DISABLE_SERVER_SIDE_CURSORS")}
    saved_options = dict(database.get("OPTIONS", {}))
    connections.close_all()
    database.update(HOST="127.0.0.1", PORT=str(bouncer.port))
    for_pooler(database, "pgbouncer")
    try:
        connections["default"].ensure_connection()
        assert connections["default"].connection.info.port == bouncer.port, "not through PgBouncer"
        yield bouncer
    finally:
        connections.close_all()
        database.update(saved)
        database["OPTIONS"] = saved_options


@pytest.fixture
def through_pgbouncer(request, transactional_db):
    """The test's database connections, in every thread, through the run's PgBouncer."""
    with django_through(request.getfixturevalue("pgbouncer")) as bouncer:
        yield bouncer
