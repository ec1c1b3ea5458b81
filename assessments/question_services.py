"""Writes on questions and tests: a question saved (a new version once answered) and a test defined.

Moved out of `assessments.services`, which still exposes `question_save` and `test_define`.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from wagtail.documents.models import Document

from assessments.models import Question, Response, Test, TestForm
from courses.services import audio_clip_store


@transaction.atomic
def question_save(
    *,
    bank,
    reference: str,
    kind: str,
    objective: str,
    content: dict,
    key: dict,
    points: int = 1,
    audio_changes: dict | None = None,
    user=None,
) -> Question:
    """Create a question, or change it: a question that already has responses gets a new version.

    Results therefore always refer to the exact text answered. Without responses the current
    version is edited in place. Saving identical content changes nothing.

    `audio_changes` maps (option id or None for the question, language code) to an uploaded clip
    to store (checked by courses.audio first; a bad one raises ValidationError and nothing is
    written), a Wagtail document already stored, or None to remove that clip. Clips are not what
    is answered: a change of clips alone edits the current version in place, and a new version
    keeps the clips. Clips of choices that no longer exist are dropped.
    """
    current = Question.objects.select_for_update().filter(bank=bank, reference=reference, is_current=True).first()
    fields = {"kind": kind, "objective": objective, "content": content, "key": key, "points": points}
    audio = _audio_apply(
        audio=current.audio if current else {},
        changes=audio_changes or {},
        options=set(content.get("fr", {}).get("options", {})),
        title=f"{bank.title} · {reference}",
        user=user,
    )
    if current is not None and all(getattr(current, name) == value for name, value in fields.items()):
        if current.audio != audio:
            current.audio = audio
            current.save(update_fields=["audio"])
        return current
    if current is None:
        question = Question(bank=bank, reference=reference, version=1, audio=audio, **fields)
    elif not Response.objects.filter(question=current).exists():
        question = current
        for name, value in {**fields, "audio": audio}.items():
            setattr(question, name, value)
    else:
        current.is_current = False
        current.save(update_fields=["is_current"])
        question = Question(bank=bank, reference=reference, version=current.version + 1, audio=audio, **fields)
    question.full_clean()
    question.save()
    return question


def _audio_apply(*, audio: dict, changes: dict, options: set[str], title: str, user) -> dict:
    """`Question.audio` after `changes` (see question_save); uploads are stored as documents."""
    question = dict((audio or {}).get("question") or {})
    by_option = {option: dict(m) for option, m in ((audio or {}).get("options") or {}).items() if option in options}
    for (option, language), upload in sorted(changes.items(), key=lambda item: (item[0][0] or "", item[0][1])):
        mapping = question if option is None else by_option.setdefault(option, {})
        if upload is None:
            mapping.pop(language, None)
        elif isinstance(upload, Document):  # a clip already in the library, chosen again
            mapping[language] = upload.pk
        else:
            part = option or "question"
            mapping[language] = audio_clip_store(upload=upload, title=f"{title} · {part} · {language}", user=user).pk
    result = {}
    if question:
        result["question"] = question
    if options_kept := {option: m for option, m in by_option.items() if m and option in options}:
        result["options"] = options_kept
    return result


@transaction.atomic
def test_define(*, course, kind: str, forms: dict[str, list[str]], anchors: Sequence[str] = (), **options) -> Test:
    """Create or update a test and its forms ({"": refs} or {"A": refs, "B": refs}) idempotently."""
    test, _created = Test.objects.update_or_create(course=course, kind=kind, defaults=options)
    for label, references in forms.items():
        form, _created = TestForm.objects.get_or_create(test=test, label=label)
        form.items.all().delete()
        form.items.bulk_create(
            [
                form.items.model(form=form, reference=reference, position=position, anchor=reference in anchors)
                for position, reference in enumerate(references, start=1)
            ]
        )
    test.forms.exclude(label__in=list(forms)).delete()
    return test
