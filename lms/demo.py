"""Demo data for the core: the site, the home page in both languages and one account per role.

Every function is idempotent: running the seed twice changes nothing and duplicates nothing. Later
apps add their own seed functions; `seed_demo` calls them in dependency order.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from lms import mfa, roles
from lms.consent import consent_text
from lms.models import Audience, ConsentRecord, HomePage, Prefecture, User

HOME_CONTENT = {
    "fr": {
        "title": "Se former contre la traite des personnes",
        "intro": (
            "<p>Modules de formation pour les policiers, les organisations de la société civile, les "
            "leaders religieux et communautaires, les autorités locales et les migrants de retour, "
            "selon l'approche de sécurité humaine.</p>"
        ),
        "body": (
            "<h2>Comment ça marche</h2>"
            "<ol><li>Créez un compte avec un nom d'utilisateur : le courriel n'est pas obligatoire.</li>"
            "<li>Faites le pré-test, suivez les leçons, puis le post-test.</li>"
            "<li>Recevez votre attestation de formation, que chacun peut vérifier.</li></ol>"
            "<p>La traite des personnes réunit trois éléments : l'acte, les moyens et la finalité "
            "d'exploitation (Protocole de Palerme, 2000, article 3).</p>"
        ),
    },
    "en": {
        "title": "Training against trafficking in persons",
        "intro": (
            "<p>Training modules for police officers, civil society organisations, religious and "
            "community leaders, local authorities and returned migrants, using the human security "
            "approach.</p>"
        ),
        "body": (
            "<h2>How it works</h2>"
            "<ol><li>Create an account with a username: an email address is not required.</li>"
            "<li>Take the pre-test, follow the lessons, then the post-test.</li>"
            "<li>Receive your training certificate, which anyone can verify.</li></ol>"
            "<p>Trafficking in persons combines three elements: the act, the means and the purpose "
            "of exploitation (Palermo Protocol, 2000, article 3).</p>"
        ),
    },
}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    display_name: str
    audience: str = ""
    prefecture: str = ""
    # What the printed list of logins says the account is for, when its group alone says too little.
    label: str | StrPromise = ""

    @property
    def role_label(self) -> str:
        return str(self.label or roles.ROLE_LABELS[self.role])


DEMO_ACCOUNTS = [
    DemoAccount("apprenant", "demo-apprenant", roles.TRAINEE, "Mariama Diallo", Audience.CIVIL_SOCIETY, "kankan"),
    DemoAccount("formateur", "demo-formateur", roles.TRAINER, "Alpha Camara", "", "kankan"),
    # A trainer who follows every session of the Kankan region (training.demo scopes it).
    DemoAccount(
        "coordinateur",
        "demo-coordinateur",
        roles.TRAINER,
        "Kadiatou Keïta",
        "",
        "kankan",
        label=_("Region coordinator (Kankan): follows the region's sessions"),
    ),
    DemoAccount("evaluateur", "demo-evaluateur", roles.EVALUATOR, "Fatoumata Bah"),
    DemoAccount("editeur", "demo-editeur", roles.EDITOR, "Sékou Kourouma"),
    DemoAccount("admin", "demo-admin", roles.ADMINISTRATOR, "Administrateur"),
    # A migrant ambassador in Kankan who logs community dialogues (events.demo adds their logs).
    DemoAccount("ambassadeur", "demo-ambassadeur", roles.AMBASSADOR, "Moussa Kéita", "", "kankan"),
]


# The demo's staff accounts share this authenticator-app secret (base32 of "DEMO-TOTP-NOT-SECRET");
# `manage.py demo_totp_code` prints its current code. Published in the code: a demo, never production.
DEMO_TOTP_SECRET = "IRCU2TZNKRHVIUBNJZHVILKTIVBVERKU"  # noqa: S105 - a demo secret, published on purpose


@transaction.atomic
def seed_home_pages() -> dict[str, HomePage]:
    """The French home page as the site root, and its English translation, both published."""
    fr = Locale.objects.get(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()

    home_fr = HomePage.objects.filter(locale=fr).first()
    if home_fr is None:
        home_fr = HomePage(slug="accueil", locale=fr, **HOME_CONTENT["fr"])
        root.add_child(instance=home_fr)
        home_fr.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    old_root_id = site.root_page_id
    site.hostname = site.hostname or "localhost"
    site.port = site.port or 80
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.root_page = home_fr
    site.save()
    # Wagtail's placeholder "Welcome" page is replaced by ours; remove it once nothing points to it.
    if old_root_id and old_root_id != home_fr.pk:
        placeholder = Page.objects.filter(pk=old_root_id, depth=2, content_type__model="page").first()
        if placeholder is not None and not placeholder.get_children().exists():
            placeholder.delete()

    home_en = home_fr.get_translation_or_none(en)
    if home_en is None:
        home_en = home_fr.copy_for_translation(en)
        for field, value in HOME_CONTENT["en"].items():
            setattr(home_en, field, value)
        home_en.save_revision().publish()
    return {"fr": home_fr.specific, "en": home_en.specific}


@transaction.atomic
def seed_accounts() -> list[DemoAccount]:
    """One account per role, with the demo passwords listed in DEMO_ACCOUNTS (reset on every run)."""
    groups = roles.roles_sync()
    prefectures = {p.code: p for p in Prefecture.objects.all()}
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.display_name = account.display_name
        user.audience = account.audience
        user.prefecture = prefectures.get(account.prefecture)
        user.is_staff = account.role in (roles.EDITOR, roles.ADMINISTRATOR)
        user.is_superuser = account.role == roles.ADMINISTRATOR
        user.consent_given_at = user.consent_given_at or timezone.now()
        user.consent_version = user.consent_version or settings.CONSENT_VERSION
        user.set_password(account.password)
        user.full_clean(exclude=["password"])
        user.save()
        user.groups.set([groups[account.role]])
        _seed_consent_record(user)
        if account.role in roles.STAFF_ROLES:
            mfa.totp_enrol(user=user, secret=DEMO_TOTP_SECRET)
    return DEMO_ACCOUNTS


def _seed_consent_record(user: User) -> None:
    """The record of the consent the account says was given, as signing up writes it: without it
    "My data" shows no consent while "My account" says it was given. Once only: a record in force stays."""
    if user.consent_withdrawn_at or ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).exists():
        return
    language = user.preferred_language or settings.LANGUAGE_CODE
    record = ConsentRecord(
        user=user,
        version=user.consent_version,
        language=language,
        text=consent_text(language),
        source=ConsentRecord.Source.SIGNUP,
        given_at=user.consent_given_at or timezone.now(),
    )
    record.full_clean()
    record.save()


def seed() -> None:
    """The core demo: home pages and accounts."""
    seed_home_pages()
    seed_accounts()
