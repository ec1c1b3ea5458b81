"""First login with a one-time password: the person chooses their own before anything else."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse


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
