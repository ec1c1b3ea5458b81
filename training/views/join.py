"""Self-enrolment: a participant types (or scans) a session's join code."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms import ratelimit
from training import selectors, services
from training.forms import JoinForm

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
