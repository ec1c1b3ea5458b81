"""Issue 17, item 1: the whole trainee journey on the English site, with a required H5P activity.

Enrol → pre-test → lesson 1 (its required activity plays in its frame; before it is passed, "done" is
refused and names the activity in English) → lesson 2 → post-test → certificate, all under /en/.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from certificates.models import Certificate
from courses.models import H5PResult, LessonProgress
from tests.browser.test_test_journey import KINDS, RIGHT, answer, question
from tests.factories import CertificateRuleFactory, UserFactory, assessment_setup, h5p_package, translate_course
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
CONTENT = {
    "scenario": "<p>Awa is offered a job abroad, travel paid.</p>",
    "questions": [
        {
            "text": "Is this a possible indicator of trafficking?",
            "answers": [
                {"text": "Yes", "correct": True, "feedback": "An offer too good should alert."},
                {"text": "No", "correct": False, "feedback": "Look at who pays for the journey."},
            ],
        }
    ],
}


@pytest.fixture
def english_module(home_pages):
    course, lessons, pre, post = assessment_setup(h5p_package=h5p_package(content=CONTENT))
    CertificateRuleFactory(course=course)
    course_en, lessons_en = translate_course(course, lessons, titles={"Scénario": "Awa's case"})
    return course, course_en, lessons_en, pre, post


def answer_everything_right(page: Page) -> None:
    for kind in KINDS:
        if kind == "short":
            question(page, kind).get_by_label("Your answer").fill(RIGHT[kind])
        else:
            answer(page, kind, RIGHT[kind])
    page.get_by_role("button", name="Hand in my answers").click()


def test_the_whole_journey_in_english_with_a_required_activity(browser, live_server, english_module, eager_tasks):
    course, course_en, lessons_en, _pre, _post = english_module
    base = live_server.url
    trainee = UserFactory(username="awa-en", preferred_language="en")
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    log_in(page, base, trainee.username, language="en")

    # Enrol on the English module page: the lessons wait for the pre-test.
    page.goto(base + course_en.url)
    page.get_by_role("button", name="Enrol and start").click()
    expect(page).to_have_url(re.compile(r"/en/tests/\d+/"))
    page.get_by_role("button", name="Start the test").click()
    answer_everything_right(page)
    expect(page.get_by_text("Thank you. The lessons are open now.")).to_be_visible()
    page.get_by_role("link", name="Go to the lessons").click()
    expect(page).to_have_url(base + course_en.url)

    # Lesson 1, in English, with its required activity.
    page.get_by_role("link", name="Lesson 1", exact=True).click()
    expect(page).to_have_url(base + lessons_en[0].url)
    expect(page.get_by_role("heading", level=3)).to_contain_text("Awa's case")
    page.get_by_role("button", name="Done, next lesson").click()
    expect(page.get_by_role("status").first).to_have_text("To complete this lesson, first pass: Awa's case.")
    activity = page.frame_locator("iframe.h5p-frame")
    activity.get_by_role("radio", name="Yes").check()
    with page.expect_response(lambda r: "/api/xapi/statements/" in r.url and r.request.method == "POST") as sent:
        activity.get_by_role("button", name="Check").click()
    assert sent.value.ok
    expect(activity.get_by_text("Your score: 1 of 1")).to_be_visible()
    expect(page.locator("[data-h5p-status]")).to_have_text("Result saved.")
    # The frame grows with the activity's feedback and pushes the button down: pressed from the
    # keyboard, which does not depend on where the button stands at that instant.
    page.get_by_role("button", name="Done, next lesson").press("Enter")
    expect(page).to_have_url(base + lessons_en[1].url)
    page.get_by_role("button", name="Done, back to the module").click()
    expect(page).to_have_url(base + course_en.url)
    expect(page.locator("progress")).to_have_attribute("value", "100")

    # Post-test, then the certificate.
    page.locator(".tests").get_by_role("link", name="Post-test", exact=True).click()
    page.get_by_role("button", name="Start the test").click()
    answer_everything_right(page)
    expect(page.get_by_text("You passed.")).to_be_visible()
    # The certificate task runs in the live server's thread (eager_tasks): this test is about the
    # English pages; the real-worker issuing is proved by tests/certificates and tests/faults.
    page.goto(base + "/en/certificates/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My certificates")
    expect(page.locator(".certificates .card")).to_have_count(1)

    assert H5PResult.objects.filter(user=trainee, lesson_id=lessons_en[0].get_translation(course.locale).pk).exists()
    assert LessonProgress.objects.filter(enrolment__user=trainee, completed_at__isnull=False).count() == 2
    assert Certificate.objects.filter(enrolment__user=trainee).count() == 1
    context.close()
