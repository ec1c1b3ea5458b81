"""An evaluator filters the pre/post report to one region and audience and reads the numbers the
command line prints for the same filters; trainers and trainees are refused. Screenshots of the
report with its charts at 360×640 and at desktop width go to screenshots/ (git-ignored)."""

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from django.core.management import call_command

from evaluation import synthetic
from lms import roles
from tests.factories import UserFactory, assessment_setup
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PASSWORD = "motdepasse-123"


def _user(role: str):
    return UserFactory(username=f"browser-{role.lower()}", role=role)


def _log_in(browser, live_server, user, viewport):
    context = browser.new_context(viewport=viewport, locale="fr-FR", is_mobile=viewport["width"] < 500)
    page = context.new_page()
    log_in(page, live_server.url, user.username)
    return context, page


def _number(text: str) -> float:
    return float(text.replace("\u202f", "").replace("\xa0", "").replace(",", ".").strip())


def test_evaluator_sees_the_numbers_the_command_prints(browser, live_server, home_pages):
    course, _lessons, _pre, _post = assessment_setup()
    synthetic.generate(course_id=course.pk, trainees=160)
    evaluator = _user(roles.EVALUATOR)
    context, page = _log_in(browser, live_server, evaluator, {"width": 360, "height": 640})
    page.goto(live_server.url + "/fr/evaluation/")
    page.select_option("select[name=natural_region]", "upper")
    page.select_option("select[name=audience]", "police")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**natural_region=upper**")

    output = io.StringIO()
    with redirect_stdout(output):
        call_command("prepost_report", "--natural-region", "upper", "--audience", "police", "--format", "json")
    summary = json.loads(output.getvalue())["summary"]
    assert summary["n"] >= 5

    def field(name: str) -> float:
        return _number(page.locator(f"[data-field={name}]").first.inner_text())

    assert field("n") == summary["n"]
    assert field("df") == summary["df"]
    for name in ("mean_pre", "mean_post", "mean_diff", "ci95_low", "ci95_high"):
        assert field(name) == round(summary[name], 1), name
    for name in ("t", "cohen_dz", "hedges_gav", "class_gain"):
        assert field(name) == round(summary[name], 2), name
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(live_server.url + "/fr/evaluation/")
    page.screenshot(path=str(SCREENSHOTS / "evaluation-fr-360x640.png"), full_page=True)
    page.locator("div.charts").screenshot(path=str(SCREENSHOTS / "evaluation-charts-fr-360.png"))
    context.close()
    context, page = _log_in(browser, live_server, evaluator, {"width": 1280, "height": 900})
    page.goto(live_server.url + "/fr/evaluation/")
    page.screenshot(path=str(SCREENSHOTS / "evaluation-fr-1280.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("role", [roles.TRAINER, roles.TRAINEE])
def test_trainers_and_trainees_are_refused_page_and_exports(browser, live_server, home_pages, role):
    context, page = _log_in(browser, live_server, _user(role), {"width": 360, "height": 640})
    for url in ("/fr/evaluation/", "/fr/evaluation/prepost.csv", "/fr/evaluation/prepost.xlsx"):
        response = page.request.get(live_server.url + url)
        assert response.status == 403, url
    context.close()
