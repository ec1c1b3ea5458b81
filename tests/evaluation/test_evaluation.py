"""The evaluation report: matching, suppression, permissions, access log, exports, query counts."""

import datetime
import io
import json
import re
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from assessments.models import Attempt
from evaluation import charts, exports, synthetic
from evaluation.aggregates import matched_counts
from evaluation.analytics import paired_summary
from evaluation.filters import ReportFilters
from evaluation.report import evaluation_report
from evaluation.selectors import matched_data
from lms import roles
from lms.models import Prefecture, StaffAccess
from tests.evaluation.oracle import python_matched_data, python_report
from tests.factories import UserFactory, assessment_setup, prepost_module, prepost_results

pytestmark = pytest.mark.django_db

# Six items in assessment_setup's form (Q1..Q6).
PATTERNS = [
    ([0, 0, 1, 0, 0, 1], [1, 0, 1, 1, 0, 1]),
    ([1, 0, 0, 0, 1, 0], [1, 1, 1, 0, 1, 1]),
    ([0, 1, 0, 0, 0, 0], [1, 1, 0, 1, 0, 1]),
    ([1, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 0]),
    ([0, 0, 0, 1, 0, 0], [0, 1, 0, 1, 1, 0]),
    ([1, 0, 1, 0, 1, 0], [1, 1, 1, 1, 1, 1]),
]


def _person(index: int, prefecture: str, audience: str):
    return UserFactory(
        username=f"zz-user-{index:03d}",
        display_name=f"Kadiatou Personne{index:03d}",
        email=f"kadiatou{index:03d}@example.org",
        phone=f"+22462{index:07d}",
        audience=audience,
        prefecture=Prefecture.objects.get(code=prefecture),
    )


def _cohort(*, kankan_police: int = 6, labe_civil: int = 6, small: int = 2, start: int = 0):
    course, _lessons, pre, post = assessment_setup()
    trainees = []
    index = start
    for count, prefecture, audience in (
        (kankan_police, "kankan", "police"),
        (labe_civil, "labe", "civil_society"),
        (small, "nzerekore", "religious_leader"),
    ):
        for _i in range(count):
            pattern_pre, pattern_post = PATTERNS[index % len(PATTERNS)]
            trainees.append(
                {
                    "user": _person(index, prefecture, audience),
                    "pre": pattern_pre,
                    "post": pattern_post,
                    "mode": "paper" if index % 5 == 0 else "online",
                }
            )
            index += 1
    unmatched = _person(900 + start, "kankan", "police")
    trainees.append({"user": unmatched, "pre": PATTERNS[0][0], "post": None})
    prepost_results(course=course, pre=pre, post=post, trainees=trainees)
    return {"course": course, "pre": pre, "post": post, "users": [t["user"] for t in trainees]}


@pytest.fixture
def cohort():
    return _cohort()


def _client(role: str) -> Client:
    user = UserFactory(username=f"staff-{role.lower()}", role=role)
    client = Client()
    client.force_login(user)
    # The header's workspace link is looked up once per person and kept (lms.workspace): looked up
    # here, so that the query counts below compare the report's own queries.
    from django.utils import translation

    from lms.workspace import workspace_for

    with translation.override("fr"):
        workspace_for(user)
    return client


def _report(query=None):
    filters = ReportFilters.from_query(query or {})
    return evaluation_report(data=matched_data(filters=filters), labels={})


def test_only_matched_pairs_enter_the_statistics(cohort):
    report = _report()
    assert report.summary.n == 14
    assert report.n_unmatched == 1
    assert report.n_paper_attempts == 6  # trainees 0, 5, 10 sat both tests on paper
    pre = [p.pre.percent for p in report.pairs]
    post = [p.post.percent for p in report.pairs]
    assert report.summary == paired_summary(pre, post)


def test_filters_by_region_audience_and_mode(cohort):
    assert _report({"region": "Kankan", "audience": "police"}).summary.n == 6
    assert _report({"natural_region": "middle"}).summary.n == 6  # Labé
    assert _report({"mode": "paper"}).summary.n == 3
    assert _report({"prefecture": "nzerekore"}).summary.n == 2


def test_small_groups_are_suppressed_in_breakdowns(cohort):
    rows = {row.label: row for row in _report().breakdowns["region"]}
    assert rows["Nzérékoré"].suppressed and rows["Nzérékoré"].summary is None
    # Secondary suppression: the total (14) minus Kankan and Labé would give Nzérékoré's two.
    shown = [row for row in rows.values() if not row.suppressed]
    assert len(shown) == 1 and shown[0].n == 6 and shown[0].label in ("Kankan", "Labé")


def test_items_count_changes_and_apply_holm(cohort):
    items = {row.reference: row for row in _report().items}
    # Q2 is the second item of each pattern.
    q2 = items["Q2"]
    expected_c = sum(1 for i in range(14) if not PATTERNS[i % 6][0][1] and PATTERNS[i % 6][1][1])
    expected_b = sum(1 for i in range(14) if PATTERNS[i % 6][0][1] and not PATTERNS[i % 6][1][1])
    assert (q2.wrong_to_right, q2.right_to_wrong) == (expected_c, expected_b)
    assert all(row.mcnemar_p_holm >= row.mcnemar_p for row in items.values())


@pytest.mark.parametrize(
    ("read", "queries"),
    [
        (matched_data, 5),  # exports and the command: the page's counts, then every trainee's item marks
        (matched_counts, 3),  # the page: the database's histograms
    ],
)
def test_report_data_takes_the_same_queries_whatever_the_size_and_filters(django_assert_num_queries, read, queries):
    _cohort(kankan_police=3, labe_civil=3, small=1)
    with django_assert_num_queries(queries):
        read(filters=ReportFilters.from_query({}))
    _cohort(kankan_police=20, labe_civil=20, small=5, start=100)
    with django_assert_num_queries(queries):
        read(
            filters=ReportFilters.from_query(
                {"audience": "police", "region": "Kankan", "language": "fr", "mode": "online"}
            )
        )


def _page_queries(client, query: str = "") -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/fr/evaluation/{query}").status_code == 200
    return len(captured)


def test_page_query_count_does_not_grow_with_trainees_or_filters():
    client = _client(roles.EVALUATOR)
    # A selection the disclosure rule refuses skips the data queries: this one is shown.
    query = "?region=kankan&audience=police&mode=online&language=fr&date_from=2020-01-01"
    _cohort(kankan_police=3, labe_civil=3, small=1)
    small = [_page_queries(client), _page_queries(client)]  # computed, then stored
    _cohort(kankan_police=30, labe_civil=30, small=10, start=100)
    large = [_page_queries(client), _page_queries(client)]
    filtered = [_page_queries(client, query), _page_queries(client, query)]
    assert small == large == filtered
    assert small[1] == small[0] - 5  # the disclosure check, the three data queries and the objectives in words


@pytest.mark.parametrize("role", [roles.TRAINER, roles.TRAINEE])
@pytest.mark.parametrize(
    "url",
    ["/fr/evaluation/", "/fr/evaluation/prepost.csv", "/fr/evaluation/codebook.csv", "/fr/evaluation/prepost.xlsx"],
)
def test_trainers_and_trainees_get_403(cohort, role, url):
    assert _client(role).get(url).status_code == 403
    assert StaffAccess.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(cohort):
    response = Client().get("/fr/evaluation/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_every_access_is_logged_with_its_filters(cohort):
    client = _client(roles.EVALUATOR)
    client.get("/fr/evaluation/?audience=police&region=kankan")
    client.get("/fr/evaluation/prepost.xlsx?audience=police")
    logged = list(StaffAccess.objects.order_by("at").values_list("username", "what", "subject", "filters"))
    assert logged == [
        ("staff-evaluator", "evaluation_page", "prepost", {"audience": "police", "region": "kankan"}),
        ("staff-evaluator", "evaluation_xlsx", "prepost", {"audience": "police"}),
    ]


def _personal_values(users) -> list[bytes]:
    values = []
    for user in users:
        for value in (user.username, user.display_name, user.email, user.phone):
            values.append(value.encode())
    return values


def _xlsx_bytes(content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def test_exports_contain_no_personal_value(cohort):
    client = _client(roles.EVALUATOR)
    files = [
        client.get("/fr/evaluation/prepost.csv").content,
        client.get("/fr/evaluation/codebook.csv").content,
        _xlsx_bytes(client.get("/fr/evaluation/prepost.xlsx").content),
    ]
    assert b"T-" in files[0] and b"T-" in files[2]
    for value in _personal_values(cohort["users"]):
        for content in files:
            assert value not in content, value


def test_export_suppresses_groups_under_five(cohort):
    content = _client(roles.EVALUATOR).get("/fr/evaluation/prepost.csv").content.decode("utf-8-sig")
    assert "Nzérékoré" not in content and "religious_leader" not in content
    assert content.count("suppressed") >= 2
    rows = content.splitlines()[1:]
    assert len(rows) == 14
    header = content.splitlines()[0].split(",")
    assert header[:8] == [
        "trainee",
        "module",
        "prefecture",
        "session",
        "region",
        "language",
        "audience",
        "natural_region",
    ]


def test_export_pseudonyms_are_stable_within_and_differ_across_exports(cohort):
    client = _client(roles.EVALUATOR)
    first = client.get("/fr/evaluation/prepost.csv").content.decode("utf-8-sig").splitlines()[1:]
    second = client.get("/fr/evaluation/prepost.csv").content.decode("utf-8-sig").splitlines()[1:]
    ids = [row.split(",")[0] for row in first]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & {row.split(",")[0] for row in second}


def test_export_neutralises_formula_cells_and_keeps_numbers(cohort):
    cohort["course"].title = '=HYPERLINK("http://x")'
    cohort["course"].save_revision().publish()
    client = _client(roles.EVALUATOR)
    content = client.get("/en/evaluation/prepost.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in content and ",=HYPERLINK" not in content
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(client.get("/en/evaluation/prepost.xlsx").content))
    row = next(workbook["data"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert row[1].startswith("'=")
    header = next(workbook["data"].iter_rows(min_row=1, max_row=1, values_only=True))
    column = {name: index for index, name in enumerate(header)}
    assert isinstance(row[column["pre_percent"]], float) and isinstance(row[column["gain_points"]], float)
    # the month (YYYY-MM), never the day
    assert re.fullmatch(r"\d{4}-\d{2}|suppressed", row[column["pre_date"]])
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert exports.neutralise(value) == "'" + value
    assert exports.neutralise(-1.5) == -1.5 and exports.neutralise("CT-01") == "CT-01"


def test_export_file_names_carry_a_timestamp(cohort):
    response = _client(roles.EVALUATOR).get("/fr/evaluation/prepost.xlsx")
    assert response["Content-Disposition"].startswith('attachment; filename="prepost-data-20')
    assert response["Content-Disposition"].endswith('Z.xlsx"')


def test_command_prints_the_report_numbers_as_json(cohort, capsys):
    call_command("prepost_report", "--region", "Kankan", "--format", "json")
    printed = json.loads(capsys.readouterr().out)
    report = _report({"region": "Kankan"})
    assert printed["summary"]["n"] == 6
    assert printed["summary"]["mean_diff"] == pytest.approx(report.summary.mean_diff)
    assert set(printed["summary"]) == set(report.summary.__dataclass_fields__)
    assert StaffAccess.objects.get().what == StaffAccess.What.EVALUATION_COMMAND


def test_command_csv_and_course_filter(cohort, capsys):
    with translation.override("fr"):
        call_command("prepost_report", "--course", cohort["course"].slug, "--format", "csv")
    lines = capsys.readouterr().out.splitlines()
    # French is the default language: the header is translated, the statistics keep their names.
    assert lines[0] == "statistique,valeur" and lines[1] == "n,14"


def test_charts_stay_under_8_kb_even_for_thousands_of_trainees():
    import random

    rng = random.Random(1)
    points = [(rng.uniform(0, 100), rng.uniform(0, 100)) for _ in range(5000)]
    gains = [b - a for a, b in points]
    svgs = [
        charts.scatter_chart(points, title="t", x_label="x", y_label="y"),
        charts.slope_chart(
            [("All", 40.0, 70.0)] + [(f"Group {i}", 40.0 + i, 70.0 - i) for i in range(8)],
            title="t",
            pre_label="a",
            post_label="b",
        ),
        charts.gain_distribution_chart([(f"Group {i}", gains) for i in range(10)], title="t", axis_label="pp"),
        charts.item_bars_chart(
            [(f"REF-{i:02d}", 0.3, 0.8) for i in range(40)], title="t", pre_label="a", post_label="b"
        ),
    ]
    for svg in svgs:
        assert svg.startswith("<svg") and len(svg.encode()) <= 8 * 1024


def test_page_shows_charts_tables_and_descriptions(cohort):
    html = _client(roles.EVALUATOR).get("/fr/evaluation/").content.decode()
    assert html.count("<svg") == 4 and html.count("<figcaption>") == 4 and html.count("<details>") == 4
    assert " style=" not in html
    assert "Cohen" in html and "Hedges" in html


def test_synthetic_results_are_generated_and_flagged(cohort):
    created = synthetic.generate(course_id=cohort["course"].pk, trainees=30)
    assert created == 30
    assert Attempt.objects.filter(user__username__startswith=synthetic.PREFIX).count() > 30
    report = _report()
    assert report.n_synthetic >= 25
    assert synthetic.seed_demo() == 0  # the demo module does not exist here: nothing to do


def test_seed_demo_adds_the_synthetic_results_once_with_every_group_shown(seeded_demo_twice):
    from lms.models import User

    assert User.objects.filter(username__startswith=synthetic.PREFIX).count() == synthetic.DEMO_TRAINEES
    assert not User.objects.filter(username__startswith=synthetic.PREFIX).exclude(email="", phone="").exists()
    report = _report()
    assert report.summary.n >= 100 and report.n_unmatched >= 1 and report.n_paper_attempts > 0
    assert len([g for g in report.breakdowns["natural_region"] if not g.suppressed]) == 4
    assert len([g for g in report.breakdowns["audience"] if not g.suppressed]) == 5
    # Every matched pair is synthetic but those of the demo accounts (the demo session's roster).
    assert report.anchors and report.n_synthetic >= 100
    others = {p.user_id for p in report.pairs} - set(
        User.objects.filter(username__startswith=synthetic.PREFIX).values_list("pk", flat=True)
    )
    roster = set(User.objects.filter(participations__session__code="DEMO1").values_list("pk", flat=True))
    assert len(others) == report.summary.n - report.n_synthetic and others <= roster


def test_generalisation_leaves_no_combination_under_five():
    from types import SimpleNamespace

    def pair(prefecture, region, language, audience, natural_region):
        attempt = SimpleNamespace(finished_on="2026-11-03", mode="online", form_label="")
        return SimpleNamespace(
            course_id=1,
            pre=attempt,
            post=attempt,
            prefecture=prefecture,
            session="",
            region=region,
            language=language,
            audience=audience,
            natural_region=natural_region,
            sex="",
            age_band="",
        )

    pairs = [pair("Kankan", "Kankan", "fr", "police", "upper")] * 6
    pairs += [pair("Siguiri", "Kankan", "fr", "police", "upper")] * 3
    pairs += [pair("Labé", "Labé", "en", "civil_society", "middle")] * 2
    rows = exports.generalised_groups(pairs)
    from collections import Counter

    combinations = Counter(tuple(row.values()) for row in rows)
    assert all(count >= 5 for count in combinations.values()) or set(rows[-1].values()) == {"suppressed"}
    assert rows[0]["prefecture"] == "Kankan" and rows[6]["prefecture"] == "suppressed"
    assert rows[-1]["natural_region"] == "suppressed"


def test_filters_parse_the_query_ignore_unknown_keys_and_refuse_bad_values():
    from evaluation.filters import InvalidFilter

    filters = ReportFilters.from_query({"course": "7", "date_from": "", "audience": " police ", "x": "1"})
    assert filters.values == {"course": 7, "audience": "police"}
    assert filters.as_log() == {"course": "7", "audience": "police"}
    with pytest.raises(InvalidFilter):
        ReportFilters.from_query({"date_from": "2026-13-01"})
    with pytest.raises(InvalidFilter):
        ReportFilters.from_query({"audience": "police"}, choices={"audience": [("civil_society", "")]})


def test_session_and_trainer_filters_count_only_that_sessions_participants(cohort, capsys):
    from tests.factories import ParticipantFactory, TrainingSessionFactory

    trainer = UserFactory(username="formatrice-kankan")
    session = TrainingSessionFactory(code="KAN1", trainer=trainer, courses=[cohort["course"]])
    other = TrainingSessionFactory(code="LAB1", courses=[cohort["course"]])
    matched = [p.user_id for p in _report().pairs]
    for user_id in matched[:6]:
        ParticipantFactory(session=session, user_id=user_id)
    for user_id in matched[6:9]:
        ParticipantFactory(session=other, user_id=user_id)
    assert {p.user_id for p in _report({"session": "kan1"}).pairs} == set(matched[:6])
    assert {p.user_id for p in _report({"trainer": str(trainer.pk)}).pairs} == set(matched[:6])
    assert _report({"session": "LAB1"}).summary.n == 3
    call_command("prepost_report", "--session", "KAN1", "--format", "json")
    assert json.loads(capsys.readouterr().out)["summary"]["n"] == 6


def _assert_close(fast, pure, path="report"):
    """Equal dataclasses, lists and values, floats to 1e-9 (the order of additions differs)."""
    import dataclasses
    import math

    if dataclasses.is_dataclass(fast):
        assert type(fast) is type(pure), path
        for field in dataclasses.fields(fast):
            _assert_close(getattr(fast, field.name), getattr(pure, field.name), f"{path}.{field.name}")
    elif isinstance(fast, dict):
        assert fast.keys() == pure.keys(), path
        for key in fast:
            _assert_close(fast[key], pure[key], f"{path}[{key!r}]")
    elif isinstance(fast, list | tuple):
        assert len(fast) == len(pure), path
        for index, (a, b) in enumerate(zip(fast, pure, strict=True)):
            _assert_close(a, b, f"{path}[{index}]")
    elif isinstance(fast, float) and isinstance(pure, float):
        assert math.isclose(fast, pure, rel_tol=1e-9, abs_tol=1e-9), (path, fast, pure)
    else:
        assert fast == pure, (path, fast, pure)


REPORT_FIELDS = (
    "summary",
    "breakdowns",
    "items",
    "forms",
    "objectives",
    "anchors",
    "scores",
    "n_unmatched",
    "n_excluded",
    "n_paper_attempts",
    "n_synthetic",
    "percent_improved",
    "pass_rate_pre",
    "pass_rate_post",
    "hake_band",
)


def _three_paths(query=None):
    """The oracle's report (matched in Python, statistics from every trainee's marks: oracle.py),
    the exports' (matched_data) and the page's (matched_counts)."""
    filters = ReportFilters.from_query(query or {})
    pure = python_report(data=python_matched_data(filters=filters), labels={})
    fast = evaluation_report(data=matched_data(filters=filters), labels={})
    counted = evaluation_report(data=matched_counts(filters=filters), labels={})
    # The exports' trainees are the oracle's, field by field (item marks included).
    _assert_close(fast.pairs, pure.pairs, "pairs")
    return pure, fast, counted


def _assert_same_reports(pure, *others, fields=REPORT_FIELDS):
    for other in others:
        for name in fields:
            _assert_close(getattr(other, name), getattr(pure, name), name)


@pytest.mark.parametrize("query", [{}, {"region": "Kankan", "audience": "police"}, {"mode": "paper"}])
def test_database_counts_give_the_same_item_statistics_as_the_pure_functions(cohort, query):
    pure, fast, counted = _three_paths(query)
    assert pure.items and pure.forms and pure.objectives
    _assert_same_reports(pure, fast, counted)
    assert len(fast.pairs) == len(pure.pairs) == pure.summary.n
    assert counted.pairs == [] and counted.summary.n == pure.summary.n > 0


def test_database_counts_match_on_two_forms_with_anchors_and_unanswered_items(seeded_demo):
    # An unanswered item counts 0 on every path.
    from assessments.models import Response

    some = list(Response.objects.order_by("pk").values_list("pk", flat=True)[:40])[::3]
    Response.objects.filter(pk__in=some).delete()
    pure, fast, counted = _three_paths()
    assert pure.anchors and len(pure.forms) >= 3
    _assert_same_reports(pure, fast, counted)
    assert len([g for g in counted.breakdowns["session"] if not g.suppressed]) >= 1


def _repeat(attempt, *, number: int, right: bool, max_score=None):
    """Another finished attempt of the same test by the same trainee, every item right or wrong."""
    from assessments.models import Response

    responses = list(Response.objects.filter(attempt=attempt).select_related("question"))
    marks = [float(r.question.points) if right else 0.0 for r in responses]
    repeat = Attempt.objects.create(
        user=attempt.user,
        test=attempt.test,
        form=attempt.form,
        number=number,
        status=Attempt.Status.SUBMITTED,
        finished_at=attempt.finished_at,
        score=0.0 if max_score == 0 else sum(marks),
        max_score=attempt.max_score if max_score is None else max_score,
    )
    Response.objects.bulk_create(
        [
            Response(attempt=repeat, question=r.question, answer={}, score=mark)
            for r, mark in zip(responses, marks, strict=True)
        ]
    )
    return repeat


def test_database_counts_match_with_repeats_unscorable_attempts_and_sessions(cohort):
    from tests.factories import ParticipantFactory, TrainingSessionFactory

    attempts = {(a.user_id, a.test.kind): a for a in Attempt.objects.select_related("test", "user", "form")}
    users = [u for u in cohort["users"] if (u.pk, "post") in attempts]
    # A second pre-test (not counted: the first counts) and a second post-test (counted: the last).
    for user in users[:3]:
        _repeat(attempts[(user.pk, "pre")], number=2, right=True)
        _repeat(attempts[(user.pk, "post")], number=2, right=False)
    _repeat(attempts[(users[3].pk, "post")], number=2, right=True, max_score=0)  # unscorable
    early = TrainingSessionFactory(code="KAN1", courses=[cohort["course"]])
    late = TrainingSessionFactory(
        code="KAN2", courses=[cohort["course"]], start_date=early.start_date + datetime.timedelta(days=30)
    )
    for user in users[:8]:
        ParticipantFactory(session=early, user=user)
    for user in users[:2]:
        ParticipantFactory(session=late, user=user)  # the most recent session counts
    pure, fast, counted = _three_paths()
    _assert_same_reports(pure, fast, counted)
    assert pure.n_excluded == 7 and pure.summary.n == 14  # 3 first post-tests, 3 second pre-tests, 1 unscorable
    sessions = {row.label: row for row in counted.breakdowns["session"]}
    assert sessions["KAN1"].n == 6 and not sessions["KAN1"].suppressed
    assert sessions["KAN2"].n == 2 and sessions["KAN2"].suppressed and sessions["KAN2"].summary is None
    assert sessions[""].n == 6
    by_pair = {p.user_id: p.session for p in pure.pairs}
    assert [by_pair[u.pk] for u in users[:3]] == ["KAN2", "KAN2", "KAN1"]


def _page_numbers(client, query: str = "") -> dict[str, str]:
    """The page's data-field values, and the session breakdown's rows."""
    import re

    html = client.get(f"/en/evaluation/{query}").content.decode()
    fields = dict(re.findall(r'data-field="(\w+)">([^<]*)<', html))
    table = html[html.index('data-breakdown="session"') :]
    fields["sessions"] = re.findall(
        r'<th scope="row">([^<]*)</th><td class="num">(\d+)</td>', table[: table.index("</table>")]
    )
    return fields


def test_the_page_is_stored_until_a_new_submission_changes_its_numbers(cohort):
    from tests.factories import take_test

    client = _client(roles.EVALUATOR)
    computed = _page_queries(client)
    stored = _page_queries(client)
    assert stored < computed  # the second load read the stamp and the store, not the data
    before = _page_numbers(client)
    assert before["n"] == "14" and before["n_unmatched"] == "1"
    # The unmatched trainee (pre-test only) sits the post-test through the services.
    unmatched = cohort["users"][-1]
    take_test(user=unmatched, test=cohort["post"], right=True)
    after = _page_numbers(client)
    assert after["n"] == "15" and after["n_unmatched"] == "0" and after["mean_post"] != before["mean_post"]
    # The French page is stored apart (its labels are French): computed once more, then stored.
    assert [_page_queries(client), _page_queries(client)] == [computed, stored]


def test_the_stored_page_follows_a_change_of_audience_and_of_roster(cohort):
    from tests.factories import ParticipantFactory, TrainingSessionFactory

    client = _client(roles.EVALUATOR)
    police = _page_queries(client, "?audience=police")
    assert _page_numbers(client, "?audience=police")["n"] == "6"
    user = cohort["users"][0]
    user.audience = "civil_society"
    user.save(update_fields=["audience"])
    assert _page_numbers(client, "?audience=police")["n"] == "5"
    session = TrainingSessionFactory(code="LAB7", courses=[cohort["course"]])
    assert ("LAB7", "6") not in _page_numbers(client)["sessions"]
    for trainee in cohort["users"][6:12]:
        ParticipantFactory(session=session, user=trainee)
    assert ("LAB7", "6") in _page_numbers(client)["sessions"]
    assert _page_numbers(client, "?session=LAB7")["n"] == "6"
    assert police > 0


def test_the_stored_page_leaves_out_a_trainee_who_withdraws_consent(cohort):
    from lms.services import user_withdraw_consent

    client = _client(roles.EVALUATOR)
    assert _page_numbers(client)["n"] == "14"
    user_withdraw_consent(user=cohort["users"][0])
    assert _page_numbers(client)["n"] == "13"


def test_stored_reports_are_kept_per_filters_and_language(cohort):
    from evaluation import stored

    version = stored.data_version()
    assert version == stored.data_version()
    keys = {
        stored.cache_key(ReportFilters.from_query(query), version)
        for query in ({}, {"audience": "police"}, {"audience": "police", "x": "1"})
    }
    assert len(keys) == 2  # unknown keys do not make another entry
    with translation.override("en"):
        english = stored.cache_key(ReportFilters.from_query({}), version)
    with translation.override("fr"):
        assert stored.cache_key(ReportFilters.from_query({}), version) != english


def test_session_breakdown_in_the_json_the_page_and_the_exports(cohort, capsys):
    from tests.factories import ParticipantFactory, TrainingSessionFactory

    kankan = TrainingSessionFactory(code="KAN1", courses=[cohort["course"]])
    labe = TrainingSessionFactory(code="LAB1", courses=[cohort["course"]])
    for user in cohort["users"][:6]:
        ParticipantFactory(session=kankan, user=user)
    for user in cohort["users"][6:8]:
        ParticipantFactory(session=labe, user=user)
    call_command("prepost_report", "--format", "json")
    sessions = json.loads(capsys.readouterr().out)["breakdowns"]["session"]
    assert {"group": "LAB1", "suppressed": True} in sessions
    kan1 = next(row for row in sessions if row["group"] == "KAN1")
    assert kan1["n"] == 6 and kan1["mean_diff"] == pytest.approx(_report({"session": "KAN1"}).summary.mean_diff)
    client = _client(roles.EVALUATOR)
    html = client.get("/en/evaluation/").content.decode()
    table = html[html.index('data-breakdown="session"') :]
    table = table[: table.index("</table>")]
    assert "KAN1" in table and "LAB1" in table and "No session" in table
    content = client.get("/fr/evaluation/prepost.csv").content.decode("utf-8-sig")
    header, *rows = [row.split(",") for row in content.splitlines()]
    column = header.index("session")
    assert sorted(row[column] for row in rows).count("KAN1") == 6
    assert "LAB1" not in content  # two trainees: generalised away
    for value in _personal_values(cohort["users"]):
        assert value not in content.encode()


def test_bit_masks_count_partial_marks_and_modules_beyond_one_word_exactly(cohort):
    """The page's masks (evaluation/bitmarks.py): 35 items in one module take two SQL words, a
    second module shifts the bits, partial marks take masks of their own, and zero
    marks, deleted responses and NULL scores count 0 — every field equals the oracle's to 1e-9."""
    from assessments.models import Response

    wide = prepost_module(references=35, points=2, title="Wide", trainees=24).pk
    prepost_module(references=3, points=1, title="Narrow", trainees=24)
    responses = Response.objects.filter(attempt__test__course_id=wide).order_by("pk")
    ids = list(responses.values_list("pk", flat=True))
    Response.objects.filter(pk__in=ids[::7]).update(score=1.0)  # half of 2 points
    Response.objects.filter(pk__in=ids[3::11]).update(score=0.5)
    Response.objects.filter(pk__in=ids[5::13]).update(score=None)
    Response.objects.filter(pk__in=ids[9::17]).delete()
    for query, max_marks in (({}, {1, 2}), ({"course": str(wide)}, {2})):
        pure, fast, counted = _three_paths(query)
        _assert_same_reports(pure, fast, counted)
        assert counted.summary.n == pure.summary.n >= 20
        assert max_marks <= {form.analysis.items[0].max_mark for form in counted.forms}
