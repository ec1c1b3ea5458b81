"""A request id for every request, carried into the Celery tasks it starts and onto every log line.

The id comes from the load balancer's `X-Request-ID` header when it looks like one (nginx's
`$request_id`: deploy/nginx/lms.conf), otherwise it is drawn here. It is sent back in the response's
`X-Request-ID`, set on every log record (`RequestIdFilter`), put in the headers of each task
published while the request runs, and restored in the worker while that task runs: one id follows
a trainee's hand-in from nginx's log through Django's to the certificate the worker issues.

Each request also leaves one structured line on the `lms.request` logger (JSON, `REQUEST_LOG`): the
view's route, never the address itself (addresses carry certificate codes and search terms), and
nothing that names a person (no user, no IP address).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from contextlib import contextmanager

from celery import signals
from django.conf import settings

from lms import metrics

HEADER = "X-Request-ID"
# What a load balancer's id looks like (nginx: 32 hex digits); anything else is replaced, so a
# client cannot write arbitrary text into the logs.
_WELL_FORMED = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_current: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
request_log = logging.getLogger("lms.request")


def current() -> str:
    """The id of the request (or task) this code runs for, "" outside one."""
    return _current.get()


@contextmanager
def bound(request_id: str):
    """Run the block as part of `request_id` (a request, or a task started by one)."""
    token = _current.set(request_id)
    try:
        yield request_id
    finally:
        _current.reset(token)


def from_header(value: str | None) -> str:
    """The incoming id when it is well formed, otherwise a fresh one."""
    if value and _WELL_FORMED.match(value):
        return value
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Put `request_id` on every record ("-" outside a request or task), for the formatters."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the record's `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or _current.get() or None,
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "-"
    return match.view_name or match.route or "-"


class RequestIdMiddleware:
    """Outermost: binds the id for everything below, answers with it, and logs the request's line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = from_header(request.headers.get(HEADER))
        request.request_id = request_id
        started = time.perf_counter()
        with bound(request_id):
            response = self.get_response(request)
            response[HEADER] = request_id
            seconds = time.perf_counter() - started
            view = _route(request)
            metrics.observe(view=view, method=request.method, status=response.status_code, seconds=seconds)
            if settings.REQUEST_LOG:
                request_log.info(
                    "request",
                    extra={
                        "fields": {
                            "method": request.method,
                            "view": view,
                            "status": response.status_code,
                            "duration_ms": round(seconds * 1000, 1),
                        }
                    },
                )
        return response


# --- Celery: the id travels in the task's headers ---------------------------------------------------


@signals.before_task_publish.connect
def _put_in_headers(headers=None, **kwargs) -> None:
    request_id = _current.get()
    if request_id and headers is not None:
        headers.setdefault("request_id", request_id)


_task_tokens: dict[str, contextvars.Token] = {}


@signals.task_prerun.connect
def _bind_in_worker(task_id=None, task=None, **kwargs) -> None:
    # Eagerly run tasks are already inside the request's context: keep it.
    request_id = None
    if task is not None:
        request_id = getattr(task.request, "request_id", None) or (task.request.headers or {}).get("request_id")
    if request_id and task_id and not _current.get():
        _task_tokens[task_id] = _current.set(str(request_id))


@signals.task_postrun.connect
def _unbind_in_worker(task_id=None, **kwargs) -> None:
    token = _task_tokens.pop(task_id, None) if task_id else None
    if token is not None:
        _current.reset(token)


@signals.after_setup_logger.connect
@signals.after_setup_task_logger.connect
def _worker_log_lines_carry_the_id(logger=None, **kwargs) -> None:
    """The worker's own handlers (Celery replaces the root logger's) name the request id too."""
    if logger is None:
        return
    for handler in logger.handlers:
        handler.addFilter(RequestIdFilter())
        if handler.formatter is not None and "%(request_id)s" not in (handler.formatter._fmt or ""):
            handler.setFormatter(
                type(handler.formatter)((handler.formatter._fmt or "%(message)s") + " [request %(request_id)s]")
            )
