"""Writes of data protection: erasure requests, erasure itself, and the retention policy.

Erasure keeps every row that a statistic counts (attempts, responses' scores, enrolments,
participation, attendance) and removes what identifies the person: the account becomes an anonymous
remainder with a random pseudonym, no name, no contact and no password. So a session's pre/post
results and attendance rates are the same after erasure as before. What only serves the person
(H5P results and states, offline devices, email addresses, login sessions, the Wagtail profile) is
deleted; certificates are revoked ("holder erased") and their PDFs deleted; logs keep the event but
lose the name. The field-by-field treatment is privacy.inventory.
"""

from __future__ import annotations

import datetime
import json
import re
import secrets
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import OfflineDevice, OfflinePin, ReportAccess, Response
from assessments.models.questions import QuestionKind
from certificates.models import HOLDER_ERASED, Certificate, CertificateEvent
from courses.models import H5PResult, H5PState
from lms import roles
from lms.access_log import staff_access_log
from lms.models import StaffAccess, User
from privacy import inventory
from privacy.models import ErasureRequest
from training.models import Coordinator

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


def _identifiers(user: User) -> list[str]:
    """What identifies the person in free text: name, username, email, phone (longest first)."""
    found = {value.strip() for value in (user.display_name, user.username, user.email, user.phone) if value}
    return sorted((value for value in found if len(value) >= 3), key=len, reverse=True)


def _scrub_text(text: str, pattern: re.Pattern, pseudonym: str) -> str:
    return pattern.sub(pseudonym, text)


def _scrub(queryset, fields: list[str], identifiers: list[str], pseudonym: str) -> int:
    """Replace the identifiers in the given text (or JSON) fields of log rows; how many rows changed."""
    if not identifiers:
        return 0
    # Whole words only: a short username must not eat into other words of a log line.
    words = "|".join(re.escape(value) for value in identifiers)
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    condition = Q()
    for name in fields:
        for value in identifiers:
            condition |= Q(**{f"{name}__icontains": value})
    changed = 0
    for row in queryset.filter(condition):
        for name in fields:
            value = getattr(row, name)
            if isinstance(value, str):
                setattr(row, name, _scrub_text(value, pattern, pseudonym))
            elif value is not None:
                setattr(row, name, json.loads(_scrub_text(json.dumps(value), pattern, pseudonym)))
        row.save(update_fields=fields)
        changed += 1
    return changed


def _delete_sessions(user: User) -> None:
    """Log the person out everywhere (through the session store, so a cached copy goes too)."""
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now() - datetime.timedelta(days=1)).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()


def _revoke_certificates(user: User, actor, now) -> int:
    certificates = list(Certificate.objects.filter(enrolment__user=user))
    for certificate in certificates:
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        if certificate.status == Certificate.Status.VALID:
            certificate.status = Certificate.Status.REVOKED
        certificate.revoked_at = certificate.revoked_at or now
        certificate.revoked_reason = HOLDER_ERASED
        for name in inventory.fields_with("certificates.Certificate", inventory.REVOKED):
            if name in ("holder_name", "pdf", "pdf_sha256", "signature"):
                setattr(certificate, name, "")
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate, action=CertificateEvent.Action.REVOKED, actor=actor, reason=HOLDER_ERASED
        )
    return len(certificates)


def _delete_third_party(user: User) -> None:
    """Rows of installed packages that belong to the person (e-mail addresses, second factors, profile)."""
    for label in ("account.EmailAddress", "mfa.Authenticator", "usersessions.UserSession"):
        app_label, model_name = label.split(".")
        if apps.is_installed(f"allauth.{app_label}"):
            apps.get_model(app_label, model_name).objects.filter(user=user).delete()
    profile = apps.get_model("wagtailusers", "UserProfile").objects.filter(user=user).first()
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()


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
    identifiers = _identifiers(user)
    pseudonym = ERASED_PREFIX + secrets.token_hex(6)
    report = ErasureReport(pseudonym=pseudonym)
    counts = report.counts
    counts["certificates"] = _revoke_certificates(user, actor, now)
    counts["h5p_results"] = H5PResult.objects.filter(user=user).delete()[0]
    counts["h5p_states"] = H5PState.objects.filter(user=user).delete()[0]
    counts["offline_devices"] = OfflineDevice.objects.filter(user=user).delete()[0]
    OfflinePin.objects.filter(user=user).delete()
    Coordinator.objects.filter(user=user).delete()
    # Free-text answers may hold names; the score stays, so do the statistics.
    counts["short_answers"] = Response.objects.filter(attempt__user=user, question__kind=QuestionKind.SHORT).update(
        answer=""
    )
    _delete_sessions(user)
    _delete_third_party(user)
    # Logs keep the event, not the name.
    counts["log_entries"] = _scrub(LogEntry.objects.all(), ["object_repr", "change_message"], identifiers, pseudonym)
    counts["log_entries"] += _scrub(
        CertificateEvent.objects.filter(certificate__enrolment__user=user), ["reason"], identifiers, pseudonym
    )
    ReportAccess.objects.filter(user=user).update(username=pseudonym)
    StaffAccess.objects.filter(user=user).update(username=pseudonym)
    counts["log_entries"] += _scrub(StaffAccess.objects.all(), ["username"], identifiers, pseudonym)
    for label in ("wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry"):
        counts["log_entries"] += _scrub(apps.get_model(label).objects.all(), ["label", "data"], identifiers, pseudonym)
    # The account itself: a pseudonym and nothing else that identifies the person.
    for name in inventory.fields_with("lms.User", inventory.EMPTIED):
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


def _days(name: str) -> int | None:
    value = getattr(settings, name, None)
    return int(value) if value else None


def inactive_accounts(*, now=None):
    """Trainee accounts unused for RETENTION_INACTIVE_ACCOUNT_DAYS (staff roles and erased accounts excluded)."""
    days = _days("RETENTION_INACTIVE_ACCOUNT_DAYS")
    if days is None:
        return User.objects.none()
    limit = (now or timezone.now()) - datetime.timedelta(days=days)
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

    def older_than(setting: str) -> datetime.datetime | None:
        days = _days(setting)
        return now - datetime.timedelta(days=days) if days is not None else None

    with transaction.atomic():
        limit = older_than("RETENTION_ACCESS_LOG_DAYS")
        counts["staff_access_log"] = StaffAccess.objects.filter(at__lt=limit).delete()[0] if limit else 0
        counts["report_access_log"] = ReportAccess.objects.filter(at__lt=limit).delete()[0] if limit else 0
        limit = older_than("RETENTION_OFFLINE_DEVICE_DAYS")
        counts["offline_devices"] = OfflineDevice.objects.filter(expires_at__lt=limit).delete()[0] if limit else 0
        limit = older_than("RETENTION_ADMIN_LOG_DAYS")
        counts["admin_log_entries"] = LogEntry.objects.filter(action_time__lt=limit).delete()[0] if limit else 0
        counts["expired_login_sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]
    return counts
