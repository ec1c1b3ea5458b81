"""A module's whole life on a phone, in French: an editor builds it in the Wagtail admin, a trainee takes it.

Part A (editor, Wagtail admin at 360×640): upload an .h5p package, create a module and two lessons
(one with an H5P activity), publish, translate the module into English with wagtail-localize.
Part B (trainee, 360×640): enrol, play the H5P activity while the network drops the first results,
see them reach the server, move through the lessons, resume, finish, and find the activity restored.
"""

import re
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from courses.h5p.builder import build_package
from courses.models import CourseIndexPage, CoursePage, H5PPackage, H5PResult, LessonPage
from lms import demo
from tests.factories import UserFactory
from tests.login import log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

# Transactional: the live server runs in another thread and must see what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
PACKAGE_TITLE = "Scénario test"
MODULE = "Reconnaître la traite"
MODULE_EN = "Recognising trafficking"
LESSON_1 = "Les indicateurs"
LESSON_2 = "Se protéger"
SAVED = "Résultat enregistré."
PENDING = "Enregistré sur ce téléphone"


# --- Setup ----------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(home_pages):
    """The French catalogue and its English translation, made by code (as tests/factories.py does).

    The English one must exist for wagtail-localize to put the module's translation under it.
    """
    fr = home_pages["fr"].add_child(
        instance=CourseIndexPage(title="Modules", slug="modules", locale=Locale.objects.get(language_code="fr"))
    )
    fr.save_revision().publish()
    en = fr.copy_for_translation(Locale.objects.get(language_code="en"))
    en.save_revision().publish()
    return fr


DIAGNOSIS = """() => ({
    url: location.href,
    dialogs: [...document.querySelectorAll('[role=dialog], dialog')]
        .filter((d) => d.offsetParent !== null || d.open)
        .map((d) => d.textContent.trim().replace(/\\s+/g, ' ').slice(0, 300)),
    inert: [...document.querySelectorAll('[inert], [aria-hidden=true]')].map((e) => e.id || e.className).slice(0, 10),
    body_buttons: [...document.querySelectorAll('#panel-child-contenu-body-section button')]
        .map((b) => (b.textContent.trim() || b.title || b.getAttribute('aria-label') || '').replace(/\\s+/g, ' '))
        .filter(Boolean).slice(0, 40),
    blocks: [...document.querySelectorAll('#panel-child-contenu-body-section [data-contentpath]')]
        .map((b) => b.dataset.contentpath).slice(0, 40),
    status: [...document.querySelectorAll('[role=status]')].map((e) => e.textContent.trim().replace(/\\s+/g, ' ')),
})"""


@pytest.fixture
def new_phone(browser, live_server, request):
    """Opens a fresh phone (own cookies and localStorage) set to French, like the trainees' phones.

    The Wagtail admin speaks the browser's language when the editor has chosen none, so the locale
    also puts the admin in French.
    """
    contexts = []

    def open_phone() -> Page:
        context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_phone
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        # What each phone showed when the test failed (printed with the failure in CI's log).
        out = Path(__file__).resolve().parents[2] / "test-results"
        out.mkdir(exist_ok=True)
        for number, context in enumerate(contexts):
            for page in context.pages:
                print(f"phone {number}:", page.evaluate(DIAGNOSIS))
                page.screenshot(path=str(out / f"course-journey-phone-{number}.png"), full_page=True)
    for context in contexts:
        context.close()


@pytest.fixture
def h5p_file(tmp_path) -> Path:
    path = tmp_path / "scenario-test.h5p"
    path.write_bytes(
        build_package(
            title=PACKAGE_TITLE,
            content={
                "scenario": "<p>Awa reçoit une offre d'emploi à l'étranger, voyage payé.</p>",
                "questions": [
                    {
                        "text": "Est-ce un indicateur possible de traite ?",
                        "answers": [
                            {"text": "Oui", "correct": True, "feedback": "Une offre trop belle doit alerter."},
                            {"text": "Non", "correct": False, "feedback": "Regardez qui paie le voyage."},
                        ],
                    }
                ],
                "l10n": {
                    "check": "Vérifier",
                    "retry": "Recommencer",
                    "score": "Votre score : :num sur :total",
                    "correct": "Bonne réponse",
                    "incorrect": "Réponse incorrecte",
                },
            },
        )
    )
    return path


# --- Part A: the editor in the Wagtail admin --------------------------------------------------------


def upload_h5p_package(page: Page, base: str, h5p_file: Path) -> None:
    page.goto(base + "/admin/")
    # At phone width the sidebar hides behind its toggle.
    page.get_by_role("button", name="Afficher/masquer la barre latérale").click()
    page.get_by_role("link", name="Paquets H5P").click()
    page.get_by_role("link", name="Ajouter un(e) Paquet H5P").first.click()
    # The title stays empty: the one inside the package is used.
    page.locator("input[type=file][name=package_file]").set_input_files(h5p_file)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status").first).to_contain_text(re.compile(rf"Paquet H5P\W+{PACKAGE_TITLE}\W+créé"))
    expect(page.get_by_role("link", name=PACKAGE_TITLE)).to_be_visible()


# True once Wagtail's autosave has caught up with the editor form: what the form holds now is what the
# last autosave sent (w-unsaved's snapshot, taken after each successful autosave) and no autosave is
# pending or in flight (w-autosave's submitPromise covers the debounce, the request and the hydration).
AUTOSAVE_CAUGHT_UP = """() => {
    const form = document.querySelector("form[data-controller~='w-autosave']");
    if (!form) return true;  // autosave disabled (WAGTAIL_AUTOSAVE_INTERVAL = 0)
    const unsaved = window.wagtail.app.getControllerForElementAndIdentifier(form, "w-unsaved");
    const autosave = window.wagtail.app.getControllerForElementAndIdentifier(form, "w-autosave");
    return Boolean(unsaved && autosave && unsaved.initialFormData !== undefined
        && unsaved.formData === unsaved.initialFormData && !autosave.submitPromise);
}"""


def publish(page: Page) -> None:
    """The page editor's footer: "Publier" sits in the "Plus d'actions" drop-up.

    Wagtail autosaves the editor form in the background (WAGTAIL_AUTOSAVE_INTERVAL, 500 ms after an
    edit): its first save creates the page as a draft and turns the form into the edit form. Publishing
    while that save is pending or in flight posts the create form a second time, and Wagtail refuses
    it ("La page ne peut être créée du fait d'erreurs de validation": the slug is already taken by the
    draft). So publish only once the autosave has caught up with everything typed.
    """
    page.wait_for_function(AUTOSAVE_CAUGHT_UP)
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier", exact=True).click()


def form_errors(page: Page) -> list[str]:
    """The page editor's validation errors, each with the field it belongs to (its id), for failures."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.w-field__errors, .error-message, .help-critical')]
            .filter((element) => element.textContent.trim())
            .map((element) => {
                const field = element.closest('[data-field-wrapper], [data-contentpath], .w-field');
                const name = element.id || (field && (field.dataset.contentpath || field.id)) || element.className;
                return `${name}: ${element.textContent.trim().replace(/\\s+/g, ' ')}`;
            })"""
    )


def expect_published(page: Page, title: str) -> None:
    status = page.get_by_role("status").first
    try:
        # Wagtail puts non-breaking spaces inside the French quotes: match around them. Published from
        # the create form, or from the edit form once an autosave has created the draft.
        expect(status).to_contain_text(re.compile(rf"[Pp]age\W+{title}\W+(créée et publiée|a été publiée)"))
    except AssertionError:
        # Say which fields Wagtail refused, not only that it refused the form.
        message = " ".join(status.text_content().split()) if status.count() else "(no status message)"
        raise AssertionError(f"{title!r} was not published: {message!r}; field errors: {form_errors(page)}") from None


def create_module(page: Page, base: str, catalogue: CourseIndexPage) -> CoursePage:
    page.goto(f"{base}/admin/pages/{catalogue.pk}/")
    # A catalogue only takes modules: Wagtail goes straight to the module form.
    page.get_by_role("link", name="Ajouter une sous-page", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/courses/coursepage/"))
    fill_title(page, MODULE)
    page.get_by_role("textbox", name="Résumé").fill("Les signes qui doivent alerter, et qui prévenir.")
    # Objectives take one block type only: "+" adds the block without a menu.
    page.locator("#panel-child-contenu-objectives-section").get_by_title("Insérer un bloc").click()
    page.locator("input[name='objectives-0-value']").fill("Repérer les indicateurs de la traite.")
    publish(page)
    expect_published(page, MODULE)
    return CoursePage.objects.get(title=MODULE, locale__language_code="fr")


def add_rich_text(page: Page, text: str) -> None:
    body = page.locator("#panel-child-contenu-body-section")
    body.get_by_title("Insérer un bloc").last.click()
    page.get_by_role("option", name="Texte").click()
    body.get_by_role("textbox").last.click()  # the Draftail editor just added
    page.keyboard.type(text)
    # Draftail copies what was typed into the block's hidden input (its JSON) 250 ms after the last key
    # (a debounce), and nothing flushes it on submit: publishing before that sends an empty block,
    # which Wagtail refuses ("Ce champ est requis"). Wait for the input to hold the text. Draftail
    # marks its input with `rawContentState`.
    page.wait_for_function(
        """text => [...document.querySelectorAll("#panel-child-contenu-body-section input")]
            .some((input) => input.rawContentState !== undefined && input.value.includes(text))""",
        arg=text,
    )


def add_h5p_activity(page: Page, title: str) -> None:
    body = page.locator("#panel-child-contenu-body-section")
    body.get_by_title("Insérer un bloc").last.click()
    page.get_by_role("option", name="Activité H5P").click()
    body.locator("input[name$='-value-title']").fill(title)
    # "Automatic" (required, as this package gives a score) and a pass mark of 50 % are the block's
    # defaults; the mark is set anyway, it matters below.
    expect(body.locator("select[name$='-value-required']")).to_have_value("auto")
    body.locator("input[name$='-value-pass_percentage']").fill("50")
    body.get_by_role("button", name="Choisir Paquet H5P").click()
    page.get_by_role("dialog").get_by_role("link", name=PACKAGE_TITLE).click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(body.get_by_text(PACKAGE_TITLE)).to_be_visible()


def fill_title(page: Page, title: str) -> None:
    """Type the page title and wait for Wagtail's script to derive the slug from it.

    Under load the slug is filled a moment after the title; publishing before that fails validation.
    """
    field = page.get_by_placeholder("Titre de la page*")
    field.fill(title)
    field.blur()
    expect(page.locator("#id_slug")).not_to_have_value("")


def add_lessons(page: Page, course: CoursePage) -> tuple[LessonPage, LessonPage]:
    # Publishing the module left us on the catalogue's listing.
    page.get_by_role("link", name=re.compile(f"Ajouter une sous-page à .*{MODULE}")).click()
    fill_title(page, LESSON_1)
    add_rich_text(page, "Une offre d'emploi trop belle pour être vraie est un indicateur.")
    add_h5p_activity(page, "Le cas d'Awa")
    publish(page)
    expect_published(page, LESSON_1)

    # Now on the module's listing.
    page.get_by_role("link", name="Ajouter une sous-page", exact=True).click()
    fill_title(page, LESSON_2)
    add_rich_text(page, "Gardez vos papiers et donnez une adresse à vos proches.")
    publish(page)
    expect_published(page, LESSON_2)

    lesson_1, lesson_2 = LessonPage.objects.child_of(course).live().order_by("path")
    assert (lesson_1.title, lesson_2.title) == (LESSON_1, LESSON_2)
    assert [block.block_type for block in lesson_1.body] == ["rich_text", "h5p"]
    activity = lesson_1.body[1].value
    assert activity["package"] == H5PPackage.objects.get(title=PACKAGE_TITLE)
    assert (activity["required"], activity["pass_percentage"]) == ("auto", 50)
    return lesson_1, lesson_2


def translate_module_into_english(page: Page, base: str, course: CoursePage) -> CoursePage:
    page.goto(f"{base}/admin/pages/{course.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Traduire cette page").click()
    page.get_by_label("Anglais").check()
    page.get_by_label(re.compile("Inclure le sous-arbre")).check()  # the two lessons
    page.get_by_role("button", name="Soumettre").click()
    # wagtail-localize's translation editor, one segment per translatable text.
    expect(page.get_by_role("heading", name="Français to Anglais translation").first).to_be_visible()
    for source, translation in [
        (MODULE, MODULE_EN),
        ("Les signes qui doivent alerter, et qui prévenir.", "The signs to watch for, and whom to tell."),
        ("Repérer les indicateurs de la traite.", "Spot the indicators of trafficking."),
    ]:
        # The innermost list item holding the source text is its segment.
        segment = page.locator("li").filter(has=page.get_by_text(source, exact=True)).last
        segment.get_by_role("button", name="Traduire", exact=True).click()
        segment.locator("textarea").fill(translation)
        segment.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(segment.get_by_text(translation, exact=True)).to_be_visible()
    page.get_by_role("button", name=re.compile("Publier dans")).click()
    # Some segments (slug, SEO title) stay untranslated: the page is published with them in French.
    expect(page.get_by_text(re.compile(f"{MODULE_EN}.*publié"))).to_be_visible()
    return CoursePage.objects.get(translation_key=course.translation_key, locale__language_code="en")


def assert_public_page(base: str, url: str, text: str) -> None:
    """Fetched anonymously: the English module is really published, not just visible to editors."""
    with urllib.request.urlopen(base + url) as response:  # noqa: S310 - the live server's own URL
        assert response.status == 200
        assert text in response.read().decode()


# --- Part B: the trainee -----------------------------------------------------------------------------


def enrol(page: Page, base: str, catalogue: CourseIndexPage) -> None:
    page.goto(base + catalogue.url)
    page.get_by_role("link", name=MODULE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MODULE)
    page.get_by_role("button", name="M'inscrire et commencer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON_1)


def answer_while_the_network_drops_the_first_sends(page: Page) -> list[str]:
    """Answers the activity; the first two result sends fail as on a patchy 2G link.

    Returns what happened to each send ("aborted" or "sent").
    """
    sends: list[str] = []

    def flaky_network(route):
        if len(sends) < 2:
            sends.append("aborted")
            route.abort()
        else:
            sends.append("sent")
            route.continue_()

    page.route("**/api/xapi/statements/", flaky_network)
    activity = page.frame_locator("iframe.h5p-frame")  # the activity plays in its sandboxed frame
    status = page.locator("[data-h5p-status]")
    activity.get_by_role("radio", name="Oui").check()
    # The player saves the resume state right after an answer; wait for it, lesson 1 comes back later.
    with page.expect_response(lambda r: "/api/h5p/state/" in r.url and r.request.method == "POST") as state:
        activity.get_by_role("button", name="Vérifier").click()
    assert state.value.ok
    expect(activity.get_by_text("Votre score : 1 sur 1")).to_be_visible()
    # First kept on the phone only…
    expect(status).to_contain_text(PENDING)
    # …then sent once the back-off (2 s, 4 s, …) reaches a working network.
    expect(status).to_have_text(SAVED, timeout=30_000)
    # Saved is shown once the queue has given its statement to the server (the activity sends one).
    assert page.evaluate("window.lmsXapiQueue.size()") == 0
    return sends


def assert_results_stored_once(trainee, lesson: LessonPage, sends: list[str]) -> None:
    assert sends.count("aborted") >= 2, sends
    results = H5PResult.objects.filter(user=trainee, lesson=lesson)
    # Retries after failures must not store a statement twice.
    assert results.filter(verb=H5PResult.Verb.ANSWERED).count() == 1
    assert results.filter(verb=H5PResult.Verb.COMPLETED).count() <= 1
    answered = results.get(verb=H5PResult.Verb.ANSWERED)
    assert (answered.raw, answered.max, answered.success) == (1, 1, True)


def leave_and_resume(page: Page, base: str, course: CoursePage, lesson: LessonPage) -> None:
    page.goto(base + "/fr/")
    page.goto(base + course.url)
    page.get_by_role("link", name=re.compile(f"Continuer.*{LESSON_2}")).click()
    expect(page).to_have_url(base + lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON_2)


def test_editor_builds_a_module_and_a_trainee_takes_it_on_a_phone(new_phone, live_server, catalogue, h5p_file):
    base = live_server.url

    # Part A, at 360×640 like the trainees: the editors also work from their phones.
    demo.seed_accounts()
    editor = new_phone()
    log_in(editor, base, "editeur", "demo-editeur")
    upload_h5p_package(editor, base, h5p_file)
    course = create_module(editor, base, catalogue)
    lesson_1, lesson_2 = add_lessons(editor, course)
    course_en = translate_module_into_english(editor, base, course)
    assert course_en.live and course_en.url.startswith("/en/")
    assert_public_page(base, course_en.url, MODULE_EN)

    # Part B: a trainee on another phone.
    trainee = UserFactory(username="mariama")
    page = new_phone()
    log_in(page, base, "mariama", "motdepasse-123")
    enrol(page, base, catalogue)
    # h5p-standalone has drawn the activity in its frame.
    expect(page.frame_locator("iframe.h5p-frame").get_by_role("radio", name="Oui")).to_be_visible()
    sends = answer_while_the_network_drops_the_first_sends(page)
    assert_results_stored_once(trainee, lesson_1, sends)
    assert page.evaluate("window.lmsXapiQueue.size()") == 0

    # The activity is passed, so lesson 1 may be marked done (pressed from the keyboard: the frame,
    # growing with the feedback, may move the button under a pointer).
    page.get_by_role("button", name="Terminé, leçon suivante").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON_2)
    leave_and_resume(page, base, course, lesson_2)
    page.get_by_role("button", name="Terminé, retour au module").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MODULE)
    expect(page.locator("progress")).to_have_attribute("value", "100")

    # Back to lesson 1: the player restores the answer from the saved resume state.
    page.get_by_role("link", name=LESSON_1).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON_1)
    restored = page.frame_locator("iframe.h5p-frame")
    expect(restored.get_by_role("radio", name="Oui")).to_be_checked()
    expect(restored.get_by_text("Votre score : 1 sur 1")).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "lesson-h5p-fr-360x640.png"), full_page=True)
