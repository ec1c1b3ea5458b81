"""The names of the Wagtail hooks courses calls (`wagtail.hooks.get_hooks`); higher layers register
functions under them in their `wagtail_hooks.py`, so courses never imports them.

- `LESSON_GATE`: `gate(user, course_id) -> courses.gates.Gate | None`, called with the source-language
  module before a lesson opens; the first Gate returned keeps it closed (assessments: "submit the
  pre-test first").
- `COURSE_PANEL`: `panel(request, course_id) -> str | None`, ready HTML added to a module's page
  (assessments: its pre- and post-test; certificates: the trainee's certificate).
- `DASHBOARD_PANEL`: `panel(request) -> str | None`, ready HTML added to the trainee's dashboard
  (training, certificates, events).
"""

LESSON_GATE = "courses_lesson_gate"
COURSE_PANEL = "courses_course_panel"
DASHBOARD_PANEL = "courses_dashboard_panel"
