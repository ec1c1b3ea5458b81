"""Probability distributions in pure Python (no numpy/scipy at run time).

- Student's t through the regularized incomplete beta function, evaluated with Lentz's continued
  fraction (Numerical Recipes, 3rd ed., §6.4): for t ≥ 0, P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½).
- The standard normal through math.erfc.
- The exact null distribution of the Wilcoxon signed-rank statistic by counting subsets of
  {1, …, n} with a given rank sum (dynamic programming; exact integers).
- The binomial(n, ½) distribution in exact integers (McNemar's exact test).

Every function is cross-checked against scipy in tests/evaluation/test_analytics.py.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist

_EPSILON = 1e-15
_TINY = 1e-300


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b), modified Lentz method (Numerical Recipes betacf)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 10_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPSILON:
            return h
    raise ArithmeticError("incomplete beta: continued fraction did not converge")


def regularized_incomplete_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1."""
    if not 0.0 <= x <= 1.0:
        raise ValueError("x must lie in [0, 1]")
    if x in (0.0, 1.0):
        return x
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    # The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_sf(t: float, df: float) -> float:
    """P(T > t) for Student's t with `df` degrees of freedom."""
    if math.isinf(t):
        return 0.0 if t > 0 else 1.0
    tail = 0.5 * regularized_incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return tail if t >= 0 else 1.0 - tail


def t_two_sided_p(t: float, df: float) -> float:
    """The two-sided p value of a t statistic: P(|T| ≥ |t|)."""
    if math.isinf(t):
        return 0.0
    return min(1.0, regularized_incomplete_beta(df / 2.0, 0.5, df / (df + t * t)))


def t_pdf(t: float, df: float) -> float:
    """The density of Student's t."""
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_norm - (df + 1) / 2 * math.log1p(t * t / df))


@lru_cache(maxsize=1024)
def t_quantile(probability: float, df: float) -> float:
    """The `probability` quantile of Student's t: Newton's method on t_sf, kept inside a bisection
    bracket so that it always converges (to full double precision in a few steps). It starts from
    the Cornish–Fisher approximation z + (z³ + z) / (4 df), within 1e-3 of the quantile for df ≥ 10,
    so a report's two dozen intervals take a few t_sf calls each (cached: a pure function)."""
    if not 0.0 < probability < 1.0:
        raise ValueError("probability must lie in (0, 1)")
    if probability == 0.5:
        return 0.0
    upper_tail = 1.0 - probability if probability > 0.5 else probability
    z = NormalDist().inv_cdf(1.0 - upper_tail)
    guess = z + (z**3 + z) / (4.0 * df)
    low, high = 0.0, max(1.0, 1.01 * guess)
    while t_sf(high, df) > upper_tail:
        low, high = high, high * 2.0
    t = guess if low < guess < high else (low + high) / 2.0
    for _ in range(100):
        excess = t_sf(t, df) - upper_tail  # decreasing in t
        if excess > 0:
            low = t
        else:
            high = t
        step = excess / t_pdf(t, df)
        candidate = t + step
        t = candidate if low < candidate < high else (low + high) / 2.0
        if abs(step) <= 1e-15 * max(1.0, abs(t)) or high - low <= 4 * math.ulp(high):
            break
    return t if probability > 0.5 else -t


def normal_two_sided_p(z: float) -> float:
    """P(|Z| ≥ |z|) for the standard normal."""
    return math.erfc(abs(z) / math.sqrt(2.0))


@lru_cache(maxsize=64)
def _signed_rank_counts(n: int) -> tuple[int, ...]:
    """counts[w] = the number of subsets of {1, …, n} whose sum is w (exact integers)."""
    counts = [1] + [0] * (n * (n + 1) // 2)
    for rank in range(1, n + 1):
        for total in range(rank * (rank + 1) // 2, rank - 1, -1):
            counts[total] += counts[total - rank]
    return tuple(counts)


def wilcoxon_exact_two_sided_p(w: float, n: int) -> float:
    """Exact two-sided p of the signed-rank statistic `w` (the smaller rank sum) for n untied ranks.

    p = 2 · P(W ≤ w) under H0 (all 2^n sign patterns equally likely), capped at 1.
    """
    counts = _signed_rank_counts(n)
    at_most = sum(counts[: math.floor(w) + 1])
    return min(1.0, 2.0 * at_most / 2**n)


def binomial_half_cdf(k: int, n: int) -> float:
    """P(X ≤ k) for X ~ Binomial(n, ½), computed in exact integers."""
    total = term = 1
    for i in range(k):
        term = term * (n - i) // (i + 1)  # C(n, i + 1) from C(n, i), exactly
        total += term
    return total / 2**n
