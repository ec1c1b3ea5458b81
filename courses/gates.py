"""Gates on lessons that higher layers register (courses never imports them).

A gate is a function `gate(user, course) -> Gate | None`, called with the source-language module.
When one returns a Gate, the lesson does not open: the trainee is sent to `url` with `message`.
The assessments app registers "submit the pre-test first" here in its AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Gate:
    url: str
    message: str


lesson_gates: list[Callable] = []


def register(gate: Callable) -> Callable:
    lesson_gates.append(gate)
    return gate


def first_closed_gate(*, user, course_id: int) -> Gate | None:
    for gate in lesson_gates:
        closed = gate(user, course_id)
        if closed is not None:
            return closed
    return None


# Panels that higher layers add to a module's page (e.g. its pre- and post-test): each is a function
# `panel(request, course_id) -> str | None` returning ready HTML.
course_panels: list[Callable] = []


def render_course_panels(*, request, course_id: int) -> list[str]:
    return [html for panel in course_panels if (html := panel(request, course_id))]


# Panels that higher layers add to the trainee's dashboard (e.g. "your certificate is ready"): each
# is a function `panel(request) -> str | None` returning ready HTML.
dashboard_panels: list[Callable] = []


def render_dashboard_panels(*, request) -> list[str]:
    return [html for panel in dashboard_panels if (html := panel(request))]
