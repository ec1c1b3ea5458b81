"""Issue 21 §1 on the demo (seed_demo): about 70 % of the synthetic cohort took the follow-up test
and the rest are the attrition; the evaluator reads pre → post → follow-up on a 360×640 phone in
French and English, with no WCAG A/AA violation (axe) and nothing wider than the screen; a demo
trainee who took the post-test sees when their follow-up test opens. Screenshots: /tmp/shots/i21f/."""

import datetime
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Attempt, Test
from evaluation import synthetic
from lms.models import User
from tests.field.test_accessibility import AXE, axe_violations
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
SHOTS = Path(tempfile.gettempdir()) / "shots" / "i21f"


def test_seed_demo_gives_part_of_the_cohort_a_followup_once(seeded_demo_twice):
    synthetic_attempts = Attempt.objects.filter(user__username__startswith=synthetic.PREFIX)
    posts = synthetic_attempts.filter(test__kind=Test.Kind.POST).count()
    followups = synthetic_attempts.filter(test__kind=Test.Kind.FOLLOWUP).count()
    # Two runs, one follow-up per trainee at most; some attrition.
    assert 0.5 * posts < followups < 0.9 * posts
    assert Test.objects.filter(kind=Test.Kind.FOLLOWUP, course__slug=synthetic.DEMO_COURSE).count() == 1


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_evaluator_reads_the_followup_on_a_phone(seeded_demo, browser, live_server, language):
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale=f"{language}-GN", bypass_csp=True)
    page = context.new_page()
    log_in(page, live_server.url, "evaluateur", "demo-evaluateur", language=language)
    page.goto(f"{live_server.url}/{language}/evaluation/")
    heading = page.locator("#followup")
    expect(heading).to_have_text(
        "Suivi\u00a0: les acquis ont-ils duré\u00a0?" if language == "fr" else "Follow-up: did it last?"
    )
    section = page.locator("section.retention").first

    def figure(name: str) -> int:
        return int(section.locator(f"[data-field={name}]").inner_text())

    returned, missing, not_due = figure("n_returned"), figure("n_missing"), figure("n_not_due")
    matched = int(section.locator("dl.headline div").first.locator("dd").inner_text())
    assert returned + missing + not_due == matched and returned >= 50 and missing >= 10
    assert section.locator("[data-field=friedman_p]").inner_text() not in ("", "—")
    assert section.locator("table").count() == 4  # overall, attrition, by objective, by question
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    heading.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"report-followup-{language}-360.png"))
    section.screenshot(path=str(SHOTS / f"report-followup-section-{language}-360.png"))
    assert axe_violations(page) == []
    context.close()

    # The demo trainee took the post-test 100 days ago: the dashboard offers the follow-up test.
    followup = Test.objects.get(kind=Test.Kind.FOLLOWUP, course__slug=synthetic.DEMO_COURSE)
    post = Test.objects.get(kind=Test.Kind.POST, course=followup.course)
    trainee = User.objects.get(username="apprenant")
    Attempt.objects.filter(user=trainee, test=post).delete()
    Attempt.objects.create(
        user=trainee,
        test=post,
        form=post.forms.order_by("label").first(),
        status=Attempt.Status.SUBMITTED,
        finished_at=timezone.now() - datetime.timedelta(days=100),
        score=8.0,
        max_score=10.0,
    )
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale=f"{language}-GN", bypass_csp=True)
    page = context.new_page()
    log_in(page, live_server.url, "apprenant", "demo-apprenant", language=language)
    page.goto(f"{live_server.url}/{language}/dashboard/")
    link = page.locator(f"section.followup-notice a[href$='/tests/{followup.pk}/']")
    expect(link).to_be_visible()
    page.locator("section.followup-notice").screenshot(path=str(SHOTS / f"dashboard-followup-{language}-360.png"))
    page.screenshot(path=str(SHOTS / f"dashboard-{language}-360.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []
    link.click()
    expect(page).to_have_url(f"{live_server.url}/{language}/tests/{followup.pk}/")
    intro = "ce test montre ce que vous savez encore" if language == "fr" else "this test shows what you still know"
    expect(page.locator("main")).to_contain_text(intro)
    page.screenshot(path=str(SHOTS / f"followup-test-{language}-360.png"))
    context.close()
