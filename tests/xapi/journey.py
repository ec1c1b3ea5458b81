"""One trainee's learning events, each through the service that records it in the platform."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tests.factories import (
    ParticipantFactory,
    SessionDayFactory,
    TrainingSessionFactory,
    UserFactory,
    certificate_setup,
    h5p_package,
    take_test,
    translate_course,
)


@dataclass
class Journey:
    user: object
    enrolment: object
    post: object
    certificate: object | None = None


def learner(**fields):
    user = UserFactory(display_name="Aïssatou Ɓah", **fields)
    user.email = f"{user.username}@example.org"
    user.save(update_fields=["email"])
    return user


def first_steps() -> Journey:
    """Enrolled, pre-test taken (started, submitted), every lesson completed (certificate_setup),
    the module translated into English."""
    user, enrolment, post, _rule = certificate_setup(name="Aïssatou Ɓah")
    course = enrolment.course
    translate_course(course, list(course.get_children().specific()))
    return Journey(user=user, enrolment=enrolment, post=post)


def h5p_answered(journey: Journey) -> None:
    from courses.models import H5PResult

    lesson = journey.enrolment.course.get_children().specific().first()
    package = h5p_package()
    H5PResult(
        user=journey.user,
        lesson=lesson,
        activity_id="act-1",
        package=package,
        statement_id=uuid.uuid4(),
        verb="answered",
        raw=1,
        max=1,
        scaled=1.0,
        success=True,
    ).save()


def attended(journey: Journey) -> None:
    from training import services

    session = TrainingSessionFactory(courses=[journey.enrolment.course])
    participant = ParticipantFactory(session=session, user=journey.user)
    day = SessionDayFactory(session=session)
    services.attendance_mark(day=day, marks={participant.pk: "present"})


def certified(journey: Journey) -> None:
    """Post-test passed, certificate issued."""
    from certificates import services

    take_test(user=journey.user, test=journey.post)
    journey.certificate = services.certificate_evaluate(enrolment_id=journey.enrolment.pk).certificate


def revoked(journey: Journey) -> None:
    from certificates import services

    services.certificate_revoke(certificate_id=journey.certificate.pk, reason="Erreur de saisie")


def everything() -> Journey:
    journey = first_steps()
    h5p_answered(journey)
    attended(journey)
    certified(journey)
    revoked(journey)
    return journey
