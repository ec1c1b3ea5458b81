"""Export → import is lossless for the kinds GIFT and Moodle XML share with the platform.

Property-style: a seeded generator writes questions of every kind in French with accents, the
characters GIFT escapes (~ = # { } : \\), guillemets and line breaks; each is exported and imported
into another bank, and what a learner sees and what is scored must come back the same. Re-importing
the export into the bank it came from must change nothing at all (same ids, same content).
"""

import random

import pytest

from assessments import services
from assessments.exchange import service
from assessments.models import Question, QuestionBank
from tests.factories import assessment_setup, course_tree

WORDS = [
    "traite", "Aïssatou", "été", "à", "Kankan", "œuvre", "ça", "Élève", "«", "»", "~", "=", "#", "{", "}",
    ":", "\\", "l'OIM", "N°", "100 %", "&", "<b>", "::", "####", "->", "[html]", "ÉCOLE", "naïf", "Conakry",
    "protection", "victime", "d’exploitation", "…", "—", "%50%", "//", "\\n", "$CATEGORY:",
]  # fmt: skip
KINDS = ["single", "multiple", "true_false", "matching", "ordering", "short"]


def _phrase(rng: random.Random, *, words: int = 5, lines: bool = False) -> str:
    # A label begins with a plain word: GIFT reads a leading %50% as a weight and a leading -> as a pair.
    parts = [rng.choice(["Question", "Réponse", "Étape", "Acteur", "Situation"])]
    parts += [rng.choice(WORDS) for _ in range(rng.randint(1, words))]
    text = " ".join(parts)
    if lines and rng.random() < 0.5:
        text += "\n" + _phrase(rng, words=3)
    return text


def _labels(rng: random.Random, count: int, ids) -> dict[str, str]:
    labels: dict[str, str] = {}
    while len(labels) < count:
        label = _phrase(rng, words=3)
        if label not in labels.values():
            labels[ids[len(labels)]] = label
    return labels


LETTERS = "abcdefghij"


def random_question(rng: random.Random, kind: str, number: int, *, arrows: bool = True) -> dict:
    """A question as `question_save` takes it, ids a, b, c… and 1, 2, 3… as an import gives them."""
    entry = {"text": _phrase(rng, words=8, lines=True), "objective": _phrase(rng, words=4)}
    if rng.random() < 0.7:
        entry["explanation"] = _phrase(rng, words=6, lines=True)
    key: dict = {}
    if kind in ("single", "multiple", "ordering"):
        entry["options"] = _labels(rng, rng.randint(3 if kind == "ordering" else 2, 6), LETTERS)
        ids = list(entry["options"])
        if kind == "single":
            key = {"correct": rng.choice(ids)}
        elif kind == "multiple":
            key = {"correct": sorted(rng.sample(ids, rng.randint(1, len(ids)))), "partial": "proportional"}
        else:
            key = {"order": rng.sample(ids, len(ids))}
    elif kind == "true_false":
        entry["options"] = {"true": "Vrai", "false": "Faux"}
        key = {"correct": rng.choice(["true", "false"])}
    elif kind == "matching":
        entry["left"] = {str(i): label for i, label in enumerate(_labels(rng, rng.randint(2, 4), LETTERS).values(), 1)}
        right = _labels(rng, rng.randint(len(entry["left"]), len(entry["left"]) + 2), LETTERS)
        pairs = {left: rng.choice(list(right)) for left in entry["left"]}
        # The right column in the order the pairs first use it, then the unused ones (distractors).
        used = list(dict.fromkeys(pairs.values()))
        order = used + [item for item in right if item not in used]
        rename = {old: LETTERS[index] for index, old in enumerate(order)}
        entry["right"] = {rename[old]: right[old] for old in order}
        key = {"pairs": {left: rename[item] for left, item in pairs.items()}}
    else:
        entry["accepted"] = list(dict.fromkeys(_phrase(rng, words=2) for _ in range(rng.randint(1, 3))))
    if not arrows:  # GIFT reads an answer holding "->" as a matching pair: such questions are left out
        for box in ("options", "left"):
            entry[box] = {item: label.replace("->", "→") for item, label in entry.get(box, {}).items()}
        entry["accepted"] = [label.replace("->", "→") for label in entry.get("accepted", [])]
        entry = {box: value for box, value in entry.items() if value}
    return {
        "reference": f"P-{number:03d}",
        "kind": kind,
        "objective": entry["objective"],
        "content": {"fr": entry},
        "key": key,
        "points": rng.randint(1, 4),
    }


def canonical(question: Question) -> tuple:
    """What a learner sees and what is scored, by label (ids aside)."""
    entry, key = question.content["fr"], question.key
    seen = (question.kind, entry["text"], entry.get("explanation", ""), question.objective, question.points)
    options = entry.get("options", {})
    if question.kind in ("single", "true_false"):
        return (*seen, list(options.values()), options[key["correct"]])
    if question.kind == "multiple":
        return (*seen, list(options.values()), sorted(options[i] for i in key["correct"]))
    if question.kind == "ordering":
        return (*seen, list(options.values()), [options[i] for i in key["order"]])
    if question.kind == "matching":
        pairs = [(entry["left"][i], entry["right"][key["pairs"][i]]) for i in entry["left"]]
        return (*seen, pairs, sorted(entry["right"].values()))
    return (*seen, entry["accepted"])


def _two_banks():
    source = QuestionBank.objects.create(course=course_tree(title="Module source")[0], title="Source")
    target = QuestionBank.objects.create(course=course_tree(title="Module cible")[0], title="Cible")
    return source, target


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["gift", "xml"])
@pytest.mark.parametrize("seed", range(4))
def test_random_questions_of_every_kind_come_back_the_same(file_format, seed):
    rng = random.Random(f"{file_format}-{seed}")
    source, target = _two_banks()
    kinds = [kind for kind in KINDS if not (file_format == "gift" and kind == "ordering")]
    for number in range(1, 19):
        services.question_save(
            bank=source, **random_question(rng, kinds[number % len(kinds)], number, arrows=file_format == "xml")
        )
    questions = service.questions_of(bank=source)
    data, notes, count = service.export(questions=questions, file_format=file_format, category=source.title)
    assert notes == [] and count == 18

    plan = service.plan(bank=target, data=data, file_format=file_format)
    assert plan.problems == [] and plan.report.skipped == [] and plan.report.notes == []
    service.apply(plan)
    imported = {question.reference: canonical(question) for question in service.questions_of(bank=target)}
    assert imported == {question.reference: canonical(question) for question in questions}

    # Into the bank it came from: ids, text and key are exactly the same, so nothing changes.
    again = service.plan(bank=source, data=data, file_format=file_format)
    assert [step.action for step in again.steps] == ["unchanged"] * 18


@pytest.mark.django_db
def test_ordering_goes_through_moodle_xml_and_gift_names_it_as_left_out():
    source, target = _two_banks()
    rng = random.Random("ordering")
    for number in range(1, 6):
        services.question_save(bank=source, **random_question(rng, "ordering", number))
    questions = service.questions_of(bank=source)
    data, notes, count = service.export(questions=questions, file_format="xml", category="Ordre")
    assert notes == [] and count == 5
    service.apply(service.plan(bank=target, data=data, file_format="xml"))
    assert [canonical(q) for q in service.questions_of(bank=target)] == [canonical(q) for q in questions]

    text, notes, count = service.export(questions=questions, file_format="gift", category="Ordre")
    assert count == 0 and b"{" not in text
    assert [note.where for note in notes] == [question.reference for question in questions]
    assert all("GIFT" in note.message for note in notes)


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["gift", "xml"])
def test_the_test_fixtures_bank_round_trips_and_what_moodle_cannot_hold_is_named(file_format):
    course, _lessons, _pre, post = assessment_setup()
    source = QuestionBank.objects.get(course=course)
    question = source.questions.get(reference="Q3")
    services.question_save(
        bank=source,
        reference="Q3",
        kind="multiple",
        objective=question.objective,
        content=question.content,
        key={**question.key, "partial": "all_or_nothing"},
        points=question.points,
    )
    target = QuestionBank.objects.create(course=course_tree(title="Autre module")[0], title="Autre")
    questions = service.questions_of(test=post)
    data, notes, _count = service.export(questions=questions, file_format=file_format, category=str(post))
    # English text (every question), all-or-nothing scoring (Q3), and in GIFT the ordering question (Q5).
    for question in questions:
        assert any(note.where == question.reference and "EN" in note.message for note in notes)
    assert any(note.where == "Q3" and "proportion" in note.message for note in notes)
    assert (file_format == "gift") == any(note.where == "Q5" and "GIFT" in note.message for note in notes)

    service.apply(service.plan(bank=target, data=data, file_format=file_format))
    expected = {q.reference: canonical(q) for q in questions if not (file_format == "gift" and q.kind == "ordering")}
    assert {q.reference: canonical(q) for q in service.questions_of(bank=target)} == expected
    # Back into the bank it came from: the English text stays, since the choices did not change.
    again = service.plan(bank=source, data=data, file_format=file_format)
    assert all(step.content.get("en") == source.questions.get(reference=step.reference, is_current=True).content["en"]
               for step in again.steps)  # fmt: skip
