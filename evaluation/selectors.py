"""Read the matched pre/post results for the report, the exports and the command.

Four queries whatever the number of trainees or filters: finished attempts with their group fields,
their item marks, the forms' items, the current questions (points and learning objectives). The
database filters, joins and projects; evaluation.analytics computes the statistics.

Matching: a pair is one trainee's first counting pre-test attempt and last counting post-test
attempt of the same module, both meeting every filter. Counting means finished (submitted or closed
at the time limit) and not flagged: `Attempt.objects.counting()`, the one definition. Flagged
attempts never enter; other counting attempts are counted as excluded; a trainee with only one side
is unmatched.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Case, CharField, Max, When
from django.db.models.functions import Cast, TruncDate

from assessments.models import Attempt, Question, Response, Test, TestItem
from evaluation.aggregates import PairCounts, synthetic_flag
from evaluation.filters import ReportFilters, session_code
from lms.models import AdministrativeRegion, Audience, NaturalRegion, Prefecture, User
from lms.text import sort_key
from training.models import TrainingSession


@dataclass(frozen=True)
class AttemptRow:
    id: object
    user_id: int
    course_id: int
    course_title: str
    kind: str
    pass_mark: int
    form_id: int
    form_label: str
    mode: str
    number: int
    percent: float
    finished_on: str  # ISO 8601 date (UTC), as the database formats it


@dataclass(frozen=True)
class Pair:
    """A matched trainee in one module: group fields, the two attempts, and item marks (fractions)."""

    user_id: int
    course_id: int
    course_title: str
    natural_region: str
    region: str
    prefecture: str
    audience: str
    language: str
    # The code of the session through which the trainee takes the module ("" when none).
    session: str
    pre: AttemptRow
    post: AttemptRow
    pass_mark: int
    # {reference: mark as a fraction of the item's points} for the items on each attempt's form.
    pre_marks: dict[str, float] = field(default_factory=dict)
    post_marks: dict[str, float] = field(default_factory=dict)
    # {reference: raw mark}: what exports write.
    pre_raw: dict[str, float] = field(default_factory=dict)
    post_raw: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class FormItems:
    form_id: int
    course_id: int
    kind: str
    label: str
    references: tuple[str, ...]
    anchors: frozenset[str]
    course_title: str = ""
    pass_mark: int = 0  # the test's pass mark (%)


@dataclass(frozen=True)
class ItemCounts:
    """The item marks of the matched attempts as the database aggregated them (no row per trainee).

    `forms[form_id][reference]` lists (raw mark, attempt total − that mark, attempts) over the
    matched attempts on that form: enough for item_analysis_from_counts, facility and anchors.
    `pairs` lists (course_id, pre form, post form, reference, on pre form, pre raw mark, on post form,
    post raw mark, pairs): per pair of forms and reference, how many matched trainees had each
    pre/post mark (a mark is 0 when the reference is not on that side's form).
    """

    forms: dict[int, dict[str, list[tuple[float, float, int]]]]
    pairs: list[tuple[int, int, int, str, bool, float, bool, float, int]]


@dataclass(frozen=True)
class MatchedData:
    pairs: list[Pair]
    n_unmatched: int
    n_excluded: int
    n_paper_attempts: int
    n_synthetic: int
    forms: dict[int, FormItems]
    # {(course_id, reference): (points, objective)}
    questions: dict[tuple[int, str], tuple[int, str]]
    # Set when matched_data(item_marks=False): the pairs then carry no item marks.
    item_counts: ItemCounts | None = None
    # Set by aggregates.matched_counts: no pairs, their histograms instead.
    pair_counts: PairCounts | None = None


def _cursor_rows(queryset) -> list[tuple]:
    """The rows of a values_list queryset as the driver returns them, in the SQL's column order.

    The ORM still writes the SQL; this skips its per-value converters, which cost more than the
    query itself on hundreds of thousands of values. Both large queries are read this way, so
    attempt ids have the same type on each side (UUID on PostgreSQL, hex text on SQLite).
    """
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _attempts(filters: ReportFilters):
    return Attempt.objects.counting().filter(filters.attempt_condition())


def matched_data(*, filters: ReportFilters, item_marks: bool = True) -> MatchedData:
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
            # Annotations last: the SQL puts them there, and rows are read straight from the cursor.
            "finished_on",
            "synthetic",
            "session",
        )
    )
    sides: dict[tuple[int, int], dict[str, AttemptRow]] = defaultdict(dict)
    groups: dict[int, tuple[str, str, str, str, str]] = {}
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
        groups[user_id] = tuple(value or "" for value in row[12:17])
        sessions[(user_id, course_id)] = row[19] or ""
        if row[18]:
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
            row[17],
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
    item_counts = None if item_marks else _item_counts(matched, layouts, marks, no_marks)
    pairs = []
    for (user_id, course_id), side in matched:
        pre, post = side["pre"], side["post"]
        item_marks = {}
        for kind, attempt in (("pre", pre), ("post", post)) if item_counts is None else ():
            references, indexes, points = layouts.get(attempt.form_id, ((), [], []))
            row = marks.get(attempt.id, no_marks)
            scores = [(row[i] if i is not None else None) or 0.0 for i in indexes]
            item_marks[kind] = (
                dict(zip(references, [score / p for score, p in zip(scores, points, strict=True)], strict=True)),
                dict(zip(references, scores, strict=True)),
            )
        natural_region, region, prefecture, audience, language = groups[user_id]
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
        item_counts=item_counts,
    )


def forms_and_questions(attempts) -> tuple[dict[int, FormItems], dict[tuple[int, str], tuple[int, str]], dict]:
    """The forms of the attempts in scope with their items, and every version of their modules'
    questions (two queries): ({form id: FormItems}, {(course, reference): (points, objective)},
    {(course, reference): [question ids]}). A question's points are those of its current version."""
    forms: dict[int, FormItems] = {}
    items_by_form: dict[int, list] = defaultdict(list)
    for form_id, course_id, kind, label, reference, anchor, title, pass_mark in (
        TestItem.objects.filter(form_id__in=attempts.values("form_id"))
        .order_by("form_id", "position")
        .values_list(
            "form_id",
            "form__test__course_id",
            "form__test__kind",
            "form__label",
            "reference",
            "anchor",
            "form__test__course__title",
            "form__test__pass_mark",
        )
    ):
        items_by_form[form_id].append((course_id, kind, label, reference, anchor, title, pass_mark))
    for form_id, items in items_by_form.items():
        course_id, kind, label = items[0][:3]
        forms[form_id] = FormItems(
            form_id,
            course_id,
            kind,
            label,
            tuple(i[3] for i in items),
            frozenset(i[3] for i in items if i[4]),
            course_title=items[0][5],
            pass_mark=items[0][6],
        )
    # Every version of the questions in scope: responses point at the version answered.
    questions: dict[tuple[int, str], tuple[int, str]] = {}
    versions: dict[tuple[int, str], list[int]] = defaultdict(list)
    for question_id, course_id, reference, points, objective, is_current in (
        Question.objects.filter(bank__course_id__in=attempts.values("test__course_id"))
        .order_by("version")
        .values_list("id", "bank__course_id", "reference", "points", "objective", "is_current")
    ):
        versions[(course_id, reference)].append(question_id)
        if is_current or (course_id, reference) not in questions:
            questions[(course_id, reference)] = (points, objective)
    return forms, questions, versions


def _item_counts(matched: list, layouts: dict, marks: dict, no_marks: tuple) -> ItemCounts:
    """The item statistics' sufficient counts from the pivoted marks, without a dict per trainee.

    An unanswered item counts 0, as in the pairs' item marks; an attempt's total is the sum of its
    marks on its form's items (what item_analysis sums).
    """
    by_form: dict[int, Counter] = defaultdict(Counter)
    by_pair: Counter = Counter()
    for (_user_id, course_id), side in matched:
        pre, post = side["pre"], side["post"]
        sides = []
        for attempt in (pre, post):
            references, indexes, _points = layouts.get(attempt.form_id, ((), [], []))
            row = marks.get(attempt.id, no_marks)
            scores = [(row[i] if i is not None else None) or 0.0 for i in indexes]
            if references:
                total = math.fsum(scores)
                by_form[attempt.form_id].update(
                    [(reference, x, total - x) for reference, x in zip(references, scores, strict=True)]
                )
            sides.append(dict(zip(references, scores, strict=True)))
        before, after = sides
        key = (course_id, pre.form_id, post.form_id)
        if before.keys() == after.keys():
            by_pair.update([(*key, reference, True, x, True, after[reference]) for reference, x in before.items()])
        else:
            by_pair.update(
                [
                    (*key, r, r in before, before.get(r, 0.0), r in after, after.get(r, 0.0))
                    for r in before.keys() | after.keys()
                ]
            )
    forms: dict[int, dict[str, list[tuple[float, float, int]]]] = {}
    for form_id, counts in by_form.items():
        items = forms[form_id] = {reference: [] for reference in layouts[form_id][0]}
        for (reference, x, rest), count in counts.items():
            items[reference].append((x, rest, count))
    return ItemCounts(forms, [(*key, count) for key, count in by_pair.items()])


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The choices of the filter form: modules with a pre-test, regions, prefectures, sessions and
    trainers (five queries)."""
    courses = [
        (str(course_id), title)
        for course_id, title in Test.objects.filter(kind=Test.Kind.PRE)
        .order_by("course__title")
        .values_list("course_id", "course__title")
    ]
    return {
        "course": courses,
        "region": list(AdministrativeRegion.objects.values_list("code", "name")),
        "natural_region": list(NaturalRegion.choices),
        "prefecture": list(Prefecture.objects.values_list("code", "name")),
        "audience": list(Audience.choices),
        "language": [("fr", "Français"), ("en", "English")],
        "mode": list(Attempt.Mode.choices),
        "form": [("A", "A"), ("B", "B"), ("-", "—")],
        **_session_choices(),
    }


def _session_choices() -> dict[str, list[tuple[str, str]]]:
    """Sessions and their trainers (two queries)."""
    sessions = TrainingSession.objects.order_by("-start_date")
    trainers = User.objects.filter(training_sessions_run__isnull=False).distinct().order_by("pk")
    return {
        "session": [(code, f"{code} – {title}") for code, title in sessions.values_list("code", "title")],
        "trainer": [
            (str(pk), name or username)
            for pk, name, username in sorted(
                trainers.values_list("pk", "display_name", "username"), key=lambda row: sort_key(row[1] or row[2])
            )
        ],
    }
