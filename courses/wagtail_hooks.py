"""Wagtail admin wiring for the courses app."""

from django.contrib import messages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from courses import services
from courses.forms import H5PPackageUploadForm
from courses.models import AudioLanguage, H5PPackage
from lms.hooks import WORKSPACE
from lms.workspace import TRAINEE_RANK, Workspace


class H5PPackageCreateView(CreateView):
    """Stores the upload through the one import service (shared with `import_h5p`)."""

    def save_instance(self):
        package, _created = services.h5p_package_import(
            source=self.form.cleaned_data["package_file"],
            title=self.form.cleaned_data.get("title", ""),
            user=self.request.user,
        )
        self._warn_about_weight(package)
        return package

    def _warn_about_weight(self, package: H5PPackage) -> None:
        """Told at import: an activity heavy for 2G, and resources the site's policy will block."""
        from courses.h5p.weight import FIRST_LOAD_BUDGET

        if package.first_load_bytes > FIRST_LOAD_BUDGET:
            messages.warning(
                self.request,
                _("“%(title)s” weighs %(size)s on first load, more than the %(budget)s a 2G phone loads in about 10 s.")
                % {
                    "title": package.title,
                    "size": filesizeformat(package.first_load_bytes),
                    "budget": filesizeformat(FIRST_LOAD_BUDGET),
                },
            )
        if package.remote_resources:
            messages.warning(
                self.request,
                _("“%(title)s” uses resources from other sites, which the site blocks: %(urls)s")
                % {"title": package.title, "urls": ", ".join(package.remote_resources[:5])},
            )


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "pick"
    menu_label = _("H5P packages")
    menu_order = 300
    add_to_admin_menu = True
    # A SnippetViewSet builds its form from panels and ignores `form_class`: the upload form must be
    # the panels' base form, or the file field never shows and the model's fields are offered instead.
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("package_file")], base_form_class=H5PPackageUploadForm)
    add_view_class = H5PPackageCreateView
    list_display = ["title", "main_library", "file_count", "first_load", "created_at"]
    search_fields = ["title"]


class AudioLanguageViewSet(SnippetViewSet):
    model = AudioLanguage
    icon = "media"
    menu_label = _("Audio languages")
    list_display = ["name", "code"]


register_snippet(H5PPackageViewSet)
register_snippet(AudioLanguageViewSet)


@hooks.register(WORKSPACE)
def modules_workspace(user) -> Workspace:
    """Everyone signed in follows modules: a trainee's workspace, the last resort of every other role."""
    from django.urls import reverse

    return Workspace(TRAINEE_RANK, _("My modules"), reverse("courses:dashboard"))
