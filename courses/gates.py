"""Gates on lessons and panels on pages that higher layers register (courses never imports them).

The functions are Wagtail hooks under the names of `courses.hooks`. When a gate returns a Gate, the
lesson does not open: the trainee is sent to `url` with `message`.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail import hooks

from courses.hooks import COURSE_PANEL, DASHBOARD_PANEL, LESSON_GATE


@dataclass(frozen=True)
class Gate:
    url: str
    message: str


def first_closed_gate(*, user, course_id: int) -> Gate | None:
    for gate in hooks.get_hooks(LESSON_GATE):
        closed = gate(user, course_id)
        if closed is not None:
            return closed
    return None


def render_course_panels(*, request, course_id: int) -> list[str]:
    return [html for panel in hooks.get_hooks(COURSE_PANEL) if (html := panel(request, course_id))]


def render_dashboard_panels(*, request) -> list[str]:
    return [html for panel in hooks.get_hooks(DASHBOARD_PANEL) if (html := panel(request))]
