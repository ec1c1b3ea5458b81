"""Administrators register a partner's platform (issuer, client id, deployment ids, its key set and
authorisation and token addresses) in Django's admin, as they do the xAPI store, and see the addresses
to give the partner; and they watch the scores sent back."""

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from lti_tool.admin import LtiRegistrationAdmin as PackageRegistrationAdmin
from lti_tool.models import LtiDeployment, LtiRegistration

from lti import grades, registration
from lti.models import ScoreDelivery


class DeploymentInline(admin.TabularInline):
    model = LtiDeployment
    fields = ["deployment_id", "is_active"]
    extra = 1
    verbose_name = _("deployment id")
    verbose_name_plural = _("deployment ids (a launch with an id not listed here or not active is refused)")


admin.site.unregister(LtiRegistration)


@admin.register(LtiRegistration)
class RegistrationAdmin(PackageRegistrationAdmin):
    fieldsets = [
        (
            None,
            {"fields": ["name", "issuer", "client_id", "keyset_url", "auth_url", "token_url", "audience", "is_active"]},
        ),
        (_("Addresses to give the partner"), {"fields": ["tool_addresses"]}),
    ]
    readonly_fields = ["tool_addresses"]
    inlines = [DeploymentInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("tool addresses"))
    def tool_addresses(self, obj):
        base = settings.PUBLIC_BASE_URL.rstrip("/")
        rows = [
            (_("Tool URL / redirection URI"), base + reverse("lti:launch")),
            (_("Initiate login URL"), base + reverse("lti:login")),
            (_("Public keyset URL"), base + reverse("lti:jwks")),
            (_("Deep linking URL (content selection)"), base + reverse("lti:launch")),
            (_("Dynamic registration URL (valid 7 days)"), registration.invitation_url()),
        ]
        return format_html_join("", "<p>{}: <code>{}</code></p>", ((str(label), url) for label, url in rows))


@admin.register(ScoreDelivery)
class ScoreDeliveryAdmin(admin.ModelAdmin):
    """Read only: scores are queued by the submissions themselves."""

    list_display = ["created_at", "target", "score", "maximum", "status", "tries", "sent_at"]
    list_filter = ["status"]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send again now"))
    def send_again(self, request, queryset):
        queryset.update(status=ScoreDelivery.Status.PENDING)
        sent = sum(grades.send(pk).sent for pk in queryset.values_list("pk", flat=True))
        self.message_user(request, _("%(sent)d accepted by the platform.") % {"sent": sent}, messages.SUCCESS)
