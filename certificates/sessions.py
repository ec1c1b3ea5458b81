"""Certificates meet training sessions (the `training` app, one layer down).

Registered in CertificatesConfig.ready(): the trainee's attendance feeds the rules, the session's
place and dates go on the PDF, an attendance change re-evaluates the people it touched; and the
session's enrolments serve `issue_certificates --session` and the trainer's zip of certificates.
"""

from __future__ import annotations

import io
import zipfile

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from certificates.models import Certificate, Kind
from courses.models import Enrolment
from training.models import Participant, TrainingSession
from training.programme import suppressed
from training.selectors import participation_for


def session_details(*, enrolment) -> str | None:
    """'Kankan, 3 mars 2026 – 5 mars 2026' for the session through which `enrolment` came, if any."""
    participant = participation_for(user_id=enrolment.user_id, course_page_id=enrolment.course_id)
    if participant is None:
        return None
    session = participant.session
    start, end = (formats.date_format(day, "DATE_FORMAT") for day in (session.start_date, session.end_date))
    dates = start if start == end else f"{start} – {end}"
    return f"{session.venue or session.prefecture.name}, {dates}"


def on_attendance(session_id: int, user_ids: list[int]) -> None:
    """training.hooks.ATTENDANCE_LISTENER: re-evaluate these participants in the session's modules."""
    from certificates import services

    course_ids = list(
        TrainingSession.courses.through.objects.filter(trainingsession_id=session_id).values_list(
            "coursepage_id", flat=True
        )
    )
    services.enrolments_changed(user_ids=user_ids, course_page_ids=course_ids)


def session_enrolments(*, session: TrainingSession) -> QuerySet:
    """The enrolments of the session's participants in the session's modules."""
    return Enrolment.objects.filter(
        user_id__in=Participant.objects.filter(session=session).values("user_id"),
        course_id__in=session.courses.values("pk"),
    )


def session_certificates_zip(*, session: TrainingSession) -> tuple[bytes, int]:
    """A zip of the session's current certificates (the frozen PDFs as stored) and how many."""
    certificates = (
        Certificate.objects.filter(enrolment__in=session_enrolments(session=session))
        .exclude(status=Certificate.Status.SUPERSEDED)
        .exclude(pdf="")
        .select_related("enrolment__user")
        .order_by("enrolment__user__username", "kind")
    )
    buffer = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            with certificate.pdf.open("rb") as pdf:
                archive.writestr(f"{certificate.enrolment.user.username}-{certificate.code}.pdf", pdf.read())
            count += 1
    return buffer.getvalue(), count


def session_links(session: TrainingSession) -> list[tuple[str, str]]:
    """training.hooks.SESSION_LINK: the zip of the session's certificates."""
    return [(_("Certificates (zip)"), reverse("certificates:session_zip", args=[session.code]))]


def programme_counters() -> list[tuple[str, int | None]]:
    """training.hooks.PROGRAMME_COUNTER: certificates in force, by kind (one query); a count of 1 to 4
    is None ("fewer than 5"), as for every count of people on the programme pages."""
    counts = dict(
        Certificate.objects.filter(status=Certificate.Status.VALID)
        .values_list("kind")
        .annotate(count=Count("pk"))
        .values_list("kind", "count")
    )
    return [(str(label), suppressed(counts.get(kind, 0))) for kind, label in Kind.choices]
