"""The follow-up statistics (evaluation.analytics.repeated) against a published example and scipy.

Friedman: R's documentation of `friedman.test`, the RoundingTimes data (Hollander & Wolfe 1973,
p. 140 ff.: times to round first base by three methods, 22 players): "Friedman chi-squared = 11.143,
df = 2, p-value = 0.003805". scipy (a test dependency only) recomputes every value to 1e-9 relative.
"""

import math
import random

import pytest
from scipy import stats

from evaluation.analytics.repeated import chi2_sf, friedman, gain_kept, mann_whitney, two_groups, welch


def rel9(expected: float):
    return pytest.approx(expected, rel=1e-9, abs=1e-15)


ROUNDING_TIMES = [
    (5.40, 5.50, 5.55),
    (5.85, 5.70, 5.75),
    (5.20, 5.60, 5.50),
    (5.55, 5.50, 5.40),
    (5.90, 5.85, 5.70),
    (5.45, 5.55, 5.60),
    (5.40, 5.40, 5.35),
    (5.45, 5.50, 5.35),
    (5.25, 5.15, 5.00),
    (5.85, 5.80, 5.70),
    (5.25, 5.20, 5.10),
    (5.65, 5.55, 5.45),
    (5.60, 5.35, 5.45),
    (5.05, 5.00, 4.95),
    (5.50, 5.50, 5.40),
    (5.45, 5.55, 5.50),
    (5.55, 5.55, 5.35),
    (5.45, 5.50, 5.55),
    (5.50, 5.45, 5.25),
    (5.65, 5.60, 5.40),
    (5.70, 5.65, 5.55),
    (6.30, 6.30, 6.25),
]


def test_friedman_matches_r_rounding_times_and_scipy():
    result = friedman(ROUNDING_TIMES)
    assert (result.n, result.k, result.df) == (22, 3, 2)
    assert round(result.chi2, 3) == 11.143
    assert round(result.p_value, 6) == 0.003805
    reference = stats.friedmanchisquare(*zip(*ROUNDING_TIMES, strict=True))
    assert result.chi2 == rel9(reference.statistic)
    assert result.p_value == rel9(reference.pvalue)
    assert result.kendall_w == rel9(reference.statistic / (22 * 2))
    # Mean ranks of the three methods: the narrow angle in the middle, the wide angle fastest.
    assert result.mean_ranks[2] < result.mean_ranks[1] < result.mean_ranks[0]


@pytest.mark.parametrize("seed", range(6))
def test_friedman_matches_scipy_on_tied_test_scores(seed):
    # Percent scores on a 10-item test: many ties within trainees, as on the report.
    rng = random.Random(seed)
    blocks = [tuple(10 * rng.randint(2, 10) for _ in range(3)) for _ in range(rng.randint(5, 80))]
    if all(len(set(b)) == 1 for b in blocks):
        blocks.append((10, 20, 30))
    result = friedman(blocks)
    reference = stats.friedmanchisquare(*zip(*blocks, strict=True))
    assert result.chi2 == rel9(reference.statistic)
    assert result.p_value == rel9(reference.pvalue)


def test_friedman_four_measures_and_undefined_cases():
    blocks = [(1, 2, 3, 4), (2, 1, 4, 3), (1, 3, 2, 4), (1, 2, 4, 3), (2, 1, 3, 4)]
    reference = stats.friedmanchisquare(*zip(*blocks, strict=True))
    result = friedman(blocks)
    assert result.df == 3 and result.chi2 == rel9(reference.statistic) and result.p_value == rel9(reference.pvalue)
    # Every block tied throughout: no statistic (scipy divides by zero).
    assert friedman([(50, 50, 50)] * 6).chi2 is None
    assert friedman([(10, 20, 30)]).p_value is None
    with pytest.raises(ValueError):
        friedman([(1, 2, 3), (1, 2)])


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 7, 10])
@pytest.mark.parametrize("x", [0.01, 0.5, 2.0, 7.5, 11.143, 30.0])
def test_chi2_sf_matches_scipy(df, x):
    assert chi2_sf(x, df) == rel9(stats.chi2.sf(x, df))


def test_welch_and_mann_whitney_match_scipy():
    rng = random.Random(21)
    for _ in range(20):
        first = [10 * rng.randint(3, 10) for _ in range(rng.randint(2, 60))]
        second = [10 * rng.randint(1, 10) for _ in range(rng.randint(2, 60))]
        if len(set(first + second)) == 1:
            continue
        t, df, p = welch(first, second)
        reference = stats.ttest_ind(first, second, equal_var=False)
        if reference.statistic == reference.statistic:  # not NaN (both variances 0)
            assert t == rel9(reference.statistic)
            assert p == rel9(reference.pvalue)
            assert df == rel9(reference.df)
        u, u_p = mann_whitney(first, second)
        mw = stats.mannwhitneyu(first, second, alternative="two-sided", method="asymptotic")
        assert u == rel9(mw.statistic)
        assert u_p == rel9(mw.pvalue)


def test_two_groups_summary_and_share_of_gain_kept():
    summary = two_groups([70, 80, 90], [50, 60])
    assert (summary.n1, summary.n2) == (3, 2)
    assert summary.mean_diff == pytest.approx(25.0)
    assert two_groups([70], []).welch_p is None and two_groups([70], []).mann_whitney_p is None
    assert gain_kept(40, 80, 70) == pytest.approx(0.75)
    assert gain_kept(40, 80, 30) == pytest.approx(-0.25)
    assert gain_kept(60, 60, 70) is None
    assert math.isclose(gain_kept(40.0, 90.0, 90.0), 1.0)
