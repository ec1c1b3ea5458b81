"""Forms of the events and outreach pages: they parse input; events.services does the work."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField
from wagtail.documents import get_document_model

from events.models import COUNT_AUDIENCES, MAX_HEADCOUNT, AgeBand, Event, OutreachLog, Sex
from lms.models import Audience, Prefecture
from lms.widgets import DateInput

MAX_ATTENDANCE_BYTES = 2 * 1024 * 1024


class CountInput(forms.NumberInput):
    """A small number box that brings up the phone's digit keypad."""

    def __init__(self):
        super().__init__(attrs={"inputmode": "numeric", "min": 0, "max": MAX_HEADCOUNT, "class": "count"})


def _cell_name(audience: str, sex: str, age_band: str) -> str:
    return f"count__{audience}__{sex}__{age_band}"


class CountGridForm(forms.Form):
    """One number per audience group × sex × age band; empty means none."""

    def __init__(self, *args, initial_grid: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_grid = initial_grid or {}
        for audience, audience_label in COUNT_AUDIENCES:
            for age_band, age_label in AgeBand.choices:
                for sex, sex_label in Sex.choices:
                    name = _cell_name(audience, sex, age_band)
                    self.fields[name] = forms.IntegerField(
                        label=f"{audience_label}, {age_label}, {sex_label}",
                        required=False,
                        widget=CountInput(),
                        initial=initial_grid.get((audience, sex, age_band)),
                    )

    def grid(self) -> dict[tuple[str, str, str], int]:
        """The cleaned numbers (call after is_valid)."""
        found = {}
        for audience, _label in COUNT_AUDIENCES:
            for age_band in AgeBand.values:
                for sex in Sex.values:
                    value = self.cleaned_data.get(_cell_name(audience, sex, age_band))
                    if value is not None:
                        found[(audience, sex, age_band)] = value
        return found

    def grid_rows(self) -> list[tuple[str, list[tuple[str, list]]]]:
        """For the template: [(audience label, [(age band label, [women field, men field])])]."""
        return [
            (
                audience_label,
                [
                    (age_label, [self[_cell_name(audience, sex, age_band)] for sex in Sex.values])
                    for age_band, age_label in AgeBand.choices
                ],
            )
            for audience, audience_label in COUNT_AUDIENCES
        ]

    @property
    def sexes(self) -> list[str]:
        return [label for _value, label in Sex.choices]


class OutreachLogForm(CountGridForm):
    date = forms.DateField(label=_("Date of the dialogue"), widget=DateInput())
    prefecture = forms.ModelChoiceField(
        label=_("Prefecture"),
        queryset=Prefecture.objects.order_by("name"),
        empty_label=_("Choose a prefecture"),
        error_messages={"invalid_choice": _("This prefecture is not in the list: choose one of Guinea's prefectures.")},
    )
    locality = forms.CharField(label=_("Locality"), max_length=100, help_text=_("Village, district or neighbourhood."))
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=OutreachLog.Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one topic from the list.")},
    )
    materials = forms.MultipleChoiceField(
        label=_("Materials used"),
        choices=OutreachLog.Material.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    referrals = forms.IntegerField(
        label=_("Referrals made"),
        required=False,
        widget=CountInput(),
        help_text=_("How many people you referred to a service: a number, no names."),
    )
    note = forms.CharField(
        label=_("Short note"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )

    field_order = ["date", "prefecture", "locality", "topics", "materials", "referrals", "note"]


class ReviewForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (OutreachLog.Status.VALIDATED, _("Validate: the counts are plausible")),
            (OutreachLog.Status.FLAGGED, _("Flag: ask the ambassador to check")),
            (OutreachLog.Status.REJECTED, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Reason (needed to flag or reject)"), required=False, max_length=300, widget=forms.TextInput
    )


def _https_by_default(field, **kwargs):
    """A link typed without a scheme is https (Django 6's default, without its warning)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EventForm(forms.ModelForm):
    audiences = forms.MultipleChoiceField(
        label=_("Audience groups"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Event
        formfield_callback = _https_by_default
        fields = [
            "kind",
            "title",
            "start_date",
            "end_date",
            "place",
            "prefecture",
            "country",
            "city",
            "venue",
            "organiser",
            "audiences",
            "language",
            "join_link",
            "registration_open",
            "documents",
            "outcome_notes",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "documents": forms.CheckboxSelectMultiple,
            "outcome_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = get_document_model().objects.order_by("-created_at")
        self.fields["prefecture"].queryset = Prefecture.objects.order_by("name")
        self.fields["prefecture"].empty_label = _("Choose a prefecture")

    def clean(self):
        data = super().clean()
        # Only the fields of the chosen place count; the others are cleared rather than refused.
        place = data.get("place")
        if place != Event.Place.PREFECTURE:
            data["prefecture"] = None
        if place != Event.Place.ABROAD:
            data["country"] = ""
            data["city"] = ""
        return data


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=countries)
    email = forms.EmailField(label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep my name, organisation, country and email to send me the link and "
            "the materials, and count my attendance (without my name) in the programme's figures."
        ),
        error_messages={"required": _("Registration needs your consent.")},
    )


class AttendanceImportForm(forms.Form):
    file = forms.FileField(
        label=_("Attendance export (CSV or XLSX)"),
        help_text=_("The participants' report of the meeting tool, with an email column; a header row first."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ATTENDANCE_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload
