"""Paired pre/post statistics: t-test, effect sizes, Wilcoxon, Hake gains; McNemar and Holm.

Formulas and references: docs/analytics.md.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from evaluation.analytics.distributions import (
    binomial_half_cdf,
    normal_two_sided_p,
    t_quantile,
    t_two_sided_p,
    wilcoxon_exact_two_sided_p,
)

# scipy.stats.wilcoxon's default switch: exact below this many non-zero differences without ties.
WILCOXON_EXACT_MAX_N = 50


@dataclass(frozen=True)
class PairedSummary:
    """Matched pre/post scores on one scale (0 … max_score). Fields a statistic cannot have are None.

    Differences are post − pre. `sd_*` use n − 1. `p_value` is the two-sided paired t-test;
    `ci95_low`/`ci95_high` bound the mean difference. `cohen_dz` = mean_diff / sd_diff;
    `hedges_gav` = d_av · (1 − 3 / (8n − 9)), d_av = mean_diff / ((sd_pre + sd_post) / 2) (Lakens 2013).
    `wilcoxon_w` is the smaller signed-rank sum (zeros dropped, ties averaged); `wilcoxon_p` is exact
    for n ≤ 50 without ties or zeros, else the normal approximation with tie and continuity corrections.
    `class_gain` is Hake's ⟨g⟩ on mean percentages; `mean_individual_gain` averages (post − pre) /
    (max − pre) over trainees with pre < max; `n_gain_excluded` counts trainees with pre = max.
    """

    n: int
    mean_pre: float | None
    mean_post: float | None
    sd_pre: float | None
    sd_post: float | None
    mean_diff: float | None
    sd_diff: float | None
    se_diff: float | None
    t: float | None
    df: int | None
    p_value: float | None
    ci95_low: float | None
    ci95_high: float | None
    cohen_dz: float | None
    hedges_gav: float | None
    wilcoxon_w: float | None
    wilcoxon_p: float | None
    class_gain: float | None
    mean_individual_gain: float | None
    n_gain_excluded: int
    n_improved: int
    n_unchanged: int
    n_declined: int


_OPTIONAL_FIELDS = [
    name
    for name in PairedSummary.__dataclass_fields__
    if name not in ("n", "mean_individual_gain", "n_gain_excluded", "n_improved", "n_unchanged", "n_declined")
]


def _ranks_with_ties(values: Sequence[float]) -> tuple[list[float], list[int]]:
    """Average ranks (1-based) of `values`, and the sizes of the tied groups."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    tie_sizes = []
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        average = (start + end) / 2 + 1
        for position in range(start, end + 1):
            ranks[order[position]] = average
        if end > start:
            tie_sizes.append(end - start + 1)
        start = end + 1
    return ranks, tie_sizes


def wilcoxon_signed_rank(differences: Sequence[float]) -> tuple[float | None, float | None]:
    """(W, two-sided p) of the Wilcoxon signed-rank test on paired differences.

    Zero differences are dropped (Wilcoxon's method); tied absolute differences get average ranks.
    Exact null distribution when n ≤ 50 with no ties and no zeros; otherwise the normal
    approximation with the tie-corrected variance and a continuity correction of ½ (as scipy's
    `wilcoxon(..., method="approx", correction=True)`). (None, None) when no difference is non-zero.
    """
    nonzero = [d for d in differences if d != 0]
    n = len(nonzero)
    if n == 0:
        return None, None
    ranks, tie_sizes = _ranks_with_ties([abs(d) for d in nonzero])
    r_plus = sum(rank for rank, d in zip(ranks, nonzero, strict=True) if d > 0)
    r_minus = n * (n + 1) / 2 - r_plus
    w = min(r_plus, r_minus)
    if n <= WILCOXON_EXACT_MAX_N and not tie_sizes and n == len(differences):
        return w, wilcoxon_exact_two_sided_p(w, n)
    return w, _wilcoxon_normal_p(r_plus, n, tie_sizes)


def _wilcoxon_normal_p(r_plus: float, n: int, tie_sizes: list[int]) -> float:
    """The normal approximation's two-sided p, with the tie-corrected variance and a continuity
    correction of ½."""
    mean = n * (n + 1) / 4
    variance = n * (n + 1) * (2 * n + 1) / 24 - sum(t**3 - t for t in tie_sizes) / 48
    if variance <= 0:
        return 1.0
    distance = r_plus - mean
    distance -= math.copysign(0.5, distance) if distance else 0.0
    return normal_two_sided_p(distance / math.sqrt(variance))


def _sd(values: Sequence[float], mean: float) -> float:
    """Sample standard deviation (n − 1), in floats (statistics.stdev is exact but slow)."""
    return math.sqrt(math.fsum((x - mean) ** 2 for x in values) / (len(values) - 1))


def paired_summary(pre: Sequence[float], post: Sequence[float], *, max_score: float = 100.0) -> PairedSummary:
    """The paired summary of matched scores (pre[i] and post[i] belong to one trainee).

    Refuses sequences of different lengths or scores outside [0, max_score].
    """
    if len(pre) != len(post):
        raise ValueError("pre and post must have one score per trainee each")
    if max_score <= 0:
        raise ValueError("max_score must be positive")
    if any(not 0 <= score <= max_score for score in (*pre, *post)):
        raise ValueError("scores must lie between 0 and max_score")
    n = len(pre)
    diffs = [b - a for a, b in zip(pre, post, strict=True)]
    n_improved = sum(d > 0 for d in diffs)
    n_declined = sum(d < 0 for d in diffs)
    gains = [(b - a) / (max_score - a) for a, b in zip(pre, post, strict=True) if a < max_score]
    none = dict.fromkeys(_OPTIONAL_FIELDS)
    counts = {
        "n": n,
        "n_gain_excluded": n - len(gains),
        "n_improved": n_improved,
        "n_unchanged": n - n_improved - n_declined,
        "n_declined": n_declined,
        "mean_individual_gain": statistics.fmean(gains) if gains else None,
    }
    if n == 0:
        return PairedSummary(**none, **counts)
    mean_pre, mean_post = statistics.fmean(pre), statistics.fmean(post)
    mean_diff = statistics.fmean(diffs)
    values = {**none, **_means(mean_pre, mean_post, mean_diff, max_score)}
    values["wilcoxon_w"], values["wilcoxon_p"] = wilcoxon_signed_rank(diffs)
    if n < 2:
        return PairedSummary(**values, **counts)
    sd_pre, sd_post, sd_diff = _sd(pre, mean_pre), _sd(post, mean_post), _sd(diffs, mean_diff)
    return _with_tests(values, counts, n, sd_pre, sd_post, sd_diff)


def _means(mean_pre: float, mean_post: float, mean_diff: float, max_score: float) -> dict:
    """The summary's means and Hake's class gain on them."""
    pre_percent, post_percent = 100 * mean_pre / max_score, 100 * mean_post / max_score
    class_gain = (post_percent - pre_percent) / (100 - pre_percent) if pre_percent < 100 else None
    return {"mean_pre": mean_pre, "mean_post": mean_post, "mean_diff": mean_diff, "class_gain": class_gain}


def _with_tests(values: dict, counts: dict, n: int, sd_pre: float, sd_post: float, sd_diff: float) -> PairedSummary:
    """The summary's spread, t-test and effect sizes from the SDs (n ≥ 2), added to `values`."""
    mean_diff = values["mean_diff"]
    se_diff = sd_diff / math.sqrt(n)
    df = n - 1
    values.update(sd_pre=sd_pre, sd_post=sd_post, sd_diff=sd_diff, se_diff=se_diff, df=df)
    if se_diff > 0:
        t = mean_diff / se_diff
        margin = t_quantile(0.975, df) * se_diff
        values.update(
            t=t,
            p_value=t_two_sided_p(t, df),
            ci95_low=mean_diff - margin,
            ci95_high=mean_diff + margin,
            cohen_dz=mean_diff / sd_diff,
        )
    sd_average = (sd_pre + sd_post) / 2
    if sd_average > 0 and n >= 2:
        values["hedges_gav"] = mean_diff / sd_average * (1 - 3 / (8 * n - 9))
    return PairedSummary(**values, **counts)


def _wilcoxon_from_counts(differences: dict[float, int]) -> tuple[float | None, float | None]:
    """wilcoxon_signed_rank of the differences given as {difference: number of trainees}."""
    n_total = sum(differences.values())
    if n_total <= WILCOXON_EXACT_MAX_N:
        # Small samples: the exact path needs the differences one by one, and costs nothing.
        return wilcoxon_signed_rank([d for d, count in sorted(differences.items()) for _ in range(count)])
    signs: dict[float, list[int]] = {}
    for d, count in differences.items():
        if d != 0 and count:
            signs.setdefault(abs(d), [0, 0])[d < 0] += count
    n = sum(positive + negative for positive, negative in signs.values())
    if n == 0:
        return None, None
    r_plus_terms, tie_sizes, start = [], [], 0
    for _magnitude, (positive, negative) in sorted(signs.items()):
        size = positive + negative
        r_plus_terms.append(positive * (start + (size + 1) / 2))  # the tied group's average rank
        if size > 1:
            tie_sizes.append(size)
        start += size
    r_plus = math.fsum(r_plus_terms)
    return min(r_plus, n * (n + 1) / 2 - r_plus), _wilcoxon_normal_p(r_plus, n, tie_sizes)


def paired_summary_from_counts(
    counts: Sequence[tuple[float, float, int]], *, max_score: float = 100.0
) -> PairedSummary:
    """paired_summary from the joint distribution of the matched scores: (pre, post, trainees).

    What one GROUP BY in the database returns: every field is a function of these counts, so the
    summary needs hundreds of rows, not one per trainee. Same definitions and refusals as
    paired_summary; results equal it up to the order of floating-point additions (tests: 1e-9).
    """
    counts = [(a, b, c) for a, b, c in counts if c]
    if max_score <= 0:
        raise ValueError("max_score must be positive")
    if any(c < 0 for _a, _b, c in counts):
        raise ValueError("counts must not be negative")
    if any(not (0 <= a <= max_score and 0 <= b <= max_score) for a, b, _c in counts):
        raise ValueError("scores must lie between 0 and max_score")
    n = sum(c for _a, _b, c in counts)
    n_improved = sum(c for a, b, c in counts if b > a)
    n_declined = sum(c for a, b, c in counts if b < a)
    gains = [((b - a) / (max_score - a), c) for a, b, c in counts if a < max_score]
    n_gains = sum(c for _g, c in gains)
    none = dict.fromkeys(_OPTIONAL_FIELDS)
    summary_counts = {
        "n": n,
        "n_gain_excluded": n - n_gains,
        "n_improved": n_improved,
        "n_unchanged": n - n_improved - n_declined,
        "n_declined": n_declined,
        "mean_individual_gain": math.fsum(g * c for g, c in gains) / n_gains if n_gains else None,
    }
    if n == 0:
        return PairedSummary(**none, **summary_counts)
    differences: dict[float, int] = {}
    for a, b, c in counts:
        differences[b - a] = differences.get(b - a, 0) + c
    mean_pre = math.fsum(a * c for a, _b, c in counts) / n
    mean_post = math.fsum(b * c for _a, b, c in counts) / n
    mean_diff = math.fsum(d * c for d, c in differences.items()) / n
    values = {**none, **_means(mean_pre, mean_post, mean_diff, max_score)}
    values["wilcoxon_w"], values["wilcoxon_p"] = _wilcoxon_from_counts(differences)
    if n < 2:
        return PairedSummary(**values, **summary_counts)

    def sd(pairs, mean):
        return math.sqrt(math.fsum(c * (x - mean) ** 2 for x, c in pairs) / (n - 1))

    sd_pre = sd([(a, c) for a, _b, c in counts], mean_pre)
    sd_post = sd([(b, c) for _a, b, c in counts], mean_post)
    sd_diff = sd(differences.items(), mean_diff)
    return _with_tests(values, summary_counts, n, sd_pre, sd_post, sd_diff)


def mcnemar_exact(b: int, c: int) -> float:
    """Exact two-sided McNemar p for one item: b = right→wrong, c = wrong→right.

    Under H0 the b + c discordant pairs split Binomial(b + c, ½); p = min(1, 2 · P(X ≤ min(b, c))).
    Returns 1.0 when there is no discordant pair.
    """
    if b < 0 or c < 0:
        raise ValueError("counts must not be negative")
    if b + c == 0:
        return 1.0
    return min(1.0, 2.0 * binomial_half_cdf(min(b, c), b + c))


def holm_adjust(p_values: Sequence[float]) -> list[float]:
    """Holm's (1979) step-down adjusted p values, in the order given.

    The k-th smallest of m p values becomes max over j ≤ k of (m − j + 1) · p_(j), capped at 1.
    """
    m = len(p_values)
    order = sorted(range(m), key=p_values.__getitem__)
    adjusted = [0.0] * m
    running = 0.0
    for position, index in enumerate(order):
        running = max(running, min(1.0, (m - position) * p_values[index]))
        adjusted[index] = running
    return adjusted


HAKE_LOW, HAKE_MEDIUM, HAKE_HIGH = "low", "medium", "high"


def hake_band(gain: float | None) -> str | None:
    """Hake's (1998) band of a normalised gain: low < 0.3 ≤ medium < 0.7 ≤ high."""
    if gain is None:
        return None
    if gain >= 0.7:
        return HAKE_HIGH
    if gain >= 0.3:
        return HAKE_MEDIUM
    return HAKE_LOW
