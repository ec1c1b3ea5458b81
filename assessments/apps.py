from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from assessments import access
        from courses import gates

        # courses knows nothing of tests; it asks its registered gates before opening a lesson.
        gates.register(access.pre_test_gate)
        gates.course_panels.append(access.course_panel)
