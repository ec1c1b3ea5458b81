"""Issue 19: the error pages a visitor meets (404, 403, 500 and the CSRF failure) are the site's own in
a phone's browser, at 360×640, in French and English: the page's language, its heading in that language,
nothing that scrolls sideways, a way back that leads somewhere, and axe finds no WCAG A/AA violation.

Screenshots go to /tmp/error-shots/ (outside the repository), to be looked at.
"""

import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from lms import roles
from tests import factories
from tests.field.test_accessibility import AXE, axe_violations
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
SHOTS = Path(tempfile.gettempdir()) / "error-shots"
HEADINGS = {
    "404": {"fr": "Page introuvable", "en": "Page not found"},
    "403": {"fr": "Accès non autorisé", "en": "Access not allowed"},
    "500": {"fr": "Une erreur est survenue", "en": "Something went wrong"},
    "csrf": {"fr": "Le formulaire n’a pas pu être envoyé", "en": "The form could not be sent"},
}
RAW = ("Not Found", "Forbidden", "Server Error", "CSRF", "Internal")


@pytest.fixture
def breaking_site(settings):
    """The site's URLs plus /broken/, a view that raises (tests.lms.error_urls)."""
    settings.ROOT_URLCONF = "tests.lms.error_urls"


def _reach(page: Page, base: str, kind: str, language: str) -> int | None:
    """Open the error page of `kind` as a visitor would; the response's status where there is one."""
    if kind == "404":
        return page.goto(f"{base}/{language}/nulle-part/").status
    if kind == "403":
        factories.UserFactory(username="mariama.keita", display_name="Mariama Keïta", role=roles.TRAINEE)
        log_in(page, base, "mariama.keita", language=language)
        return page.goto(f"{base}/{language}/evaluation/").status
    if kind == "500":
        # /broken/ has no language in its address: the one chosen before (the cookie) is used (lms.errors).
        page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}])
        return page.goto(f"{base}/broken/").status
    # CSRF: the login form, sent after this browser's cookies were cleared.
    page.goto(f"{base}/{language}/accounts/login/")
    page.context.clear_cookies()
    page.locator("#id_login").fill("quelqu.un")
    page.locator("#id_password").fill("pas-le-bon")
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.locator("form button[type=submit]").click()
    page.wait_for_load_state()
    return answer.value.status


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", list(HEADINGS))
def test_each_error_page_is_ours_phone_sized_in_the_visitors_language(
    breaking_site, home_pages, browser, live_server, kind, language
):
    context = browser.new_context(viewport=PHONE, is_mobile=True, bypass_csp=True, service_workers="block")
    page = context.new_page()
    status = _reach(page, live_server.url, kind, language)
    assert status == {"404": 404, "403": 403, "500": 500, "csrf": 403}[kind]
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{kind}-{language}.png"), full_page=True)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main h1")).to_have_text(HEADINGS[kind][language])
    body = page.locator("body").inner_text()
    assert not [word for word in RAW if word in body], body
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator("main h1").bounding_box()["y"] < PHONE["height"] / 2
    found = axe_violations(page)
    assert found == []
    if kind == "csrf":
        # Back to the form itself, afresh.
        expect(page.locator(f"main .error-ways a[href='/{language}/accounts/login/']")).to_be_visible()
    # A way back, in the same language, that opens a page.
    home = page.locator(f"main .error-ways a[href='/{language}/']")
    expect(home).to_be_visible()
    home.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{live_server.url}/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    context.close()
