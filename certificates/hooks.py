"""What the sessions app (`training`) plugs in when it lands. Empty lists mean "no sessions".

- `attendance_rate_providers`: callables `(*, user_id, course_page_id) -> float | None`, the first
  non-None answer is the trainee's attendance in percent. With none, the attendance condition of a
  rule does not apply. The merger appends `training.selectors.attendance_rate`.
- `session_details_providers`: callables `(*, enrolment) -> str | None`, the session's place and
  dates as printed on the certificate ("Kankan, 3–5 March 2024").
- The reverse direction is a service: training's `attendance_listeners` call
  `certificates.services.enrolments_changed(user_ids=..., course_page_ids=...)` after a commit.
"""

from __future__ import annotations

from collections.abc import Callable

attendance_rate_providers: list[Callable[..., float | None]] = []
session_details_providers: list[Callable[..., str | None]] = []


def attendance_rate(*, user_id: int, course_page_id: int) -> float | None:
    for provider in attendance_rate_providers:
        rate = provider(user_id=user_id, course_page_id=course_page_id)
        if rate is not None:
            return rate
    return None


def session_details(*, enrolment) -> str:
    for provider in session_details_providers:
        text = provider(enrolment=enrolment)
        if text:
            return text
    return ""
