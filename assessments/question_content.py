"""Editors' text fields ⇄ a question's `content` and `key` (pure: no database).

The admin form shows one box per language for the text, the explanation and the choices, written
one per line as `id: label` ("a: Vrai"), and one box for the answer key. This module turns what was
typed into the JSON that `Question.content` and `Question.key` hold (see their docstring), and back,
and says precisely what is wrong when it cannot.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from assessments.models.questions import QuestionKind

LINE = re.compile(r"^\s*([A-Za-z0-9_-]{1,16})\s*[:|]\s*(\S.*?)\s*$")
PARTIAL_RULES = ("proportional", "all_or_nothing")

# The boxes each kind uses, besides the text and the explanation.
LABEL_BOXES = {
    QuestionKind.SINGLE: ("options",),
    QuestionKind.MULTIPLE: ("options",),
    QuestionKind.TRUE_FALSE: ("options",),
    QuestionKind.ORDERING: ("options",),
    QuestionKind.MATCHING: ("left", "right"),
    QuestionKind.SHORT: (),
}


def parse_labels(text: str) -> dict[str, str]:
    """`a: label` lines → {"a": "label"}; raises ValueError naming the first bad line."""
    labels: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = LINE.match(line)
        if match is None:
            raise ValueError(_("Line %(number)d is not “id: label” (for example “a: Yes”).") % {"number": number})
        identifier, label = match.groups()
        if identifier in labels:
            raise ValueError(_("Line %(number)d repeats the id “%(id)s”.") % {"number": number, "id": identifier})
        labels[identifier] = label
    return labels


def format_labels(labels: dict[str, str]) -> str:
    return "\n".join(f"{identifier}: {label}" for identifier, label in labels.items())


def _ids(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\s]+", text or "") if part.strip()]


def build(*, kind: str, languages: list[str], boxes: dict[str, str], key_boxes: dict[str, str]) -> tuple[dict, dict]:
    """Build (content, key) from the form's boxes, or raise ValidationError keyed by box name.

    `boxes` holds "<box>_<language>" values: text, explanation, objective, options, left, right,
    accepted. French (the first language) is required; another language is kept only when its text
    is filled, and its choices must use the same ids as the French ones.
    """
    errors: dict[str, list[str]] = {}
    content: dict[str, dict] = {}
    source = languages[0]
    for language in languages:
        text = (boxes.get(f"text_{language}") or "").strip()
        if not text:
            if language == source:
                errors.setdefault(f"text_{language}", []).append(_("The French text is required."))
            continue
        entry: dict = {"text": text}
        for box in ("explanation", "objective"):
            if value := (boxes.get(f"{box}_{language}") or "").strip():
                entry[box] = value
        for box in LABEL_BOXES[kind]:
            try:
                labels = parse_labels(boxes.get(f"{box}_{language}") or "")
            except ValueError as error:
                errors.setdefault(f"{box}_{language}", []).append(str(error))
                continue
            if not labels and kind == QuestionKind.TRUE_FALSE:
                with translation.override(language):
                    labels = {"true": _("True"), "false": _("False")}
            if len(labels) < 2:
                errors.setdefault(f"{box}_{language}", []).append(_("Give at least two choices, one per line."))
            elif language != source and source in content and set(labels) != set(content[source].get(box, {})):
                errors.setdefault(f"{box}_{language}", []).append(_("Use the same ids as in French."))
            entry[box] = labels
        if kind == QuestionKind.SHORT:
            accepted = [line.strip() for line in (boxes.get(f"accepted_{language}") or "").splitlines() if line.strip()]
            if not accepted and language == source:
                errors.setdefault(f"accepted_{language}", []).append(_("Give at least one accepted answer."))
            entry["accepted"] = accepted
        content[language] = entry
    if errors:
        raise ValidationError(errors)
    return content, _key(kind=kind, french=content[source], key_boxes=key_boxes)


def _key(*, kind: str, french: dict, key_boxes: dict[str, str]) -> dict:
    options = set(french.get("options", {}))
    correct = _ids(key_boxes.get("correct", ""))
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE):
        if len(correct) != 1 or correct[0] not in options:
            raise ValidationError({"correct": _("Give the id of the one correct choice.")})
        return {"correct": correct[0]}
    if kind == QuestionKind.MULTIPLE:
        if not correct or not set(correct) <= options:
            raise ValidationError({"correct": _("Give the ids of the correct choices, separated by commas.")})
        partial = key_boxes.get("partial") or PARTIAL_RULES[0]
        return {"correct": sorted(set(correct)), "partial": partial}
    if kind == QuestionKind.ORDERING:
        order = _ids(key_boxes.get("order", ""))
        if sorted(order) != sorted(options):
            raise ValidationError({"order": _("Give every choice's id once, in the right order.")})
        return {"order": order}
    if kind == QuestionKind.MATCHING:
        try:
            pairs = parse_labels(key_boxes.get("pairs", ""))
        except ValueError as error:
            raise ValidationError({"pairs": str(error)}) from error
        if set(pairs) != set(french["left"]) or not set(pairs.values()) <= set(french["right"]):
            raise ValidationError({"pairs": _("Pair every left id with one right id, one pair per line.")})
        return {"pairs": pairs}
    return {}


def unbuild(*, content: dict, key: dict) -> tuple[dict[str, str], dict[str, str]]:
    """The boxes that show an existing question's content and key (the inverse of `build`)."""
    boxes: dict[str, str] = {}
    for language, entry in content.items():
        for box in ("text", "explanation", "objective"):
            boxes[f"{box}_{language}"] = entry.get(box, "")
        for box in ("options", "left", "right"):
            if box in entry:
                boxes[f"{box}_{language}"] = format_labels(entry[box])
        if "accepted" in entry:
            boxes[f"accepted_{language}"] = "\n".join(entry["accepted"])
    correct = key.get("correct", "")
    key_boxes = {
        "correct": ", ".join(correct) if isinstance(correct, list) else correct,
        "partial": key.get("partial", ""),
        "order": ", ".join(key.get("order", [])),
        "pairs": format_labels(key.get("pairs", {})),
    }
    return boxes, key_boxes
