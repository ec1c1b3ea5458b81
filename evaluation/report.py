"""The evaluator's report, computed from the matched data with evaluation.analytics.

Everything here is arithmetic on the database's counts (aggregates.matched_counts); no query runs
here, and no loop over trainees (tests/evaluation/oracle.py computes the same from per-trainee
pairs, to check it). Groups of
fewer than MIN_GROUP trainees are suppressed: their row keeps the label and "fewer than 5", never
a number; then further rows, smallest first, until the suppressed rows hold none or at least
MIN_GROUP trainees (the total minus the rows shown must not isolate a few). With a `disclosure`
(disclosure.disclosure_check), rows and modules the differencing rule refuses are suppressed too.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, repeat

from evaluation import disaggregation
from evaluation.aggregates import PairCounts
from evaluation.analytics import (
    ItemAnalysis,
    PairedSummary,
    hake_band,
    holm_adjust,
    item_analysis_from_counts,
    mcnemar_exact,
    paired_summary_from_counts,
)
from evaluation.disclosure import MIN_GROUP as MIN_GROUP
from evaluation.disclosure import Disclosure
from evaluation.selectors import ItemCounts, MatchedData, Pair
from lms.disclosure import suppressed_rows

# The breakdowns the page, the JSON and the summary sheet show side by side (Pair attributes).
BREAKDOWNS = ("natural_region", "region", "audience", "session", *disaggregation.DIMENSIONS)
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
    # (pre %, post %, trainees), sorted: the scatter plot's data, whichever path computed the report.
    scores: tuple[tuple[float, float, int], ...]
    # Empty when the report was computed from the database's counts (the page).
    pairs: list[Pair]

    # A WithheldReport says True: code that receives either asks this.
    withheld = False


def _suppressed_values(sizes: dict[str, int], shown: frozenset[str] | None) -> set[str]:
    """The group values whose row shows no number.

    Primary: fewer than MIN_GROUP trainees, or refused by the differencing rule (not in `shown`).
    Secondary: while the suppressed rows hold 1 to MIN_GROUP − 1 trainees, the smallest row still
    shown is suppressed too, or the total minus the shown rows would give those few trainees' sums.
    """
    refused = () if shown is None else (v for v in sizes if v not in shown)
    return suppressed_rows(sizes, min_group=MIN_GROUP, refused=refused)


def group_rows_from_counts(
    counts: list[tuple[str, float, float, float, float, int]],
    label: Callable[[str], str],
    shown: frozenset[str] | None = None,
) -> list[GroupRow]:
    """One row per group value, largest first, from the database's (value, pre score, pre max, post
    score, post max, trainees); suppressed groups (_suppressed_values) keep no number."""
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for value, pre_score, pre_max, post_score, post_max, count in counts:
        members[value].append((100 * pre_score / pre_max, 100 * post_score / post_max, count))
    rows = []
    sizes = {value: sum(c for _a, _b, c in group) for value, group in members.items()}
    hidden = _suppressed_values(sizes, shown)
    for value, group in sorted(members.items(), key=lambda item: (-sizes[item[0]], item[0])):
        if value in hidden:
            rows.append(GroupRow(label(value), sizes[value], True, None, ()))
            continue
        gains = tuple(chain.from_iterable(repeat(gain, count) for gain, count in sorted(_gains(group).items())))
        rows.append(GroupRow(label(value), sizes[value], False, paired_summary_from_counts(group), gains))
    return rows


def _gains(group: list[tuple[float, float, int]]) -> dict[float, int]:
    """{post % − pre %: trainees}: a group's gains without a value per trainee."""
    gains: dict[float, int] = defaultdict(int)
    for pre, post, count in group:
        gains[post - pre] += count
    return gains


def _item_rows(counts: dict[tuple[int, str], list], titles: dict[int, str], data: MatchedData) -> list[ItemRow]:
    """One row per (course, reference) from [n_pre, Σ pre fraction, n_post, Σ post fraction, n_both,
    wrong→right, right→wrong]; McNemar p adjusted across the items with Holm's method."""
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


def _anchor_rows(sums: dict[tuple[int, str, str], dict[str, list]], titles: dict[int, str]) -> list[AnchorRow]:
    """One row per (course, kind, anchor reference) from {form label: [attempts, Σ fraction]}."""
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


def _item_counts(data: MatchedData) -> ItemCounts:
    if data.item_counts is None:
        raise ValueError("the report is computed from aggregates.matched_counts' histograms")
    return data.item_counts


def _pair_counts(data: MatchedData) -> PairCounts:
    if data.pair_counts is None:
        raise ValueError("the report is computed from aggregates.matched_counts' histograms")
    return data.pair_counts


def _items_from_counts(titles: dict[int, str], data: MatchedData) -> list[ItemRow]:
    """_items from the database's counts (ItemCounts.pairs): the same rows, no loop over trainees."""
    counts: dict[tuple[int, str], list] = {}
    for course_id, _pre_form, _post_form, reference, on_pre, x_pre, on_post, x_post, count in _item_counts(data).pairs:
        points = data.questions.get((course_id, reference), (1, ""))[0]
        entry = counts.setdefault((course_id, reference), [0, [], 0, [], 0, 0, 0])
        a, b = x_pre / points, x_post / points
        if on_pre:
            entry[0] += count
            entry[1].append(a * count)
        if on_post:
            entry[2] += count
            entry[3].append(b * count)
        if on_pre and on_post:
            entry[4] += count
            entry[5] += count if a < 1.0 <= b else 0
            entry[6] += count if b < 1.0 <= a else 0
    for entry in counts.values():
        entry[1], entry[3] = math.fsum(entry[1]), math.fsum(entry[3])
    return _item_rows(counts, titles, data)


def _forms_from_counts(titles: dict[int, str], data: MatchedData) -> list[FormAnalysis]:
    """_forms from the database's (mark, rest of the test, attempts) counts per form and item."""
    analyses = []
    for form_id, counts in sorted(_item_counts(data).forms.items()):
        form = data.forms[form_id]
        max_marks = [data.questions.get((form.course_id, r), (1, ""))[0] for r in form.references]
        analyses.append(
            FormAnalysis(
                titles[form.course_id],
                form.kind,
                form.label,
                form.references,
                item_analysis_from_counts([counts[r] for r in form.references], max_marks),
            )
        )
    return analyses


def _objectives_from_counts(titles: dict[int, str], trainees: Counter, data: MatchedData) -> list[ObjectiveRow]:
    """_objectives from the database's counts: a trainee's % on an objective is linear in the marks,
    so its mean over the trainees who sat one pair of forms (`trainees`) is that of the summed marks."""
    sums: dict[tuple[int, int, int, str, str], list[float]] = defaultdict(list)
    for course_id, pre_form, post_form, reference, on_pre, x_pre, on_post, x_post, count in _item_counts(data).pairs:
        if on_pre:
            sums[(course_id, pre_form, post_form, "pre", reference)].append(x_pre * count)
        if on_post:
            sums[(course_id, pre_form, post_form, "post", reference)].append(x_post * count)
    layouts: dict[int, dict[str, tuple[list[str], float]]] = {}
    for form in data.forms.values():
        layout: dict[str, tuple[list[str], float]] = {}
        for reference in form.references:
            points, objective = data.questions.get((form.course_id, reference), (1, ""))
            references, maximum = layout.get(objective, ([], 0.0))
            layout[objective] = ([*references, reference], maximum + points)
        layouts[form.form_id] = layout
    totals: dict[tuple[int, str], list] = defaultdict(lambda: [0, [], []])
    for (course_id, pre_form, post_form), n in trainees.items():
        pre_layout, post_layout = layouts.get(pre_form, {}), layouts.get(post_form, {})
        for objective, (pre_references, pre_max) in pre_layout.items():
            if objective not in post_layout or not pre_max:
                continue
            post_references, post_max = post_layout[objective]
            entry = totals[(course_id, objective)]
            entry[0] += n
            for side, references, maximum, terms in (
                ("pre", pre_references, pre_max, entry[1]),
                ("post", post_references, post_max, entry[2]),
            ):
                marks = [x for r in references for x in sums.get((course_id, pre_form, post_form, side, r), ())]
                terms.append(100 * math.fsum(marks) / maximum)
    return [
        ObjectiveRow(titles[course_id], objective, math.fsum(pre) / n, math.fsum(post) / n)
        for (course_id, objective), (n, pre, post) in sorted(totals.items())
    ]


def _anchors_from_counts(titles: dict[int, str], data: MatchedData) -> list[AnchorRow]:
    """_anchors from the database's counts per form and item."""
    sums: dict[tuple[int, str, str], dict[str, list]] = defaultdict(dict)
    for form_id, counts in _item_counts(data).forms.items():
        form = data.forms[form_id]
        if form.label not in ("A", "B"):
            continue
        for reference in form.anchors:
            points = data.questions.get((form.course_id, reference), (1, ""))[0]
            rows = counts.get(reference, [])
            sums[(form.course_id, form.kind, reference)][form.label] = [
                sum(c for _x, _r, c in rows),
                math.fsum(x / points * c for x, _r, c in rows),
            ]
    return _anchor_rows(sums, titles)


def _share(count: int, total: int) -> float | None:
    return 100 * count / total if total else None


def _item_parts(data: MatchedData) -> dict:
    """The per-question, per-form, per-objective and anchor tables, from the database's counts."""
    titles = {form.course_id: form.course_title for form in data.forms.values()}
    return {
        "items": _items_from_counts(titles, data),
        "forms": _forms_from_counts(titles, data),
        "objectives": _objectives_from_counts(titles, _trainees_per_forms(data), data),
        "anchors": _anchors_from_counts(titles, data),
    }


def _trainees_per_forms(data: MatchedData) -> Counter:
    """{(course, pre form, post form): matched trainees}."""
    trainees: Counter = Counter()
    for course_id, pre_form, post_form, *_scores, count, _synthetic in _pair_counts(data).scores:
        trainees[(course_id, pre_form, post_form)] += count
    return trainees


def _shown_modules(data: MatchedData, disclosure: Disclosure) -> set[str]:
    """The titles of the modules whose question tables may be shown: at least MIN_GROUP matched
    trainees, every pair of forms sat by none or at least MIN_GROUP of them (the per-form and
    per-question tables of one form would otherwise isolate a few), and allowed by the disclosure."""
    combinations = _trainees_per_forms(data)
    titles = {form.course_id: form.course_title for form in data.forms.values()}
    sizes: Counter = Counter()
    refused = {c for c in titles if c not in disclosure.courses}
    for (course_id, _pre_form, _post_form), count in combinations.items():
        sizes[course_id] += count
        if count < MIN_GROUP:
            refused.add(course_id)
    return {titles[c] for c, n in sizes.items() if n >= MIN_GROUP and c not in refused and c in titles}


def _shown_item_parts(parts: dict, modules: set[str]) -> dict:
    return {name: [row for row in rows if row.course_title in modules] for name, rows in parts.items()}


def _scores(data: MatchedData) -> tuple[Counter, int, int]:
    """({(pre %, post %): trainees}, passed the pre-test, passed the post-test) from the counts."""
    scores: Counter = Counter()
    passed_pre = passed_post = 0
    for _course, _pre_form, post_form, pre_score, pre_max, post_score, post_max, count, _s in _pair_counts(data).scores:
        pre, post = 100 * pre_score / pre_max, 100 * post_score / post_max
        pass_mark = data.forms[post_form].pass_mark if post_form in data.forms else 0
        scores[(pre, post)] += count
        passed_pre += count if pre >= pass_mark else 0
        passed_post += count if post >= pass_mark else 0
    return scores, passed_pre, passed_post


def evaluation_report(
    *, data: MatchedData, labels: dict[str, Callable[[str], str]], disclosure: Disclosure | None = None
) -> EvaluationReport:
    """The whole report. `labels` turns a group value into its display label, per dimension.

    From the database's histograms (aggregates.matched_counts; selectors.matched_data adds the
    trainees' rows the exports write, which no statistic here reads). Small groups are suppressed
    (module docstring); with a `disclosure`, so are the groups it refuses and the question tables of
    modules it refuses or that hold a pair of forms sat by 1 to 4 trainees (not without one: tests
    compare with the oracle on small cohorts). Whether the whole report may be shown is
    disclosure.disclosed_report's decision.
    """
    shown = (lambda dimension: None) if disclosure is None else (lambda dimension: disclosure.groups.get(dimension))
    scores, passed_pre, passed_post = _scores(data)
    summary = paired_summary_from_counts([(pre, post, count) for (pre, post), count in scores.items()])
    parts = _item_parts(data)
    n = summary.n
    return EvaluationReport(
        summary=summary,
        hake_band=hake_band(summary.class_gain),
        n_unmatched=data.n_unmatched,
        n_excluded=data.n_excluded,
        n_paper_attempts=data.n_paper_attempts,
        n_synthetic=data.n_synthetic,
        percent_improved=_share(summary.n_improved, n),
        pass_rate_pre=_share(passed_pre, n),
        pass_rate_post=_share(passed_post, n),
        breakdowns={
            dimension: group_rows_from_counts(
                _pair_counts(data).groups[dimension], labels.get(dimension, str), shown(dimension)
            )
            for dimension in BREAKDOWNS
        },
        **(parts if disclosure is None else _shown_item_parts(parts, _shown_modules(data, disclosure))),
        scores=tuple(sorted((pre, post, count) for (pre, post), count in scores.items())),
        pairs=data.pairs,
    )
