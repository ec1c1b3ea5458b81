"""Media and private files on S3-compatible object storage (django-storages with boto3), for a
platform that runs on more than one machine (docs/operations.md, "Object storage").

Two storages, as on the local disk (lms.storage):
- MediaStorage, the "default" storage: the public media (Wagtail's images) under `media/` of
  S3_PUBLIC_BUCKET. Its URLs are plain object URLs; the bucket policy publishes only the folders nginx
  publishes on disk (images/, original_images/, avatar_images/).
- PrivateMediaStorage, the "private" storage: certificate PDFs and H5P packages under `private/` of
  S3_PRIVATE_BUCKET (the same bucket may hold both: the prefixes keep them apart). It never gives a
  URL: a view that has checked who asks streams the file, or hands nginx a signed address that is
  valid for PRIVATE_MEDIA_SIGNED_SECONDS through X-Accel-Redirect (lms.private_files).

Both write all or nothing, never over an existing object (a second file of the same name gets a new
name, as on disk), and remove the object a failed write may have left.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

from django.conf import settings
from storages.backends.s3 import S3Storage

# How long a signed address given to nginx stays valid: nginx fetches the object at once.
PRIVATE_MEDIA_SIGNED_SECONDS = 60


def _connection_settings() -> dict:
    s3 = settings.S3
    return {
        "endpoint_url": s3["ENDPOINT_URL"] or None,
        "region_name": s3["REGION"] or None,
        "access_key": s3["ACCESS_KEY_ID"] or None,
        "secret_key": s3["SECRET_ACCESS_KEY"] or None,
        "addressing_style": "path",
        "signature_version": "s3v4",
        "file_overwrite": False,
        "default_acl": None,
    }


class _AllOrNothing(S3Storage):
    def _save(self, name, content):
        # One PUT (or a multipart upload that boto3 aborts on failure) makes the object appear whole
        # or not at all; should a store still show it after a failure, it is removed here, as on disk.
        try:
            return super()._save(name, content)
        except BaseException:
            with contextlib.suppress(Exception):
                self.delete(name)
            raise


class MediaStorage(_AllOrNothing):
    def __init__(self, **kwargs):
        options = _connection_settings() | {
            "bucket_name": settings.S3["PUBLIC_BUCKET"],
            "location": "media",
            "querystring_auth": False,
        }
        super().__init__(**(options | kwargs))


class PrivateMediaStorage(_AllOrNothing):
    def __init__(self, **kwargs):
        options = _connection_settings() | {
            "bucket_name": settings.S3["PRIVATE_BUCKET"] or settings.S3["PUBLIC_BUCKET"],
            "location": "private",
            "querystring_auth": True,
            "querystring_expire": PRIVATE_MEDIA_SIGNED_SECONDS,
        }
        super().__init__(**(options | kwargs))

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError(f"{name} is a private file: it has no public URL; a view must serve it")

    def accel_path(self, name: str) -> str:
        """The object's signed address without scheme and host (`/bucket/key?X-Amz-…`), valid for
        PRIVATE_MEDIA_SIGNED_SECONDS: nginx's internal location prepends the endpoint it proxies to
        (deploy/nginx/lms.conf, /private-s3/), so the signature never reaches the browser."""
        signed = super().url(name, expire=PRIVATE_MEDIA_SIGNED_SECONDS)
        parts = urlsplit(signed)
        return f"{parts.path}?{parts.query}"
