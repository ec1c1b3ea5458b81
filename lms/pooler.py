"""What Django needs behind PgBouncer in transaction mode (`DATABASE_POOLER=pgbouncer`).

In transaction mode PgBouncer lends a server connection to a client for one transaction only; the
next transaction of the same client may run on another server connection, and another client's on
this one. Whatever lives in a server session outside a transaction is therefore lost or leaks:

- server-side cursors (Django's `.iterator()` declares a cursor WITH HOLD that outlives its
  transaction): turned off with DISABLE_SERVER_SIDE_CURSORS, so `.iterator()` reads in chunks on
  the client;
- prepared statements (psycopg prepares a query run often enough; PgBouncer before 1.21 does not
  carry them from one server connection to another): Django's default leaves them off
  (`prepare_threshold` None, client-side binding); these settings refuse a configuration turning
  them back on;
- session-level SET (`assume_role` runs SET ROLE on each new connection), session advisory locks,
  LISTEN, temporary tables: the project uses none (row locks with select_for_update and
  transaction-scoped statements only); tests/lms/test_pooler.py scans the code and the SQL run.

Django's own SET TIME ZONE on a new connection is safe: PgBouncer tracks TimeZone (with
client_encoding, DateStyle and standard_conforming_strings) for each client. Persistent connections
(CONN_MAX_AGE) are connections to PgBouncer, cheap to keep and safe: no server state comes with them.
"""

from __future__ import annotations

POOLERS = ("", "pgbouncer")
# Options that would bring session-level state back through a pooler in transaction mode.
SESSION_OPTIONS = {
    "server_side_binding": True,  # server-side binding prepares statements
    "assume_role": None,  # SET ROLE on every new connection
}


class PoolerMisconfigured(ValueError):
    pass


def for_pooler(database: dict, pooler: str) -> dict:
    """`database` (a DATABASES entry) set up for `pooler` ("" for a direct connection); returned."""
    if pooler not in POOLERS:
        raise PoolerMisconfigured(f"DATABASE_POOLER={pooler!r}: expected one of {', '.join(map(repr, POOLERS))}")
    if pooler != "pgbouncer" or not database["ENGINE"].endswith("postgresql"):
        return database
    options = database.setdefault("OPTIONS", {})
    for name, refused in SESSION_OPTIONS.items():
        if name in options and (refused is None or options[name] == refused):
            raise PoolerMisconfigured(f"OPTIONS[{name!r}] keeps session-level state: not behind PgBouncer")
    if options.get("prepare_threshold") is not None:
        raise PoolerMisconfigured("OPTIONS['prepare_threshold']: prepared statements do not survive PgBouncer")
    options["prepare_threshold"] = None
    database["DISABLE_SERVER_SIDE_CURSORS"] = True
    return database
