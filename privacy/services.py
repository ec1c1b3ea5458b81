"""Writes of data protection: erasure requests, erasure itself, and the retention policy.

Erasure keeps every row that a statistic counts (attempts, responses' scores, enrolments,
participation, attendance) and removes what identifies the person: the account becomes an anonymous
remainder with a random pseudonym, no name, no contact and no password. So a session's pre/post
results and attendance rates are the same after erasure as before. What only serves the person
(H5P results and states, offline devices, email addresses, login sessions, the Wagtail profile) is
deleted; certificates are revoked ("holder erased") and their PDFs deleted; logs keep the event but
lose the name. Each app declares its personal data and what erasure, My data and retention do with it in its own
`personal_data` module (lms.data_protection); this module only runs those declarations.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import data_protection, roles
from lms.access_log import staff_access_log
from lms.models import StaffAccess, User
from privacy.models import ErasureRequest

ERASED_PREFIX = "erased-"
# Accounts of people who work on the platform are never erased by the retention policy.
STAFF_ROLES = [roles.TRAINER, roles.EVALUATOR, roles.EDITOR, roles.ADMINISTRATOR]


class ErasureRefused(ValidationError):
    pass


# --- Requests -----------------------------------------------------------------------------------


@transaction.atomic
def erasure_request(*, user: User, origin: str = ErasureRequest.Origin.PERSON) -> ErasureRequest:
    """The person (or an administrator for them) asks for erasure; idempotent while one is pending."""
    if user_is_erased(user=user):
        raise ErasureRefused(_("This account is already erased."))
    request, _created = ErasureRequest.objects.get_or_create(
        user=user, status=ErasureRequest.Status.PENDING, defaults={"origin": origin}
    )
    return request


@transaction.atomic
def erasure_request_cancel(*, user: User) -> int:
    """The person changes their mind before an administrator acts; how many requests were cancelled."""
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).update(
        status=ErasureRequest.Status.CANCELLED
    )


def user_is_erased(*, user: User) -> bool:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.COMPLETED).exists()


# --- Erasure ------------------------------------------------------------------------------------


@dataclass
class ErasureReport:
    pseudonym: str
    counts: dict[str, int] = field(default_factory=dict)


@transaction.atomic
def user_erase(*, user: User, actor=None, origin: str = ErasureRequest.Origin.ADMINISTRATOR) -> ErasureReport:
    """Irreversibly anonymise `user` everywhere; completes their pending erasure request (or records one).

    Refuses an account already erased. Statistics are unchanged (see the module docstring).
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user_is_erased(user=user):
        raise ErasureRefused(_("This account is already erased."))
    now = timezone.now()
    pseudonym = ERASED_PREFIX + secrets.token_hex(6)
    context = data_protection.ErasureContext(
        user=user, pseudonym=pseudonym, identifiers=data_protection.identifiers_of(user), actor=actor, now=now
    )
    report = ErasureReport(pseudonym=pseudonym)
    # Each app erases what it declared (lms.data_protection), before the account loses its identity.
    for erase in data_protection.hooks("erase"):
        for kind, count in erase(context).items():
            report.counts[kind] = report.counts.get(kind, 0) + count
    # The account itself: a pseudonym and nothing else that identifies the person.
    for name in data_protection.fields_with("lms.User", data_protection.EMPTIED):
        if name not in ("password", "last_login", "groups", "user_permissions"):
            setattr(user, name, "")
    user.username = pseudonym
    user.set_unusable_password()
    user.last_login = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.must_change_password = False
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    pending = ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
    request = pending or ErasureRequest(user=user, origin=origin, requested_at=now)
    request.status = ErasureRequest.Status.COMPLETED
    request.completed_at = now
    request.completed_by = actor if actor is not None and actor.is_authenticated else None
    request.full_clean()
    request.save()
    staff_access_log(user=actor, what=StaffAccess.What.ERASURE, subject=f"user:{user.pk}")
    return report


# --- Retention ----------------------------------------------------------------------------------


def inactive_accounts(*, now=None):
    """Trainee accounts unused for RETENTION_INACTIVE_ACCOUNT_DAYS (staff roles and erased accounts excluded)."""
    limit = data_protection.retention_limit("RETENTION_INACTIVE_ACCOUNT_DAYS", now or timezone.now())
    if limit is None:
        return User.objects.none()
    return (
        User.objects.filter(is_staff=False, is_superuser=False)
        .exclude(groups__name__in=STAFF_ROLES)
        .exclude(erasure_requests__status=ErasureRequest.Status.COMPLETED)
        .filter(Q(last_login__lt=limit) | Q(last_login__isnull=True, date_joined__lt=limit))
    )


def apply_retention(*, now=None) -> dict[str, int]:
    """Remove what the retention policy (settings RETENTION_*) says has expired; counts per category.

    Idempotent and safe to run daily: each category only ever selects what is past its limit, and a
    category whose setting is 0 or empty is kept for ever. Each account is erased in its own
    transaction, so one failure does not undo the others.
    """
    now = now or timezone.now()
    counts: dict[str, int] = {}
    erased = 0
    for user in inactive_accounts(now=now).distinct().iterator():
        user_erase(user=user, origin=ErasureRequest.Origin.RETENTION)
        erased += 1
    counts["inactive_accounts_erased"] = erased

    with transaction.atomic():
        for apply in data_protection.hooks("apply_retention"):
            counts.update(apply(now=now))
    return counts
