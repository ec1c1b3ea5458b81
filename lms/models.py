"""Core models: people, places and the home page.

The user model holds what a trainee profile needs and nothing more. By design there is no field, here
or anywhere, that records that a person is a victim or survivor of trafficking.
"""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from lms.demographics import AgeBand, Sex
from lms.pages import RouteByUrlPathMixin


class Audience(models.TextChoices):
    """The groups the programme trains; courses target one or more of them."""

    POLICE = "police", _("Police")
    CIVIL_SOCIETY = "civil_society", _("Civil society or community organisation")
    RELIGIOUS_LEADER = "religious_leader", _("Religious or community leader")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    RETURNED_MIGRANT = "returned_migrant", _("Returned migrant")
    OTHER = "other", _("Other")


class NaturalRegion(models.TextChoices):
    """Guinea's four natural regions, which cut across the administrative ones."""

    MARITIME = "maritime", _("Maritime Guinea")
    MIDDLE = "middle", _("Middle Guinea")
    UPPER = "upper", _("Upper Guinea")
    FOREST = "forest", _("Forest Guinea")


class AdministrativeRegion(models.Model):
    """Conakry or one of Guinea's seven administrative regions."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=64, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("administrative region")
        verbose_name_plural = _("administrative regions")

    def __str__(self) -> str:
        return self.name


class Prefecture(models.Model):
    """A prefecture (or Conakry's special zone), with the natural region it lies in.

    Reports roll up either by administrative region or by natural region from here.
    """

    class Kind(models.TextChoices):
        PREFECTURE = "prefecture", _("Prefecture")
        SPECIAL_ZONE = "special_zone", _("Special zone")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PREFECTURE)
    region = models.ForeignKey(
        AdministrativeRegion,
        verbose_name=_("administrative region"),
        on_delete=models.PROTECT,
        related_name="prefectures",
    )
    natural_region = models.CharField(_("natural region"), max_length=16, choices=NaturalRegion.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("prefecture")
        verbose_name_plural = _("prefectures")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who uses the platform, in any role.

    Email is optional because many trainees have none; a username (or a phone number) and a password
    are enough. First and last names are replaced by one display name, written as the person wants
    it on a certificate.
    """

    first_name = None
    last_name = None

    display_name = models.CharField(
        _("display name"),
        max_length=150,
        blank=True,
        help_text=_("Your name as it should appear on your certificates."),
    )
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=32, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    audience = models.CharField(_("audience group"), max_length=32, choices=Audience.choices, blank=True)
    prefecture = models.ForeignKey(
        Prefecture,
        verbose_name=_("prefecture"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Optional and self-declared (the account page, or a roster the person filled in): the groups UN
    # reporting disaggregates by. Empty is "not stated", the default.
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True, default="")
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices, blank=True, default="")
    # Guinea for nearly everyone; webinar participants may come from elsewhere (e.g. Gabon).
    country = CountryField(_("country"), default="GN")
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[("fr", _("French")), ("en", _("English"))],
        default="fr",
    )
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_version = models.CharField(_("consent version"), max_length=32, blank=True)
    # Set when the person withdraws consent (lms.services.user_withdraw_consent): from then on they
    # are left out of evaluator views and exports (evaluation.filters).
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    # Set for accounts a trainer creates from a roster: their one-time password is on a printed
    # sheet, so the first login must replace it (lms.middleware enforces it).
    must_change_password = models.BooleanField(_("must change password"), default=False)

    objects = UserManager()

    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Optional, but when given, an email or a phone number identifies one person only, so a
            # roster import can match existing accounts instead of duplicating them.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="lms_user_email_unique_when_set",
            ),
            models.UniqueConstraint(
                "phone",
                condition=~models.Q(phone=""),
                name="lms_user_phone_unique_when_set",
            ),
        ]
        permissions = [
            ("manage_training_sessions", _("Can run training sessions and their participants")),
            ("view_evaluation", _("Can view pseudonymised evaluation results")),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    def get_full_name(self) -> str:
        return self.display_name or self.username

    def get_short_name(self) -> str:
        return self.display_name or self.username

    @property
    def has_consented(self) -> bool:
        return self.consent_given_at is not None and self.consent_withdrawn_at is None


class HomePage(RouteByUrlPathMixin, Page):
    """The portal's front page, one per language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = RichTextField(_("body"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The catalogue is the home page's child in each language (a lower app, found by type name
        # so that lms does not import courses).
        context["catalogue"] = self.get_children().live().filter(content_type__model="courseindexpage").first()
        return context


# Consent history and the staff access log live in their own module to keep this one readable.
from lms.privacy_models import ConsentRecord, StaffAccess  # noqa: E402, F401
