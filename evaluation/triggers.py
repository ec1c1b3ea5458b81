"""The database triggers behind the stored report's data-version stamp (evaluation/stored.py).

For every table of `stored.report_tables()`, triggers draw a new random version for that table in
evaluation_tableversion whenever a row in scope is inserted, updated or deleted (and on TRUNCATE on
PostgreSQL): by an ORM save, a bulk update, a raw SQL fix or a COPY alike. A version is a random
64-bit number, not a count: a restored backup or a flushed table never brings back a version an
older stored report was kept under.

The scopes are the report's (`SCOPES`): an attempt only when it counts (before or after the change),
a response only when its attempt counts (answers autosaved in open attempts never touch the version
row, so they never wait on it), a Wagtail page only when it is a module's. An update that changes
only UNREAD_COLUMNS (a login's time, a password) leaves the version alone.

They are (re)installed after every `migrate` (post_migrate, see apps.py), from the models as they
are then: a new table in report_tables() or a new column gets its trigger without a hand-written
migration, and SQLite's table rebuilds (which drop a table's triggers) are repaired by the same run.
Each run also draws new versions for every table, so a deployment starts from fresh stamps.
"""

# SQL built from the models' own table and column names and the Status values, never from input.
# ruff: noqa: S608

from __future__ import annotations

from typing import cast

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper

PREFIX = "evaluation_stamp"
VERSIONS = "evaluation_tableversion"
# On PostgreSQL each connection draws versions in its own rows ("<table>:<backend pid>"): two
# transactions never wait on, nor deadlock over, a shared version row (an online hand-in and a phone's
# sync touch attempts and responses in different orders). The stamp reads every row of a table.
# A row stays invisible to others until its transaction commits, as the data it stamps.
SEPARATOR = ":"


def _literal(value: object, vendor: str) -> str:
    if isinstance(value, bool):
        return ("true" if value else "false") if vendor == "postgresql" else str(int(value))
    text = str(value).replace("'", "''")
    return f"'{text}'"


def _counting(alias: str, vendor: str) -> str:
    """Attempt.counting_condition(), the one rule of counting(), as SQL on an attempt row `alias`
    (its lookups are plain equalities and one `__in`)."""
    from assessments.models import Attempt
    from assessments.models.attempts import AttemptQuerySet

    terms = []
    for lookup, value in AttemptQuerySet.counting_condition().children:  # type: ignore[misc]
        column = cast(models.Field, Attempt._meta.get_field(lookup.removesuffix("__in"))).column
        if lookup.endswith("__in"):
            terms.append(f"{alias}.{column} IN ({', '.join(_literal(item, vendor) for item in value)})")
        else:
            terms.append(f"{alias}.{column} = {_literal(value, vendor)}")
    return f"({' AND '.join(terms)})"


def scopes(vendor: str) -> dict[str, str]:
    """{table: SQL condition on a row named {row}} for the tables whose scope is not every row;
    the same rows as report_tables()'s querysets (a test checks them against each other)."""
    from assessments.models import Attempt, Response
    from courses.models import CoursePage

    attempt = Attempt._meta.db_table
    counted = _counting("counted", vendor)
    return {
        attempt: _counting("{row}", vendor),
        Response._meta.db_table: (
            f"EXISTS (SELECT 1 FROM {attempt} counted WHERE counted.id = {{row}}.attempt_id AND {counted})"
        ),
        "wagtailcore_page": (
            f"EXISTS (SELECT 1 FROM {CoursePage._meta.db_table} course WHERE course.page_ptr_id = {{row}}.id)"
        ),
    }


def _read_columns(model: type[models.Model]) -> list[str]:
    from evaluation.stored import UNREAD_COLUMNS

    unread = UNREAD_COLUMNS.get(model._meta.label, set())
    return [field.column for field in model._meta.local_concrete_fields if field.column and field.name not in unread]


def _unread_columns(model: type[models.Model]) -> list[str]:
    from evaluation.stored import UNREAD_COLUMNS

    unread = UNREAD_COLUMNS.get(model._meta.label, set())
    return [field.column for field in model._meta.local_concrete_fields if field.column and field.name in unread]


def stamped_tables() -> dict[str, type[models.Model]]:
    from evaluation.stored import report_tables

    return {model._meta.db_table: model for model in report_tables()}


def install(connection: BaseDatabaseWrapper) -> None:
    """Drop this app's triggers and create them for every table report_tables() names; draw new versions."""
    tables = stamped_tables()
    conditions = scopes(connection.vendor)
    with connection.cursor() as cursor:
        uninstall(connection, cursor)
        for table, model in tables.items():
            scope = conditions.get(table)
            for statement in (_postgresql if connection.vendor == "postgresql" else _sqlite)(table, model, scope):
                cursor.execute(statement)
            cursor.execute(
                f"INSERT INTO {VERSIONS} (table_name, version) VALUES (%s, 0) ON CONFLICT (table_name) DO NOTHING",
                [table],
            )
        # Each run folds the connections' rows back into one per table (with new versions).
        cursor.execute(f"DELETE FROM {VERSIONS} WHERE table_name LIKE %s", [f"%{SEPARATOR}%"])
        cursor.execute(f"UPDATE {VERSIONS} SET version = {_random(connection.vendor)}")


def rows_of(vendor: str, marks: str) -> str:
    """SQL condition choosing the version rows of the tables `marks` (placeholders) names."""
    if vendor == "postgresql":
        return f"split_part(table_name, '{SEPARATOR}', 1) IN ({marks})"
    return f"table_name IN ({marks})"


def _random(vendor: str) -> str:
    """A random 64-bit integer, drawn by the database."""
    return "(random() * 9e18)::bigint" if vendor == "postgresql" else "random()"


def triggers_sql(vendor: str, tables: list[str]) -> tuple[str, list, int]:
    """(SQL counting this app's enabled triggers on `tables`, its parameters, the count when all are there)."""
    marks = ", ".join(["%s"] * len(tables))
    if vendor == "postgresql":
        sql = (
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            f"WHERE t.tgname IN (%s, %s) AND t.tgenabled <> 'D' AND c.relname IN ({marks})"
        )
        return sql, [PREFIX, f"{PREFIX}_truncate", *tables], 2 * len(tables)
    sql = f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s AND tbl_name IN ({marks})"
    return sql, [f"{PREFIX}_%", *tables], 3 * len(tables)


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The tables of report_tables() that carry all of this app's triggers, as the database says."""
    present = set()
    with connection.cursor() as cursor:
        for table in stamped_tables():
            sql, params, expected = triggers_sql(connection.vendor, [table])
            cursor.execute(sql, params)
            if cursor.fetchone()[0] == expected:
                present.add(table)
    return present


def uninstall(connection: BaseDatabaseWrapper, cursor) -> None:
    if connection.vendor == "postgresql":
        cursor.execute("SELECT proname FROM pg_proc WHERE proname LIKE %s", [f"{PREFIX}%"])
        for (function,) in cursor.fetchall():
            cursor.execute(f"DROP FUNCTION IF EXISTS {function}() CASCADE")  # its triggers with it
        return
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{PREFIX}_%"])
    for (trigger,) in cursor.fetchall():
        cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")


def _postgresql(table: str, model: type[models.Model], scope: str | None) -> list[str]:
    function = f"{PREFIX}_{table}"[:63]
    unread = "".join(f" - '{column}'" for column in _unread_columns(model))
    changed = f"(to_jsonb(OLD){unread}) IS DISTINCT FROM (to_jsonb(NEW){unread})"
    if scope is None:
        inserted = deleted = updated_scope = "TRUE"
    else:
        inserted, deleted = scope.format(row="NEW"), scope.format(row="OLD")
        updated_scope = f"({deleted} OR {inserted})"
    # In a row trigger, OLD is NULL on INSERT and NEW on DELETE; both on TRUNCATE (a statement).
    return [
        f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP = 'TRUNCATE'
        OR (TG_OP = 'INSERT' AND {inserted})
        OR (TG_OP = 'DELETE' AND {deleted})
        OR (TG_OP = 'UPDATE' AND {changed} AND {updated_scope}) THEN
        INSERT INTO {VERSIONS} AS v (table_name, version)
            VALUES ('{table}' || '{SEPARATOR}' || pg_backend_pid(), {_random("postgresql")})
            ON CONFLICT (table_name) DO UPDATE SET version = EXCLUDED.version;
    END IF;
    RETURN NULL;
END
$body$""",
        f"CREATE TRIGGER {PREFIX} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {PREFIX}_truncate AFTER TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
    ]


def _sqlite(table: str, model: type[models.Model], scope: str | None) -> list[str]:
    bump = (
        f"INSERT INTO {VERSIONS} (table_name, version) VALUES ('{table}', {_random('sqlite')}) "
        "ON CONFLICT (table_name) DO UPDATE SET version = excluded.version;"
    )
    changed = " OR ".join(f'OLD."{column}" IS NOT NEW."{column}"' for column in _read_columns(model))
    if scope is None:
        when = {"insert": "1", "delete": "1", "update": f"({changed})"}
    else:
        new, old = scope.format(row="NEW"), scope.format(row="OLD")
        when = {"insert": new, "delete": old, "update": f"({changed}) AND ({old} OR {new})"}
    return [
        f"CREATE TRIGGER {PREFIX}_{table}_{event} AFTER {event.upper()} ON {table} FOR EACH ROW "
        f"WHEN {condition} BEGIN {bump} END"
        for event, condition in when.items()
    ]
