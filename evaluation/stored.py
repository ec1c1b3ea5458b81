"""Stored statistics, as Moodle keeps its quiz statistics: compute once, serve until the data changes.

The page's report is cached (Django's default cache: Redis in production) under the normalised
filters, the language (labels are translated) and a data-version stamp. The stamp is read first,
in one query, from everything the report reads:
- finished attempts: count, latest finish, sums of scores, maxima, trainee ids and forms (a
  submission, a paper import, an offline sync, a time-out, a re-score or an erasure changes it;
  answers saved in open attempts do not, so a live session does not empty the store);
- trainees' group fields (prefecture, audience, language, name prefix) and whether their consent is
  withdrawn, as a sum weighted by id, so one trainee's change of audience or withdrawal changes the stamp;
- rosters and session modules (the session breakdown and filter), sessions' dates and codes;
- questions (new versions, points), forms' items, pass marks, module titles.
So a report is recomputed exactly when something it depends on changed, and never served stale:
the stamp is read before the data, so a change landing in between at worst stores newer numbers
under the older stamp, which the next request no longer asks for.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.db import connections
from django.db.models import Case, CharField, Count, F, IntegerField, Max, Q, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import translation

from evaluation.filters import ReportFilters
from evaluation.synthetic import PREFIX as SYNTHETIC_PREFIX

# Bump when EvaluationReport or its computation changes: old entries are then never read again.
# 4: disclosure control (disclosure.py) — entries stored before it may show populations under 5.
FORMAT = 4
# The stamp makes entries exact; the timeout only frees memory held by filters nobody asks for.
TIMEOUT = 24 * 3600


def _choice_index(field: str, choices) -> Case:
    return Case(
        *[When(**{field: value}, then=Value(index + 1)) for index, (value, _label) in enumerate(choices)],
        default=Value(0),
        output_field=IntegerField(),
    )


def _stamp_parts() -> list:
    """(queryset, {name: aggregate}) per table the report reads."""
    from assessments.models import Attempt, Question, Test, TestItem
    from courses.models import CoursePage
    from lms.models import Audience, User
    from training.models import Participant as participant_model
    from training.models import TrainingSession as session_model

    person = (
        Coalesce(F("prefecture_id"), 0) * 64
        + _choice_index("audience", Audience.choices) * 4
        + _choice_index("preferred_language", [("fr", ""), ("en", "")])
        + Case(When(username__startswith=SYNTHETIC_PREFIX, then=Value(2048)), default=Value(0))
        # Withdrawing consent (or giving it again) takes the person out of (or back into) the report.
        + Case(When(consent_withdrawn_at__isnull=False, then=Value(4096)), default=Value(0))
    )
    return [
        (
            # The attempts the report reads: a flagged one arriving changes no figure, nor the stamp.
            Attempt.objects.counting(),
            {
                "n": Count("pk"),
                "finished": Max("finished_at"),
                "score": Sum("score"),
                "max": Sum("max_score"),
                "users": Sum("user_id"),
                "forms": Sum(F("form_id") * F("number")),
            },
        ),
        (User.objects.all(), {"n": Count("pk"), "groups": Sum(F("pk") * person)}),
        (participant_model.objects.all(), {"n": Count("pk"), "last": Max("pk"), "sum": Sum("session_id")}),
        (
            session_model.courses.through.objects.all(),
            {"n": Count("pk"), "last": Max("pk"), "sum": Sum(F("trainingsession_id") * F("coursepage_id"))},
        ),
        (session_model.objects.all(), {"n": Count("pk"), "start": Max("start_date"), "end": Max("end_date")}),
        (
            Question.objects.all(),
            {"n": Count("pk"), "last": Max("pk"), "current": Count("pk", filter=Q(is_current=True))},
        ),
        (TestItem.objects.all(), {"n": Count("pk"), "last": Max("pk"), "anchors": Count("pk", filter=Q(anchor=True))}),
        (Test.objects.all(), {"n": Count("pk"), "pass": Sum("pass_mark")}),
        (CoursePage.objects.all(), {"n": Count("pk"), "published": Max("last_published_at")}),
    ]


def data_version() -> str:
    """The data-version stamp: one query, one scalar subquery per table (each table read once).

    Each subquery joins its table's aggregates into one text value; scalar subqueries are planned
    apart, where nine cross-joined single-row tables cost PostgreSQL ~10 ms of join planning.
    """
    selects, params = [], []
    for queryset, aggregates in _stamp_parts():
        text = [Coalesce(Cast(aggregate, CharField()), Value("-")) for aggregate in aggregates.values()]
        sql, part_params = (
            queryset.order_by()
            # Grouped by a constant: no GROUP BY, one row over the whole table.
            .annotate(_all=Value(1, output_field=IntegerField()))
            .values("_all")
            .annotate(stamp=Concat(*_between(text, Value("|")), output_field=CharField()))
            .values("stamp")
            .query.sql_with_params()
        )
        selects.append(f"({sql})")
        params.extend(part_params)
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    return hashlib.sha256(repr(row).encode()).hexdigest()[:32]


def _between(items: list, separator) -> list:
    joined = []
    for item in items:
        joined += [separator, item] if joined else [item]
    return joined


def cache_key(filters: ReportFilters, version: str) -> str:
    normalised = json.dumps(filters.as_log(), sort_keys=True)
    digest = hashlib.sha256(f"{FORMAT}|{translation.get_language()}|{normalised}|{version}".encode()).hexdigest()
    return f"evaluation:prepost:{digest}"


def stored_report(*, filters: ReportFilters, compute: Callable[[], object]) -> tuple[object, bool]:
    """(report, computed): what compute() gave for these filters and this language if the data has
    not changed since, else compute() now, stored for the next request."""
    key = cache_key(filters, data_version())
    report = cache.get(key)
    if report is not None:
        return report, False
    report = compute()
    cache.set(key, report, TIMEOUT)
    return report, True
