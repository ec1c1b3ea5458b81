"""Tests for the room: the trainer opens and closes them, prints the answer sheet and types up the
paper results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.http import file_response
from lms.models import StaffAccess
from training import selectors, services
from training.models import TestWindow
from training.views.common import session_or_404


@require_POST
@login_required
def test_window(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    session = session_or_404(request, code)
    if kind not in TestWindow.Kind.values:
        raise Http404
    services.test_window_set(session=session, kind=kind, open=request.POST.get("open") == "1")
    return redirect(reverse("training:session", args=[session.code]) + "#tests")


def _session_test_form(request: HttpRequest, code: str, test_id: int, *, log: str):
    """(session, test, form) from the URL and `?form=`: a test of the session's modules, else 404."""
    session = session_or_404(request, code, log=log)
    tests = {test.pk: test for test in selectors.session_tests(session=session)}
    if test_id not in tests:
        raise Http404
    label = request.GET.get("form", "").strip().upper()
    form = next((form for form in tests[test_id].forms.all() if form.label == label), None)
    if form is None:
        raise Http404
    return session, tests[test_id], form


@require_GET
@login_required
def answer_sheet(request: HttpRequest, code: str, test_id: int) -> HttpResponse:
    """The paper test's answer grid with this session's roster (assessments.paper)."""
    from assessments.paper import answer_sheet_pdf

    session, test, form = _session_test_form(request, code, test_id, log=StaffAccess.What.ANSWER_SHEET)
    label = form.label
    people = [(p.user.username, p.user.display_name) for p in selectors.participants(session=session)]
    data = answer_sheet_pdf(test=test, form_label=label, people=people, language=get_language())
    filename = f"{session.code}-{test.kind}{('-' + label) if label else ''}-answers.pdf"
    return file_response(data, content_type="application/pdf", filename=filename, attachment=False)


@require_http_methods(["GET", "POST"])
@login_required
def paper_results(request: HttpRequest, code: str, test_id: int) -> HttpResponse:
    """The trainer types a paper test's answers in a grid (participant × question), as the paper
    answer sheet reads, and they go through the same checks as `import_responses`: all or nothing."""
    from assessments.paper import form_questions
    from assessments.paper_import import import_paper_responses

    session, test, form = _session_test_form(request, code, test_id, log=StaffAccess.What.PAPER_RESULTS)
    label = form.label
    questions = form_questions(test=test, form=form)
    people = selectors.participants(session=session)
    done = selectors.submitted_user_ids(session=session, test=test)
    problems: list[tuple[str, str]] = []
    values: dict[str, str] = {}
    wrong: set[str] = set()
    if request.method == "POST":
        rows, names, typed = [], [], []
        for person in people:
            if person.user_id in done:
                continue
            row = {"username": person.user.username}
            for question in questions:
                key = f"cell-{person.user_id}-{question.reference}"
                values[key] = row[question.reference] = request.POST.get(key, "").strip()[:200]
            if any(row[question.reference] for question in questions):
                rows.append(row)
                names.append(person.user.display_name or person.user.username)
                typed.append(person.user_id)
        roster = {person.user_id for person in people}
        # The grid numbers its columns 1, 2, 3…: a message names the column so, not by the question's reference.
        shown = {question.reference: str(number) for number, question in enumerate(questions, start=1)}
        report = import_paper_responses(rows=rows, test=test, form_label=label, roster=roster, column_names=shown)
        if report.ok:
            message = ngettext(
                "%(count)d paper test recorded and scored.",
                "%(count)d paper tests recorded and scored.",
                report.created,
            )
            messages.success(request, message % {"count": report.created})
            return redirect(reverse("training:session", args=[session.code]) + "#paper")
        # Row 2 of the import is the first person typed in: name them instead of a row number.
        problems = [(names[row - 2] if 2 <= row < len(names) + 2 else "", message) for row, message in report.problems]
        wrong = {f"cell-{typed[row - 2]}-{column}" for row, column in report.cells if 2 <= row < len(typed) + 2}
    return TemplateResponse(
        request,
        "training/paper_results.html",
        {
            "session": session,
            "test": test,
            "form": form,
            "questions": questions,
            "grid": [
                {
                    "name": person.user.display_name or person.user.username,
                    "username": person.user.username,
                    "done": person.user_id in done,
                    "cells": [
                        (name, values.get(name, ""), name in wrong)
                        for name in (f"cell-{person.user_id}-{q.reference}" for q in questions)
                    ],
                }
                for person in people
            ],
            "problems": problems,
        },
    )
