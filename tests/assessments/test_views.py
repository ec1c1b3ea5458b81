"""The test pages work as plain HTML forms: gate, start, answer, save for later, submit, result."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import Attempt, Question, Response
from courses import services as course_services
from tests.factories import UserFactory, assessment_setup
from tests.weights import page_weight

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainee():
    course, lessons, pre, post = assessment_setup()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    client = Client()
    client.force_login(user)
    return {"client": client, "user": user, "course": course, "lessons": lessons, "pre": pre, "post": post}


def _form_fields(html):
    return re.findall(r'name="(q\d+[^"]*)"', html)


def test_lessons_stay_locked_until_the_pre_test_is_submitted(trainee):
    client = trainee["client"]
    response = client.get(trainee["lessons"][0].url)
    assert response.status_code == 302 and response["Location"] == f"/fr/tests/{trainee['pre'].pk}/"
    client.post(f"/fr/tests/{trainee['pre'].pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {"submit": "1"})
    assert client.get(trainee["lessons"][0].url).status_code == 200


def test_without_javascript_answers_arrive_with_the_form_and_can_be_saved_for_later(trainee):
    client, pre = trainee["client"], trainee["pre"]
    intro = client.get(f"/fr/tests/{pre.pk}/").content.decode()
    assert "Commencer" in intro
    client.post(f"/fr/tests/{pre.pk}/")
    page = client.get(f"/fr/tests/{pre.pk}/").content.decode()
    attempt = Attempt.objects.get(user=trainee["user"])
    assert len(set(_form_fields(page))) >= 6
    assert '"correct"' not in page and "correct" not in page.lower().split("</form>")[0].split("<form")[1].replace(
        "correcte", ""
    )
    q = {r: i["question"] for r, i in zip(["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"], attempt.layout, strict=True)}
    data = {f"q{q['Q1']}": "b", f"q{q['Q6']}": "Finalité", "save": "1"}
    response = client.post(f"/fr/attempts/{attempt.pk}/submit/", data)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN
    assert Response.objects.filter(attempt=attempt).count() == 2
    # Coming back shows the saved answers in place.
    again = client.get(f"/fr/tests/{pre.pk}/").content.decode()
    assert re.search(rf'name="q{q["Q1"]}" value="b" checked', again)
    assert 'value="Finalité"' in again


def test_submitting_the_form_twice_records_one_submission(trainee):
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    data = {
        "submission_key": "8f1d2a7e-93a1-4a57-9a0f-2f3c8d1e4b60",
        "submit": "1",
        f"q{attempt.layout[0]['question']}": "b",
    }
    first = client.post(f"/fr/attempts/{attempt.pk}/submit/", data)
    second = client.post(f"/fr/attempts/{attempt.pk}/submit/", data)
    assert first["Location"] == second["Location"] == f"/fr/attempts/{attempt.pk}/"
    assert Attempt.objects.filter(user=trainee["user"]).count() == 1
    assert "points sur" in client.get(first["Location"]).content.decode()


def test_the_post_test_opens_after_the_required_lessons_and_shows_pre_and_post_side_by_side(trainee):
    client, pre, post = trainee["client"], trainee["pre"], trainee["post"]
    client.post(f"/fr/tests/{pre.pk}/")
    pre_attempt = Attempt.objects.get(user=trainee["user"], test=pre)
    client.post(f"/fr/attempts/{pre_attempt.pk}/submit/", {"submit": "1"})
    assert client.get(f"/fr/tests/{post.pk}/").status_code == 302  # lessons not done yet
    for lesson in trainee["lessons"]:
        client.post(f"/fr/lessons/{lesson.pk}/complete/")
    assert client.get(f"/fr/tests/{post.pk}/").status_code == 200
    client.post(f"/fr/tests/{post.pk}/")
    post_attempt = Attempt.objects.get(user=trainee["user"], test=post)
    first_question = post_attempt.layout[0]["question"]
    client.post(f"/fr/attempts/{post_attempt.pk}/submit/", {"submit": "1", f"q{first_question}": "b"})
    html = client.get(f"/fr/attempts/{post_attempt.pk}/").content.decode()
    assert "Avant et après le module" in html
    assert "Objectif single" in html


def test_autosave_endpoint_saves_and_refuses_other_peoples_attempts(trainee):
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    question = attempt.layout[0]["question"]
    url = f"/api/attempts/{attempt.pk}/responses/"
    body = f'{{"question": {question}, "answer": "b", "seq": 5}}'
    assert client.post(url, body, content_type="application/json").status_code == 200
    assert len(body.encode()) <= 2048  # one save request stays under 2 KB
    other = Client()
    other.force_login(UserFactory())
    assert other.post(url, body.replace('"seq": 5', '"seq": 6'), content_type="application/json").status_code == 403
    assert Response.objects.get().seq == 5


def test_an_autosave_to_an_unknown_attempt_is_a_404(trainee):
    url = "/api/attempts/00000000-0000-0000-0000-000000000000/responses/"
    reply = trainee["client"].post(url, '{"question": 1, "answer": "b", "seq": 1}', content_type="application/json")
    assert reply.status_code == 404
    assert "error" in reply.json()


def test_the_form_wins_over_an_autosave_stamped_by_a_phone_clock_running_ahead(trainee):
    """A phone whose clock is a year ahead autosaved "a"; the trainee then changed to "b" offline
    and pressed "Save" on the form: the form's answer is the one kept."""
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    singles = set(Question.objects.filter(kind="single").values_list("pk", flat=True))
    item = next(i for i in attempt.layout if i["question"] in singles)
    question, first, second = item["question"], item["options"][0], item["options"][1]
    a_year_ahead = int((timezone.now() + timedelta(days=365)).timestamp() * 1000)
    body = f'{{"question": {question}, "answer": "{first}", "seq": {a_year_ahead}}}'
    client.post(f"/api/attempts/{attempt.pk}/responses/", body, content_type="application/json")
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{question}": second, "save": "1"})
    stored = Response.objects.get(attempt=attempt, question_id=question)
    assert stored.answer == second
    assert stored.seq > a_year_ahead


def test_a_twenty_question_test_page_fits_the_2g_budget(trainee):
    from assessments import services
    from assessments.models import QuestionBank

    bank = QuestionBank.objects.get(course=trainee["course"])
    references = []
    for n in range(20):
        text = f"Question {n} : une jeune femme reçoit une offre d'emploi à l'étranger par un intermédiaire. " * 2
        options = {
            key: f"Réponse {key} possible pour la question {n}, assez longue pour être réaliste." for key in "abcd"
        }
        services.question_save(
            bank=bank,
            reference=f"L{n}",
            kind="single",
            objective="Objectif",
            content={"fr": {"text": text, "options": options}},
            key={"correct": "a"},
        )
        references.append(f"L{n}")
    test = services.test_define(course=trainee["course"], kind="pre", forms={"": references}, pass_mark=0)
    client = trainee["client"]
    client.post(f"/fr/tests/{test.pk}/")
    _first, total, html = page_weight(client, f"/fr/tests/{test.pk}/")
    assert html.count('class="question"') == 20
    assert total <= 100 * 1024, total


def _single_question(attempt):
    singles = set(Question.objects.filter(kind="single").values_list("pk", flat=True))
    item = next(i for i in attempt.layout if i["question"] in singles)
    return item["question"], item["options"]


def _autosave(client, attempt, question, answer, seq):
    body = f'{{"question": {question}, "answer": "{answer}", "seq": {seq}}}'
    return client.post(f"/api/attempts/{attempt.pk}/responses/", body, content_type="application/json")


def test_after_save_and_continue_later_the_page_numbers_the_next_change_after_the_form(trainee):
    """No clock orders answers: the page starts its numbering above the form's, so a change made
    after coming back is stored (it once lost to the server's clock when the phone's ran behind)."""
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    question, (first, second, *_rest) = _single_question(attempt)
    assert _autosave(client, attempt, question, first, 1).json() == {"saved": True, "latest": True}
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{question}": first, "save": "1", "seq": "1"})
    form_seq = Response.objects.get(attempt=attempt, question_id=question).seq
    assert form_seq == 2
    page = client.get(f"/fr/tests/{pre.pk}/").content.decode()
    assert f'name="seq" value="{form_seq}"' in page
    assert _autosave(client, attempt, question, second, form_seq + 1).json() == {"saved": True, "latest": True}
    assert Response.objects.get(attempt=attempt, question_id=question).answer == second


def test_the_form_comes_after_every_save_its_page_numbered_even_one_still_in_flight(trainee):
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    question, (first, second, *_rest) = _single_question(attempt)
    # The page numbered a save 7 (still on its way) and posts the form with its counter at 8.
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{question}": second, "save": "1", "seq": "8"})
    late = _autosave(client, attempt, question, first, 7)
    assert late.status_code == 200
    assert late.json() == {"saved": False, "latest": False, "kept": {"seq": 8, "answer": second}}
    assert Response.objects.get(attempt=attempt, question_id=question).answer == second


@pytest.mark.parametrize("seq", ["0", "-1", str(2**53), str(2**70)])
def test_an_autosave_numbered_outside_the_counter_range_is_refused_and_changes_nothing(trainee, seq):
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    question, (first, *_rest) = _single_question(attempt)
    reply = _autosave(client, attempt, question, first, seq)
    assert reply.status_code == 400
    assert reply.json()["error"]  # translated; which layer refuses it (the JSON parser or the service) may vary
    assert not Response.objects.filter(attempt=attempt).exists()
    # A form posting such a counter is numbered by the server alone.
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{question}": first, "save": "1", "seq": seq})
    assert Response.objects.get(attempt=attempt, question_id=question).seq == 1


def _right_form(attempt) -> tuple[dict, dict]:
    """The test's form filled with the right answers as a browser posts it, and the same answers as
    autosave.js sends them ({question id: answer})."""
    from tests.factories import RIGHT_ANSWERS

    references = dict(
        Question.objects.filter(pk__in=[i["question"] for i in attempt.layout]).values_list("pk", "reference")
    )
    form, saves = {}, {}
    for item in attempt.layout:
        question = item["question"]
        answer = RIGHT_ANSWERS[references[question]]
        saves[question] = answer.strip() if isinstance(answer, str) else answer
        if isinstance(answer, dict):  # matching: one select per left item
            form.update({f"q{question}_{left}": right for left, right in answer.items()})
        elif references[question] == "Q5":  # ordering: the position typed for each option
            form.update({f"q{question}_{option}": str(n) for n, option in enumerate(answer, start=1)})
        else:
            form[f"q{question}"] = answer
    return form, saves


def test_one_autosave_is_the_session_the_user_and_one_statement(trainee):
    """No transaction and no lock of its own: the attempt is checked (and share-locked) inside the
    upsert (services._response_upsert)."""
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    question = attempt.layout[0]["question"]
    for answer, seq in (("b", 1), ("c", 2)):  # the second save of the question: the same statement updates
        with CaptureQueriesContext(connection) as queries:
            assert _autosave(client, attempt, question, answer, seq).json() == {"saved": True, "latest": True}
        statements = [query["sql"] for query in queries.captured_queries]
        # The session (unless the session store is a cache, as in CI), the user, and one statement.
        assert len(statements) <= 3
        assert [sql for sql in statements if not sql.lstrip().upper().startswith("SELECT")] == [
            sql for sql in statements if "INSERT INTO" in sql and "assessments_response" in sql
        ]
        assert sum("assessments_response" in sql for sql in statements) == 1
    # Refused or superseded saves read the attempt again to say why (the rare path).
    assert _autosave(client, attempt, question, "a", 1).json()["kept"] == {"seq": 2, "answer": "c"}


def test_handing_in_after_autosaves_writes_no_answer_again_and_costs_a_fixed_number_of_queries(
    trainee, django_assert_max_num_queries
):
    """The form repeats every answer autosave.js already saved: none is written again (their numbers
    stay), the scores are written in one statement, and the hand-in costs the same whatever the
    number of questions."""
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    form, saves = _right_form(attempt)
    for seq, (question, answer) in enumerate(saves.items(), start=1):
        body = {"question": question, "answer": answer, "seq": seq}
        assert client.post(f"/api/attempts/{attempt.pk}/responses/", body, content_type="application/json").json()[
            "saved"
        ]
    before = dict(Response.objects.filter(attempt=attempt).values_list("question_id", "seq"))
    # Session, user, the attempt read by the view, then in one transaction: the attempt locked, its
    # questions, its responses, the scores, the attempts used, the attempt (savepoints aside).
    with django_assert_max_num_queries(12) as captured:
        reply = client.post(
            f"/fr/attempts/{attempt.pk}/submit/",
            {**form, "submission_key": "3b0b2f6e-1f51-4a0e-9d7a-2c7f7e3b9a11", "seq": "99", "submit": "1"},
        )
    assert reply.status_code == 302
    assert not [q for q in captured.captured_queries if q["sql"].startswith("INSERT")]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score == attempt.max_score == 9
    assert dict(Response.objects.filter(attempt=attempt).values_list("question_id", "seq")) == before
    assert all(score is not None for score in Response.objects.filter(attempt=attempt).values_list("score", flat=True))


def test_handing_in_writes_the_answers_that_differ_from_the_saved_ones_in_one_statement(
    trainee, django_assert_max_num_queries
):
    """Without JavaScript, or with an autosave lost: what the form says is what is scored."""
    client, pre = trainee["client"], trainee["pre"]
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=trainee["user"])
    form, saves = _right_form(attempt)
    question, options = _single_question(attempt)
    _autosave(client, attempt, question, next(o for o in options if o != "b"), 7)  # wrong; the form says "b"
    with django_assert_max_num_queries(13) as captured:
        client.post(f"/fr/attempts/{attempt.pk}/submit/", {**form, "submit": "1"})
    assert len([q for q in captured.captured_queries if q["sql"].startswith("INSERT")]) == 1
    stored = dict(Response.objects.filter(attempt=attempt).values_list("question_id", "answer"))
    assert stored == saves
    assert Response.objects.get(attempt=attempt, question_id=question).seq == 8  # after the autosave
    attempt.refresh_from_db()
    assert attempt.score == attempt.max_score == 9
