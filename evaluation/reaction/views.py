"""The reaction questionnaire's pages: the trainee's form, and the summaries per session.

The form: a trainee who handed in a module's post-test answers once (a second visit thanks them).
The summaries: evaluators (lms.view_evaluation) see every session and the open answers, masked;
trainers see the sessions they may see (training.selectors.sessions_visible_to), figures only.
Every staff look is logged. No view shows a name next to an answer: the answers have none.
"""

from __future__ import annotations

import contextlib

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from evaluation.reaction import selectors, services
from evaluation.reaction.forms import ReactionForm
from lms.access_log import staff_access_log
from lms.models import StaffAccess

PERMISSION = "lms.view_evaluation"
SUBJECT = "reaction"


@require_http_methods(["GET", "POST"])
@login_required
def answer_page(request: HttpRequest, course_id: int) -> HttpResponse:
    from courses.models import CoursePage
    from courses.selectors import localized

    source = get_object_or_404(CoursePage, pk=course_id)
    course = localized([source], CoursePage)[source.pk]
    context = {"course": course}
    if selectors.has_answered(user=request.user, course_id=course_id):
        return TemplateResponse(request, "evaluation/reaction/thanks.html", context)
    questionnaire = selectors.questionnaire_to_answer(user=request.user, course_id=course_id)
    if questionnaire is None:
        raise Http404
    form = ReactionForm(request.POST or None, questionnaire=questionnaire, language=get_language())
    if request.method == "POST" and form.is_valid():
        # Answered meanwhile (a double tap, a second tab): the thanks page says so.
        with contextlib.suppress(services.ReactionRefused):
            services.reaction_submit(
                user=request.user, course_id=course_id, ratings=form.ratings(), comment=form.cleaned_data["comment"]
            )
        return redirect("evaluation:reaction", course_id=course_id)
    context.update(form=form, intro=questionnaire.intro_in(get_language()))
    return TemplateResponse(request, "evaluation/reaction/answer.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
def summary_page(request: HttpRequest) -> HttpResponse:
    from training.selectors import sessions_visible_to

    evaluator = request.user.has_perm(PERMISSION)
    visible = None if evaluator else sessions_visible_to(user=request.user)
    if visible is not None and not visible.exists():
        raise PermissionDenied
    code = (request.GET.get("session") or "").strip().upper()
    sessions = visible
    if code:
        from training.models import TrainingSession

        scope = TrainingSession.objects.all() if visible is None else visible
        sessions = scope.filter(code=code)
        if not sessions.exists():
            raise Http404
    staff_access_log(
        user=request.user,
        what=StaffAccess.What.EVALUATION_PAGE,
        subject=SUBJECT,
        filters={"session": code} if code else {},
    )
    reactions = selectors.session_reactions(
        sessions=sessions, with_comments=evaluator, outside_sessions=evaluator and not code
    )
    context = {"reactions": reactions, "evaluator": evaluator, "code": code, "min_group": selectors.MIN_GROUP}
    return TemplateResponse(request, "evaluation/reaction/summary.html", context)
