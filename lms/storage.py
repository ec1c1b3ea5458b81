"""Storages: static files with fingerprinted names, media files written all or nothing, and private
files (the same, in a root of their own that has no URL).

Static files: fingerprinted names (cached for a year by browsers) wherever collectstatic has run.

WhiteNoise's manifest storage renames each file after its content (`site.3f9a….css`) and serves such
files with a far-future `Cache-Control: immutable`, so a phone downloads each version once. It needs
the manifest that `collectstatic` writes; without one (a fresh clone's `make test`, a developer's
runserver) it would refuse to render any page. This storage then falls back to the plain names, which
the development and test servers serve from the apps' folders.
"""

import contextlib
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, cached_property, empty
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        if not self.hashed_files:  # no manifest: collectstatic has not run here
            return name
        return super().stored_name(name)


class MediaStorage(FileSystemStorage):
    """Media on the local disk, all or nothing: a file whose writing fails (the disk full, an I/O
    error) is deleted, instead of staying behind half-written under the name it was to have.

    Django's own `_save` leaves the partial file; this one creates the file (never over an existing
    one), copies the content into it (an upload spooled to a temporary file is copied too, not moved)
    and removes exactly the file it created when anything fails.
    """

    def _save(self, name, content):
        full_path = self.path(name)
        os.makedirs(os.path.dirname(full_path), exist_ok=True)
        while True:
            try:
                fd = os.open(full_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
                break
            except FileExistsError:
                name = self.get_available_name(name)
                full_path = self.path(name)
        try:
            with os.fdopen(fd, "wb") as stream:
                for chunk in content.chunks():
                    stream.write(chunk if isinstance(chunk, bytes) else chunk.encode())
            if self.file_permissions_mode is not None:
                os.chmod(full_path, self.file_permissions_mode)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.remove(full_path)
            raise
        return str(name).replace("\\", "/")


class PrivateMediaStorage(MediaStorage):
    """Certificate PDFs and H5P packages, in PRIVATE_MEDIA_ROOT: outside MEDIA_ROOT, so that no
    public location of the web server reaches them. A file has no URL: a view that has checked who
    asks hands it over (lms.private_files.private_file_response)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError(f"{name} is a private file: it has no public URL; a view must serve it")


class _PrivateStorage(LazyObject):
    """The "private" storage of STORAGES, looked up again whenever STORAGES changes (a test that moves
    private files to object storage); a FileField keeps this one object for the life of the process."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty


def private_storage():
    """The "private" storage of STORAGES (a callable, so that FileFields follow the setting)."""
    return _private
