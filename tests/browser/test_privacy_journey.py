"""A trainee on a phone: My account → My data → withdraw consent → ask for erasure, in Chromium."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from lms import services
from tests import factories

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_trainee_sees_their_data_withdraws_consent_and_asks_for_erasure_on_a_phone(browser, live_server, home_pages):
    user = factories.UserFactory(username="awa.phone", display_name="Awa Camara", phone="+224620111222")
    services.user_record_consent(user=user)
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
             "domain": host, "path": "/"},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "domain": host, "path": "/"},
        ]
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + "/en/")
    page.get_by_role("link", name="My account").click()
    expect(page.get_by_role("heading", name="My account")).to_be_visible()
    page.get_by_role("link", name="My data", exact=True).click()
    expect(page.get_by_text("+224620111222", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Consent")).to_be_visible()
    # Each record is a short list of labels and values: the page never gets wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "my-data-en-360x640.png"), full_page=True)

    page.get_by_role("link", name="My account").first.click()
    page.get_by_role("button", name="Withdraw my consent").click()
    expect(page.get_by_text("Your consent is withdrawn")).to_be_visible()
    expect(page.get_by_role("button", name="I agree")).to_be_visible()
    page.get_by_role("button", name="Ask for my data to be erased").click()
    expect(page.get_by_role("button", name="Cancel my request")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "account-en-360x640.png"), full_page=True)
    user.refresh_from_db()
    assert user.consent_withdrawn_at is not None
    assert user.erasure_requests.filter(status="pending").count() == 1
    context.close()


def test_the_demo_trainees_data_is_grouped_in_words_and_short_on_a_phone(seeded_demo, browser, live_server):
    """The demo trainee's My data was 14,915 px tall at 360 px, in codes and raw JSON (issue 19, item 5)."""
    from lms.models import User

    user = User.objects.get(username="apprenant")
    assert user.consent_records.filter(withdrawn_at__isnull=True).exists()  # seeded, as "My account" says
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "domain": host, "path": "/"}]
    )  # fmt: skip
    page = context.new_page()
    page.goto(live_server.url + "/fr/account/data/")
    expect(page.get_by_role("heading", name="Vos tests")).to_be_visible()
    expect(page.locator("#consents")).to_contain_text("Inscription")
    expect(page.locator("#attempts")).to_contain_text("Pré-test")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"My data of the demo trainee at 360 px: {height} px")
    assert height < 5_000, height
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Opening every answer still leaves the page narrower than the phone.
    page.locator("#answers summary").first.click()
    expect(page.locator("#answers .records li").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
