"""Editors move question banks in and out in Moodle's formats (GIFT, Moodle XML), in the Wagtail admin.

Import: a file and a bank; "Check" shows what the import would do (each question new, changed or
unchanged, what is left aside or not kept, every problem with its line or element) and writes
nothing; "Import" does the same check and writes everything or, on any problem, nothing.
Export: a bank or a test, in either format, with what the format cannot hold named first.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.exchange import service
from assessments.exchange.common import MAX_FILE_BYTES
from assessments.models import QuestionBank, Test
from lms.http import file_response

FORMAT_CHOICES = [("gift", "GIFT"), ("xml", "Moodle XML")]
IMPORT_PERMISSIONS = ("assessments.add_question", "assessments.change_question")


class ImportForm(forms.Form):
    bank = forms.ModelChoiceField(label=gettext_lazy("Question bank"), queryset=QuestionBank.objects.order_by("title"))
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("GIFT (.gift, .txt) or Moodle XML (.xml), in UTF-8, at most 5 MB."),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("", gettext_lazy("From the file's name")), *FORMAT_CHOICES],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > MAX_FILE_BYTES:
            self.add_error("file", _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES >> 20})
        cleaned["format"] = cleaned.get("format") or service.format_for(upload.name)
        if not cleaned["format"]:
            self.add_error("format", _("Choose the format: the file's name ends neither in .gift, .txt nor .xml."))
        return cleaned


class ExportForm(forms.Form):
    bank = forms.ModelChoiceField(
        label=gettext_lazy("Question bank"), queryset=QuestionBank.objects.order_by("title"), required=False
    )
    test = forms.ModelChoiceField(
        label=gettext_lazy("or a test"),
        queryset=Test.objects.select_related("course").order_by("course__title", "kind"),
        required=False,
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=FORMAT_CHOICES)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("bank")) == bool(cleaned.get("test")):
            raise forms.ValidationError(_("Choose a question bank or a test (one of them)."))
        return cleaned


def _context(title: str, **extra) -> dict:
    return {"page_title": title, "header_title": title, "header_icon": "doc-full", **extra}


def import_view(request: HttpRequest) -> HttpResponse:
    if not all(request.user.has_perm(permission) for permission in IMPORT_PERMISSIONS):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    plan, counts = None, None
    if request.method == "POST" and form.is_valid():
        bank, upload = form.cleaned_data["bank"], form.cleaned_data["file"]
        plan = service.plan(bank=bank, data=upload.read(), file_format=form.cleaned_data["format"])
        if request.POST.get("action") == "import" and not plan.problems:
            counts = service.apply(plan, user=request.user)
            messages.success(
                request,
                _("Imported into “%(bank)s”: %(new)d new, %(changed)d changed, %(unchanged)d unchanged questions.")
                % {"bank": bank.title, **counts},
            )
        elif request.POST.get("action") == "import":
            messages.error(request, _("Nothing was imported: correct the problems listed below."))
    title = _("Import from Moodle")
    return render(
        request, "assessments/admin/exchange_import.html", _context(title, form=form, plan=plan, counts=counts)
    )


def export_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("assessments.view_question"):
        raise PermissionDenied
    form = ExportForm(request.GET or None)
    notes, count = None, 0
    if request.GET and form.is_valid():
        bank, test, file_format = form.cleaned_data["bank"], form.cleaned_data["test"], form.cleaned_data["format"]
        questions = service.questions_of(bank=bank, test=test)
        category = bank.title if bank else str(test)
        data, notes, count = service.export(questions=questions, file_format=file_format, category=category)
        if request.GET.get("download"):
            extension = "gift.txt" if file_format == "gift" else "xml"
            name = slugify(category)[:60] or "questions"
            content_type = "text/plain; charset=utf-8" if file_format == "gift" else "application/xml"
            return file_response(data, content_type=content_type, filename=f"{name}.{extension}")
    title = _("Export to Moodle")
    download = f"{request.GET.urlencode()}&download=1" if notes is not None else ""
    context = _context(title, form=form, notes=notes, count=count, download=download)
    return render(request, "assessments/admin/exchange_export.html", context)
