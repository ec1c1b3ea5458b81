"""django-allauth adapter."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    """After signing up, logging in or out, people land on the home page in the language they were using."""

    def _home(self) -> str:
        return f"/{get_language() or settings.LANGUAGE_CODE}/"

    def get_login_redirect_url(self, request) -> str:
        return self._home()

    def get_signup_redirect_url(self, request) -> str:
        return self._home()

    def set_password(self, user, password) -> None:
        """Any password the person chooses replaces a one-time password from a roster sheet."""
        user.must_change_password = False
        super().set_password(user, password)

    def get_logout_redirect_url(self, request) -> str:
        return self._home()


class MFAAdapter(DefaultMFAAdapter):
    """The QR code of an authenticator app's secret, drawn by segno (already used for certificates)
    instead of the qrcode package allauth would otherwise need."""

    def build_totp_svg(self, url: str) -> str:
        import io

        import segno

        buffer = io.BytesIO()
        segno.make(url, error="m").save(buffer, kind="svg", scale=4, xmldecl=False, svgns=True)
        return buffer.getvalue().decode()
