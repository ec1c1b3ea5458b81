"""Wagtail admin wiring for the assessments app: editors manage each module's question bank."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from assessments import access, services, views_exchange
from assessments.admin_forms import LANGUAGES, QuestionAdminForm
from assessments.models import Question, QuestionBank
from courses.hooks import COURSE_PANEL, LESSON_GATE


class _SaveThroughService:
    """Create and edit go through `question_save`, which keeps answered versions untouched."""

    def save_instance(self):
        data = self.form.cleaned_data
        bank = data["bank"] if not self.form.instance.pk else self.form.instance.bank
        reference = data["reference"] if not self.form.instance.pk else self.form.instance.reference
        previous = self.form.instance.pk
        question = services.question_save(
            bank=bank,
            reference=reference,
            kind=data["kind"],
            objective=data["content"][LANGUAGES[0]]["objective"],
            content=data["content"],
            key=data["key"],
            points=data["points"],
            audio_changes=self.form.audio_changes(),
            user=self.request.user,
        )
        if previous and question.pk != previous:
            messages.info(
                self.request,
                _("This question already has answers: your change is saved as version %(version)d.")
                % {"version": question.version},
            )
        return question


class QuestionCreateView(_SaveThroughService, generic.CreateView):
    pass


class QuestionEditView(_SaveThroughService, generic.EditView):
    def get_object(self, queryset=None):
        # Only the current version is edited; older versions are what earlier responses answered.
        question = super().get_object(queryset)
        if not question.is_current:
            return Question.objects.get(bank=question.bank, reference=question.reference, is_current=True)
        return question


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = gettext_lazy("Questions")
    form_class = QuestionAdminForm
    add_view_class = QuestionCreateView
    edit_view_class = QuestionEditView
    list_display = ["reference", "kind", "objective", "version", "bank"]
    list_filter = ["bank", "kind"]
    search_fields = ["reference", "objective"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return QuestionAdminForm

    def get_queryset(self, request):
        return Question.objects.filter(is_current=True).select_related("bank")


class QuestionBankViewSet(ModelViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Question banks")
    form_fields = ["course", "title"]
    list_display = [
        "title",
        "course",
        TitleColumn(
            "moodle_export",
            label=gettext_lazy("Moodle"),
            accessor=lambda bank: _("Export (GIFT, Moodle XML)"),
            get_url=lambda bank: f"{reverse('moodle_questions:export')}?bank={bank.pk}&format=xml",
        ),
    ]


class _EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.view_question")


class MoodleExchangeViewSet(ViewSet):
    """GIFT and Moodle XML: import into a bank, export a bank or a test (assessments.views_exchange)."""

    name = "moodle_questions"
    icon = "doc-full"
    menu_label = gettext_lazy("Moodle import and export")
    menu_item_class = _EditorsMenuItem

    def get_urlpatterns(self):
        return [
            path("", views_exchange.import_view, name="import"),
            path("export/", views_exchange.export_view, name="export"),
        ]


class AssessmentsViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Tests")
    menu_icon = "tasks"
    menu_order = 310
    items = (QuestionBankViewSet, QuestionViewSet, MoodleExchangeViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return AssessmentsViewSetGroup()


# courses knows nothing of tests: it asks these before opening a lesson and when showing a module.
hooks.register(LESSON_GATE, access.pre_test_gate)
hooks.register(COURSE_PANEL, access.course_panel)
