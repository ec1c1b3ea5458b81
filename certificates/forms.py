"""Admin forms: certificate actions go through the services, never through a model form's save."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class CertificateActionForm(WagtailAdminModelForm):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            ("revoke", _("Revoke (the verification page will say so, with the date)")),
            ("reissue", _("Re-issue with the holder's current name (the old one is superseded)")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason (kept in the audit log, never shown publicly)"), widget=forms.Textarea, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "revoke" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason for the revocation."))
        return cleaned
