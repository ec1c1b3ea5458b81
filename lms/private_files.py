"""Private files: handing one over once a view has decided who may have it, moving those an older
version left in the public media, and the system checks that keep the two roots apart.

Certificate PDFs (`certificates/…`) and H5P packages (`h5p/…`) live in the "private" storage
(PRIVATE_MEDIA_ROOT), which no web server location publishes. docs/operations.md says how nginx
is set up (deploy/nginx/lms.conf).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core import checks
from django.core.files.storage import Storage, default_storage
from django.http import FileResponse, Http404, HttpResponse

from lms.storage import private_storage

logger = logging.getLogger(__name__)

DELIVERIES = ("django", "x-accel-redirect")
# The folders of the private storage; older versions kept them under MEDIA_ROOT.
PRIVATE_FOLDERS = ("certificates", "h5p")
# nginx's internal location that proxies a signed object address to the S3 endpoint (deploy/nginx/lms.conf).
S3_ACCEL_PREFIX = "/private-s3"


def private_file_response(
    *, name: str, content_type: str, filename: str = "", attachment: bool = False
) -> HttpResponse:
    """The private file `name`, for a request the caller has already allowed.

    Streamed from the storage, or (PRIVATE_MEDIA_DELIVERY = "x-accel-redirect") an empty answer
    whose X-Accel-Redirect header tells nginx which file of its internal location to send; nginx
    keeps the content type, disposition and caching headers set here. A missing file is a 404
    (Http404), never an error page, in both cases.
    """
    storage = private_storage()
    if settings.PRIVATE_MEDIA_DELIVERY == "x-accel-redirect":
        if not storage.exists(name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = _accel_redirect(storage, name)
    else:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(handle, content_type=content_type)
    if filename:
        disposition = "attachment" if attachment else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _accel_redirect(storage, name: str) -> str:
    """Where nginx's internal location finds `name`: the file under PRIVATE_MEDIA_ROOT, or on object
    storage the object's signed address, valid for a minute, behind S3_ACCEL_PREFIX (that location of
    deploy/nginx/lms.conf proxies it to the S3 endpoint; the browser never sees the signature)."""
    accel_path = getattr(storage, "accel_path", None)
    if accel_path is not None:
        return S3_ACCEL_PREFIX + accel_path(name)
    return settings.PRIVATE_MEDIA_ACCEL_PREFIX.rstrip("/") + "/" + quote(name)


def storage_files(storage: Storage, folder: str):
    """Every file name under `folder` of `storage`, depth first."""
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from storage_files(storage, f"{folder}/{sub}")


def public_leftovers(*, public: Storage | None = None) -> list[str]:
    """Names of private files still in the public media storage (an older version put them there)."""
    public = public or default_storage
    return [name for folder in PRIVATE_FOLDERS for name in storage_files(public, folder)]


def private_files_move(*, public: Storage | None = None, private: Storage | None = None) -> list[str]:
    """Move every private file left in the public media to the private storage, under the same name
    (the names rows hold stay right); return the names moved. Idempotent, and safe to interrupt: a
    file is deleted from the public media only once its copy is complete; a copy already there (an
    interrupted run) is replaced."""
    public, private = public or default_storage, private or private_storage()
    moved = []
    for name in public_leftovers(public=public):
        if private.exists(name):
            private.delete(name)
        with public.open(name, "rb") as source:
            stored = private.save(name, source)
        if stored != name:  # a storage that renames would break the rows' names: undo, stop
            private.delete(stored)
            raise RuntimeError(f"the private storage stored {name} as {stored}")
        public.delete(name)
        moved.append(name)
    if moved:
        logger.warning("moved %s private file(s) out of the public media", len(moved))
    return moved


# --- System checks ------------------------------------------------------------------------------


@checks.register(checks.Tags.security)
def check_private_media(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """PRIVATE_MEDIA_ROOT outside MEDIA_ROOT (E010), and a delivery this code knows (E011)."""
    errors = []
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    public = Path(settings.MEDIA_ROOT).resolve()
    if private == public or private.is_relative_to(public):
        errors.append(
            checks.Error(
                f"PRIVATE_MEDIA_ROOT ({private}) is inside MEDIA_ROOT ({public}), which the web server publishes.",
                hint="Set PRIVATE_MEDIA_ROOT to a folder outside MEDIA_ROOT (.env.example).",
                id="lms.E010",
            )
        )
    if settings.PRIVATE_MEDIA_DELIVERY not in DELIVERIES:
        errors.append(
            checks.Error(
                f"PRIVATE_MEDIA_DELIVERY is {settings.PRIVATE_MEDIA_DELIVERY!r}.",
                hint=f"Use one of {', '.join(DELIVERIES)}.",
                id="lms.E011",
            )
        )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def check_public_leftovers(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Certificate PDFs or H5P files still in the public media (W010): `check --deploy` says so."""
    try:
        leftovers = public_leftovers()
    except OSError:
        return []
    if not leftovers:
        return []
    return [
        checks.Warning(
            f"{len(leftovers)} private file(s) are still in the public media, e.g. {leftovers[0]}.",
            hint="Run `manage.py move_private_files` (docs/operations.md).",
            id="lms.W010",
        )
    ]
