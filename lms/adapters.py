"""django-allauth adapter."""

from allauth.account.adapter import DefaultAccountAdapter
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
