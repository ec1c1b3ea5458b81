"""Behind PgBouncer in transaction mode, nothing may depend on the server session.

PgBouncer lends a server connection for one transaction: the next transaction of the same Django
connection may run on another server connection, and another client's on this one. The tests prove
that the pooler the tests use really does that (so that the concurrency tests run through it mean
something), that the project's settings survive it (`.iterator()`, repeated queries, Django's time
zone), that the code holds no session-level state (advisory locks across transactions, SET,
prepared statements, LISTEN, temporary tables) and that the SQL the answer flow runs holds none either.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection, connections
from django.db.backends.signals import connection_created

from assessments import services
from courses import services as course_services
from lms.models import User
from lms.pooler import PoolerMisconfigured, for_pooler
from privacy.services import inactive_accounts
from tests import pgbouncer
from tests.concurrency import run_together
from tests.factories import UserFactory, assessment_setup

BASE_DIR = Path(__file__).resolve().parents[2]
# Statements whose effect outlives their transaction on the server connection.
SESSION_STATE = re.compile(
    r"pg_advisory_lock|pg_try_advisory_lock\(|pg_advisory_unlock|\bLISTEN\s|\bPREPARE\s|WITH\s+HOLD"
    r"|CREATE\s+TEMP|\bSET\s+(SESSION|ROLE|search_path|statement_timeout|lock_timeout|TIME\s+ZONE)\b"
    r"|set_config\([^)]*false|assume_role|server_side_binding|prepare_threshold\s*[\"']?\s*[:=]\s*\d",
    re.I,
)


def postgres(**overrides) -> dict:
    return {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {}, **overrides}


def test_pgbouncer_settings_turn_off_server_cursors_and_prepared_statements():
    database = for_pooler(postgres(), "pgbouncer")
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert database["OPTIONS"]["prepare_threshold"] is None
    assert "DISABLE_SERVER_SIDE_CURSORS" not in for_pooler(postgres(), "")
    for options in ({"server_side_binding": True}, {"assume_role": "lms"}, {"prepare_threshold": 5}):
        with pytest.raises(PoolerMisconfigured):
            for_pooler(postgres(OPTIONS=options), "pgbouncer")
    with pytest.raises(PoolerMisconfigured):
        for_pooler(postgres(), "pgpool")


def test_the_code_holds_no_session_level_state():
    """Advisory locks held across transactions, session SET, LISTEN, PREPARE, cursors WITH HOLD and
    temporary tables break or leak behind PgBouncer; locks here are row locks (select_for_update)."""
    apps = sorted(path.parent for path in BASE_DIR.glob("*/apps.py"))
    found = []
    for folder in apps:
        for path in folder.rglob("*.py"):
            if path.name == "pooler.py" and folder.name == "lms":
                continue  # it names them to refuse them
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if SESSION_STATE.search(line):
                    found.append(f"{path.relative_to(BASE_DIR)}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PgBouncer stands in front of PostgreSQL")
def test_the_tests_pooler_lends_one_server_connection_to_several_clients():
    """Transaction mode for real: a session SET by one client is seen by another (so the code must
    set none), and both run on one server process."""
    if pgbouncer.missing():
        pytest.skip(pgbouncer.missing())
    settings = connection.settings_dict
    with pgbouncer.running(server_host=settings["HOST"], server_port=settings["PORT"], pool_size=1) as bouncer:
        url = bouncer.url(f"postgres://postgres@127.0.0.1:5432/{settings['NAME']}")
        with psycopg.connect(url, autocommit=True) as one, psycopg.connect(url, autocommit=True) as two:
            one.execute("SET statement_timeout = '4321ms'")
            assert two.execute("SHOW statement_timeout").fetchone()[0] == "4321ms"
            pids = {c.execute("SELECT pg_backend_pid()").fetchone()[0] for c in (one, two)}
            assert len(pids) == 1


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PgBouncer stands in front of PostgreSQL")
def test_iterators_repeated_queries_and_the_time_zone_survive_a_change_of_server_connection():
    """Two server connections; another client holds the first in a transaction between our
    statements, so ours move to the second and back. A server-side cursor (`.iterator()` without
    DISABLE_SERVER_SIDE_CURSORS) is then missing ("cursor does not exist"), a prepared statement too,
    and the other client's SET TIME ZONE would reach us if PgBouncer did not restore ours."""
    if pgbouncer.missing():
        pytest.skip(pgbouncer.missing())
    settings = connection.settings_dict
    users = UserFactory.create_batch(4)
    name = settings["NAME"]
    with (
        pgbouncer.running(server_host=settings["HOST"], server_port=settings["PORT"], pool_size=2) as bouncer,
        pgbouncer.django_through(bouncer),
        psycopg.connect(bouncer.url(f"postgres://postgres@x/{name}")) as other,
    ):
        other.autocommit = True
        for _ in range(6):  # often enough for psycopg to prepare it, were preparing on (it is not)
            assert User.objects.filter(pk=users[0].pk).exists()
        iterator = User.objects.order_by("pk").iterator(chunk_size=1)
        first = next(iterator)
        before = _backend_pid()
        other.execute("BEGIN")
        other.execute("SET TIME ZONE 'Asia/Tokyo'")  # holds our server connection, changes its zone
        during = _backend_pid()
        assert during != before, "the scenario needs our statements on another server connection"
        assert [first, *iterator] == sorted(users, key=lambda user: user.pk)
        for _ in range(6):
            assert User.objects.filter(pk=users[0].pk).exists()
        other.execute("COMMIT")
        assert _backend_pid() == before  # back on the server connection whose zone was changed
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('TimeZone')")
            assert cursor.fetchone()[0] == "UTC"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PgBouncer stands in front of PostgreSQL")
@pytest.mark.usefixtures("through_pgbouncer")
def test_the_answer_flow_runs_no_session_level_statement():
    """Every statement of every connection (each thread's) while trainees start, save, submit at once
    and the retention job iterates the accounts."""
    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(str(sql))
        return execute(sql, params, many, context)

    def watch(sender, connection, **kwargs):
        connection.execute_wrappers.append(record)

    connection_created.connect(watch)
    try:
        connections.close_all()
        course, _lessons, pre, _post = assessment_setup()
        trainees = UserFactory.create_batch(3)
        for user in trainees:
            course_services.enrolment_create(user=user, course=course)

        def answer_and_submit(user):
            attempt, _ = services.attempt_start(user=user, test=pre)
            for seq, item in enumerate(attempt.layout, start=1):
                services.response_save(
                    user=user, attempt_id=attempt.pk, question_id=item["question"], answer="a", seq=seq
                )
            return services.attempt_submit(user=user, attempt_id=attempt.pk, submission_key=uuid.uuid4())

        results, errors = run_together([lambda user=user: answer_and_submit(user) for user in trainees])
        assert errors == []
        assert len(results) == len(trainees)
        list(inactive_accounts())
    finally:
        connection_created.disconnect(watch)
    assert len(statements) > 20
    assert [sql for sql in statements if SESSION_STATE.search(sql)] == []
