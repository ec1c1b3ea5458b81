"""Personal data of events and outreach: registrants of workshops and webinars (name, organisation,
email), ambassadors' dialogue logs and their reviewers (lms.data_protection explains the format).

Head counts are numbers only (no person behind a row) and indicator targets are programme figures.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from events.models import Event, OutreachLog, Registrant
from lms.data_protection import (
    EMPTIED,
    KEPT_ANONYMOUS,
    NOT_PERSONAL,
    PSEUDONYM,
    SCRUBBED,
    ErasureContext,
    Section,
    fields,
    section,
    values,
)

# An erased registrant keeps a unique, undeliverable address: one event's addresses are unique.
ERASED_EMAIL_DOMAIN = "erased.invalid"

FIELDS = {
    "events.Event": {
        **fields(KEPT_ANONYMOUS, "created_by"),
        # Notes on how an event went may name people: erasure replaces their names.
        **fields(SCRUBBED, "outcome_notes"),
        **fields(
            NOT_PERSONAL,
            "id kind title start_date end_date place prefecture country city venue organiser audiences language "
            "join_link registration_open created_at documents",
        ),
    },
    "events.Registrant": {
        **fields(PSEUDONYM, "name email"),
        **fields(EMPTIED, "organisation"),
        # Country and attendance are what the programme counts (by country): kept, anonymous.
        **fields(KEPT_ANONYMOUS, "event user country consent_given_at attended minutes_attended registered_at"),
        **fields(NOT_PERSONAL, "id"),
    },
    "events.OutreachLog": {
        **fields(KEPT_ANONYMOUS, "ambassador reviewed_by reviewed_at created_at date status"),
        **fields(SCRUBBED, "note review_note locality"),
        **fields(NOT_PERSONAL, "id prefecture topics materials referrals"),
    },
    "events.HeadCount": fields(NOT_PERSONAL, "id event log audience sex age_band count"),
    "events.IndicatorTarget": fields(NOT_PERSONAL, "id indicator natural_region administrative_region value"),
}


def _registrations(user):
    """The person's registrations: linked to the account, or made with the account's email address."""
    condition = Q(user=user)
    if user.email:
        condition |= Q(email__iexact=user.email)
    return Registrant.objects.filter(condition)


def erase(context: ErasureContext) -> dict[str, int]:
    user = context.user
    registrations = list(_registrations(user))
    for registrant in registrations:
        # Linked to the (now anonymous) account, so the dashboard still counts the person once.
        registrant.user = user
        registrant.name = context.pseudonym
        registrant.email = f"{context.pseudonym}-{registrant.pk}@{ERASED_EMAIL_DOMAIN}"
        registrant.organisation = ""
        registrant.save(update_fields=["user", "name", "email", "organisation"])
    notes = context.scrub(OutreachLog.objects.all(), ["note", "review_note", "locality"])
    notes += context.scrub(Event.objects.all(), ["outcome_notes"])
    return {"event_registrations": len(registrations), "log_entries": notes}


def sections(*, user) -> list[Section]:
    return [
        section(
            "event_registrations",
            _("Workshops and webinars"),
            [
                ("event", _("Event")),
                ("start_date", _("Date")),
                ("name", _("Name")),
                ("organisation", _("Organisation")),
                ("email", _("Email")),
                ("country", _("Country")),
                ("attended", _("Attended")),
                ("registered_at", _("Registered")),
            ],
            values(
                _registrations(user).order_by("registered_at"),
                "event__title",
                "event__start_date",
                "name",
                "organisation",
                "email",
                "country",
                "attended",
                "registered_at",
            ),
            show={"country": lambda code, row: str(Country(code).name) if code else ""},
        ),
        section(
            "outreach_logs",
            _("Community dialogues logged"),
            [("date", _("Date")), ("locality", _("Locality")), ("status", _("Status"))],
            values(OutreachLog.objects.filter(ambassador=user).order_by("date"), "date", "locality", "status"),
            show={"status": OutreachLog.Status},
        ),
    ]
