"""The attempts that count: one definition (Attempt.objects.counting()) for every consumer.

A trainee allowed two post-test attempts scores low twice; a third attempt with every answer right
then arrives by each route (online, offline sync, shared phone, paper import). Whatever the route,
it changes no certificate, no report figure and no result page; the phone is never told its score.
"""

import io
import json
import re
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from assessments import offline, services
from assessments.models import Attempt, Question, Test
from assessments.paper_import import import_paper_responses
from certificates import selectors as certificate_selectors
from certificates import services as certificate_services
from certificates.models import Certificate
from evaluation.filters import ReportFilters
from evaluation.selectors import matched_data
from tests.assessments.test_paper import REFERENCES, RIGHT_CELLS
from tests.factories import RIGHT_ANSWERS, TrainingSessionFactory, UserFactory, certificate_setup, prepost_results
from tests.field.test_offline_sync import body, download, put, right_fields
from tests.training.conftest import trainer_user

pytestmark = pytest.mark.django_db

ROUTES = ["online", "offline", "shared phone", "paper"]


@pytest.fixture
def trainee():
    """A trainee on a session's roster who took the pre-test and the lessons, allowed two post-tests,
    with five other matched trainees so that the report's figures are not suppressed."""
    from training import services as training_services

    user, enrolment, post, _rule = certificate_setup(name="Aïssatou Camara")
    post.attempts_allowed = 2
    post.save()
    trainer = trainer_user("formateur")
    session = TrainingSessionFactory(code="CNT1", trainer=trainer, courses=[post.course])
    training_services.session_days_sync(session=session)
    training_services.participant_add(session=session, user=user)
    for kind in ("pre", "post"):
        training_services.test_window_set(session=session, kind=kind, open=True)
    pre = Test.objects.get(course_id=post.course_id, kind="pre")
    others = [{"user": UserFactory(), "pre": [0, 1, 0, 1, 0, 0], "post": [1, 1, 0, 1, 1, 0]} for _ in range(5)]
    prepost_results(course=post.course, pre=pre, post=post, trainees=others)
    client = Client()
    client.force_login(user)
    return {"user": user, "enrolment": enrolment, "post": post, "trainer": trainer, "client": client}


def _answer_all_right(*, user, attempt: Attempt) -> None:
    questions = Question.objects.filter(pk__in=[item["question"] for item in attempt.layout])
    for question in questions:
        answer = RIGHT_ANSWERS[question.reference]
        services.response_save(user=user, attempt_id=attempt.pk, question_id=question.pk, answer=answer, seq=1)


def _figures(trainee, counted: Attempt) -> dict:
    """Everything the trainee's score reaches: certificate, report, command JSON, result page."""
    user, enrolment = trainee["user"], trainee["enrolment"]
    certificate_services.certificate_evaluate(enrolment_id=enrolment.pk)
    out = io.StringIO()
    call_command("prepost_report", "--format", "json", stdout=out)
    pairs = matched_data(filters=ReportFilters.from_query({})).pairs
    page = trainee["client"].get(f"/en/attempts/{counted.pk}/").content.decode()
    return {
        "certificates": sorted(Certificate.objects.filter(enrolment=enrolment).values_list("kind", "status")),
        "best post-test": certificate_selectors.facts_for(enrolment=enrolment).post_test_percent,
        "report pair": [(str(p.pre.id), str(p.post.id), p.post.percent) for p in pairs if p.user_id == user.pk],
        "prepost_report JSON": json.loads(out.getvalue())["summary"],
        "result page comparison": re.findall(r'<table class="compare">.*?</table>', page, re.S),
    }


@pytest.mark.parametrize("route", ROUTES)
def test_an_extra_attempt_with_a_higher_score_changes_nothing_whatever_its_route(trainee, route):
    user, post, client = trainee["user"], trainee["post"], trainee["client"]
    shared = None
    if route == "shared phone":
        # The trainer downloads for the room while the trainee still has attempts left: a phone that
        # comes back after the two below is the extra attempt (a download after them leaves them out).
        trainer = Client()
        trainer.force_login(trainee["trainer"])
        offline.pin_set(user=user, pin="2580")
        shared = download(trainer, post, session="CNT1")
    if route == "online":
        # Started online before the phone's two attempts arrived: submitted, it is the third.
        online, _created = services.attempt_start(user=user, test=post)
        _answer_all_right(user=user, attempt=online)
    package = download(client, post)
    low = right_fields(package)[:1]
    for fields in (low, low[:0]):
        response = put(uuid.uuid4(), body(package, fields))
        assert response.status_code == 201, response.content
    counted = Attempt.objects.filter(user=user, test=post, mode="offline").order_by("number").last()
    before = _figures(trainee, counted)
    assert before["best post-test"] < 70 and before["report pair"] and before["result page comparison"], before

    extra_id = None
    if route == "online":
        extra_id = services.attempt_submit(user=user, attempt_id=online.pk).attempt.pk
    elif route == "offline":
        extra_id = uuid.uuid4()
        assert put(extra_id, body(package, right_fields(package))).status_code == 201
    elif route == "shared phone":
        extra_id = uuid.uuid4()
        fields = right_fields(shared)
        response = put(extra_id, body(shared, fields, participant=user.pk, pin="2580"))
        assert response.status_code == 201, response.content
    else:
        row = {"username": user.username, **{reference: RIGHT_CELLS[reference] for reference in REFERENCES}}
        report = import_paper_responses(rows=[row], test=post)
        assert report.created == 0 and report.problems

    after = _figures(trainee, counted)
    assert after == before, f"{route}: an extra attempt changed what counts"
    if extra_id is not None:
        extra = Attempt.objects.get(pk=extra_id)
        assert extra.score == extra.max_score, "the extra attempt is kept, scored for the trainer"
        page = client.get(f"/en/attempts/{extra_id}/").content.decode()
        assert "points out of" not in page and "beyond the attempts allowed" in page.lower(), page
        intro = client.get(f"/en/tests/{post.pk}/").content.decode()
        assert "Attempt 3: 100 %" not in intro


def test_the_sync_response_for_a_flagged_attempt_carries_no_score(trainee):
    client, post = trainee["client"], trainee["post"]
    package = download(client, post)
    for _ in range(2):
        assert put(uuid.uuid4(), body(package, [])).status_code == 201
    extra_id = uuid.uuid4()
    payload = body(package, right_fields(package))
    first, again = put(extra_id, payload), put(extra_id, payload)
    assert first.status_code == 201 and again.status_code == 200
    for response in (first, again):
        result = response.json()
        assert not {"score", "max_score", "percent", "questions"} & set(result), result
        assert result["flagged"] is True and result["reason"] == "duplicate", result
        assert result["status"] == "submitted" and result["id"] == str(extra_id)


def test_a_clean_sync_response_still_carries_its_score(trainee):
    package = download(trainee["client"], trainee["post"])
    result = put(uuid.uuid4(), body(package, right_fields(package))).json()
    assert result["score"] == result["max_score"] == 9 and result["flagged"] is False


# --- Every consumer goes through the one definition -----------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
# Constructs that pick finished attempts (flagged ones included) by their status: outside the list
# below, a module that reads scores must use Attempt.objects.counting() instead.
FINISHED_BY_STATUS = re.compile(
    r"exclude\(status=Attempt\.Status\.OPEN\)|~Q\(status=Attempt\.Status\.OPEN\)|status__in=FINISHED"
    r"|filter\([^)]*status=(Attempt\.Status\.SUBMITTED|\"submitted\"|Attempt\.Status\.EXPIRED|\"expired\")"
    r"|exclude\(status=\"open\"\)"
    r"|\.finished\(\)|Status\.SUBMITTED, Attempt\.Status\.EXPIRED"
)
# Modules that may look at every finished attempt, because they decide something other than a score.
NOT_SCORING = {
    "assessments/models/attempts.py": "defines finished() and counting()",
    "assessments/selectors.py": "attempts_used (what may_take_test and attempt_start count), has_submitted (the "
    "pre-test gate opens on any handed-in attempt), and "
    "finished_attempts (the test page lists them, a flagged one without its score)",
    "training/selectors.py": "submitted_user_ids: who has already handed in a paper test",
    "evaluation/reaction/selectors.py": "who handed in a post-test may give their view (any attempt, no score)",
    "training/followup.py": "open_followups: a follow-up already handed in is not offered again (no score read)",
}
SKIPPED = ("tests/", "bench/", ".venv/", ".venv-ralph/", "node_modules/", "/migrations/", "demo.py", "synthetic.py")


def test_no_consumer_picks_finished_attempts_without_the_counting_rule():
    found = {}
    for path in ROOT.rglob("*.py"):
        name = path.relative_to(ROOT).as_posix()
        if any(part in f"/{name}" for part in SKIPPED) or any(name.startswith(part) for part in SKIPPED):
            continue
        if FINISHED_BY_STATUS.search(path.read_text()):
            found[name] = True
    unexpected = sorted(set(found) - set(NOT_SCORING))
    assert not unexpected, f"these modules pick finished attempts without Attempt.objects.counting(): {unexpected}"
    stale = sorted(set(NOT_SCORING) - set(found))
    assert not stale, f"no longer pick finished attempts by status (drop them from NOT_SCORING): {stale}"


def test_my_data_and_the_trainers_pages_show_a_flagged_attempt_without_counting_it(trainee):
    from django.urls import reverse

    post, client = trainee["post"], trainee["client"]
    package = download(client, post)
    for fields in (right_fields(package)[:1], []):
        assert put(uuid.uuid4(), body(package, fields)).status_code == 201
    extra_id = uuid.uuid4()
    assert put(extra_id, body(package, right_fields(package))).json()["flagged"] is True

    data = json.loads(client.get(reverse("privacy:my_data_json")).content)
    rows = {row["number"]: row for row in data["attempts"] if row["test"] == "post"}
    assert rows[3]["score"] is None and rows[3]["counts"] is False, rows
    assert rows[1]["score"] == 1 and rows[1]["counts"] is True, rows
    assert all(a["score"] is None for a in data["answers"] if a["test"] == "post" and a["attempt"] == 3)

    trainer = Client()
    trainer.force_login(trainee["trainer"])
    summary = trainer.get("/en/sessions/CNT1/summary/").content.decode()
    assert "beyond the attempts allowed, not counted: check" in summary
    from training import selectors as training_selectors
    from training.models import TrainingSession

    (row,) = training_selectors.session_rows(session=TrainingSession.objects.get(code="CNT1"))
    assert (row.post, row.post_percent, row.post_flag) == ("submitted", 0.0, "duplicate")  # the last counting one
