"""xAPI 1.0.3 statements of the platform's learning events.

- Ids are uuid5 of the event's natural key (`statement_id`): the same event always gives the same id,
  so a replay or a second send is recognised by the LRS as the statement it already has.
- The actor is an account on the platform's home page whose name is the person's opaque pseudonym
  (`Learner.key`): never an email, a name or a username.
- Modules, lessons, tests, H5P activities and training sessions are activities with a French and an
  English name (the page's translation where there is one, else the same title twice).
- Verbs come from the ADL vocabulary, plus the xAPI registry (tincanapi) and Activity Streams for
  the certificate's "earned" and "cancelled" (revoked), which ADL does not define.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.utils import timezone, translation

# Fixed for ever: changing it would change every statement id.
NAMESPACE = uuid.UUID("8a4cbd0e-4f4e-5b2b-9d0f-6c1e3b0a2d11")
LANGUAGES = {"fr": "fr-FR", "en": "en-US"}

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "registered": (ADL + "registered", "s’est inscrit à", "registered"),
    "completed": (ADL + "completed", "a terminé", "completed"),
    "answered": (ADL + "answered", "a répondu", "answered"),
    "attempted": (ADL + "attempted", "a commencé", "attempted"),
    "attended": (ADL + "attended", "a assisté", "attended"),
    "voided": (ADL + "voided", "a annulé", "voided"),
    "earned": ("http://id.tincanapi.com/verb/earned", "a obtenu", "earned"),
    "revoked": ("http://activitystrea.ms/schema/1.0/cancel", "a été révoqué", "had revoked"),
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "interaction": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "meeting": "http://adlnet.gov/expapi/activities/meeting",
    "certificate": "http://id.tincanapi.com/activitytype/certificate",
}
PLATFORM = "lms"


def statement_id(*natural_key) -> uuid.UUID:
    """The id of the statement of one event: uuid5 of its natural key (event name and row ids)."""
    return uuid.uuid5(NAMESPACE, ":".join(str(part) for part in natural_key))


def home_page() -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/")


def activity_base() -> str:
    return f"{home_page()}/xapi/activities"


def agent(pseudonym) -> dict:
    return {"objectType": "Agent", "account": {"homePage": home_page(), "name": str(pseudonym)}}


def platform_agent() -> dict:
    """Who voids: the platform itself, not the person (whose pseudonym is gone after erasure)."""
    return {"objectType": "Agent", "account": {"homePage": home_page(), "name": "platform"}}


def verb(name: str) -> dict:
    iri, french, english = VERBS[name]
    return {"id": iri, "display": {"fr-FR": french, "en-US": english}}


def names(titles: dict[str, str]) -> dict[str, str]:
    """A language map with French and English, each falling back to the other (or any) title."""
    fallback = titles.get(settings.LANGUAGE_CODE) or next(iter(titles.values()), "") or "—"
    return {tag: titles.get(code) or fallback for code, tag in LANGUAGES.items()}


def page_titles(page) -> dict[str, str]:
    """The page's title in each of its translations, by language code."""
    titles = {}
    for translated in page.get_translations(inclusive=True).select_related("locale"):
        titles[translated.locale.language_code.split("-")[0]] = translated.title
    return titles


def translated(make) -> dict[str, str]:
    """`make()` (a text with gettext in it) in French and in English."""
    out = {}
    for code, tag in LANGUAGES.items():
        with translation.override(code):
            out[tag] = str(make())
    return out


def activity(iri: str, kind: str, name: dict[str, str]) -> dict:
    return {"objectType": "Activity", "id": iri, "definition": {"type": ACTIVITY_TYPES[kind], "name": name}}


def course_activity(course) -> dict:
    return activity(f"{activity_base()}/module/{course.translation_key}", "course", names(page_titles(course)))


def lesson_activity(lesson) -> dict:
    return activity(f"{activity_base()}/lesson/{lesson.translation_key}", "lesson", names(page_titles(lesson)))


def test_activity(test) -> dict:
    titles = names(page_titles(test.course))
    kind = translated(test.get_kind_display)
    name = {tag: f"{titles[tag]} – {kind[tag]}" for tag in titles}
    return activity(f"{activity_base()}/test/{test.course.translation_key}/{test.kind}", "assessment", name)


def statement(*, sid: uuid.UUID, pseudonym, verb_name: str, obj: dict, when=None, **extra) -> dict:
    """A complete statement; `extra` adds result and context (merged into the platform's context)."""
    context = {"platform": PLATFORM, **extra.pop("context", {})}
    return {
        "id": str(sid),
        "actor": agent(pseudonym),
        "verb": verb(verb_name),
        "object": obj,
        "context": context,
        "timestamp": (when or timezone.now()).isoformat(),
        "version": "1.0.3",
        **extra,
    }


def in_course(course) -> dict:
    return {"contextActivities": {"parent": [course_activity(course)]}}


def score(raw: float, maximum: float, success=None, *, completion: bool = True) -> dict:
    result: dict = {"completion": completion}
    if maximum and maximum > 0:
        raw = max(0.0, min(float(raw), float(maximum)))
        result["score"] = {"raw": raw, "min": 0, "max": float(maximum), "scaled": round(raw / maximum, 4)}
    if success is not None:
        result["success"] = bool(success)
    return result


def voiding(*, target_id, when=None) -> dict:
    """The statement that voids `target_id` (xAPI 1.0.3 §2.2.5 "Voided")."""
    return {
        "id": str(statement_id("voided", target_id)),
        "actor": platform_agent(),
        "verb": verb("voided"),
        "object": {"objectType": "StatementRef", "id": str(target_id)},
        "timestamp": (when or timezone.now()).isoformat(),
        "version": "1.0.3",
    }
