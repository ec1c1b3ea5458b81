"""Demo session DEMO1: blended, in Kankan, run by the demo trainer, with a roster of 12, two days of
attendance and pre/post results, a coordinator for the Kankan region and the programme's targets.

Idempotent: the session is found by its code; nothing is created twice.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from assessments.demo import submit_demo_attempt
from assessments.models import Attempt, Test
from courses.models import CoursePage
from lms.models import AdministrativeRegion, Audience, Prefecture, User
from training import services
from training.models import Attendance, Coordinator, ProgrammeTarget, SessionDay, TrainingSession

CODE = "DEMO1"
MODULE = "securite-humaine"
PARTICIPANTS = [
    ("Mamadou Condé", Audience.POLICE),
    ("Aïssatou Barry", Audience.CIVIL_SOCIETY),
    ("Ibrahima Kaba", Audience.RELIGIOUS_LEADER),
    ("Fanta Kourouma", Audience.LOCAL_AUTHORITY),
    ("Moussa Traoré", Audience.RETURNED_MIGRANT),
    ("Nènè Sow", Audience.CIVIL_SOCIETY),
    ("Sékou Doumbouya", Audience.POLICE),
    ("Hawa Cissé", Audience.CIVIL_SOCIETY),
    ("Lansana Kouyaté", Audience.RELIGIOUS_LEADER),
    ("Djénabou Bah", Audience.LOCAL_AUTHORITY),
    ("Oumar Sylla", Audience.CIVIL_SOCIETY),
]
# The sex and age band each demo participant declared (in PARTICIPANTS' order); two did not say.
DECLARED = [
    {"sex": sex, "age_band": age}
    for sex, age in [
        ("male", "18_35"),
        ("female", "18_35"),
        ("male", "over_35"),
        ("female", "over_35"),
        ("male", "18_35"),
        ("female", ""),
        ("male", "over_35"),
        ("female", "18_35"),
        ("", "over_35"),
        ("female", "18_35"),
        ("male", "under_18"),
    ]
]
TARGETS = {
    ProgrammeTarget.Measure.PARTICIPANTS: 100,
    ProgrammeTarget.Measure.BENEFICIARIES: 340,
    ProgrammeTarget.Measure.REGIONS: 4,
}


def _answer_all(*, user, test: Test, right_every: int) -> None:
    if not Attempt.objects.filter(user=user, test=test).exclude(status=Attempt.Status.OPEN).exists():
        submit_demo_attempt(user=user, test=test, right_every=right_every)


@transaction.atomic
def seed_session() -> TrainingSession | None:
    trainer = User.objects.filter(username="formateur").first()
    course = CoursePage.objects.filter(slug=MODULE, locale__language_code="fr").first()
    kankan = Prefecture.objects.filter(code="kankan").first()
    if trainer is None or course is None or kankan is None:
        return None
    session = TrainingSession.objects.filter(code=CODE).first()
    if session is None:
        today = timezone.localdate()
        session = services.session_create(
            created_by=trainer,
            courses=[course],
            code=CODE,
            title="Sécurité humaine et protection — Kankan",
            mode=TrainingSession.Mode.BLENDED,
            prefecture=kankan,
            venue="Maison des jeunes",
            start_date=today - datetime.timedelta(days=1),
            end_date=today + datetime.timedelta(days=1),
            daily_schedule="9:00–16:00",
            capacity=30,
        )
        services.session_status_set(session=session, status=TrainingSession.Status.OPEN)
    people = [User.objects.filter(username="apprenant").first()]
    for number, (name, audience) in enumerate(PARTICIPANTS, start=1):
        user, created = User.objects.get_or_create(
            username=f"demo.participant{number:02d}",
            defaults={"display_name": name, "audience": audience, "prefecture": kankan, **DECLARED[number - 1]},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        people.append(user)
    for user in people:
        if user is not None:
            services.participant_add(session=session, user=user, source="demo")
    participants = list(session.participants.order_by("pk"))
    for index, day in enumerate(SessionDay.objects.filter(session=session).order_by("date")[:2]):
        if Attendance.objects.filter(day=day).exists():
            continue
        statuses = [Attendance.Status.PRESENT] * 9 + [Attendance.Status.LATE, Attendance.Status.EXCUSED]
        statuses.append(Attendance.Status.ABSENT if index else Attendance.Status.PRESENT)
        marks = {p.pk: statuses[number % len(statuses)] for number, p in enumerate(participants)}
        services.attendance_mark(day=day, marks=marks)
    tests = {test.kind: test for test in Test.objects.filter(course=course)}
    for user in people:
        if user is None:
            continue
        if "pre" in tests:
            _answer_all(user=user, test=tests["pre"], right_every=3)
        if "post" in tests and user.username != "apprenant":
            _answer_all(user=user, test=tests["post"], right_every=1 + (user.pk % 2))
    services.test_window_set(session=session, kind="pre", open=False)
    return session


@transaction.atomic
def seed_scope_and_targets() -> None:
    coordinator = User.objects.filter(username="coordinateur").first()
    region = AdministrativeRegion.objects.filter(prefectures__code="kankan").first()
    if coordinator is not None and region is not None:
        Coordinator.objects.get_or_create(user=coordinator, region=region)
    for measure, value in TARGETS.items():
        ProgrammeTarget.objects.get_or_create(measure=measure, defaults={"value": value})


def seed() -> None:
    """The training demo: session DEMO1, a Kankan coordinator and the programme's targets."""
    seed_scope_and_targets()
    seed_session()
