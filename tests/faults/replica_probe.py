"""What the application reads and writes with REPLICA_DATABASE_URL set, printed as JSON for
tests/faults/test_read_replica.py (run in a process of its own, with the environment of the test).

Usage: python -m tests.faults.replica_probe
"""

import json
import os


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django

    django.setup()
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import router

    from assessments.models import Attempt
    from evaluation.filters import ReportFilters
    from evaluation.selectors import matched_data
    from lms.replica import freshness, replica_reads

    with replica_reads():
        on_replica = Attempt.objects.count()
        read_alias, write_alias = router.db_for_read(Attempt), router.db_for_write(Attempt)
        pairs = len(matched_data(filters=ReportFilters()).pairs)
        # A write inside the block (a session, as a request would save) must land on the primary: the
        # standby would refuse it ("read-only transaction").
        session = SessionStore()
        session["probe"] = True
        session.save()
    as_of = freshness()
    print(
        json.dumps(
            {
                "on_replica": on_replica,
                "on_primary": Attempt.objects.count(),
                "read_alias": read_alias,
                "write_alias": write_alias,
                "outside_read_alias": router.db_for_read(Attempt) or "default",
                "matched_pairs": pairs,
                "session_on_primary": SessionStore(session_key=session.session_key).exists(session.session_key),
                "freshness": as_of.isoformat() if as_of else None,
            }
        )
    )


if __name__ == "__main__":
    main()
