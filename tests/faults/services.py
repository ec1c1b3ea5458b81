"""Private, throw-away services for the fault tests and the fault bench: a PostgreSQL cluster, a
Redis server, the web application (gunicorn), a Celery worker and Celery beat, each a real process
that a test may stop, restart or kill at will.

The shared PostgreSQL (5432) and Redis (6379) of the machine are never touched: every process here
listens on a free port of its own and keeps its data in a temporary folder.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parents[2]
LOG_DIR = BASE_DIR / "test-results" / "faults"
PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def postgres_bin() -> Path | None:
    """The folder of the newest installed PostgreSQL server binaries (initdb, pg_ctl), if any."""
    for folder in PG_BIN_DIRS:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def missing_binaries() -> str | None:
    """Why the private services cannot run here, or None."""
    if postgres_bin() is None:
        return "no PostgreSQL server binaries (initdb, pg_ctl): install the Debian package `postgresql`"
    if shutil.which("redis-server") is None:
        return "no redis-server: install the Debian package `redis-server`"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a `postgres` user to run the private PostgreSQL cluster"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, *, seconds: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def _log(name: str):
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    return (LOG_DIR / f"{name}.log").open("a")


def query(url: str, statement: str, params=()) -> list[tuple]:
    """Run one statement on the PostgreSQL database at `url` (autocommit); its rows, if any."""
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


# --- PostgreSQL ----------------------------------------------------------------------------------


class PrivatePostgres:
    """A PostgreSQL cluster of our own: initdb into a temporary folder, pg_ctl start/stop/restart.

    PostgreSQL refuses to run as root; as root the cluster runs as the `postgres` user.
    """

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.bin = postgres_bin()
        self.root = Path(tempfile.mkdtemp(prefix="lms-faults-pg-"))
        self.data = self.root / "data"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run(  # noqa: S603 - our own binaries and arguments
            [*prefix, *args], check=True, capture_output=True, text=True, timeout=timeout, cwd=self.root
        )

    def init(self) -> PrivatePostgres:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"
        )
        options = {
            "listen_addresses": "'127.0.0.1'",
            "port": self.port,
            "unix_socket_directories": f"'{self.root}'",
            "max_connections": 60,
            "shared_buffers": "'16MB'",
            "fsync": "on",
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in options.items())
        return self

    def standby_of(self, primary: PrivatePostgres) -> PrivatePostgres:
        """Make this cluster a streaming replica of `primary` (pg_basebackup -R), on its own port."""
        self._run(
            str(self.bin / "pg_basebackup"),
            "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
            "-D", str(self.data), "-R", "-X", "stream", "--no-sync", "--checkpoint=fast",
        )  # fmt: skip
        options = {"port": self.port, "unix_socket_directories": f"'{self.root}'", "hot_standby": "on"}
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in options.items())
        return self

    def _pg_ctl(self, *args: str) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", *args)

    def start(self) -> None:
        self._pg_ctl("start")

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("stop", "-m", mode)

    def restart(self, mode: str = "fast") -> None:
        self._pg_ctl("restart", "-m", mode)

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres", params=()) -> list[tuple]:
        return query(self.url(database), statement, params)

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


# --- Redis ---------------------------------------------------------------------------------------


class PrivateRedis:
    """A redis-server of our own (no persistence), stopped and started again on the same port."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own binary and arguments
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=_log(f"redis-{self.port}"),
            stderr=subprocess.STDOUT,
        )
        if not wait_until(self.ping, seconds=20):
            raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None


# --- The application's processes -----------------------------------------------------------------


def new_signing_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


class Processes:
    """The application's own processes (web, worker, beat) on given services, and their environment."""

    def __init__(
        self,
        *,
        database_url: str,
        redis: PrivateRedis | None,
        media_root: Path,
        workdir: Path | None = None,
        **extra_env,
    ):
        # `workdir`: the processes' working directory, as on a machine of their own (default: the checkout).
        self.cwd = workdir or BASE_DIR
        self.env = {
            **os.environ,
            "PYTHONPATH": str(BASE_DIR),
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media_root),
            "PRIVATE_MEDIA_ROOT": str(Path(media_root).parent / "private-media"),
            "CERTIFICATE_SIGNING_KEY": os.environ.get("CERTIFICATE_SIGNING_KEY") or new_signing_key(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_DEBUG": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            **extra_env,
        }
        for name in ("CACHE_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
            self.env.pop(name, None)
        if redis is not None:
            self.env["CELERY_BROKER_URL"] = redis.url(0)
            self.env["CACHE_URL"] = redis.url(1).replace("redis://", "rediscache://")
        self.started: list[subprocess.Popen] = []

    def run(self, *args: str, timeout: float = 600) -> str:
        """Run a management command (or `-m module`) with this environment; return its output."""
        command = [sys.executable, *args] if args[0] == "-m" else [sys.executable, str(BASE_DIR / "manage.py"), *args]
        done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
            command, cwd=self.cwd, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command, cwd=self.cwd, env=self.env, stdout=_log(name), stderr=subprocess.STDOUT
        )
        self.started.append(process)
        return process

    def web(self, *, workers: int = 2, config: str | None = None) -> WebServer:
        """gunicorn on a free port; `config` is a gunicorn settings file (deploy/gunicorn/)."""
        port = free_port()
        process = self._spawn(
            f"web-{port}",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "lms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
                *(["--config", config] if config else []),
            ],
        )
        server = WebServer(f"http://127.0.0.1:{port}", process)
        if not wait_until(server.up, seconds=60, step=0.25):
            raise RuntimeError(f"gunicorn did not answer on port {port}; see {LOG_DIR}")
        return server

    def worker(self, name: str) -> subprocess.Popen:
        hostname = f"{name}-{os.getpid()}-{secrets.token_hex(3)}@%h"
        process = self._spawn(
            name,
            [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--loglevel=INFO", "-n", hostname],
        )
        expected = hostname.split("@")[0]
        answered = wait_until(lambda: process.poll() is not None or self._pinged(expected), seconds=60, step=0.5)
        if not answered or process.poll() is not None:
            raise RuntimeError(f"the Celery worker {name} did not start; see {LOG_DIR / name}.log")
        return process

    def _pinged(self, expected: str) -> bool:
        try:
            return expected in self._celery("inspect", "ping", "-t", "2", "-j")
        except subprocess.CalledProcessError:  # no worker answered yet
            return False

    def send(self, task: str, *args) -> None:
        """Queue one task by name on the group's broker (`celery call`)."""
        self._celery("call", task, "--args", json.dumps(list(args)))

    def _celery(self, *args: str) -> str:
        return subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "celery", "-A", "lms", *args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout

    def beat(self, folder: Path) -> subprocess.Popen:
        return self._spawn(
            "beat",
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "lms",
                "beat",
                "--loglevel=INFO",
                "-s",
                str(folder / "celerybeat-schedule"),
                "--pidfile=",
            ],
        )

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        self.started.clear()


class WebServer:
    def __init__(self, url: str, process: subprocess.Popen):
        self.url, self.process = url, process

    def up(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {LOG_DIR}")
        try:
            return requests.get(self.url + "/fr/", timeout=5).status_code < 500
        except requests.RequestException:
            return False


def seed(group: Processes, trainees: int, *, submitted: bool = False) -> list[dict]:
    """Trainees ready to answer the post-test, or (`submitted`) who passed it and have no certificate
    yet (tests/faults/seed.py), in the group's database."""
    flags = ["--submitted"] if submitted else []
    return json.loads(group.run("-m", "tests.faults.seed", str(trainees), *flags))["trainees"]


# --- Trainees, through the real HTTP API -----------------------------------------------------------


class Trainee:
    """One logged-in trainee (a session made by the seed script) answering a post-test over HTTP."""

    def __init__(self, base_url: str, data: dict):
        self.base_url, self.data = base_url, data
        self.http = requests.Session()
        self.http.cookies.set("sessionid", data["session_key"], domain="127.0.0.1")
        self.csrf: str | None = None

    def open_test(self) -> None:
        page = self.http.get(self.base_url + self.data["test_url"], timeout=30)
        page.raise_for_status()
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if match is None:
            raise AssertionError(f"no test form for {self.data['username']}: {page.url}")
        self.csrf = match.group(1)

    def save(self, question: int, answer, seq: int, timeout: float = 15) -> bool:
        """One autosave; True when the server acknowledged it ({"saved": true})."""
        response = self.http.post(
            self.base_url + self.data["save_url"],
            data=json.dumps({"question": question, "answer": answer, "seq": seq}),
            headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf},
            timeout=timeout,
        )
        return response.status_code == 200 and response.json().get("saved") is True

    def submit(self, timeout: float = 30) -> requests.Response:
        return self.http.post(
            self.base_url + self.data["submit_url"],
            data={"csrfmiddlewaretoken": self.csrf, "submission_key": self.data["submission_key"]},
            headers={"Referer": self.base_url + "/"},
            allow_redirects=False,
            timeout=timeout,
        )
