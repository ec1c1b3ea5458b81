"""The media disk full: uploads fail with a clear message, and nothing half-written remains.

MEDIA_ROOT is a real, tiny filesystem (a 2 MB tmpfs mounted for the test, unmounted after), filled
with a ballast file until a few kilobytes are left, so that each write starts and then fails with
"No space left on device" half-way: the case that leaves half-written files behind.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from lms.storage import MediaStorage
from tests.factories import upload_h5p

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

MESSAGE = (
    "The server's storage is full, so your file was not saved and nothing was changed. "
    "Please tell the platform administrator, then try again later."
)
BALLAST = "ballast.bin"


class SmallDisk:
    def __init__(self, root: Path):
        self.root = root

    def fill(self, *, leave: int) -> None:
        """Write the ballast until the disk is full, then give back `leave` bytes."""
        with (self.root / BALLAST).open("wb") as ballast:
            try:
                while True:
                    ballast.write(b"\0" * 65536)
                    ballast.flush()
            except OSError as error:
                assert error.errno == errno.ENOSPC
        size = (self.root / BALLAST).stat().st_size
        os.truncate(self.root / BALLAST, max(size - leave, 0))

    def empty(self) -> None:
        (self.root / BALLAST).unlink(missing_ok=True)

    def files(self) -> list[str]:
        """Every file on the disk but the ballast, as paths relative to it."""
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file() and p.name != BALLAST)


@pytest.fixture
def small_disk(settings):
    """A 2 MB filesystem of its own as MEDIA_ROOT and PRIVATE_MEDIA_ROOT, where certificate PDFs and
    H5P packages go (tmpfs; needs root, as in CI)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small filesystem for MEDIA_ROOT needs root")
    root = Path(tempfile.mkdtemp(prefix="lms-faults-disk-"))
    mounted = subprocess.run(  # noqa: S603 - fixed command
        ["/usr/bin/mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(root)], capture_output=True, text=True
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs for MEDIA_ROOT: {mounted.stderr.strip()}")
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT = str(root)
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["/usr/bin/umount", str(root)], check=True)  # noqa: S603 - fixed command
        root.rmdir()


def _storage_full_message(language: str = "fr") -> str:
    with translation.override(language):
        return escape(gettext(MESSAGE))


def test_a_write_that_fills_the_disk_leaves_no_half_written_file(small_disk):
    small_disk.fill(leave=64 * 1024)
    content = ContentFile(os.urandom(512 * 1024))
    # Django's own storage leaves the first 64 KB behind under the file's name...
    with pytest.raises(OSError, match="No space left"):
        FileSystemStorage(location=small_disk.root).save("django/file.bin", content)
    assert small_disk.files() == ["django/file.bin"]
    (small_disk.root / "django" / "file.bin").unlink()
    # ...the project's media storage removes it.
    with pytest.raises(OSError, match="No space left"):
        MediaStorage(location=small_disk.root).save("lms/file.bin", content)
    assert small_disk.files() == []


def test_an_h5p_package_upload_on_a_full_disk_is_refused_clearly_and_leaves_nothing(small_disk, client, home_pages):
    from courses.h5p.builder import build_package
    from courses.models import H5PPackage
    from lms import demo

    demo.seed_accounts()
    assert client.login(username="editeur", password="demo-editeur")
    package = build_package(
        title="Scénario",
        content={"scenario": "<p>Cas</p>", "questions": []},
        extra_files={"content/a.mp3": os.urandom(600_000)},
    )
    small_disk.fill(leave=256 * 1024)
    response = upload_h5p(client, package)
    assert response.status_code == 507
    assert _storage_full_message() in response.content.decode()
    assert H5PPackage.objects.count() == 0
    assert small_disk.files() == []

    small_disk.empty()  # space again: the same upload works
    response = upload_h5p(client, package)
    assert response.status_code == 302
    assert H5PPackage.objects.count() == 1


def test_a_document_upload_on_a_full_disk_is_refused_clearly_and_leaves_nothing(small_disk, client, home_pages):
    from wagtail.documents import get_document_model

    from lms import demo

    demo.seed_accounts()
    assert client.login(username="admin", password="demo-admin")
    small_disk.fill(leave=32 * 1024)
    upload = SimpleUploadedFile("notes.txt", b"Lesson notes.\n" * 40_000, content_type="text/plain")
    response = client.post(reverse("wagtaildocs:add"), {"title": "Notes", "file": upload, "collection": 1})
    assert response.status_code == 507
    assert _storage_full_message() in response.content.decode()
    assert get_document_model().objects.count() == 0
    assert small_disk.files() == []


def test_a_certificate_due_on_a_full_disk_is_not_issued_half_and_is_issued_once_there_is_space(small_disk, settings):
    from assessments.hooks import SUBMISSION_LISTENER
    from certificates import services, signing
    from certificates.models import Certificate
    from tests.factories import certificate_setup, take_test
    from tests.hook_registry import only_hooks

    settings.CERTIFICATE_SIGNING_KEY = signing.generate_private_key_text()
    user, enrolment, post, _rule = certificate_setup()
    with only_hooks(SUBMISSION_LISTENER):
        take_test(user=user, test=post)
    small_disk.fill(leave=4 * 1024)
    with pytest.raises(OSError, match="No space left"):
        services.certificate_evaluate(enrolment_id=enrolment.pk)  # the task retries on OSError
    assert Certificate.objects.count() == 0
    assert small_disk.files() == []

    small_disk.empty()
    certificate = services.certificate_evaluate(enrolment_id=enrolment.pk).certificate
    assert small_disk.files() == [certificate.pdf.name]


def test_an_api_request_on_a_full_disk_gets_the_message_as_json(rf):
    from lms.middleware import StorageFullMiddleware

    request = rf.post("/api/upload/", data="{}", content_type="application/json")
    with translation.override("en"):
        response = StorageFullMiddleware(lambda r: None).process_exception(request, OSError(errno.ENOSPC, "full"))
    assert response.status_code == 507
    assert json.loads(response.content) == {"error": MESSAGE}
    assert StorageFullMiddleware(lambda r: None).process_exception(request, OSError(errno.EACCES, "denied")) is None
