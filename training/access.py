"""The staff links on the dashboard: where trainers, coordinators and evaluators start."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from training import selectors


def dashboard_panel(request) -> str | None:
    """courses.hooks.DASHBOARD_PANEL: links to the sessions, the programme and the evaluation
    report for the people who may open them; nothing for trainees (no extra query for anonymous)."""
    user = request.user
    if not user.is_authenticated:
        return None
    administrator = selectors.is_administrator(user)
    links = []
    if administrator or selectors.can_run_sessions(user):
        links.append((_("Training sessions"), reverse("training:list")))
    if not administrator and not user.has_perm("lms.view_evaluation") and selectors.coordinated_regions(user):
        links.append((_("Training figures"), reverse("training:programme")))
    if administrator or user.has_perm("lms.view_evaluation"):
        links.append((_("Training figures"), reverse("training:programme")))
        links.append((_("Pre/post evaluation"), reverse("evaluation:report")))
    if not links:
        return None
    return render_to_string("training/dashboard_panel.html", {"links": links}, request=request)
