"""Measuring what a phone downloads for a page, for the byte-budget tests.

Headers count: each response's status line, headers and cookies travel with it (about 0.9 KB a
response when the security policy was sent on static files too), so the budgets hold them.
"""

import gzip
import re

from django.contrib.staticfiles import finders
from django.test import Client, override_settings

DOCUMENT_ONLY = ("Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy")


def header_bytes(response) -> int:
    """The bytes of a response's status line, headers (cookies included) and the blank line after them."""
    size = len(f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n") + 2
    size += sum(len(f"{name}: {value}\r\n") for name, value in response.items())
    size += sum(len(f"Set-Cookie: {morsel.OutputString()}\r\n") for morsel in response.cookies.values())
    return size


def static_header_bytes(path: str) -> int:
    """The headers the site sends with a static file (WhiteNoise serving it, as in production)."""
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        response = Client().get(f"/static/{path}", HTTP_ACCEPT_ENCODING="gzip")  # a new handler reads them
    assert response.status_code == 200, (path, response.status_code)
    # The security policy travels with documents only (lms/csp.py), not with every file of a page.
    assert not [name for name in DOCUMENT_ONLY if response.has_header(name)], (path, dict(response.items()))
    return header_bytes(response)


def page_weight(client, url: str) -> tuple[int, int, str]:
    """(first HTML response gzip bytes with its headers, page with its CSS and JS gzip bytes and every
    response's headers, the HTML) for `url`."""
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, (url, response.status_code)
    compressed = response.get("Content-Encoding") == "gzip"
    first = len(response.content) if compressed else len(gzip.compress(response.content))
    first += header_bytes(response)
    html = gzip.decompress(response.content).decode() if compressed else response.content.decode()
    total = first
    for src in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        path = finders.find(src)
        assert path, src
        with open(path, "rb") as handle:
            total += len(gzip.compress(handle.read()))
        total += static_header_bytes(src)
    return first, total, html
