"""Ralph (PyPI ralph-malph), a real learning record store, run as a subprocess for the xAPI tests.

It runs from its own virtualenv (.venv-ralph, made by `make install-dev`), with its file-system
backend in a temporary folder and HTTP Basic users from an auth file, on a free loopback port.
`stop()` and `start()` simulate an outage; the stored statements survive it (they are in the file).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import requests

from lms.settings import BASE_DIR

VENV = BASE_DIR / ".venv-ralph"
PYTHON = VENV / "bin" / "python"
KEY, SECRET = "lms-platform", "s3cret-for-the-test"
HEADERS = {"X-Experience-API-Version": "1.0.3"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Ralph:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.process: subprocess.Popen | None = None
        self.log = folder / "ralph.log"
        password_hash = subprocess.run(  # noqa: S603 - Ralph's own interpreter, our arguments
            [
                str(PYTHON),
                "-c",
                "import bcrypt,sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(4)).decode())",
                SECRET,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        users = [
            {"username": KEY, "hash": password_hash, "scopes": ["all"], "agent": {"mbox": "mailto:lrs@example.org"}}
        ]
        (folder / "auth.json").write_text(json.dumps(users))
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(folder),
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder),
            "RALPH_SENTRY_DSN": "",
        }

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - Ralph's own interpreter, our arguments
            [str(PYTHON), "-c", LAUNCH, str(self.port)],
            cwd=self.folder,
            env=self.env,
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph exited at start:\n{self.log.read_text()[-3000:]}")
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.05)  # the port is not open yet: poll again
        raise RuntimeError(f"Ralph did not answer within 60 s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None

    def statements(self, **params) -> list[dict]:
        """Every statement Ralph stores (following `more`), voided ones included when asked."""
        found: list[dict] = []
        url = f"http://127.0.0.1:{self.port}/xAPI/statements"
        query: dict | None = {"limit": 500, **params}
        while url:
            response = requests.get(url, params=query, auth=(KEY, SECRET), headers=HEADERS, timeout=30)
            response.raise_for_status()
            body = response.json()
            found.extend(body["statements"])
            more = body.get("more")
            url, query = (f"http://127.0.0.1:{self.port}{more}", None) if more else ("", None)
        return found

    def statement(self, statement_id: str, **params) -> requests.Response:
        return requests.get(
            f"http://127.0.0.1:{self.port}/xAPI/statements",
            params={"statementId" if "voided" not in params else "voidedStatementId": statement_id},
            auth=(KEY, SECRET),
            headers=HEADERS,
            timeout=30,
        )


# Ralph 5.1.0's file-system LRS backend writes each POST in "create" mode, so a second POST fails
# (HTTP 500, "fs_lrs.jsonl already exists"): its write mode is set to "append", the only change; the
# API, its validation, duplicate and conflict handling are Ralph's own.
LAUNCH = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
"""

VALIDATE = """
import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
errors = []
for statement in json.load(sys.stdin):
    try:
        BaseXapiStatement(**statement)
    except Exception as error:
        errors.append(f"{statement.get('id')}: {error}")
print(json.dumps(errors))
"""


def validation_errors(statements: list[dict]) -> list[str]:
    """Ralph's own xAPI 1.0.3 model (pydantic, strict on the spec's rules) run on each statement."""
    result = subprocess.run(  # noqa: S603 - Ralph's own interpreter, our script
        [str(PYTHON), "-c", VALIDATE], input=json.dumps(statements), capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)
