from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    label = "events"
    verbose_name = _("Events and outreach")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from courses import gates
        from events import access, dashboard
        from training import hooks

        gates.dashboard_panels.append(access.dashboard_panel)
        # The sessions' own dashboard shows the outreach totals too (counts only).
        hooks.programme_counters.append(dashboard.programme_counters)
