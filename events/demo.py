"""Demo events and outreach: the validation workshop (33 stakeholders, counted), the regional webinar
with participants from Guinea and Gabon, a dozen ambassador's dialogue logs across the four natural
regions (most validated by the Kankan coordinator or the administrator), and the indicator targets.

Idempotent: events are found by title, logs by ambassador, date and locality; nothing is created twice.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from events import services
from events.models import COMMUNITY, AgeBand, Event, Indicator, IndicatorTarget, OutreachLog, Registrant, Sex
from lms.models import Audience, NaturalRegion, Prefecture, User

WORKSHOP = "Atelier de validation de la revue du système de protection"
WEBINAR = "Webinaire régional : l'approche de sécurité humaine contre la traite"
F, M = Sex.FEMALE, Sex.MALE
YOUNG, ADULT, OLDER = AgeBand.UNDER_18, AgeBand.FROM_18_TO_35, AgeBand.OVER_35
# 33 stakeholders of the validation workshop, by group, sex and age band.
WORKSHOP_COUNTS = {
    (Audience.POLICE, M, ADULT): 4,
    (Audience.POLICE, F, ADULT): 2,
    (Audience.POLICE, M, OLDER): 3,
    (Audience.CIVIL_SOCIETY, F, ADULT): 5,
    (Audience.CIVIL_SOCIETY, M, OLDER): 4,
    (Audience.LOCAL_AUTHORITY, M, OLDER): 5,
    (Audience.LOCAL_AUTHORITY, F, OLDER): 2,
    (Audience.RELIGIOUS_LEADER, M, OLDER): 4,
    (Audience.RETURNED_MIGRANT, F, ADULT): 2,
    (Audience.RETURNED_MIGRANT, M, ADULT): 2,
}
WEBINAR_PEOPLE = [
    # (name, organisation, country): fictitious partners.
    ("Aminata Soumah", "OIM Guinée", "GN"),
    ("Thierno Diallo", "Comité national de lutte contre la traite", "GN"),
    ("Mariame Camara", "Ministère de l'Action sociale", "GN"),
    ("Alseny Bangoura", "OPROGEM", "GN"),
    ("Kadija Touré", "HCR Guinée", "GN"),
    ("Clarisse Ndong", "Ministère des Affaires sociales, Gabon", "GA"),
    ("Jean-Paul Mba", "OIM Gabon", "GA"),
    ("Prisca Obame", "Association gabonaise des droits de l'enfant", "GA"),
    ("Serge Nguema", "Police judiciaire, Libreville", "GA"),
    ("Estelle Moussavou", "HCR Gabon", "GA"),
]
# (prefecture code, locality, days ago, status, grid) — three per natural region.
LOGS = [
    (
        "kankan",
        "Bordo",
        20,
        "validated",
        {(COMMUNITY, F, ADULT): 18, (COMMUNITY, M, ADULT): 14, (COMMUNITY, F, YOUNG): 9},
    ),
    ("siguiri", "Kintinian", 15, "validated", {(COMMUNITY, M, ADULT): 40, (COMMUNITY, F, ADULT): 22}),
    ("kouroussa", "Banfèlè", 3, "submitted", {(COMMUNITY, F, OLDER): 12, (Audience.RELIGIOUS_LEADER, M, OLDER): 6}),
    ("labe", "Daka", 25, "validated", {(COMMUNITY, F, ADULT): 30, (COMMUNITY, M, YOUNG): 15}),
    ("pita", "Timbi-Madina", 18, "validated", {(COMMUNITY, M, ADULT): 25, (Audience.LOCAL_AUTHORITY, M, OLDER): 5}),
    ("mamou", "Poudrière", 5, "flagged", {(COMMUNITY, F, ADULT): 900}),
    ("kindia", "Damakania", 22, "validated", {(COMMUNITY, F, YOUNG): 20, (COMMUNITY, M, YOUNG): 21}),
    ("boke", "Kamsar", 12, "validated", {(COMMUNITY, M, ADULT): 35, (Audience.RETURNED_MIGRANT, M, ADULT): 7}),
    ("conakry", "Matoto", 8, "validated", {(COMMUNITY, F, ADULT): 50, (COMMUNITY, M, ADULT): 45}),
    ("nzerekore", "Gonia", 28, "validated", {(COMMUNITY, F, ADULT): 33, (COMMUNITY, M, OLDER): 19}),
    ("gueckedou", "Nongoa", 10, "validated", {(COMMUNITY, M, ADULT): 28, (COMMUNITY, F, YOUNG): 12}),
    ("kissidougou", "Yendé", 2, "submitted", {(COMMUNITY, F, ADULT): 16, (COMMUNITY, M, ADULT): 11}),
]
TARGETS = {
    (Indicator.BENEFICIARIES, ""): 340,
    (Indicator.TRAINED, ""): 100,
    (Indicator.REACHED, ""): 1500,
    (Indicator.WORKSHOPS, ""): 4,
    (Indicator.WEBINAR_PARTICIPANTS, ""): 40,
    # "100 participants trained in four regions": 25 in each natural region.
    **{(Indicator.TRAINED, region): 25 for region in NaturalRegion.values},
    **{(Indicator.REACHED, region): 375 for region in NaturalRegion.values},
}


@transaction.atomic
def seed_events(*, organiser: User) -> None:
    today = timezone.localdate()
    conakry = Prefecture.objects.get(code="conakry")
    workshop = Event.objects.filter(title=WORKSHOP).first()
    if workshop is None:
        workshop = services.event_save(
            event=Event(
                kind=Event.Kind.VALIDATION_WORKSHOP,
                title=WORKSHOP,
                start_date=today - datetime.timedelta(days=40),
                end_date=today - datetime.timedelta(days=39),
                place=Event.Place.PREFECTURE,
                prefecture=conakry,
                venue="Hôtel Riviera, Conakry",
                organiser="OIM et HCR, avec l'OPROGEM",
                audiences=[Audience.POLICE, Audience.CIVIL_SOCIETY, Audience.LOCAL_AUTHORITY],
                outcome_notes="La revue du système de protection est validée ; 12 recommandations adoptées.",
            ),
            created_by=organiser,
        )
        services.event_counts_set(event=workshop, grid=WORKSHOP_COUNTS)
    webinar = Event.objects.filter(title=WEBINAR).first()
    if webinar is None:
        webinar = services.event_save(
            event=Event(
                kind=Event.Kind.WEBINAR,
                title=WEBINAR,
                start_date=today - datetime.timedelta(days=14),
                end_date=today - datetime.timedelta(days=14),
                place=Event.Place.ONLINE,
                organiser="OIM, bureau régional de Dakar",
                audiences=[Audience.CIVIL_SOCIETY, Audience.LOCAL_AUTHORITY],
                join_link="https://meet.example.org/securite-humaine",
                registration_open=True,
            ),
            created_by=organiser,
        )
    for number, (name, organisation, country) in enumerate(WEBINAR_PEOPLE, start=1):
        services.registrant_add(
            event=webinar,
            name=name,
            organisation=organisation,
            country=country,
            email=f"webinaire{number:02d}@example.org",
        )
    Registrant.objects.filter(event=webinar).update(attended=True)


@transaction.atomic
def seed_logs(*, ambassador: User, reviewer: User) -> None:
    today = timezone.localdate()
    prefectures = {p.code: p for p in Prefecture.objects.all()}
    for code, locality, days_ago, status, grid in LOGS:
        date = today - datetime.timedelta(days=days_ago)
        if OutreachLog.objects.filter(ambassador=ambassador, date=date, locality=locality).exists():
            continue
        log = services.outreach_log_create(
            ambassador=ambassador,
            date=date,
            prefecture=prefectures[code],
            locality=locality,
            topics=[OutreachLog.Topic.SAFE_MIGRATION, OutreachLog.Topic.WHERE_TO_GET_HELP],
            materials=[OutreachLog.Material.POSTER],
            referrals=1 if days_ago % 2 else 0,
            note="",
            grid=grid,
        )
        if status != OutreachLog.Status.SUBMITTED:
            note = "" if status == OutreachLog.Status.VALIDATED else "900 personnes dans un quartier : à vérifier."
            services.outreach_log_review(log=log, reviewer=reviewer, status=status, note=note)


@transaction.atomic
def seed_targets() -> None:
    for (indicator, region), value in TARGETS.items():
        IndicatorTarget.objects.get_or_create(
            indicator=indicator, natural_region=region, administrative_region=None, defaults={"value": value}
        )


def seed() -> None:
    """The events demo: needs the demo accounts of lms.demo (it does nothing without them)."""
    organiser = User.objects.filter(username="formateur").first()
    ambassador = User.objects.filter(username="ambassadeur").first()
    reviewer = User.objects.filter(username="admin").first()
    seed_targets()
    if organiser is None or ambassador is None or reviewer is None:
        return
    seed_events(organiser=organiser)
    seed_logs(ambassador=ambassador, reviewer=reviewer)
