"""Issue 17, item 2: H5P content plays in a sandboxed frame with its own policy, on a phone.

A package of our own whose library calls eval and new Function plays there and its score is stored,
while the same script is still refused by the lesson page's policy; inside the frame the site's
cookies and the lesson page are out of reach; a forged postMessage is ignored; a package that cannot
start shows a translated message instead of an empty box.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from courses import services
from courses.h5p.builder import SCENARIO_FOLDER, build_package, library_files
from courses.models import H5PResult
from tests.factories import UserFactory, course_tree
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
CONTENT = {
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
    "l10n": {"check": "Vérifier", "retry": "Recommencer", "score": "Votre score : :num sur :total"},
}
# What MultiChoice's EmbeddedJS does on loading, in our own library: refused by a policy without 'unsafe-eval'.
EVAL_PREFIX = b'window.lmsEvalRan = eval("1 + 1") + new Function("return 40")();\n'
CANNOT_START = (
    "Cette activité ne peut pas démarrer sur cet appareil : son contenu utilise quelque chose que ce site "
    "n'autorise pas ou n'a pas pu charger. Le reste de la leçon fonctionne sans elle."
)
SAVED = "Résultat enregistré."


def package_with_script(title: str, script: bytes):
    data = build_package(title=title, content=CONTENT, extra_files={f"{SCENARIO_FOLDER}/scenario.js": script})
    package, _created = services.h5p_package_import(source=data)
    return package


@pytest.fixture
def phone(browser, live_server):
    # No bypass_csp: the policies are what is tested.
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def enrolled_lesson(page: Page, base: str, package):
    course, lessons = course_tree(lessons=1, h5p_package=package)
    trainee = UserFactory()
    services.enrolment_create(user=trainee, course=course)
    log_in(page, base, trainee.username)
    page.goto(base + lessons[0].url)
    return trainee, lessons[0]


def test_a_package_that_calls_eval_plays_in_its_frame_and_nowhere_else(phone, live_server, home_pages):
    base = live_server.url
    scenario = library_files()["scenario.js"]
    trainee, lesson = enrolled_lesson(phone, base, package_with_script("Eval", EVAL_PREFIX + scenario))
    activity = phone.frame_locator("iframe.h5p-frame")
    expect(activity.get_by_role("radio", name="Oui")).to_be_visible()
    frame = next(f for f in phone.frames if "/h5p/play/" in f.url)

    # The package's eval and new Function ran, inside the frame.
    assert frame.evaluate("() => window.lmsEvalRan") == 42
    # The frame's origin is opaque: neither the site's cookies nor the lesson page are reachable.
    assert frame.evaluate("() => { try { return document.cookie; } catch (e) { return e.name; } }") == "SecurityError"
    assert frame.evaluate("() => { try { return parent.document.title; } catch (e) { return e.name; } }") == (
        "SecurityError"
    )
    assert "unsafe-eval" not in phone.request.get(base + lesson.url).headers["content-security-policy"]

    # The same script in the lesson page itself is refused by the site's policy.
    script_url = frame.evaluate("() => document.querySelector('script[data-files]').dataset.files")
    script_url += f"/{SCENARIO_FOLDER}/scenario.js"
    refused = phone.evaluate(
        """(url) => new Promise((resolve) => {
            window.addEventListener("error", (event) => resolve(event.message), {once: true});
            const script = document.createElement("script");
            script.src = url;
            document.head.appendChild(script);
        })""",
        script_url,
    )
    assert "EvalError" in refused, refused
    assert phone.evaluate("() => window.lmsEvalRan") is None

    # Forged results, from the lesson page itself and from another window, are ignored.
    iri = phone.locator("iframe.h5p-frame").get_attribute("data-h5p-iri")
    forged_id = str(uuid.uuid4())
    forged = {
        "lms": "h5p-frame",
        "type": "xapi",
        "statement": {
            "id": forged_id,
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"id": iri},
            "result": {"score": {"raw": 0, "max": 1}, "success": False},
        },
    }
    phone.evaluate("(message) => window.postMessage(message, '*')", forged)
    with phone.expect_popup() as opened:
        phone.evaluate("() => { window.open('/fr/'); }")
    popup = opened.value
    popup.wait_for_load_state()
    popup.evaluate("(message) => window.opener.postMessage(message, '*')", forged)
    popup.close()

    # The real answer, from the frame, is queued, sent and stored once.
    activity.get_by_role("radio", name="Oui").check()
    with phone.expect_response(lambda r: "/api/xapi/statements/" in r.url and r.request.method == "POST") as sent:
        activity.get_by_role("button", name="Vérifier").click()
    assert sent.value.ok
    expect(activity.get_by_text("Votre score : 1 sur 1")).to_be_visible()
    expect(phone.locator("[data-h5p-status]")).to_have_text(SAVED)
    answered = H5PResult.objects.get(user=trainee, lesson=lesson, verb=H5PResult.Verb.ANSWERED)
    assert (answered.raw, answered.max, answered.success) == (1, 1, True)
    assert not H5PResult.objects.filter(statement_id=forged_id).exists()


def test_a_package_that_cannot_start_says_so_in_the_trainees_language(phone, live_server, home_pages):
    enrolled_lesson(phone, live_server.url, package_with_script("Cassé", b'throw new Error("boom");\n'))
    expect(phone.get_by_text(CANNOT_START)).to_be_visible()
    expect(phone.locator("iframe.h5p-frame")).to_be_hidden()
    assert re.search(r"/h5p/play/", phone.locator("iframe.h5p-frame").get_attribute("src"))


def test_the_frame_asks_for_each_package_file_once_and_the_manifests_from_the_start(phone, live_server, home_pages):
    """On 2G every round trip costs 300 ms or more and the frame's opaque origin has no HTTP cache: the
    player's repeated reads of library.json are answered from the first, and the manifests it reads one
    after another are asked for by the frame's document before the player runs (preload)."""
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url) if "/h5p/t/" in request.url else None)
    scenario = library_files()["scenario.js"]
    enrolled_lesson(phone, live_server.url, package_with_script("Une fois", scenario))
    activity = phone.frame_locator("iframe.h5p-frame")
    expect(activity.get_by_role("radio", name="Oui")).to_be_visible()
    names = [url.rsplit("/h5p/t/", 1)[1].split("/", 3)[3] for url in requested]
    assert sorted(names) == sorted(set(names)), names
    assert {"h5p.json", "content/content.json", f"{SCENARIO_FOLDER}/library.json"} <= set(names)
    preloaded = phone.frame_locator("iframe.h5p-frame").locator('link[rel="preload"][as="fetch"]')
    hrefs = [href.rsplit("/", 1)[1] for href in preloaded.evaluate_all("links => links.map(l => l.href)")]
    assert sorted(hrefs) == ["content.json", "h5p.json", "library.json"]
