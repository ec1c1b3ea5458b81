"""The evaluator's pre/post report and its exports: thin views over assessments.evaluation.

Only holders of lms.view_evaluation (the Evaluator role, administrators) may see them; everyone
else signed in gets 403. Every access is logged with its filters.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from assessments.evaluation import exports, presentation
from assessments.evaluation.access_log import report_access_log
from assessments.evaluation.aggregates import matched_counts
from assessments.evaluation.filters import ReportFilters
from assessments.evaluation.report import evaluation_report
from assessments.evaluation.selectors import filter_choices, matched_data
from assessments.evaluation.stored import stored_report
from assessments.models import ReportAccess
from lms.http import file_response

PERMISSION = "lms.view_evaluation"


def _filters(request: HttpRequest, kind: str) -> ReportFilters:
    """The request's filters, once the user may see reports; the access is logged."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    filters = ReportFilters.from_query(request.GET)
    report_access_log(user=request.user, kind=kind, filters=filters)
    return filters


def _report(request: HttpRequest, kind: str):
    """The filters and the report with every trainee's item marks, as exports need them."""
    filters = _filters(request, kind)
    return filters, evaluation_report(data=matched_data(filters=filters), labels=presentation.group_labels())


@require_GET
@login_required
def report_page(request: HttpRequest) -> HttpResponse:
    filters = _filters(request, ReportAccess.Kind.PAGE)
    # The page shows no trainee's row: the database's counts suffice. The results' HTML is stored
    # until the data changes (stored.py): a repeated view costs the stamp, a cache read and the filters.
    results, _computed = stored_report(
        filters=filters,
        compute=lambda: presentation.results_html(
            report=evaluation_report(data=matched_counts(filters=filters), labels=presentation.group_labels())
        ),
    )
    context = {"results": results, **presentation.filter_context(filters=filters, choices=filter_choices())}
    context["query"] = request.GET.urlencode()
    return TemplateResponse(request, "assessments/evaluation_report.html", context)


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    return file_response(content, content_type=content_type, filename=name)


@require_GET
@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    _filters, report = _report(request, ReportAccess.Kind.CSV)
    return _download(exports.csv_data(report), "text/csv; charset=utf-8", exports.file_name("csv"))


@require_GET
@login_required
def export_codebook_csv(request: HttpRequest) -> HttpResponse:
    _filters, report = _report(request, ReportAccess.Kind.CSV)
    return _download(exports.csv_codebook(report), "text/csv; charset=utf-8", exports.file_name("csv", part="codebook"))


@require_GET
@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _filters, report = _report(request, ReportAccess.Kind.XLSX)
    return _download(
        exports.xlsx(report),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        exports.file_name("xlsx"),
    )
