"""Admin forms of the courses app."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.h5p import package as h5p_package


class H5PPackageUploadForm(WagtailAdminModelForm):
    """Upload of an `.h5p` file. The package is validated here, before anything is written."""

    package_file = forms.FileField(
        label=_("H5P file (.h5p)"),
        help_text=_("Export it from h5p.org or Lumi with its libraries included."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    class Meta:
        fields = ["title", "package_file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title inside the package.")
        if self.instance.pk:
            # Files of a stored package never change; only its title can be edited.
            del self.fields["package_file"]

    def clean_package_file(self):
        upload = self.cleaned_data["package_file"]
        try:
            self.validated_package = h5p_package.validate_package(upload)
        except h5p_package.PackageError as error:
            raise forms.ValidationError(error.message, code=error.code) from error
        upload.seek(0)
        return upload
