"""The names of the Wagtail hooks certificates calls (`wagtail.hooks.get_hooks`), and the functions
that ask them. Without any registered function: no attendance condition, no session details.

- `ATTENDANCE_RATE_PROVIDER`: `provider(*, user_id, course_page_id) -> float | None`; the first
  non-None answer is the trainee's attendance in percent. With none, the attendance condition of a
  rule does not apply. certificates/wagtail_hooks.py registers `training.selectors.attendance_rate`.
- `SESSION_DETAILS_PROVIDER`: `provider(*, enrolment) -> str | None`, the session's place and dates
  as printed on the certificate ("Kankan, 3–5 March 2024").
- The reverse direction is training's `ATTENDANCE_LISTENER` hook, under which certificates registers
  `certificates.sessions.on_attendance` (it calls `services.enrolments_changed` after a commit).
"""

from __future__ import annotations

from wagtail import hooks

ATTENDANCE_RATE_PROVIDER = "certificates_attendance_rate_provider"
SESSION_DETAILS_PROVIDER = "certificates_session_details_provider"


def attendance_rate(*, user_id: int, course_page_id: int) -> float | None:
    for provider in hooks.get_hooks(ATTENDANCE_RATE_PROVIDER):
        rate = provider(user_id=user_id, course_page_id=course_page_id)
        if rate is not None:
            return rate
    return None


def session_details(*, enrolment) -> str:
    for provider in hooks.get_hooks(SESSION_DETAILS_PROVIDER):
        text = provider(enrolment=enrolment)
        if text:
            return text
    return ""
