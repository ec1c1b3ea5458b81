"""The evaluator's pre/post report and its exports: thin views over evaluation.

Only holders of lms.view_evaluation (the Evaluator role, administrators) may see them; everyone
else signed in gets 403. Every access is logged with its filters. An unknown filter value is a 400
with a translated message; a selection the disclosure rule refuses shows the count band only
(evaluation/disclosure.py).
"""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from evaluation import exports, presentation
from evaluation.access_log import report_access_log
from evaluation.aggregates import matched_counts
from evaluation.disclosure import disclosed_report
from evaluation.filters import InvalidFilter, ReportFilters
from evaluation.retention_page import stored_retention_html
from evaluation.selectors import filter_choices, matched_data
from evaluation.stored import stored_report
from lms.http import file_response
from lms.models import StaffAccess
from lms.replica import freshness, replica_reads

PERMISSION = "lms.view_evaluation"


def _reads_on_the_replica(view):
    """The view's reads go to the read replica when one is configured (lms/replica.py); its writes
    (the access log) still go to the primary. Who may see reports is decided on the primary first
    (Django keeps the answer on the user for the view's own check), so a role just taken away is
    never granted again by a replica a few seconds behind. The page is rendered inside, as its
    template may still read."""

    @functools.wraps(view)
    def on_replica(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        with replica_reads():
            response = view(request, *args, **kwargs)
            if isinstance(response, TemplateResponse):
                response.render()
        return response

    return on_replica


def _filters(request: HttpRequest, kind: str, choices: dict) -> ReportFilters:
    """The request's filters, once the user may see reports; the access is logged.

    Raises InvalidFilter (nothing logged, nothing read) for a value the filter form does not offer.
    """
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    filters = ReportFilters.from_query(request.GET, choices=choices)
    report_access_log(user=request.user, what=kind, filters=filters)
    return filters


def _report(request: HttpRequest, kind: str):
    """(The report with every trainee's item marks, as exports need them (or withheld), and the
    page's follow-up section, retention.py), or a 400."""
    try:
        filters = _filters(request, kind, filter_choices())
    except InvalidFilter as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
    report = disclosed_report(filters=filters, read=matched_data, labels=presentation.group_labels())
    return report, [] if report.withheld else _retention(filters)


def _retention(filters: ReportFilters) -> list:
    """The page's follow-up section's modules (retention.py), for the exports and the document."""
    from evaluation.disclosure import disclosure_check
    from evaluation.retention import retention_report

    return retention_report(filters=filters, disclosure=disclosure_check(filters=filters))


@require_GET
@login_required
@_reads_on_the_replica
def report_page(request: HttpRequest) -> HttpResponse:
    choices = filter_choices()
    try:
        filters = _filters(request, StaffAccess.What.EVALUATION_PAGE, choices)
    except InvalidFilter as error:
        context = {"error": error.message, **presentation.filter_context(filters=ReportFilters(), choices=choices)}
        return TemplateResponse(request, "evaluation/report.html", context, status=400)
    # The page shows no trainee's row: the database's counts suffice. The results' HTML is stored
    # until the data changes (stored.py): a repeated view costs the stamp, a cache read and the filters.
    results, _computed = stored_report(
        filters=filters,
        compute=lambda: presentation.results_html(
            report=disclosed_report(filters=filters, read=matched_counts, labels=presentation.group_labels())
        ),
    )
    context = {"results": results, **presentation.filter_context(filters=filters, choices=choices)}
    context["retention"] = stored_retention_html(filters=filters)  # pre → post → follow-up (retention.py)
    context["query"] = request.GET.urlencode()
    context["data_as_of"] = freshness()
    return TemplateResponse(request, "evaluation/report.html", context)


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    return file_response(content, content_type=content_type, filename=name)


@require_GET
@login_required
@_reads_on_the_replica
def export_csv(request: HttpRequest) -> HttpResponse:
    found = _report(request, StaffAccess.What.EVALUATION_CSV)
    if isinstance(found, HttpResponse):
        return found
    return _download(exports.csv_data(*found), "text/csv; charset=utf-8", exports.file_name("csv"))


@require_GET
@login_required
@_reads_on_the_replica
def export_codebook_csv(request: HttpRequest) -> HttpResponse:
    found = _report(request, StaffAccess.What.EVALUATION_CSV)
    if isinstance(found, HttpResponse):
        return found
    return _download(exports.csv_codebook(*found), "text/csv; charset=utf-8", exports.file_name("csv", part="codebook"))


@require_GET
@login_required
@_reads_on_the_replica
def export_xlsx(request: HttpRequest) -> HttpResponse:
    found = _report(request, StaffAccess.What.EVALUATION_XLSX)
    if isinstance(found, HttpResponse):
        return found
    return _download(
        exports.xlsx(*found),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        exports.file_name("xlsx"),
    )


@require_GET
@login_required
@_reads_on_the_replica
def export_pdf(request: HttpRequest) -> HttpResponse:
    """The report for the chosen filters as a PDF for a donor (report_pdf.py), logged as such."""
    from evaluation.report_pdf import report_pdf
    from evaluation.stored import data_version

    version = data_version()  # read before the data, as the page does (stored.py)
    choices = filter_choices()
    try:
        filters = _filters(request, StaffAccess.What.EVALUATION_PDF, choices)
    except InvalidFilter as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
    report = disclosed_report(filters=filters, read=matched_counts, labels=presentation.group_labels())
    retention = [] if report.withheld else _retention(filters)
    content = report_pdf(report=report, filters=filters, choices=choices, version=version, retention=retention)
    return _download(content, "application/pdf", exports.file_name("pdf", part="report"))
