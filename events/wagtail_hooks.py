"""What the events app adds to the layers below it through Wagtail's hooks (they never import it)."""

from wagtail import hooks

from courses.hooks import DASHBOARD_PANEL
from events import access, dashboard
from lms.hooks import WORKSPACE
from lms.workspace import AMBASSADOR_RANK, EVALUATOR_RANK, Workspace
from training.hooks import PROGRAMME_COUNTER

hooks.register(DASHBOARD_PANEL, access.dashboard_panel)
# The sessions' own dashboard shows the outreach totals too (counts only).
hooks.register(PROGRAMME_COUNTER, dashboard.programme_counters)


@hooks.register(WORKSPACE)
def programme_workspace(user) -> Workspace | None:
    """Evaluators work on the programme's indicators; ambassadors on their dialogue logs."""
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from events import selectors

    if user.has_perm(selectors.VIEW_PROGRAMME):
        return Workspace(EVALUATOR_RANK, _("Programme"), reverse("events:programme"))
    if selectors.can_log_outreach(user):
        return Workspace(AMBASSADOR_RANK, _("My dialogues"), reverse("outreach:list"))
    return None
