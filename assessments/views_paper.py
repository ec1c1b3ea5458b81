"""Paper tests for trainers: the printable test form and the answer grid, as PDF downloads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from assessments import paper
from assessments.models import Test, TestForm
from lms.http import file_response

PERMISSION = "lms.manage_training_sessions"
BLANK_ROWS = 25


def _check_trainer(user) -> None:
    if not (user.is_staff or user.has_perm(PERMISSION)):
        raise PermissionDenied


def _form(request: HttpRequest, test: Test) -> TestForm:
    """The form named by ?form= (A, B); without it the single form, or A."""
    label = request.GET.get("form", "").strip().upper()
    forms = {form.label: form for form in test.forms.all()}
    if not label and "" not in forms and forms:
        label = min(forms)
    if label not in forms:
        raise Http404
    return forms[label]


def _pdf(data: bytes, *, test: Test, form: TestForm, name: str) -> HttpResponse:
    filename = f"{name}-{test.kind}-{test.pk}{('-' + form.label) if form.label else ''}.pdf"
    return file_response(data, content_type="application/pdf", filename=filename, attachment=False)


def _trainees(test: Test) -> list[tuple[str, str]]:
    """Who sits the test: the trainees enrolled in the module (sessions will narrow this to a room)."""
    from courses.models import Enrolment

    enrolments = (
        Enrolment.objects.filter(course_id=test.course_id)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("user")
    )
    people = [(enrolment.user.username, enrolment.user.display_name or "") for enrolment in enrolments]
    return sorted(people, key=lambda person: ((person[1] or person[0]).casefold(), person[0]))


@require_GET
@login_required
def paper_pdf(request: HttpRequest, test_id: int) -> HttpResponse:
    _check_trainer(request.user)
    test = get_object_or_404(Test, pk=test_id)
    form = _form(request, test)
    data = paper.test_form_pdf(test=test, form_label=form.label, language=get_language())
    return _pdf(data, test=test, form=form, name="test")


@require_GET
@login_required
def answer_sheet_pdf(request: HttpRequest, test_id: int) -> HttpResponse:
    _check_trainer(request.user)
    test = get_object_or_404(Test, pk=test_id)
    form = _form(request, test)
    # Security (issue 9): every enrolled trainee of the module is not every trainer's business; a
    # trainer prints the session's sheet (training:answer_sheet), which lists their own room. Here
    # only those who may see all enrolments (administrators) get names; others get blank rows.
    people = _trainees(test) if request.user.has_perm("courses.view_enrolment") else [("", "")] * BLANK_ROWS
    data = paper.answer_sheet_pdf(test=test, form_label=form.label, people=people, language=get_language())
    return _pdf(data, test=test, form=form, name="answers")
