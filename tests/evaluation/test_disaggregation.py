"""The report by sex and by age band (issue 21, section 2): computed from known data, suppressed
below the threshold like every breakdown, and no filtered population under 5 shown."""

import pytest
from django.test import Client
from django.utils import translation

from evaluation.aggregates import matched_counts
from evaluation.analytics import paired_summary
from evaluation.disclosure import disclosed_report
from evaluation.filters import ReportFilters
from evaluation.presentation import group_labels
from evaluation.selectors import matched_data
from lms import roles
from tests.factories import QUESTIONS, UserFactory, assessment_setup, prepost_results

pytestmark = pytest.mark.django_db

POINTS = {reference: points for reference, _kind, _text, _key, points in QUESTIONS}
# (pre, post) right/wrong per item of assessment_setup's form, as in test_evaluation.
PATTERNS = [
    ([0, 0, 1, 0, 0, 1], [1, 0, 1, 1, 0, 1]),
    ([1, 0, 0, 0, 1, 0], [1, 1, 1, 0, 1, 1]),
    ([0, 1, 0, 0, 0, 0], [1, 1, 0, 1, 0, 1]),
    ([1, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 0]),
    ([0, 0, 0, 1, 0, 0], [0, 1, 0, 1, 1, 0]),
    ([1, 0, 1, 0, 1, 0], [1, 1, 1, 1, 1, 1]),
]
# Six women (every pattern once), six men (patterns 1 and 2 three times each); age bands: eight
# aged 18–35, four over 35 (under the threshold).
PEOPLE = [("female", p) for p in range(6)] + [("male", p) for p in (1, 1, 1, 2, 2, 2)]
AGES = ["18_35"] * 8 + ["over_35"] * 4


@pytest.fixture
def cohort():
    course, _lessons, pre, post = assessment_setup()
    references = [item.reference for item in pre.forms.get().items.order_by("position")]
    trainees, known = [], {"female": [], "male": []}
    for index, ((sex, pattern), age) in enumerate(zip(PEOPLE, AGES, strict=True)):
        user = UserFactory(username=f"dis-{index:02d}", sex=sex, age_band=age)
        before, after = PATTERNS[pattern]
        trainees.append({"user": user, "pre": before, "post": after})

        def percent(marks):
            return (
                100
                * sum(POINTS[r] * m for r, m in zip(references, marks, strict=True))
                / sum(POINTS[r] for r in references)
            )

        known[sex].append((percent(before), percent(after)))
    prepost_results(course=course, pre=pre, post=post, trainees=trainees)
    return known


def _report(query=None, read=matched_counts):
    with translation.override("en"):
        return disclosed_report(filters=ReportFilters.from_query(query or {}), read=read, labels=group_labels())


def test_the_sex_breakdown_equals_the_summary_of_each_group_computed_by_hand(cohort):
    report = _report()
    rows = {row.label: row for row in report.breakdowns["sex"]}
    assert set(rows) == {"Women and girls", "Men and boys"}
    for sex, label in (("female", "Women and girls"), ("male", "Men and boys")):
        pre = [a for a, _b in cohort[sex]]
        post = [b for _a, b in cohort[sex]]
        expected = paired_summary(pre, post)
        row = rows[label]
        assert not row.suppressed and row.n == 6
        assert row.summary.mean_pre == pytest.approx(sum(pre) / 6, abs=1e-9)
        assert row.summary.mean_post == pytest.approx(sum(post) / 6, abs=1e-9)
        for field in ("mean_diff", "sd_diff", "t", "p_value", "ci95_low", "ci95_high", "cohen_dz", "class_gain"):
            assert getattr(row.summary, field) == pytest.approx(getattr(expected, field), abs=1e-9), field
        assert sorted(row.gains) == pytest.approx(sorted(b - a for a, b in cohort[sex]))
    # The men's gains differ from the women's: the breakdown says something.
    assert rows["Men and boys"].summary.mean_diff != pytest.approx(rows["Women and girls"].summary.mean_diff)
    # The exports' path (pairs) gives the same rows.
    assert _report(read=matched_data).breakdowns["sex"] == report.breakdowns["sex"]


def test_an_age_band_under_five_is_suppressed_and_so_is_the_row_that_would_reveal_it(cohort):
    rows = {row.label: row for row in _report().breakdowns["age_band"]}
    assert rows["Over 35"].suppressed and rows["Over 35"].summary is None and rows["Over 35"].gains == ()
    # Total (12) minus the 18–35 row would give the four over 35: hidden too.
    assert rows["18–35"].suppressed and rows["18–35"].summary is None


def test_no_filtered_population_under_five_is_shown(cohort):
    assert _report({"sex": "female"}).summary.n == 6
    assert _report({"age_band": "over_35"}).withheld
    # Six women, of whom two over 35: women aged 18–35 are four.
    assert _report({"sex": "female", "age_band": "18_35"}).withheld


def test_the_page_and_the_exports_show_the_breakdown_and_refuse_unknown_values(cohort):
    client = Client()
    client.force_login(UserFactory(username="dis-evaluator", role=roles.EVALUATOR))
    page = client.get("/en/evaluation/").content.decode()
    assert 'data-breakdown="sex"' in page and 'data-breakdown="age_band"' in page
    assert "Women and girls" in page and "By age band" in page
    assert "data-band" in client.get("/en/evaluation/?age_band=over_35").content.decode()
    assert client.get("/en/evaluation/?sex=other").status_code == 400
    summary = client.get("/en/evaluation/prepost.xlsx")
    assert summary.status_code == 200
