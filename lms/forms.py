"""Forms of the core app."""

from allauth.account.forms import SignupForm
from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lms import parsing, services
from lms.demographics import PERSON_SEX_LABELS, AgeBand, Sex
from lms.models import Audience, Prefecture


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several objects by id that refuses an id no database column can hold.

    Django's field turns a ValueError into "not a valid value" but not the OverflowError SQLite
    raises for a 23-digit id (Wagtail pages are looked up through their parent link, which Django's
    own integer-range check does not cover): such a form was a 500.
    """

    def _check_values(self, value):
        for pk in value:
            if parsing.database_int(str(pk)) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class AccountSignupForm(SignupForm):
    """allauth's sign-up (username, optional email, password) plus what the training needs.

    Only: the name for certificates, the audience group (to show the right modules first), the
    prefecture (for regional reports), and consent, which is required.
    """

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=_("As it should appear on your certificates. You can use a name of your choice."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    audience = forms.ChoiceField(
        label=_("You are"),
        choices=[("", _("Choose")), *Audience.choices],
        required=False,
    )
    prefecture = forms.ModelChoiceField(
        label=_("Prefecture"),
        queryset=Prefecture.objects.all(),
        required=False,
        empty_label=_("Choose"),
    )
    consent = forms.BooleanField(
        label=_("I have read the information above and I agree."),
        required=True,
        error_messages={"required": _("Your consent is needed to create an account.")},
    )

    field_order = ["username", "display_name", "email", "password1", "password2", "audience", "prefecture", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth's labels say "(optional)" themselves for some fields; ours mark every optional field
        # the same way, so use plain labels and no placeholders that repeat them.
        self.fields["email"].label = _("Email")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.order_fields(self.field_order)
        # Forgetting the consent box must not cost the passwords: they are sent back into the form
        # (this page is never cached) unless they are themselves what is wrong.
        for name in ("password1", "password2"):
            if name in self.fields:
                self.fields[name].widget.render_value = True

    def full_clean(self):
        super().full_clean()
        if self.is_bound and any(name in self.errors for name in ("password1", "password2")):
            for name in ("password1", "password2"):
                if name in self.fields:
                    self.fields[name].widget.render_value = False

    def validate_unique_email(self, value) -> str:
        """Never "this address is already registered": for this programme that would confirm that a
        person took part. The owner of a known address is told by email instead (save)."""
        from allauth.account.internal.userkit import filter_users_by_email

        self.email_already_used = bool(filter_users_by_email(value))
        return value

    def save(self, request):
        # The account is made without the address in every case, so that known and unknown addresses
        # get the same answer and leave the same account behind; lms.services.signup_email_claim
        # attaches it unconfirmed and writes to it.
        email = self.cleaned_data.get("email") or ""
        self.cleaned_data["email"] = ""
        user = super().save(request)
        if email:
            services.signup_email_claim(
                request=request, user=user, email=email, already_used=getattr(self, "email_already_used", False)
            )
        services.user_complete_signup(
            user=user,
            display_name=self.cleaned_data.get("display_name", ""),
            audience=self.cleaned_data.get("audience", ""),
            prefecture=self.cleaned_data.get("prefecture"),
            language=get_language() or settings.LANGUAGE_CODE,
            consent_version=settings.CONSENT_VERSION,
        )
        return user


class FirstLoginForm(SetPasswordForm):
    """First login with a one-time password from a roster sheet: a password of one's own, and the
    consent that sign-up asks of everyone else."""

    consent = forms.BooleanField(
        label=_("I have read the information above and I agree."),
        required=True,
        error_messages={"required": _("Your consent is needed to use your account.")},
    )

    def save(self, commit: bool = True):
        return services.user_first_login(
            user=self.user,
            password=self.cleaned_data["new_password1"],
            consent_version=settings.CONSENT_VERSION,
            language=get_language() or settings.LANGUAGE_CODE,
        )


class DeclaredGroupsForm(forms.Form):
    """Sex and age band, self-declared on the account page; both optional, "prefer not to say" first."""

    sex = forms.ChoiceField(label=_("Sex"), required=False, widget=forms.RadioSelect)
    age_band = forms.ChoiceField(label=_("Age band"), required=False, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        not_stated = ("", _("I prefer not to say"))
        self.fields["sex"].choices = [not_stated, *((code, PERSON_SEX_LABELS[code]) for code in Sex.values)]
        self.fields["age_band"].choices = [not_stated, *AgeBand.choices]

    def save(self, *, user):
        return services.user_declare_groups(
            user=user, sex=self.cleaned_data.get("sex", ""), age_band=self.cleaned_data.get("age_band", "")
        )
