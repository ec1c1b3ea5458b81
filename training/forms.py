"""Forms of the trainer's pages: they parse input; training.services does the work."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.forms import IdMultipleChoiceField
from lms.widgets import DateInput
from training.models import TrainingSession

MAX_ROSTER_BYTES = 2 * 1024 * 1024


class SessionForm(forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = [
            "code",
            "title",
            "courses",
            "mode",
            "prefecture",
            "venue",
            "country",
            "language",
            "start_date",
            "end_date",
            "daily_schedule",
            "capacity",
            "followup_days",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "courses": forms.CheckboxSelectMultiple}
        field_classes = {"courses": IdMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        from courses.models import CoursePage
        from courses.selectors import default_locale

        super().__init__(*args, **kwargs)
        # Sessions point at the French (source-language) modules, as enrolments do.
        self.fields["courses"].queryset = CoursePage.objects.live().filter(locale=default_locale()).order_by("title")
        self.fields["code"].help_text = _("3 to 12 capital letters or digits, e.g. KAN24A.")
        # Optional on the form: left empty, the session keeps (or takes) the model's default.
        self.fields["followup_days"].required = False

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip().upper()

    def clean_followup_days(self) -> int:
        days = self.cleaned_data.get("followup_days")
        if days is None:
            return self.instance.followup_days or TrainingSession._meta.get_field("followup_days").default
        return days


class RosterUploadForm(forms.Form):
    file = forms.FileField(label=_("Roster file (CSV or XLSX)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        return upload


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Session join code"), max_length=16)


class ParticipantAddForm(forms.Form):
    """One participant, under the name they choose (a pseudonym is fine) and with no contact details."""

    name = forms.CharField(
        label=_("Name on the certificate (a name of their choice)"),
        max_length=150,
        help_text=_("No email or phone is needed: the accounts sheet gives them a one-time password."),
    )
    audience = forms.ChoiceField(label=_("Audience group"), required=False, choices=[])

    def __init__(self, *args, **kwargs):
        from lms.models import Audience

        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [("", _("Choose")), *Audience.choices]

    def as_roster_row(self) -> dict:
        """The row a roster file with only these columns would have (training.services.roster_import)."""
        return {"name": self.cleaned_data["name"].strip(), "audience": self.cleaned_data.get("audience", "")}
