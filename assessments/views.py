"""Views of the assessments app: thin, they parse the request, call one service or selector, render."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks

from assessments import access, selectors, services
from assessments.hooks import POST_TEST_PANEL, RESULT_PANEL
from assessments.models import Attempt, Test
from courses.models import CoursePage
from lms import parsing

MAX_SAVE_BYTES = 8 * 1024


def _course(test: Test) -> CoursePage:
    return CoursePage.objects.get(pk=test.course_id).localized


@require_http_methods(["GET", "POST"])
@login_required
def test_page(request: HttpRequest, test_id: int) -> HttpResponse:
    """The test: an introduction with a start button, or the open attempt as one plain form."""
    test = get_object_or_404(Test, pk=test_id)
    refusal = access.may_take_test(user=request.user, test=test, route=access.ONLINE)
    if refusal is not None and refusal.code in access.NOT_YET:
        messages.info(request, refusal.message)
        return redirect(_course(test).url)
    attempt = Attempt.objects.filter(user=request.user, test=test, status=Attempt.Status.OPEN).first()
    if request.method == "POST":
        if attempt is None and refusal is not None:
            messages.error(request, refusal.message)
            return redirect(_course(test).url)
        try:
            attempt, _created = services.attempt_start(user=request.user, test=test)
        except services.AttemptRefused as refused:
            messages.error(request, refused.message)
            return redirect(_course(test).url)
        return redirect("assessments:test", test_id=test.pk)
    if attempt is None:
        can_start = refusal is None
        return TemplateResponse(
            request,
            "assessments/test_intro.html",
            {
                "test": test,
                "course": _course(test),
                "finished": selectors.finished_attempts(user=request.user, test=test),
                "can_start": can_start,
                # Why not, when the trainee may not start (closed, no attempts left): said on the page.
                "refusal": refusal,
                # What "keep the audio too" would download with the test, for the download control.
                "audio_bytes": selectors.test_audio_bytes(test=test) if can_start else 0,
            },
        )
    questions = selectors.attempt_questions(attempt=attempt, language=get_language())
    return TemplateResponse(
        request,
        "assessments/test_page.html",
        {
            "test": test,
            "course": _course(test),
            "attempt": attempt,
            "questions": questions,
            "has_audio": any(q.clips or q.option_clips for q in questions),
            "submission_key": uuid.uuid4(),
            # Where the page's numbering of saves starts (services.SEQ_MAX explains the order).
            "seq": max((question.seq for question in questions), default=0),
        },
    )


@require_POST
@login_required
def attempt_submit(request: HttpRequest, attempt_id) -> HttpResponse:
    """Hand in the form's answers with its idempotency key, or "Save and continue later".

    Without JavaScript this is how answers arrive; with JavaScript they are already saved and the
    form's values repeat them (only those that differ are written: services.form_hand_in).
    """
    attempt = get_object_or_404(Attempt.objects.only("id", "status", "test_id"), pk=attempt_id, user=request.user)
    saving = "save" in request.POST and attempt.status == Attempt.Status.OPEN
    try:
        client_seq = int(request.POST.get("seq", ""))
    except ValueError:
        client_seq = None  # without JavaScript nothing numbered the answers
    try:
        key = uuid.UUID(request.POST.get("submission_key", ""))
    except ValueError:
        key = None
    try:
        result = services.form_hand_in(
            user=request.user,
            attempt_id=attempt.pk,
            data=request.POST,
            client_seq=client_seq,
            submission_key=key,
            submit=not saving,
            language=get_language(),
        )
    except services.AttemptRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("assessments:result", attempt_id=attempt.pk)
    if saving:
        messages.success(request, _("Your answers are saved. You can come back later to finish."))
        return redirect("assessments:test", test_id=attempt.test_id)
    if not result.replayed and result.attempt.flagged_late:
        messages.warning(
            request,
            _(
                "This test was closed before you handed in your answers. They are kept, but this attempt "
                "does not count: your trainer will look at it."
            ),
        )
    return redirect("assessments:result", attempt_id=attempt.pk)


@require_POST
def response_save(request: HttpRequest, attempt_id) -> HttpResponse:
    """Autosave of one answer: JSON {"question": id, "answer": …, "seq": n}; login and CSRF header.

    `{"saved": true}` only when this answer is the one stored; otherwise `{"saved": false, "kept":
    {"seq", "answer"}}`: a save numbered later (another page or phone, the test's form) is kept.
    """
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in to save your answers.")}, status=401)
    try:
        body = parsing.json_object(request, max_bytes=MAX_SAVE_BYTES)
        question_id, seq = parsing.json_int(body, "question"), parsing.json_int(body, "seq")
        answer = parsing.json_value(body, "answer")
    except parsing.BadRequestBody as refusal:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    try:
        stored = services.response_save(
            user=request.user, attempt_id=attempt_id, question_id=question_id, answer=answer, seq=seq
        )
    except services.AttemptRefused as refusal:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    if stored:
        return JsonResponse({"saved": True, "latest": True})
    kept = selectors.response_kept(attempt_id=attempt_id, question_id=question_id)
    return JsonResponse({"saved": False, "latest": False, "kept": kept})


@require_GET
@login_required
def attempt_result(request: HttpRequest, attempt_id) -> HttpResponse:
    attempt = get_object_or_404(Attempt.objects.select_related("test"), pk=attempt_id, user=request.user)
    if attempt.status == Attempt.Status.OPEN:
        return redirect("assessments:test", test_id=attempt.test_id)
    review = selectors.review_open(attempt=attempt)
    passed = (attempt.percent or 0) >= attempt.test.pass_mark
    comparison = selectors.pre_post_result(user=request.user, course_id=attempt.test.course_id, language=get_language())
    return TemplateResponse(
        request,
        "assessments/result.html",
        {
            "attempt": attempt,
            "test": attempt.test,
            "course": _course(attempt.test),
            "comparison": comparison,
            "review": selectors.attempt_questions(attempt=attempt, language=get_language(), with_review=True)
            if review
            else None,
            "passed": passed,
            "panels": [html for panel in hooks.get_hooks(RESULT_PANEL) if (html := panel(request, attempt))]
            if passed and attempt.test.kind == "post" and not attempt.flag
            else [],
            "post_test_panels": [
                html for panel in hooks.get_hooks(POST_TEST_PANEL) if (html := panel(request, attempt))
            ]
            if attempt.test.kind == "post"
            else [],
        },
    )
