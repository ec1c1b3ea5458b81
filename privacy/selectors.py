"""Everything the platform holds about one person, for their "My data" page and JSON download.

One section per kind of data, one query each; each app gives its own sections (its
`personal_data` module, lms.data_protection). Each section has machine keys (the JSON) and
translated labels (the page), so the page and the download can never disagree.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lms import data_protection
from lms.data_protection import Section
from lms.models import User
from privacy.models import ErasureRequest


def personal_data(*, user: User) -> list[Section]:
    """The person's data, section by section (profile first), from every app's declaration."""
    return [part for sections in data_protection.hooks("sections") for part in sections(user=user)]


# The page's groups of sections, by section key; a section no group names goes to the last one.
GROUPS = [
    (_("You and your account"), ["profile", "consents", "erasure_requests"]),
    (_("Your training"), ["enrolments", "lesson_progress", "h5p_results", "sessions", "attendance"]),
    (_("Your tests"), ["attempts", "answers", "offline_devices"]),
    (_("Certificates and events"), ["certificates", "event_registrations", "outreach_logs"]),
]


def personal_data_groups(*, user) -> tuple[list[tuple[str, list[Section]]], list[Section]]:
    """The page's view of personal_data: (heading, sections that hold something) by group, and the
    sections that hold nothing (named in one line, so they do not lengthen the page)."""
    sections = personal_data(user=user)
    placed = {key: number for number, (_title, keys) in enumerate(GROUPS) for key in keys}
    groups: list[tuple[str, list[Section]]] = [(str(title), []) for title, _keys in GROUPS]
    groups.append((str(_("Other data")), []))
    for part in sections:
        if part.rows:
            groups[placed.get(part.key, len(GROUPS))][1].append(part)
    return [group for group in groups if group[1]], [part for part in sections if not part.rows]


def personal_data_json(*, user: User) -> dict:
    """The same data as the page, keyed by section (the JSON download)."""
    return {section.key: section.rows for section in personal_data(user=user)}


def pending_erasure(*, user: User) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
