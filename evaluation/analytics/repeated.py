"""Statistics of the follow-up test: Friedman's test across pre, post and follow-up (repeated
measures), and the two-sample tests that compare who came back with who did not (Welch's t,
Mann–Whitney U). Pure Python, like the rest of evaluation.analytics; formulas: docs/analytics.md.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from evaluation.analytics.distributions import normal_two_sided_p, t_two_sided_p
from evaluation.analytics.paired import _ranks_with_ties


@dataclass(frozen=True)
class FriedmanResult:
    """Friedman's test on n blocks (trainees) of k measures (pre, post, follow-up).

    `chi2` is the statistic with the tie correction (as R's friedman.test and scipy's
    friedmanchisquare), `df` = k − 1, `p_value` its upper chi-squared tail; `kendall_w` = chi2 / (n (k − 1)),
    the effect size; `mean_ranks` the mean within-block rank of each measure. None where undefined
    (fewer than 2 blocks, or every block tied throughout).
    """

    n: int
    k: int
    chi2: float | None
    df: int
    p_value: float | None
    kendall_w: float | None
    mean_ranks: tuple[float, ...]


def chi2_sf(x: float, df: int) -> float:
    """P(X ≥ x) for X ~ chi-squared with integer `df` ≥ 1, in closed form (no series to truncate):
    even df: e^(−x/2) Σ_{i<df/2} (x/2)^i / i!; odd df: erfc(√(x/2)) + √(2x/π) e^(−x/2) Σ x^(i−1) / (2i − 1)!!."""
    if df < 1:
        raise ValueError("df must be at least 1")
    if x <= 0:
        return 1.0
    half = x / 2
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for i in range(1, df // 2):
            term *= half / i
            total += term
        return min(1.0, math.exp(-half) * total)
    total, term = 0.0, 1.0
    for i in range(1, (df - 1) // 2 + 1):
        term = 1.0 if i == 1 else term * x / (2 * i - 1)
        total += term
    return min(1.0, math.erfc(math.sqrt(half)) + math.sqrt(2 * x / math.pi) * math.exp(-half) * total)


def friedman(blocks: Sequence[Sequence[float]]) -> FriedmanResult:
    """Friedman's test: each block holds one value per measure, in the same order (e.g. a trainee's
    pre, post and follow-up percentages). Ties within a block get average ranks and the statistic is
    divided by 1 − Σ(t³ − t) / (n (k³ − k)).
    """
    n = len(blocks)
    k = len(blocks[0]) if blocks else 0
    if any(len(block) != k for block in blocks):
        raise ValueError("every block must hold one value per measure")
    if k < 2:
        raise ValueError("at least two measures are needed")
    rank_sums = [0.0] * k
    ties = 0
    for block in blocks:
        ranks, tie_sizes = _ranks_with_ties(list(block))
        for j, rank in enumerate(ranks):
            rank_sums[j] += rank
        ties += sum(t**3 - t for t in tie_sizes)
    mean_ranks = tuple(total / n for total in rank_sums) if n else ()
    correction = 1 - ties / (n * (k**3 - k)) if n else 0.0
    if n < 2 or correction <= 0:
        return FriedmanResult(n, k, None, k - 1, None, None, mean_ranks)
    chi2 = (12 / (n * k * (k + 1)) * math.fsum(r * r for r in rank_sums) - 3 * n * (k + 1)) / correction
    chi2 = max(chi2, 0.0)
    return FriedmanResult(n, k, chi2, k - 1, chi2_sf(chi2, k - 1), chi2 / (n * (k - 1)), mean_ranks)


@dataclass(frozen=True)
class TwoGroups:
    """Two independent groups (who came back to the follow-up, who did not): sizes, means, the mean
    difference (first − second), Welch's t-test and the Mann–Whitney U test (normal approximation
    with the tie correction and a continuity correction of ½, as scipy's
    `mannwhitneyu(x, y, method="asymptotic")`; `mann_whitney_u` is the first group's U)."""

    n1: int
    n2: int
    mean1: float | None
    mean2: float | None
    mean_diff: float | None
    welch_t: float | None
    welch_df: float | None
    welch_p: float | None
    mann_whitney_u: float | None
    mann_whitney_p: float | None


def welch(first: Sequence[float], second: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    """(t, Welch–Satterthwaite df, two-sided p) of Welch's unequal-variances t-test."""
    n1, n2 = len(first), len(second)
    if n1 < 2 or n2 < 2:
        return None, None, None
    v1, v2 = statistics.variance(first) / n1, statistics.variance(second) / n2
    if v1 + v2 <= 0:
        return None, None, None
    t = (statistics.fmean(first) - statistics.fmean(second)) / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    return t, df, t_two_sided_p(t, df)


def mann_whitney(first: Sequence[float], second: Sequence[float]) -> tuple[float | None, float | None]:
    """(U of the first group, two-sided p): normal approximation, tie and continuity corrected."""
    n1, n2 = len(first), len(second)
    if not n1 or not n2:
        return None, None
    ranks, tie_sizes = _ranks_with_ties([*first, *second])
    u1 = math.fsum(ranks[:n1]) - n1 * (n1 + 1) / 2
    n = n1 + n2
    mean = n1 * n2 / 2
    variance = n1 * n2 / 12 * ((n + 1) - sum(t**3 - t for t in tie_sizes) / (n * (n - 1)))
    if variance <= 0:
        return u1, 1.0
    distance = max(u1, n1 * n2 - u1) - mean - 0.5
    if distance <= 0:
        return u1, 1.0
    return u1, min(1.0, normal_two_sided_p(distance / math.sqrt(variance)))


def two_groups(first: Sequence[float], second: Sequence[float]) -> TwoGroups:
    """Welch's t and Mann–Whitney's U on two independent samples, with their means."""
    mean1 = statistics.fmean(first) if first else None
    mean2 = statistics.fmean(second) if second else None
    t, df, p = welch(first, second)
    u, u_p = mann_whitney(first, second)
    return TwoGroups(
        len(first),
        len(second),
        mean1,
        mean2,
        mean1 - mean2 if mean1 is not None and mean2 is not None else None,
        t,
        df,
        p,
        u,
        u_p,
    )


def gain_kept(mean_pre: float | None, mean_post: float | None, mean_followup: float | None) -> float | None:
    """The share of the gain kept: (follow-up − pre) / (post − pre) on the means; None without a gain
    (post ≤ pre), where a share means nothing."""
    if mean_pre is None or mean_post is None or mean_followup is None or mean_post <= mean_pre:
        return None
    return (mean_followup - mean_pre) / (mean_post - mean_pre)
