"""Issue 17, items 2 and 4 on both sites, on a phone: a non-scored activity plays and counts as done once
opened, and a package that cannot start says so in the page's language instead of leaving an empty box.
"""

import pytest
from playwright.sync_api import Page, expect

from courses import services
from courses.h5p.builder import SCENARIO_FOLDER, build_package
from courses.models import LessonProgress
from tests.courses.test_h5p_package import runnable_library
from tests.factories import UserFactory, course_tree, translate_course
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
# A content type that only shows things (H5P.Dialogcards is known never to send a score), written here
# as a minimal runnable library: it shows its card text and never reports a score.
CARDS_JS = b"""
var H5P = H5P || {};
H5P.Dialogcards = function (params) {
    H5P.EventDispatcher.call(this);
    this.attach = function ($container) {
        var card = document.createElement("p");
        card.className = "lms-card";
        card.textContent = params.text;
        $container.get(0).appendChild(card);
    };
};
H5P.Dialogcards.prototype = Object.create(H5P.EventDispatcher.prototype);
H5P.Dialogcards.prototype.constructor = H5P.Dialogcards;
"""
TEXT = {
    "fr": {
        "card": "Une offre trop belle doit alerter.",
        "no_score": "Cette activité ne donne pas de score : elle compte comme faite dès que vous l'avez ouverte.",
        "done": "Terminé, retour au module",
        "cannot_start": (
            "Cette activité ne peut pas démarrer sur cet appareil : son contenu utilise quelque chose que ce "
            "site n'autorise pas ou n'a pas pu charger. Le reste de la leçon fonctionne sans elle."
        ),
    },
    "en": {
        "card": "An offer too good should alert.",
        "no_score": "This activity gives no score: it counts as done once you have opened it.",
        "done": "Done, back to the module",
        "cannot_start": (
            "This activity cannot start on this device: its content uses something this site does not allow "
            "or could not load. The rest of the lesson works without it."
        ),
    },
}


def imported(data: bytes):
    package, _created = services.h5p_package_import(source=data)
    return package


def lesson_in(language: str, package):
    """A one-lesson module holding `package` with the block's default "required" choice, in `language`."""
    course, lessons = course_tree(lessons=1, h5p_package=package)
    if language == "en":
        course, lessons = translate_course(course, lessons, titles={"Scénario": "Cards"})
    trainee = UserFactory(preferred_language=language)
    services.enrolment_create(user=trainee, course=course)
    return course, lessons[0], trainee


def open_lesson(browser, base: str, language: str, trainee, lesson) -> tuple[Page, object]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale={"fr": "fr-FR", "en": "en-GB"}[language])
    page = context.new_page()
    page.set_default_timeout(20_000)
    log_in(page, base, trainee.username, language=language)
    page.goto(base + lesson.url)
    return page, context


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_non_scored_activity_plays_and_counts_as_done_once_opened(browser, live_server, home_pages, language):
    text = TEXT[language]
    package = imported(
        build_package(
            title="Cartes",
            content={"text": text["card"]},
            main_library="H5P.Dialogcards",
            libraries=runnable_library("H5P.Dialogcards", CARDS_JS),
        )
    )
    assert package.reports_score is False
    course, lesson, trainee = lesson_in(language, package)
    page, context = open_lesson(browser, live_server.url, language, trainee, lesson)

    expect(page.frame_locator("iframe.h5p-frame").locator(".lms-card")).to_have_text(text["card"])
    expect(page.get_by_text(text["no_score"])).to_be_visible()
    expect(page.locator("iframe.h5p-frame")).to_have_attribute("data-h5p-outcome", "ready")
    # Nothing was scored, and the lesson is done all the same.
    page.get_by_role("button", name=text["done"]).click()
    expect(page).to_have_url(live_server.url + course.url)
    expect(page.locator("progress")).to_have_attribute("value", "100")
    assert LessonProgress.objects.filter(enrolment__user=trainee, completed_at__isnull=False).count() == 1
    context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_package_that_cannot_start_says_so_in_the_pages_language(browser, live_server, home_pages, language):
    broken = build_package(
        title="Cassé", content={}, extra_files={f"{SCENARIO_FOLDER}/scenario.js": b'throw new Error("boom");\n'}
    )
    _course, lesson, trainee = lesson_in(language, imported(broken))
    page, context = open_lesson(browser, live_server.url, language, trainee, lesson)

    expect(page.get_by_text(TEXT[language]["cannot_start"])).to_be_visible()
    expect(page.locator("iframe.h5p-frame")).to_be_hidden()
    context.close()
