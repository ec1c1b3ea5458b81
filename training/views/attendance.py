"""A session day's attendance: the trainer's register, the check-in switch and QR code, the paper
sign-in sheet, and the participant's check-in page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms import text
from lms.http import file_response
from lms.models import StaffAccess
from training import paper, selectors, services
from training.models import Attendance
from training.views.common import day_or_404, qr_response, session_or_404


@require_http_methods(["GET", "POST"])
@login_required
def attendance_page(request: HttpRequest, code: str, date: str) -> HttpResponse:
    session = session_or_404(request, code, log=StaffAccess.What.ATTENDANCE)
    day = day_or_404(session, date)
    if request.method == "POST":
        marks: dict[str, str] = {}
        if "all_present" in request.POST:
            services.attendance_mark_all_present(day=day)
        else:
            if "mark" in request.POST:  # one tap: "<participant id>:<status>"
                pid, _sep, status = request.POST["mark"].partition(":")
                marks = {pid: status}
            else:  # the paper sheet's marks, one select per person
                marks = {
                    key[7:]: str(value) for key, value in request.POST.items() if key.startswith("status-") and value
                }
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
        people = [p for p in people if text.matches(query, p.user.display_name, p.user.username)]
    day_marks = selectors.day_attendance(day=day)
    context = {
        "session": session,
        "day": day,
        "people": [(person, day_marks.get(person.pk, "")) for person in people],
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
    session = session_or_404(request, code)
    day = day_or_404(session, date)
    if request.POST.get("open") == "1":
        services.checkin_open(day=day)
    else:
        services.checkin_close(day=day)
    return redirect(reverse("training:attendance", args=[session.code, date]) + "#checkin")


@require_GET
@login_required
def checkin_qr(request: HttpRequest, code: str, date: str) -> HttpResponse:
    session = session_or_404(request, code)
    day = day_or_404(session, date)
    if not day.checkin_token:
        raise Http404
    return qr_response(request.build_absolute_uri(reverse("training:checkin", args=[day.checkin_token])))


@require_GET
@login_required
def sign_in_sheet(request: HttpRequest, code: str, date: str) -> HttpResponse:
    session = session_or_404(request, code, log=StaffAccess.What.SIGN_IN_SHEET)
    day = day_or_404(session, date)
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
