"""The test oracle of the evaluation report: the same numbers as production, by another road.

Production matches pre and post in SQL (evaluation/matching.py) and computes every statistic from the
database's histograms (evaluation/aggregates.py, report.py). Here the matching is done in Python, one
trainee at a time, and the statistics from the per-trainee pairs with the pure functions of
evaluation.analytics: the path production used to take for exports. Tests compare the two reports
field by field to 1e-9 (tests/evaluation/test_evaluation.py). Not imported by production code.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable

from django.db.models import Case, CharField, Max, When
from django.db.models.functions import Cast, TruncDate

from assessments.models import Attempt, Response, Test
from evaluation.analytics import hake_band, item_analysis, paired_summary
from evaluation.filters import ReportFilters, session_code
from evaluation.matching import synthetic_flag
from evaluation.report import BREAKDOWNS as BREAKDOWNS
from evaluation.report import (
    AnchorRow,
    EvaluationReport,
    FormAnalysis,
    GroupRow,
    ItemRow,
    ObjectiveRow,
    _anchor_rows,
    _item_rows,
    _share,
    _suppressed_values,
)
from evaluation.selectors import AttemptRow, MatchedData, Pair, _cursor_rows, forms_and_questions


def _attempts(filters: ReportFilters):
    return Attempt.objects.counting().filter(filters.attempt_condition())


def python_matched_data(*, filters: ReportFilters) -> MatchedData:
    """The matched pairs and the counts the report shows, in four queries.

    A question's points are those of its current version (versions of one reference share a column).
    With item_marks=False (the report page) the pairs carry no item marks: the pivoted marks are
    reduced straight to the item statistics' sufficient counts (ItemCounts), tens of rows per form.
    """
    attempts = _attempts(filters)
    attempt_rows = (
        attempts.annotate(
            synthetic=synthetic_flag(),
            # Text, not a datetime: exports want the ISO date, and parsing thousands of datetimes costs.
            finished_on=Cast(TruncDate("finished_at", tzinfo=datetime.UTC), CharField()),
            session=session_code(),
        )
        .order_by()
        .values_list(
            "id",
            "user_id",
            "test__course_id",
            "test__course__title",
            "test__kind",
            "test__pass_mark",
            "form_id",
            "form__label",
            "mode",
            "number",
            "score",
            "max_score",
            "user__prefecture__natural_region",
            "user__prefecture__region__name",
            "user__prefecture__name",
            "user__audience",
            "user__preferred_language",
            "user__sex",
            "user__age_band",
            # Annotations last: the SQL puts them there, and rows are read straight from the cursor.
            "finished_on",
            "synthetic",
            "session",
        )
    )
    sides: dict[tuple[int, int], dict[str, AttemptRow]] = defaultdict(dict)
    groups: dict[int, tuple[str, ...]] = {}
    sessions: dict[tuple[int, int], str] = {}
    pass_marks: dict[int, int] = {}
    n_finished = n_paper = n_unscorable = 0
    synthetic_users: set[int] = set()
    for row in _cursor_rows(attempt_rows):
        (aid, user_id, course_id, title, kind, pass_mark, form_id, label, mode, number, score, max_score) = row[:12]
        n_finished += 1
        n_paper += mode == Attempt.Mode.PAPER
        if not max_score:
            n_unscorable += 1
            continue
        groups[user_id] = tuple(value or "" for value in row[12:19])
        sessions[(user_id, course_id)] = row[21] or ""
        if row[20]:
            synthetic_users.add(user_id)
        if kind == Test.Kind.POST:
            pass_marks[course_id] = pass_mark
        attempt = AttemptRow(
            aid,
            user_id,
            course_id,
            title,
            kind,
            pass_mark,
            form_id,
            label,
            mode,
            number,
            100 * score / max_score,
            row[19],
        )
        current = sides[(user_id, course_id)].get(kind)
        # The first pre-test attempt and the last post-test attempt count.
        if current is None or (number < current.number if kind == Test.Kind.PRE else number > current.number):
            sides[(user_id, course_id)][kind] = attempt
    matched = [(key, side) for key, side in sides.items() if len(side) == 2]
    used_ids = [side[kind].id for _key, side in matched for kind in ("pre", "post")]

    forms, questions, versions = forms_and_questions(attempts)

    # One row per attempt, one column per question: the database pivots the 20-odd marks of each
    # attempt, so Python reads thousands of rows rather than hundreds of thousands.
    columns = sorted(versions)
    marks: dict[object, tuple] = {}
    if columns:
        pivot = {
            f"m{index}": Max(Case(When(question_id__in=versions[key], then="score")))
            for index, key in enumerate(columns)
        }
        for row in _cursor_rows(
            Response.objects.filter(attempt__in=attempts.values("id"))
            .order_by()
            .values("attempt_id")
            .annotate(**pivot)
            .values_list("attempt_id", *pivot)
        ):
            marks[row[0]] = row[1:]
    column_of = {key: index for index, key in enumerate(columns)}

    # Per form: its references, their pivot columns and points, worked out once.
    layouts = {
        form.form_id: (
            form.references,
            [column_of.get((form.course_id, r)) for r in form.references],
            [questions.get((form.course_id, r), (1, ""))[0] for r in form.references],
        )
        for form in forms.values()
    }
    no_marks = (None,) * len(columns)
    pairs = []
    for (user_id, course_id), side in matched:
        pre, post = side["pre"], side["post"]
        item_marks = {}
        for kind, attempt in (("pre", pre), ("post", post)):
            references, indexes, points = layouts.get(attempt.form_id, ((), [], []))
            row = marks.get(attempt.id, no_marks)
            scores = [(row[i] if i is not None else None) or 0.0 for i in indexes]
            item_marks[kind] = (
                dict(zip(references, [score / p for score, p in zip(scores, points, strict=True)], strict=True)),
                dict(zip(references, scores, strict=True)),
            )
        natural_region, region, prefecture, audience, language, sex, age_band = groups[user_id]
        pairs.append(
            Pair(
                user_id=user_id,
                course_id=course_id,
                course_title=pre.course_title,
                natural_region=natural_region,
                region=region,
                prefecture=prefecture,
                audience=audience,
                language=language,
                sex=sex,
                age_band=age_band,
                session=sessions[(user_id, course_id)],
                pre=pre,
                post=post,
                pass_mark=pass_marks.get(course_id, post.pass_mark),
                **(
                    {
                        "pre_marks": item_marks["pre"][0],
                        "post_marks": item_marks["post"][0],
                        "pre_raw": item_marks["pre"][1],
                        "post_raw": item_marks["post"][1],
                    }
                    if item_marks
                    else {}
                ),
            )
        )
    pairs.sort(key=lambda pair: (pair.course_id, pair.user_id))
    n_unmatched = sum(1 for side in sides.values() if len(side) == 1)
    n_excluded = n_finished - len(used_ids) - sum(1 for side in sides.values() if len(side) == 1)
    return MatchedData(
        pairs=pairs,
        n_unmatched=n_unmatched,
        n_excluded=n_excluded,
        n_paper_attempts=n_paper,
        n_synthetic=sum(1 for pair in pairs if pair.user_id in synthetic_users),
        forms=forms,
        questions=questions,
    )


def group_rows(
    pairs: list[Pair], key: Callable[[Pair], str], label: Callable[[str], str], shown: frozenset[str] | None = None
) -> list[GroupRow]:
    """One row per group value, largest first; suppressed groups (_suppressed_values) keep no number."""
    members: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        members[key(pair)].append(pair)
    hidden = _suppressed_values({value: len(group) for value, group in members.items()}, shown)
    rows = []
    for value, group in sorted(members.items(), key=lambda item: (-len(item[1]), item[0])):
        if value in hidden:
            rows.append(GroupRow(label(value), len(group), True, None, ()))
            continue
        pre = [p.pre.percent for p in group]
        post = [p.post.percent for p in group]
        gains = tuple(sorted(b - a for a, b in zip(pre, post, strict=True)))
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
    return _item_rows(counts, titles, data)


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
    return _anchor_rows(sums, titles)


def python_report(*, data: MatchedData, labels: dict[str, Callable[[str], str]]) -> EvaluationReport:
    """The whole report from `data`'s pairs (python_matched_data), without disclosure control."""
    pairs = data.pairs
    summary = paired_summary([p.pre.percent for p in pairs], [p.post.percent for p in pairs])
    scores = Counter((p.pre.percent, p.post.percent) for p in pairs)
    n = summary.n
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
        breakdowns={
            dimension: group_rows(pairs, lambda p, d=dimension: getattr(p, d), labels.get(dimension, str))
            for dimension in BREAKDOWNS
        },
        items=_items(pairs, data),
        forms=_forms(pairs, data),
        objectives=_objectives(pairs, data),
        anchors=_anchors(pairs, data),
        scores=tuple(sorted((pre, post, count) for (pre, post), count in scores.items())),
        pairs=pairs,
    )
