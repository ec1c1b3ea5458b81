"""A trainer's sessions: list, create, edit, status; roster and accounts; the live page, the summary
and the programme dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks

from lms.http import file_response
from lms.models import StaffAccess
from lms.tables import TableError, read_table
from training import exports, paper, selectors, services
from training.forms import ParticipantAddForm, RosterUploadForm, SessionForm
from training.hooks import PROGRAMME_COUNTER, SESSION_LINK
from training.models import TrainingSession
from training.views.common import qr_response, session_or_404

LIVE_REFRESH_SECONDS = 20


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
    session = session_or_404(request, code, log=StaffAccess.What.SESSION_PAGE)
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
    session = session_or_404(request, code)
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
    session = session_or_404(request, code)
    status = request.POST.get("status", "")
    if status not in TrainingSession.Status.values:
        raise Http404
    services.session_status_set(session=session, status=status)
    return redirect("training:session", code=session.code)


@require_GET
@login_required
def join_qr(request: HttpRequest, code: str) -> HttpResponse:
    session = session_or_404(request, code)
    return qr_response(request.build_absolute_uri(reverse("training:join_code", args=[session.join_code])))


# --- Roster and accounts -------------------------------------------------------------------------


@require_POST
@login_required
def roster_upload(request: HttpRequest, code: str) -> HttpResponse:
    session = session_or_404(request, code, log=StaffAccess.What.ROSTER_IMPORT)
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
    session = session_or_404(request, code, log=StaffAccess.What.PARTICIPANT_ADD)
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
    session = session_or_404(request, code, log=StaffAccess.What.CREDENTIALS)
    credentials = services.credentials_issue(session=session)
    login_url = request.build_absolute_uri(reverse("account_login"))
    data = paper.credentials_pdf(session=session, credentials=credentials, login_url=login_url)
    return file_response(data, content_type="application/pdf", filename=f"{session.code}-accounts.pdf")


# --- The live page and the summary ------------------------------------------------------------


@require_GET
@login_required
def live_page(request: HttpRequest, code: str) -> HttpResponse:
    session = session_or_404(request, code, log=StaffAccess.What.LIVE)
    context = {"session": session, "rows": selectors.session_rows(session=session), "refresh": LIVE_REFRESH_SECONDS}
    return TemplateResponse(request, "training/live_page.html", context)


@require_GET
@login_required
def live_fragment(request: HttpRequest, code: str) -> HttpResponse:
    """The live table alone, for the page's polling (a few KB)."""
    session = session_or_404(request, code)
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
    session = session_or_404(request, code, log=StaffAccess.What.SUMMARY)
    context = {"session": session, "rows": selectors.session_rows(session=session), "days": session.days.count()}
    return TemplateResponse(request, "training/summary_page.html", context)


@require_GET
@login_required
def summary_export(request: HttpRequest, code: str, extension: str) -> HttpResponse:
    session = session_or_404(request, code, log=StaffAccess.What.SUMMARY_EXPORT)
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


# --- Programme dashboard ---------------------------------------------------------------------------


@require_GET
@login_required
def programme(request: HttpRequest) -> HttpResponse:
    from training import programme as figures

    user = request.user
    if selectors.is_administrator(user) or user.has_perm("lms.view_evaluation"):
        extra = [figure for counter in hooks.get_hooks(PROGRAMME_COUNTER) for figure in counter()]
        context = {"figures": figures.programme_figures(), "extra": extra, "regions": []}
        return TemplateResponse(request, "training/programme.html", context)
    # A coordinator sees the figures of the sessions held in their region(s); the programme's are not theirs.
    regions = selectors.coordinated_regions(user)
    if not regions:
        raise PermissionDenied
    context = {"figures": figures.programme_figures([region.pk for region in regions]), "extra": [], "regions": regions}
    return TemplateResponse(request, "training/programme.html", context)
