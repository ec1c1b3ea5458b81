"""Reads about events and outreach logs, and the one scoping rule for each:

- events: administrators see all; organisers (trainers) the events they created and those held in a
  region they coordinate; nobody else any.
- outreach logs: an ambassador sees their own; a coordinator those of their regions; administrators all.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum

from events.models import Event, OutreachLog, Registrant
from lms.models import Prefecture
from lms.text import sort_key
from training.models import Coordinator
from training.selectors import is_administrator

MANAGE_EVENTS = "events.manage_events"
LOG_OUTREACH = "events.log_outreach"
VIEW_PROGRAMME = "lms.view_evaluation"


def can_manage_events(user) -> bool:
    return user.is_authenticated and (is_administrator(user) or user.has_perm(MANAGE_EVENTS))


def can_log_outreach(user) -> bool:
    return user.is_authenticated and user.has_perm(LOG_OUTREACH)


def can_review_outreach(user) -> bool:
    return user.is_authenticated and (is_administrator(user) or Coordinator.objects.filter(user=user).exists())


def can_view_programme(user) -> bool:
    return user.is_authenticated and (is_administrator(user) or user.has_perm(VIEW_PROGRAMME))


def _coordinated_regions(user) -> QuerySet:
    return Coordinator.objects.filter(user=user).values("region_id")


def events_visible_to(*, user) -> QuerySet[Event]:
    if not can_manage_events(user):
        return Event.objects.none()
    if is_administrator(user):
        return Event.objects.all()
    return Event.objects.filter(Q(created_by=user) | Q(prefecture__region_id__in=_coordinated_regions(user)))


def event_for(*, user, pk: int) -> Event:
    """The event if `user` may manage it; raises Event.DoesNotExist otherwise."""
    return (
        events_visible_to(user=user)
        .select_related("prefecture__region", "created_by")
        .prefetch_related("documents")
        .get(pk=pk)
    )


def event_list(*, user) -> list[Event]:
    return list(
        events_visible_to(user=user)
        .select_related("prefecture")
        .annotate(
            registered=Count("registrants", distinct=True),
            counted=Sum("counts__count"),
        )
    )


def event_open_for_registration(*, pk: int) -> Event:
    """An event anyone may register for; raises Event.DoesNotExist otherwise."""
    return Event.objects.prefetch_related("documents").get(pk=pk, registration_open=True)


def registrants(*, event: Event) -> list[Registrant]:
    # Sorted in Python (an event has tens of registrants): the databases' orders put "Sékou" after
    # "Souleymane" and "Ɓah" after "Zoumanigui".
    return sorted(Registrant.objects.filter(event=event).order_by("pk"), key=lambda r: sort_key(r.name))


def event_counts(*, event: Event) -> dict[tuple[str, str, str], int]:
    return {(c.audience, c.sex, c.age_band): c.count for c in event.counts.all()}


# --- Outreach ---------------------------------------------------------------------------------------


def logs_visible_to(*, user) -> QuerySet[OutreachLog]:
    if not user.is_authenticated:
        return OutreachLog.objects.none()
    if is_administrator(user):
        return OutreachLog.objects.all()
    regions = _coordinated_regions(user)
    return OutreachLog.objects.filter(Q(ambassador=user) | Q(prefecture__region_id__in=regions))


def log_for(*, user, pk: int) -> OutreachLog:
    return logs_visible_to(user=user).select_related("prefecture__region").prefetch_related("counts").get(pk=pk)


def _with_totals(logs: QuerySet[OutreachLog]) -> QuerySet[OutreachLog]:
    return logs.select_related("prefecture").annotate(reached=Sum("counts__count"))


def own_logs(*, user) -> list[OutreachLog]:
    return list(_with_totals(OutreachLog.objects.filter(ambassador=user))[:50])


def logs_to_review(*, user, status: str | None = None) -> list[OutreachLog]:
    """The logs of the regions `user` coordinates (all for administrators), newest first.

    Ambassadors are shown by their username only to those who review them (not their name)."""
    if is_administrator(user):
        logs = OutreachLog.objects.all()
    else:
        logs = OutreachLog.objects.filter(prefecture__region_id__in=_coordinated_regions(user))
    if status:
        logs = logs.filter(status=status)
    return list(_with_totals(logs).select_related("ambassador")[:200])


def region_activity(*, user) -> list[dict]:
    """Per prefecture of the reviewer's regions: logs by status and validated people reached."""
    prefectures = Prefecture.objects.all()
    if not is_administrator(user):
        prefectures = prefectures.filter(region_id__in=_coordinated_regions(user))
    rows = (
        OutreachLog.objects.filter(prefecture__in=prefectures)
        .values("prefecture__name")
        .annotate(
            logs=Count("pk", distinct=True),
            waiting=Count("pk", filter=Q(status=OutreachLog.Status.SUBMITTED), distinct=True),
            validated=Count("pk", filter=Q(status=OutreachLog.Status.VALIDATED), distinct=True),
        )
        .order_by("prefecture__name")
    )
    reached = dict(
        OutreachLog.objects.filter(prefecture__in=prefectures, status=OutreachLog.Status.VALIDATED)
        .values("prefecture__name")
        .annotate(total=Sum("counts__count"))
        .values_list("prefecture__name", "total")
    )
    return [{**row, "reached": reached.get(row["prefecture__name"]) or 0} for row in rows]
