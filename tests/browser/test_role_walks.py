"""Issue 19: each role's main path, walked on a 360×640 phone in French and English by tapping only the
obvious next link or button on each page (found by its role and name in the page's language, as a person
would: no address typed after login). On every page: its heading, nothing scrolls sideways, and axe finds
no WCAG A/AA violation.

The editor's path is Wagtail's admin; it is walked by tests/browser/test_course_journey.py.
Landing pages and their first link are in tests/browser/test_role_landing.py.
"""

import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import Locator, Page, expect

from tests.field.test_accessibility import axe_violations
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
WAIT = 15_000  # ms: a failing step fails fast, the whole file stays within minutes
LANGUAGES = ["fr", "en"]


def words(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


@pytest.fixture
def phone(seeded_demo, browser, live_server):
    """Logs a demo account in on a fresh phone; gives the page and a step checker."""
    contexts = []

    def open_as(username: str, password: str, language: str) -> Page:
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, locale=f"{language}-GN", bypass_csp=True, service_workers="block"
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT)
        log_in(page, live_server.url, username, password, language=language)
        return page

    yield open_as
    for context in contexts:
        context.close()


def arrive(page: Page, language: str, heading: str | re.Pattern, seen: list) -> None:
    """The page is in `language`, shows `heading`, fits the phone's width, and axe finds nothing."""
    expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{language}"), timeout=WAIT)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading, timeout=WAIT)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width)
    seen.append((page.url, axe_violations(page)))


def tap(target: Locator) -> None:
    expect(target).to_be_visible(timeout=WAIT)
    target.click()


def no_violations(seen: list) -> dict:
    return {url: found for url, found in seen if found}


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainee_reads_on_to_the_post_test(phone, language):
    """Dashboard → the lesson to continue → next lesson → the last lesson → "done" there says which
    activity to pass first → the module. The demo trainee has not passed that activity (H5P, played in
    tests/browser/test_h5p_frame.py), so the post-test is not open yet; the other module is completed
    with its certificate (tests/browser/test_test_journey.py walks a test to its certificate)."""
    page = phone("apprenant", "demo-apprenant", language)
    seen: list = []
    main = page.get_by_role("main")
    arrive(page, language, words("Mes modules", "My modules")[language], seen)
    tap(main.get_by_role("link", name=re.compile(words("^Continuer", "^Continue")[language])))
    next_lesson = main.get_by_role("button", name=words("Terminé, leçon suivante", "Done, next lesson")[language])
    for _lesson in range(2):
        arrive(page, language, re.compile(r"\S"), seen)
        heading = page.get_by_role("heading", level=1).inner_text()
        tap(next_lesson)
        expect(page.get_by_role("heading", level=1)).not_to_have_text(heading)
    arrive(page, language, re.compile(r"\S"), seen)
    last = page.get_by_role("heading", level=1).inner_text()
    # The last lesson asks for its activity first: the page says so and stays.
    tap(main.get_by_role("button", name=words("Terminé, retour au module", "Done, back to the module")[language]))
    expect(main.get_by_role("status")).to_be_visible(timeout=WAIT)
    arrive(page, language, last, seen)
    module = words("L'approche de sécurité humaine", "The human security approach")[language]
    tap(main.get_by_role("link", name=module, exact=True))
    arrive(page, language, module, seen)
    assert no_violations(seen) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainer_takes_attendance_and_opens_the_pre_test(phone, language):
    """Sessions → the session → today's attendance → back to the session → open the pre-test."""
    page = phone("formateur", "demo-formateur", language)
    seen: list = []
    main = page.get_by_role("main")
    arrive(page, language, words("Sessions de formation", "Training sessions")[language], seen)
    tap(main.get_by_role("link", name=re.compile("^DEMO1")))
    arrive(page, language, re.compile("^DEMO1"), seen)
    with translation.override(language):
        today = date_format(timezone.localdate(), "WEEKDAY_DATE_FORMAT")
    tap(main.get_by_role("link", name=today, exact=True))
    arrive(page, language, words("Présence · ", "Attendance · ")[language] + today, seen)
    tap(main.get_by_role("link", name="DEMO1", exact=True))
    arrive(page, language, re.compile("^DEMO1"), seen)
    tap(main.get_by_role("button", name=words("Ouvrir le pré-test", "Open the pre-test")[language]))
    arrive(page, language, re.compile("^DEMO1"), seen)
    expect(main.get_by_role("button", name=words("Fermer le pré-test", "Close the pre-test")[language])).to_be_visible()
    assert no_violations(seen) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_coordinator_goes_from_the_figures_to_a_session(phone, language):
    """Regional figures → the region's sessions → a session."""
    page = phone("coordinateur", "demo-coordinateur", language)
    seen: list = []
    main = page.get_by_role("main")
    arrive(page, language, words("Chiffres des formations", "Training figures")[language], seen)
    tap(main.get_by_role("link", name=words("Les sessions de la région", "The region's sessions")[language]))
    arrive(page, language, words("Sessions de formation", "Training sessions")[language], seen)
    tap(main.get_by_role("link", name=re.compile("^DEMO1")))
    arrive(page, language, re.compile("^DEMO1"), seen)
    assert no_violations(seen) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_evaluator_goes_from_the_indicators_to_a_filtered_report(phone, language):
    """Programme indicators → the pre/post evaluation report → the report for one module."""
    page = phone("evaluateur", "demo-evaluateur", language)
    seen: list = []
    main = page.get_by_role("main")
    arrive(page, language, words("Indicateurs du programme", "Programme indicators")[language], seen)
    report = words("Évaluation pré/post", "Pre/post evaluation")[language]
    tap(main.get_by_role("link", name=report))
    arrive(page, language, report, seen)
    module = main.get_by_label(words("Module", "Module")[language])
    chosen = module.locator("option").nth(1).get_attribute("value")
    module.select_option(chosen)
    tap(main.get_by_role("button", name=words("Appliquer", "Apply")[language]))
    expect(page).to_have_url(re.compile(f"course={chosen}"))
    arrive(page, language, report, seen)
    expect(main.get_by_label(words("Module", "Module")[language])).to_have_value(chosen)
    assert no_violations(seen) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_ambassador_logs_a_dialogue_and_is_back_at_the_list(phone, language):
    """Outreach list → log a dialogue (form) → the dialogue logged → back to the list, which shows it."""
    page = phone("ambassadeur", "demo-ambassadeur", language)
    seen: list = []
    main = page.get_by_role("main")
    listing = words("Mes dialogues", "My dialogues")[language]
    arrive(page, language, listing, seen)
    new = words("Enregistrer un dialogue communautaire", "Log a community dialogue")[language]
    tap(main.get_by_role("link", name=new))
    arrive(page, language, new, seen)
    main.get_by_label(words("Date du dialogue", "Date of the dialogue")[language]).fill(
        timezone.localdate().isoformat()
    )
    main.get_by_label(words("Préfecture", "Prefecture")[language]).select_option(label="Kankan")
    main.get_by_label(words("Localité", "Locality")[language]).fill("Balandou")
    main.get_by_label(words("Migration sûre", "Safe migration")[language]).check()
    main.locator("input.count").first.fill("12")  # who came: at least one person
    tap(main.get_by_role("button", name=words("Envoyer la fiche", "Send the log")[language]))
    arrive(page, language, re.compile(words("^Dialogue communautaire", "^Community dialogue")[language]), seen)
    tap(main.get_by_role("link", name=listing))
    arrive(page, language, listing, seen)
    expect(main.get_by_role("link", name=re.compile(r"Balandou \(Kankan\)"))).to_be_visible()
    assert no_violations(seen) == {}
