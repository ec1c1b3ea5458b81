from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from assessments import services as assessment_services
        from certificates import access, services
        from courses import gates

        # Lower layers publish what happened; certificates react (they never import us).
        assessment_services.submission_listeners.append(services.on_submission)
        gates.course_panels.append(access.course_panel)
        gates.dashboard_panels.append(access.dashboard_panel)

        from certificates import hooks, sessions
        from training import hooks as training_hooks
        from training import selectors as training_selectors

        hooks.attendance_rate_providers.append(training_selectors.attendance_rate)
        hooks.session_details_providers.append(sessions.session_details)
        training_hooks.attendance_listeners.append(sessions.on_attendance)
        training_hooks.session_links.append(sessions.session_links)
        training_hooks.programme_counters.append(sessions.programme_counters)
