"""Events (organisers), webinar registration (anyone), outreach logs (ambassadors), their review
(coordinators) and the programme dashboard (administrators and evaluators).

Every check is explicit at the top of each view: a wrong role is 403; an object outside the user's
scope (selectors.event_for / log_for) is 404, whatever the route.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import dashboard, exports, selectors, services
from events.forms import AttendanceImportForm, CountGridForm, EventForm, OutreachLogForm, RegistrationForm, ReviewForm
from events.models import Event, OutreachLog
from lms import ratelimit
from lms.http import file_response
from lms.tables import TableError

REGISTRATIONS_PER_HOUR = 20  # per address: a room sharing one connection still registers


def _event(request: HttpRequest, pk: int) -> Event:
    if not selectors.can_manage_events(request.user):
        raise PermissionDenied
    try:
        return selectors.event_for(user=request.user, pk=pk)
    except Event.DoesNotExist as missing:
        raise Http404 from missing


def _log(request: HttpRequest, pk: int) -> OutreachLog:
    user = request.user
    if not (selectors.can_log_outreach(user) or selectors.can_review_outreach(user)):
        raise PermissionDenied
    try:
        return selectors.log_for(user=user, pk=pk)
    except OutreachLog.DoesNotExist as missing:
        raise Http404 from missing


# --- Events (organisers) ---------------------------------------------------------------------------


@require_GET
@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    if not selectors.can_manage_events(request.user):
        raise PermissionDenied
    return TemplateResponse(request, "events/event_list.html", {"events": selectors.event_list(user=request.user)})


@require_http_methods(["GET", "POST"])
@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    if not selectors.can_manage_events(request.user):
        raise PermissionDenied
    return _event_form(request, Event())


@require_http_methods(["GET", "POST"])
@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_form(request, _event(request, pk))


def _event_form(request: HttpRequest, event: Event) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        try:
            event = services.event_save(
                event=event, documents=list(form.cleaned_data["documents"]), created_by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event is saved."))
            return redirect("events:event", pk=event.pk)
    return TemplateResponse(request, "events/event_form.html", {"form": form, "event": event if event.pk else None})


@require_GET
@login_required
def event_page(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    counts = selectors.event_counts(event=event)
    context = {
        "event": event,
        "registrants": selectors.registrants(event=event),
        "counted": sum(counts.values()),
        "import_form": AttendanceImportForm(),
        "registration_url": request.build_absolute_uri(reverse("events:register", args=[event.pk])),
    }
    return TemplateResponse(request, "events/event_page.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def event_counts(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = CountGridForm(request.POST or None, initial_grid=selectors.event_counts(event=event))
    if request.method == "POST" and form.is_valid():
        try:
            total = services.event_counts_set(event=event, grid=form.grid())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Counts saved: %(total)s people.") % {"total": total})
            return redirect("events:event", pk=event.pk)
    return TemplateResponse(request, "events/event_counts.html", {"event": event, "form": form})


@require_POST
@login_required
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    attended = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
    count = services.attendance_set(event=event, attended_ids=attended)
    messages.success(
        request, ngettext("%(count)s person attended.", "%(count)s people attended.", count) % {"count": count}
    )
    return redirect("events:event", pk=event.pk)


@require_POST
@login_required
def attendance_import(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = AttendanceImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.attendance_import(event=event, content=upload.read(), filename=upload.name)
        except TableError as problem:
            messages.error(
                request,
                _("Nothing was imported. Row %(row)s: %(problem)s") % {"row": problem.row, "problem": problem.message},
            )
        else:
            messages.success(
                request,
                ngettext("Attendance imported: %(count)s person.", "Attendance imported: %(count)s people.", count)
                % {"count": count},
            )
    else:
        messages.error(request, " ".join(form.errors.get("file", [])))
    return redirect("events:event", pk=event.pk)


# --- Registration (anyone, any country) ------------------------------------------------------------


def _too_many_registrations(request: HttpRequest) -> bool:
    return ratelimit.exceeded(
        scope="events:register", subject=ratelimit.client_ip(request), limit=REGISTRATIONS_PER_HOUR, period=3600
    )


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        event = selectors.event_open_for_registration(pk=pk)
    except Event.DoesNotExist as missing:
        raise Http404 from missing
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        if _too_many_registrations(request):
            return TemplateResponse(request, "events/register_later.html", {"event": event}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            services.registrant_add(
                event=event,
                name=data["name"],
                organisation=data["organisation"],
                country=data["country"],
                email=data["email"],
                user=request.user if request.user.is_authenticated else None,
            )
            # The same page for a new and a repeated registration: it reveals no one's presence.
            return TemplateResponse(request, "events/registered.html", {"event": event})
    return TemplateResponse(request, "events/register.html", {"event": event, "form": form})


# --- Outreach logs (ambassadors) and their review (coordinators) ----------------------------------


@require_GET
@login_required
def outreach_list(request: HttpRequest) -> HttpResponse:
    if not selectors.can_log_outreach(request.user):
        raise PermissionDenied
    return TemplateResponse(request, "events/outreach_list.html", {"logs": selectors.own_logs(user=request.user)})


@require_http_methods(["GET", "POST"])
@login_required
def outreach_create(request: HttpRequest) -> HttpResponse:
    if not selectors.can_log_outreach(request.user):
        raise PermissionDenied
    form = OutreachLogForm(request.POST or None, initial={"prefecture": request.user.prefecture_id})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            log = services.outreach_log_create(
                ambassador=request.user,
                date=data["date"],
                prefecture=data["prefecture"],
                locality=data["locality"],
                topics=data["topics"],
                materials=data["materials"],
                referrals=data["referrals"] or 0,
                note=data["note"],
                grid=form.grid(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your dialogue is logged and waits for review."))
            return redirect("outreach:log", pk=log.pk)
    return TemplateResponse(request, "events/outreach_form.html", {"form": form})


@require_GET
@login_required
def outreach_log(request: HttpRequest, pk: int) -> HttpResponse:
    log = _log(request, pk)
    can_review = selectors.can_review_outreach(request.user) and log.ambassador_id != request.user.pk
    context = {
        "log": log,
        "rows": _count_rows(log),
        "topics": [str(label) for value, label in OutreachLog.Topic.choices if value in log.topics],
        "materials": [str(label) for value, label in OutreachLog.Material.choices if value in log.materials],
        "reached": sum(cell.count for cell in log.counts.all()),
        "review_form": ReviewForm() if can_review else None,
    }
    return TemplateResponse(request, "events/outreach_log.html", context)


def _count_rows(log: OutreachLog) -> list[tuple[str, str, str, int]]:
    return [
        (cell.get_audience_display(), cell.get_age_band_display(), cell.get_sex_display(), cell.count)
        for cell in log.counts.all()
    ]


@require_POST
@login_required
def outreach_review(request: HttpRequest, pk: int) -> HttpResponse:
    if not selectors.can_review_outreach(request.user):
        raise PermissionDenied
    log = _log(request, pk)
    if log.ambassador_id == request.user.pk and not selectors.is_administrator(request.user):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.outreach_log_review(
                log=log, reviewer=request.user, status=form.cleaned_data["status"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("outreach:log", pk=log.pk)
        messages.success(request, _("Review saved."))
        return redirect("outreach:review")
    messages.error(request, _("Choose validate, flag or reject."))
    return redirect("outreach:log", pk=log.pk)


@require_GET
@login_required
def outreach_review_list(request: HttpRequest) -> HttpResponse:
    if not selectors.can_review_outreach(request.user):
        raise PermissionDenied
    status = request.GET.get("status", OutreachLog.Status.SUBMITTED)
    if status not in OutreachLog.Status.values:
        status = OutreachLog.Status.SUBMITTED
    context = {
        "logs": selectors.logs_to_review(user=request.user, status=status),
        "status": status,
        "statuses": OutreachLog.Status.choices,
        "activity": selectors.region_activity(user=request.user),
    }
    return TemplateResponse(request, "events/outreach_review.html", context)


# --- Programme dashboard (administrators and evaluators; coordinators see their regions) ------------


@require_GET
@login_required
def programme(request: HttpRequest) -> HttpResponse:
    from training.selectors import coordinated_regions

    regions = [] if selectors.can_view_programme(request.user) else coordinated_regions(request.user)
    if not (regions or selectors.can_view_programme(request.user)):
        raise PermissionDenied
    from wagtail import hooks

    from training.hooks import PROGRAMME_COUNTER

    if regions:
        figures = dashboard.region_dashboard(regions)
    else:
        figures = dashboard.programme_dashboard()
        # Other apps' totals (certificates issued); ours are already in the table.
        figures.extra = [
            figure
            for counter in hooks.get_hooks(PROGRAMME_COUNTER)
            if counter is not dashboard.programme_counters
            for figure in counter()
        ]
    context = {"dashboard": figures, "regions": regions}
    if not regions:
        from events.beneficiaries import beneficiaries_by_sex_and_age

        context["by_sex_and_age"] = beneficiaries_by_sex_and_age()
    return TemplateResponse(request, "events/programme.html", context)


@require_GET
@login_required
def programme_export(request: HttpRequest) -> HttpResponse:
    if not selectors.can_view_programme(request.user):
        raise PermissionDenied
    data = exports.dashboard_workbook(dashboard.programme_dashboard())
    return file_response(
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="programme-indicators.xlsx",
    )
