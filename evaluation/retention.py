"""Did it last? Pre → post → follow-up, beside the pre/post report (training/followup.py opens the
follow-up test months after the post-test).

The population is the report's matched pairs (selectors.matched_data, every filter applied) in the
modules that have a follow-up test. Each pair's trainee is then one of:
- returned: has a counting, scorable follow-up attempt (the first one counts: later ones would
  measure what was learnt again, not what was kept);
- missing (attrition): the follow-up has opened for them (training.followup's rule) and they have not
  taken it;
- not yet due: the follow-up has not opened for them yet.
Nobody is dropped silently: the three counts add up to the module's matched pairs, and the post-test
scores of the returned and the missing are compared (mean difference, Welch's t, Mann–Whitney U).

For the returned: retention since the pre-test (follow-up − pre) and since the post-test (follow-up
− post), each a PairedSummary (paired t, Wilcoxon, effect sizes: analytics.paired), the share of
the gain kept ((follow-up − pre) / (post − pre) on the means), and Friedman's test across the three;
per module, per learning objective and per question (the questions on all three of a trainee's forms).

Disclosure (disclosure.py, MIN_GROUP): nothing when the pre/post report itself is withheld or the
module's tables are; a module's figures only when each of returned, missing and not yet due is 0 or
at least MIN_GROUP (the matched total minus the others would otherwise reveal a group of 1 to 4); an
objective's or question's row only when its trainees are at least MIN_GROUP and the returned minus
them are 0 or at least MIN_GROUP.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from assessments.models import Attempt, Response, Test, TestItem
from evaluation.analytics import PairedSummary, paired_summary
from evaluation.analytics.repeated import FriedmanResult, TwoGroups, friedman, gain_kept, two_groups
from evaluation.disclosure import MIN_GROUP, Disclosure
from evaluation.filters import CONSENT_IN_FORCE, ReportFilters
from evaluation.selectors import MatchedData, Pair, matched_data, module_titles, objective_labels
from training.followup import delays

Triple = tuple[float, float, float]  # pre, post, follow-up (percent)


@dataclass(frozen=True)
class RetentionRow:
    """Pre → post → follow-up for one module, objective or question (scores in %)."""

    label: str
    n: int
    mean_pre: float | None = None
    mean_post: float | None = None
    mean_followup: float | None = None
    since_pre: PairedSummary | None = None  # pre → follow-up
    since_post: PairedSummary | None = None  # post → follow-up
    gain_kept: float | None = None
    friedman: FriedmanResult | None = None
    suppressed: bool = False
    objective: str = ""  # a question's objective


@dataclass(frozen=True)
class ModuleRetention:
    course_id: int
    title: str
    n_matched: int
    n_returned: int
    n_missing: int
    n_not_due: int
    withheld: bool
    overall: RetentionRow | None = None
    objectives: list[RetentionRow] = field(default_factory=list)
    items: list[RetentionRow] = field(default_factory=list)
    # Post-test scores (%): the returned (first) against the missing (second).
    attrition: TwoGroups | None = None


@dataclass(frozen=True)
class FollowupAttempt:
    user_id: int
    course_id: int
    percent: float
    raw: dict[str, float]  # {reference: raw mark} for the items of its form (unanswered: 0)
    finished_on: str = ""  # ISO 8601 date (UTC)


def _differs_by_a_few(count: int) -> bool:
    return 0 < count < MIN_GROUP


def module_withheld(n_returned: int, n_missing: int, n_not_due: int) -> bool:
    """A module's follow-up figures are withheld unless each of returned, missing and not yet due is
    0 or at least MIN_GROUP, with at least MIN_GROUP returned (the page and the exports)."""
    return n_returned < MIN_GROUP or _differs_by_a_few(n_missing) or _differs_by_a_few(n_not_due)


def retention_row(label: str, triples: list[Triple], *, objective: str = "") -> RetentionRow:
    """The statistics of one set of (pre, post, follow-up) scores on a 0–100 scale."""
    n = len(triples)
    if not n:
        return RetentionRow(label, 0, objective=objective)
    pre, post, later = ([t[i] for t in triples] for i in range(3))
    since_pre = paired_summary(pre, later, max_score=100.0)
    since_post = paired_summary(post, later, max_score=100.0)
    mean_pre, mean_post, mean_followup = since_pre.mean_pre, since_post.mean_pre, since_pre.mean_post
    return RetentionRow(
        label,
        n,
        mean_pre,
        mean_post,
        mean_followup,
        since_pre,
        since_post,
        gain_kept(mean_pre, mean_post, mean_followup),
        friedman(triples),
        objective=objective,
    )


def _percent(raw: dict[str, float], references, points: dict[str, float]) -> float | None:
    total = sum(points[r] for r in references)
    return 100 * sum(raw.get(r, 0.0) for r in references) / total if total else None


def _breakdowns(pairs: list[tuple[Pair, FollowupAttempt]], data: MatchedData, course_id: int):
    """({objective: triples}, {reference: triples}): each trainee's objective scores and question
    marks on all three attempts, where their three forms all have that objective or question."""
    points = {ref: float(p) for (c, ref), (p, _o) in data.questions.items() if c == course_id and p}
    objective_of = {ref: o for (c, ref), (_p, o) in data.questions.items() if c == course_id}
    by_objective: dict[str, list[Triple]] = defaultdict(list)
    by_item: dict[str, list[Triple]] = defaultdict(list)
    for pair, later in pairs:
        sides = (pair.pre_raw, pair.post_raw, later.raw)
        common = [r for r in pair.pre_raw if r in pair.post_raw and r in later.raw and r in points]
        for reference in common:
            at_pre, at_post, at_followup = (100 * side[reference] / points[reference] for side in sides)
            by_item[reference].append((at_pre, at_post, at_followup))
        objectives: dict[str, list[list[str]]] = defaultdict(lambda: [[], [], []])
        for index, side in enumerate(sides):
            for reference in side:
                if reference in points:
                    objectives[objective_of[reference]][index].append(reference)
        for objective, references in objectives.items():
            scores = [_percent(side, refs, points) for side, refs in zip(sides, references, strict=True)]
            if all(score is not None for score in scores):
                by_objective[objective].append(tuple(scores))  # type: ignore[arg-type]
    return by_objective, by_item, objective_of


def _shown(row: RetentionRow, n_returned: int) -> RetentionRow:
    if row.n >= MIN_GROUP and not _differs_by_a_few(n_returned - row.n):
        return row
    return RetentionRow(row.label, row.n, suppressed=True, objective=row.objective)


def module_retention(
    *,
    course_id: int,
    title: str,
    pairs: list[Pair],
    followups: dict[tuple[int, int], FollowupAttempt],
    due: dict[int, bool],
    data: MatchedData,
    labels: dict[str, str] | None = None,
) -> ModuleRetention:
    """One module's retention and attrition; `due[user_id]`: the follow-up has opened for them."""
    labels = labels or {}
    returned = [(p, followups[(p.user_id, course_id)]) for p in pairs if (p.user_id, course_id) in followups]
    others = [p for p in pairs if (p.user_id, course_id) not in followups]
    missing = [p for p in others if due.get(p.user_id)]
    n_not_due = len(others) - len(missing)
    counts = (len(pairs), len(returned), len(missing), n_not_due)
    if module_withheld(len(returned), len(missing), n_not_due):
        return ModuleRetention(course_id, title, *counts, withheld=True)
    overall = retention_row(title, [(p.pre.percent, p.post.percent, f.percent) for p, f in returned])
    by_objective, by_item, objective_of = _breakdowns(returned, data, course_id)
    objectives = [
        _shown(retention_row(labels.get(o, o), triples), len(returned)) for o, triples in sorted(by_objective.items())
    ]
    items = [
        _shown(retention_row(ref, triples, objective=labels.get(objective_of[ref], objective_of[ref])), len(returned))
        for ref, triples in sorted(by_item.items())
    ]
    attrition = two_groups([p.post.percent for p, _f in returned], [p.post.percent for p in missing])
    return ModuleRetention(
        course_id,
        title,
        *counts,
        withheld=False,
        overall=overall,
        objectives=objectives,
        items=items,
        attrition=attrition,
    )


def followup_attempts(pairs: list[Pair]) -> dict[tuple[int, int], FollowupAttempt]:
    """The first counting, scorable follow-up attempt of each matched trainee and module, with its
    item marks (three queries)."""
    users = {p.user_id for p in pairs}
    courses = {p.course_id for p in pairs}
    rows = (
        Attempt.objects.counting()
        .filter(CONSENT_IN_FORCE, test__kind=Test.Kind.FOLLOWUP, max_score__gt=0)
        .filter(user_id__in=users, test__course_id__in=courses)
        .order_by("number")
        .values_list("id", "user_id", "test__course_id", "form_id", "score", "max_score", "finished_at")
    )
    first: dict[tuple[int, int], tuple] = {}
    for row in rows:
        first.setdefault((row[1], row[2]), row)
    ids = [row[0] for row in first.values()]
    forms: dict[int, list[str]] = defaultdict(list)
    for form_id, reference in TestItem.objects.filter(form_id__in={row[3] for row in first.values()}).values_list(
        "form_id", "reference"
    ):
        forms[form_id].append(reference)
    marks: dict[object, dict[str, float]] = defaultdict(dict)
    for attempt_id, reference, score in Response.objects.filter(attempt_id__in=ids).values_list(
        "attempt_id", "question__reference", "score"
    ):
        marks[attempt_id][reference] = score or 0.0
    return {
        key: FollowupAttempt(
            key[0],
            key[1],
            100 * score / max_score,
            {reference: marks[aid].get(reference, 0.0) for reference in forms[form_id]},
            finished_at.astimezone(datetime.UTC).date().isoformat() if finished_at else "",
        )
        for key, (aid, _u, _c, form_id, score, max_score, finished_at) in first.items()
    }


def followup_due(pairs: list[Pair], course_id: int, today: datetime.date) -> dict[int, bool]:
    """{user id: the follow-up has opened}, from the matched post-test's day and the delay."""
    delay = delays(course_id=course_id, user_ids=[p.user_id for p in pairs])
    return {
        p.user_id: datetime.date.fromisoformat(p.post.finished_on) + datetime.timedelta(days=delay[p.user_id]) <= today
        for p in pairs
    }


def retention_report(*, filters: ReportFilters, disclosure: Disclosure) -> list[ModuleRetention]:
    """Every module with a follow-up test among the report's matched pairs (none when withheld)."""
    if not disclosure.shown:
        return []
    with_followup = set(Test.objects.filter(kind=Test.Kind.FOLLOWUP).values_list("course_id", flat=True))
    if not with_followup:
        return []
    data = matched_data(filters=filters)
    pairs = [p for p in data.pairs if p.course_id in with_followup and p.course_id in disclosure.courses]
    if not pairs:
        return []
    followups = followup_attempts(pairs)
    by_course: dict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_course[pair.course_id].append(pair)
    titles = module_titles(by_course)
    labels = objective_labels({o for (_c, _r), (_p, o) in data.questions.items()})
    today = timezone.localdate()
    return [
        module_retention(
            course_id=course_id,
            title=titles.get(course_id, ""),
            pairs=course_pairs,
            followups=followups,
            due=followup_due(course_pairs, course_id, today),
            data=data,
            labels=labels,
        )
        for course_id, course_pairs in sorted(by_course.items(), key=lambda item: titles.get(item[0], ""))
    ]
