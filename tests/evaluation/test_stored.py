"""The stored page's data-version stamp follows every table the report reads, and every column."""

import datetime
import uuid

import pytest
from django.db import DataError, IntegrityError, connection, models, transaction
from django.test.utils import CaptureQueriesContext

from evaluation import stored
from evaluation.aggregates import matched_counts
from evaluation.disclosure import disclosure_check
from evaluation.filters import FILTER_SPECS, ReportFilters
from evaluation.selectors import matched_data
from lms import roles
from tests.evaluation.test_evaluation import _cohort
from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory

pytestmark = pytest.mark.django_db

# A value for every filter, so that the SQL reads every table a filter can bring in.
EVERY_FILTER = {
    "course": 1,
    "form": "A",
    "region": "kankan",
    "natural_region": "upper",
    "prefecture": "kankan",
    "audience": "police",
    "language": "fr",
    "sex": "female",
    "age_band": "18_35",
    "date_from": datetime.date(2026, 1, 1),
    "date_to": datetime.date(2026, 12, 31),
    "mode": "online",
    "session": "KAN1",
    "trainer": 1,
}


@pytest.fixture
def world():
    cohort = _cohort()
    session = TrainingSessionFactory(code="KAN1", courses=[cohort["course"]], trainer=UserFactory(role=roles.TRAINER))
    for user in cohort["users"][:6]:
        ParticipantFactory(session=session, user=user)
    TrainingSessionFactory(code="LAB1")  # another session, for a row of KAN1's to move to
    return cohort


def _tables_read(read) -> set[str]:
    """The tables of the project's models named in the SQL that `read` runs."""
    from django.apps import apps

    with CaptureQueriesContext(connection) as queries:
        read()
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return {table for table in tables if connection.ops.quote_name(table) in sql}


def test_the_stamp_covers_every_table_the_report_reads(world):
    assert {spec.name for spec in FILTER_SPECS} == set(EVERY_FILTER)  # a new filter joins this test
    stamped = {model._meta.db_table for model in stored.report_tables()}
    for filters in (ReportFilters(), ReportFilters(values=EVERY_FILTER)):
        for read in (matched_counts, matched_data, disclosure_check):
            read_tables = _tables_read(lambda read=read, filters=filters: read(filters=filters))
            assert "assessments_attempt" in read_tables
            assert read_tables <= stamped, f"{read.__name__} reads {sorted(read_tables - stamped)}, not stamped"


def _another(field: models.Field, value):
    """A different value for `field`, or None when there is none to give."""
    if field.is_relation:
        return field.related_model.objects.exclude(pk=value).values_list("pk", flat=True).first()
    if isinstance(field, models.BooleanField):
        return not value
    if isinstance(field, models.IntegerField | models.FloatField | models.DecimalField):
        # Down when it can: a score one above its row's maximum is refused (a check constraint).
        return value - 1 if value and value >= 1 else (value or 0) + 1
    if isinstance(field, models.DateTimeField):
        return (value or datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)) + datetime.timedelta(days=1)
    if isinstance(field, models.DateField):
        return (value or datetime.date(2026, 1, 1)) + datetime.timedelta(days=1)
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.JSONField):
        return {"changed": [value]}
    if isinstance(field, models.CharField | models.TextField):
        size = field.max_length if isinstance(field, models.CharField) and field.max_length else 2
        # Within the column's max_length (a form label holds one letter, a country code two).
        return next(text[:size] for text in ("zz", "yy") if text[:size] != str(value or ""))
    return None


def test_a_change_to_any_column_of_any_table_the_report_reads_changes_the_stamp(world):
    before = stored.data_version()
    changed: dict[str, list[str]] = {}
    for model, rows in stored.report_tables().items():
        row = rows().order_by("pk").first()
        assert row is not None, f"no row in scope in {model._meta.db_table}"
        unread = stored.UNREAD_COLUMNS.get(model._meta.label, set())
        for field in model._meta.concrete_fields:
            if field.primary_key or field.name in unread:
                continue
            new = _another(field, getattr(row, field.attname))
            if new is None:
                continue
            try:
                with transaction.atomic():
                    # A bare UPDATE: no save(), no signal, as a bulk change or a data fix would do it.
                    model._base_manager.filter(pk=row.pk).update(**{field.attname: new})
                    assert stored.data_version() != before, f"{model._meta.db_table}.{field.column} left the stamp"
                    changed.setdefault(model._meta.db_table, []).append(field.column)
                    raise _Undo
            except _Undo:
                pass
            except (IntegrityError, DataError):
                continue  # the database refuses this value: nothing changed, nothing to stamp
    assert stored.data_version() == before
    assert set(changed) == {model._meta.db_table for model in stored.report_tables()}, changed
    assert {"score", "finished_at", "form_id"} <= set(changed["assessments_attempt"])
    assert {"audience", "prefecture_id", "consent_withdrawn_at"} <= set(changed["lms_user"])


class _Undo(Exception):
    """Rolls the savepoint back once the stamp has been read."""


def test_columns_the_report_never_reads_leave_the_stamp_alone(world):
    from lms.models import User

    before = stored.data_version()
    User.objects.update(last_login=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC))
    assert stored.data_version() == before


# --- The triggers that keep the stamp (evaluation/triggers.py) ------------------------------------


def _versions() -> dict[str, tuple[int, ...]]:
    """{table: its versions} (on PostgreSQL a table has a row per connection that changed it)."""
    from evaluation import triggers
    from evaluation.models import TableVersion

    versions: dict[str, list[int]] = {}
    for name, version in TableVersion.objects.order_by("table_name").values_list("table_name", "version"):
        versions.setdefault(name.split(triggers.SEPARATOR)[0], []).append(version)
    return {table: tuple(numbers) for table, numbers in versions.items()}


def test_every_table_the_report_reads_carries_its_triggers_and_the_stamp_is_one_query(world):
    from evaluation import triggers

    assert triggers.installed(connection) == {model._meta.db_table for model in stored.report_tables()}
    assert set(_versions()) == set(triggers.stamped_tables())
    with CaptureQueriesContext(connection) as queries:
        stamp = stored.data_version()
    assert len(queries.captured_queries) == 1
    assert stored.data_version() == stamp


def test_a_table_without_its_triggers_gives_no_stamp_to_trust_until_migrate_reinstalls_them(world):
    from django.core.management import call_command

    from evaluation import triggers

    before = stored.data_version()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The fixture's rows leave deferred foreign-key checks pending, which block ALTER TABLE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE assessments_response DISABLE TRIGGER evaluation_stamp")
        else:
            cursor.execute("DROP TRIGGER evaluation_stamp_assessments_response_update")
    assert "assessments_response" not in triggers.installed(connection)
    assert stored.data_version() != stored.data_version()  # a new one each time: nothing stored is served
    call_command("migrate", verbosity=0)  # post_migrate puts every trigger back and draws new versions
    assert triggers.installed(connection) == set(triggers.stamped_tables())
    after = stored.data_version()
    assert after == stored.data_version() != before


def test_the_triggers_follow_the_report_s_scopes_and_open_attempts_never_touch_a_version_row(world):
    """An update to each attempt, to a response of each, to each page: the stamp changes exactly when
    the row is among report_tables()'s rows in scope. Answers saved in an open attempt leave every
    version row as it was (no lock taken on it, so autosaves never wait on a submission)."""
    from wagtail.models import Page

    from assessments.models import Attempt, Response

    counting = list(Attempt.objects.counting().order_by("pk").values_list("pk", flat=True)[:3])
    Attempt.objects.filter(pk=counting[0]).update(status=Attempt.Status.OPEN)
    Attempt.objects.filter(pk=counting[1]).update(flagged_late=True)
    Attempt.objects.filter(pk=counting[2]).update(flagged_duplicate=True)
    scopes = stored.report_tables()
    cases = [
        (Attempt, {"deadline": datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC)}, Attempt.objects.all()),
        (Response, {"seq": 123456789}, Response.objects.filter(attempt__in=Attempt.objects.all()).distinct()),
        (Page, {"title": "Autre titre"}, Page.objects.all()),
    ]
    seen = {True: 0, False: 0}
    for model, change, rows in cases:
        in_scope = set(scopes[model]().values_list("pk", flat=True))
        for pk in rows.values_list("pk", flat=True):
            versions = _versions()
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=pk).update(**change)
                    assert (_versions() != versions) == (pk in in_scope), (model, pk, pk in in_scope)
                    seen[pk in in_scope] += 1
                    raise _Undo
            except _Undo:
                pass
    assert seen[True] > 0 and seen[False] >= 3 + 1  # the three attempts out of scope, the root page
    versions = _versions()
    for attempt in counting:  # answers autosaved in open and flagged attempts
        Response.objects.filter(attempt_id=attempt).update(answer={"saved": "again"}, seq=987654321)
    assert _versions() == versions
