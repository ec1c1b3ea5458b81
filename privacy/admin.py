"""Administrators complete erasure requests in Django's admin (one action), and read the access log."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lms.models import StaffAccess
from privacy import services
from privacy.models import ErasureRequest


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "origin", "status", "requested_at", "completed_at"]
    list_filter = ["status", "origin"]
    raw_id_fields = ["user"]
    readonly_fields = ["status", "completed_at", "completed_by"]
    actions = ["complete_erasure"]

    @admin.action(description=_("Erase the data of the selected people (irreversible)"))
    def complete_erasure(self, request, queryset):
        done = 0
        for erasure in queryset.filter(status=ErasureRequest.Status.PENDING).select_related("user"):
            services.user_erase(user=erasure.user, actor=request.user)
            done += 1
        self.message_user(
            request,
            ngettext("%(count)d person erased.", "%(count)d people erased.", done) % {"count": done},
            messages.SUCCESS,
        )


@admin.register(StaffAccess)
class StaffAccessAdmin(admin.ModelAdmin):
    """Read only: the log is written by lms.access_log and pruned by the retention policy."""

    list_display = ["at", "username", "what", "subject"]
    list_filter = ["what"]
    search_fields = ["username", "subject"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
