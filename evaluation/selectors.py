"""Read the matched pre/post results for the exports and the command, and the filter form's choices.

The report's numbers come from the database's counts (aggregates.matched_counts, the page's path);
the exports add every matched trainee's row (matched_data), matched by the same SQL (matching.py).
The database filters, joins, matches and projects; evaluation.analytics computes the statistics.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Case, CharField, Max, When
from django.db.models.functions import Cast, TruncDate
from django.utils import translation

from assessments.models import Attempt, Question, Response, Test, TestItem
from evaluation import disaggregation
from evaluation.aggregates import PairCounts
from evaluation.filters import ReportFilters, session_code
from evaluation.matching import MATCHING_COLUMNS, attempts_sql, matching_sql
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
    # Self-declared (evaluation.disaggregation); "" when not stated.
    sex: str = ""
    age_band: str = ""


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
    # The database's histograms (aggregates.matched_counts), from which the report is computed.
    item_counts: ItemCounts | None = None
    pair_counts: PairCounts | None = None
    # {(course_id, reference): [ids of every version of the question]}: the marks' pivot columns.
    versions: dict[tuple[int, str], list[int]] = field(default_factory=dict)


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


# The columns the exports' pairs need beyond matching's ({CTE column: Attempt field}).
_PAIR_COLUMNS = {
    "course_title": "test__course__title",
    "pass_mark": "test__pass_mark",
    "form_label": "form__label",
    "mode": "mode",
    "natural_region": "user__prefecture__natural_region",
    "region": "user__prefecture__region__name",
    "prefecture": "user__prefecture__name",
    "audience": "user__audience",
    "language": "user__preferred_language",
    **disaggregation.COLUMNS,
}
_PAIR_ANNOTATIONS = ("finished_on", "session")


def matched_data(*, filters: ReportFilters) -> MatchedData:
    """What the exports and the command need: the page's counts (aggregates.matched_counts, from
    which the report's statistics come) and every matched trainee as a Pair with item marks.

    Five queries whatever the number of trainees or filters: the page's three, the matched attempts
    (matching.py, the same SQL as the page's) and their marks pivoted by the database.
    """
    from evaluation.aggregates import matched_counts

    counts = matched_counts(filters=filters)
    return dataclasses.replace(counts, pairs=_pairs(filters, counts))


def _matched_attempts(filters: ReportFilters) -> list[tuple]:
    """The matched attempts (two rows per pair) with what a Pair holds, from matching.py's SQL."""
    connection = connections[Attempt.objects.db]
    sql, params = attempts_sql(
        filters,
        connection,
        _PAIR_COLUMNS,
        # Text, not a datetime: exports want the ISO date, and parsing thousands of datetimes costs.
        finished_on=Cast(TruncDate("finished_at", tzinfo=datetime.UTC), CharField()),
        session=session_code(),
    )
    columns = ", ".join((*MATCHING_COLUMNS, *_PAIR_COLUMNS, *_PAIR_ANNOTATIONS))
    statement = matching_sql(sql, (*_PAIR_COLUMNS, *_PAIR_ANNOTATIONS))
    with connection.cursor() as cursor:
        cursor.execute(f"{statement}\nSELECT {columns} FROM m ORDER BY course_id, user_id, kind", params)
        return cursor.fetchall()


def _marks(filters: ReportFilters, versions: dict) -> tuple[list, dict[object, tuple]]:
    """(columns, {attempt id: marks}): one row per attempt, one column per (module, reference). The
    database pivots the 20-odd marks of each attempt: Python reads thousands of rows, not hundreds
    of thousands."""
    columns = sorted(versions)
    if not columns:
        return columns, {}
    pivot = {f"m{i}": Max(Case(When(question_id__in=versions[key], then="score"))) for i, key in enumerate(columns)}
    attempts = Attempt.objects.counting().filter(filters.attempt_condition())
    rows = _cursor_rows(
        Response.objects.filter(attempt__in=attempts.values("id"))
        .order_by()
        .values("attempt_id")
        .annotate(**pivot)
        .values_list("attempt_id", *pivot)
    )
    return columns, {row[0]: row[1:] for row in rows}


def _pairs(filters: ReportFilters, data: MatchedData) -> list[Pair]:
    """The matched trainees with their item marks (fractions of the points and raw), sorted by module
    and trainee; an item on the form but unanswered counts 0."""
    columns, marks = _marks(filters, data.versions)
    column_of = {key: index for index, key in enumerate(columns)}
    # Per form: its references, their pivot columns and points, worked out once.
    layouts = {
        form.form_id: (
            form.references,
            [column_of.get((form.course_id, r)) for r in form.references],
            [data.questions.get((form.course_id, r), (1, ""))[0] for r in form.references],
        )
        for form in data.forms.values()
    }
    no_marks = (None,) * len(columns)

    def item_marks(attempt: AttemptRow) -> tuple[dict[str, float], dict[str, float]]:
        references, indexes, points = layouts.get(attempt.form_id, ((), [], []))
        row = marks.get(attempt.id, no_marks)
        scores = [(row[i] if i is not None else None) or 0.0 for i in indexes]
        fractions = [score / p for score, p in zip(scores, points, strict=True)]
        return dict(zip(references, fractions, strict=True)), dict(zip(references, scores, strict=True))

    sides: dict[tuple[int, int], dict[str, tuple]] = defaultdict(dict)
    for row in _matched_attempts(filters):
        sides[(row[1], row[2])][row[3]] = row
    pairs = []
    for (user_id, course_id), side in sorted(sides.items(), key=lambda item: (item[0][1], item[0][0])):
        pre, post = _attempt_row(side[Test.Kind.PRE]), _attempt_row(side[Test.Kind.POST])
        (pre_marks, pre_raw), (post_marks, post_raw) = item_marks(pre), item_marks(post)
        natural_region, region, prefecture, audience, language, sex, age_band, _finished_on, session = side[
            Test.Kind.POST
        ][12:]
        pairs.append(
            Pair(
                user_id=user_id,
                course_id=course_id,
                course_title=pre.course_title,
                natural_region=natural_region or "",
                region=region or "",
                prefecture=prefecture or "",
                audience=audience or "",
                language=language or "",
                session=session or "",
                sex=sex or "",
                age_band=age_band or "",
                pre=pre,
                post=post,
                pass_mark=post.pass_mark,
                pre_marks=pre_marks,
                post_marks=post_marks,
                pre_raw=pre_raw,
                post_raw=post_raw,
            )
        )
    return pairs


def _attempt_row(row: tuple) -> AttemptRow:
    """An AttemptRow from a row of _matched_attempts (matching columns, then _PAIR_COLUMNS, ...)."""
    aid, user_id, course_id, kind, form_id, number, score, max_score, title, pass_mark, label, mode = row[:12]
    return AttemptRow(
        aid, user_id, course_id, title, kind, pass_mark, form_id, label, mode, number, 100 * score / max_score, row[-2]
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


def module_titles(course_ids) -> dict[int, str]:
    """Each module's title in the active language (its published translation), else as stored (two queries)."""
    from wagtail.models import Locale

    from courses.models import CoursePage

    pages = list(CoursePage.objects.filter(pk__in=course_ids).values_list("pk", "translation_key", "title"))
    translated = dict(
        CoursePage.objects.live()
        .filter(locale=Locale.get_active(), translation_key__in=[key for _pk, key, _title in pages])
        .values_list("translation_key", "title")
    )
    return {pk: translated.get(key, title) for pk, key, title in pages}


def objective_labels(objectives) -> dict[str, str]:
    """{objective as stored: the objective in the active language}, from the questions' texts (one query)."""
    language = translation.get_language() or "fr"
    labels: dict[str, str] = {}
    for objective, content in Question.objects.filter(objective__in=set(objectives)).values_list(
        "objective", "content"
    ):
        label = ((content or {}).get(language) or {}).get("objective")
        if label and objective not in labels:
            labels[objective] = label
    return labels


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The choices of the filter form: modules with a pre-test, regions, prefectures, sessions and
    trainers (five queries)."""
    stored = list(Test.objects.filter(kind=Test.Kind.PRE).order_by("course__title").values_list("course_id", flat=True))
    titles = module_titles(stored)
    courses = [(str(course_id), titles[course_id]) for course_id in stored]
    return {
        "course": courses,
        "region": list(AdministrativeRegion.objects.values_list("code", "name")),
        "natural_region": list(NaturalRegion.choices),
        "prefecture": list(Prefecture.objects.values_list("code", "name")),
        "audience": list(Audience.choices),
        **disaggregation.filter_choices(),
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
