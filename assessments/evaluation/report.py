"""The evaluator's report, computed from the matched data with assessments.analytics.

Everything here is arithmetic on what selectors.matched_data read; no query runs here. Groups of
fewer than MIN_GROUP trainees are suppressed: their row keeps the label and "fewer than 5", never
a number.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from assessments.analytics import (
    ItemAnalysis,
    PairedSummary,
    hake_band,
    holm_adjust,
    item_analysis,
    mcnemar_exact,
    paired_summary,
)
from assessments.evaluation.selectors import MatchedData, Pair

MIN_GROUP = 5
# An item most trainees already answered right before the module teaches little it can measure.
CEILING_FACILITY = 0.8


@dataclass(frozen=True)
class GroupRow:
    label: str
    n: int
    suppressed: bool
    summary: PairedSummary | None
    gains: tuple[float, ...]  # post % − pre % per trainee (percentage points); empty when suppressed


@dataclass(frozen=True)
class ItemRow:
    course_title: str
    reference: str
    objective: str
    n: int
    facility_pre: float | None
    facility_post: float | None
    wrong_to_right: int
    right_to_wrong: int
    mcnemar_p: float | None
    mcnemar_p_holm: float | None
    ceiling: bool


@dataclass(frozen=True)
class FormAnalysis:
    course_title: str
    kind: str
    label: str
    references: tuple[str, ...]
    analysis: ItemAnalysis

    @property
    def items(self) -> list[dict]:
        """Each item's reference beside its statistics, for tables."""
        return [{"reference": r, "stats": s} for r, s in zip(self.references, self.analysis.items, strict=True)]


@dataclass(frozen=True)
class ObjectiveRow:
    course_title: str
    objective: str
    mean_pre: float
    mean_post: float


@dataclass(frozen=True)
class AnchorRow:
    course_title: str
    kind: str
    reference: str
    facility_a: float | None
    n_a: int
    facility_b: float | None
    n_b: int


@dataclass(frozen=True)
class EvaluationReport:
    summary: PairedSummary
    hake_band: str | None
    n_unmatched: int
    n_excluded: int
    n_paper_attempts: int
    n_synthetic: int
    percent_improved: float | None
    pass_rate_pre: float | None
    pass_rate_post: float | None
    breakdowns: dict[str, list[GroupRow]]
    items: list[ItemRow]
    forms: list[FormAnalysis]
    objectives: list[ObjectiveRow]
    anchors: list[AnchorRow]
    pairs: list[Pair]


def group_rows(pairs: list[Pair], key: Callable[[Pair], str], label: Callable[[str], str]) -> list[GroupRow]:
    """One row per group value, largest first; groups under MIN_GROUP keep no number but n < 5."""
    members: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        members[key(pair)].append(pair)
    rows = []
    for value, group in sorted(members.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(group) < MIN_GROUP:
            rows.append(GroupRow(label(value), len(group), True, None, ()))
            continue
        pre = [p.pre.percent for p in group]
        post = [p.post.percent for p in group]
        gains = tuple(b - a for a, b in zip(pre, post, strict=True))
        rows.append(GroupRow(label(value), len(group), False, paired_summary(pre, post), gains))
    return rows


def _items(pairs: list[Pair], data: MatchedData) -> list[ItemRow]:
    counts: dict[tuple[int, str], list] = {}
    titles = {}
    # Pairs that sat the same two forms share one layout: count column by column.
    combinations: dict[tuple[int, int, int], list[Pair]] = defaultdict(list)
    for pair in pairs:
        titles[pair.course_id] = pair.course_title
        combinations[(pair.course_id, pair.pre.form_id, pair.post.form_id)].append(pair)
    for (course_id, _pre_form, _post_form), group in combinations.items():
        pre_references, post_references = list(group[0].pre_marks), list(group[0].post_marks)
        pre_columns = list(zip(*(pair.pre_marks.values() for pair in group), strict=True))
        post_columns = list(zip(*(pair.post_marks.values() for pair in group), strict=True))
        post_index = {reference: j for j, reference in enumerate(post_references)}
        for reference in {*pre_references, *post_references}:
            if (course_id, reference) not in counts:
                counts[(course_id, reference)] = [0, 0.0, 0, 0.0, 0, 0, 0]
        for i, reference in enumerate(pre_references):
            entry = counts[(course_id, reference)]
            entry[0] += len(group)
            entry[1] += math.fsum(pre_columns[i])
            j = post_index.get(reference)
            if j is not None:
                entry[4] += len(group)
                entry[5] += sum(1 for a, b in zip(pre_columns[i], post_columns[j], strict=True) if a < 1.0 <= b)
                entry[6] += sum(1 for a, b in zip(pre_columns[i], post_columns[j], strict=True) if b < 1.0 <= a)
        for j, reference in enumerate(post_references):
            entry = counts[(course_id, reference)]
            entry[2] += len(group)
            entry[3] += math.fsum(post_columns[j])
    keys = sorted(counts)
    p_values = [mcnemar_exact(counts[k][6], counts[k][5]) if counts[k][4] else None for k in keys]
    tested = [p for p in p_values if p is not None]
    adjusted = iter(holm_adjust(tested))
    rows = []
    for key, p in zip(keys, p_values, strict=True):
        n_pre, sum_pre, n_post, sum_post, n_both, wrong_to_right, right_to_wrong = counts[key]
        facility_pre = sum_pre / n_pre if n_pre else None
        rows.append(
            ItemRow(
                course_title=titles[key[0]],
                reference=key[1],
                objective=data.questions.get(key, (1, ""))[1],
                n=n_both,
                facility_pre=facility_pre,
                facility_post=sum_post / n_post if n_post else None,
                wrong_to_right=wrong_to_right,
                right_to_wrong=right_to_wrong,
                mcnemar_p=p,
                mcnemar_p_holm=next(adjusted) if p is not None else None,
                ceiling=facility_pre is not None and facility_pre >= CEILING_FACILITY,
            )
        )
    return rows


def _forms(pairs: list[Pair], data: MatchedData) -> list[FormAnalysis]:
    rows_by_form: dict[int, list[list[float]]] = defaultdict(list)
    titles = {}
    for pair in pairs:
        titles[pair.course_id] = pair.course_title
        for attempt, raw in ((pair.pre, pair.pre_raw), (pair.post, pair.post_raw)):
            form = data.forms.get(attempt.form_id)
            if form is not None:
                rows_by_form[form.form_id].append(list(raw.values()))
    analyses = []
    for form_id, marks in sorted(rows_by_form.items()):
        form = data.forms[form_id]
        max_marks = [data.questions.get((form.course_id, r), (1, ""))[0] for r in form.references]
        analyses.append(
            FormAnalysis(
                titles[form.course_id], form.kind, form.label, form.references, item_analysis(marks, max_marks)
            )
        )
    return analyses


def _objectives(pairs: list[Pair], data: MatchedData) -> list[ObjectiveRow]:
    """Mean over trainees of each trainee's % on the questions of one objective, before and after."""
    # Per form: {objective: (positions on the form, maximum)}, worked out once.
    layouts: dict[int, dict[str, tuple[list[int], float]]] = {}
    for form in data.forms.values():
        layout: dict[str, tuple[list[int], float]] = {}
        for position, reference in enumerate(form.references):
            points, objective = data.questions.get((form.course_id, reference), (1, ""))
            positions, maximum = layout.get(objective, ([], 0.0))
            layout[objective] = ([*positions, position], maximum + points)
        layouts[form.form_id] = layout
    per_trainee: dict[tuple[int, str], list[tuple[float, float]]] = defaultdict(list)
    titles = {}
    for pair in pairs:
        titles[pair.course_id] = pair.course_title
        pre_layout, post_layout = layouts.get(pair.pre.form_id, {}), layouts.get(pair.post.form_id, {})
        pre_values, post_values = list(pair.pre_raw.values()), list(pair.post_raw.values())
        for objective, (pre_positions, pre_max) in pre_layout.items():
            if objective not in post_layout or not pre_max:
                continue
            post_positions, post_max = post_layout[objective]
            per_trainee[(pair.course_id, objective)].append(
                (
                    100 * sum(pre_values[i] for i in pre_positions) / pre_max,
                    100 * sum(post_values[i] for i in post_positions) / post_max,
                )
            )
    return [
        ObjectiveRow(
            titles[course_id],
            objective,
            statistics.fmean(v[0] for v in values),
            statistics.fmean(v[1] for v in values),
        )
        for (course_id, objective), values in sorted(per_trainee.items())
    ]


def _anchors(pairs: list[Pair], data: MatchedData) -> list[AnchorRow]:
    sums: dict[tuple[int, str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0, 0.0]))
    titles = {}
    for pair in pairs:
        titles[pair.course_id] = pair.course_title
        for attempt, fractions in ((pair.pre, pair.pre_marks), (pair.post, pair.post_marks)):
            form = data.forms.get(attempt.form_id)
            if form is None or form.label not in ("A", "B"):
                continue
            for reference in form.anchors:
                entry = sums[(pair.course_id, form.kind, reference)][form.label]
                entry[0] += 1
                entry[1] += fractions.get(reference, 0.0)
    rows = []
    for (course_id, kind, reference), by_label in sorted(sums.items()):
        a, b = by_label.get("A", [0, 0.0]), by_label.get("B", [0, 0.0])
        rows.append(
            AnchorRow(
                titles[course_id],
                kind,
                reference,
                a[1] / a[0] if a[0] else None,
                a[0],
                b[1] / b[0] if b[0] else None,
                b[0],
            )
        )
    return rows


def _share(count: int, total: int) -> float | None:
    return 100 * count / total if total else None


def evaluation_report(*, data: MatchedData, labels: dict[str, Callable[[str], str]]) -> EvaluationReport:
    """The whole report. `labels` turns a group value into its display label, per dimension."""
    pairs = data.pairs
    pre = [p.pre.percent for p in pairs]
    post = [p.post.percent for p in pairs]
    summary = paired_summary(pre, post)
    n = summary.n
    breakdowns = {
        dimension: group_rows(pairs, lambda p, d=dimension: getattr(p, d), labels.get(dimension, str))
        for dimension in ("natural_region", "region", "audience")
    }
    return EvaluationReport(
        summary=summary,
        hake_band=hake_band(summary.class_gain),
        n_unmatched=data.n_unmatched,
        n_excluded=data.n_excluded,
        n_paper_attempts=data.n_paper_attempts,
        n_synthetic=data.n_synthetic,
        percent_improved=_share(summary.n_improved, n),
        pass_rate_pre=_share(sum(p.pre.percent >= p.pass_mark for p in pairs), n),
        pass_rate_post=_share(sum(p.post.percent >= p.pass_mark for p in pairs), n),
        breakdowns=breakdowns,
        items=_items(pairs, data),
        forms=_forms(pairs, data),
        objectives=_objectives(pairs, data),
        anchors=_anchors(pairs, data),
        pairs=pairs,
    )
