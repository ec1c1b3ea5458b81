"""What an activity costs on first load, and what it would fetch from elsewhere (issue 17, item 5).

First load: what the player fetches before the activity shows: h5p.json, content.json, every
library's library.json, scripts and styles, and the content images (phone-sized copies where made).
Audio and video are fetched on demand and not counted. Uncompressed bytes.

Remote resources: http(s) URLs in content.json and in the libraries' scripts and styles (videos on
h5p.org, web fonts…). The site's and the frame's policies block them, so editors are warned.
"""

from __future__ import annotations

import re

FIRST_LOAD_BUDGET = 300 * 1024  # bytes: about 10 s at Regular 2G (250 kbit/s)
URL_RE = re.compile(rb"https?://[^\s\"'<>)\\]+")
# Identifiers, not resources: xAPI vocabularies, XML namespaces, licences.
IGNORED_HOSTS = (
    "adlnet.gov",
    "www.w3.org",
    "w3id.org",
    "purl.org",
    "schema.org",
    "creativecommons.org",
    "h5p.org/x-api",
)
IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "gif", "svg", "webp", "bmp")


def counts_on_first_load(path: str) -> bool:
    extension = path.rsplit(".", 1)[-1].lower()
    if path in ("h5p.json", "content/content.json"):
        return True
    if path.startswith("content/"):
        return extension in IMAGE_EXTENSIONS
    return extension in ("js", "css") or path.endswith("/library.json")


def may_reference_remote(path: str) -> bool:
    return path == "content/content.json" or (not path.startswith("content/") and path.endswith((".js", ".css")))


def remote_urls(data: bytes) -> list[str]:
    found = []
    for match in URL_RE.findall(data):
        url = match.decode("utf-8", "replace").rstrip(".,;")
        host = url.split("://", 1)[1]
        if not host.startswith(IGNORED_HOSTS):
            found.append(url)
    return found
