"""Issue 19: each role lands on its own workspace after login, on a 360×640 phone, in French and English;
the header stays within two lines (well under a third of the screen) so the page's own heading shows in
the first screen; the obvious next link leads on; axe finds no WCAG A/AA violation on either page.

Screenshots of each landing page go to /tmp/land-shots/ (outside the repository), to be looked at.
"""

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.field.test_accessibility import AXE, axe_violations
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
SHOTS = Path(tempfile.gettempdir()) / "land-shots"
HEADER_LIMIT = 110  # px: two 44 px lines and their padding, a sixth of the screen

# role: (demo login, password, where they land, the obvious next link on that page)
ROLES = {
    "trainee": ("apprenant", "demo-apprenant", "/{lang}/dashboard/", "main a[data-next]"),
    "trainer": ("formateur", "demo-formateur", "/{lang}/sessions/", "main .sessions a, main table a"),
    "coordinator": ("coordinateur", "demo-coordinateur", "/{lang}/sessions/programme/", "main .actions a.button"),
    "evaluator": ("evaluateur", "demo-evaluateur", "/{lang}/events/programme/", "main p.hint a"),
    "ambassador": ("ambassadeur", "demo-ambassadeur", "/{lang}/outreach/", "main a.button"),
    "editor": ("editeur", "demo-editeur", "/admin/", "main a[href^='/admin/pages/']"),
}


def check_fits(page: Page) -> None:
    """Nothing scrolls sideways at 360 px, and every header link (the last, "Log out", too) is on screen:
    a header that scrolled inside itself would hide its last links without widening the page."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for link in page.locator("header.site-header a").all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (link.inner_text(), box)
    for nav in page.locator("header.site-header nav").all():
        assert nav.evaluate("nav => nav.scrollWidth <= nav.clientWidth"), nav.inner_text()


def check_header(page: Page) -> float:
    header = page.locator("header.site-header")
    height = header.bounding_box()["height"]
    assert height <= HEADER_LIMIT, height
    # The page's own heading starts in the first screen.
    assert page.locator("main h1").first.bounding_box()["y"] < PHONE["height"] / 2
    return height


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_lands_on_its_workspace_and_goes_on(seeded_demo, browser, live_server, role, language):
    username, password, landing, next_link = ROLES[role]
    base = live_server.url
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, locale=f"{language}-GN", bypass_csp=True, service_workers="block"
    )
    page = context.new_page()
    log_in(page, base, username, password, language=language)
    expected = landing.format(lang=language)
    expect(page).to_have_url(base + expected)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{role}-{language}.png"))
    found = {"landing": axe_violations(page)}
    check_fits(page)
    if role != "editor":
        check_header(page)
        workspace = page.locator("nav.account [data-workspace]")
        expect(workspace).to_have_attribute("href", expected)
        expect(workspace).to_have_attribute("aria-current", "page")
    link = page.locator(next_link).first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(target), (page.url, target)
    check_fits(page)
    if role != "editor":
        check_header(page)
    found["next"] = axe_violations(page)
    assert {key: value for key, value in found.items() if value} == {}
    context.close()
