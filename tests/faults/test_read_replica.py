"""The evaluators' reads on a real streaming replica (lms/replica.py, docs/operations.md).

A standby is made from the private primary with pg_basebackup and started on a port of its own.
Its replay is paused while trainees hand in on the primary: the application, given
REPLICA_DATABASE_URL, then reads the evaluation data as of the pause inside `replica_reads()` and
the new rows everywhere else; a write made inside the block lands on the primary (the standby
refuses writes). Once replay resumes, both agree.
"""

import json

import psycopg
import pytest

from tests.faults.services import PrivatePostgres, query, seed, wait_until

pytestmark = pytest.mark.faults


def count(url: str) -> int:
    return query(url, "SELECT count(*) FROM assessments_attempt")[0][0]


@pytest.fixture
def standby(private_postgres):
    replica = PrivatePostgres().standby_of(private_postgres)
    replica.start()
    yield replica
    replica.destroy()


def test_reports_read_the_replica_and_writes_stay_on_the_primary(app_database, private_postgres, standby, processes):
    name = app_database.rsplit("/", 1)[1]
    replica_url = standby.url(name)
    group = processes(database_url=app_database, REPLICA_DATABASE_URL=replica_url)
    seed(group, 2, submitted=True)
    assert wait_until(lambda: count(replica_url) == count(app_database), seconds=60, step=0.5)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        query(replica_url, "CREATE TABLE written_on_the_standby (id int)")

    before = count(app_database)
    standby.sql("SELECT pg_wal_replay_pause()")
    seed(group, 3, submitted=True)
    assert count(app_database) > before == count(replica_url)

    paused = json.loads(group.run("-m", "tests.faults.replica_probe"))
    assert paused["read_alias"] == "replica" and paused["write_alias"] == "default"
    assert paused["outside_read_alias"] == "default"
    assert paused["on_replica"] == before, "inside the block the evaluator reads the replica"
    assert paused["on_primary"] == count(app_database), "outside it, the primary"
    assert paused["session_on_primary"] is True
    assert paused["freshness"] is not None

    standby.sql("SELECT pg_wal_replay_resume()")
    assert wait_until(lambda: count(replica_url) == count(app_database), seconds=60, step=0.5)
    resumed = json.loads(group.run("-m", "tests.faults.replica_probe"))
    assert resumed["on_replica"] == resumed["on_primary"] == count(app_database)
    assert resumed["matched_pairs"] > paused["matched_pairs"], "the report sees the new hand-ins once replayed"
    assert resumed["freshness"] >= paused["freshness"]
