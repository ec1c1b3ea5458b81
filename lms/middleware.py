"""Account gates run on every request: a first login's own password, a staff second factor, and the
end of an idle session; a session write that fails after the view cannot undo its response; and a
clear answer when the media disk is full."""

from __future__ import annotations

import errno
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from lms.roles import is_staff_account

logger = logging.getLogger(__name__)

# Paths every gate lets through: files, and the language switch.
_ALWAYS_OPEN = ("/static/", "/media/", "/language/")


def _staff(request) -> bool:
    """Whether the person of this request holds a staff role; asked once per request."""
    if not hasattr(request, "_lms_staff_account"):
        request._lms_staff_account = is_staff_account(request.user)
    return request._lms_staff_account


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
            if not request.path.startswith(_ALWAYS_OPEN) and request.path not in allowed:
                return redirect(allowed[0])
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """Staff (lms.roles.STAFF_ROLES) enrol an authenticator app before reaching any other page.

    A staff account without one is sent to allauth's TOTP activation (which first asks for the
    password again, then shows the recovery codes); only that flow, logging out and files stay
    reachable. At each later login allauth asks for a code. Trainees are not concerned.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_ALWAYS_OPEN)
            and not self._enrolment_path(request.path)
            and _staff(request)
        ):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists():
                return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _enrolment_path(path: str) -> bool:
        open_paths = (
            reverse("mfa_index"),  # the activation, recovery codes and their download live below
            reverse("account_reauthenticate"),
            reverse("account_logout"),
            reverse("first_login"),
        )
        return path.startswith(open_paths)


def consent_outdated(user) -> bool:
    """Whether `user` agreed to an older consent text than CONSENT_VERSION and has not withdrawn it."""
    from django.conf import settings

    return bool(
        user.is_authenticated
        and user.consent_version
        and user.consent_version != settings.CONSENT_VERSION
        and user.consent_withdrawn_at is None
    )


class ConsentRenewalMiddleware:
    """People who agreed to an older consent text are shown the new one (lms.views.consent_renew) and
    asked again before any other page.

    Accepting (privacy:consent_give) records the new version; refusing (privacy:consent_withdraw)
    withdraws the consent, and the person goes on, left out of evaluators' results. The answer API
    (/api/) is left alone so that no answer being saved is lost; the second-factor enrolment,
    logging out and files stay reachable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and not request.path.startswith((*_ALWAYS_OPEN, "/api/"))
            and consent_outdated(user)
            and not StaffSecondFactorMiddleware._enrolment_path(request.path)
        ):
            allowed = (reverse("consent_renew"), reverse("privacy:consent_give"), reverse("privacy:consent_withdraw"))
            if request.path not in allowed:
                return redirect(allowed[0])
        return self.get_response(request)


class SessionIdleTimeoutMiddleware:
    """End a login session after a period without any request.

    Staff sessions (which reach other people's data) end sooner: SESSION_STAFF_IDLE_SECONDS against
    SESSION_IDLE_SECONDS. The time of the last request is kept in the session, rewritten at most once
    a minute so that a page view does not always cost a session write.
    """

    KEY = "_lms_last_seen"
    TOUCH_EVERY = 60

    @classmethod
    def stamp_login(cls, sender=None, request=None, user=None, **kwargs) -> None:
        """user_logged_in receiver: the clock starts at login, in the session being written anyway."""
        if request is not None and hasattr(request, "session"):
            request.session[cls.KEY] = int(time.time())

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.KEY)
            idle = settings.SESSION_STAFF_IDLE_SECONDS if _staff(request) else settings.SESSION_IDLE_SECONDS
            if last_seen is not None and now - last_seen > idle:
                logout(request)
            elif last_seen is None or now - last_seen >= self.TOUCH_EVERY:
                request.session[self.KEY] = now
        return self.get_response(request)


class CommittedResponseSessionMiddleware(SessionMiddleware):
    """Django's SessionMiddleware, except that a session it cannot write leaves the response as it is.

    The session is written after the view, so after the view's transaction committed an autosave, a
    hand-in or "save and continue later". When the database fails just then (a restart), Django
    answers 400 (SessionInterrupted: its database backends turn any error of an update into
    UpdateError) or 500, and a phone takes a stored answer for a lost one. Here the failure is
    logged and the view's response goes out without a session cookie: the browser keeps the cookie
    it has, and what this request put in the session (the idle clock, a message) is all that is lost.
    A session deleted meanwhile (a logout in another tab) is not recreated either: its row is gone.
    """

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except (DatabaseError, SessionInterrupted):
            logger.warning(
                "session not saved after %s %s (status %s); the response is sent",
                request.method,
                request.path,
                response.status_code,
                exc_info=True,
            )
            patch_vary_headers(response, ("Cookie",))
            return response


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
