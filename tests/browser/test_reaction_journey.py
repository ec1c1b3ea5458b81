"""The learners' own view end to end at 360×640: a trainee answers the reaction questionnaire from the
dashboard in French, another in English (the fifth answer releases the session's group), then the
evaluator reads the session's summary with the open answers masked, in both languages; axe finds no
WCAG A/AA violation on the form or the summary. Screenshots go to /tmp/shots/i21r/."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from evaluation.reaction import services
from evaluation.reaction.models import ReactionAnswer
from lms import roles
from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory, assessment_setup, prepost_results
from tests.field.test_accessibility import AXE, axe_violations
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
SHOTS = Path(tempfile.gettempdir()) / "shots" / "i21r"
ALL_RIGHT = [1, 1, 1, 1, 1, 1]
LABELS = {
    "fr": ("Tout à fait d’accord", "D’accord", "Envoyer mes réponses", "Merci", "Donner votre avis"),
    "en": ("Strongly agree", "Agree", "Send my answers", "Thank you", "Give your view"),
}


@pytest.fixture
def room(home_pages, programme_questionnaire):
    course, _lessons, pre, post = assessment_setup()
    trainer = UserFactory(username="formatrice-web", display_name="Mariama Camara", role=roles.TRAINER)
    session = TrainingSessionFactory(code="CKY26", title="Conakry avril", trainer=trainer, courses=[course])
    names = ["Alpha Soumah", "Binta Keïta", "Ousmane Bangoura", "Saran Kouyaté", "Yaya Fofana"]
    people = [UserFactory(username=f"web-apprenant{i}", display_name=name) for i, name in enumerate(names)]
    for person in people:
        ParticipantFactory(session=session, user=person)
    prepost_results(
        course=course, pre=pre, post=post, trainees=[{"user": p, "pre": ALL_RIGHT, "post": ALL_RIGHT} for p in people]
    )
    for person in people[2:]:
        services.reaction_submit(
            user=person,
            course_id=course.pk,
            ratings={"relevance": 4, "confidence": 4, "trainer": 5, "conditions": 3},
            comment="",
        )
    return {"course": course, "session": session, "people": people}


def _phone(browser, base: str, username: str, language: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale=f"{language}-GN", bypass_csp=True)
    page = context.new_page()
    log_in(page, base, username, language=language)
    return context, page


def _answer(page, language: str, comment: str) -> list[str]:
    """From the dashboard's invitation, answer every statement (strongly agree, then agree...) and
    write the open answer; axe findings on the dashboard and the form before sending."""
    strongly, agree, send, thanks, invitation = LABELS[language]
    page.goto(page.url.split(f"/{language}/")[0] + f"/{language}/dashboard/")
    expect(page.locator(".reaction-invitation")).to_be_visible()
    found = axe_violations(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"reaction-dashboard-{language}-360x640.png"), full_page=True)
    page.get_by_role("link", name=re.compile(invitation)).first.click()
    expect(page.locator("fieldset.likert")).to_have_count(4)
    found += axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for index, fieldset in enumerate(page.locator("fieldset.likert").all()):
        fieldset.get_by_text(strongly if index % 2 == 0 else agree, exact=True).click()
    page.locator("textarea").fill(comment)
    page.screenshot(path=str(SHOTS / f"reaction-form-{language}-360x640.png"), full_page=True)
    page.get_by_role("button", name=send).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(thanks)
    return found


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
def test_trainees_answer_and_the_evaluator_reads_the_masked_summary(browser, live_server, room):
    base = live_server.url
    found = {}
    for person, language, comment in [
        (room["people"][0], "fr", "Très utile. Merci à Binta Keïta, joignable au +224 621 00 11 22."),
        (room["people"][1], "en", "Useful; call Alpha on 664123456 for the follow-up."),
    ]:
        context, page = _phone(browser, base, person.username, language)
        found[("form", language)] = _answer(page, language, comment)
        # Answered once: the dashboard no longer offers it, and the address thanks again.
        page.goto(f"{base}/{language}/dashboard/")
        expect(page.locator(".reaction-invitation")).to_have_count(0)
        context.close()
    assert ReactionAnswer.objects.filter(released=True).count() == 5

    evaluator = UserFactory(username="evaluatrice-web", role=roles.EVALUATOR)
    for language in ("fr", "en"):
        context, page = _phone(browser, base, evaluator.username, language)
        page.goto(f"{base}/{language}/evaluation/reactions/")
        section = page.locator("section.reaction-session")
        expect(section).to_have_count(1)
        expect(section.get_by_role("heading", level=2)).to_have_text("CKY26 – Conakry avril")
        text = section.inner_text()
        assert "Très utile. Merci à […] […], joignable au […]." in text
        assert "Useful; call […] on […] for the follow-up." in text
        for person in room["people"]:
            for word in person.display_name.split():
                assert word not in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        found[("summary", language)] = axe_violations(page)
        page.screenshot(path=str(SHOTS / f"reaction-summary-{language}-360x640.png"), full_page=True)
        context.close()
    assert {key: value for key, value in found.items() if value} == {}
