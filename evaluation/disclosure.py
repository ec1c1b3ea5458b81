"""Disclosure control: an evaluator never sees one person (docs/analytics.md, "Disclosure control").

The rule, for a selection F (the set filters) and MIN_GROUP = 5:
1. the matched trainees under F number at least MIN_GROUP, and
2. for every selection T made of some of F's filters (all 2^k − 1 of them, with the unfiltered
   report), the trainees under T but not under F are none or at least MIN_GROUP.
Otherwise the page, the exports and the command show only the count band. A breakdown row (F and
one group value) and a module's question tables (F and one module) obey the same rule; report.py
then suppresses further rows so that the total minus the rows shown never isolates 1 to 4 trainees.

Populations under filters that drop a filter always contain the narrower one (a pair under F has
both its attempts under every T ⊆ F), so (2) is exactly "no two selections on one chain of filters
differ by 1 to 4". Checking every subset rather than only the next-wider selections matters: two
filters may each change nothing alone and leave out two trainees together.
"""

from __future__ import annotations

import functools
import logging
import operator
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Value, When

from evaluation import disaggregation
from evaluation.aggregates import DIMENSIONS
from evaluation.filters import CONSENT_IN_FORCE, FILTER_SPECS, PRE_OR_POST, ReportFilters, session_code

logger = logging.getLogger(__name__)

MIN_GROUP = 5
# What outputs write in place of a withheld count.
BAND = f"< {MIN_GROUP}"


@dataclass(frozen=True)
class Disclosure:
    """What the rule allows for one selection.

    `n` is the matched trainees (pairs) under the filters; `shown` whether the report may be shown at
    all; `groups[dimension]` the breakdown values whose row may be shown; `courses` the modules whose
    question tables may be shown.
    """

    n: int
    shown: bool
    groups: dict[str, frozenset[str]]
    courses: frozenset[int]


@dataclass(frozen=True)
class WithheldReport:
    """A report that shows nothing but the count band (fewer than MIN_GROUP, or differencing)."""

    withheld: bool = True


def _differs_by_a_few(wider: int, narrower: int) -> bool:
    return 0 < wider - narrower < MIN_GROUP


def _safe(counts: dict[int, int], full: int) -> bool:
    """Rule 1 and 2 for one population given its count under every subset of the filters (bitmasks)."""
    n = counts.get(full, 0)
    return n >= MIN_GROUP and not any(_differs_by_a_few(counts.get(t, 0), n) for t in range(full))


@functools.cache
def _submasks(mask: int) -> frozenset[int]:
    """Every subset of a bitmask, itself and 0 included."""
    subsets, sub = {0}, mask
    while sub:
        subsets.add(sub)
        sub = (sub - 1) & mask
    return frozenset(subsets)


def _matching_scope():
    """The attempts that can enter a pair, whatever the filters (aggregates._statement, matched_data:
    counting — Attempt.objects.counting, the one definition — scorable, consent in force). Keep in
    step with the matching there."""
    from assessments.models import Attempt

    return Attempt.objects.counting().filter(max_score__gt=0).filter(CONSENT_IN_FORCE & PRE_OR_POST)


def disclosure_check(*, filters: ReportFilters) -> Disclosure:
    """Apply the rule to `filters`, in one query: each attempt in scope with a bitmask of the set
    filters it meets, grouped by trainee, module, test and the breakdown values.

    A trainee and module form a pair under a subset T of the filters exactly when some pre-test
    attempt and some post-test attempt both meet every filter of T, i.e. T ⊆ pre mask & post mask.
    """
    active = [spec for spec in FILTER_SPECS if spec.name in filters.values]
    full = (1 << len(active)) - 1
    mask = functools.reduce(
        operator.add,
        [
            Case(
                When(spec.condition(filters.values[spec.name]), then=Value(1 << i)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for i, spec in enumerate(active)
        ],
        Value(0, output_field=IntegerField()),
    )
    rows = (
        _matching_scope()
        .annotate(mask=mask, session=session_code())
        .order_by()
        .values_list(
            "user_id",
            "test__course_id",
            "test__kind",
            "mask",
            "user__prefecture__natural_region",
            "user__prefecture__region__name",
            "user__audience",
            "session",
            *disaggregation.COLUMNS.values(),
        )
        .distinct()
    )
    trainees: dict[tuple[int, int], list] = defaultdict(lambda: [set(), set(), ()])
    for user_id, course_id, kind, attempt_mask, *groups in rows.iterator():
        entry = trainees[(user_id, course_id)]
        entry[0 if kind == "pre" else 1].add(attempt_mask or 0)
        entry[2] = tuple(value or "" for value in groups)
    # Trainees alike for the rule (same masks, module and groups) counted once.
    alike: Counter = Counter()
    for (_user_id, course_id), (pre, post, groups) in trainees.items():
        if pre and post:
            alike[(frozenset(p & q for p in pre for q in post), course_id, groups)] += 1
    total: Counter = Counter()
    by_group: dict[str, dict[str, Counter]] = {name: defaultdict(Counter) for name in DIMENSIONS}
    by_course: dict[int, Counter] = defaultdict(Counter)
    for (masks, course_id, groups), count in alike.items():
        for subset in set().union(*(_submasks(m) for m in masks)):
            total[subset] += count
            by_course[course_id][subset] += count
            for name, value in zip(DIMENSIONS, groups, strict=True):
                by_group[name][value][subset] += count
    return Disclosure(
        n=total.get(full, 0),
        shown=_safe(total, full),
        groups={
            name: frozenset(value for value, counts in values.items() if _safe(counts, full))
            for name, values in by_group.items()
        },
        courses=frozenset(course_id for course_id, counts in by_course.items() if _safe(counts, full)),
    )


def disclosed_report(*, filters: ReportFilters, read: Callable, labels: dict):
    """The report for `filters` as the rule allows it: an EvaluationReport whose groups and question
    tables are suppressed where needed, or a WithheldReport (the count band only).

    `read` is selectors.matched_data (exports, command) or aggregates.matched_counts (the page).
    """
    from evaluation.report import evaluation_report

    check = disclosure_check(filters=filters)
    if not check.shown:
        return WithheldReport()
    report = evaluation_report(data=read(filters=filters), labels=labels, disclosure=check)
    if report.summary.n != check.n:
        # The check and the matching disagree on who is in the report: its counts would not be the
        # report's, so nothing is shown rather than something unchecked.
        logger.error("disclosure check counted %s pairs, the report %s: withheld", check.n, report.summary.n)
        return WithheldReport()
    return report
