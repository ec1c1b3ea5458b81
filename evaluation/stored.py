"""Stored statistics, as Moodle keeps its quiz statistics: compute once, serve until the data changes.

The page's report is cached (Django's default cache: Redis in production) under the normalised
filters, the language (labels are translated) and a data-version stamp. The stamp is derived from
the tables the report reads (report_tables()), not from a hand-kept list of fields: database
triggers on each of those tables (evaluation/triggers.py, installed after every migrate from
report_tables()) draw a new version for the table in evaluation_tableversion at every insert, update
or delete of a row in scope, whatever wrote it (a save, a bulk update, raw SQL, COPY, TRUNCATE). The
stamp is then one query reading those version rows. A test (tests/evaluation/test_stored.py) fails
when the report's SQL reads a table missing from report_tables(), and another changes every column
of a row of every such table with a bare UPDATE. So a submission, a paper import, an offline sync, a
time-out, a re-score, an erasure, a change of audience, of prefecture or region name, of roster, of
consent, a new question version or a module's new title all change the stamp.

Scopes keep a live session from emptying the store: attempts count only once counting (finished and
not flagged, as the report reads them), and their responses only then; answers saved in open attempts
neither change the stamp nor touch a version row (no lock, so autosaves never wait on a submission).
Columns the report never reads and that change all the time (a login's time, a password) are left out
by name (UNREAD_COLUMNS): an update changing only those leaves the version alone; a new column is in
by default. Should a table's triggers be missing or disabled, data_version() gives a new random stamp
at each call: the report is computed, nothing stored is served, until `migrate` reinstalls them.

A report is recomputed exactly when something it depends on changed, and never served stale: the
stamp is read before the data, so a change landing in between at worst stores newer numbers under the
older stamp, which the next request no longer asks for. A version row changes in the transaction that
changed the data, so no reader sees the new version before the new data.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import cast

from django.core.cache import cache
from django.db import connections, models
from django.utils import translation

from evaluation.filters import ReportFilters

# Bump when EvaluationReport or its computation changes: old entries are then never read again.
# 4: disclosure control (disclosure.py) — entries stored before it may show populations under 5.
# 5: sex and age band breakdowns (disaggregation.py).
FORMAT = 5
# The stamp makes entries exact; the timeout only frees memory held by filters nobody asks for.
TIMEOUT = 24 * 3600
# Columns no report reads that change on their own (every login): their changes leave the stamp alone.
UNREAD_COLUMNS = {"lms.User": {"last_login", "password"}}


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


def data_version() -> str:
    """The data-version stamp: one query reading the version row of every table the report reads
    (drawn anew by the triggers at each change in scope, triggers.py) and counting those tables'
    triggers. Should any be missing or disabled, no stamp can be trusted: a fresh random one, so the
    report is computed and nothing stored is served."""
    from evaluation import triggers

    connection = connections["default"]
    tables = sorted(triggers.stamped_tables())
    marks = ", ".join(["%s"] * len(tables))
    count_sql, count_params, expected = triggers.triggers_sql(connection.vendor, tables)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT table_name, version FROM {triggers.VERSIONS} WHERE {triggers.rows_of(connection.vendor, marks)} "  # noqa: S608
            f"UNION ALL SELECT '', ({count_sql})",
            [*tables, *count_params],
        )
        rows = sorted(cursor.fetchall())
    if rows[0] != ("", expected):
        return uuid.uuid4().hex
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:32]


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
