"""Paper tests: the printable form and answer grid, and the import of typed-up answers."""

import io
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.utils import translation

from assessments import paper_import, selectors, services, views_paper
from assessments.hooks import SUBMISSION_LISTENER
from assessments.models import Attempt, Question, Response
from assessments.paper import answer_sheet_pdf, matching_sides, option_letters
from assessments.paper import test_form_pdf as form_pdf
from assessments.paper_import import ImportReport, import_paper_responses, parse_answer
from courses import services as course_services
from lms import roles
from lms.tables import read_table
from tests.factories import RIGHT_ANSWERS, UserFactory, assessment_setup
from tests.hook_registry import only_hooks

pytestmark = pytest.mark.django_db
REFERENCES = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
# RIGHT_ANSWERS as a trainer types them from the paper form.
RIGHT_CELLS = {"Q1": "B", "Q2": "B", "Q3": "AC", "Q4": "1-B 2-A", "Q5": "CAB", "Q6": " Finalite "}


@pytest.fixture
def setup():
    course, lessons, pre, post = assessment_setup()
    trainees = [UserFactory(display_name="Aïssatou Bah"), UserFactory(display_name="Mamadou Condé")]
    for trainee in trainees:
        course_services.enrolment_create(user=trainee, course=course)
    trainer = UserFactory(display_name="Formatrice", role=roles.TRAINER)
    return {"course": course, "lessons": lessons, "pre": pre, "post": post, "trainees": trainees, "trainer": trainer}


def _question(reference: str) -> Question:
    return Question.objects.get(reference=reference, is_current=True)


def _pdf_text(data: bytes) -> str:
    """The text of a PDF as a reader copies it (poppler's pdftotext): what a font lacks comes back wrong."""
    return subprocess.run(["/usr/bin/pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def _csv(rows: list[list[str]], separator: str = ";") -> bytes:
    return "\n".join(separator.join(row) for row in rows).encode()


def _import(content: bytes, test, *, filename: str = "answers.csv", **kwargs) -> ImportReport:
    return import_paper_responses(rows=read_table(content=content, filename=filename), test=test, **kwargs)


# --- Letters, shared by the PDF and the import ------------------------------------------------------


def test_letters_follow_the_option_ids_and_true_comes_before_false(setup):
    assert option_letters(_question("Q1")) == {"A": "a", "B": "b", "C": "c"}
    assert option_letters(_question("Q2")) == {"A": "true", "B": "false"}
    assert matching_sides(_question("Q4")) == ({"1": "1", "2": "2"}, {"A": "a", "B": "b", "C": "c"})


@pytest.mark.parametrize(
    ("reference", "cell", "answer"),
    [
        ("Q1", "B", "b"),
        ("Q1", " b ", "b"),
        ("Q2", "B", "false"),
        ("Q2", "F", "false"),
        ("Q2", "V", "true"),
        ("Q2", "true", "true"),
        ("Q3", "AC", ["a", "c"]),
        ("Q3", "C,A", ["a", "c"]),
        ("Q3", "a c", ["a", "c"]),
        ("Q4", "1-b 2-a", {"1": "b", "2": "a"}),
        ("Q4", "1 - B, 2 - A", {"1": "b", "2": "a"}),
        ("Q4", "2A", {"2": "a"}),
        ("Q5", "CAB", ["c", "a", "b"]),
        ("Q5", "C, A, B", ["c", "a", "b"]),
        ("Q6", " Finalité ", "Finalité"),
        ("Q1", "", None),
        ("Q5", "   ", None),
    ],
)
def test_a_cell_reads_as_the_answer_the_online_form_would_save(setup, reference, cell, answer):
    assert parse_answer(_question(reference), cell) == answer


# --- PDFs ---------------------------------------------------------------------------------------


def test_the_test_form_prints_every_question_with_lettered_options_and_no_key(setup):
    data = form_pdf(test=setup["pre"], compress=False)
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert _pages(data) >= 1
    text = _pdf_text(data)
    for reference in REFERENCES:
        assert f"{reference} ?" in text
    assert "Pré-test" in text and setup["course"].title in text
    assert "Vrai" in text and "Faux" in text and "Un" in text and "Deux" in text
    # The key never leaks: the accepted short answers are not on the paper.
    assert "finalité" not in text.lower() and "exploitation" not in text.lower()


def test_the_test_form_is_compressed_by_default_and_in_english_on_request(setup):
    compressed = form_pdf(test=setup["pre"])
    plain = form_pdf(test=setup["pre"], compress=False, language="en")
    assert compressed.startswith(b"%PDF") and _pages(compressed) == _pages(plain)
    assert len(compressed) < len(plain)
    assert b" Tj" not in compressed and b" Tj" in plain  # the page streams are deflated
    assert "Q1 ?" in _pdf_text(compressed)
    assert "Pre-test" in _pdf_text(plain)
    assert all(blank in _pdf_text(plain) for blank in ("Name:", "Date:", "Session:"))


def test_accents_and_markup_in_questions_are_printed_as_text(setup):
    question = _question("Q1")
    content = {**question.content, "fr": {**question.content["fr"], "text": "Le trafic <b>d’êtres</b> & Œuvre ?"}}
    bank = question.bank
    services.question_save(
        bank=bank,
        reference="Q1",
        kind="single",
        objective=question.objective,
        content=content,
        key=question.key,
        points=1,
    )
    text = _pdf_text(form_pdf(test=setup["pre"], compress=False))
    assert "Le trafic <b>d’êtres</b> & Œuvre ?" in text


def test_the_answer_sheet_lists_the_trainees_and_names_the_item_columns(setup):
    people = [(user.username, user.display_name) for user in setup["trainees"]]
    data = answer_sheet_pdf(test=setup["pre"], people=people, compress=False)
    assert data.startswith(b"%PDF") and _pages(data) >= 1
    text = _pdf_text(data)
    for username, name in people:
        assert username in text and name in text
    assert "identifiant;Q1;Q2;Q3;Q4;Q5;Q6" in text


def test_fula_names_and_words_come_back_letter_for_letter_from_both_papers(setup):
    """Helvetica lacks Ɓ Ɗ Ƴ Ŋ Ɲ ɛ ɔ ("Fatoumata ■ah"): the papers use DejaVu Sans, embedded."""
    names = ["Fatoumata Ɓah", "Ɗiallo Ƴattara", "Ŋaliya Ɲɛlɛn Kɔrɔma"]
    people = [(f"apprenant-{n}", name) for n, name in enumerate(names)]
    text = _pdf_text(answer_sheet_pdf(test=setup["pre"], people=people))
    assert all(name in text for name in names) and "■" not in text
    course = setup["course"]
    course.title = "Ɓoɗɗi ɲɛɛɲɔ"
    course.save()
    text = _pdf_text(form_pdf(test=setup["pre"]))
    assert "Ɓoɗɗi ɲɛɛɲɔ" in text and "Pré-test" in text


def test_a_long_roster_runs_over_several_pages(setup):
    people = [(f"apprenant-{n}", f"Personne {n}") for n in range(60)]
    data = answer_sheet_pdf(test=setup["pre"], people=people, compress=False)
    assert _pages(data) >= 2
    assert "apprenant-59" in _pdf_text(data)


# --- Views --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["paper.pdf", "answer-sheet.pdf"])
def test_only_trainers_and_staff_may_print(setup, name):
    url = f"/fr/tests/{setup['pre'].pk}/{name}"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    trainee = Client()
    trainee.force_login(setup["trainees"][0])
    assert trainee.get(url).status_code == 403
    for user in (setup["trainer"], UserFactory(is_staff=True)):
        client = Client()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_the_views_serve_a_named_form_and_refuse_an_unknown_one():
    _course, _lessons, pre, _post = assessment_setup(forms={"A": ["Q1", "Q2", "Q3"], "B": ["Q4", "Q5", "Q6"]})
    trainer = UserFactory(role=roles.TRAINER)
    client = Client()
    client.force_login(trainer)
    assert client.get(f"/fr/tests/{pre.pk}/paper.pdf?form=B").status_code == 200
    assert client.get(f"/fr/tests/{pre.pk}/paper.pdf").status_code == 200  # form A
    assert client.get(f"/fr/tests/{pre.pk}/answer-sheet.pdf?form=C").status_code == 404
    assert client.get("/fr/tests/999999/paper.pdf").status_code == 404
    text = _pdf_text(form_pdf(test=pre, form_label="B", compress=False, language="en"))
    assert "Q4 ?" in text and "Q1 ?" not in text and "form B" in text


def test_the_answer_sheet_lists_the_trainees_enrolled_in_the_module(setup):
    from courses.models import Enrolment

    UserFactory(display_name="Pas inscrite")
    withdrawn = UserFactory(display_name="Partie")
    Enrolment.objects.create(user=withdrawn, course=setup["course"], status=Enrolment.Status.WITHDRAWN)
    expected = sorted((user.username, user.display_name) for user in setup["trainees"])
    assert sorted(views_paper._trainees(setup["pre"])) == expected


# --- Import -------------------------------------------------------------------------------------


def _valid_rows(setup) -> list[list[str]]:
    first, second = setup["trainees"]
    wrong = {"Q1": "A", "Q2": "V", "Q3": "A,B", "Q4": "1-B 2-C", "Q5": "ABC", "Q6": ""}
    return [
        ["username", *REFERENCES],
        [first.username, *(RIGHT_CELLS[reference] for reference in REFERENCES)],
        [second.username, *(wrong[reference] for reference in REFERENCES)],
    ]


def test_the_right_answers_as_letters_are_the_factory_right_answers(setup):
    for reference, cell in RIGHT_CELLS.items():
        expected = RIGHT_ANSWERS[reference]
        assert parse_answer(_question(reference), cell) == (expected.strip() if reference == "Q6" else expected)


def test_a_valid_file_imports_one_scored_paper_attempt_per_row(setup):
    report = _import(_csv(_valid_rows(setup)), setup["pre"])
    assert report == ImportReport(created=2, problems=[])
    first, second = (Attempt.objects.get(user=user, test=setup["pre"]) for user in setup["trainees"])
    assert {first.mode, second.mode} == {Attempt.Mode.PAPER}
    assert {first.status, second.status} == {Attempt.Status.SUBMITTED}
    assert first.finished_at is not None and first.number == 1
    assert (first.score, first.max_score) == (9, 9)
    # Wrong: Q1 0, Q2 0, Q3 (1 right − 1 wrong) 0, Q4 half of 2 = 1, Q5 none in place 0, Q6 empty 0.
    assert (second.score, second.max_score) == (1, 9)
    assert Response.objects.filter(attempt=second).count() == 5  # the empty cell is no answer
    assert [item["options"] for item in first.layout][:2] == [["a", "b", "c"], ["true", "false"]]
    assert [Question.objects.get(pk=item["question"]).reference for item in first.layout] == REFERENCES


def test_a_paper_attempt_counts_like_an_online_one(setup):
    user = setup["trainees"][0]
    assert _import(_csv(_valid_rows(setup)[:2]), setup["pre"]).created == 1
    assert selectors.has_submitted(user=user, test=setup["pre"])
    assert selectors.pre_post_result(user=user, course_id=setup["course"].pk).pre.score == 9
    client = Client()
    client.force_login(user)
    assert client.get(setup["lessons"][0].url).status_code == 200  # the pre-test gate is open
    with pytest.raises(services.AttemptRefused):
        services.attempt_start(user=user, test=setup["pre"])  # its one attempt is used


def test_submission_listeners_hear_of_paper_attempts(setup, django_capture_on_commit_callbacks):
    heard = []
    with only_hooks(SUBMISSION_LISTENER, heard.append), django_capture_on_commit_callbacks(execute=True):
        _import(_csv(_valid_rows(setup)), setup["pre"])
    assert sorted(heard) == sorted(Attempt.objects.values_list("pk", flat=True))


def test_a_dry_run_checks_everything_and_writes_nothing(setup):
    report = _import(_csv(_valid_rows(setup)), setup["pre"], dry_run=True)
    assert report == ImportReport(created=2, problems=[])
    assert Attempt.objects.count() == 0 and Response.objects.count() == 0


def test_bom_commas_and_the_identifiant_column_are_read(setup):
    rows = _valid_rows(setup)
    rows[0][0] = "identifiant"
    rows[2][3] = '"A,B"'
    content = "\ufeff".encode() + _csv(rows, separator=",")
    assert _import(content, setup["pre"]).created == 2


def test_an_xlsx_file_is_read_with_excel_booleans(setup):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    rows = _valid_rows(setup)
    rows[1][2] = False  # Excel turns FAUX into a boolean
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _import(buffer.getvalue(), setup["pre"], filename="reponses.xlsx").created == 2
    assert Attempt.objects.get(user=setup["trainees"][0]).score == 9


def _finished_online(setup):
    attempt, _created = services.attempt_start(user=setup["trainees"][1], test=setup["pre"])
    services.attempt_submit(user=setup["trainees"][1], attempt_id=attempt.pk)


def _open_online(setup):
    services.attempt_start(user=setup["trainees"][1], test=setup["pre"])


def _withdrawn(setup):
    from courses.models import Enrolment

    Enrolment.objects.filter(user=setup["trainees"][1]).update(status=Enrolment.Status.WITHDRAWN)


@pytest.mark.parametrize(
    ("change", "before", "row", "fragment"),
    [
        (lambda rows, s: rows[2].__setitem__(0, "personne"), None, 3, "personne"),
        (lambda rows, s: rows[2].__setitem__(0, UserFactory().username), None, 3, "not enrolled"),
        (lambda rows, s: rows[2].__setitem__(0, s["trainees"][1].username), _withdrawn, 3, "not enrolled"),
        (lambda rows, s: rows[2].__setitem__(0, ""), None, 3, "no username"),
        (lambda rows, s: rows[2].__setitem__(0, s["trainees"][0].username), None, 3, "row 2"),
        (lambda rows, s: rows[0].__setitem__(1, "Q9"), None, 1, "Q9"),
        (lambda rows, s: rows[0].__setitem__(0, "nom_utilisateur"), None, 1, "username column"),
        (lambda rows, s: rows[2].__setitem__(1, "D"), None, 3, "Q1"),
        (lambda rows, s: rows[2].__setitem__(2, "C"), None, 3, "Q2"),
        (lambda rows, s: rows[2].__setitem__(3, "AZ"), None, 3, "Q3"),
        (lambda rows, s: rows[2].__setitem__(4, "1-D"), None, 3, "Q4"),
        (lambda rows, s: rows[2].__setitem__(4, "3-A"), None, 3, "Q4"),
        (lambda rows, s: rows[2].__setitem__(5, "CA"), None, 3, "Q5"),
        (lambda rows, s: rows[2].__setitem__(5, "CAA"), None, 3, "Q5"),
        (lambda rows, s: rows[2].append("A"), None, 3, "more cells"),
        (lambda rows, s: None, _finished_online, 3, "already taken"),
        (lambda rows, s: None, _open_online, 3, "in progress"),
    ],
    ids=[
        "unknown-trainee",
        "not-enrolled",
        "withdrawn",
        "no-username",
        "duplicate-trainee",
        "unknown-item-column",
        "no-username-column",
        "invalid-single",
        "invalid-true-false",
        "invalid-multiple",
        "invalid-matching-letter",
        "invalid-matching-number",
        "incomplete-ordering",
        "repeated-ordering",
        "malformed-extra-cell",
        "finished-attempt",
        "open-online-attempt",
    ],
)
def test_one_bad_row_imports_nothing_and_names_its_row(setup, change, before, row, fragment):
    if before is not None:
        before(setup)
    attempts = Attempt.objects.count()
    rows = _valid_rows(setup)
    change(rows, setup)
    with translation.override("en"):
        report = _import(_csv(rows), setup["pre"])
    assert report.created == 0
    assert {number for number, _message in report.problems} == {row}, report.problems
    assert any(fragment in message for _number, message in report.problems), report.problems
    assert Attempt.objects.count() == attempts
    assert not Attempt.objects.filter(mode=Attempt.Mode.PAPER).exists()


def test_an_online_start_during_the_import_undoes_all_of_it(setup, monkeypatch):
    checks = paper_import._check_rows

    def checks_then_a_trainee_starts_online(**kwargs):
        checked = checks(**kwargs)
        services.attempt_start(user=setup["trainees"][1], test=setup["pre"])
        return checked

    monkeypatch.setattr(paper_import, "_check_rows", checks_then_a_trainee_starts_online)
    report = _import(_csv(_valid_rows(setup)), setup["pre"])
    assert report.created == 0 and [number for number, _message in report.problems] == [1]
    assert not Attempt.objects.filter(mode=Attempt.Mode.PAPER).exists()


def test_every_problem_is_reported_at_once_in_row_order(setup):
    rows = _valid_rows(setup)
    rows[1][1] = "Z"
    rows[2][0] = "personne"
    rows.append([setup["trainees"][0].username, "A", "", "", "", "", ""])
    report = _import(_csv(rows), setup["pre"])
    assert [number for number, _message in report.problems] == [2, 3, 4]
    assert Attempt.objects.count() == 0


def test_a_file_for_another_form_or_without_rows_is_refused():
    course, _lessons, pre, _post = assessment_setup(forms={"A": ["Q1", "Q2", "Q3"], "B": ["Q4", "Q5", "Q6"]})
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    content = _csv([["username", "Q1", "Q4"], [user.username, "B", "1-B 2-A"]])
    report = _import(content, pre, form_label="A")
    assert report.problems == [(1, report.problems[0][1])] and "Q4" in report.problems[0][1]
    assert _import(content, pre).problems[0][0] == 1  # no form "" on a test with forms A and B
    assert _import(_csv([["username", "Q1"]]), pre, form_label="A").problems[0][0] == 1
    assert _import(_csv([["username", "Q4"], [user.username, "1-B 2-A"]]), pre, form_label="B").created == 1


# --- The command --------------------------------------------------------------------------------


def test_the_command_imports_a_file_and_says_how_many(setup, tmp_path, capsys):
    path = tmp_path / "pre.csv"
    path.write_bytes(_csv(_valid_rows(setup)))
    call_command("import_responses", str(path), test="pre", course=setup["course"].slug)
    assert "2" in capsys.readouterr().out
    assert Attempt.objects.filter(mode=Attempt.Mode.PAPER).count() == 2


def test_the_command_refuses_a_bad_file_naming_the_row(setup, tmp_path):
    rows = _valid_rows(setup)
    rows[2][1] = "Z"
    path = tmp_path / "pre.csv"
    path.write_bytes(_csv(rows))
    with translation.override("en"), pytest.raises(CommandError, match=r"row 3: Column Q1"):
        call_command("import_responses", str(path), test="pre", course=setup["course"].slug)
    assert Attempt.objects.count() == 0


def test_the_command_refuses_an_unknown_session_and_still_takes_a_course(setup, tmp_path):
    # Imports by session (its roster decides who is a trainee) are tested in tests/training.
    path = tmp_path / "pre.csv"
    path.write_bytes(_csv(_valid_rows(setup)))
    with translation.override("en"), pytest.raises(CommandError, match="No session has the code CKY2025"):
        call_command("import_responses", str(path), test="pre", session="CKY2025")
    call_command("import_responses", str(path), test="pre", course=setup["course"].slug)
    assert Attempt.objects.count() == 2


def _database_url(tmp_path) -> str:
    """A database URL for a subprocess that sees this test's (committed) data."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{db['USER'] or ''}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
            f"/{db['NAME']}"
        )
    if connection.vendor != "sqlite":
        pytest.skip(f"no subprocess access to a {connection.vendor} test database")
    # The SQLite test database lives in memory: copy it to a file.
    copy = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    connection.connection.backup(target)
    target.close()
    return f"sqlite:///{copy}"


@pytest.mark.django_db(transaction=True)
def test_the_command_exits_with_code_1_naming_the_row(tmp_path):
    course, _lessons, _pre, _post = assessment_setup()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    path = tmp_path / "pre.csv"
    path.write_bytes(_csv([["username", "Q1", "Q2"], [user.username, "B", "B"], ["personne", "A", "A"]]))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "import_responses", str(path), "--test", "pre", "--course", course.slug],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": _database_url(tmp_path), "MEDIA_ROOT": str(tmp_path / "m")},
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert re.search(r"(ligne|row) 3\s?: ", result.stderr), result.stderr
    assert "personne" in result.stderr
    assert Attempt.objects.count() == 0
