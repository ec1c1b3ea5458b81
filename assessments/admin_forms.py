"""The editors' form for a question in the Wagtail admin: one set of boxes per language."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from assessments import question_content
from assessments.models import Question
from courses.audio import document_clip_check, uploaded_clip_check
from courses.models import AudioLanguage

LANGUAGES = [code for code, _name in settings.LANGUAGES]  # French first: the source language

_BOXES = [
    ("objective", _("Learning objective"), forms.TextInput, ""),
    ("text", _("Question"), forms.Textarea, ""),
    ("options", _("Choices"), forms.Textarea, _("One per line: “id: label”, e.g. “a: Yes”. True/false: leave empty.")),
    ("left", _("Left column (matching)"), forms.Textarea, _("One per line: “1: label”.")),
    ("right", _("Right column (matching)"), forms.Textarea, _("One per line: “a: label”.")),
    ("accepted", _("Accepted answers (short answer)"), forms.Textarea, _("One per line; case, accents ignored.")),
    ("explanation", _("Explanation shown at review"), forms.Textarea, ""),
]


class QuestionAdminForm(forms.ModelForm):
    """Edits a question's current version; `assessments.services.question_save` decides whether the
    change is made in place (no responses yet) or as a new version."""

    correct = forms.CharField(
        label=_("Correct choice(s)"), required=False, help_text=_("Ids separated by commas, e.g. “b” or “a, c”.")
    )
    partial = forms.ChoiceField(
        label=_("Partial credit (multiple response)"),
        required=False,
        choices=[
            ("proportional", _("Proportional: (right − wrong) / correct, never below 0")),
            ("all_or_nothing", _("All or nothing")),
        ],
    )
    order = forms.CharField(label=_("Right order (ordering)"), required=False, help_text=_("Ids, e.g. “d, a, b, c”."))
    pairs = forms.CharField(
        label=_("Pairs (matching)"), required=False, widget=forms.Textarea, help_text=_("One per line: “1: b”.")
    )

    class Meta:
        model = Question
        fields = ["bank", "reference", "kind", "points"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for language in LANGUAGES:
            for box, label, widget, help_text in _BOXES:
                self.fields[f"{box}_{language}"] = forms.CharField(
                    label=f"{label} ({language.upper()})",
                    required=False,
                    help_text=help_text,
                    widget=widget(attrs={"rows": 4}) if widget is forms.Textarea else widget(),
                )
        # The question in each language first, then the key that scores it.
        self.order_fields(
            [*self._meta.fields, *(f"{box}_{language}" for language in LANGUAGES for box, *_rest in _BOXES)]
        )
        if self.instance.pk:
            boxes, key_boxes = question_content.unbuild(content=self.instance.content, key=self.instance.key)
            for name, value in {**boxes, **key_boxes}.items():
                if name in self.fields:
                    self.initial[name] = value
            # The reference and the bank name the question in imports and results: they stay.
            self.fields["bank"].disabled = self.fields["reference"].disabled = True
        self._add_audio_fields()

    def _add_audio_fields(self) -> None:
        """For the question, and once it is saved (its choices known) for each choice: per language,
        a clip chosen from the documents library (the current one shown, and clearable) and a box to
        upload a new one instead."""
        from wagtail.documents.models import Document
        from wagtail.documents.widgets import AdminDocumentChooser

        options = list(self.instance.text_in(LANGUAGES[0]).get("options", {}).items()) if self.instance.pk else []
        current = dict(self.instance.audio_maps()) if self.instance.pk else {}
        documents = Document.objects.in_bulk({i for mapping in current.values() for i in mapping.values()})
        self.audio_fields: dict[str, tuple[str | None, str]] = {}
        for language in AudioLanguage.objects.all():
            targets = [(None, _("Question read in %(language)s") % {"language": language.name})]
            targets += [
                (option, _("Choice “%(label)s” read in %(language)s") % {"label": label, "language": language.name})
                for option, label in options
            ]
            for option, label in targets:
                name = f"audio_{language.code}_{option}" if option else f"audio_{language.code}"
                self.fields[name] = forms.ModelChoiceField(
                    queryset=Document.objects.all(),
                    label=label,
                    required=False,
                    initial=documents.get(current.get(option, {}).get(language.code)),
                    help_text="" if option or options else _("Save the question first to add clips for its choices."),
                    widget=AdminDocumentChooser(),
                )
                self.fields[f"{name}_upload"] = forms.FileField(
                    label=_("or upload a new clip"),
                    required=False,
                    widget=forms.FileInput(attrs={"accept": "audio/*"}),
                )
                self.audio_fields[name] = (option, language.code)

    def audio_changes(self) -> dict[tuple[str | None, str], object]:
        """{(option id or None, language code): an uploaded file to store, a document chosen from the
        library, or None to remove the clip}; only what differs from the question's clips."""
        changes = {}
        for name, target in self.audio_fields.items():
            upload, chosen = self.cleaned_data.get(f"{name}_upload"), self.cleaned_data.get(name)
            if upload:
                changes[target] = upload
            elif chosen != self.fields[name].initial:
                changes[target] = chosen
        return changes

    def clean(self):
        cleaned = super().clean()
        # Uploads are checked (format by content, size) before anything is written; a document
        # chosen from the library is checked the same way.
        for name in self.audio_fields:
            upload, chosen = cleaned.get(f"{name}_upload"), cleaned.get(name)
            try:
                if upload:
                    uploaded_clip_check(upload)
                elif chosen and chosen != self.fields[name].initial:
                    document_clip_check(chosen)
            except ValidationError as error:
                self.add_error(f"{name}_upload" if upload else name, error)
        if self.errors or not cleaned.get("kind"):
            return cleaned
        boxes = {name: cleaned.get(name, "") for name in self.fields if name.rsplit("_", 1)[-1] in LANGUAGES}
        key_boxes = {name: cleaned.get(name, "") for name in ("correct", "partial", "order", "pairs")}
        if not (cleaned.get(f"objective_{LANGUAGES[0]}") or "").strip():
            self.add_error(f"objective_{LANGUAGES[0]}", _("The learning objective is required."))
            return cleaned
        try:
            cleaned["content"], cleaned["key"] = question_content.build(
                kind=cleaned["kind"], languages=LANGUAGES, boxes=boxes, key_boxes=key_boxes
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned
