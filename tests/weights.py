"""Measuring what a phone downloads for a page, for the byte-budget tests."""

import gzip
import re

from django.contrib.staticfiles import finders


def page_weight(client, url: str) -> tuple[int, int, str]:
    """(first HTML response gzip bytes, page with its CSS and JS gzip bytes, the HTML) for `url`."""
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, (url, response.status_code)
    compressed = response.get("Content-Encoding") == "gzip"
    first = len(response.content) if compressed else len(gzip.compress(response.content))
    html = gzip.decompress(response.content).decode() if compressed else response.content.decode()
    total = first
    for src in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        path = finders.find(src)
        assert path, src
        with open(path, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    return first, total, html
