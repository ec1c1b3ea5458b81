"""Pre → post → follow-up (evaluation/retention.py) on trainees written in the database: the
statistics equal scipy's on the same scores, attrition counts everyone and compares post-test scores,
small groups are withheld, and the pre/post report is unchanged by follow-up attempts."""

import datetime

import pytest
from django.utils import timezone
from scipy import stats

from assessments import question_services
from assessments.models import Attempt, Question, Response
from evaluation.aggregates import matched_counts
from evaluation.disclosure import disclosure_check
from evaluation.filters import ReportFilters
from evaluation.retention import retention_report
from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory, assessment_setup, prepost_results

pytestmark = pytest.mark.django_db

REFERENCES = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]


def rel9(expected):
    return pytest.approx(expected, rel=1e-9, abs=1e-12)


def _followup(course, test, user, pattern, *, days_after_post=95):
    questions = {q.reference: q for q in Question.objects.filter(bank__course=course, is_current=True)}
    form = test.forms.get()
    marks = [questions[r].points * right for r, right in zip(REFERENCES, pattern, strict=True)]
    attempt = Attempt.objects.create(
        user=user,
        test=test,
        form=form,
        status=Attempt.Status.SUBMITTED,
        finished_at=timezone.now(),
        score=float(sum(marks)),
        max_score=float(sum(questions[r].points for r in REFERENCES)),
    )
    Response.objects.bulk_create(
        [
            Response(attempt=attempt, question=questions[r], answer={}, score=float(m))
            for r, m in zip(REFERENCES, marks, strict=True)
        ]
    )
    return attempt


PATTERNS = [
    # pre, post, follow-up (right/wrong per question Q1..Q6)
    ([0, 0, 1, 0, 0, 0], [1, 1, 1, 1, 0, 1], [1, 0, 1, 1, 0, 0]),
    ([1, 0, 0, 0, 0, 0], [1, 1, 1, 0, 1, 1], [1, 1, 0, 0, 1, 0]),
    ([0, 1, 0, 1, 0, 0], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 1]),
    ([0, 0, 0, 0, 0, 0], [1, 0, 1, 0, 1, 0], [0, 0, 1, 0, 0, 0]),
    ([1, 1, 0, 0, 0, 0], [1, 1, 1, 1, 1, 0], [1, 1, 1, 0, 1, 0]),
    ([0, 0, 1, 1, 0, 0], [1, 1, 1, 1, 0, 1], [1, 1, 1, 1, 0, 0]),
    ([0, 1, 0, 0, 1, 0], [1, 1, 0, 1, 1, 1], [0, 1, 0, 1, 1, 1]),
]
# Took the post-test, the follow-up has opened, never came back.
MISSING = [([0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 1, 0])] * 5 + [([1, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0])]


@pytest.fixture
def cohort():
    course, _lessons, pre, post = assessment_setup()
    followup = question_services.test_define(course=course, kind="followup", forms={"": REFERENCES})
    returned = [UserFactory() for _ in PATTERNS]
    missing = [UserFactory() for _ in MISSING]
    prepost_results(
        course=course,
        pre=pre,
        post=post,
        trainees=[
            {"user": u, "pre": p[0], "post": p[1]} for u, p in zip(returned + missing, PATTERNS + MISSING, strict=True)
        ],
    )
    # Every post-test 100 days old: the follow-up (90 days by default) has opened for all.
    Attempt.objects.filter(test=post).update(finished_at=timezone.now() - datetime.timedelta(days=100))
    for user, pattern in zip(returned, PATTERNS, strict=True):
        _followup(course, followup, user, pattern[2])
    return {"course": course, "pre": pre, "post": post, "followup": followup, "returned": returned, "missing": missing}


def _report(filters=None):
    filters = filters or ReportFilters()
    return retention_report(filters=filters, disclosure=disclosure_check(filters=filters))


def _percent(pattern, points):
    return 100 * sum(p * r for p, r in zip(points, pattern, strict=True)) / sum(points)


def test_retention_statistics_equal_scipys_on_the_same_scores(cohort):
    [module] = _report()
    points = [q.points for q in Question.objects.filter(bank__course=cohort["course"]).order_by("reference")]
    pre, post, later = ([_percent(p[i], points) for p in PATTERNS] for i in range(3))
    assert (module.n_matched, module.n_returned, module.n_missing, module.n_not_due) == (13, 7, 6, 0)
    row = module.overall
    assert row.n == 7
    assert row.mean_pre == rel9(sum(pre) / 7) and row.mean_post == rel9(sum(post) / 7)
    assert row.mean_followup == rel9(sum(later) / 7)
    since_pre = stats.ttest_rel(later, pre)
    assert row.since_pre.t == rel9(since_pre.statistic) and row.since_pre.p_value == rel9(since_pre.pvalue)
    since_post = stats.ttest_rel(later, post)
    assert row.since_post.t == rel9(since_post.statistic) and row.since_post.p_value == rel9(since_post.pvalue)
    wilcoxon = stats.wilcoxon(later, post, method="approx", correction=True)
    assert row.since_post.wilcoxon_p == rel9(wilcoxon.pvalue)
    friedman = stats.friedmanchisquare(pre, post, later)
    assert row.friedman.chi2 == rel9(friedman.statistic) and row.friedman.p_value == rel9(friedman.pvalue)
    mean_pre, mean_post, mean_later = (sum(x) / 7 for x in (pre, post, later))
    assert row.gain_kept == rel9((mean_later - mean_pre) / (mean_post - mean_pre))
    assert 0 < row.gain_kept < 1


def test_attrition_is_counted_and_its_post_scores_compared(cohort):
    [module] = _report()
    points = [q.points for q in Question.objects.filter(bank__course=cohort["course"]).order_by("reference")]
    came_back = [_percent(p[1], points) for p in PATTERNS]
    did_not = [_percent(p[1], points) for p in MISSING]
    attrition = module.attrition
    assert (attrition.n1, attrition.n2) == (7, 6)
    assert attrition.mean_diff == rel9(sum(came_back) / 7 - sum(did_not) / 6)
    welch = stats.ttest_ind(came_back, did_not, equal_var=False)
    assert attrition.welch_p == rel9(welch.pvalue)
    mann_whitney = stats.mannwhitneyu(came_back, did_not, method="asymptotic")
    assert attrition.mann_whitney_u == rel9(mann_whitney.statistic)
    assert attrition.mann_whitney_p == rel9(mann_whitney.pvalue)


def test_a_session_sets_who_is_not_yet_due_and_small_groups_are_withheld(cohort):
    # Five of the missing take the module in a session whose follow-up opens after 200 days.
    session = TrainingSessionFactory(courses=[cohort["course"]], followup_days=200)
    for user in cohort["missing"][:5]:
        ParticipantFactory(session=session, user=user)
    [module] = _report()
    assert (module.n_returned, module.n_missing, module.n_not_due) == (7, 1, 5)
    # One trainee missing could be recognised (13 − 7 − 5): the module's figures are withheld.
    assert module.withheld and module.overall is None

    ParticipantFactory(session=session, user=cohort["missing"][5])
    [module] = _report()
    assert (module.n_missing, module.n_not_due, module.withheld) == (0, 6, False)
    assert module.attrition.n2 == 0 and module.attrition.welch_p is None


def test_rows_per_objective_and_question(cohort):
    [module] = _report()
    assert len(module.items) == 6 and {row.label for row in module.items} == set(REFERENCES)
    q1 = next(row for row in module.items if row.label == "Q1")
    assert q1.n == 7
    assert q1.mean_pre == rel9(100 * sum(p[0][0] for p in PATTERNS) / 7)
    assert q1.mean_followup == rel9(100 * sum(p[2][0] for p in PATTERNS) / 7)
    friedman = stats.friedmanchisquare(*([100 * p[i][1] for p in PATTERNS] for i in range(3)))
    q2 = next(row for row in module.items if row.label == "Q2")
    assert q2.friedman.p_value == rel9(friedman.pvalue)
    # One objective per question kind in the factory's bank.
    assert len(module.objectives) == 6 and all(row.n == 7 for row in module.objectives)


def test_too_few_who_came_back_withholds_the_module(cohort):
    Attempt.objects.filter(test=cohort["followup"], user__in=cohort["returned"][:3]).delete()
    [module] = _report()
    assert module.n_returned == 4 and module.withheld
    assert module.overall is None and module.items == []


def test_followup_attempts_leave_the_pre_post_report_alone(cohort):
    counts = matched_counts(filters=ReportFilters())
    assert sum(row[7] for row in counts.pair_counts.scores) == 13
    assert disclosure_check(filters=ReportFilters()).n == 13
    assert all(form.kind in ("pre", "post") for form in counts.forms.values())


def test_the_report_page_shows_pre_post_followup_in_french_and_english(cohort):
    import html
    import re

    from django.test import Client

    from lms import roles

    client = Client()
    client.force_login(UserFactory(username="staff-evaluator", role=roles.EVALUATOR))
    french = client.get("/fr/evaluation/").content.decode()
    assert "Suivi\u00a0: les acquis ont-ils duré\u00a0?" in french
    assert "Ne sont pas revenus (attrition)" in french and "Test de Friedman" in french

    def field(page, name):
        return re.search(rf'data-field="{name}">([^<]*)<', page).group(1)

    assert field(french, "n_returned") == "7" and field(french, "n_missing") == "6"
    [module] = _report()
    assert field(french, "mean_followup") == f"{module.overall.mean_followup:.1f}".replace(".", ",")
    english = client.get("/en/evaluation/").content.decode()
    assert "Follow-up: did it last?" in english and "Did not come back (attrition)" in english
    assert field(english, "mean_followup") == f"{module.overall.mean_followup:.1f}"
    from django.utils import translation

    from evaluation.templatetags.evaluation_tags import pvalue

    with translation.override("en"):
        assert html.unescape(field(english, "friedman_p")) == pvalue(module.overall.friedman.p_value)
    assert module.overall.friedman.p_value < 0.01
