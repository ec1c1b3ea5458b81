"""Writes on people: every change to a user's profile or consent goes through here."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from lms import roles
from lms.consent import consent_text
from lms.models import Audience, ConsentRecord, Prefecture, User


@transaction.atomic
def user_record_consent(
    *,
    user: User,
    version: str | None = None,
    language: str | None = None,
    source: str = ConsentRecord.Source.SIGNUP,
) -> User:
    """Record that `user` accepted the consent text of `version` (the current one by default), now.

    The text recorded is the one shown, in `language` (the person's preferred language by default).
    A consent already in force is closed first, so exactly one record is in force afterwards.
    """
    now = timezone.now()
    language = language or user.preferred_language or settings.LANGUAGE_CODE
    ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
    record = ConsentRecord(
        user=user,
        version=version or settings.CONSENT_VERSION,
        language=language,
        text=consent_text(language),
        source=source,
        given_at=now,
    )
    record.full_clean()
    record.save()
    user.consent_given_at = now
    user.consent_version = record.version
    user.consent_withdrawn_at = None
    user.full_clean(exclude=["password"])
    user.save(update_fields=["consent_given_at", "consent_version", "consent_withdrawn_at"])
    return user


@transaction.atomic
def user_withdraw_consent(*, user: User) -> User:
    """The person withdraws their consent: from now on evaluator views and exports leave them out.

    Idempotent: withdrawing twice keeps the first date.
    """
    if user.consent_withdrawn_at is not None:
        return user
    now = timezone.now()
    ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
    user.consent_withdrawn_at = now
    user.save(update_fields=["consent_withdrawn_at"])
    return user


@transaction.atomic
def user_complete_signup(
    *,
    user: User,
    display_name: str = "",
    audience: str = "",
    prefecture: Prefecture | None = None,
    language: str = "fr",
    consent_version: str | None = None,
) -> User:
    """Fill the profile of a person who has just signed up and record their consent.

    The display name falls back to the username, so a certificate always has a name on it.
    Refuses (ValidationError) an unknown audience or language.
    """
    user.display_name = display_name.strip() or user.username
    user.audience = audience if audience in Audience.values else ""
    user.prefecture = prefecture
    user.preferred_language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(Group.objects.get_or_create(name=roles.TRAINEE)[0])
    return user_record_consent(user=user, version=consent_version, language=user.preferred_language)


@transaction.atomic
def user_first_login(
    *, user: User, password: str, consent_version: str | None = None, language: str | None = None
) -> User:
    """A person with a one-time password (a roster sheet) sets their own and gives their consent."""
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    return user_record_consent(
        user=user, version=consent_version, language=language, source=ConsentRecord.Source.FIRST_LOGIN
    )


def signup_email_claim(*, request, user: User, email: str, already_used: bool) -> None:
    """Attach `email`, unconfirmed, to `user` (who just signed up), and write to that address.

    The same for a new address and one another account uses, so that sign-up never says which:
    - new: allauth's confirmation link; confirming makes it the account's address (user.email);
    - already used: allauth's "account already exists" mail to its owner. The claim can never be
      confirmed: no link is sent for it (lms.adapters.AccountAdapter.should_send_confirmation_mail).
    Both answer with the same "confirmation email sent" message.
    """
    from allauth.account.adapter import get_adapter
    from allauth.account.internal.flows.email_verification import add_email_verification_sent_message
    from allauth.account.models import EmailAddress
    from allauth.utils import build_absolute_uri
    from django.urls import reverse

    address = EmailAddress.objects.create(user=user, email=email.lower(), primary=False, verified=False)
    if already_used:
        context = {
            "request": request,
            "email": email,
            "password_reset_url": build_absolute_uri(request, reverse("account_reset_password")),
        }
        get_adapter(request).send_mail("account/email/account_already_exists", email, context)
    else:
        address.send_confirmation(request, signup=True)
    add_email_verification_sent_message(request, email, signup=True)


def user_declare_groups(*, user: User, sex: str = "", age_band: str = "") -> User:
    """Record (or clear, with "") the sex and age band a person declares on their account page.

    Both optional; refuses (ValidationError) a value that is not one of the choices.
    """
    user.sex, user.age_band = sex, age_band
    user.full_clean(exclude=["password"], validate_unique=False, validate_constraints=False)
    user.save(update_fields=["sex", "age_band"])
    return user
