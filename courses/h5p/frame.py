"""The isolated frame H5P content plays in, and the signed token that lets it fetch its package.

The frame is an `<iframe sandbox="allow-scripts">` without `allow-same-origin`: its document has an
opaque origin, so the package's code can read neither the site's cookies nor the lesson page's DOM,
and its own Content-Security-Policy (FRAME_POLICY) may allow eval, which the site's never does.
Having no cookies, the frame fetches its files with a token in the URL path instead: signed, scoped
to one trainee, one lesson (as shown) and one package, valid until the end of the next day. The
token stays the same all day, so the phone's cache keeps serving the files (they are immutable).
Results and resume state leave the frame only by postMessage to the lesson page, which checks that
a message comes from that frame's window and sends it on with the trainee's own session.
docs/security.md explains the design.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core import signing

SALT = "courses.h5p.frame"
DAY = 24 * 60 * 60


@dataclass(frozen=True)
class FrameGrant:
    user_id: int
    lesson_id: int
    package_id: int


def issue_token(*, user_id: int, lesson_id: int, package_id: int, now: float | None = None) -> str:
    """A token for the files of `package_id` in lesson `lesson_id`, for `user_id`: valid today and tomorrow."""
    expires = (int(now if now is not None else time.time()) // DAY + 2) * DAY
    return signing.dumps([user_id, lesson_id, package_id, expires], salt=SALT, compress=False)


def read_token(token: str, *, now: float | None = None) -> FrameGrant | None:
    """What `token` grants, or None when it is forged, damaged or expired."""
    try:
        user_id, lesson_id, package_id, expires = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not all(isinstance(value, int) for value in (user_id, lesson_id, package_id, expires)):
        return None
    if (now if now is not None else time.time()) >= expires:
        return None
    return FrameGrant(user_id, lesson_id, package_id)


def policy(origin: str) -> str:
    """The frame document's own policy: eval allowed here only, nothing from elsewhere, sandboxed even alone.

    `origin` is the site's (scheme://host): 'self' in a sandboxed document is matched inconsistently
    across browsers, so the site is also named.
    """
    own = f"'self' {origin}"
    directives = {
        "default-src": "'none'",
        "script-src": f"{own} 'unsafe-eval'",
        "style-src": f"{own} 'unsafe-inline'",
        "img-src": f"{own} data: blob:",
        "media-src": f"{own} blob:",
        "font-src": f"{own} data:",
        "connect-src": own,
        "frame-src": "'none'",
        "worker-src": "'none'",
        "form-action": "'none'",
        "base-uri": "'none'",
        "object-src": "'none'",
        "frame-ancestors": "'self'",
        # Opened on its own (not in our iframe), the document is still sandboxed: opaque origin.
        "sandbox": "allow-scripts",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())
