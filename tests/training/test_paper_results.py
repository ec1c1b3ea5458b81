"""The trainer types a paper test's answers in a grid: all rows checked, then all saved or none."""

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.models import Attempt, Question
from assessments.paper import option_letters
from tests.training.conftest import trainer_user

pytestmark = pytest.mark.django_db


def _letter(question: Question, option: str) -> str:
    return next(letter for letter, value in option_letters(question).items() if value == option)


def _url(room) -> str:
    return reverse("training:paper_results", args=[room["session"].code, room["pre"].pk])


def test_the_grid_records_each_typed_row_as_a_scored_paper_attempt(client, room, trainer):
    client.force_login(trainer)
    first, second = room["people"]
    q1 = Question.objects.get(reference="Q1", is_current=True)
    page = client.get(_url(room))
    assert page.status_code == 200 and f'name="cell-{first.pk}-Q1"'.encode() in page.content
    response = client.post(
        _url(room), {f"cell-{first.pk}-Q1": _letter(q1, "b"), f"cell-{second.pk}-Q1": _letter(q1, "a")}
    )
    assert response.status_code == 302
    attempts = {a.user_id: a for a in Attempt.objects.filter(test=room["pre"], mode="paper")}
    assert set(attempts) == {first.pk, second.pk}
    assert attempts[first.pk].score == q1.points and attempts[second.pk].score == 0
    # Handed in: the row is closed, and posting it again adds nothing.
    assert b"cell-%d-Q1" % first.pk not in client.get(_url(room)).content
    client.post(_url(room), {f"cell-{first.pk}-Q1": _letter(q1, "b")})
    assert Attempt.objects.filter(test=room["pre"]).count() == 2


def test_one_bad_cell_saves_nothing_and_names_the_person(client, room, trainer):
    client.force_login(trainer)
    first, second = room["people"]
    q1 = Question.objects.get(reference="Q1", is_current=True)
    with translation.override("en"):
        response = client.post(
            _url(room),
            {f"cell-{first.pk}-Q1": _letter(q1, "b"), f"cell-{second.pk}-Q1": "Z"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    assert response.context["problems"][0][0] == (second.display_name or second.username)
    assert b'value="Z"' in response.content  # what was typed stays in the grid
    assert not Attempt.objects.filter(test=room["pre"]).exists()


def test_another_trainer_cannot_open_or_post_the_grid(client, room):
    client.force_login(trainer_user("autre"))
    first = room["people"][0]
    assert client.get(_url(room)).status_code == 404
    assert client.post(_url(room), {f"cell-{first.pk}-Q1": "A"}).status_code == 404
    assert not Attempt.objects.exists()


def test_a_refused_answer_names_the_column_as_the_grid_numbers_it_and_marks_its_cell(client, room, trainer):
    from assessments.paper import form_questions

    client.force_login(trainer)
    second = room["people"][1]
    questions = form_questions(test=room["pre"], form=room["pre"].forms.get(label=""))
    number, last = next((n, q) for n, q in enumerate(questions, start=1) if q.reference == "Q1")
    response = client.post(
        _url(room) + "?form=",
        {f"cell-{second.pk}-{last.reference}": "Z"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    (message,) = [message for name, message in response.context["problems"] if "Z" in message]
    assert message.startswith(f"Colonne {number}\u00a0:") and last.reference not in message
    page = response.content.decode()
    wrong = f'name="cell-{second.pk}-{last.reference}" value="Z"'
    assert page.count('aria-invalid="true"') == 1 and 'class="wrong"' in page
    cell = page[page.index('class="wrong"') : page.index(wrong) + len(wrong) + 200]
    assert 'aria-invalid="true"' in cell and "</td>" not in cell[: cell.index(wrong)]
