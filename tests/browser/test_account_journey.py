"""A visitor's first journey in Chromium: sign up with a username only, log in, switch language, log out."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from lms.models import User

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

# Transactional: the live server runs in another thread. Reference data comes back after each flush
# through the post-migrate hook (lms.roles.sync_after_migrate).
pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 360, "height": 640},
}


@pytest.fixture
def visitor(browser, live_server, home_pages, request):
    viewport = VIEWPORTS[request.param]
    context = browser.new_context(viewport=viewport, is_mobile=request.param == "phone")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, live_server.url, request.param
    context.close()


@pytest.mark.parametrize("visitor", list(VIEWPORTS), indirect=True)
def test_sign_up_with_username_only_log_in_switch_language_and_log_out(visitor):
    page, base, size = visitor
    username = f"fanta-{size}"
    password = "Une-phrase-longue-2026"

    page.goto(base + "/")
    expect(page).to_have_url(base + "/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    if size == "phone":
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "home-fr-360x640.png"))

    # Sign up: username and password, no email; consent is required.
    page.get_by_role("link", name="Créer un compte").first.click()
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_label("Mot de passe (confirmation)").fill(password)
    page.get_by_label("J'ai lu les informations ci-dessus et je suis d'accord.").check()
    if size == "phone":
        page.screenshot(path=str(SCREENSHOTS / "signup-fr-360x640.png"), full_page=True)
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("link", name="Se déconnecter")).to_be_visible()
    user = User.objects.get(username=username)
    assert user.email == "" and user.consent_given_at is not None

    # Log out (allauth asks to confirm with a POST form: no JavaScript needed).
    page.get_by_role("link", name="Se déconnecter").click()
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("navigation", name="Compte").get_by_role("link", name="Se connecter")).to_be_visible()

    # Log in again with the username.
    page.get_by_role("link", name="Se connecter").first.click()
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(base + "/fr/dashboard/")  # a trainee's login lands on their modules
    expect(page.get_by_text(user.display_name).first).to_be_visible()

    # Switch to English and back; the choice sticks when going to "/".
    page.goto(base + "/fr/")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(base + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training against trafficking in persons")
    page.goto(base + "/")
    expect(page).to_have_url(base + "/en/")
    page.get_by_role("link", name="Français").click()
    expect(page).to_have_url(base + "/fr/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Se former contre la traite des personnes")

    # Log out.
    page.get_by_role("link", name="Se déconnecter").click()
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("navigation", name="Compte").get_by_role("link", name="Se connecter")).to_be_visible()


@pytest.mark.parametrize("visitor", ["phone"], indirect=True)
def test_phone_layout_has_no_horizontal_scroll_and_large_touch_targets(visitor):
    page, base, _size = visitor
    page.goto(base + "/fr/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    small = page.evaluate(
        """() => [...document.querySelectorAll('a, button, input, select')]
            .filter(el => el.offsetParent !== null && !el.classList.contains('skip'))
            .map(el => [el.textContent.trim() || el.name, el.getBoundingClientRect().height])
            .filter(([, h]) => h < 44)"""
    )
    assert small == []
