"""The links on the dashboard for organisers, ambassadors, coordinators and programme staff."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from events import selectors


def dashboard_panel(request) -> str | None:
    """courses.hooks.DASHBOARD_PANEL: nothing for trainees (and no query for anonymous people)."""
    user = request.user
    if not user.is_authenticated:
        return None
    links = []
    if selectors.can_log_outreach(user):
        links.append((_("Log a community dialogue"), reverse("outreach:create")))
        links.append((_("My dialogues"), reverse("outreach:list")))
    if selectors.can_review_outreach(user):
        links.append((_("Review dialogue logs"), reverse("outreach:review")))
    if selectors.can_manage_events(user):
        links.append((_("Events and webinars"), reverse("events:list")))
    if selectors.can_view_programme(user) or selectors.can_review_outreach(user):  # coordinators: their regions
        links.append((_("Programme indicators"), reverse("events:programme")))
    if not links:
        return None
    return render_to_string("events/dashboard_panel.html", {"links": links}, request=request)
