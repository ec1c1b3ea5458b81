"""Middleware: the first login with a one-time password; a clear answer when the media disk is full."""

from __future__ import annotations

import errno
import logging

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class PasswordChangeRequiredMiddleware:
    """Send people whose account carries `must_change_password` to the first-login page (their own
    password and their consent, lms.views.first_login).

    Only that page, logging out, static and media files stay reachable; the flag is cleared when a
    password is set (there, or by allauth: lms.adapters.AccountAdapter.set_password).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = (reverse("first_login"), reverse("account_logout"))
            if not request.path.startswith(("/static/", "/media/", "/language/")) and request.path not in allowed:
                return redirect(allowed[0])
        return self.get_response(request)


# "No space left on device" and "Disk quota exceeded": the storage cannot take the upload.
STORAGE_FULL = {errno.ENOSPC, errno.EDQUOT}


class StorageFullMiddleware:
    """An upload that fails because the disk is full gets a clear page (or JSON), status 507.

    The media storage has already removed what it half-wrote (lms.storage.MediaStorage) and the
    database row was never saved, so the message can say that nothing was kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OSError) or exception.errno not in STORAGE_FULL:
            return None
        logger.error("storage full during %s %s", request.method, request.path, exc_info=exception)
        message = _(
            "The server's storage is full, so your file was not saved and nothing was changed. "
            "Please tell the platform administrator, then try again later."
        )
        wants_json = request.content_type == "application/json" or "application/json" in request.headers.get(
            "Accept", ""
        )
        if wants_json or request.headers.get("X-Requested-With") == "XMLHttpRequest":
            return JsonResponse({"error": message}, status=507)
        return TemplateResponse(request, "lms/storage_full.html", {"message": message}, status=507)
