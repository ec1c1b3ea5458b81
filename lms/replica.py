"""Evaluators' reports and exports read from a read replica when one is configured.

`REPLICA_DATABASE_URL` adds the database alias "replica" (a PostgreSQL streaming standby of the
primary: docs/operations.md, "A read replica for evaluators"). Code that only reads, and may read
data a few seconds old, runs inside `replica_reads()`; `ReplicaRouter` then sends its reads there.
Writes always go to the primary, even inside the block (the access log of a report, a stored
report), and so does every read outside it: trainees, trainers and the certificate checks never see
replica data. Without a replica nothing changes.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from datetime import datetime

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_reading = contextvars.ContextVar("replica_reads", default=False)


def configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads():
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if _reading.get() and configured():
            return REPLICA
        return None

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # one database, two copies of it

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db != REPLICA  # the standby follows the primary's schema


def freshness() -> datetime | None:
    """When the replica's data were last written on the primary (the last transaction it replayed):
    what the report page tells the evaluator. None without a replica, or when it cannot say."""
    if not configured():
        return None
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_last_xact_replay_timestamp()")
        return cursor.fetchone()[0]
