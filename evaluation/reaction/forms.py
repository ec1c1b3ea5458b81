"""The trainee's reaction form: one 1-to-5 choice per statement, and the open answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluation.reaction.models import FREE_TEXT_MAX

SCALE = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]


class ReactionForm(forms.Form):
    """Built from a questionnaire's items (fields `rating_<key>`) in the reader's language."""

    comment = forms.CharField(required=False, max_length=FREE_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, questionnaire, language: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(questionnaire.items.all())
        comment = self.fields.pop("comment")
        for item in self.items:
            self.fields[f"rating_{item.key}"] = forms.TypedChoiceField(
                label=item.text_in(language), choices=SCALE, coerce=int, widget=forms.RadioSelect
            )
        comment.label = questionnaire.free_text_in(language)
        self.fields["comment"] = comment

    def ratings(self) -> dict[str, int]:
        return {item.key: self.cleaned_data[f"rating_{item.key}"] for item in self.items}

    def rating_fields(self):
        return [self[f"rating_{item.key}"] for item in self.items]
