"""Item analysis of one test form, as Moodle's quiz statistics report defines it.

Definitions follow Moodle's documentation (docs.moodle.org, "Quiz statistics calculations") and its
code (question/classes/statistics/questions/calculator.php, mod/quiz/report/statistics/classes/
calculator.php); tests reproduce Moodle's own fixture (results00.csv, qstats00.csv and the quiz
statistics in stats_from_steps_walkthrough_test.php).
"""

from __future__ import annotations

import math
import operator
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemStatistics:
    """One item. `facility` and `sd` are fractions of the item's maximum mark; the indices are %.

    `discrimination_index` = 100 · r(item mark, rest of the test), the rest being the total minus the
    item; `discriminative_efficiency` = 100 · cov(item, rest) / the largest covariance the two
    marginal distributions allow (both sorted). None when a variance is zero or n < 2.
    """

    position: int
    max_mark: float
    facility: float | None
    sd: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None


@dataclass(frozen=True)
class ItemAnalysis:
    """A test form's item and test statistics (test statistics on total raw marks).

    `sd` uses n − 1; `skewness` = k3 / k2^{3/2} and `kurtosis` = k4 / k2² from the unbiased
    cumulants (None below 3 and 4 attempts); `cic` (Cronbach's alpha, %) = 100 · p/(p − 1) ·
    (1 − Σ item variances / total variance); `error_ratio` = 100 · √(1 − cic/100);
    `standard_error` = error_ratio · sd / 100.
    """

    n: int
    items: tuple[ItemStatistics, ...]
    mean: float | None
    median: float | None
    sd: float | None
    skewness: float | None
    kurtosis: float | None
    cic: float | None
    error_ratio: float | None
    standard_error: float | None


def _variance(values: Sequence[float], mean: float) -> float:
    """Sample variance (n − 1) in floats: statistics.variance is exact but too slow for thousands."""
    deviations = [x - mean for x in values]
    return math.fsum(map(operator.mul, deviations, deviations)) / (len(values) - 1)


def _covariance(x: Sequence[float], y: Sequence[float], mean_x: float, mean_y: float) -> float:
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    return math.fsum(map(operator.mul, [a - mean_x for a in x], [b - mean_y for b in y])) / (len(x) - 1)


def _item(position: int, column: list[float], rest: list[float], max_mark: float) -> ItemStatistics:
    n = len(column)
    if n == 0 or max_mark <= 0:
        return ItemStatistics(position, max_mark, None, None, None, None)
    mean = statistics.fmean(column)
    facility = mean / max_mark
    if n < 2:
        return ItemStatistics(position, max_mark, facility, None, None, None)
    variance = _variance(column, mean)
    rest_mean = statistics.fmean(rest)
    rest_variance = _variance(rest, rest_mean)
    covariance = _covariance(column, rest, mean, rest_mean)
    covariance_max = _covariance(sorted(column), sorted(rest), mean, rest_mean)
    index = 100 * covariance / math.sqrt(variance * rest_variance) if variance > 0 and rest_variance > 0 else None
    efficiency = 100 * covariance / covariance_max if covariance_max > 0 else None
    return ItemStatistics(position, max_mark, facility, math.sqrt(variance) / max_mark, index, efficiency)


def item_analysis(marks: Sequence[Sequence[float]], max_marks: Sequence[float]) -> ItemAnalysis:
    """Item and test statistics of one form: marks[a][i] is attempt a's mark on item i.

    Refuses rows whose length differs from max_marks. With no attempts every statistic is None.
    """
    p = len(max_marks)
    if any(len(row) != p for row in marks):
        raise ValueError("every attempt needs one mark per item")
    n = len(marks)
    totals = [math.fsum(row) for row in marks]
    columns = [[row[i] for row in marks] for i in range(p)]
    items = tuple(
        _item(i + 1, columns[i], [total - mark for total, mark in zip(totals, columns[i], strict=True)], max_marks[i])
        for i in range(p)
    )
    if n == 0:
        return ItemAnalysis(0, items, None, None, None, None, None, None, None, None)
    mean = statistics.fmean(totals)
    median = statistics.median(totals)
    if n < 2:
        return ItemAnalysis(n, items, mean, median, None, None, None, None, None, None)
    moments = [sum((x - mean) ** k for x in totals) / n for k in (2, 3, 4)]
    return _with_test_statistics(
        n,
        items,
        mean,
        median,
        moments,
        p,
        lambda: math.fsum(_variance(column, statistics.fmean(column)) for column in columns),
    )


def _with_test_statistics(
    n: int,
    items: tuple[ItemStatistics, ...],
    mean: float,
    median: float,
    moments: list[float],
    p: int,
    item_variances: Callable[[], float],
) -> ItemAnalysis:
    """The test statistics from the totals' central moments m2, m3, m4 (n ≥ 2); `item_variances`
    gives Σ item variances (n − 1), asked only when Cronbach's alpha is defined."""
    m2, m3, m4 = moments
    k2 = n * m2 / (n - 1)
    sd = math.sqrt(k2)
    skewness = kurtosis = cic = error_ratio = standard_error = None
    if k2 > 0:
        if n > 2:
            k3 = n * n * m3 / ((n - 1) * (n - 2))
            skewness = k3 / k2**1.5
        if n > 3:
            k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
            kurtosis = k4 / (k2 * k2)
        if p > 1:
            cic = 100 * p / (p - 1) * (1 - item_variances() / k2)
            error_ratio = 100 * math.sqrt(1 - cic / 100) if cic < 100 else 0.0
            standard_error = error_ratio * sd / 100
    return ItemAnalysis(n, items, mean, median, sd, skewness, kurtosis, cic, error_ratio, standard_error)


def _weighted_median(values: list[tuple[float, int]], n: int) -> float:
    """statistics.median of a sample given as sorted (value, count) pairs summing to n."""

    def at(index: int) -> float:
        seen = 0
        for value, count in values:
            seen += count
            if index < seen:
                return value
        raise IndexError(index)

    return at(n // 2) if n % 2 else (at(n // 2 - 1) + at(n // 2)) / 2


def _sorted_cross_sum(x: list[tuple[float, int]], y: list[tuple[float, int]], mean_x: float, mean_y: float) -> float:
    """Σ (x₍k₎ − mean_x)(y₍k₎ − mean_y) over both samples sorted, each given as sorted (value, count)."""
    terms = []
    i = j = 0
    left_x, left_y = x[0][1], y[0][1]
    while i < len(x) and j < len(y):
        run = min(left_x, left_y)
        terms.append(run * (x[i][0] - mean_x) * (y[j][0] - mean_y))
        left_x -= run
        left_y -= run
        if not left_x:
            i += 1
            left_x = x[i][1] if i < len(x) else 0
        if not left_y:
            j += 1
            left_y = y[j][1] if j < len(y) else 0
    return math.fsum(terms)


def item_analysis_from_counts(
    counts: Sequence[Sequence[tuple[float, float, int]]], max_marks: Sequence[float]
) -> ItemAnalysis:
    """item_analysis from the joint distribution of each item's mark and the rest of the test.

    counts[i] lists (mark on item i, total − that mark, number of attempts) — what one GROUP BY in
    the database returns — so the statistics need tens of rows, not one per attempt. Every item's
    counts must cover the same attempts. Same definitions and results as item_analysis (up to the
    order of floating-point additions); tests compare the two.
    """
    p = len(max_marks)
    if len(counts) != p:
        raise ValueError("every item needs its counts")
    n = sum(count for _x, _r, count in counts[0]) if p else 0
    if any(sum(count for _x, _r, count in item) != n for item in counts):
        raise ValueError("every item's counts must cover the same attempts")
    items = []
    column_variances = []
    for position, (item, max_mark) in enumerate(zip(counts, max_marks, strict=True), start=1):
        if n == 0 or max_mark <= 0:
            items.append(ItemStatistics(position, max_mark, None, None, None, None))
            if n >= 2:
                column_variances.append(_histogram_variance(item, n, 0))
            continue
        mean = math.fsum(x * c for x, _r, c in item) / n
        facility = mean / max_mark
        if n < 2:
            items.append(ItemStatistics(position, max_mark, facility, None, None, None))
            continue
        rest_mean = math.fsum(r * c for _x, r, c in item) / n
        variance = math.fsum(c * (x - mean) ** 2 for x, _r, c in item) / (n - 1)
        column_variances.append(variance)
        rest_variance = math.fsum(c * (r - rest_mean) ** 2 for _x, r, c in item) / (n - 1)
        covariance = math.fsum(c * (x - mean) * (r - rest_mean) for x, r, c in item) / (n - 1)
        covariance_max = _sorted_cross_sum(_marginal(item, 0), _marginal(item, 1), mean, rest_mean) / (n - 1)
        index = 100 * covariance / math.sqrt(variance * rest_variance) if variance > 0 and rest_variance > 0 else None
        efficiency = 100 * covariance / covariance_max if covariance_max > 0 else None
        items.append(ItemStatistics(position, max_mark, facility, math.sqrt(variance) / max_mark, index, efficiency))
    if n == 0:
        return ItemAnalysis(0, tuple(items), None, None, None, None, None, None, None, None)
    totals = _marginal([(x + r, 0.0, c) for x, r, c in counts[0]], 0)
    mean = math.fsum(t * c for t, c in totals) / n
    median = _weighted_median(totals, n)
    if n < 2:
        return ItemAnalysis(n, tuple(items), mean, median, None, None, None, None, None, None)
    moments = [math.fsum(c * (t - mean) ** k for t, c in totals) / n for k in (2, 3, 4)]
    return _with_test_statistics(n, tuple(items), mean, median, moments, p, lambda: math.fsum(column_variances))


def _marginal(item: Sequence[tuple[float, float, int]], axis: int) -> list[tuple[float, int]]:
    """The sorted (value, count) distribution of the mark (axis 0) or of the rest (axis 1)."""
    merged: dict[float, int] = {}
    for row in item:
        merged[row[axis]] = merged.get(row[axis], 0) + row[2]
    return sorted(merged.items())


def _histogram_variance(item: Sequence[tuple[float, float, int]], n: int, axis: int) -> float:
    mean = math.fsum(row[axis] * row[2] for row in item) / n
    return math.fsum(row[2] * (row[axis] - mean) ** 2 for row in item) / (n - 1)
