"""Issue 19: each role's main path, walked on a 360×640 phone in French and English by tapping only the
obvious next link or button on each page (found by its role and name in the page's language, as a person
would: no address typed after login). On every page: its heading, nothing scrolls sideways, and axe finds
no WCAG A/AA violation.

The editor's path is Wagtail's admin; it is walked by tests/browser/test_course_journey.py.
Landing pages and their first link are in tests/browser/test_role_landing.py.
"""

import re
import tempfile
from pathlib import Path

import pytest
import yaml
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import Locator, Page, expect

from assessments.models import Question
from tests.field.test_accessibility import axe_violations
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
WAIT = 15_000  # ms: a failing step fails fast, the whole file stays within minutes
LANGUAGES = ["fr", "en"]
SHOTS = Path(tempfile.gettempdir()) / "shots" / "walks"
ACTIVITY_LESSON = (
    Path(__file__).resolve().parents[2] / "courses/content/demo/securite-humaine/appliquer-l-approche-a-la-traite.yaml"
)


def words(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


@pytest.fixture
def phone(seeded_demo, programme_questionnaire, browser, live_server):
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


def demo_activity(language: str) -> tuple[str, list[str]]:
    """The title and right answers of the last demo lesson's activity, as its content file gives them."""
    lesson = yaml.safe_load(ACTIVITY_LESSON.read_text(encoding="utf-8"))[language]
    activity = next(block["h5p"] for block in lesson["body"] if "h5p" in block)
    questions = activity["content"]["questions"]
    return activity["title"], [next(a["text"] for a in q["answers"] if a["correct"]) for q in questions]


def answer_as_taught(page: Page, language: str) -> None:
    """Answers every question of the test on the page as the lessons taught (the bank's key), by tapping,
    ticking, choosing and typing, as a trainee does."""
    for fieldset in page.locator("fieldset.question").all():
        question = Question.objects.get(pk=fieldset.get_attribute("data-question"))
        key, kind = question.key, question.kind
        if kind in ("single", "true_false"):
            fieldset.locator(f'input[type=radio][value="{key["correct"]}"]').check()
        elif kind == "multiple":
            for box in fieldset.locator("input[type=checkbox]").all():
                box.set_checked(box.get_attribute("value") in key["correct"])
        elif kind == "matching":
            for left, right in key["pairs"].items():
                fieldset.locator(f'select[name$="_{left}"]').select_option(right)
        elif kind == "ordering":
            for position, option in enumerate(key["order"], start=1):
                fieldset.locator(f'input[name$="_{option}"]').fill(str(position))
        elif kind == "short":
            fieldset.locator("input[type=text], textarea").first.fill(question.content[language]["accepted"][0])
        else:
            raise ValueError(kind)


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainee_reads_on_passes_the_post_test_and_gets_the_certificate(phone, language, eager_tasks):
    """Dashboard → the lesson to continue → next lesson → the last lesson, whose "done" says which
    activity to pass first → the activity, played in its frame → back to the module, all lessons done →
    the post-test → its start → the answers handed in → "passed" and the certificate to download.
    The certificate task runs in the live server's thread (eager_tasks); the real-worker issuing is
    proved by tests/certificates and tests/faults."""
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
    back = main.get_by_role("button", name=words("Terminé, retour au module", "Done, back to the module")[language])
    tap(back)
    title, right_answers = demo_activity(language)
    expect(main.get_by_role("status").filter(has_text=title)).to_be_visible()
    arrive(page, language, last, seen)
    # The activity, in its own frame, in the page's language.
    activity = page.frame_locator("iframe.h5p-frame")
    for right in right_answers:
        activity.get_by_role("radio", name=right, exact=True).check()
    tap(activity.get_by_role("button", name=words("Vérifier", "Check")[language]))
    expect(page.locator("[data-h5p-status]")).to_have_text(words("Résultat enregistré.", "Result saved.")[language])
    # The frame grows with the feedback and moves the button: pressed from the keyboard.
    back.press("Enter")
    module = words("L'approche de sécurité humaine", "The human security approach")[language]
    arrive(page, language, module, seen)
    expect(main.locator("progress")).to_have_attribute("value", "100")
    tap(main.locator(".tests").get_by_role("link", name=words("Post-test", "Post-test")[language], exact=True))
    arrive(page, language, re.compile(r"\S"), seen)
    tap(main.get_by_role("button", name=words("Commencer le test", "Start the test")[language]))
    expect(page.locator("fieldset.question").first).to_be_visible()
    seen.append((page.url, axe_violations(page)))
    answer_as_taught(page, language)
    tap(main.get_by_role("button", name=words("Remettre mes réponses", "Hand in my answers")[language]))
    expect(main.get_by_text(words("Vous avez réussi.", "You passed.")[language])).to_be_visible()
    arrive(page, language, re.compile(r"\S"), seen)
    certificate = main.get_by_role(
        "link", name=words("Télécharger votre attestation (PDF)", "Download your certificate (PDF)")[language]
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"trainee-result-{language}-360x640.png"), full_page=True)
    expect(certificate).to_be_visible()
    with page.expect_download() as downloaded:
        certificate.click()
    assert Path(downloaded.value.path()).read_bytes()[:5] == b"%PDF-"
    # The result page's next step: the learners' own view of the module, anonymous.
    tap(main.get_by_role("link", name=words("Donner votre avis", "Give your view")[language]))
    arrive(page, language, re.compile(r"\S"), seen)
    for fieldset in main.locator("fieldset.likert").all():
        fieldset.get_by_text(words("D’accord", "Agree")[language], exact=True).click()
    tap(main.get_by_role("button", name=words("Envoyer mes réponses", "Send my answers")[language]))
    arrive(page, language, words("Merci", "Thank you")[language], seen)
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
