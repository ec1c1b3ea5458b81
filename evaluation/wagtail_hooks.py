"""Wagtail admin and hooks of the evaluation app: the reaction questionnaires (snippets) and where the
questionnaire is offered (under a handed-in post-test, on the dashboard, from a session's page)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from assessments.hooks import POST_TEST_PANEL
from courses.hooks import DASHBOARD_PANEL
from evaluation.reaction import access
from evaluation.reaction.models import ReactionQuestionnaire
from training.hooks import SESSION_LINK


class ReactionQuestionnaireViewSet(SnippetViewSet):
    """Editors word the questionnaire (French, and English) per module or for the whole programme.
    Only the questions are here: answers are never listed in the admin (they are anonymous)."""

    model = ReactionQuestionnaire
    icon = "help"
    menu_label = _("Reaction questionnaires")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["__str__", "active"]


register_snippet(ReactionQuestionnaireViewSet)

hooks.register(POST_TEST_PANEL, access.post_test_panel)
hooks.register(DASHBOARD_PANEL, access.dashboard_panel)
hooks.register(SESSION_LINK, access.session_links)
