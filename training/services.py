"""Writes on training sessions: keyword-only, atomic, idempotent where a retry may come."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field

from django.contrib.auth.hashers import get_hashers_by_algorithm, make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment
from courses.services import enrolment_create
from lms import roles
from lms.models import User
from lms.text import ascii_stem, sort_key
from training import hooks, roster, selectors
from training.models import Attendance, Participant, SessionDay, TestWindow, TrainingSession

CHECKIN_MINUTES = 30
# No 0/O, 1/l/I: read aloud in a room and typed on a phone keypad.
FRIENDLY = "abcdefghjkmnpqrstuvwxyz23456789"
ONE_TIME_HASHER = "pbkdf2_sha256_onetime"


class SessionRefused(Exception):
    """A request the session's state refuses (full, closed, not a participant); `message` is translated."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _random(length: int, alphabet: str = FRIENDLY) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


# --- Sessions ----------------------------------------------------------------------------------------


@transaction.atomic
def session_create(*, created_by, courses: list, **fields) -> TrainingSession:
    """A new session with its days (one per date from start to end); the creator is its trainer."""
    join_code = _random(6, FRIENDLY.upper())
    while TrainingSession.objects.filter(join_code=join_code).exists():
        join_code = _random(6, FRIENDLY.upper())
    session = TrainingSession(join_code=join_code, **fields)
    session.code = session.code.strip().upper()
    session.full_clean()
    session.save()
    session.courses.set(courses)
    session.trainers.add(created_by)
    session_days_sync(session=session)
    return session


@transaction.atomic
def session_update(*, session: TrainingSession, courses: list | None = None, **fields) -> TrainingSession:
    """Change a session's details; its days follow its dates (days with marks are never removed)."""
    for name, value in fields.items():
        setattr(session, name, value)
    session.code = session.code.strip().upper()
    session.full_clean()
    session.save()
    if courses is not None:
        session.courses.set(courses)
        for participant in Participant.objects.filter(session=session).select_related("user"):
            _enrol(session=session, user=participant.user)
    session_days_sync(session=session)
    return session


@transaction.atomic
def session_days_sync(*, session: TrainingSession) -> list[SessionDay]:
    """One SessionDay per date of the session (idempotent). Days outside the dates are removed
    unless they hold attendance marks."""
    dates = []
    day = session.start_date
    while day <= session.end_date:
        dates.append(day)
        day += datetime.timedelta(days=1)
    SessionDay.objects.filter(session=session).exclude(date__in=dates).filter(attendance__isnull=True).delete()
    existing = set(SessionDay.objects.filter(session=session).values_list("date", flat=True))
    SessionDay.objects.bulk_create([SessionDay(session=session, date=day) for day in dates if day not in existing])
    return list(SessionDay.objects.filter(session=session))


@transaction.atomic
def session_status_set(*, session: TrainingSession, status: str) -> TrainingSession:
    session.status = status
    session.full_clean()
    session.save(update_fields=["status"])
    return session


# --- Participants and accounts -------------------------------------------------------------------


def _enrol(*, session: TrainingSession, user) -> None:
    for course in session.courses.all():
        enrolment_create(user=user, course=course, source=Enrolment.Source.SESSION)


@transaction.atomic
def participant_add(
    *,
    session: TrainingSession,
    user,
    source: str = Participant.Source.ROSTER,
    check_capacity: bool = False,
    created_account: bool = False,
) -> tuple[Participant, bool]:
    """Put `user` on the roster and enrol them in each module of the session; (participant, created).

    Idempotent. With `check_capacity` (self-enrolment) a full or closed session is refused.
    `created_account` records that this session's roster made the account (roster_import only).
    Whether `user` is within the caller's reach is the caller's question (roster_import asks it).
    """
    existing = Participant.objects.filter(session=session, user=user).first()
    if existing is not None:
        _enrol(session=session, user=user)
        return existing, False
    if check_capacity:
        if session.status != TrainingSession.Status.OPEN:
            raise SessionRefused(_("This session is not open for enrolment."))
        locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
        if locked.capacity is not None and Participant.objects.filter(session=session).count() >= locked.capacity:
            raise SessionRefused(_("This session is full."))
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                session=session, user=user, source=source, created_account=created_account
            )
    except IntegrityError:
        # The same person joined at the same moment (a double tap): theirs is the row.
        return Participant.objects.get(session=session, user=user), False
    _enrol(session=session, user=user)
    return participant, True


@dataclass
class RosterReport:
    problems: list[tuple[int, str]] = field(default_factory=list)
    created: list[User] = field(default_factory=list)  # new accounts
    added: int = 0  # people put on the roster (new or existing accounts)
    unchanged: int = 0  # already on the roster

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        message = _("Roster imported: %(added)s added, %(created)s new accounts, %(unchanged)s already on the roster.")
        return message % {"added": self.added, "created": len(self.created), "unchanged": self.unchanged}


# No 0/1/i/l/o: the suffix is read off a printed accounts sheet and typed on a phone.
USERNAME_SUFFIX_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
USERNAME_SUFFIX_LENGTH = 4


def _username_for(name: str, taken: set[str]) -> str:
    """A new, unique username for an account a trainer creates: the name's stem plus a random suffix.

    'Aminata Touré' gets e.g. 'aminata.toure-k7q2'. The suffix is drawn with `secrets`, never
    numbered after other accounts: a username derivable from the name alone would let anyone ask the
    public sign-up form whether that person has an account, and 'aminata.toure2' would tell a trainer
    that she has one elsewhere. A taken draw (in `taken` or in the database) is simply drawn again;
    the chosen username is added to `taken`.
    """
    stem = ascii_stem(name)[:20].strip(".") or "participant"
    while True:
        suffix = "".join(secrets.choice(USERNAME_SUFFIX_ALPHABET) for _ in range(USERNAME_SUFFIX_LENGTH))
        candidate = f"{stem}-{suffix}"
        if candidate not in taken and not User.objects.filter(username__iexact=candidate).exists():
            taken.add(candidate)
            return candidate


def _outside_reach(row: roster.RosterRow) -> str:
    """The refusal for a row that names an account the session may not reach; it names nobody."""
    if row.username:
        return _(
            "No account within this session's reach has this username: check it, or ask a coordinator "
            "or an administrator to add this person."
        )
    return _(
        "This email or phone number belongs to an account outside this session's reach: ask a "
        "coordinator or an administrator to add this person."
    )


def _match(row: roster.RosterRow, *, known_by_name: dict[str, User], reachable) -> tuple[User | None, str | None, bool]:
    """(the existing account a row names, a problem, whether the row's email or phone is taken).

    Only accounts within reach (`reachable(user)`) are matched: an email or phone number of an
    account outside reach is treated as an unused one, so the row is a new person (or the reachable
    account its other identifiers name) and gets the same answer as with an unused number; `taken`
    says that a new account could not be made with it, which roster_import tells only when nothing
    else stops the import (docs/sessions.md, "Whom a trainer may reach"). A username outside reach
    gets the answer of an unknown one.
    """
    found = {}
    taken = False
    if row.username:
        user = User.objects.filter(username__iexact=row.username).first()
        if user is None or not reachable(user):
            return None, _outside_reach(row), False
        found["username"] = user
    if row.email:
        user = User.objects.filter(email__iexact=row.email).first()
        if user is not None:
            if reachable(user):
                found["email"] = user
            else:
                taken = True
    if row.phone:
        user = User.objects.filter(phone=row.phone).first()
        if user is not None:
            if reachable(user):
                found["phone"] = user
            else:
                taken = True
    if len({user.pk for user in found.values()}) > 1:
        return None, _("The username, email and phone number belong to different accounts."), False
    if found:
        # An identifier of an account outside reach on the same row is ignored, as an unused one
        # would be: an existing account is never changed by a roster.
        return next(iter(found.values())), None, False
    if not (row.username or row.email or row.phone):
        # No identifier: the same name and organisation already on this roster is this person
        # (importing a file again changes nothing).
        return known_by_name.get(roster.fold(row.name) + "|" + roster.fold(row.organisation)), None, False
    return None, None, taken


@transaction.atomic
def _put_on_roster(
    *, session: TrainingSession, matched: list[tuple[roster.RosterRow, User | None]], on_roster: set[int], report
) -> None:
    """Create the accounts of unmatched rows and put everyone not yet there on the roster (the rows
    are checked already; roster_import's transaction holds)."""
    trainee_group, _created = Group.objects.get_or_create(name=roles.TRAINEE)
    taken: set[str] = set()
    for row, user in matched:
        created = user is None
        if created:
            user = User(
                username=_username_for(row.name, taken),
                display_name=row.name,
                organisation=row.organisation,
                audience=row.audience,
                prefecture=row.prefecture,
                phone=row.phone,
                email=row.email,
                preferred_language=row.language,
                country=row.country,
                sex=row.sex,
                age_band=row.age_band,
                must_change_password=True,
            )
            user.set_unusable_password()
            user.full_clean(exclude=["password"])
            user.save()
            user.groups.add(trainee_group)
            report.created.append(user)
        if user.pk in on_roster:
            report.unchanged += 1
            continue
        participant_add(session=session, user=user, created_account=created)
        on_roster.add(user.pk)
        report.added += 1


def roster_import(*, session: TrainingSession, rows: list[dict], by: User | None = None) -> RosterReport:
    """Check every row, then put everyone on the roster in one transaction, or nobody.

    Existing accounts are matched by username, email or phone (or, for rows without any, by name
    and organisation on this session's roster) and never duplicated nor changed. A row naming an
    account outside the reach of `by` (selectors.people_within_reach: never staff, never another
    trainer's people; without `by`, the reach of the session's trainers) is refused, naming nobody.
    New accounts get a username from the name, no usable password and `must_change_password`, and
    are recorded as created by this session: its credentials sheet (credentials_issue) gives them a
    one-time password.
    """
    checked, problems = roster.check_rows(
        rows=rows, default_language=session.language, default_country=str(session.country)
    )
    report = RosterReport(problems=problems)
    if problems:
        return report
    people = Participant.objects.filter(session=session).select_related("user")
    known_by_name = {roster.fold(p.user.display_name) + "|" + roster.fold(p.user.organisation): p.user for p in people}
    on_roster = {p.user_id for p in people}
    reach = selectors.people_within_reach(session=session, user=by)
    within: dict[int, bool] = {}

    def reachable(user: User) -> bool:
        if user.pk not in within:
            within[user.pk] = reach.filter(pk=user.pk).exists()
        return within[user.pk]

    matched: list[tuple[roster.RosterRow, User | None]] = []
    taken_rows: list[roster.RosterRow] = []
    for row in checked:
        user, problem, identifier_taken = _match(row, known_by_name=known_by_name, reachable=reachable)
        if problem:
            report.problems.append((row.number, problem))
        if identifier_taken:
            taken_rows.append(row)
        matched.append((row, user))
    for row, user in matched:
        # (A row without identifiers matched by name on this roster: staff on it stay out of reach.)
        if user is not None and not reachable(user):
            report.problems.append((row.number, _outside_reach(row)))
    seen: dict[int, int] = {}
    for row, user in matched:
        if user is not None:
            if user.pk in seen:
                message = _("The same person as in row %(row)s.") % {"row": seen[user.pk]}
                report.problems.append((row.number, message))
            seen[user.pk] = row.number
    new_count = sum(1 for _row, user in matched if user is None or user.pk not in on_roster)
    if session.capacity is not None and len(on_roster) + new_count > session.capacity:
        message = _("The session has room for %(capacity)s participants; this file would make %(total)s.")
        report.problems.append((1, message % {"capacity": session.capacity, "total": len(on_roster) + new_count}))
    if not report.problems:
        # Only now, when an unused number would have made a new account, is a number of an account
        # outside reach refused: a file with any other problem answers the same whether its numbers
        # are used or not, so numbers cannot be probed without writing (docs/sessions.md).
        report.problems.extend((row.number, _outside_reach(row)) for row in taken_rows)
    if report.problems:
        report.problems.sort(key=lambda problem: problem[0])
        return report
    _put_on_roster(session=session, matched=matched, on_roster=on_roster, report=report)
    return report


@dataclass(frozen=True)
class Credential:
    name: str
    username: str
    password: str  # "" when none is issued: see `note`
    note: str = ""  # why no password was issued ("" for people who have chosen their own)


@transaction.atomic
def credentials_issue(*, session: TrainingSession) -> list[Credential]:
    """A new one-time password for every participant whose account this session created and who has
    never logged in; nobody else's password is touched.

    An account another session created (or one that has since become staff) gets no password here,
    so printing a sheet never lets a trainer log in as somebody outside their room. The passwords
    exist in clear only in the returned list (printed at once on the sheet); the database keeps
    their hash. Printing the sheet again replaces them: the latest sheet is valid.
    """
    hasher = ONE_TIME_HASHER if ONE_TIME_HASHER in get_hashers_by_algorithm() else "default"
    people = Participant.objects.filter(session=session).select_related("user")
    staff = set(selectors.staff_accounts().filter(participations__session=session).values_list("pk", flat=True))
    credentials = []
    for person in people:
        user = person.user
        password = note = ""
        if user.must_change_password:
            if person.created_account and user.last_login is None and user.pk not in staff:
                password = "-".join(_random(4) for _ in range(3))
                user.password = make_password(password, hasher=hasher)
                user.save(update_fields=["password"])
            else:
                note = _("(not issued here: this session did not create the account, or it was already used)")
        credentials.append(Credential(user.display_name or user.username, user.username, password, note))
    return sorted(credentials, key=lambda c: (sort_key(c.name), c.username))


# --- Attendance -------------------------------------------------------------------------------------


@transaction.atomic
def attendance_mark(*, day: SessionDay, marks: dict[int, str], source: str = Attendance.Source.TRAINER) -> int:
    """Set the status of each participant id in `marks` for `day`; return how many changed.

    Participants of another session are refused (ValidationError). Listeners hear of the change
    after commit (training.hooks.ATTENDANCE_LISTENER).
    """
    valid = set(Attendance.Status.values)
    if any(status not in valid for status in marks.values()):
        raise ValidationError(_("Unknown attendance status."))
    people = dict(
        Participant.objects.filter(session_id=day.session_id, pk__in=list(marks)).values_list("pk", "user_id")
    )
    if set(marks) - set(people):
        raise ValidationError(_("Only this session's participants can be marked."))
    current = dict(
        Attendance.objects.filter(day=day, participant_id__in=list(marks)).values_list("participant_id", "status")
    )
    changed = [pid for pid, status in marks.items() if current.get(pid) != status]
    for pid in changed:
        Attendance.objects.update_or_create(
            day=day, participant_id=pid, defaults={"status": marks[pid], "source": source}
        )
    hooks.announce_attendance(session_id=day.session_id, user_ids=[people[pid] for pid in changed])
    return len(changed)


@transaction.atomic
def attendance_mark_all_present(*, day: SessionDay) -> int:
    """Everyone not yet marked on `day` is present."""
    marked = Attendance.objects.filter(day=day).values("participant_id")
    unmarked = Participant.objects.filter(session_id=day.session_id).exclude(pk__in=marked).values_list("pk", flat=True)
    return attendance_mark(day=day, marks=dict.fromkeys(unmarked, Attendance.Status.PRESENT))


@transaction.atomic
def checkin_open(*, day: SessionDay, now=None) -> SessionDay:
    """Show the day's check-in QR code for the next half hour (a new token each time)."""
    now = now or timezone.now()
    day.checkin_token = secrets.token_urlsafe(16)
    day.checkin_open_until = now + datetime.timedelta(minutes=CHECKIN_MINUTES)
    day.save(update_fields=["checkin_token", "checkin_open_until"])
    return day


@transaction.atomic
def checkin_close(*, day: SessionDay) -> SessionDay:
    day.checkin_token = None
    day.checkin_open_until = None
    day.save(update_fields=["checkin_token", "checkin_open_until"])
    return day


@transaction.atomic
def checkin_record(*, day: SessionDay, user, now=None) -> Attendance:
    """A participant scanned the day's QR code: present (or kept as marked if already present/late).

    Refuses people who are not on this session's roster, and any day but today.
    """
    now = now or timezone.now()
    if day.date != timezone.localdate(now) or day.checkin_open_until is None or day.checkin_open_until <= now:
        raise SessionRefused(_("This check-in code is not open now."))
    participant = Participant.objects.filter(session_id=day.session_id, user=user).first()
    if participant is None:
        raise SessionRefused(_("You are not a participant of this session."))
    attendance = Attendance.objects.filter(day=day, participant=participant).first()
    if attendance is None or attendance.status not in (Attendance.Status.PRESENT, Attendance.Status.LATE):
        attendance_mark(day=day, marks={participant.pk: Attendance.Status.PRESENT}, source=Attendance.Source.QR)
        attendance = Attendance.objects.get(day=day, participant=participant)
    return attendance


# --- Test windows -----------------------------------------------------------------------------------


@transaction.atomic
def test_window_set(*, session: TrainingSession, kind: str, open: bool, now=None) -> TestWindow:
    """Open (again) or close the session's pre- or post-test; participants see it at once."""
    now = now or timezone.now()
    window, _created = TestWindow.objects.select_for_update().get_or_create(
        session=session, kind=kind, defaults={"opened_at": now, "closed_at": None if open else now}
    )
    if open and window.closed_at is not None:
        window.opened_at, window.closed_at = now, None
    elif not open and window.closed_at is None:
        window.closed_at = now
    window.full_clean()
    window.save()
    return window
