"""Object storage for the tests: moto's standalone S3 server, in a process of its own on loopback.

Why moto's server (`python -m moto.server`, what the `moto_server` command runs) and not its
ThreadedMotoServer: the tests talk to it over real HTTP, from the test process and from the gunicorn
nodes and Celery workers they start (tests/deploy), as to any S3-compatible endpoint; a thread inside
the test process would die with it, share its GIL, and its state would mix with any in-process mock.

`media_backend` (parametrised "disk" and "s3") runs a test once on the local disk and once on two
fresh buckets of that server; `stored` reads what either holds through the storage API. Without moto
(outside CI) the S3 half is skipped with the reason; with CI=true the skip fails the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.processes import free_port, stop

BASE_DIR = Path(__file__).resolve().parent.parent
REGION = "us-east-1"
KEY = "lms-test"  # moto accepts any credentials


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


def s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3", endpoint_url=endpoint, region_name=REGION, aws_access_key_id=KEY, aws_secret_access_key=KEY
    )


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of a moto S3 server started for this run (its log: test-results/moto*.log)."""
    try:
        import boto3  # noqa: F401
        import moto.server  # noqa: F401
    except ImportError as missing:
        _unavailable(f"no moto[server] or boto3 ({missing.name}): pip install -r requirements-dev.txt")
    port = free_port()
    log = (
        BASE_DIR
        / "test-results"
        / f"moto{'-' + os.environ.get('PYTEST_XDIST_WORKER', '') if os.environ.get('PYTEST_XDIST_WORKER') else ''}.log"
    )
    log.parent.mkdir(exist_ok=True)
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            s3_client(endpoint).list_buckets()
            break
        except Exception:  # not up yet, whatever the error
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                _unavailable(f"moto's S3 server did not start on {endpoint}; see {log}")
            time.sleep(0.2)
    yield endpoint
    stop(process, timeout=10)


@dataclass(frozen=True)
class Buckets:
    endpoint: str
    public: str
    private: str

    def environment(self) -> dict[str, str]:
        """What a server or worker process needs in its environment to use these buckets."""
        return {
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_REGION": REGION,
            "S3_ACCESS_KEY_ID": KEY,
            "S3_SECRET_ACCESS_KEY": KEY,
            "S3_PUBLIC_BUCKET": self.public,
            "S3_PRIVATE_BUCKET": self.private,
        }

    def keys(self, bucket: str | None = None) -> list[str]:
        """Every key of both buckets (or of `bucket`), as the server lists them."""
        client, keys = s3_client(self.endpoint), []
        for name in [bucket] if bucket else [self.public, self.private]:
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
                keys += [item["Key"] for item in page.get("Contents", [])]
        return sorted(keys)


def make_buckets(endpoint: str) -> Buckets:
    tag = uuid.uuid4().hex[:12]
    buckets = Buckets(endpoint=endpoint, public=f"lms-public-{tag}", private=f"lms-private-{tag}")
    client = s3_client(endpoint)
    client.create_bucket(Bucket=buckets.public)
    client.create_bucket(Bucket=buckets.private)
    return buckets


@pytest.fixture
def object_storage(s3_endpoint, settings) -> Buckets:
    """This test's media and private files in two fresh buckets of the moto server."""
    buckets = make_buckets(s3_endpoint)
    environment = buckets.environment()
    settings.S3 = {name.removeprefix("S3_"): value for name, value in environment.items()}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "lms.object_storage.MediaStorage"},
        "private": {"BACKEND": "lms.object_storage.PrivateMediaStorage"},
    }
    return buckets


class Stored:
    """What the storages hold, read through the storage API (the same on disk and on S3)."""

    def __init__(self, backend: str, buckets: Buckets | None):
        self.backend, self.buckets = backend, buckets

    def files(self, alias: str = "private") -> list[str]:
        from django.core.files.storage import storages

        from lms.private_files import storage_files

        storage = storages[alias]
        try:
            folders, files = storage.listdir("")
        except FileNotFoundError:
            return []
        names = list(files)
        for folder in folders:
            names += storage_files(storage, folder)
        return sorted(names)

    def read(self, name: str, alias: str = "private") -> bytes:
        from django.core.files.storage import storages

        with storages[alias].open(name, "rb") as handle:
            return handle.read()

    def exists(self, name: str, alias: str = "private") -> bool:
        from django.core.files.storage import storages

        return storages[alias].exists(name)


@pytest.fixture(params=["disk", "s3"])
def media_backend(request) -> Stored:
    """Runs the test on the local disk and again on object storage (moto's S3 server)."""
    buckets = request.getfixturevalue("object_storage") if request.param == "s3" else None
    return Stored(request.param, buckets)


@pytest.fixture
def stored(media_backend) -> Stored:
    return media_backend
