"""Stored statistics, as Moodle keeps its quiz statistics: compute once, serve until the data changes.

The page's report is cached (Django's default cache: Redis in production) under the normalised
filters, the language (labels are translated) and a data-version stamp. The stamp is read first, in
one query, from every table the report reads (REPORT_TABLES), and from every column of each: per
table, the count of rows in scope and the sum of a hash of each row's columns, all of them as text
(`row_fingerprint`). No list of fields to keep in step: a column added to a model enters its hash,
and a test (tests/evaluation/test_evaluation.py) fails when the report's SQL reads a table missing
from REPORT_TABLES. So a submission, a paper import, an offline sync, a time-out, a re-score, an
erasure, a change of audience, of prefecture or region name, of roster, of consent, a new question
version or a module's new title all change the stamp.

Scopes keep a live session from emptying the store: attempts count only once counting (finished and
not flagged, as the report reads them), and their responses only then; answers saved in open attempts
do not change the stamp. Columns the report never reads and that change all the time (a login's
time, a password) are left out by name (UNREAD_COLUMNS); a new column is in by default.

A report is recomputed exactly when something it depends on changed, and never served stale: the
stamp is read before the data, so a change landing in between at worst stores newer numbers under the
older stamp, which the next request no longer asks for.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable
from typing import cast

from django.core.cache import cache
from django.db import connections, models
from django.db.models import CharField, Count, IntegerField, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import translation

from evaluation.filters import ReportFilters

# Bump when EvaluationReport or its computation changes: old entries are then never read again.
# 4: disclosure control (disclosure.py) — entries stored before it may show populations under 5.
FORMAT = 4
# The stamp makes entries exact; the timeout only frees memory held by filters nobody asks for.
TIMEOUT = 24 * 3600
# Columns no report reads that change on their own (every login): out of the hash, by name.
UNREAD_COLUMNS = {"lms.User": {"last_login", "password"}}
# The SQLite function behind RowHash (PostgreSQL has hashtext).
SQLITE_HASH = "evaluation_row_hash"
# What a NULL column counts as in a row's text (PostgreSQL text holds no NUL byte).
NULL_MARK = "\u2205"


def report_tables() -> dict[type[models.Model], Callable[[], models.QuerySet]]:
    """{model: rows in scope} for every table the report's queries read (page, exports, disclosure
    check, filters). Many-to-many tables come with their models (session modules and trainers)."""
    from wagtail.models import Page

    from assessments.models import Attempt, Question, QuestionBank, Response, Test, TestForm, TestItem
    from courses.models import CoursePage
    from lms.models import AdministrativeRegion, Prefecture, User
    from training.models import Participant, TrainingSession

    counting = Attempt.objects.counting
    session_courses = cast(type[models.Model], TrainingSession.courses.through)
    session_trainers = cast(type[models.Model], TrainingSession.trainers.through)
    return {
        # A flagged attempt arriving, or an open one saving answers, changes no figure, nor the stamp.
        Attempt: counting,
        Response: lambda: Response.objects.filter(attempt__in=counting().values("pk")),
        Question: Question.objects.all,
        QuestionBank: QuestionBank.objects.all,
        TestItem: TestItem.objects.all,
        TestForm: TestForm.objects.all,
        Test: Test.objects.all,
        CoursePage: CoursePage.objects.all,
        Page: lambda: Page.objects.filter(pk__in=CoursePage.objects.values("pk")),
        User: User.objects.all,
        Prefecture: Prefecture.objects.all,
        AdministrativeRegion: AdministrativeRegion.objects.all,
        TrainingSession: TrainingSession.objects.all,
        session_courses: session_courses._default_manager.all,
        session_trainers: session_trainers._default_manager.all,
        Participant: Participant.objects.all,
    }


class RowHash(models.Func):
    """A 32-bit hash of a text value: hashtext on PostgreSQL, CRC-32 (registered) on SQLite."""

    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="hashtext", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function=SQLITE_HASH, **extra)


def register_sqlite_hash(sender, connection, **kwargs) -> None:
    """connection_created: give SQLite the function RowHash calls."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_HASH, 1, lambda text: zlib.crc32(text.encode()) if text is not None else 0, deterministic=True
        )


class _Joined(models.Func):
    """Text values joined with `||`, flat (nested CONCATs of fifty columns overflow SQLite's parser)."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = CharField()


def row_fingerprint(model: type[models.Model]) -> RowHash:
    """The hash of a row: every concrete column (but UNREAD_COLUMNS) as text, separated, NULL marked."""
    unread = UNREAD_COLUMNS.get(model._meta.label, set())
    parts: list = []
    for field in model._meta.concrete_fields:
        if field.name in unread:
            continue
        text = Coalesce(Cast(field.attname, CharField()), Value(NULL_MARK), output_field=CharField())
        parts += [Value("|"), text] if parts else [text]
    return RowHash(_Joined(*parts))


def _stamp_parts() -> list:
    """(queryset, {name: aggregate}) per table the report reads."""
    return [
        (rows(), {"n": Count("pk"), "rows": Sum(row_fingerprint(model))}) for model, rows in report_tables().items()
    ]


def data_version() -> str:
    """The data-version stamp: one query, one scalar subquery per table (each table read once).

    Each subquery joins its table's aggregates into one text value; scalar subqueries are planned
    apart, where many cross-joined single-row tables cost PostgreSQL ~10 ms of join planning.
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
    joined: list = []
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
