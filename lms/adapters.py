"""django-allauth adapter."""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    """After signing up or logging out, people land on the home page in the language they were using;
    after logging in, on their workspace (lms.workspace): a trainer's sessions, a coordinator's region,
    a trainee's modules. A login that asked for a page (?next=) goes there: allauth asks it first."""

    def _home(self) -> str:
        return f"/{get_language() or settings.LANGUAGE_CODE}/"

    def get_login_redirect_url(self, request) -> str:
        from lms.workspace import forget_workspace, workspace_for

        forget_workspace(request.user)  # a login sees the roles as they are now
        workspace = workspace_for(request.user)
        return workspace.url if workspace is not None else self._home()

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        """A message is written in the language of the page it will show on: a login on the French
        form whose `next` is an English page greets the person in English there."""
        from django.utils import translation

        target = request.POST.get("next") or request.GET.get("next") or ""
        language = translation.get_language_from_path(target) if target.startswith("/") else None
        with translation.override(language or get_language()):
            super().add_message(request, level, message_template, message_context, extra_tags, message)

    def is_safe_url(self, url: str) -> bool:
        """Also refuses, for a person already logged in, a `next` into an admin site they may not enter:
        the admin sends them to this login form, which would send them back, for ever (a trainee who
        types /admin/, say). They go to their workspace instead, where the admin's refusal shows."""
        if not super().is_safe_url(url):
            return False
        request = getattr(self, "request", None)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return True
        from django.urls import reverse

        path = urlsplit(url).path
        if path.startswith(reverse("wagtailadmin_home")):
            return user.has_perm("wagtailadmin.access_admin")
        if path.startswith(reverse("admin:index")):
            return user.is_active and user.is_staff
        return True

    def get_signup_redirect_url(self, request) -> str:
        return self._home()

    def set_password(self, user, password) -> None:
        """Any password the person chooses replaces a one-time password from a roster sheet."""
        user.must_change_password = False
        super().set_password(user, password)

    def get_logout_redirect_url(self, request) -> str:
        return self._home()

    def should_send_confirmation_mail(self, request, email_address, signup) -> bool:
        """No confirmation link for an address another account uses (a sign-up's claim on it,
        lms.services.signup_email_claim): its owner was told instead, and it must never be confirmed
        onto somebody else's account."""
        from allauth.account.internal.userkit import filter_users_by_email

        if any(user.pk != email_address.user_id for user in filter_users_by_email(email_address.email)):
            return False
        return super().should_send_confirmation_mail(request, email_address, signup)

    def get_client_ip(self, request) -> str:
        """The address allauth's rate limits count: the project's one answer (lms.ratelimit), which
        believes a forwarded header only from TRUSTED_PROXIES."""
        from lms.ratelimit import client_ip

        return client_ip(request)


class MFAAdapter(DefaultMFAAdapter):
    """The QR code of an authenticator app's secret, drawn by segno (already used for certificates)
    instead of the qrcode package allauth would otherwise need."""

    def build_totp_svg(self, url: str) -> str:
        import io

        import segno

        buffer = io.BytesIO()
        segno.make(url, error="m").save(buffer, kind="svg", scale=4, xmldecl=False, svgns=True)
        return buffer.getvalue().decode()
