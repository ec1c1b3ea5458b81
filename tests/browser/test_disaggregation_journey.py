"""Issue 21, section 2, end to end with the demo data on a 360×640 phone, in French and English: the
evaluator reads the report by sex and by age band and filters it to one sex; the indicators page gives
direct beneficiaries by sex and age band; a trainee answers the optional questions on their account.
axe finds no WCAG A/AA violation on any of these pages. Screenshots go to /tmp/shots/i21d/."""

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lms.models import User
from tests.field.test_accessibility import AXE, axe_violations
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
SHOTS = Path(tempfile.gettempdir()) / "shots" / "i21d"
LABELS = {"fr": ("Par sexe", "Femmes et filles", "Non renseigné"), "en": ("By sex", "Women and girls", "Not stated")}


def _phone(browser, language):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, locale=f"{language}-GN", bypass_csp=True, service_workers="block"
    )
    return context, context.new_page()


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_report_and_the_indicators_by_sex_and_age_band(seeded_demo, browser, live_server, language):
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_server.url
    found = {}
    context, page = _phone(browser, language)
    log_in(page, base, "evaluateur", "demo-evaluateur", language=language)
    page.goto(f"{base}/{language}/evaluation/")
    by_sex = page.locator("table[data-breakdown=sex]")
    caption, women, not_stated = LABELS[language]
    expect(by_sex.locator("caption")).to_have_text(caption)
    women_row = by_sex.locator("tr", has_text=women)
    expect(women_row.locator("[data-field=n]")).to_be_visible()
    expect(by_sex.locator("tr", has_text=not_stated)).to_have_count(1)
    expect(page.locator("table[data-breakdown=age_band] tbody tr")).to_have_count(4)
    women_n = int(women_row.locator("[data-field=n]").inner_text())
    assert women_n >= 5
    page.locator("#disaggregated").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"report-{language}.png"), full_page=True)
    page.locator("#disaggregated + p + .groups").screenshot(path=str(SHOTS / f"report-by-sex-{language}.png"))
    _fits(page)
    found["report"] = axe_violations(page)
    # Filtered to women: the headline counts the women the breakdown gave.
    page.select_option("select[name=sex]", "female")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**sex=female**")
    expect(page.locator("[data-field=n]").first).to_have_text(str(women_n))
    found["filtered"] = axe_violations(page)

    page.goto(f"{base}/{language}/events/programme/")
    section = page.locator("#beneficiaries-by-sex-and-age")
    expect(section.locator("table[data-breakdown=sex] tbody tr")).to_have_count(3)
    expect(section.locator("table[data-breakdown=age_band] tbody tr")).to_have_count(4)
    section.screenshot(path=str(SHOTS / f"indicators-{language}.png"))
    _fits(page)
    found["indicators"] = axe_violations(page)
    context.close()

    context, page = _phone(browser, language)
    log_in(page, base, "apprenant", "demo-apprenant", language=language)
    page.goto(f"{base}/{language}/account/")
    page.locator("input[name=sex][value=female]").check()
    page.locator("input[name=age_band][value='18_35']").check()
    page.locator("#groups").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"account-{language}.png"), full_page=True)
    _fits(page)
    found["account"] = axe_violations(page)
    page.locator("form[action$='/account/groups/'] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("input[name=sex][value=female]")).to_be_checked()
    user = User.objects.get(username="apprenant")
    assert (user.sex, user.age_band) == ("female", "18_35")
    context.close()
    assert {key: value for key, value in found.items() if value} == {}
