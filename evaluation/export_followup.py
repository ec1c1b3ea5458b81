"""The follow-up test in the name-free exports (issue 21, section 1), beside the pre- and post-test.

- Data file: each matched trainee's row says whether they took their module's follow-up test
  (`taken`), did not come back once it had opened (`missing`, the attrition) or are still waiting for
  it (`not_due`); with, for those who took it, the month (a quasi-identifier generalised with the
  others: exports.anonymised_rows), the score, the retention (follow-up − pre) and each question's mark.
- The page's rule (retention.module_withheld) decides per module, both on all the report's matched
  trainees (what the page shows) and on the rows the file holds: when either would withhold the
  module's follow-up, its cells read "suppressed" and hold no score.
- Summary: the page's follow-up figures (retention.retention_report), module by module, with its
  objective and question rows; a withheld module or row gives its count of matched trainees only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from assessments.models import Test
from evaluation.retention import ModuleRetention, RetentionRow, followup_attempts, followup_due, module_withheld
from evaluation.selectors import Pair

SUPPRESSED = "suppressed"
TAKEN, MISSING, NOT_DUE = "taken", "missing", "not_due"
HEADER = ["followup_status", "followup_date", "followup_percent", "retention_points"]


@dataclass(frozen=True)
class FollowupCells:
    """One row's follow-up: status ("" when the module has no follow-up test), month, score, marks."""

    status: str = ""
    month: str = ""
    percent: float | None = None
    raw: dict[str, float] = field(default_factory=dict)


def followup_cells(pairs: list[Pair], *, shown: frozenset[int] | None = None) -> dict:
    """{(user id, course id): FollowupCells} for the pairs of modules that have a follow-up test;
    `shown`: the modules whose follow-up the page shows (the others' cells are suppressed too)."""
    courses = {pair.course_id for pair in pairs}
    with_followup = set(
        Test.objects.filter(kind=Test.Kind.FOLLOWUP, course_id__in=courses).values_list("course_id", flat=True)
    )
    in_scope = [pair for pair in pairs if pair.course_id in with_followup]
    if not in_scope:
        return {}
    attempts = followup_attempts(in_scope)
    by_course: dict[int, list[Pair]] = defaultdict(list)
    for pair in in_scope:
        by_course[pair.course_id].append(pair)
    today = timezone.localdate()
    cells: dict[tuple[int, int], FollowupCells] = {}
    for course_id, course_pairs in by_course.items():
        due = followup_due(course_pairs, course_id, today)
        status = {
            pair.user_id: TAKEN if (pair.user_id, course_id) in attempts else MISSING if due[pair.user_id] else NOT_DUE
            for pair in course_pairs
        }
        counts = Counter(status.values())
        hidden = (shown is not None and course_id not in shown) or module_withheld(
            counts[TAKEN], counts[MISSING], counts[NOT_DUE]
        )
        for pair in course_pairs:
            key = (pair.user_id, course_id)
            if hidden:
                cells[key] = FollowupCells(SUPPRESSED, SUPPRESSED)
            elif key in attempts:
                attempt = attempts[key]
                cells[key] = FollowupCells(TAKEN, attempt.finished_on[:7], attempt.percent, attempt.raw)
            else:
                cells[key] = FollowupCells(status[pair.user_id])
    return cells


def references(cells) -> list[str]:
    return sorted({reference for cell in cells for reference in cell.raw})


def row_values(cell: FollowupCells, pair: Pair, refs: list[str]) -> tuple[list, list]:
    """(status, score, retention) and the question marks of one row; the month is a quasi-identifier."""
    if cell.percent is None:
        score = SUPPRESSED if cell.status == SUPPRESSED else None
        return [cell.status, score, score], [score] * len(refs)
    marks = [cell.raw.get(reference) for reference in refs]
    return [cell.status, round(cell.percent, 4), round(cell.percent - pair.pre.percent, 4)], marks


def _row_figures(prefix: str, row: RetentionRow) -> list[list]:
    if row.suppressed:
        return [[f"{prefix} n", row.n], [prefix, SUPPRESSED]]
    figures = [
        ("n", row.n),
        ("mean_pre", row.mean_pre),
        ("mean_post", row.mean_post),
        ("mean_followup", row.mean_followup),
        ("gain_kept", row.gain_kept),
        ("friedman_p", row.friedman.p_value if row.friedman else None),
    ]
    return [[f"{prefix} {name}", value] for name, value in figures]


def _overall_figures(prefix: str, row: RetentionRow) -> list[list]:
    figures = []
    for side, summary in (("since_pre", row.since_pre), ("since_post", row.since_post)):
        if summary is not None:
            figures += [
                (f"{side}_mean_diff", summary.mean_diff),
                (f"{side}_t", summary.t),
                (f"{side}_p", summary.p_value),
                (f"{side}_wilcoxon_p", summary.wilcoxon_p),
                (f"{side}_cohen_dz", summary.cohen_dz),
            ]
    if row.friedman is not None:
        figures += [
            ("friedman_chi2", row.friedman.chi2),
            ("friedman_df", row.friedman.df),
            ("kendall_w", row.friedman.kendall_w),
        ]
    return [[f"{prefix} {name}", value] for name, value in figures]


def summary_rows(modules: list[ModuleRetention]) -> list[list]:
    """The page's follow-up section as (statistic, value) rows."""
    rows: list[list] = []
    for module in modules:
        prefix = f"followup [{module.title}]"
        rows.append([f"{prefix} n_matched", module.n_matched])
        if module.withheld or module.overall is None:
            rows.append([prefix, SUPPRESSED])
            continue
        rows += [
            [f"{prefix} n_returned", module.n_returned],
            [f"{prefix} n_missing", module.n_missing],
            [f"{prefix} n_not_due", module.n_not_due],
        ]
        rows += _row_figures(prefix, module.overall)[1:]
        rows += _overall_figures(prefix, module.overall)
        if module.attrition is not None:
            rows += [
                [f"{prefix} attrition_mean_diff", module.attrition.mean_diff],
                [f"{prefix} attrition_welch_p", module.attrition.welch_p],
                [f"{prefix} attrition_mann_whitney_p", module.attrition.mann_whitney_p],
            ]
        for row in module.objectives:
            rows += _row_figures(f"{prefix} objective: {row.label}", row)
        for row in module.items:
            rows += _row_figures(f"{prefix} question: {row.label}", row)
    return rows
