"""Reads about training sessions. `sessions_visible_to` is the one scoping rule for every view,
export and endpoint: trainers see their own sessions, coordinators their region's, administrators all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from lms import roles, text
from training.models import Attendance, Coordinator, Participant, SessionDay, TestWindow, TrainingSession

MANAGE_PERMISSION = "lms.manage_training_sessions"
ATTENDED = (Attendance.Status.PRESENT, Attendance.Status.LATE)


def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=roles.ADMINISTRATOR).exists())


def can_run_sessions(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm(MANAGE_PERMISSION))


def coordinated_regions(user) -> list:
    """The administrative regions `user` coordinates (lms.AdministrativeRegion), by name; none for most."""
    from lms.models import AdministrativeRegion

    if not can_run_sessions(user):
        return []  # as sessions_visible_to: a coordinated region counts only for a trainer
    return list(
        AdministrativeRegion.objects.filter(pk__in=Coordinator.objects.filter(user=user).values("region_id")).order_by(
            "name"
        )
    )


def sessions_visible_to(*, user) -> QuerySet[TrainingSession]:
    """The sessions `user` may see and manage; none for anonymous people and trainees."""
    if not user.is_authenticated:
        return TrainingSession.objects.none()
    if is_administrator(user):
        return TrainingSession.objects.all()
    if not user.has_perm(MANAGE_PERMISSION):
        return TrainingSession.objects.none()
    regions = Coordinator.objects.filter(user=user).values("region_id")
    own = TrainingSession.objects.filter(trainers=user).values("pk")
    return TrainingSession.objects.filter(Q(pk__in=own) | Q(prefecture__region_id__in=regions))


def staff_accounts() -> QuerySet:
    """Every account that holds more than a trainee's rights: Django's staff or superuser flag, a group
    other than Trainee or Ambassador (trainers, evaluators, editors, administrators, Wagtail's own
    groups), a permission of its own, a coordinated region, or a session it runs."""
    from django.contrib.auth import get_user_model

    # One definition with the second factor's (lms.roles.staff_account_condition); coordinators and
    # session trainers come in through training.wagtail_hooks.
    return get_user_model().objects.filter(roles.staff_account_condition())


def people_within_reach(*, session: TrainingSession, user=None) -> QuerySet:
    """The accounts that `user` may put on the roster of `session` (docs/sessions.md, "reach").

    Never a staff account (staff_accounts). Otherwise: for an administrator, anybody; for a trainer,
    the people on a roster of a session they may see (their own sessions and, for a coordinator, the
    sessions of their regions), which includes every account those rosters created. Without `user`
    (the import_roster command) the session acts for its trainers: the people of their sessions.
    """
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if user is not None and is_administrator(user):
        people = User.objects.all()
    else:
        if user is not None:
            sessions = sessions_visible_to(user=user).values("pk")
        else:
            trainers = session.trainers.values("pk")
            sessions = TrainingSession.objects.filter(Q(pk=session.pk) | Q(trainers__in=trainers)).values("pk")
        people = User.objects.filter(Exists(Participant.objects.filter(user=OuterRef("pk"), session__in=sessions)))
    return people.exclude(pk__in=staff_accounts().values("pk"))


def session_for(*, user, code: str) -> TrainingSession:
    """The session with `code` if `user` may see it; raises TrainingSession.DoesNotExist otherwise."""
    return (
        sessions_visible_to(user=user)
        .select_related("prefecture__region")
        .prefetch_related("courses", "trainers")
        .get(code=code.strip().upper())
    )


def participants(*, session: TrainingSession) -> list[Participant]:
    """The roster, by name, with each person's account."""
    people = list(Participant.objects.filter(session=session).select_related("user", "user__prefecture"))
    return sorted(people, key=lambda p: (text.sort_key(p.user.display_name or p.user.username), p.user.username))


# --- Attendance ------------------------------------------------------------------------------------


def day_attendance(*, day: SessionDay) -> dict[int, str]:
    """{participant id: status} for one day."""
    return dict(Attendance.objects.filter(day=day).values_list("participant_id", "status"))


def attendance_counts(*, session: TrainingSession) -> dict[int, tuple[int, int]]:
    """{participant id: (days attended, days marked)} in one query."""
    rows = (
        Attendance.objects.filter(participant__session=session)
        .values("participant_id")
        .annotate(attended=Count("pk", filter=Q(status__in=ATTENDED)), marked=Count("pk"))
    )
    return {row["participant_id"]: (row["attended"], row["marked"]) for row in rows}


def participation_for(*, user_id: int, course_page_id: int) -> Participant | None:
    """The roster entry through which `user_id` takes the module `course_page_id` (its French page),
    with its session and prefecture: the most recent session when there are several; None if none."""
    return (
        Participant.objects.filter(user_id=user_id, session__courses__pk=course_page_id)
        .select_related("session__prefecture")
        .order_by("-session__start_date", "-pk")
        .first()
    )


def attendance_rate(*, user_id: int, course_page_id: int) -> float | None:
    """The share (0–100) of session days attended by `user_id`, for the session through which they
    take the module `course_page_id` (its French page); None when they take it through no session
    or that session has no days yet.

    Present and late count as attended; excused and absent do not (a certificate attests presence),
    and a day without a mark counts as not attended. With several sessions for one module, the most
    recent one counts.
    """
    participant = participation_for(user_id=user_id, course_page_id=course_page_id)
    if participant is None:
        return None
    days = SessionDay.objects.filter(session_id=participant.session_id).count()
    if not days:
        return None
    attended = Attendance.objects.filter(participant=participant, status__in=ATTENDED).count()
    return round(100 * attended / days, 1)


# --- Test windows -----------------------------------------------------------------------------------


def open_windows(*, session: TrainingSession) -> dict[str, TestWindow]:
    return {window.kind: window for window in TestWindow.objects.filter(session=session)}


def _room_sessions(user, test) -> QuerySet[TrainingSession]:
    """The running (not closed) sessions of `user` that include the module of `test`."""
    return TrainingSession.objects.filter(participants__user=user, courses__pk=test.course_id).exclude(
        status=TrainingSession.Status.CLOSED
    )


def test_window_opens(user, test) -> bool:
    """assessments.hooks.POST_TEST_OPENER: the trainer has opened this test for the user's room."""
    if not user.is_authenticated:
        return False
    return TestWindow.objects.filter(
        session__in=_room_sessions(user, test), kind=test.kind, closed_at__isnull=True
    ).exists()


def test_window_closes(user, test) -> str | None:
    """assessments.hooks.TEST_CLOSER: in a running session the pre-test waits for the trainer."""
    if test.kind != TestWindow.Kind.PRE or not user.is_authenticated:
        return None
    sessions = _room_sessions(user, test)
    if not sessions.exists() or test_window_opens(user, test):
        return None
    return _("Your trainer opens this test for the whole room: wait for the signal.")


def offline_roster(user, test, code: str) -> list | None:
    """assessments.hooks.ROSTER_PROVIDER: the participants (users) of `user`'s session `code` for a
    shared phone, if `user` may run that session and it includes the module of `test`; else None."""
    try:
        session = session_for(user=user, code=code)
    except TrainingSession.DoesNotExist:
        return None
    if not session.courses.filter(pk=test.course_id).exists():
        return None
    return [participant.user for participant in participants(session=session)]


def session_tests(*, session: TrainingSession) -> list:
    """The pre- and post-tests of the session's modules, with their forms (for the paper versions)."""
    from assessments.models import Test

    course_ids = [course.pk for course in session.courses.all()]
    return list(Test.objects.filter(course_id__in=course_ids).prefetch_related("forms").order_by("course_id", "-kind"))


def submitted_user_ids(*, session: TrainingSession, test) -> set[int]:
    """The session's participants who have already handed in `test` (online or on paper)."""
    from assessments.models import Attempt

    return set(
        Attempt.objects.filter(
            test=test, status=Attempt.Status.SUBMITTED, user__participations__session=session
        ).values_list("user_id", flat=True)
    )


# --- The live page and the summary -----------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantRow:
    participant_id: int
    user_id: int
    name: str
    username: str
    organisation: str
    audience: str
    joined: bool  # has logged in at least once
    pre: str  # "", "started", "submitted"
    post: str
    pre_percent: float | None
    post_percent: float | None
    lessons_done: int
    days_attended: int
    days_marked: int
    # An attempt flagged when it was finished, kept for the trainer to look at, never counted:
    # "late", "duplicate" (Attempt.flag).
    pre_flag: str = ""
    post_flag: str = ""


def session_rows(*, session: TrainingSession) -> list[ParticipantRow]:
    """One row per participant for the live page and the summary, in a fixed number of queries.

    The percent is the last counting attempt's (`Attempt.objects.counting()`); a flagged attempt
    shows as handed in, with its flag, and never gives its score.
    """
    from assessments.models import Attempt, Test
    from courses.models import LessonProgress

    people = participants(session=session)
    user_ids = [p.user_id for p in people]
    course_ids = [course.pk for course in session.courses.all()]
    tests = {test.pk: test.kind for test in Test.objects.filter(course_id__in=course_ids)}
    state: dict[tuple[int, str], tuple[str, float | None]] = {}
    attempts = (
        Attempt.objects.filter(user_id__in=user_ids, test_id__in=tests)
        .annotate(counts=ExpressionWrapper(Attempt.objects.counting_condition(), output_field=BooleanField()))
        .order_by("number")
        .values_list(
            "user_id", "test_id", "status", "score", "max_score", "flagged_late", "flagged_duplicate", "counts"
        )
    )
    flags: dict[tuple[int, str], str] = {}
    for user_id, test_id, status, score, max_score, late, duplicate, counts in attempts:
        key = (user_id, tests[test_id])
        if late or duplicate:
            flags[key] = "late" if late else "duplicate"
        previous = state.get(key, ("", None))
        if counts:
            state[key] = ("submitted", round(100 * score / max_score, 1) if score is not None and max_score else None)
        elif status != Attempt.Status.OPEN:
            state[key] = ("submitted", previous[1])
        elif previous[0] != "submitted":
            state[key] = ("started", None)
    lessons = dict(
        LessonProgress.objects.filter(
            enrolment__user_id__in=user_ids, enrolment__course_id__in=course_ids, completed_at__isnull=False
        )
        .values("enrolment__user_id")
        .annotate(done=Count("pk"))
        .values_list("enrolment__user_id", "done")
    )
    counts = attendance_counts(session=session)
    rows = []
    for person in people:
        user = person.user
        pre = state.get((user.pk, "pre"), ("", None))
        post = state.get((user.pk, "post"), ("", None))
        attended, marked = counts.get(person.pk, (0, 0))
        rows.append(
            ParticipantRow(
                participant_id=person.pk,
                user_id=user.pk,
                name=user.display_name or user.username,
                username=user.username,
                organisation=user.organisation,
                audience=user.get_audience_display(),
                joined=user.last_login is not None,
                pre=pre[0],
                post=post[0],
                pre_percent=pre[1],
                post_percent=post[1],
                lessons_done=lessons.get(user.pk, 0),
                days_attended=attended,
                days_marked=marked,
                pre_flag=flags.get((user.pk, "pre"), ""),
                post_flag=flags.get((user.pk, "post"), ""),
            )
        )
    return rows


def checkin_day(*, token: str, today: datetime.date, now: datetime.datetime) -> SessionDay | None:
    """The day whose check-in QR code is `token`, if it is open now and today is that day."""
    return (
        SessionDay.objects.select_related("session")
        .filter(checkin_token=token, date=today, checkin_open_until__gt=now)
        .first()
    )


def participant_of(*, session: TrainingSession, user) -> Participant | None:
    return Participant.objects.filter(session=session, user=user).first()


def session_by_join_code(*, join_code: str) -> TrainingSession | None:
    """The session open for enrolment under `join_code`, else None: a planned or closed session is
    not told apart from a code that does not exist (the answer must not confirm a session)."""
    return TrainingSession.objects.filter(
        join_code=join_code.strip().upper(), status=TrainingSession.Status.OPEN
    ).first()


def session_modules_and_roster(code: str) -> tuple[list[int], set[int]] | None:
    """assessments.hooks.SESSION_ROSTER: the modules and the participants (user ids) of the session
    `code`, for the command line (`import_responses --session`); None when no session has it."""
    session = TrainingSession.objects.filter(code=code).first()
    if session is None:
        return None
    courses = list(session.courses.values_list("pk", flat=True))
    return courses, set(session.participants.values_list("user_id", flat=True))
