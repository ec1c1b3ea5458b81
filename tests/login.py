"""The one way browser tests log in: allauth's form, then the authenticator code staff are asked for.

The code is computed from the account's own authenticator secret (read from the database), so demo
accounts and factory-made staff alike get through; trainees have no code step.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

PASSWORD = "motdepasse-123"


def current_totp_code(username: str, *, step: int = 0) -> str:
    """The code the account's authenticator app shows now (`step` periods later)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    from lms import mfa

    authenticator = Authenticator.objects.get(user__username=username, type=Authenticator.Type.TOTP)
    return mfa.totp_code(secret=decrypt(authenticator.data["secret"]), step=step)


def log_in(page: Page, base: str, username: str, password: str = PASSWORD, *, language: str = "fr") -> None:
    """Log `username` in and wait until the page shows the logged-in header."""
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()
    # A code is accepted once: a second login within the same period answers with the next one,
    # which the server also accepts (MFA_TOTP_TOLERANCE).
    for step in (0, 1):
        if "/2fa/authenticate/" not in page.url:
            break
        page.locator("#id_code").fill(current_totp_code(username, step=step))
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()
    # Each role lands on its workspace (lms/workspace.py): the site's pages show the logout link in
    # their header; editors and administrators land in the Wagtail admin, which has its own sidebar.
    expect(page).not_to_have_url(re.compile(r"/(accounts/login|2fa/authenticate)/"))
    if urlsplit(page.url).path.startswith("/admin/"):
        expect(page.get_by_role("complementary").first).to_be_attached()
    else:
        expect(page.locator("nav.account a[href$='/accounts/logout/']")).to_be_visible()
