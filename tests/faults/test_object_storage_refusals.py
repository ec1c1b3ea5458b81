"""Object storage that breaks off an upload half-way: nothing is left in the bucket.

The S3 counterpart of test_media_disk_full.py. Between the storage and moto's S3 server sits a small
TCP relay (the network, or a store that hangs up): it passes small requests whole and cuts any request
whose body is larger than LIMIT after LIMIT bytes, as a dropped link or a store out of space would.
Each write is then refused mid-way, after the store has received part of it.
"""

from __future__ import annotations

import os
import socket
import threading

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from courses.h5p.builder import build_package
from courses.models import H5PPackage
from lms import demo
from lms.models import User
from tests.factories import upload_h5p
from tests.object_storage import s3_client

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

LIMIT = 128 * 1024


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
    finally:
        for end in (source, target):
            end.close()


def _relay(client: socket.socket, upstream: tuple[str, int]) -> None:
    """One connection: the request head, then its body, cut after LIMIT bytes when it is larger."""
    server = socket.create_connection(upstream)
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = client.recv(65536)
        if not chunk:
            client.close()
            server.close()
            return
        head += chunk
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")),
        0,
    )
    head = head.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1)  # one request per connection
    if length <= LIMIT:
        server.sendall(head)
        threading.Thread(target=_pipe, args=(server, client), daemon=True).start()
        _pipe(client, server)
        return
    sent = len(head.split(b"\r\n\r\n", 1)[1])
    server.sendall(head)
    while sent < LIMIT and (chunk := client.recv(min(65536, LIMIT - sent))):
        server.sendall(chunk)
        sent += len(chunk)
    client.close()  # hung up half-way
    server.close()


@pytest.fixture
def cutting_relay(object_storage, settings):
    """The storages talk to moto through the relay; returns the buckets."""
    listener = socket.create_server(("127.0.0.1", 0))
    host, port = object_storage.endpoint.removeprefix("http://").split(":")
    upstream = (host, int(port))

    def serve():
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            threading.Thread(target=_relay, args=(client, upstream), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    settings.S3 = {**settings.S3, "ENDPOINT_URL": f"http://127.0.0.1:{listener.getsockname()[1]}"}
    settings.STORAGES = {**settings.STORAGES}  # the storages are made again with the relay's address
    yield object_storage
    listener.close()


def _pending_multipart_uploads(buckets) -> list:
    client = s3_client(buckets.endpoint)
    return [
        upload
        for bucket in (buckets.public, buckets.private)
        for upload in client.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    ]


def test_the_relay_passes_small_writes_whole(cutting_relay):
    name = storages["private"].save("certificates/small.pdf", ContentFile(b"%PDF small"))
    assert cutting_relay.keys() == [f"private/{name}"]


@pytest.mark.parametrize("size", [LIMIT * 4, 12 * 1024 * 1024], ids=["one-put", "multipart"])
def test_an_upload_refused_mid_way_leaves_no_key_in_the_bucket(cutting_relay, size):
    for alias in ("default", "private"):
        with pytest.raises(Exception) as refused:  # botocore's connection errors, whichever
            storages[alias].save("uploads/big.bin", ContentFile(os.urandom(size)))
        assert "Connection" in type(refused.value).__name__ or "connection" in str(refused.value).lower()
    assert cutting_relay.keys() == []
    assert _pending_multipart_uploads(cutting_relay) == []


def test_an_h5p_package_cut_off_mid_way_leaves_no_object_and_no_package(cutting_relay, client, home_pages):
    # Small files first (each passes whole), then an audio clip larger than the relay lets through.
    package = build_package(
        title="Cas d'Awa",
        content={"scenario": "<p>Cas</p>", "questions": []},
        extra_files={"content/a.mp3": os.urandom(LIMIT * 3)},
    )
    demo.seed_accounts()
    client.force_login(User.objects.get(username="editeur"))
    client.raise_request_exception = False
    response = upload_h5p(client, package)
    assert response.status_code >= 500
    assert H5PPackage.objects.count() == 0
    assert cutting_relay.keys() == [], "the files written before the cut are removed too"
