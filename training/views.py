"""The trainer's pages, exports and endpoints, and the participant's join and check-in pages.

Every session-specific view finds its session through `_session` (selectors.session_for): a
session the user may not see is a 404, whatever the route.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks

from assessments.paper_import import TableError, read_table
from lms import ratelimit
from lms.access_log import staff_access_log
from lms.http import file_response
from lms.models import StaffAccess
from training import exports, paper, selectors, services
from training.forms import JoinForm, ParticipantAddForm, RosterUploadForm, SessionForm
from training.hooks import PROGRAMME_COUNTER, SESSION_LINK
from training.models import Attendance, SessionDay, TestWindow, TrainingSession

LIVE_REFRESH_SECONDS = 20


def _session(request: HttpRequest, code: str, *, log: str | None = None) -> TrainingSession:
    """The session the user may see (else 404); `log` records the staff access to its personal data."""
    try:
        session = selectors.session_for(user=request.user, code=code)
    except TrainingSession.DoesNotExist as missing:
        raise Http404 from missing
    if log:
        staff_access_log(user=request.user, what=log, subject=session.code)
    return session


def _day(session: TrainingSession, date: str) -> SessionDay:
    try:
        parsed = datetime.date.fromisoformat(date)
    except ValueError as error:
        raise Http404 from error
    return get_object_or_404(SessionDay, session=session, date=parsed)


def _qr(url: str) -> HttpResponse:
    response = HttpResponse(paper.qr_svg(url), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


# --- Sessions -----------------------------------------------------------------------------------


@require_GET
@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    if not selectors.can_run_sessions(request.user):
        raise PermissionDenied
    sessions = selectors.sessions_visible_to(user=request.user).select_related("prefecture")
    return TemplateResponse(request, "training/session_list.html", {"sessions": sessions})


@require_http_methods(["GET", "POST"])
@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    if not selectors.can_run_sessions(request.user):
        raise PermissionDenied
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        courses = data.pop("courses")
        try:
            session = services.session_create(created_by=request.user, courses=courses, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Session %(code)s created.") % {"code": session.code})
            return redirect("training:session", code=session.code)
    return TemplateResponse(request, "training/session_form.html", {"form": form})


@require_GET
@login_required
def session_page(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code, log=StaffAccess.What.SESSION_PAGE)
    rows = selectors.session_rows(session=session)
    context = {
        "session": session,
        "rows": rows,
        "days": list(session.days.all()),
        "windows": selectors.open_windows(session=session),
        "roster_form": RosterUploadForm(),
        "participant_form": ParticipantAddForm(),
        "join_url": request.build_absolute_uri(reverse("training:join_code", args=[session.join_code])),
        "statuses": TrainingSession.Status.choices,
        "tests": selectors.session_tests(session=session),
        "extra_links": [link for provider in hooks.get_hooks(SESSION_LINK) for link in provider(session)],
    }
    return TemplateResponse(request, "training/session_page.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def session_edit(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            session = services.session_update(session=session, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Session %(code)s saved.") % {"code": session.code})
            return redirect("training:session", code=session.code)
    return TemplateResponse(request, "training/session_form.html", {"form": form, "session": session})


@require_POST
@login_required
def session_status(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    status = request.POST.get("status", "")
    if status not in TrainingSession.Status.values:
        raise Http404
    services.session_status_set(session=session, status=status)
    return redirect("training:session", code=session.code)


@require_GET
@login_required
def join_qr(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    return _qr(request.build_absolute_uri(reverse("training:join_code", args=[session.join_code])))


# --- Roster and accounts -------------------------------------------------------------------------


@require_POST
@login_required
def roster_upload(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code, log=StaffAccess.What.ROSTER_IMPORT)
    form = RosterUploadForm(request.POST, request.FILES)
    problems: list[tuple[int, str]] = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = read_table(content=upload.read(), filename=upload.name, formulas_as_text=True)
        except TableError as error:
            problems = [(error.row, error.message)]
        else:
            report = services.roster_import(session=session, rows=rows, by=request.user)
            problems = report.problems
            if report.ok:
                messages.success(request, report.summary())
                return redirect(reverse("training:session", args=[session.code]) + "#accounts")
    context = {"session": session, "form": form, "problems": problems}
    return TemplateResponse(request, "training/roster_problems.html", context, status=400)


@require_POST
@login_required
def participant_add(request: HttpRequest, code: str) -> HttpResponse:
    """One participant typed in by the trainer: a name of their choice, no contact details needed."""
    session = _session(request, code, log=StaffAccess.What.PARTICIPANT_ADD)
    form = ParticipantAddForm(request.POST)
    if form.is_valid():
        report = services.roster_import(session=session, rows=[form.as_roster_row()], by=request.user)
        for _row, problem in report.problems:
            messages.error(request, problem)
        if report.ok:
            messages.success(request, report.summary())
    else:
        messages.error(request, _("Type the participant's name."))
    return redirect(reverse("training:session", args=[session.code]) + "#accounts")


@require_POST
@login_required
def credentials_sheet(request: HttpRequest, code: str) -> HttpResponse:
    """New one-time passwords for those who have not chosen theirs, printed at once (never stored)."""
    session = _session(request, code, log=StaffAccess.What.CREDENTIALS)
    credentials = services.credentials_issue(session=session)
    login_url = request.build_absolute_uri(reverse("account_login"))
    data = paper.credentials_pdf(session=session, credentials=credentials, login_url=login_url)
    return file_response(data, content_type="application/pdf", filename=f"{session.code}-accounts.pdf")


# --- Attendance ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def attendance_page(request: HttpRequest, code: str, date: str) -> HttpResponse:
    session = _session(request, code, log=StaffAccess.What.ATTENDANCE)
    day = _day(session, date)
    if request.method == "POST":
        marks = {}
        if "all_present" in request.POST:
            services.attendance_mark_all_present(day=day)
        else:
            if "mark" in request.POST:  # one tap: "<participant id>:<status>"
                pid, _sep, status = request.POST["mark"].partition(":")
                marks = {pid: status}
            else:  # the paper sheet's marks, one select per person
                marks = {key[7:]: value for key, value in request.POST.items() if key.startswith("status-") and value}
            try:
                cleaned = {int(pid): status for pid, status in marks.items()}
                services.attendance_mark(day=day, marks=cleaned)
            except (ValueError, ValidationError) as error:
                raise Http404 from error
        if request.headers.get("X-Requested-With") == "fetch":
            return HttpResponse(status=204)
        anchor = f"#p{next(iter(marks))}" if len(marks) == 1 else ""
        query = f"?q={request.GET['q']}" if request.GET.get("q") else ""
        return redirect(reverse("training:attendance", args=[session.code, date]) + query + anchor)
    query = request.GET.get("q", "").strip()
    people = selectors.participants(session=session)
    if query:
        folded = query.casefold()
        people = [p for p in people if folded in (p.user.display_name or p.user.username).casefold()]
    marks = selectors.day_attendance(day=day)
    context = {
        "session": session,
        "day": day,
        "people": [(person, marks.get(person.pk, "")) for person in people],
        "statuses": Attendance.Status.choices,
        "query": query,
        "paper": request.GET.get("paper") == "1",
        "checkin_open": day.checkin_open_until is not None and day.checkin_open_until > timezone.now(),
        "checkin_url": request.build_absolute_uri(reverse("training:checkin", args=[day.checkin_token]))
        if day.checkin_token
        else "",
        "is_today": day.date == timezone.localdate(),
    }
    return TemplateResponse(request, "training/attendance_page.html", context)


@require_POST
@login_required
def checkin_switch(request: HttpRequest, code: str, date: str) -> HttpResponse:
    session = _session(request, code)
    day = _day(session, date)
    if request.POST.get("open") == "1":
        services.checkin_open(day=day)
    else:
        services.checkin_close(day=day)
    return redirect(reverse("training:attendance", args=[session.code, date]) + "#checkin")


@require_GET
@login_required
def checkin_qr(request: HttpRequest, code: str, date: str) -> HttpResponse:
    session = _session(request, code)
    day = _day(session, date)
    if not day.checkin_token:
        raise Http404
    return _qr(request.build_absolute_uri(reverse("training:checkin", args=[day.checkin_token])))


@require_GET
@login_required
def sign_in_sheet(request: HttpRequest, code: str, date: str) -> HttpResponse:
    session = _session(request, code, log=StaffAccess.What.SIGN_IN_SHEET)
    day = _day(session, date)
    people = [
        (p.user.display_name or p.user.username, p.user.username) for p in selectors.participants(session=session)
    ]
    data = paper.sign_in_sheet_pdf(session=session, day=day, people=people)
    return file_response(data, content_type="application/pdf", filename=f"{session.code}-{day.date}-sign-in.pdf")


@require_http_methods(["GET", "POST"])
@login_required
def checkin(request: HttpRequest, token: str) -> HttpResponse:
    """A participant scanned the day's QR code: one button to say "I am here"."""
    day = selectors.checkin_day(token=token, today=timezone.localdate(), now=timezone.now())
    if day is None or selectors.participant_of(session=day.session, user=request.user) is None:
        raise Http404
    if request.method == "POST":
        try:
            services.checkin_record(day=day, user=request.user)
        except services.SessionRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Your presence is recorded. Welcome!"))
        return redirect("courses:dashboard")
    return TemplateResponse(request, "training/checkin.html", {"day": day, "session": day.session})


# --- Tests for the room, the live page and the summary -------------------------------------------


@require_POST
@login_required
def test_window(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    session = _session(request, code)
    if kind not in TestWindow.Kind.values:
        raise Http404
    services.test_window_set(session=session, kind=kind, open=request.POST.get("open") == "1")
    return redirect(reverse("training:session", args=[session.code]) + "#tests")


def _session_test_form(request: HttpRequest, code: str, test_id: int, *, log: str):
    """(session, test, form) from the URL and `?form=`: a test of the session's modules, else 404."""
    session = _session(request, code, log=log)
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
    if request.method == "POST":
        rows, names = [], []
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
        roster = {person.user_id for person in people}
        report = import_paper_responses(rows=rows, test=test, form_label=label, roster=roster)
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
                        (f"cell-{person.user_id}-{q.reference}", values.get(f"cell-{person.user_id}-{q.reference}", ""))
                        for q in questions
                    ],
                }
                for person in people
            ],
            "problems": problems,
        },
    )


@require_GET
@login_required
def live_page(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code, log=StaffAccess.What.LIVE)
    context = {"session": session, "rows": selectors.session_rows(session=session), "refresh": LIVE_REFRESH_SECONDS}
    return TemplateResponse(request, "training/live_page.html", context)


@require_GET
@login_required
def live_fragment(request: HttpRequest, code: str) -> HttpResponse:
    """The live table alone, for the page's polling (a few KB)."""
    session = _session(request, code)
    response = TemplateResponse(
        request,
        "training/includes/live_table.html",
        {"session": session, "rows": selectors.session_rows(session=session)},
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def summary_page(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code, log=StaffAccess.What.SUMMARY)
    context = {"session": session, "rows": selectors.session_rows(session=session), "days": session.days.count()}
    return TemplateResponse(request, "training/summary_page.html", context)


@require_GET
@login_required
def summary_export(request: HttpRequest, code: str, extension: str) -> HttpResponse:
    session = _session(request, code, log=StaffAccess.What.SUMMARY_EXPORT)
    if extension not in ("csv", "xlsx"):
        raise Http404
    table = exports.summary_table(session=session, rows=selectors.session_rows(session=session))
    if extension == "xlsx":
        data = exports.to_xlsx(table)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data = exports.to_csv(table)
        content_type = "text/csv; charset=utf-8"
    return file_response(data, content_type=content_type, filename=f"{session.code}-summary.{extension}")


# --- Self-enrolment --------------------------------------------------------------------------------

# Codes typed per account in JOIN_CODE_PERIOD seconds; per client address it is settings.JOIN_CODE_RATE
# (higher: a room of trainees shares the venue's address).
JOIN_CODE_ATTEMPTS_PER_ACCOUNT = 10
JOIN_CODE_PERIOD = 600


def _too_many_join_attempts(request: HttpRequest) -> bool:
    by_address = ratelimit.exceeded(
        scope="training:join:ip",
        subject=ratelimit.client_ip(request),
        limit=settings.JOIN_CODE_RATE,
        period=JOIN_CODE_PERIOD,
    )
    by_account = ratelimit.exceeded(
        scope="training:join:user",
        subject=str(request.user.pk),
        limit=JOIN_CODE_ATTEMPTS_PER_ACCOUNT,
        period=JOIN_CODE_PERIOD,
    )
    return by_address or by_account


@require_http_methods(["GET", "POST"])
@login_required
def join(request: HttpRequest, join_code: str = "") -> HttpResponse:
    form = JoinForm(request.POST or None, initial={"code": join_code})
    if request.method == "POST" and form.is_valid():
        if _too_many_join_attempts(request):
            form.add_error("code", _("Too many tries. Wait a few minutes, then type the code again."))
            return TemplateResponse(request, "training/join.html", {"form": form}, status=429)
        session = selectors.session_by_join_code(join_code=form.cleaned_data["code"])
        if session is None:
            form.add_error("code", _("No open session has this code."))
        else:
            try:
                services.participant_add(session=session, user=request.user, source="join_code", check_capacity=True)
            except services.SessionRefused as refusal:
                form.add_error("code", refusal.message)
            else:
                messages.success(request, _("You have joined the session %(title)s.") % {"title": session.title})
                return redirect("courses:dashboard")
    return TemplateResponse(request, "training/join.html", {"form": form})


# --- Programme dashboard ---------------------------------------------------------------------------


@require_GET
@login_required
def programme(request: HttpRequest) -> HttpResponse:
    from training import programme as figures

    user = request.user
    if not (selectors.is_administrator(user) or user.has_perm("lms.view_evaluation")):
        raise PermissionDenied
    extra = [figure for counter in hooks.get_hooks(PROGRAMME_COUNTER) for figure in counter()]
    return TemplateResponse(
        request, "training/programme.html", {"figures": figures.programme_figures(), "extra": extra}
    )
