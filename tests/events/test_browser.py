"""Acceptance, on a phone (360×640) in Chromium: an ambassador logs a dialogue with counts only, a
coordinator validates it, and the dashboard's "people reached" rises by exactly that count. Then the
dashboard of the demo data is photographed at 360×640 (/work/notes/screens/dashboard-360.png).

Locators use ids, names and data attributes, not texts: the French catalogue is merged separately.
"""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import OutreachLog
from tests.events.factories import HeadCountFactory, IndicatorTargetFactory, OutreachLogFactory
from tests.login import log_in
from tests.training.test_browser_session import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "motdepasse-123"
SCREENS = Path("/work/notes/screens")
LOGGED = {
    "count__community__female__18_35": 14,
    "count__community__male__under_18": 9,
    "count__police__female__over_35": 2,
}


def reached(page, base: str) -> str:
    page.goto(base + "/fr/events/programme/")
    return page.locator('[data-figure="reached"] strong').inner_text()


def test_a_validated_dialogue_raises_people_reached_by_its_count(phones, live_server, people, kankan, home_pages):
    base = live_server.url
    IndicatorTargetFactory(indicator="reached", value=1500)
    earlier = OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan, status="validated")
    HeadCountFactory(log=earlier, count=20)

    evaluator = phones()
    log_in(evaluator, base, people["evaluator"].username, PASSWORD)
    assert reached(evaluator, base) == "20"

    # The ambassador logs a dialogue: counts only, from the phone.
    ambassador = phones()
    log_in(ambassador, base, people["ambassador"].username, PASSWORD)
    ambassador.goto(base + "/fr/outreach/new/")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    ambassador.locator("#id_date").fill(yesterday.isoformat())
    expect(ambassador.locator("#id_prefecture")).to_have_value(str(kankan.pk))
    ambassador.locator("#id_locality").fill("Bordo")
    ambassador.locator('input[name=topics][value="recognising_trafficking"]').check()
    ambassador.locator('input[name=materials][value="leaflet"]').check()
    for name, count in LOGGED.items():
        ambassador.locator(f"input[name={name}]").fill(str(count))
    ambassador.locator("#id_referrals").fill("1")
    assert ambassador.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    ambassador.screenshot(path=str(SCREENS / "outreach-form-360.png"), full_page=True)
    ambassador.locator(".outreach-form button[type=submit]").click()
    log = OutreachLog.objects.get(locality="Bordo")
    expect(ambassador).to_have_url(base + f"/fr/outreach/{log.pk}/")
    expect(ambassador.locator('[data-figure="reached"]')).to_have_text("25")
    assert reached(evaluator, base) == "20"  # not yet validated

    # The coordinator of the region validates it.
    coordinator = phones()
    log_in(coordinator, base, people["coordinator"].username, PASSWORD)
    coordinator.goto(base + "/fr/outreach/review/")
    coordinator.locator(f'a[href="/fr/outreach/{log.pk}/"]').click()
    coordinator.locator('input[name=status][value="validated"]').check()
    coordinator.locator("form.review button[type=submit]").click()
    expect(coordinator).to_have_url(base + "/fr/outreach/review/")
    log.refresh_from_db()
    assert log.status == "validated"

    assert reached(evaluator, base) == str(20 + sum(LOGGED.values()))


def test_the_dashboard_of_the_demo_fits_a_phone(seeded_demo, phones, live_server):
    base = live_server.url
    page = phones()
    log_in(page, base, "evaluateur", "demo-evaluateur")
    page.goto(base + "/fr/events/programme/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "dashboard-360.png"), full_page=False)
    page.screenshot(path=str(SCREENS / "dashboard-360-full.png"), full_page=True)
    assert page.locator('[data-figure="reached"] strong').inner_text() != ""
