"""What higher layers (certificates) register to hear about sessions.

`attendance_listeners`: callables (session_id, user_ids) -> None, called after the transaction that
changed those participants' attendance has committed (transaction.on_commit), once per change.
`session_links`: callables (session) -> [(label, url)], extra links on a session's page (the
certificates' zip).
`programme_counters`: callables () -> [(label, count or None when suppressed)], extra totals on the programme dashboard
(certificates issued). Counts only: the dashboard never names anyone.
"""

from __future__ import annotations

from collections.abc import Callable

attendance_listeners: list[Callable[[int, list[int]], None]] = []
session_links: list[Callable] = []
programme_counters: list[Callable[[], list[tuple[str, int]]]] = []


def announce_attendance(*, session_id: int, user_ids: list[int]) -> None:
    """Call every listener once the current transaction commits (at once outside a transaction)."""
    from django.db import transaction

    if not user_ids:
        return
    user_ids = sorted(set(user_ids))

    def notify() -> None:
        for listener in attendance_listeners:
            listener(session_id, user_ids)

    transaction.on_commit(notify)
