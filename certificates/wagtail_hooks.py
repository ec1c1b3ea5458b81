"""Wagtail admin: certificate rules per module, signatories, and every certificate (list, filter,
revoke, re-issue). Rules and signatories are plain snippets; certificates change only through the
services, so their edit form offers actions, not fields."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from assessments.hooks import RESULT_PANEL, SUBMISSION_LISTENER
from certificates import access, selectors, services, sessions
from certificates.forms import CertificateActionForm
from certificates.hooks import ATTENDANCE_RATE_PROVIDER, SESSION_DETAILS_PROVIDER
from certificates.models import Certificate, CertificateRule, Signatory
from courses.hooks import COURSE_PANEL, DASHBOARD_PANEL
from lms.hooks import METRIC
from training import selectors as training_selectors
from training.hooks import ATTENDANCE_LISTENER, PROGRAMME_COUNTER, SESSION_LINK


class CertificateRuleViewSet(SnippetViewSet):
    model = CertificateRule
    icon = "tick-inverse"
    menu_label = _("Certificate rules")
    list_display = ["course", "min_post_test_percent", "min_attendance_percent", "validity_months", "active"]
    panels = [
        FieldPanel("course"),
        FieldPanel("min_post_test_percent"),
        FieldPanel("require_pre_test"),
        FieldPanel("require_lessons"),
        FieldPanel("min_attendance_percent"),
        FieldPanel("participation"),
        FieldPanel("validity_months"),
        FieldPanel("signatories"),
        FieldPanel("active"),
    ]


class SignatoryViewSet(SnippetViewSet):
    model = Signatory
    icon = "user"
    menu_label = _("Signatories")
    list_display = ["name", "position", "organisation"]


class CertificateCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied  # certificates are issued by the rules, never typed in


class CertificateEditView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        if data["action"] == "revoke":
            services.certificate_revoke(certificate_id=self.object.pk, reason=data["reason"], actor=self.request.user)
        else:
            return services.certificate_reissue(
                certificate_id=self.object.pk, actor=self.request.user, reason=data.get("reason", "")
            )
        self.object.refresh_from_db()
        return self.object


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["grouped_code", "holder_name", "title", "kind", "status", "issued_at", "expires_at"]
    list_filter = ["status", "kind", "language", "issued_at"]
    search_fields = ["code"]
    inspect_view_enabled = True
    add_view_class = CertificateCreateView
    edit_view_class = CertificateEditView
    edit_handler = ObjectList([FieldPanel("action"), FieldPanel("reason")], base_form_class=CertificateActionForm)


class CertificatesGroup(SnippetViewSetGroup):
    items = (CertificateViewSet, CertificateRuleViewSet, SignatoryViewSet)
    menu_icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 320


register_snippet(CertificatesGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _rule_saved(request, instance):
    """A new or changed rule re-evaluates the module's enrolments (after the commit)."""
    if isinstance(instance, CertificateRule):
        services.rule_changed(rule=instance)


# Lower layers publish what happened and ask for panels; certificates react (they never import us).
hooks.register(SUBMISSION_LISTENER, services.on_submission)
hooks.register(COURSE_PANEL, access.course_panel)
hooks.register(RESULT_PANEL, access.result_panel)
hooks.register(DASHBOARD_PANEL, access.dashboard_panel)
# What the sessions app knows that a certificate needs, and what it announces.
hooks.register(ATTENDANCE_RATE_PROVIDER, training_selectors.attendance_rate)
hooks.register(SESSION_DETAILS_PROVIDER, sessions.session_details)
hooks.register(ATTENDANCE_LISTENER, sessions.on_attendance)
hooks.register(SESSION_LINK, sessions.session_links)
hooks.register(PROGRAMME_COUNTER, sessions.programme_counters)


@hooks.register(METRIC)
def certificates_issued_metric():
    """Certificates issued since the start, and revoked, counted in the database at each scrape."""
    from prometheus_client.core import CounterMetricFamily

    issued_count, revoked_count = selectors.issued_and_revoked_counts()
    issued = CounterMetricFamily("lms_certificates_issued", "Certificates issued.")
    issued.add_metric([], issued_count)
    revoked = CounterMetricFamily("lms_certificates_revoked", "Certificates revoked.")
    revoked.add_metric([], revoked_count)
    return [issued, revoked]
