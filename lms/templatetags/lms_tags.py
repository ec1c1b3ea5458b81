"""Template tags shared by every page."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """One link per language, to this page's translation where it exists, else to that language's home.

    Wagtail pages may have translated slugs: their link names the page, and the switch view looks up
    its translation when the link is followed (lms.views.switch_language), so that the layout costs
    no query on every page. Other views are translated through the URL resolver.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    page_id = getattr(page, "pk", None) if getattr(page, "translation_key", None) else None
    links = []
    for code, _name in settings.LANGUAGES:
        if page is not None:
            target = f"/{code}/"
        elif request is not None:
            target = translate_url(request.get_full_path(), code)
        else:
            target = f"/{code}/"
        query = {"next": target, "page": page_id} if page_id else {"next": target}
        url = reverse("switch_language", args=[code]) + "?" + urlencode(query)
        links.append(LanguageLink(code, get_language_info(code)["name_local"], url, code == current))
    return links


@register.simple_tag
def consent_version() -> str:
    """The version of the consent text people accept when they sign up."""
    return settings.CONSENT_VERSION


@register.simple_tag
def consent_paragraphs() -> list:
    """The consent text, paragraph by paragraph (lms.consent: what is shown is what is recorded)."""
    from lms.consent import CONSENT_PARAGRAPHS

    return CONSENT_PARAGRAPHS


@register.simple_tag(takes_context=True)
def workspace(context):
    """The signed-in person's workspace (lms.workspace), which the header links to; None otherwise."""
    from lms.workspace import workspace_for

    request = context.get("request")
    user = getattr(request, "user", None)
    return workspace_for(user) if user is not None else None
