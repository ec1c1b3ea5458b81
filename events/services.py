"""Writes about events and outreach logs: keyword-only, atomic, validated before anything is stored.

A count grid is a dict {(audience, sex, age band): count}; empty and zero cells store nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    COUNT_AUDIENCES,
    MAX_HEADCOUNT,
    AgeBand,
    Event,
    HeadCount,
    OutreachLog,
    Registrant,
    Sex,
)
from lms.tables import TableError, read_table

Grid = dict[tuple[str, str, str], int]

EMAIL_COLUMNS = ("email", "e-mail", "courriel", "user email", "attendee email", "adresse e-mail")
MINUTES_COLUMNS = ("duration (minutes)", "duration", "durée (minutes)", "time in session (minutes)")


def grid_validate(grid: Grid) -> int:
    """The grid's total; raises ValidationError (translated) for an unknown cell, a negative or an
    absurd count, or a total above MAX_HEADCOUNT."""
    audiences = {code for code, _label in COUNT_AUDIENCES}
    errors = []
    for (audience, sex, age_band), count in grid.items():
        if audience not in audiences or sex not in Sex.values or age_band not in AgeBand.values:
            errors.append(_("An unknown group was counted."))
        elif count is None:
            continue
        elif count < 0:
            errors.append(_("A count cannot be negative."))
        elif count > MAX_HEADCOUNT:
            errors.append(
                _("%(count)s people in one group is more than one dialogue can hold (at most %(max)s).")
                % {"count": count, "max": MAX_HEADCOUNT}
            )
    total = sum(count for count in grid.values() if count and count > 0)
    if not errors and total > MAX_HEADCOUNT:
        errors.append(
            _("%(total)s people in all is more than one dialogue can hold (at most %(max)s).")
            % {"total": total, "max": MAX_HEADCOUNT}
        )
    if errors:
        raise ValidationError(sorted(set(errors)))
    return total


def _grid_store(*, grid: Grid, event: Event | None = None, log: OutreachLog | None = None) -> None:
    HeadCount.objects.filter(event=event, log=log).delete()
    for (audience, sex, age_band), count in sorted(grid.items()):
        if count:
            cell = HeadCount(event=event, log=log, audience=audience, sex=sex, age_band=age_band, count=count)
            cell.full_clean()
            cell.save()


# --- Events -------------------------------------------------------------------------------------------


@transaction.atomic
def event_save(*, event: Event, documents: list | None = None, created_by=None) -> Event:
    """Create (with `created_by`) or update an event after validating it."""
    if created_by is not None and event.pk is None:
        event.created_by = created_by
    event.full_clean()
    event.save()
    if documents is not None:
        event.documents.set(documents)
    return event


@transaction.atomic
def event_counts_set(*, event: Event, grid: Grid) -> int:
    """Replace the event's anonymous counts; returns the total."""
    total = grid_validate(grid)
    _grid_store(grid=grid, event=event)
    return total


@transaction.atomic
def registrant_add(
    *, event: Event, name: str, organisation: str, country: str, email: str, user=None
) -> tuple[Registrant, bool]:
    """Register a person (consent given now). Registering twice with one email changes nothing:
    returns (the registration, whether it was created)."""
    existing = Registrant.objects.filter(event=event, email__iexact=email.strip()).first()
    if existing is not None:
        return existing, False
    if user is None:
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    registrant = Registrant(
        event=event,
        user=user,
        name=name.strip(),
        organisation=organisation.strip(),
        country=country,
        email=email.strip(),
        consent_given_at=timezone.now(),
    )
    registrant.full_clean()
    registrant.save()
    return registrant, True


def _column(row: dict, names: tuple[str, ...]) -> str | None:
    for key in row:
        if key and key.strip().casefold() in names:
            return key
    return None


@transaction.atomic
def attendance_import(*, event: Event, content: bytes, filename: str) -> int:
    """Mark as attended the registrants whose email appears in a meeting tool's attendance export
    (CSV or XLSX, a header row first; Zoom, Teams and Meet exports have an email column).

    All or nothing: a row without a valid email, or with an email nobody registered with, raises
    TableError naming the row (the header is row 1) and nothing is marked. A person who joined
    twice (two rows) is marked once, with the minutes added up. Returns how many people attended.
    """
    from django.core.validators import validate_email

    try:
        rows = read_table(content=content, filename=filename)
    except TableError:
        raise
    if not rows:
        raise TableError(1, _("The file has no rows."))
    email_column = _column(rows[0], EMAIL_COLUMNS)
    if email_column is None:
        raise TableError(1, _("The file has no email column (e.g. “Email” or “User Email”)."))
    minutes_column = _column(rows[0], MINUTES_COLUMNS)
    registrants = {r.email.casefold(): r for r in Registrant.objects.filter(event=event)}
    minutes: dict[int, int] = {}
    for number, row in enumerate(rows, start=2):
        email = (row.get(email_column) or "").strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise TableError(number, _("“%(value)s” is not an email address.") % {"value": email}) from error
        registrant = registrants.get(email.casefold())
        if registrant is None:
            raise TableError(number, _("Nobody registered with %(email)s.") % {"email": email})
        value = (row.get(minutes_column) or "0").strip() if minutes_column else "0"
        try:
            spent = int(float(value.replace(",", "."))) if value else 0
        except ValueError as error:
            raise TableError(number, _("“%(value)s” is not a number of minutes.") % {"value": value}) from error
        if spent < 0:
            raise TableError(number, _("“%(value)s” is not a number of minutes.") % {"value": value})
        minutes[registrant.pk] = minutes.get(registrant.pk, 0) + spent
    for registrant_id, spent in minutes.items():
        Registrant.objects.filter(pk=registrant_id).update(attended=True, minutes_attended=spent or None)
    return len(minutes)


@transaction.atomic
def attendance_set(*, event: Event, attended_ids: set[int]) -> int:
    """Mark who of the event's registrants attended (the others did not). Returns how many did."""
    registrants = Registrant.objects.filter(event=event)
    registrants.filter(pk__in=attended_ids).update(attended=True)
    registrants.exclude(pk__in=attended_ids).update(attended=False, minutes_attended=None)
    return registrants.filter(attended=True).count()


# --- Outreach logs ---------------------------------------------------------------------------------


@transaction.atomic
def outreach_log_create(
    *,
    ambassador,
    date: datetime.date,
    prefecture,
    locality: str,
    topics: list[str],
    materials: list[str],
    referrals: int,
    note: str,
    grid: Grid,
) -> OutreachLog:
    """Store a dialogue as submitted (waiting for review). Refuses, storing nothing, a date in the
    future, unknown topics or materials, a negative or absurd count, or a dialogue that reached nobody."""
    errors: dict[str, list[str]] = {}
    if date > timezone.localdate():
        errors["date"] = [_("The date is in the future: log a dialogue once it has taken place.")]
    if not topics or set(topics) - set(OutreachLog.Topic.values):
        errors["topics"] = [_("Choose at least one topic from the list.")]
    if set(materials) - set(OutreachLog.Material.values):
        errors["materials"] = [_("Choose materials from the list.")]
    if referrals is None or referrals < 0 or referrals > MAX_HEADCOUNT:
        errors["referrals"] = [
            _("Referrals must be a number between 0 and %(max)s.") % {"max": MAX_HEADCOUNT},
        ]
    try:
        total = grid_validate(grid)
    except ValidationError as error:
        errors["__all__"] = error.messages
    else:
        if total == 0:
            errors["__all__"] = [_("Enter how many people the dialogue reached.")]
        elif referrals and referrals > total:
            errors["referrals"] = [_("You cannot refer more people than the dialogue reached.")]
    if errors:
        raise ValidationError(errors)
    log = OutreachLog(
        ambassador=ambassador,
        date=date,
        prefecture=prefecture,
        locality=locality.strip(),
        topics=sorted(set(topics)),
        materials=sorted(set(materials)),
        referrals=referrals,
        note=note.strip(),
    )
    log.full_clean()
    log.save()
    _grid_store(grid=grid, log=log)
    return log


@transaction.atomic
def outreach_log_review(*, log: OutreachLog, reviewer, status: str, note: str = "") -> OutreachLog:
    """A coordinator validates, flags or rejects a log. A flag or a rejection needs a reason."""
    allowed = {OutreachLog.Status.VALIDATED, OutreachLog.Status.FLAGGED, OutreachLog.Status.REJECTED}
    if status not in allowed:
        raise ValidationError(_("Choose validate, flag or reject."))
    if reviewer.pk == log.ambassador_id:
        raise ValidationError(_("Someone else must review your own log."))
    if status != OutreachLog.Status.VALIDATED and not note.strip():
        raise ValidationError({"note": [_("Say why, so that the ambassador can correct it.")]})
    log = OutreachLog.objects.select_for_update().get(pk=log.pk)
    log.status = status
    log.review_note = note.strip()
    log.reviewed_by = reviewer
    log.reviewed_at = timezone.now()
    log.full_clean()
    log.save()
    return log
