from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    label = "training"
    verbose_name = _("Training sessions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from assessments import access, offline
        from courses import gates
        from training import access as training_access
        from training import selectors

        # assessments knows nothing of sessions: it asks these functions whether the trainer has
        # opened (or not yet opened) a test for the participant's room.
        access.post_test_openers.append(selectors.test_window_opens)
        access.test_closers.append(selectors.test_window_closes)
        gates.dashboard_panels.append(training_access.dashboard_panel)
        # A trainer's shared phone takes the roster of one of their sessions.
        offline.roster_providers.append(selectors.offline_roster)
