"""Snippet choosers worded in the language of each page that draws them.

Wagtail 8's AdminSnippetChooser formats its button texts when it is built ("Choose %(object)s" %
name), and a StreamField block builds its widget once per process: the first editor's language then
showed on every editor's page ("Choose H5P package" in the French admin, seen in CI). The texts are
made lazy again here, so each drawing translates them.
"""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import gettext


def _worded(message: str, name: object) -> str:
    return gettext(message) % {"object": name}


worded = lazy(_worded, str)

TEXTS = {
    "choose_one_text": "Choose %(object)s",
    "choose_another_text": "Choose another %(object)s",
    "link_to_chosen_text": "Edit this %(object)s",
}


def word_snippet_choosers_per_drawing() -> None:
    """Wrap AdminSnippetChooser.__init__ so that its texts stay lazy (called once, from apps.ready)."""
    from wagtail.snippets.widgets import AdminSnippetChooser

    built = AdminSnippetChooser.__init__
    if getattr(built, "worded_per_drawing", False):
        return

    def __init__(self, *args, **kwargs):
        built(self, *args, **kwargs)
        name = self.model._meta.verbose_name  # lazy: translated at each drawing too
        for attribute, message in TEXTS.items():
            setattr(self, attribute, worded(message, name))

    __init__.worded_per_drawing = True  # type: ignore[attr-defined]
    AdminSnippetChooser.__init__ = __init__  # type: ignore[method-assign]
