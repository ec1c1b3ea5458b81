"""The pre- and post-test on a phone (360×640), in French, with and without JavaScript.

With JavaScript: lessons stay locked until the pre-test is submitted; answers are saved one by one as
they are given, kept on the phone while the network is down and sent when it comes back; the trainee
changes phones half-way and finds the same attempt with every answer in place.
Without JavaScript: the same journey through the plain form ("Enregistrer et continuer plus tard").
Both end on the result page comparing the pre- and post-test, overall and per learning objective.
"""

import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from assessments.models import Attempt, Response
from courses.models import LessonProgress
from courses.services import enrolment_create
from tests.factories import RIGHT_ANSWERS, UserFactory, assessment_setup
from tests.login import log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

# Transactional: the live server runs in another thread and must see what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
PASSWORD = "motdepasse-123"

# Question references of tests.factories.QUESTIONS by kind (one question of each kind).
REFERENCE = {"single": "Q1", "true_false": "Q2", "multiple": "Q3", "matching": "Q4", "ordering": "Q5", "short": "Q6"}
KINDS = list(REFERENCE)
RIGHT = {kind: RIGHT_ANSWERS[reference] for kind, reference in REFERENCE.items()}

# The pre-test, answered as someone who has not had the lessons yet.
PRE_ANSWERS = {
    "single": "a",  # wrong: 0 / 1
    "true_false": "false",  # right: 1 / 1
    "multiple": ["a"],  # one of the two correct options, nothing wrong: 1 / 2
    "matching": {"1": "b", "2": "c"},  # one pair of two: 1 / 2
    "ordering": ["a", "b", "c"],  # none in its place: 0 / 2
    "short": "traite",  # not accepted: 0 / 1
}
PRE_SCORE, POST_SCORE, MAX_SCORE = 3, 9, 9
# Per learning objective (rows of the comparison, in the bank's order): pre %, post %.
OBJECTIVE_ROWS = [
    ["Objectif single", "0 %", "100 %"],
    ["Objectif true_false", "100 %", "100 %"],
    ["Objectif multiple", "50 %", "100 %"],
    ["Objectif matching", "50 %", "100 %"],
    ["Objectif ordering", "0 %", "100 %"],
    ["Objectif short", "0 %", "100 %"],
]
# Answered before changing phones (with JavaScript): two online, two offline.
FIRST_FOUR = ("single", "true_false", "matching", "short")
# Stored answers are trimmed (the form and the autosave script both strip the short answer).
STORED_RIGHT = {**RIGHT, "short": RIGHT["short"].strip()}

SAVED = "Enregistré."
ON_PHONE = "Enregistré sur ce téléphone, pas encore envoyé."
OFFLINE = "Pas de réseau : vos réponses restent sur ce téléphone et seront envoyées au retour du réseau."
ALL_SAVED = "Toutes vos réponses sont enregistrées."
SUPERSEDED = (
    "Pas enregistré : le serveur a déjà une réponse plus récente à cette question, "
    "venue d'une autre page ou d'un autre téléphone ; elle est affichée ici."
)


# --- Setup ----------------------------------------------------------------------------------------


@pytest.fixture
def module(home_pages):
    course, lessons, pre, post = assessment_setup()
    with translation.override("fr"):
        pre_url = reverse("assessments:test", kwargs={"test_id": pre.pk})
    return SimpleNamespace(course=course, lessons=lessons, pre=pre, post=post, pre_url=pre_url)


@pytest.fixture
def trainee(module):
    user = UserFactory(username="aissatou")
    enrolment_create(user=user, course=module.course)
    return user


@pytest.fixture
def new_phone(browser: Browser, live_server):
    """Opens a fresh phone (own cookies and localStorage) in French; returns (context, page)."""
    contexts: list[BrowserContext] = []

    def open_phone(*, javascript: bool = True) -> tuple[BrowserContext, Page]:
        # bypass_csp: Playwright's string predicates (wait_for_function) and injected axe are eval and
        # inline scripts, which the pages' CSP refuses; the CSP is tested in tests/security/test_headers.py.
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, locale="fr-FR", java_script_enabled=javascript, bypass_csp=True
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return context, page

    yield open_phone
    for context in contexts:
        context.close()


# --- The test form ----------------------------------------------------------------------------------


def question(page: Page, kind: str) -> Locator:
    return page.locator(f'fieldset.question[data-kind="{kind}"]')


def saved_note(page: Page, kind: str) -> Locator:
    return question(page, kind).locator("[data-saved-for]")


def answer(page: Page, kind: str, value) -> None:
    """Answers one question as a trainee does: tap, tick, choose, type."""
    fieldset = question(page, kind)
    if kind in ("single", "true_false"):
        fieldset.locator(f'input[type=radio][value="{value}"]').check()
    elif kind == "multiple":
        for box in fieldset.locator("input[type=checkbox]").all():
            box.set_checked(box.get_attribute("value") in value)
    elif kind == "matching":
        for left, right in value.items():
            fieldset.locator(f'select[name$="_{left}"]').select_option(right)
    elif kind == "ordering":
        # Options are shown shuffled: type each one's position; Tab leaves the last field (a change).
        for position, option in enumerate(value, start=1):
            fieldset.locator(f'input[name$="_{option}"]').fill(str(position))
        fieldset.locator(f'input[name$="_{value[-1]}"]').press("Tab")
    elif kind == "short":
        fieldset.get_by_label("Votre réponse").fill(value)
    else:
        raise ValueError(kind)


def expect_answer_in_place(page: Page, kind: str, value) -> None:
    """The form shows the saved answer (rendered by the server: works with and without JavaScript)."""
    fieldset = question(page, kind)
    if kind in ("single", "true_false"):
        expect(fieldset.locator(f'input[type=radio][value="{value}"]')).to_be_checked()
        expect(fieldset.locator("input[type=radio]:checked")).to_have_count(1)
    elif kind == "multiple":
        for box in fieldset.locator("input[type=checkbox]").all():
            expect(box).to_be_checked(checked=box.get_attribute("value") in value)
    elif kind == "matching":
        for left, right in value.items():
            expect(fieldset.locator(f'select[name$="_{left}"]')).to_have_value(right)
    elif kind == "ordering":
        for position, option in enumerate(value, start=1):
            expect(fieldset.locator(f'input[name$="_{option}"]')).to_have_value(str(position))
    elif kind == "short":
        expect(fieldset.get_by_label("Votre réponse")).to_have_value(value.strip())


def start_test(page: Page, heading: str) -> None:
    """From a test's introduction page: start, and land on the form."""
    page.get_by_role("button", name="Commencer le test").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(page.locator("fieldset.question")).to_have_count(len(KINDS))


def stored_answers(attempt: Attempt) -> dict[str, object]:
    """The attempt's saved answers by question kind (ticked boxes sorted); fails on a duplicate row."""
    rows = list(Response.objects.filter(attempt=attempt).select_related("question"))
    # Ticked boxes come in the order shown, and options are shown shuffled.
    by_kind = {row.question.kind: sorted(row.answer) if row.question.kind == "multiple" else row.answer for row in rows}
    assert len(by_kind) == len(rows), "two responses to one question"
    return by_kind


# --- The journey after the pre-test ---------------------------------------------------------------


def expect_pre_result(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Votre résultat\s?: Pré-test$"))
    expect(page.locator(".score")).to_have_text(f"{PRE_SCORE} points sur {MAX_SCORE} (33 %)")
    expect(page.get_by_text("Merci. Les leçons sont ouvertes maintenant.")).to_be_visible()


def lessons_then_post_test(page: Page, module) -> None:
    """From the pre-test's result: both lessons, then the post-test answered right, to its result."""
    page.get_by_role("link", name="Aller aux leçons").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.course.title)
    # The post-test is not open yet: the lessons come first.
    expect(page.locator(".tests")).to_contain_text("Le post-test s'ouvre quand vous avez terminé les leçons")

    page.get_by_role("link", name="Leçon 1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leçon 1")
    page.get_by_role("button", name="Terminé, leçon suivante").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leçon 2")
    page.get_by_role("button", name="Terminé, retour au module").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.course.title)
    expect(page.locator("progress")).to_have_attribute("value", "100")

    page.locator(".tests").get_by_role("link", name="Post-test", exact=True).click()
    expect(page.get_by_text("Ce test termine le module. Il faut 70 % pour réussir.")).to_be_visible()
    start_test(page, "Post-test")
    for kind in KINDS:
        answer(page, kind, RIGHT[kind])
    # Tapped straight after typing the short answer: the tap blurs that field, whose "saved" note
    # changes under the finger. The tap must still hand the test in (it once moved the button away).
    page.get_by_role("button", name="Remettre mes réponses").click()


def expect_pre_post_comparison(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Votre résultat\s?: Post-test$"))
    expect(page.locator(".score")).to_have_text(f"{POST_SCORE} points sur {MAX_SCORE} (100 %)")
    expect(page.get_by_text("Vous avez réussi.")).to_be_visible()
    expect(page.get_by_role("heading", name="Avant et après le module")).to_be_visible()
    table = page.locator("table.compare")
    expect(table.locator("thead th")).to_have_text(["Objectif d'apprentissage", "Pré-test", "Post-test"])
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(1 + len(OBJECTIVE_ROWS))
    expect(rows.first.locator("th, td")).to_have_text(["Test entier", "33 %", "100 %"])
    for index, expected in enumerate(OBJECTIVE_ROWS, start=1):
        expect(rows.nth(index).locator("th, td")).to_have_text(expected)
    # Side by side on a 360 px screen: the table fits, the page does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def assert_database_after_both_tests(trainee, module) -> None:
    pre = Attempt.objects.filter(user=trainee, test=module.pre)
    post = Attempt.objects.filter(user=trainee, test=module.post)
    assert [a.status for a in pre] == [Attempt.Status.SUBMITTED]
    assert [a.status for a in post] == [Attempt.Status.SUBMITTED]
    pre_attempt, post_attempt = pre.get(), post.get()
    assert (pre_attempt.score, pre_attempt.max_score) == (PRE_SCORE, MAX_SCORE)
    assert (post_attempt.score, post_attempt.max_score) == (POST_SCORE, MAX_SCORE)
    assert pre_attempt.submission_key is not None and post_attempt.submission_key is not None
    assert stored_answers(pre_attempt) == PRE_ANSWERS
    assert stored_answers(post_attempt) == STORED_RIGHT
    assert Response.objects.filter(attempt__user=trainee).count() == 2 * len(KINDS)
    assert LessonProgress.objects.filter(enrolment__user=trainee, completed_at__isnull=False).count() == 2


# --- The tests ------------------------------------------------------------------------------------


def test_pre_test_offline_resume_then_lessons_and_post_test(new_phone, live_server, module, trainee):
    base = live_server.url
    context, page = new_phone()
    log_in(page, base, trainee.username)

    # Lessons are locked until the pre-test is submitted: lesson 1 sends the trainee to it.
    page.goto(base + module.lessons[0].url)
    expect(page).to_have_url(base + module.pre_url)
    expect(page.get_by_role("status")).to_have_text(
        "Commencez par le pré-test : il montre ce que vous savez déjà. Les leçons s'ouvrent juste après."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Pré-test")
    start_test(page, "Pré-test")
    attempt = Attempt.objects.get(user=trainee, test=module.pre, status=Attempt.Status.OPEN)

    # Two answers online: each is saved as it is given.
    for kind in ("single", "true_false"):
        answer(page, kind, PRE_ANSWERS[kind])
        expect(saved_note(page, kind)).to_have_text(SAVED)
    status = page.locator("[data-sync-status]")
    expect(status).to_have_text(ALL_SAVED)

    # The network drops: two more answers stay on the phone.
    context.set_offline(True)
    for kind in ("matching", "short"):
        answer(page, kind, PRE_ANSWERS[kind])
    page.wait_for_function("window.lmsAnswers.pending() === 2")  # the short answer waits for typing to stop
    expect(status).to_have_text(OFFLINE)
    for kind in ("matching", "short"):
        expect(saved_note(page, kind)).to_have_text(ON_PHONE)
    assert page.evaluate("window.lmsAnswers.pending()") > 0
    assert set(stored_answers(attempt)) == {"single", "true_false"}
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # long notes stay in view
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "test-page-fr-360x640.png"))

    # The network is back: they are sent without the trainee doing anything.
    context.set_offline(False)
    page.wait_for_function("window.lmsAnswers.pending() === 0", timeout=20_000)
    expect(status).to_have_text(ALL_SAVED)
    for kind in ("matching", "short"):
        expect(saved_note(page, kind)).to_have_text(SAVED)
    assert stored_answers(attempt) == {kind: PRE_ANSWERS[kind] for kind in FIRST_FOUR}

    # Another phone: the same attempt, with the four answers in place.
    page.close()
    _context, page = new_phone()
    log_in(page, base, trainee.username)
    page.goto(base + module.pre_url)
    expect(page.locator("form.test-form")).to_have_attribute("data-attempt", str(attempt.pk))
    for kind in FIRST_FOUR:
        expect_answer_in_place(page, kind, PRE_ANSWERS[kind])
    expect(question(page, "multiple").locator("input:checked")).to_have_count(0)
    assert page.evaluate("window.lmsAnswers.pending()") == 0
    for kind in ("multiple", "ordering"):
        answer(page, kind, PRE_ANSWERS[kind])
    page.get_by_role("button", name="Remettre mes réponses").click()

    expect_pre_result(page)
    assert Attempt.objects.filter(user=trainee, test=module.pre).count() == 1
    lessons_then_post_test(page, module)
    expect_pre_post_comparison(page)
    page.screenshot(path=str(SCREENSHOTS / "result-fr-360x640.png"), full_page=True)

    assert_database_after_both_tests(trainee, module)


def test_the_same_journey_without_javascript(new_phone, live_server, module, trainee):
    base = live_server.url
    _context, page = new_phone(javascript=False)
    log_in(page, base, trainee.username)

    page.goto(base + module.lessons[0].url)
    expect(page).to_have_url(base + module.pre_url)
    expect(page.get_by_role("status")).to_contain_text("Commencez par le pré-test")
    start_test(page, "Pré-test")
    attempt = Attempt.objects.get(user=trainee, test=module.pre, status=Attempt.Status.OPEN)

    # Some answers, then "save and continue later": the plain form posts them. (The ordering fields are
    # prefilled 1, 2, 3, so the form always posts an order; it is answered here on purpose.)
    first = ("single", "true_false", "matching", "ordering", "short")
    for kind in first:
        answer(page, kind, PRE_ANSWERS[kind])
    page.get_by_role("button", name="Enregistrer et continuer plus tard").click()
    expect(page.get_by_role("status")).to_have_text(
        "Vos réponses sont enregistrées. Vous pouvez revenir plus tard pour terminer."
    )
    assert stored_answers(attempt) == {kind: PRE_ANSWERS[kind] for kind in first}
    page.goto(base + "/fr/")

    # Another phone, still without JavaScript: the answers are in place.
    page.close()
    _context, page = new_phone(javascript=False)
    log_in(page, base, trainee.username)
    page.goto(base + module.pre_url)
    expect(page.locator("form.test-form")).to_have_attribute("data-attempt", str(attempt.pk))
    for kind in first:
        expect_answer_in_place(page, kind, PRE_ANSWERS[kind])
    expect(question(page, "multiple").locator("input:checked")).to_have_count(0)
    answer(page, "multiple", PRE_ANSWERS["multiple"])
    page.get_by_role("button", name="Remettre mes réponses").click()

    expect_pre_result(page)
    lessons_then_post_test(page, module)
    expect_pre_post_comparison(page)

    assert_database_after_both_tests(trainee, module)


@pytest.mark.parametrize("hours", [-1, 1], ids=["phone-clock-an-hour-behind", "phone-clock-an-hour-ahead"])
def test_saved_is_shown_only_for_what_the_server_stored_whatever_the_phone_clock(
    new_phone, live_server, module, trainee, hours
):
    """Answers, "save and continue later" (the server orders those answers), back again, a change:
    "Saved." appears once the change is the stored answer, and a reload shows what the database holds."""
    base = live_server.url
    _context, page = new_phone()
    skew_ms = hours * 3600 * 1000
    page.add_init_script(f"(() => {{ const real = Date.now; Date.now = () => real.call(Date) + {skew_ms}; }})();")
    log_in(page, base, trainee.username)
    page.goto(base + module.pre_url)
    start_test(page, "Pré-test")
    attempt = Attempt.objects.get(user=trainee, test=module.pre, status=Attempt.Status.OPEN)
    phone_clock_ms = page.evaluate("Date.now()")
    assert abs(phone_clock_ms - time.time() * 1000 - skew_ms) < 60_000, "the phone's clock is not skewed"

    first = {"single": PRE_ANSWERS["single"], "short": PRE_ANSWERS["short"]}
    for kind, value in first.items():
        answer(page, kind, value)
        expect(saved_note(page, kind)).to_have_text(SAVED)
    page.get_by_role("button", name="Enregistrer et continuer plus tard").click()
    expect(page.get_by_role("status")).to_have_text(
        "Vos réponses sont enregistrées. Vous pouvez revenir plus tard pour terminer."
    )
    assert {kind: stored_answers(attempt)[kind] for kind in first} == first

    # Later: back to the test, the answers changed one by one.
    page.goto(base + "/fr/")
    page.goto(base + module.pre_url)
    for kind, value in first.items():
        expect_answer_in_place(page, kind, value)
    changed = {"single": RIGHT["single"], "short": RIGHT["short"]}
    for kind, value in changed.items():
        answer(page, kind, value)
        expect(saved_note(page, kind)).to_have_text(SAVED)
        # "Saved." is shown: the server holds this answer now.
        assert stored_answers(attempt)[kind] == STORED_RIGHT[kind]
    expect(page.locator("[data-sync-status]")).to_have_text(ALL_SAVED)

    # A reload (or another phone, or the time running out) finds the newest answers.
    page.reload()
    for kind, value in changed.items():
        expect_answer_in_place(page, kind, value)
    assert {kind: stored_answers(attempt)[kind] for kind in changed} == {k: STORED_RIGHT[k] for k in changed}


def test_two_phones_on_one_attempt_show_saved_only_for_the_answer_the_server_keeps(
    new_phone, live_server, module, trainee
):
    """Both phones number their changes from what the server held when their page opened, so their
    numbers meet. An answer kept on a phone from an earlier visit loses to a later one from the other
    phone: the phone says so and shows the server's. An answer given on the open page after the other
    phone's is sent again, numbered after it, and is the one kept."""
    base = live_server.url
    context_a, page_a = new_phone()
    log_in(page_a, base, trainee.username)
    page_a.goto(base + module.pre_url)
    start_test(page_a, "Pré-test")
    attempt = Attempt.objects.get(user=trainee, test=module.pre, status=Attempt.Status.OPEN)
    # Phone A, offline, answers; the answer waits on it while the trainee puts it away.
    context_a.set_offline(True)
    answer(page_a, "single", "a")
    page_a.wait_for_function("window.lmsAnswers.pending() === 1")
    page_a.close()
    context_a.set_offline(False)

    # Phone B answers the same question later, online.
    _context_b, page_b = new_phone()
    log_in(page_b, base, trainee.username)
    page_b.goto(base + module.pre_url)
    answer(page_b, "single", "c")
    expect(saved_note(page_b, "single")).to_have_text(SAVED)

    # Phone A again: its older answer is not stored, and it says so, showing the server's.
    page_a = context_a.new_page()
    page_a.goto(base + module.pre_url)
    expect(saved_note(page_a, "single")).to_have_text(SUPERSEDED)
    expect_answer_in_place(page_a, "single", "c")
    page_a.wait_for_function("window.lmsAnswers.pending() === 0")
    assert stored_answers(attempt)["single"] == "c"

    # Phone B changes it again, then phone A (whose page opened before that change): A's is the latest.
    answer(page_b, "single", "b")
    expect(saved_note(page_b, "single")).to_have_text(SAVED)
    assert stored_answers(attempt)["single"] == "b"
    answer(page_a, "single", "a")
    expect(saved_note(page_a, "single")).to_have_text(SAVED)
    assert stored_answers(attempt)["single"] == "a"
    page_b.reload()
    expect_answer_in_place(page_b, "single", "a")
