"""What every view of a session shares: the session the user may see, one of its days, a QR code."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from lms.access_log import staff_access_log
from training import paper, selectors
from training.models import SessionDay, TrainingSession


def session_or_404(request: HttpRequest, code: str, *, log: str | None = None) -> TrainingSession:
    """The session the user may see (else 404); `log` records the staff access to its personal data."""
    try:
        session = selectors.session_for(user=request.user, code=code)
    except TrainingSession.DoesNotExist as missing:
        raise Http404 from missing
    if log:
        staff_access_log(user=request.user, what=log, subject=session.code)
    return session


def day_or_404(session: TrainingSession, date: str) -> SessionDay:
    try:
        parsed = datetime.date.fromisoformat(date)
    except ValueError as error:
        raise Http404 from error
    return get_object_or_404(SessionDay, session=session, date=parsed)


def qr_response(url: str) -> HttpResponse:
    response = HttpResponse(paper.qr_svg(url), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response
