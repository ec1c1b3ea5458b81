"""evaluation.analytics against published reference results, each test naming its source, and
cross-checked with scipy (a test dependency only: the module itself is pure Python).

"6 significant figures": `sig6` compares with a relative tolerance of 5e-7. Published values printed
with fewer digits are compared at their printed precision and, to 6 significant figures, with the
value recomputed by scipy from the same data.
"""

import math

import pytest
from scipy import stats

from evaluation.analytics import (
    hake_band,
    holm_adjust,
    item_analysis,
    item_analysis_from_counts,
    mcnemar_exact,
    paired_summary,
    paired_summary_from_counts,
    wilcoxon_signed_rank,
)
from evaluation.analytics.distributions import t_quantile, t_two_sided_p


def sig6(expected: float):
    return pytest.approx(expected, rel=5e-7, abs=1e-12)


# Student's sleep data (Cushny & Peebles 1905), R's `datasets::sleep`; R documentation of t.test,
# `t.test(extra ~ group, data = sleep, paired = TRUE)`: t = -4.0621, df = 9, p-value = 0.002833,
# 95 percent CI -2.4598858 -0.7001142, mean difference -1.58. Here pre = group 1, post = group 2.
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def test_paired_t_matches_r_sleep_example_and_scipy():
    # The scale must be non-negative: shift both by +2 (differences, t, CI unchanged).
    summary = paired_summary([x + 2 for x in SLEEP_1], [x + 2 for x in SLEEP_2], max_score=10)
    assert summary.n == 10 and summary.df == 9
    assert summary.mean_diff == sig6(1.58)
    assert round(summary.t, 4) == 4.0621
    assert round(summary.p_value, 6) == 0.002833
    assert summary.ci95_low == pytest.approx(0.7001142, abs=5e-8)
    assert summary.ci95_high == pytest.approx(2.4598858, abs=5e-8)
    reference = stats.ttest_rel(SLEEP_2, SLEEP_1)
    assert summary.t == sig6(reference.statistic)
    assert summary.p_value == sig6(reference.pvalue)
    low, high = reference.confidence_interval(0.95)
    assert (summary.ci95_low, summary.ci95_high) == (sig6(low), sig6(high))


# Lakens (2013), "Calculating and reporting effect sizes to facilitate cumulative science",
# Frontiers in Psychology 4:863, Table 1 (movie ratings by ten people): t(9) = 4.74, p = 0.001,
# Cohen's d_z = 1.50, d_av = 1.13, Hedges' g_av = 1.08.
MOVIE_1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
MOVIE_2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]


def test_effect_sizes_match_lakens_2013_table_1():
    summary = paired_summary(MOVIE_2, MOVIE_1, max_score=10)
    assert round(summary.t, 2) == 4.74
    assert round(summary.p_value, 3) == 0.001
    assert round(summary.cohen_dz, 2) == 1.50
    assert round(summary.hedges_gav, 2) == 1.08
    # To 6 significant figures from the closed forms: d_z = 1 / (2/3); g_av = d_av · (1 − 3/71).
    assert summary.cohen_dz == sig6(1.5)
    d_av = 1.0 / ((math.sqrt(6.1 / 9) + math.sqrt(8.1 / 9)) / 2)
    assert round(d_av, 2) == 1.13
    assert summary.hedges_gav == sig6(d_av * (1 - 3 / 71))
    assert summary.t == sig6(stats.ttest_rel(MOVIE_1, MOVIE_2).statistic)


# scipy.stats.wilcoxon documentation: Fisher's (1935) Darwin maize data, differences in height
# `d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]`: statistic 24.0,
# p-value 0.041259765625 (exact).
DARWIN = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]


def test_wilcoxon_exact_matches_scipy_documentation_darwin_example():
    w, p = wilcoxon_signed_rank(DARWIN)
    assert w == 24.0
    assert p == sig6(0.041259765625)
    assert p == sig6(stats.wilcoxon(DARWIN, method="exact").pvalue)


# R documentation of wilcox.test, Hollander & Wolfe (1973) p. 29, depression scale before (x) and
# after (y) the first therapy: V = 40, one-sided p-value = 0.01953 (exact); two-sided = 2 · 5/256.
HW_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
HW_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]


def test_wilcoxon_exact_matches_hollander_wolfe_example():
    summary = paired_summary(HW_X, HW_Y, max_score=5)
    # post − pre has 8 negative and 1 positive difference: W = min(R+, R−) = 45 − 40 = 5.
    assert summary.wilcoxon_w == 5
    assert round(summary.wilcoxon_p / 2, 5) == 0.01953
    assert summary.wilcoxon_p == sig6(10 / 256)
    assert summary.wilcoxon_p == sig6(stats.wilcoxon(HW_Y, HW_X, method="exact").pvalue)


def test_wilcoxon_normal_approximation_with_ties_and_zeros_matches_scipy():
    differences = [2, 2, -1, 0, 3, 3, 3, -2, 1, 1, 0, 4, 2, -1, 5, 2]
    w, p = wilcoxon_signed_rank(differences)
    reference = stats.wilcoxon(differences, zero_method="wilcox", correction=True, method="approx")
    assert w == reference.statistic
    assert p == sig6(reference.pvalue)


def test_wilcoxon_large_sample_uses_normal_approximation_like_scipy():
    differences = [((i * 37) % 23) - 7 + 0.01 * i for i in range(80)]
    w, p = wilcoxon_signed_rank(differences)
    reference = stats.wilcoxon(differences, correction=True, method="approx")
    assert w == sig6(reference.statistic)
    assert p == sig6(reference.pvalue)


# Fagerland, Lydersen & Laake (2013), "The McNemar test for binary matched-pairs data",
# BMC Medical Research Methodology 13:91, Table 1 example (Bentur et al. 2009): b = 1, c = 7,
# exact conditional p = 0.070 (= 18/256).
def test_mcnemar_exact_matches_fagerland_2013_example():
    assert round(mcnemar_exact(1, 7), 3) == 0.070
    assert mcnemar_exact(1, 7) == sig6(18 / 256)
    assert mcnemar_exact(7, 1) == mcnemar_exact(1, 7)
    assert mcnemar_exact(1, 7) == sig6(stats.binomtest(1, 8, 0.5).pvalue)


def test_mcnemar_exact_edges():
    assert mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(5, 5) == 1.0
    assert mcnemar_exact(0, 10) == sig6(2 / 1024)
    assert mcnemar_exact(12, 30) == sig6(stats.binomtest(12, 42, 0.5).pvalue)


# Holm (1979), Scandinavian Journal of Statistics 6:65–70: p_(k) compared with α / (m − k + 1);
# adjusted values worked by hand for p = (0.01, 0.04, 0.03, 0.005).
def test_holm_adjustment():
    assert holm_adjust([0.01, 0.04, 0.03, 0.005]) == [
        sig6(0.03),
        sig6(0.06),
        sig6(0.06),
        sig6(0.02),
    ]
    assert holm_adjust([0.5, 0.9]) == [1.0, 1.0]
    assert holm_adjust([]) == []


def test_hake_bands_follow_hake_1998():
    assert [hake_band(g) for g in (None, 0.0, 0.29, 0.3, 0.69, 0.7, 1.0)] == [
        None,
        "low",
        "low",
        "medium",
        "medium",
        "high",
        "high",
    ]


def test_gains_in_percentage_points_and_hake():
    summary = paired_summary([40, 60, 100, 50], [70, 60, 100, 40], max_score=100)
    assert summary.mean_pre == 62.5 and summary.mean_post == 67.5
    assert summary.class_gain == sig6(5 / 37.5)
    # Individual gains over trainees with pre < max: 30/60, 0/40, −10/50.
    assert summary.mean_individual_gain == sig6((0.5 + 0 - 0.2) / 3)
    assert summary.n_gain_excluded == 1
    assert (summary.n_improved, summary.n_unchanged, summary.n_declined) == (1, 2, 1)
    assert paired_summary([100, 100], [100, 90]).class_gain is None


def test_degenerate_inputs_give_none_not_errors():
    empty = paired_summary([], [])
    assert empty.n == 0 and empty.t is None and empty.wilcoxon_p is None
    one = paired_summary([10], [20])
    assert one.mean_diff == 10 and one.sd_diff is None
    constant = paired_summary([10, 20, 30], [20, 30, 40])
    assert constant.sd_diff == 0 and constant.t is None and constant.cohen_dz is None
    with pytest.raises(ValueError):
        paired_summary([1], [1, 2])
    with pytest.raises(ValueError):
        paired_summary([101], [1])


def test_t_distribution_matches_scipy():
    for df in (1, 2, 5, 9, 30, 199, 4999):
        assert t_quantile(0.975, df) == sig6(stats.t.ppf(0.975, df))
        for t in (0.1, 1.0, 2.5, 6.0):
            assert t_two_sided_p(t, df) == sig6(2 * stats.t.sf(t, df))


# Moodle's quiz statistics fixture, moodle/moodle mod/quiz/report/statistics/tests/fixtures/
# results00.csv (25 attempts × 7 slots, max mark 1 each), expected per-item values from qstats00.csv
# and quiz values from stats_from_steps_walkthrough_test.php (check_quiz_stats_for_quiz_00), which
# Moodle computed independently in a spreadsheet.
MOODLE_MARKS = [
    [1, 1, 1, 1, 1, 0, 1],
    [1, 1, 1, 1, 0.5, 1, 0],
    [1, 1, 1, 1, 0.5, 0, 1],
    [0, 0, 1, 1, 1, 0, 0],
    [1, 0, 1, 0, 0, 1, 0.5],
    [1, 1, 1, 1, 0.5, 0, 0.5],
    [0, 1, 1, 1, 0.5, 1, 0.5],
    [1, 1, 1, 0, 0.5, 1, 0.5],
    [1, 0, 1, 1, 1, 1, 1],
    [0, 1, 1, 0, 0.5, 1, 0.5],
    [0.8, 0, 1, 1, 0.5, 1, 0.5],
    [1, 1, 1, 0, 0.5, 1, 1],
    [1, 0, 1, 1, 0.5, 1, 0.5],
    [1, 0, 1, 1, 1, 0, 0.5],
    [0, 0, 1, 1, 0, 1, 1],
    [1, 0, 1, 0, 0.5, 1, 1],
    [0.8, 0, 1, 1, 0.5, 0, 1],
    [1, 0, 1, 1, 0, 1, 0.5],
    [1, 0, 1, 1, 0.5, 0, 0.5],
    [0, 1, 1, 0, 0.5, 1, 0],
    [1, 1, 0.3333333, 1, 0.5, 0, 0.5],
    [1, 1, 1, 0, 0.5, 0, 0.5],
    [1, 1, 1, 1, 0, 1, 0.5],
    [0, 0, 1, 0, 0.5, 1, 1],
    [0, 0, 1, 1, 1, 1, 1],
]
# slot: facility, sd, discriminationindex, discriminativeefficiency (qstats00.csv)
MOODLE_ITEMS = {
    1: (0.704, 0.4513682901, -7.0650767526, -9.4550536967),
    2: (0.48, 0.5099019514, -28.8982125772, -36.7834118938),
    3: (0.973333332, 0.13333334, -9.1230674268, -21.6545012165),
    4: (0.68, 0.4760952286, -22.6306444113, -31.4411395613),
    5: (0.52, 0.3055050463, -17.6997047674, -21.1794802584),
    6: (0.64, 0.4898979486, -45.3785178421, -56.9365974439),
    7: (0.62, 0.331662479, -5.6543166602, -6.5043742058),
}


def test_item_analysis_matches_moodle_qstats00_fixture():
    analysis = item_analysis(MOODLE_MARKS, [1] * 7)
    assert analysis.n == 25
    for item in analysis.items:
        facility, sd, index, efficiency = MOODLE_ITEMS[item.position]
        assert item.facility == sig6(facility)
        assert item.sd == sig6(sd)
        assert item.discrimination_index == sig6(index)
        assert item.discriminative_efficiency == sig6(efficiency)


def test_test_statistics_match_moodle_quiz_00():
    analysis = item_analysis(MOODLE_MARKS, [1] * 7)
    assert analysis.median == 4.5
    assert analysis.mean == sig6(4.617333332)
    assert analysis.sd == sig6(0.8117265554)
    assert analysis.skewness == sig6(-0.092502502)
    assert analysis.kurtosis == sig6(-0.7073968557)
    assert analysis.cic == sig6(-87.2230935542)
    assert analysis.error_ratio == sig6(136.8294900795)
    assert analysis.standard_error == sig6(1.1106813066)


def test_test_statistics_cross_checked_with_scipy():
    totals = [sum(row) for row in MOODLE_MARKS]
    analysis = item_analysis(MOODLE_MARKS, [1] * 7)
    assert analysis.skewness == sig6(stats.skew(totals, bias=False))
    assert analysis.kurtosis == sig6(stats.kurtosis(totals, bias=False))


def test_item_analysis_degenerate_inputs():
    assert item_analysis([], [1, 1]).mean is None
    constant = item_analysis([[1, 1], [1, 1], [1, 1]], [1, 1])
    assert constant.items[0].discrimination_index is None and constant.cic is None
    with pytest.raises(ValueError):
        item_analysis([[1]], [1, 1])


def _joint_counts(marks, p):
    """What the report's selector hands item_analysis_from_counts: per item, (mark, rest, attempts)."""
    from collections import Counter

    counts = []
    for i in range(p):
        counter = Counter((row[i], math.fsum(row) - row[i]) for row in marks)
        counts.append([(x, rest, n) for (x, rest), n in counter.items()])
    return counts


def _assert_same_analysis(fast, pure):
    def close(a, b):
        return a is b is None or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9))

    assert fast.n == pure.n
    for field in ("mean", "median", "sd", "skewness", "kurtosis", "cic", "error_ratio", "standard_error"):
        assert close(getattr(fast, field), getattr(pure, field)), field
    for a, b in zip(fast.items, pure.items, strict=True):
        for field in ("position", "max_mark", "facility", "sd", "discrimination_index", "discriminative_efficiency"):
            assert close(getattr(a, field), getattr(b, field)), (a.position, field)


def test_item_analysis_from_counts_reproduces_moodle_qstats00_and_quiz_00():
    fast = item_analysis_from_counts(_joint_counts(MOODLE_MARKS, 7), [1] * 7)
    _assert_same_analysis(fast, item_analysis(MOODLE_MARKS, [1] * 7))
    assert fast.median == 4.5 and fast.cic == sig6(-87.2230935542)
    for item in fast.items:
        assert item.discriminative_efficiency == sig6(MOODLE_ITEMS[item.position][3])


def test_item_analysis_from_counts_equals_item_analysis_on_random_forms():
    import random

    generator = random.Random(6)
    for _trial in range(200):
        n, p = generator.choice([0, 1, 2, 3, 4, 5, 12, 60]), generator.choice([1, 2, 5])
        max_marks = [generator.choice([0, 1, 2]) for _ in range(p)]
        marks = [[generator.choice([0, 0.5, 1, 2]) for _ in range(p)] for _ in range(n)]
        _assert_same_analysis(
            item_analysis_from_counts(_joint_counts(marks, p), max_marks), item_analysis(marks, max_marks)
        )
    with pytest.raises(ValueError):
        item_analysis_from_counts([[(1, 0, 2)], [(1, 0, 1)]], [1, 1])


@pytest.mark.parametrize(("n", "method"), [(50, "exact"), (51, "approx")])
def test_wilcoxon_switches_from_exact_to_normal_above_50_like_scipy(n, method):
    differences = [(i + 1) * (1 if i % 3 else -1) for i in range(n)]  # no ties, no zeros
    w, p = wilcoxon_signed_rank(differences)
    reference = stats.wilcoxon(differences, method=method, correction=True)
    assert w == reference.statistic
    assert p == sig6(reference.pvalue)


def _histogram(pre, post) -> list[tuple[float, float, int]]:
    from collections import Counter

    return [(a, b, count) for (a, b), count in Counter(zip(pre, post, strict=True)).items()]


def _assert_same_summary(fast, pure):
    for name in pure.__dataclass_fields__:
        expected, value = getattr(pure, name), getattr(fast, name)
        if isinstance(expected, float):
            assert math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12), (name, value, expected)
        else:
            assert value == expected, (name, value, expected)


def test_paired_summary_from_counts_reproduces_the_sleep_and_lakens_examples():
    # The published figures of R's sleep example and Lakens (2013) table 1, from histograms.
    sleep = paired_summary_from_counts(_histogram([x + 2 for x in SLEEP_1], [x + 2 for x in SLEEP_2]), max_score=10)
    assert round(sleep.t, 4) == 4.0621 and round(sleep.p_value, 6) == 0.002833
    assert sleep.ci95_low == pytest.approx(0.7001142, abs=5e-8)
    movies = paired_summary_from_counts(_histogram(MOVIE_2, MOVIE_1), max_score=10)
    assert round(movies.cohen_dz, 2) == 1.50 and round(movies.hedges_gav, 2) == 1.08


@pytest.mark.parametrize("n", [0, 1, 2, 7, 30, 50, 51, 400, 4600])
def test_paired_summary_from_counts_equals_paired_summary_on_random_cohorts(n):
    """Percent scores of a 20-item test (many ties and zero differences), and continuous scores."""
    import random

    generator = random.Random(n)
    for scores in (
        lambda: 100 * generator.randint(0, 20) / 20,
        lambda: round(generator.uniform(0, 100), 3),
    ):
        pre = [scores() for _ in range(n)]
        post = [max(0.0, min(100.0, x + generator.choice([0, 5, 10, 15, -5]))) for x in pre]
        _assert_same_summary(paired_summary_from_counts(_histogram(pre, post)), paired_summary(pre, post))


def test_paired_summary_from_counts_wilcoxon_matches_scipy_with_ties_above_50():
    import random

    generator = random.Random(3)
    pre = [100 * generator.randint(0, 20) / 20 for _ in range(300)]
    post = [max(0.0, min(100.0, x + generator.choice([0, 5, 10, 15, -5, -10]))) for x in pre]
    summary = paired_summary_from_counts(_histogram(pre, post))
    reference = stats.wilcoxon(post, pre, method="approx", correction=True)
    assert summary.wilcoxon_w == reference.statistic and summary.wilcoxon_p == sig6(reference.pvalue)


def test_paired_summary_from_counts_refuses_what_paired_summary_refuses():
    with pytest.raises(ValueError):
        paired_summary_from_counts([(50.0, 101.0, 1)])
    with pytest.raises(ValueError):
        paired_summary_from_counts([(50.0, 60.0, -1)])
    assert paired_summary_from_counts([]) == paired_summary([], [])
