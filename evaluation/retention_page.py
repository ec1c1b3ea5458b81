"""The report page's follow-up part (retention.py) as HTML, stored like the pre/post results.

Stored under the report's key (stored.cache_key: filters, language, data version) and the day:
whether a trainee's follow-up has opened changes with the date, not only with the data.
"""

from __future__ import annotations

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from assessments.models import Test
from evaluation import stored
from evaluation.disclosure import BAND, MIN_GROUP, disclosure_check
from evaluation.filters import ReportFilters
from evaluation.retention import retention_report


def retention_html(*, filters: ReportFilters) -> str:
    """The follow-up section for these filters ("" when no module in scope has a follow-up test)."""
    modules = retention_report(filters=filters, disclosure=disclosure_check(filters=filters))
    return render_to_string("evaluation/_retention.html", {"modules": modules, "min_group": MIN_GROUP, "band": BAND})


def stored_retention_html(*, filters: ReportFilters) -> str:
    """The section as stored; "" at the cost of one query when no module has a follow-up test."""
    if not Test.objects.filter(kind=Test.Kind.FOLLOWUP).exists():
        return ""
    key = f"{stored.cache_key(filters, stored.data_version())}:retention:{timezone.localdate().isoformat()}"
    html = cache.get(key)
    if html is None:
        html = retention_html(filters=filters)
        cache.set(key, html, stored.TIMEOUT)
    return html
