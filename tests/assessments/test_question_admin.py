"""Editors write questions in the Wagtail admin; answered questions change only as new versions."""

import pytest
from django.core.exceptions import ValidationError

from assessments import content_import, question_content, services
from assessments.demo import CONTENT
from assessments.models import Question, QuestionBank
from lms import roles
from tests.factories import UserFactory, assessment_setup

LANGUAGES = ["fr", "en"]


def _demo_questions():
    for bank in content_import.banks_read(CONTENT):
        yield from bank.questions


@pytest.mark.parametrize("question", list(_demo_questions()), ids=lambda q: q["reference"])
def test_every_demo_question_survives_the_round_trip_through_the_editing_boxes(question):
    content = question["content"]
    boxes, key_boxes = question_content.unbuild(content=content, key=question["key"])
    rebuilt_content, rebuilt_key = question_content.build(
        kind=question["kind"], languages=LANGUAGES, boxes=boxes, key_boxes=key_boxes
    )
    expected_key = dict(question["key"])
    if question["kind"] == "multiple":
        expected_key = {"partial": "proportional", **expected_key, "correct": sorted(expected_key["correct"])}
    assert rebuilt_key == expected_key
    for language in LANGUAGES:
        expected = {name: value for name, value in content[language].items() if value}
        assert rebuilt_content[language] == expected


@pytest.mark.parametrize(
    ("kind", "boxes", "key_boxes", "field"),
    [
        ("single", {"text_fr": ""}, {}, "text_fr"),
        ("single", {"text_fr": "Q ?", "options_fr": "a: Oui\nnon sans id"}, {"correct": "a"}, "options_fr"),
        ("single", {"text_fr": "Q ?", "options_fr": "a: Oui\na: Non"}, {"correct": "a"}, "options_fr"),
        ("single", {"text_fr": "Q ?", "options_fr": "a: Oui\nb: Non"}, {"correct": "c"}, "correct"),
        (
            "single",
            {"text_fr": "Q ?", "options_fr": "a: Oui\nb: Non", "text_en": "Q?", "options_en": "a: Yes\nc: No"},
            {"correct": "a"},
            "options_en",
        ),
        ("ordering", {"text_fr": "Q ?", "options_fr": "a: Un\nb: Deux"}, {"order": "a"}, "order"),
        ("matching", {"text_fr": "Q ?", "left_fr": "1: X\n2: Y", "right_fr": "a: A\nb: B"}, {"pairs": "1: a"}, "pairs"),
        ("short", {"text_fr": "Q ?"}, {}, "accepted_fr"),
    ],
)
def test_what_an_editor_typed_wrong_is_named_by_its_box(kind, boxes, key_boxes, field):
    with pytest.raises(ValidationError) as error:
        question_content.build(kind=kind, languages=LANGUAGES, boxes=boxes, key_boxes=key_boxes)
    assert field in error.value.message_dict


def test_true_false_gets_true_and_false_in_each_language_when_left_empty():
    content, key = question_content.build(
        kind="true_false",
        languages=LANGUAGES,
        boxes={"text_fr": "Vrai ?", "text_en": "True?"},
        key_boxes={"correct": "false"},
    )
    assert content["fr"]["options"] == {"true": "Vrai", "false": "Faux"}
    assert content["en"]["options"] == {"true": "True", "false": "False"}
    assert key == {"correct": "false"}


@pytest.fixture
def editor_client(client):
    editor = UserFactory(username="redactrice", role=roles.EDITOR)
    client.force_login(editor)
    return client


def _form(**overrides):
    data = {
        "kind": "single",
        "points": "1",
        "objective_fr": "Reconnaître un indicateur de traite",
        "text_fr": "Lequel est un indicateur de traite ?",
        "options_fr": "a: Un contrat écrit et signé\nb: Des papiers d'identité confisqués par l'employeur",
        "explanation_fr": "La confiscation des documents est un indicateur cité par l'ONUDC.",
        "objective_en": "Recognise an indicator of trafficking",
        "text_en": "Which one is an indicator of trafficking?",
        "options_en": "a: A written, signed contract\nb: Identity papers confiscated by the employer",
        "correct": "b",
        "partial": "proportional",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_an_editor_adds_a_question_to_a_bank_in_the_admin(editor_client):
    course, _lessons, _pre, _post = assessment_setup()
    bank = QuestionBank.objects.get(course=course)
    response = editor_client.post("/admin/question/new/", _form(bank=bank.pk, reference="IND-01"))
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(bank=bank, reference="IND-01")
    assert question.key == {"correct": "b"}
    assert question.content["en"]["options"]["b"] == "Identity papers confiscated by the employer"
    assert question.objective == "Reconnaître un indicateur de traite"
    assert editor_client.get("/admin/question/").status_code == 200


@pytest.mark.django_db
def test_a_bad_answer_key_is_refused_with_its_reason_and_nothing_is_saved(editor_client):
    course, _lessons, _pre, _post = assessment_setup()
    bank = QuestionBank.objects.get(course=course)
    before = Question.objects.count()
    response = editor_client.post("/admin/question/new/", _form(bank=bank.pk, reference="IND-02", correct="z"))
    assert response.status_code == 200
    assert (
        "Give the id of the one correct choice." in response.content.decode()
        or "correct" in response.context["form"].errors
    )
    assert Question.objects.count() == before


@pytest.mark.django_db
def test_editing_an_answered_question_in_the_admin_makes_a_new_version_and_keeps_the_old_text(editor_client):
    course, _lessons, pre, _post = assessment_setup()
    bank = QuestionBank.objects.get(course=course)
    original = services.question_save(
        bank=bank,
        reference="IND-03",
        kind="single",
        objective="Reconnaître un indicateur de traite",
        content=question_content.build(
            kind="single", languages=LANGUAGES, boxes=dict(_form().items()), key_boxes={"correct": "b"}
        )[0],
        key={"correct": "b"},
    )
    # Unanswered: edited in place.
    response = editor_client.post(f"/admin/question/edit/{original.pk}/", _form(text_fr="Quel signe doit alerter ?"))
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.version == 1 and original.content["fr"]["text"] == "Quel signe doit alerter ?"
    # Answered: a new version, the old one untouched.
    from assessments.models import Attempt, Response

    attempt = Attempt.objects.create(user=UserFactory(), test=pre, form=pre.forms.first(), number=1, layout=[])
    Response.objects.create(attempt=attempt, question=original, answer="b", seq=1)
    response = editor_client.post(f"/admin/question/edit/{original.pk}/", _form(text_fr="Texte corrigé ?"))
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.content["fr"]["text"] == "Quel signe doit alerter ?" and not original.is_current
    current = Question.objects.get(bank=bank, reference="IND-03", is_current=True)
    assert current.version == 2 and current.content["fr"]["text"] == "Texte corrigé ?"


@pytest.mark.django_db
def test_a_trainee_cannot_reach_the_question_admin(client):
    client.force_login(UserFactory())
    assert client.get("/admin/question/").status_code in (302, 403)
