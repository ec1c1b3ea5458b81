"""Request input the views may trust: JSON bodies, integers for the database, path values.

Every JSON API of the project reads its body through `json_object` and its fields through
`json_int`/`json_text`/`json_value`; integer path parameters use the `id` converter; integers read
from a query string or a form go through `database_int`. Anything a database or an encoder would
choke on (a lone surrogate, a NUL, a number beyond 64 bits, 10,000 levels of nesting) is refused
here with a translated 400, before a view or a service sees it, instead of a 500 deeper down.
"""

from __future__ import annotations

import json
import re

from django.http import HttpRequest
from django.utils.translation import gettext as _

# The widest integer both databases store (a signed 64-bit BIGINT). Page ids are 32-bit on
# PostgreSQL, but a comparison with a wider value is valid SQL there; only storing one is not.
MAX_DATABASE_INT = 2**63 - 1
MIN_DATABASE_INT = -(2**63)
# xAPI statements are the deepest bodies we accept (context → activities → definition → name).
MAX_JSON_DEPTH = 32
# NUL (PostgreSQL text cannot hold it) and lone surrogates (UTF-8 cannot encode them).
_FORBIDDEN_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
_DECIMAL = re.compile(r"-?[0-9]{1,19}")


class BadRequestBody(Exception):
    """A body refused, with the translated message and the status (400, or 413 when too large)."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def database_int(value: object) -> int | None:
    """`value` as an integer a database column can hold, or None.

    Accepts an int (not a bool) or a text of ASCII decimal digits (optionally negative), within a
    signed 64-bit integer. Refuses floats, "1e30", "²" (a digit to str.isdigit, not to int) and more
    than 19 digits, so that a lookup with the result never overflows.
    """
    if isinstance(value, str):
        if not _DECIMAL.fullmatch(value):
            return None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if MIN_DATABASE_INT <= value <= MAX_DATABASE_INT else None


class DatabaseIdConverter:
    """Path converter `<id:name>`: like `<int:name>`, but a value no database column can hold does
    not match, so a 23-digit id is a 404 (SQLite raises OverflowError on it, a 500)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = database_int(value)
        if number is None:
            raise ValueError(value)  # the resolver takes it as "no match"
        return number

    def to_url(self, value) -> str:
        number = database_int(value)
        if number is None or number < 0:
            raise ValueError(value)  # reverse() then finds no match
        return str(number)


class _Refused(Exception):
    pass


def _integer(text: str) -> int:
    number = database_int(text) if len(text) <= 20 else None
    if number is None:
        raise _Refused(_("The request contains a number out of range."))
    return number


def _constant(name: str):
    raise _Refused(_("The request is not valid JSON."))


def _check(value) -> None:
    """Walk the parsed body (without recursion): depth, characters and numbers."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise _Refused(_("The request is nested too deeply."))
        if isinstance(item, dict):
            for key, inner in item.items():
                stack.append((key, depth))
                stack.append((inner, depth + 1))
        elif isinstance(item, list):
            stack.extend((inner, depth + 1) for inner in item)
        elif isinstance(item, str):
            if _FORBIDDEN_CHARACTERS.search(item):
                raise _Refused(_("The request contains a character that is not allowed."))
        elif isinstance(item, float) and item in (float("inf"), float("-inf")):
            raise _Refused(_("The request contains a number out of range."))


def json_object(request: HttpRequest, *, max_bytes: int) -> dict:
    """The request's body as a JSON object whose every part a database can store.

    Raises BadRequestBody (413) for a body over `max_bytes`; (400) for a body that is not UTF-8
    JSON, not an object, nested deeper than MAX_JSON_DEPTH, holding a NUL or a lone surrogate
    (in a key or a value), an integer beyond 64 bits, NaN or an infinite number.
    """
    declared = database_int(request.headers.get("Content-Length") or "0") or 0
    if declared > max_bytes or len(request.body) > max_bytes:
        raise BadRequestBody(_("The request is too large."), status=413)
    try:
        text = request.body.decode("utf-8")
        body = json.loads(text, parse_int=_integer, parse_constant=_constant)
        _check(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequestBody(_("The request is not valid JSON.")) from error
    except RecursionError as error:
        raise BadRequestBody(_("The request is nested too deeply.")) from error
    except _Refused as refusal:
        raise BadRequestBody(str(refusal)) from refusal
    if not isinstance(body, dict):
        raise BadRequestBody(_("The request must be a JSON object."))
    return body


def _wrong_type(name: str) -> BadRequestBody:
    return BadRequestBody(_("The field “%(name)s” is missing or of the wrong type.") % {"name": name})


def json_value(body: dict, name: str) -> object:
    """A required field of any JSON type."""
    if name not in body:
        raise _wrong_type(name)
    return body[name]


def json_int(body: dict, name: str, *, optional: bool = False) -> int | None:
    """An integer field (a JSON integer, not a float, a text or a boolean); None if optional and
    absent or null."""
    value = body.get(name)
    if value is None and optional:
        return None
    number = database_int(value) if isinstance(value, int) else None
    if number is None:
        raise _wrong_type(name)
    return number


def json_text(body: dict, name: str, *, optional: bool = False) -> str:
    """A text field; "" if optional and absent or null."""
    value = body.get(name)
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise _wrong_type(name)
    return value


class NulRefusalMiddleware:
    """Answer 400 to a request whose path, query string or form data holds a NUL character.

    PostgreSQL text cannot hold NUL: a lookup with one (a session code in the path, a filter in the
    query string, a field a view reads from request.POST) fails there with a 500, while SQLite just
    finds nothing. Django's form fields refuse NUL, but views read many values directly; refusing
    it once here covers them all. (Lone surrogates cannot arrive this way: Django decodes paths,
    query strings and form data as UTF-8, replacing what is not.) JSON bodies are json_object's.
    """

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponseBadRequest, JsonResponse

        values = [request.path_info, *_strings(request.GET)]
        if request.method == "POST" and request.content_type in self.FORM_TYPES and self._small(request):
            # Read (and keep) the body first, so that a view can still read it after the form is
            # parsed; the CSRF check parses nearly every form post anyway.
            request.body  # noqa: B018
            values += _strings(request.POST)
        if any("\x00" in value for value in values):
            from lms import errors

            if errors.wants_html(request):
                return errors.bad_request(request)
            message = _("The request contains a character that is not allowed.")
            if request.content_type == "application/json" or "application/json" in request.headers.get("Accept", ""):
                return JsonResponse({"error": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _small(request) -> bool:
        """Larger bodies are file uploads: left to the view's form fields, which refuse NUL too."""
        from django.conf import settings

        size = database_int(request.META.get("CONTENT_LENGTH") or "0") or 0
        return size <= (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440)


def _strings(query) -> list[str]:
    return [text for key, values in query.lists() for text in (key, *values)]
