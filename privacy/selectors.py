"""Everything the platform holds about one person, for their "My data" page and JSON download.

One section per kind of data, one query each; each app gives its own sections (its
`personal_data` module, lms.data_protection). Each section has machine keys (the JSON) and
translated labels (the page), so the page and the download can never disagree.
"""

from __future__ import annotations

from lms import data_protection
from lms.data_protection import Section
from lms.models import User
from privacy.models import ErasureRequest


def personal_data(*, user: User) -> list[Section]:
    """The person's data, section by section (profile first), from every app's declaration."""
    return [part for sections in data_protection.hooks("sections") for part in sections(user=user)]


def personal_data_json(*, user: User) -> dict:
    """The same data as the page, keyed by section (the JSON download)."""
    return {section.key: section.rows for section in personal_data(user=user)}


def pending_erasure(*, user: User) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
