"""What the sessions app adds to the layers below it through Wagtail's hooks (they never import it)."""

from django.db.models import Q
from wagtail import hooks

from assessments.hooks import POST_TEST_OPENER, ROSTER_PROVIDER, SESSION_ROSTER, TEST_CLOSER
from courses.hooks import DASHBOARD_PANEL
from lms.hooks import STAFF_ACCOUNT_CONDITION, WORKSPACE
from lms.workspace import COORDINATOR_RANK, TRAINER_RANK, Workspace
from training import access, followup, selectors
from training.models import TrainingSession


@hooks.register(STAFF_ACCOUNT_CONDITION)
def coordinators_are_staff() -> Q:
    """A region's coordinator sees its sessions' people: staff, with a second factor."""
    return Q(coordinated_regions__isnull=False)


@hooks.register(STAFF_ACCOUNT_CONDITION)
def session_trainers_are_staff() -> Q:
    """A session's trainer sees its roster: staff, with a second factor (as training.selectors.staff_accounts
    always counted them)."""
    return Q(pk__in=TrainingSession.objects.filter(trainers__isnull=False).values("trainers"))


# assessments knows nothing of sessions: it asks these whether the trainer has opened (or not yet
# opened) a test for the participant's room.
hooks.register(POST_TEST_OPENER, selectors.test_window_opens)
hooks.register(TEST_CLOSER, selectors.test_window_closes)
hooks.register(DASHBOARD_PANEL, access.dashboard_panel)
# A module's follow-up test opens months after the trainee's post-test (training/followup.py).
hooks.register(TEST_CLOSER, followup.followup_closes)
hooks.register(DASHBOARD_PANEL, followup.dashboard_panel)
# A trainer's shared phone takes the roster of one of their sessions.
hooks.register(ROSTER_PROVIDER, selectors.offline_roster)
# `manage.py import_responses --session CODE` takes the session's modules and roster.
hooks.register(SESSION_ROSTER, selectors.session_modules_and_roster)


@hooks.register(WORKSPACE)
def sessions_workspace(user) -> Workspace | None:
    """A coordinator works on their region's figures and sessions; a trainer on their sessions."""
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from training.models import Coordinator

    if selectors.can_run_sessions(user) and Coordinator.objects.filter(user=user).exists():
        return Workspace(COORDINATOR_RANK, _("My region"), reverse("training:programme"))
    if selectors.can_run_sessions(user):
        return Workspace(TRAINER_RANK, _("My sessions"), reverse("training:list"))
    return None
