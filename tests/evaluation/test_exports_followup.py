# ruff: noqa: F811 - the cohort fixture is imported, and named again as a test argument
"""The evaluator's exports (issue 21): the follow-up beside the pre- and post-test with the page's
suppression, the sex and age band breakdowns with the page's figures, and the reaction answers in
no export at all (so never next to a name). Known data: tests/evaluation/test_retention.py's cohort,
13 matched trainees of whom 7 took the follow-up and 6 did not come back."""

import csv
import io
from collections import Counter

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from assessments.models import Attempt, Question
from evaluation.reaction import services
from lms import roles
from tests.evaluation.test_report_pdf import _plain, _text
from tests.evaluation.test_retention import MISSING, PATTERNS, REFERENCES, _percent, _report, cohort  # noqa: F401
from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory

pytestmark = pytest.mark.django_db


def _evaluator() -> Client:
    client = Client()
    client.force_login(UserFactory(username="export-evaluator", role=roles.EVALUATOR))
    return client


def _rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def _summary(content: bytes) -> dict[str, str]:
    """{statistic: value} of the codebook file's summary part (after its blank line)."""
    lines = content.decode("utf-8-sig").split("\r\n\r\n", 1)[1]
    return {row[0]: row[1] for row in csv.reader(io.StringIO(lines)) if len(row) == 2}


def _points():
    return [q.points for q in Question.objects.filter(bank__course__isnull=False).order_by("reference")]


def test_the_data_file_has_the_followup_beside_pre_and_post(cohort):
    rows = _rows(_evaluator().get("/en/evaluation/prepost.csv").content)
    assert len(rows) == 13
    assert Counter(row["followup_status"] for row in rows) == {"taken": 7, "missing": 6}
    points = _points()
    expected = sorted(
        (round(_percent(p[0], points), 4), round(_percent(p[2], points), 4), tuple(p[2])) for p in PATTERNS
    )
    taken = [row for row in rows if row["followup_status"] == "taken"]
    found = sorted(
        (
            float(row["pre_percent"]),
            float(row["followup_percent"]),
            tuple(int(float(row[f"followup_{r}"]) > 0) for r in REFERENCES),
        )
        for row in taken
    )
    assert found == expected
    for row in taken:
        retention = float(row["followup_percent"]) - float(row["pre_percent"])
        assert float(row["retention_points"]) == pytest.approx(retention, abs=1e-3)
        assert row["followup_date"] == f"{timezone.now():%Y-%m}"  # 7 share it, 6 have none: both ≥ 5
    for row in rows:
        if row["followup_status"] == "missing":
            assert row["followup_percent"] == row["followup_date"] == row[f"followup_{REFERENCES[0]}"] == ""


def test_the_summary_gives_the_pages_followup_figures_and_breakdowns(cohort):
    summary = _summary(_evaluator().get("/en/evaluation/codebook.csv").content)
    [module] = _report()
    prefix = f"followup [{module.title}]"
    assert summary[f"{prefix} n_matched"] == "13"
    assert (summary[f"{prefix} n_returned"], summary[f"{prefix} n_missing"]) == ("7", "6")
    assert float(summary[f"{prefix} friedman_p"]) == pytest.approx(module.overall.friedman.p_value, rel=1e-9)
    assert float(summary[f"{prefix} friedman_chi2"]) == pytest.approx(module.overall.friedman.chi2, rel=1e-9)
    assert float(summary[f"{prefix} gain_kept"]) == pytest.approx(module.overall.gain_kept, rel=1e-9)
    assert float(summary[f"{prefix} since_post_p"]) == pytest.approx(module.overall.since_post.p_value, rel=1e-9)
    assert float(summary[f"{prefix} attrition_welch_p"]) == pytest.approx(module.attrition.welch_p, rel=1e-9)
    q1 = next(row for row in module.items if row.label == "Q1")
    assert float(summary[f"{prefix} question: Q1 mean_followup"]) == pytest.approx(q1.mean_followup, rel=1e-9)
    # Nobody declared a sex or an age band: one "not stated" group of 13, with the page's figures.
    assert summary["sex: Not stated n"] == summary["age_band: Not stated n"] == "13"
    for figure in ("mean_pre", "mean_post", "ci95_low", "ci95_high", "cohen_dz", "class_gain", "percent_improved"):
        assert summary[f"sex: Not stated {figure}"] != ""


def test_the_xlsx_holds_the_same_followup_columns_and_summary(cohort):
    workbook = load_workbook(io.BytesIO(_evaluator().get("/fr/evaluation/prepost.xlsx").content))
    data = list(workbook.worksheets[0].values)
    header = list(data[0])
    status = header.index("followup_status")
    assert header[status : status + 4] == ["followup_status", "followup_date", "followup_percent", "retention_points"]
    assert Counter(row[status] for row in data[1:]) == {"taken": 7, "missing": 6}
    assert all(isinstance(row[status + 2], float) for row in data[1:] if row[status] == "taken")
    summary = {row[0]: row[1] for row in workbook.worksheets[2].values}
    assert any(str(key).startswith("followup [") and key.endswith("n_returned") for key in summary)


def test_a_followup_the_page_withholds_is_suppressed_in_every_export(cohort):
    # Four came back: few enough to be recognised, so the page shows the module's counts only.
    Attempt.objects.filter(test=cohort["followup"], user__in=cohort["returned"][:3]).delete()
    client = _evaluator()
    rows = _rows(client.get("/en/evaluation/prepost.csv").content)
    assert len(rows) == 13
    assert {(row["followup_status"], row["followup_date"], row["followup_percent"]) for row in rows} == {
        ("suppressed", "suppressed", "suppressed")
    }
    summary = _summary(client.get("/en/evaluation/codebook.csv").content)
    [module] = _report()
    assert summary[f"followup [{module.title}]"] == "suppressed"
    assert not any(key.endswith(("n_returned", "friedman_p")) for key in summary)


def test_one_missing_beside_five_not_due_is_suppressed_as_on_the_page(cohort):
    session = TrainingSessionFactory(courses=[cohort["course"]], followup_days=200)
    for user in cohort["missing"][:5]:
        ParticipantFactory(session=session, user=user)
    rows = _rows(_evaluator().get("/en/evaluation/prepost.csv").content)
    assert {row["followup_status"] for row in rows} == {"suppressed"}
    ParticipantFactory(session=session, user=cohort["missing"][5])
    rows = _rows(_evaluator().get("/en/evaluation/prepost.csv").content)
    assert Counter(row["followup_status"] for row in rows) == {"taken": 7, "not_due": 6}


def test_reaction_answers_are_in_no_export_and_never_next_to_a_name(cohort, programme_questionnaire, tmp_path):
    """Every file an evaluator, a trainer or the trainee can download: the reaction answers' words
    appear in none (the evaluator's summary page, which has no name, shows them: the control)."""
    trainer = UserFactory(username="export-trainer", role=roles.TRAINER)
    session = TrainingSessionFactory(code="EXP26", trainer=trainer, courses=[cohort["course"]])
    people = cohort["returned"][:5]
    for index, person in enumerate(people):
        ParticipantFactory(session=session, user=person)
        services.reaction_submit(
            user=person,
            course_id=cohort["course"].pk,
            ratings={"relevance": 5, "confidence": 4, "trainer": 4, "conditions": 2},
            comment=f"Kolatier{index} utile",
        )
    evaluator, coach = _evaluator(), Client()
    coach.force_login(trainer)
    assert "Kolatier0 utile" in evaluator.get("/fr/evaluation/reactions/").content.decode()
    files = {
        "data": evaluator.get("/fr/evaluation/prepost.csv").content.decode("utf-8-sig"),
        "codebook": evaluator.get("/fr/evaluation/codebook.csv").content.decode("utf-8-sig"),
        "pdf": _text(evaluator.get("/fr/evaluation/report.pdf").content, tmp_path),
        "session_csv": coach.get("/fr/sessions/EXP26/summary.csv").content.decode("utf-8-sig"),
    }
    workbooks = {
        "xlsx": evaluator.get("/fr/evaluation/prepost.xlsx").content,
        "session_xlsx": coach.get("/fr/sessions/EXP26/summary.xlsx").content,
    }
    for name, content in workbooks.items():
        cells = [str(c) for sheet in load_workbook(io.BytesIO(content)).worksheets for r in sheet.values for c in r]
        files[name] = "\n".join(cells)
    for person in people:
        client = Client()
        client.force_login(person)
        files[f"my-data {person.username}"] = client.get("/fr/account/data.json").content.decode()
    assert people[0].display_name in files[f"my-data {people[0].username}"]  # the control: names are there
    assert "T-" in files["data"] and people[1].display_name in files["session_csv"]
    for name, text in files.items():
        assert "Kolatier" not in text, name


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pdf_gives_the_pages_followup_figures(cohort, language, tmp_path):
    from django.utils import translation

    from evaluation.templatetags.evaluation_tags import number, pvalue

    text = _text(_evaluator().get(f"/{language}/evaluation/report.pdf").content, tmp_path)
    [module] = _report()
    row = module.overall
    with translation.override(language):
        means = f"{number(row.mean_pre)} → {number(row.mean_post)} → {number(row.mean_followup)}"
        friedman = f"= {number(row.friedman.chi2, 2)}, p {pvalue(row.friedman.p_value)}"
    assert ("Suivi : les acquis ont-ils duré ?" if language == "fr" else "Follow-up: did it last?") in text
    assert _plain(means) in text and _plain(friedman) in text
