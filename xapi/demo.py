"""The demo's learning record store: a Ralph LRS on this machine (docs/interop.md), disabled.

Nothing is queued or sent until an administrator ticks "enabled" in the admin; the demo's own events
are not sent anywhere. Idempotent: found by name, and an administrator's changes are kept.
"""

from __future__ import annotations

from xapi.models import LrsConfig

NAME = "LRS de démonstration (Ralph, local)"


def seed() -> list[str]:
    LrsConfig.objects.get_or_create(
        name=NAME,
        defaults={
            "endpoint": "http://127.0.0.1:8100/xAPI/",
            "key": "lms-demo",
            "secret": "demo-secret-change-me",
            "enabled": False,
        },
    )
    return []
