"""The servers bench/load_tests.py drives, and the CPU they spend.

One or several web nodes (gunicorn, each on its own port with its own media folder and log, as on
separate machines), optionally PgBouncer in transaction mode between them and PostgreSQL (the
project's deploy/pgbouncer/pgbouncer.ini, started by tests/pgbouncer.py on a free loopback port),
and the CPU seconds of those processes and of this run's PostgreSQL sessions, read from /proc.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from _load import Browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_command(args, port: int) -> list[str]:
    if args.server == "runserver":
        return [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    worker_class = "sync" if args.threads == 1 else "gthread"
    return [
        sys.executable, "-m", "gunicorn", args.wsgi, *(["--pythonpath", args.pythonpath] if args.pythonpath else []),
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(args.workers), "--threads", str(args.threads), "--worker-class", worker_class,
        "--backlog", "2048", "--timeout", "60", "--graceful-timeout", "10", "--error-logfile", "-",
    ]  # fmt: skip


def _server_preexec() -> None:
    """In the server's process: its own session (stopped as a group) and ended if this script dies."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def wait_until_ready(server: subprocess.Popen, port: int, *, seconds: float) -> None:
    browser = Browser(port=port, client_ip="10.255.0.1", timeout=5)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped with code {server.returncode} (see its log)")
        if browser.request("GET", "/fr/accounts/login/").status == 200:
            return
        time.sleep(0.25)
    raise RuntimeError(f"the server did not answer within {seconds:.0f} s")


def warm_up(port: int, *, concurrency: int, rounds: int = 3) -> None:
    """Load the code and templates in every worker (a server in service is warm), a bounded number of GETs."""

    def get() -> None:
        browser = Browser(port=port, client_ip="10.255.0.1", timeout=30)
        for path in ("/fr/accounts/login/", "/fr/"):
            browser.request("GET", path)

    for _round in range(rounds):
        threads = [threading.Thread(target=get) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)


class CpuMeter:
    """CPU seconds spent by the web nodes, PgBouncer, PostgreSQL's bench sessions, this script and
    everything else.

    Processes come and go during a run (database sessions end after CONN_MAX_AGE), so a thread samples
    /proc twice a second and keeps each process's last reading. The machine may be shared: what other
    processes took is printed beside the figures.
    """

    def __init__(self, processes: Processes):
        self.processes = processes
        self.tick = os.sysconf("SC_CLK_TCK")
        self.first: dict[int, tuple[str, float]] = {}
        self.last: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def _machine_busy(self) -> float:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return (sum(fields[:8]) - fields[3] - fields[4]) / self.tick  # all but idle and iowait

    def _sample(self) -> None:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                group = self.processes.group(entry)
                if group is None:
                    continue
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                seconds = (int(fields[11]) + int(fields[12])) / self.tick
                pid = int(entry.name)
            except (OSError, IndexError, ValueError):
                continue
            self.first.setdefault(pid, (group, seconds if self._thread.ident is None else 0.0))
            self.last[pid] = (group, seconds)

    def _sample_until_stopped(self) -> None:
        while not self._stop.wait(0.5):
            self._sample()

    def start(self) -> None:
        self._sample()  # processes alive now count from here; later ones from zero
        self.machine = self._machine_busy()
        self.load_generator = sum(os.times()[:2])
        self._thread.start()

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sample()
        spent = {"server": 0.0, "pgbouncer": 0.0, "postgres": 0.0}
        for pid, (group, seconds) in self.last.items():
            spent[group] += max(0.0, seconds - self.first[pid][1])
        spent["load generator"] = sum(os.times()[:2]) - self.load_generator
        spent["other processes"] = max(0.0, self._machine_busy() - self.machine - sum(spent.values()))
        return spent


@dataclass
class Processes:
    """Which processes are this run's: the web nodes (and their workers), PgBouncer, and PostgreSQL's
    sessions of the bench database (whether PgBouncer or the nodes opened them)."""

    database: str
    servers: set[int] = field(default_factory=set)
    pgbouncer: int | None = None

    def group(self, entry: Path) -> str | None:
        """ "server", "pgbouncer", "postgres" or None (another process of the machine)."""
        fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        pid = int(entry.name)
        if pid in self.servers or int(fields[1]) in self.servers:
            return "server"
        if pid == self.pgbouncer:
            return "pgbouncer"
        if f"postgres {self.database} " in (entry / "cmdline").read_bytes().decode(errors="replace"):
            return "postgres"
        return None


class ProcessCpu:
    """CPU seconds used so far by the web nodes, PgBouncer and this run's PostgreSQL sessions, to the
    nanosecond (/proc/<pid>/schedstat), for requests sent one at a time."""

    def __init__(self, processes: Processes):
        self.processes = processes

    def __call__(self) -> float:
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if self.processes.group(entry):
                    total += int((entry / "schedstat").read_text().split()[0])
            except (OSError, IndexError, ValueError):
                continue
        return total / 1e9


def stop(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # the group this script created for the server
        server.wait(timeout=10)


class Nodes:
    """`count` web nodes on free ports, each with its own media folder and log (as separate
    machines sharing PostgreSQL, Redis and, behind them, nothing else); stopped together."""

    def __init__(self, args, *, count: int, env: dict, workdir: Path, cwd: Path):
        self.servers: list[subprocess.Popen] = []
        self.ports: tuple[int, ...] = ()
        self.logs: list[Path] = []
        self._files = []
        self.args, self.count, self.env, self.workdir, self.cwd = args, count, env, workdir, cwd

    def start(self) -> Nodes:
        ports = []
        for number in range(1, self.count + 1):
            port = free_port()
            folder = self.workdir / f"node{number}"
            (folder / "media").mkdir(parents=True, exist_ok=True)
            self.logs.append(folder / "server.log")
            self._files.append(self.logs[-1].open("w"))
            env = {**self.env, "MEDIA_ROOT": str(folder / "media")}
            self.servers.append(
                subprocess.Popen(  # noqa: S603 - our own interpreter, gunicorn or manage.py
                    server_command(self.args, port),
                    cwd=self.cwd,
                    env=env,
                    stdout=self._files[-1],
                    stderr=subprocess.STDOUT,
                    preexec_fn=_server_preexec,  # the trainee threads of an earlier room have ended
                )
            )
            ports.append(port)
        self.ports = tuple(ports)
        for server, port in zip(self.servers, self.ports, strict=True):
            wait_until_ready(server, port, seconds=90)
            warm_up(port, concurrency=2 * self.args.workers * self.args.threads)
        return self

    @property
    def pids(self) -> set[int]:
        return {server.pid for server in self.servers}

    def stop(self) -> str:
        """Stop every node; their logs, joined."""
        for server in self.servers:
            stop(server)
        for file in self._files:
            file.close()
        self._files.clear()
        return "\n".join(log.read_text(errors="replace") for log in self.logs if log.exists())


def start_pgbouncer(base_dir: Path):
    """PgBouncer (transaction mode, the shipped configuration) in front of 127.0.0.1:5432, or None
    with the reason printed when the Debian package is missing."""
    sys.path.insert(0, str(base_dir))
    from tests import pgbouncer

    if pgbouncer.missing():
        print(f"no PgBouncer: {pgbouncer.missing()}; the nodes connect to PostgreSQL directly")
        return None
    return pgbouncer.PgBouncer(server_port=5432, pool_size=20).start()
