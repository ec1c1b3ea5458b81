"""The names of the Wagtail hooks training calls (`wagtail.hooks.get_hooks`); higher layers
(certificates, events) register functions under them in their `wagtail_hooks.py`.

- `ATTENDANCE_LISTENER`: `listener(session_id, user_ids) -> None`, called after the transaction that
  changed those participants' attendance has committed (transaction.on_commit), once per change.
- `SESSION_LINK`: `links(session) -> [(label, url)]`, extra links on a session's page (the
  certificates' zip).
- `PROGRAMME_COUNTER`: `counter() -> [(label, count or None when suppressed)]`, extra totals on the
  programme dashboard (certificates issued, outreach). Counts only: the dashboard never names anyone.
"""

from __future__ import annotations

ATTENDANCE_LISTENER = "training_attendance_listener"
SESSION_LINK = "training_session_link"
PROGRAMME_COUNTER = "training_programme_counter"


def announce_attendance(*, session_id: int, user_ids: list[int]) -> None:
    """Call every listener once the current transaction commits (at once outside a transaction)."""
    from django.db import transaction
    from wagtail import hooks

    if not user_ids:
        return
    user_ids = sorted(set(user_ids))

    def notify() -> None:
        for listener in hooks.get_hooks(ATTENDANCE_LISTENER):
            listener(session_id, user_ids)

    transaction.on_commit(notify)
