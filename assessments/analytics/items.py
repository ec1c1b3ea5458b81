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
from collections.abc import Sequence
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
    m2 = sum((x - mean) ** 2 for x in totals) / n
    m3 = sum((x - mean) ** 3 for x in totals) / n
    m4 = sum((x - mean) ** 4 for x in totals) / n
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
            item_variances = math.fsum(_variance(column, statistics.fmean(column)) for column in columns)
            cic = 100 * p / (p - 1) * (1 - item_variances / k2)
            error_ratio = 100 * math.sqrt(1 - cic / 100) if cic < 100 else 0.0
            standard_error = error_ratio * sd / 100
    return ItemAnalysis(n, items, mean, median, sd, skewness, kurtosis, cic, error_ratio, standard_error)
