"""Writes on certificates: evaluate and issue (exactly once), revoke, re-issue, and the sweep.

Issuing is idempotent: the enrolment row is locked while a certificate is decided and created, and
a unique constraint (one live certificate per enrolment and kind) stops any race that slips past
the lock (SQLite has no row locks). A task or a command may therefore call it any number of times.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates import codes, hooks, pdf_signing, rendering, rules, selectors, signing
from certificates.models import Certificate, CertificateEvent, CertificateRule, Kind
from courses.models import CoursePage, Enrolment

logger = logging.getLogger(__name__)


# --- Data that is signed, printed and encoded in the QR code --------------------------------------


def signed_data(certificate: Certificate) -> dict:
    """What the Ed25519 signature covers and the QR code carries: who, which code, which kind, when.

    The module's title stays out: it would double the QR code's size, and the online check shows it.
    Version 2 names the signing key (`kid`); certificates signed before (version 1) keep their data.
    """
    data = {
        "v": 2 if certificate.key_id else 1,
        "c": certificate.code,
        "n": certificate.holder_name,
        "k": certificate.kind,
        "i": certificate.issued_at.date().isoformat(),
        "e": certificate.expires_at.date().isoformat() if certificate.expires_at else "",
    }
    if certificate.key_id:
        data["kid"] = certificate.key_id
    return data


def verification_url(certificate: Certificate) -> str:
    """The QR code's URL. The signed data travel in the fragment (after #): browsers never send it,
    so the holder's name does not reach the server's logs, yet `verify_certificate --offline` reads it."""
    data = signing.b64url(signing.canonical(signed_data(certificate)))
    path = reverse("verification:code", kwargs={"code": certificate.code})
    return f"{settings.CERTIFICATE_BASE_URL.rstrip('/')}{path}#{data}.{certificate.signature}"


def _date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y")


def duration_text(certificate: Certificate) -> str:
    """ "Duration: 2 hours", "Duration: 1 h 15 min" or "Duration: 45 min", in the active language."""
    minutes = certificate.minutes
    if not minutes or minutes % 60 == 0:
        # No minutes (issued before they were kept, or a module estimated at 0): the hours, at least 1.
        hours = certificate.hours if not minutes else minutes // 60
        return ngettext("Duration: %(hours)s hour", "Duration: %(hours)s hours", hours) % {"hours": hours}
    hours, rest = divmod(minutes, 60)
    if hours:
        duration = _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
    else:
        duration = _("%(minutes)s min") % {"minutes": rest}
    return _("Duration: %(duration)s") % {"duration": duration}


def page_for(certificate: Certificate, signatories=()) -> rendering.Page:
    """The certificate's printed text, in its language."""
    with translation.override(certificate.language):
        completion = certificate.kind == Kind.COMPLETION
        details = [duration_text(certificate)]
        if certificate.session_text:
            details.append(certificate.session_text)
        return rendering.Page(
            heading=_("Completion certificate") if completion else _("Participation certificate"),
            intro=_("is awarded to"),
            holder_name=certificate.holder_name,
            for_text=_("for successfully completing the training")
            if completion
            else _("for taking part in the training"),
            title=certificate.title,
            details=details,
            issued=_("Issued on %(date)s") % {"date": _date(certificate.issued_at)},
            expires=_("Valid until %(date)s") % {"date": _date(certificate.expires_at)}
            if certificate.expires_at
            else "",
            issuer=settings.CERTIFICATE_ISSUER_NAME,
            code_label=_("Verification code"),
            code=certificate.grouped_code,
            verify_hint=_("Check this certificate: scan the QR code or enter the code at %(url)s")
            % {"url": settings.CERTIFICATE_BASE_URL.rstrip("/") + reverse("verification:verify")},
            verify_url=verification_url(certificate),
            signatures=[
                rendering.Signature(
                    name=s.name,
                    position=", ".join(p for p in (s.position, s.organisation) if p),
                    logo_path=_logo_path(s),
                )
                for s in list(signatories)[:3]
            ],
            document_title=certificate.grouped_code,
        )


def _logo_path(signatory) -> str:
    try:
        return signatory.logo.file.path if signatory.logo_id else ""
    except (NotImplementedError, ValueError, OSError):
        return ""


def render_pdf(certificate: Certificate, signatories=()) -> bytes:
    """The certificate's page as PDF bytes, dated its issue and in its language (not yet signed)."""
    return rendering.render(
        page_for(certificate, signatories),
        font_dir=settings.CERTIFICATE_FONT_DIR,
        created=certificate.issued_at,
        language=certificate.language,
    )


# --- Issuing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    certificate: Certificate | None
    created: bool
    decision: rules.Decision | None = None


def _title_and_language(enrolment: Enrolment) -> tuple[str, str]:
    language = enrolment.user.preferred_language if enrolment.user.preferred_language in ("fr", "en") else "fr"
    course = enrolment.course
    translated = None
    if language != settings.LANGUAGE_CODE:  # learner state points at the source-language page
        translated = (
            CoursePage.objects.live()
            .filter(translation_key=course.translation_key, locale__language_code=language)
            .first()
        )
    page = translated or course
    return page.public_title or course.public_title or page.title, language


def _issue(*, enrolment: Enrolment, kind: str, rule: CertificateRule, actor=None, action=None) -> Certificate:
    title, language = _title_and_language(enrolment)
    now = timezone.now()
    name = unicodedata.normalize("NFC", enrolment.user.display_name.strip() or enrolment.user.username)
    certificate = Certificate(
        enrolment=enrolment,
        kind=kind,
        code=codes.new_code(),
        holder_name=name,
        language=language,
        title=title,
        hours=enrolment.course.hours,
        minutes=enrolment.course.certificate_minutes,
        session_text=hooks.session_details(enrolment=enrolment),
        issued_at=now,
        expires_at=now + timedelta(days=round(30.44 * rule.validity_months)) if rule.validity_months else None,
    )
    certificate.key_id = signing.key_id(signing.public_key())
    certificate.signature = signing.sign(signing.canonical(signed_data(certificate)))
    # Signed once, here: the stored file and its hash are what was issued.
    pdf = pdf_signing.sign(render_pdf(certificate, rule.signatories.all()), issuer=settings.CERTIFICATE_ISSUER_NAME)
    certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
    try:
        # Field checks here; uniqueness is the database's job (the constraint and the row lock above).
        certificate.full_clean(
            exclude=["enrolment", "superseded_by"], validate_unique=False, validate_constraints=False
        )
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate, action=action or CertificateEvent.Action.ISSUED, actor=actor
        )
    except BaseException:
        # No row will point at the file: remove it. A process killed here leaves it to the sweep
        # (certificate_files_orphaned_remove).
        certificate.pdf.storage.delete(certificate.pdf.name)
        raise
    if enrolment.user.email:
        transaction.on_commit(lambda: _notify(certificate.pk))
    return certificate


def certificate_evaluate(*, enrolment_id: int) -> Outcome:
    """Decide an enrolment's certificate and issue it if earned and not yet issued. Idempotent.

    Refuses nothing: an enrolment without an active rule, or that earns nothing, returns no
    certificate. A completion certificate is issued even after a participation one.
    """
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.select_for_update().select_related("user", "course").get(pk=enrolment_id)
            rule = selectors.rule_for(course_id=enrolment.course_id)
            if rule is None or enrolment.status == Enrolment.Status.WITHDRAWN:
                return Outcome(None, False)
            decision = selectors.decision_for(enrolment=enrolment, rule=rule)
            live = selectors.live_certificates(enrolment_id=enrolment.pk)
            if decision.kind is None:
                return Outcome(live.get(Kind.COMPLETION) or live.get(Kind.PARTICIPATION), False, decision)
            if Kind.COMPLETION in live or decision.kind in live:
                return Outcome(live.get(Kind.COMPLETION) or live[decision.kind], False, decision)
            return Outcome(_issue(enrolment=enrolment, kind=decision.kind, rule=rule), True, decision)
    except IntegrityError:
        # Another process issued it between our read and our write (SQLite has no row locks).
        live = selectors.live_certificates(enrolment_id=enrolment_id)
        return Outcome(live.get(Kind.COMPLETION) or next(iter(live.values()), None), False)


def _notify(certificate_id: int) -> None:
    """Email the holder (when they have an address). The subject never names the module."""
    certificate = Certificate.objects.select_related("enrolment__user").get(pk=certificate_id)
    user = certificate.enrolment.user
    if not user.email:
        return
    with translation.override(certificate.language):
        url = settings.CERTIFICATE_BASE_URL.rstrip("/") + reverse("certificates:mine")
        body = _(
            "Hello %(name)s,\n\nYour certificate “%(title)s” is ready. Download it from My certificates:\n%(url)s\n\n"
            "Verification code: %(code)s"
        ) % {"name": certificate.holder_name, "title": certificate.title, "url": url, "code": certificate.grouped_code}
        try:
            send_mail(_("Your certificate is ready"), body, None, [user.email])
        except OSError:
            logger.warning("certificate email to user %s failed", user.pk, exc_info=True)


# --- Enqueueing ---------------------------------------------------------------------------------


def _send(enrolment_ids: list[int]) -> None:
    from certificates import tasks

    for enrolment_id in enrolment_ids:
        try:
            tasks.evaluate_certificate.delay(enrolment_id)
        except Exception:
            logger.warning("could not enqueue certificate evaluation for enrolment %s", enrolment_id, exc_info=True)


def enqueue_evaluation(*, enrolment_ids: list[int]) -> None:
    """Evaluate these enrolments in the background once the current transaction commits."""
    if enrolment_ids:
        transaction.on_commit(lambda: _send(list(enrolment_ids)))


def enrolments_changed(*, user_ids: list[int], course_page_ids: list[int] | None = None) -> None:
    """Something that rules look at changed (attendance, a rule): re-evaluate these enrolments.

    The sessions app calls this from its `ATTENDANCE_LISTENER` hook; the rule admin calls it on save.
    """
    enrolments = Enrolment.objects.exclude(status=Enrolment.Status.WITHDRAWN)
    if user_ids is not None:
        enrolments = enrolments.filter(user_id__in=user_ids)
    if course_page_ids is not None:
        enrolments = enrolments.filter(course_id__in=course_page_ids)
    enqueue_evaluation(enrolment_ids=list(enrolments.values_list("pk", flat=True)))


def on_submission(attempt_id) -> None:
    """assessments.hooks.SUBMISSION_LISTENER: a test was submitted (already committed)."""
    from assessments.models import Attempt

    attempt = Attempt.objects.select_related("test").filter(pk=attempt_id).first()
    if attempt is None:
        return
    ids = list(
        Enrolment.objects.filter(user_id=attempt.user_id, course_id=attempt.test.course_id).values_list("pk", flat=True)
    )
    _send(ids)


def rule_changed(*, rule: CertificateRule) -> None:
    enrolments_changed(user_ids=None, course_page_ids=[rule.course_id])


def certificates_sweep(*, enrolments: QuerySet | None = None, course_slug: str | None = None, enqueue: bool = True):
    """Find enrolments that may earn a certificate they do not have.

    With `enqueue`, queue one evaluation task for each candidate (Celery beat runs this, so a lost
    message or a broker outage loses nothing) and return their ids: the tasks decide, so the sweep
    itself stays cheap and the workers start at once. Without, decide and issue right here and
    return the certificates created (`issue_certificates`).
    """
    found = []
    for enrolment in selectors.sweep_candidates(enrolments=enrolments, course_slug=course_slug):
        if enqueue:
            _send([enrolment.pk])
            found.append(enrolment.pk)
            continue
        outcome = certificate_evaluate(enrolment_id=enrolment.pk)
        if outcome.created:
            found.append(outcome.certificate)
    return found


def certificate_files_orphaned_remove(*, older_than: timedelta) -> list[str]:
    """Delete the certificate PDFs that no certificate points at, written more than `older_than` ago.

    Issuing writes the PDF before its transaction commits; when the process dies in between (a
    killed worker), the transaction rolls back and the file stays behind. The sweep calls this; the
    age keeps it away from the files of issuings still in progress. Returns the names deleted.
    """
    storage = Certificate._meta.get_field("pdf").storage
    folder = Certificate._meta.get_field("pdf").upload_to.rstrip("/")
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = {f"{folder}/{name}" for name in files if name.endswith(".pdf")}
    known = set(Certificate.objects.filter(pdf__in=names).values_list("pdf", flat=True))
    limit = timezone.now() - older_than
    removed = []
    for name in sorted(names - known):
        if storage.get_modified_time(name) < limit and not Certificate.objects.filter(pdf=name).exists():
            storage.delete(name)
            removed.append(name)
    if removed:
        logger.warning("removed %s certificate PDF(s) left by an interrupted issuing: %s", len(removed), removed)
    return removed


# --- Administration -----------------------------------------------------------------------------


class CertificateRefused(Exception):
    pass


@transaction.atomic
def certificate_revoke(*, certificate_id: int, reason: str, actor=None) -> Certificate:
    """Revoke a certificate with a reason (kept in the audit log, never shown publicly) and delete
    its PDF."""
    if not reason.strip():
        raise CertificateRefused(_("Give a reason for the revocation."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
    if certificate.status != Certificate.Status.VALID:
        raise CertificateRefused(_("Only a valid certificate can be revoked."))
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason.strip()
    # A revoked certificate is not handed out any more: its PDF goes (its hash stays, as proof of
    # what was issued). The file is deleted once the revocation is committed, so a rollback leaves
    # the row and its file together; a process killed in between leaves the file to the sweep.
    pdf_name, certificate.pdf = certificate.pdf.name, ""
    certificate.save(update_fields=["status", "revoked_at", "revoked_reason", "pdf"])
    if pdf_name:
        storage = certificate.pdf.storage
        transaction.on_commit(lambda: storage.delete(pdf_name))
    CertificateEvent.objects.create(
        certificate=certificate, action=CertificateEvent.Action.REVOKED, actor=actor, reason=reason.strip()
    )
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate_id: int, actor=None, reason: str = "") -> Certificate:
    """After a name correction: the old certificate becomes superseded; a new one (new code) is issued
    with the holder's current display name."""
    old = (
        Certificate.objects.select_for_update()
        .select_related("enrolment__user", "enrolment__course")
        .get(pk=certificate_id)
    )
    if old.status == Certificate.Status.SUPERSEDED:
        raise CertificateRefused(_("This certificate has already been replaced."))
    rule = CertificateRule.objects.filter(course_id=old.enrolment.course_id).first()
    if rule is None:
        raise CertificateRefused(_("This module has no certificate rule."))
    old.status = Certificate.Status.SUPERSEDED
    old.save(update_fields=["status"])
    new = _issue(
        enrolment=old.enrolment, kind=old.kind, rule=rule, actor=actor, action=CertificateEvent.Action.REISSUED
    )
    old.superseded_by = new
    old.save(update_fields=["superseded_by"])
    CertificateEvent.objects.filter(certificate=new).update(reason=reason)
    return new


def badge_facts(certificate: Certificate, *, with_status: bool = True):
    """The plain values of a certificate's Open Badges 3.0 credential. `with_status` (for a badge) gives
    the certificate its bit in the revocation status list the first time (certificates.open_badges)."""
    import uuid

    from certificates import badges, open_badges

    base = settings.CERTIFICATE_BASE_URL.rstrip("/")
    with translation.override(certificate.language):
        name = _("Completion certificate") if certificate.kind == Kind.COMPLETION else _("Participation certificate")
        criteria = (
            _("Completed the training and passed its post-test.")
            if certificate.kind == Kind.COMPLETION
            else _("Took part in the training.")
        )
    credential_url = base + reverse("verification:code", kwargs={"code": certificate.code})
    return badges.BadgeFacts(
        credential_url=credential_url,
        achievement_url=open_badges.achievement_url(course_id=certificate.enrolment.course_id, kind=certificate.kind),
        issuer_url=open_badges.issuer_url(),
        issuer_name=settings.CERTIFICATE_ISSUER_NAME,
        kind=certificate.kind,
        name=name,
        title=certificate.title,
        criteria=criteria,
        hours=certificate.minutes / 60 if certificate.minutes is not None else certificate.hours,
        holder_name=certificate.holder_name,
        salt=certificate.identity_salt,
        # Opaque and stable: derived from the random salt, so it says nothing about the holder or the code.
        subject_id=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, credential_url + '#' + certificate.identity_salt)}",
        issued_at=certificate.issued_at,
        expires_at=certificate.expires_at,
        language=certificate.language,
        status_list_url=open_badges.status_list_url(),
        status_list_index=open_badges.status_index(certificate=certificate) if with_status else None,
    )
