"""The consent text people are shown at sign-up, at first login and on their account page.

One definition: the template shows these paragraphs and lms.services records exactly them (in the
language shown) with each consent. Change CONSENT_VERSION (settings) whenever the text changes.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

CONSENT_PARAGRAPHS = [
    _(
        "To give you your training and your certificates, the platform keeps your username, the name you give, "
        "your answers and your results. Your email is optional. A trainer who adds you to a session may also "
        "record your phone number and organisation."
    ),
    _(
        "Evaluators and funders only see results without names, and never groups of fewer than five people. "
        "You can see, download or erase your data at any time."
    ),
]


def consent_text(language: str) -> str:
    """The paragraphs as shown in `language`, one per line."""
    with override(language):
        return "\n".join(str(paragraph) for paragraph in CONSENT_PARAGRAPHS)
