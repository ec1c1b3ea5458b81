"""Where a trainee is offered the questionnaire, and where staff find the summaries (hook panels)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from evaluation.reaction import selectors


def post_test_panel(request, attempt) -> str | None:
    """assessments.hooks.POST_TEST_PANEL: under a handed-in post-test, the invitation to give one's view."""
    course_id = attempt.test.course_id
    if selectors.questionnaire_to_answer(user=request.user, course_id=course_id) is None:
        return None
    return render_to_string("evaluation/reaction/invitation.html", {"course_ids": [course_id]}, request=request)


def dashboard_panel(request) -> str | None:
    """courses.hooks.DASHBOARD_PANEL: the modules whose questionnaire the trainee may still answer."""
    from courses.models import CoursePage
    from courses.selectors import localized

    if not request.user.is_authenticated:
        return None
    pages = selectors.modules_to_answer(user=request.user)
    if not pages:
        return None
    shown = localized(pages, CoursePage)
    modules = [(shown[page.pk].title, page.pk) for page in pages]
    return render_to_string("evaluation/reaction/invitation.html", {"modules": modules}, request=request)


def session_links(session) -> list[tuple[str, str]]:
    """training.hooks.SESSION_LINK: the session's reaction summary."""
    return [(_("Participants' views"), f"{reverse('evaluation:reaction_summary')}?session={session.code}")]
