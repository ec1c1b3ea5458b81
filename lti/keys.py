"""The tool's signing key (django-lti's Key): made the first time one is needed.

Rotation: `manage.py rotate_keys` (django-lti) adds a new key; the old one stays in the key set until
platforms have fetched the new one (docs/interop.md). Two processes making the first key at once
make two: both are published, the latest signs; nothing breaks."""

from lti_tool.models import Key


def ensure() -> None:
    if not Key.objects.active().exists():
        Key.objects.generate()
