"""Administrators register the partner's LRS and watch the outbox (Django's admin)."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from xapi import forwarding
from xapi.models import LrsConfig, OutboxStatement


class LrsConfigForm(forms.ModelForm):
    endpoint = forms.URLField(
        label=_("endpoint"),
        assume_scheme="https",
        help_text=_("The LRS's xAPI base address, e.g. https://lrs.example.org/xAPI/"),
    )
    secret = forms.CharField(
        label=_("secret (Basic auth password)"),
        widget=forms.PasswordInput(render_value=False),
        required=False,
        help_text=_("Left empty: the secret already saved is kept."),
    )

    class Meta:
        model = LrsConfig
        fields = ["name", "endpoint", "key", "secret", "enabled", "batch_size"]

    def clean_secret(self) -> str:
        secret = self.cleaned_data.get("secret") or ""
        if not secret and self.instance.pk:
            return self.instance.secret
        if not secret:
            raise forms.ValidationError(_("Enter the secret the LRS gave you."))
        return secret


@admin.register(LrsConfig)
class LrsConfigAdmin(admin.ModelAdmin):
    form = LrsConfigForm
    list_display = ["name", "endpoint", "enabled", "failures", "retry_at", "last_success_at"]
    readonly_fields = ["failures", "retry_at", "last_error", "last_success_at"]
    actions = ["send_now"]

    @admin.action(description=_("Send the waiting statements now"))
    def send_now(self, request, queryset):
        LrsConfig.objects.filter(pk__in=queryset.values("pk")).update(retry_at=None)
        report = forwarding.forward()
        level = messages.WARNING if report.errors else messages.SUCCESS
        text = _("%(sent)d sent, %(rejected)d refused.") % {"sent": report.sent, "rejected": report.rejected}
        if report.errors:
            text = f"{text} {report.errors[-1]}"
        self.message_user(request, text, level)


@admin.register(OutboxStatement)
class OutboxStatementAdmin(admin.ModelAdmin):
    """Read only: statements are queued by the events themselves."""

    list_display = ["created_at", "event", "status", "attempts", "sent_at", "voided"]
    list_filter = ["status", "event", "voided"]
    search_fields = ["statement_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
