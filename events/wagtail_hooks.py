"""What the events app adds to the layers below it through Wagtail's hooks (they never import it)."""

from wagtail import hooks

from courses.hooks import DASHBOARD_PANEL
from events import access, dashboard
from training.hooks import PROGRAMME_COUNTER

hooks.register(DASHBOARD_PANEL, access.dashboard_panel)
# The sessions' own dashboard shows the outreach totals too (counts only).
hooks.register(PROGRAMME_COUNTER, dashboard.programme_counters)
