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
