"""Sending the outbox to the LRS: in batches, once per statement id, with back-off while it is away.

- A batch is POSTed to `<endpoint>/statements`. 200 or 204: every statement of it is stored.
- 409 (one of them is there already with other contents, or the LRS treats any known id so) or 400:
  each statement is PUT on its own (`?statementId=`); 204 is stored, 409 is "already stored" (the
  id is the event's, so the LRS has this event), 400 marks that one statement refused, with the
  LRS's answer, and the others go on.
- No answer, 401/403, 429 or 5xx: nothing is marked, the rows stay pending, and the LRS is not
  tried again before `retry_at`: 30 s after the first failure, doubling up to XAPI_RETRY_MAX_SECONDS
  (15 min by default), however long the outage: when it is back, everything queued is sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from xapi.models import LrsConfig, OutboxStatement

TIMEOUT = (5, 30)  # connect, read (seconds)
HEADERS = {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}


class LrsAway(Exception):
    """The LRS did not answer, or answered that it cannot store now (the rows wait)."""


@dataclass
class Report:
    sent: int = 0
    rejected: int = 0
    waiting: bool = False  # backing off: the LRS was away
    retry_in: float | None = None
    errors: list[str] = field(default_factory=list)


def backoff_seconds(failures: int) -> float:
    base = getattr(settings, "XAPI_RETRY_BASE_SECONDS", 30)
    cap = getattr(settings, "XAPI_RETRY_MAX_SECONDS", 900)
    return float(min(cap, base * 2 ** max(0, min(failures - 1, 30))))


def _url(config: LrsConfig) -> str:
    return config.endpoint.rstrip("/") + "/statements"


def _send(config: LrsConfig, method: str, body, params=None) -> requests.Response:
    try:
        response = requests.request(
            method,
            _url(config),
            params=params,
            data=json.dumps(body, ensure_ascii=False).encode(),
            headers=HEADERS,
            auth=(config.key, config.secret),
            timeout=TIMEOUT,
        )
    except requests.RequestException as error:
        raise LrsAway(f"{type(error).__name__}: {error}") from error
    if response.status_code in (401, 403, 408, 429) or response.status_code >= 500:
        raise LrsAway(f"HTTP {response.status_code}: {response.text[:300]}")
    return response


def _send_one(config: LrsConfig, row: OutboxStatement, report: Report, now) -> None:
    response = _send(config, "PUT", row.statement, params={"statementId": str(row.statement_id)})
    row.attempts += 1
    if response.status_code in (200, 204, 409):
        row.status, row.sent_at, row.error = OutboxStatement.Status.SENT, now, ""
        report.sent += 1
    else:
        row.status, row.error = OutboxStatement.Status.REJECTED, f"HTTP {response.status_code}: {response.text[:500]}"
        report.rejected += 1
    row.save(update_fields=["attempts", "status", "sent_at", "error"])


def _send_batch(config: LrsConfig, rows: list[OutboxStatement], report: Report, now) -> None:
    response = _send(config, "POST", [row.statement for row in rows])
    if response.status_code in (200, 204):
        ids = [row.pk for row in rows]
        OutboxStatement.objects.filter(pk__in=ids).update(status=OutboxStatement.Status.SENT, sent_at=now, error="")
        report.sent += len(rows)
        return
    for row in rows:
        _send_one(config, row, report, now)


def forward(*, now=None, max_batches: int = 1000) -> Report:
    """Send what is pending to the enabled LRS, batch after batch, until the queue is empty, the LRS
    is away (back-off recorded) or `max_batches` were sent. Safe to run concurrently: each batch is
    locked (skipped by another run) while it is sent."""
    report = Report()
    config = LrsConfig.objects.filter(enabled=True).first()
    if config is None:
        return report
    now = now or timezone.now()
    if config.retry_at and config.retry_at > now:
        report.waiting, report.retry_in = True, (config.retry_at - now).total_seconds()
        return report
    for _batch in range(max_batches):
        try:
            with transaction.atomic():
                rows = list(
                    OutboxStatement.objects.select_for_update(skip_locked=True)
                    .filter(status=OutboxStatement.Status.PENDING)
                    .order_by("pk")[: config.batch_size]
                )
                if not rows:
                    break
                _send_batch(config, rows, report, now)
        except LrsAway as error:
            _failed(config, str(error), now, report)
            return report
    if config.failures or config.retry_at:
        LrsConfig.objects.filter(pk=config.pk).update(failures=0, retry_at=None, last_error="", last_success_at=now)
    elif report.sent:
        LrsConfig.objects.filter(pk=config.pk).update(last_success_at=now)
    return report


def _failed(config: LrsConfig, error: str, now, report: Report) -> None:
    failures = config.failures + 1
    delay = backoff_seconds(failures)
    LrsConfig.objects.filter(pk=config.pk).update(
        failures=failures, retry_at=now + timedelta(seconds=delay), last_error=error[:1000]
    )
    report.waiting, report.retry_in = True, delay
    report.errors.append(error)
