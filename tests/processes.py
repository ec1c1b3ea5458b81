"""Helpers for the tests that start processes of their own (moto's S3 server, gunicorn, nginx, a
Celery worker): a free port on loopback, waiting for an answer, and stopping a process for good."""

from __future__ import annotations

import signal
import socket
import subprocess
import time

import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, *, seconds: float, what: str, see: object = "its log") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not answer within {seconds} s; see {see}")


def answers(url: str, **kwargs) -> bool:
    try:
        requests.get(url, timeout=2, allow_redirects=False, **kwargs)
    except requests.RequestException:
        return False
    return True


def stop(process: subprocess.Popen, *, timeout: float = 20) -> None:
    """SIGTERM, then SIGKILL if the process has not ended within `timeout` seconds."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
