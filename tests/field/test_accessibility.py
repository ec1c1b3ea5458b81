"""axe-core (npm, node_modules/axe-core) on every trainee and trainer page, in French and English:
no violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules, at 360×640."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page

from assessments import services
from tests.browser.test_test_journey import PHONE
from tests.field.audio import give_lesson_key_point, give_question_clips
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page: Page) -> list[str]:
    """The WCAG A/AA violations axe finds on the page as it is now ("rule: first targets").

    Only violations are read, so axe is told so (`resultTypes`): it then builds the CSS selectors of
    every node for violations only, not for the passed and incomplete checks. The rules run and the
    violations found are the same."""
    # Colour contrast is read from what is drawn: wait until every finite animation or transition
    # (the admin's messages slide and fade in) has ended, never measure mid-fade.
    page.wait_for_function(
        """() => document.getAnimations().every((a) => a.playState !== 'running'
            || a.effect.getComputedTiming().endTime === Infinity)"""
    )
    page.add_script_tag(path=str(AXE))
    options = "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}"
    return page.evaluate(
        f"tags => axe.run(document, {options}).then(r => r.violations.map("
        "v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | ')))",
        TAGS,
    )


def violations(browser: Browser, state, url: str) -> list[str]:
    # axe is injected as an inline script, which the pages' Content-Security-Policy refuses (lms/csp.py).
    context = browser.new_context(viewport=PHONE, is_mobile=True, storage_state=state, bypass_csp=True)
    page = context.new_page()
    response = page.goto(url)
    assert response.status == 200 and page.url == url, (url, response.status, page.url)
    found = axe_violations(page)
    context.close()
    return found


def logged_in(browser: Browser, base: str, username: str):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    log_in(page, base, username)
    state = context.storage_state()
    context.close()
    return state


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
def test_no_axe_violations_on_trainee_and_trainer_pages(browser, live_server, shared_room):
    base = live_server.url
    trainee, pre, course = shared_room["people"][0], shared_room["pre"], shared_room["course"]
    code = shared_room["session"].code
    day = timezone.localdate().isoformat()
    attempt, _created = services.attempt_start(user=trainee, test=pre)
    # Pages with "listen" controls: a question and a choice with clips, a lesson key point with one.
    give_question_clips("Q1")
    give_lesson_key_point(shared_room["lessons"][0])
    trainee_state = logged_in(browser, base, trainee.username)
    trainer_state = logged_in(browser, base, shared_room["trainer"].username)
    found = {}
    for language in ("fr", "en"):
        course_url = course.url if language == "fr" else course.url.replace("/fr/", "/en/", 1)
        trainee_pages = [
            f"/{language}/",
            f"/{language}/dashboard/",
            f"/{language}/tests/{pre.pk}/",
            f"/{language}/offline/",
            f"/{language}/offline/pin/",
            f"/{language}/accounts/password/change/",
            f"/{language}/certificates/",
            f"/{language}/account/",
            f"/{language}/account/data/",
        ]
        trainer_pages = [
            f"/{language}/sessions/",
            f"/{language}/sessions/{code}/",
            f"/{language}/sessions/{code}/live/",
            f"/{language}/sessions/{code}/days/{day}/",
            f"/{language}/sessions/{code}/summary/",
            f"/{language}/sessions/new/",
            f"/{language}/sessions/{code}/tests/{pre.pk}/paper-results/",
            f"/{language}/accounts/2fa/",
            f"/{language}/account/",
        ]
        if language == "fr":
            trainer_pages.append(course_url)
            trainee_pages += [course.get_parent().url, course_url]
        found[("anonymous", f"/{language}/accounts/login/")] = violations(
            browser, None, f"{base}/{language}/accounts/login/"
        )
        found[("anonymous", "/verify/")] = violations(browser, None, f"{base}/verify/")
        for url in trainee_pages:
            found[("trainee", url)] = violations(browser, trainee_state, base + url)
        for url in trainer_pages:
            found[("trainer", url)] = violations(browser, trainer_state, base + url)
    services.attempt_submit(user=trainee, attempt_id=attempt.pk)
    found[("trainee", "result")] = violations(browser, trainee_state, base + f"/fr/attempts/{attempt.pk}/")
    found[("trainee", "lesson")] = violations(browser, trainee_state, base + shared_room["lessons"][0].url)
    # The lesson with its listen control open and its "keep for offline reading" control shown.
    context = browser.new_context(viewport=PHONE, is_mobile=True, storage_state=trainee_state, bypass_csp=True)
    page = context.new_page()
    page.goto(base + shared_room["lessons"][0].url)
    page.locator("details.listen summary").first.click()
    page.locator("[data-keep] button").wait_for()
    found[("trainee", "lesson, listening")] = axe_violations(page)
    context.close()
    assert {key: value for key, value in found.items() if value} == {}


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
def test_no_axe_violations_on_the_evaluators_report(browser, live_server, module):
    """The evaluator's report with data (headline, four charts, every table, a session breakdown),
    every <details> table opened, in French and English."""
    from evaluation import synthetic
    from lms import roles
    from lms.models import User
    from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory

    synthetic.generate(course_id=module["course"].pk, trainees=80)
    session = TrainingSessionFactory(code="EVAL1", courses=[module["course"]])
    for user in User.objects.filter(username__startswith=synthetic.PREFIX).order_by("pk")[:30]:
        ParticipantFactory(session=session, user=user)
    evaluator = UserFactory(username="evaluatrice", role=roles.EVALUATOR)
    state = logged_in(browser, live_server.url, evaluator.username)
    found = {}
    for language in ("fr", "en"):
        # The sessions' programme figures are the evaluator's other page.
        found[f"{language} programme"] = violations(browser, state, f"{live_server.url}/{language}/sessions/programme/")
        context = browser.new_context(viewport=PHONE, is_mobile=True, storage_state=state, bypass_csp=True)
        page = context.new_page()
        assert page.goto(f"{live_server.url}/{language}/evaluation/").status == 200
        assert page.locator("svg.chart").count() == 4 and page.locator("[data-breakdown=session] tbody tr").count()
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        found[language] = axe_violations(page)
        context.close()
    assert found == {"fr": [], "en": [], "fr programme": [], "en programme": []}
