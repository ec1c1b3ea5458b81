"""The reaction questionnaire (issue 21 §3): answered once, anonymous in every stored row and page,
released to summaries only by groups of MIN_GROUP, free text masked and for evaluators only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from evaluation.disclosure import MIN_GROUP
from evaluation.reaction import selectors, services
from evaluation.reaction.masking import mask_text
from evaluation.reaction.models import ReactionAnswer, ReactionItem, ReactionQuestionnaire, ReactionReceipt
from lms import roles
from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory, assessment_setup, prepost_results

pytestmark = pytest.mark.django_db

RATINGS = {"relevance": 5, "confidence": 4, "trainer": 4, "conditions": 2}
ALL_RIGHT = [1, 1, 1, 1, 1, 1]


@pytest.fixture
def room(programme_questionnaire):
    """A module with its tests, a session run by a trainer, and six participants who handed in the
    post-test (named so that the masking has something to find)."""
    course, _lessons, pre, post = assessment_setup()
    trainer = UserFactory(username="formateur-kaba", display_name="Sékou Kaba", role=roles.TRAINER)
    session = TrainingSessionFactory(code="KAN26R", title="Kankan mars", trainer=trainer, courses=[course])
    people = [
        UserFactory(username=f"apprenant-r{index}", display_name=name)
        for index, name in enumerate(
            ["Aïssatou Diallo", "Mamadou Bah", "Fanta Condé", "Ibrahima Sylla", "Kadiatou Barry", "Oumar Touré"]
        )
    ]
    for person in people:
        ParticipantFactory(session=session, user=person)
    prepost_results(
        course=course, pre=pre, post=post, trainees=[{"user": p, "pre": ALL_RIGHT, "post": ALL_RIGHT} for p in people]
    )
    return {"course": course, "pre": pre, "post": post, "session": session, "trainer": trainer, "people": people}


def _answer(room, index: int, comment: str = "") -> None:
    services.reaction_submit(user=room["people"][index], course_id=room["course"].pk, ratings=RATINGS, comment=comment)


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- answering --------------------------------------------------------------------------------


def test_the_migration_gives_the_programme_a_questionnaire_in_french_and_english(programme_questionnaire):
    questionnaire = ReactionQuestionnaire.objects.get(course__isnull=True)
    keys = list(questionnaire.items.values_list("key", flat=True))
    assert keys == ["relevance", "confidence", "trainer", "conditions"]
    assert all(item.text_fr and item.text_en for item in questionnaire.items.all())
    assert "\u00a0?" in questionnaire.free_text_fr and questionnaire.free_text_en


def test_a_trainee_answers_once_and_a_second_answer_is_refused(room):
    client = _logged_in(room["people"][0])
    url = f"/fr/reaction/{room['course'].pk}/"
    form = {f"rating_{key}": value for key, value in RATINGS.items()} | {"comment": "Très utile"}
    assert client.get(url).status_code == 200
    assert client.post(url, form).status_code == 302
    assert client.post(url, form | {"comment": "Deuxième"}).status_code == 200  # the thanks page, nothing stored
    assert ReactionReceipt.objects.filter(user=room["people"][0]).count() == 1
    assert list(ReactionAnswer.objects.values_list("comment", flat=True)) == ["Très utile"]
    with pytest.raises(services.ReactionRefused):
        _answer(room, 0)
    assert ReactionAnswer.objects.count() == 1


def test_nobody_answers_before_handing_in_the_post_test_or_after_withdrawing_consent(room):
    outsider = UserFactory(username="sans-post-test")
    assert _logged_in(outsider).get(f"/fr/reaction/{room['course'].pk}/").status_code == 404
    with pytest.raises(services.ReactionRefused):
        services.reaction_submit(user=outsider, course_id=room["course"].pk, ratings=RATINGS, comment="")
    withdrawn = room["people"][1]
    withdrawn.consent_withdrawn_at = withdrawn.consent_given_at
    withdrawn.save()
    assert _logged_in(withdrawn).get(f"/fr/reaction/{room['course'].pk}/").status_code == 404
    assert not ReactionAnswer.objects.exists()


def test_an_unanswered_statement_is_asked_again_and_nothing_is_stored(room):
    client = _logged_in(room["people"][0])
    response = client.post(f"/fr/reaction/{room['course'].pk}/", {"rating_relevance": "5", "comment": "x"})
    assert response.status_code == 400
    assert "Choisissez une réponse." in response.content.decode()
    assert not ReactionReceipt.objects.exists() and not ReactionAnswer.objects.exists()


def test_the_result_page_and_the_dashboard_offer_it_until_answered(room):
    from assessments.models import Attempt

    person = room["people"][0]
    client = _logged_in(person)
    attempt = Attempt.objects.get(user=person, test=room["post"])
    link = f"/fr/reaction/{room['course'].pk}/"
    assert link in client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert link in client.get("/fr/dashboard/").content.decode()
    _answer(room, 0)
    assert link not in client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert link not in client.get("/fr/dashboard/").content.decode()
    pre_attempt = Attempt.objects.get(user=person, test=room["pre"])
    assert (
        "reaction-invitation"
        not in _logged_in(room["people"][1]).get(reverse("assessments:result", args=[pre_attempt.pk])).content.decode()
    )


def test_the_form_speaks_english_to_an_english_reader(room):
    html = _logged_in(room["people"][0]).get(f"/en/reaction/{room['course'].pk}/").content.decode()
    assert "This module is relevant to my work." in html and "Strongly agree" in html
    assert "Ce module est utile" not in html


# --- anonymity --------------------------------------------------------------------------------


def test_the_stored_answer_holds_no_person_no_time_and_no_sequence(room):
    fields = {field.name for field in ReactionAnswer._meta.get_fields()}
    assert fields == {"id", "session", "ratings", "comment", "released"}
    assert {field.name for field in ReactionReceipt._meta.get_fields()} == {"id", "user", "course"}
    _answer(room, 0, "Merci à Aïssatou Diallo et à M. Kaba, appelez-moi au +224 622 12 34 56")
    answer = ReactionAnswer.objects.get()
    assert answer.comment == "Merci à […] […] et à M. […], appelez-moi au […]"
    row = str(ReactionAnswer.objects.values().get())
    for person in [*room["people"], room["trainer"]]:
        assert person.username not in row and person.display_name not in row


def test_answers_are_released_together_under_new_keys_once_the_session_has_enough(room):
    for index in range(MIN_GROUP - 1):
        _answer(room, index, f"avis {index}")
    waiting = set(ReactionAnswer.objects.values_list("pk", flat=True))
    assert len(waiting) == MIN_GROUP - 1 and not ReactionAnswer.objects.filter(released=True).exists()
    assert selectors.session_reactions(sessions=None, with_comments=True) == []
    _answer(room, MIN_GROUP - 1, f"avis {MIN_GROUP - 1}")
    released = set(ReactionAnswer.objects.filter(released=True).values_list("pk", flat=True))
    assert len(released) == MIN_GROUP and not released & waiting
    assert not ReactionAnswer.objects.filter(released=False).exists()
    # The sixth answer waits for four more: the summary does not move by one person.
    _answer(room, MIN_GROUP, "le sixième")
    (summary,) = selectors.session_reactions(sessions=None, with_comments=True)
    assert summary.n == MIN_GROUP and "le sixième" not in summary.comments


def test_no_view_or_export_shows_a_name_next_to_the_answers(room):
    for index in range(len(room["people"])):
        _answer(room, index, f"Bonne formation, merci {room['people'][index].display_name}")
    evaluator = UserFactory(username="evaluatrice-r", role=roles.EVALUATOR)
    pages = [
        _logged_in(evaluator).get("/fr/evaluation/reactions/").content.decode(),
        _logged_in(room["trainer"]).get(f"/fr/evaluation/reactions/?session={room['session'].code}").content.decode(),
        _logged_in(evaluator).get("/fr/evaluation/prepost.csv").content.decode(),
    ]
    assert "Bonne formation, merci […] […]" in pages[0]
    for html in pages:
        for person in room["people"]:
            assert person.display_name not in html and person.username not in html
            for word in person.display_name.split():
                assert word not in html


def test_erasing_a_person_deletes_the_receipt_and_keeps_the_anonymous_answer(room):
    from evaluation import personal_data
    from lms.data_protection import ErasureContext

    _answer(room, 0, "utile")
    person = room["people"][0]
    context = ErasureContext(user=person, pseudonym="erased-x", identifiers=[], actor=None, now=person.date_joined)
    assert personal_data.erase(context) == {"reaction_receipts": 1}
    assert ReactionAnswer.objects.count() == 1 and not ReactionReceipt.objects.exists()


# --- summaries ----------------------------------------------------------------------------------


def test_below_the_threshold_the_summary_shows_nothing_of_the_session(room):
    for index in range(MIN_GROUP - 1):
        _answer(room, index, "commentaire secret")
    html = _logged_in(UserFactory(username="evaluatrice-s", role=roles.EVALUATOR)).get("/fr/evaluation/reactions/")
    text = html.content.decode()
    assert "KAN26R" not in text and "commentaire secret" not in text
    assert "Aucune session n’a encore 5" in text


def test_evaluators_read_figures_and_masked_text_trainers_figures_of_their_sessions_only(room):
    for index in range(MIN_GROUP):
        _answer(room, index, "Appelez Fanta au 664.12.34.56" if index == 0 else "")
    evaluator_html = _logged_in(UserFactory(username="evaluatrice-t", role=roles.EVALUATOR)).get(
        "/fr/evaluation/reactions/"
    )
    text = evaluator_html.content.decode()
    assert "KAN26R" in text and "Appelez […] au […]" in text
    assert "4,0" in text and "100 %" in text and "0 %" in text  # confidence 4.0, all agree; conditions 2: none
    trainer = _logged_in(room["trainer"]).get(f"/fr/evaluation/reactions/?session={room['session'].code}")
    assert trainer.status_code == 200 and "KAN26R" in trainer.content.decode()
    assert "Appelez" not in trainer.content.decode()
    other = UserFactory(username="autre-formateur", role=roles.TRAINER)
    TrainingSessionFactory(code="LAB26X", trainer=other)
    assert _logged_in(other).get(f"/fr/evaluation/reactions/?session={room['session'].code}").status_code == 404
    assert "KAN26R" not in _logged_in(other).get("/fr/evaluation/reactions/").content.decode()
    assert _logged_in(room["people"][0]).get("/fr/evaluation/reactions/").status_code == 403


def test_every_staff_look_is_logged(room):
    from lms.models import StaffAccess

    _logged_in(room["trainer"]).get(f"/fr/evaluation/reactions/?session={room['session'].code}")
    access = StaffAccess.objects.get(subject="reaction")
    assert access.user == room["trainer"] and access.filters == {"session": "KAN26R"}


def test_the_session_page_links_to_its_summary(room):
    html = _logged_in(room["trainer"]).get(reverse("training:session", args=[room["session"].code])).content.decode()
    assert f"/fr/evaluation/reactions/?session={room['session'].code}" in html


# --- masking --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "+224 622 12 34 56",
        "+224622123456",
        "00224 664 12 34 56",
        "622123456",
        "622 12 34 56",
        "622.12.34.56",
        "622-12-34-56",
        "(+224) 655 00 11 22",
        "30 45 12 34",
        "+33 6 12 34 56 78",
    ],
)
def test_phone_numbers_are_masked_however_they_are_written(written):
    assert mask_text(f"Mon numéro : {written}, merci") == "Mon numéro : […], merci"


def test_names_are_masked_whole_words_whatever_the_case_and_accents():
    names = ["Aïssatou Diallo", "m.camara"]
    masked = mask_text("AISSATOU et diallo, d’Aïssatou ; le Camarade Camara ; Diallo-Bah", names=names)
    assert masked == "[…] et […], d’[…] ; le Camarade […] ; […]-Bah"


def test_ordinary_numbers_are_kept():
    assert mask_text("En 2024, 12 participants, 45 %, le 12/03/2024") == "En 2024, 12 participants, 45 %, le 12/03/2024"


# --- admin ----------------------------------------------------------------------------------------


def test_an_editor_rewords_the_programme_questionnaire_and_trainees_read_the_new_wording(room, client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    questionnaire = ReactionQuestionnaire.objects.get(course__isnull=True)
    items = list(questionnaire.items.all())
    editor = UserFactory(username="editrice-r", role=roles.EDITOR)
    client.force_login(editor)
    url = f"/admin/snippets/evaluation/reactionquestionnaire/edit/{questionnaire.pk}/"
    assert client.get(url).status_code == 200
    rows = [
        {"id": item.pk, "key": item.key, "text_fr": item.text_fr, "text_en": item.text_en, "ORDER": order}
        for order, item in enumerate(items)
    ]
    rows[0]["text_fr"] = "Ce que j’ai appris me sert dans mon service."
    rows.append(
        {"key": "materials", "text_fr": "Les supports étaient clairs.", "text_en": "Materials were clear.", "ORDER": 4}
    )
    data = nested_form_data(
        {
            "course": "",
            "intro_fr": "Anonyme.",
            "intro_en": "Anonymous.",
            "items": inline_formset(rows, initial=len(items)),
            "free_text_fr": "Une idée\u00a0?",
            "free_text_en": "An idea?",
            "active": "on",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ReactionItem.objects.filter(questionnaire=questionnaire).count() == 5
    html = _logged_in(room["people"][0]).get(f"/fr/reaction/{room['course'].pk}/").content.decode()
    assert "Ce que j’ai appris me sert dans mon service." in html and "Les supports étaient clairs." in html


def test_a_module_of_its_own_replaces_the_programme_questionnaire(room):
    own = ReactionQuestionnaire.objects.create(course=room["course"], free_text_fr="Autre chose\u00a0?")
    ReactionItem.objects.create(questionnaire=own, key="pace", text_fr="Le rythme convenait.")
    assert selectors.questionnaire_for(course_id=room["course"].pk) == own
    other_course, *_rest = assessment_setup()
    assert selectors.questionnaire_for(course_id=other_course.pk).course_id is None
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ReactionQuestionnaire(course=None, free_text_fr="Encore").full_clean()


# --- demo -----------------------------------------------------------------------------------------


def test_seed_demo_gives_session_demo1_two_released_groups_once_and_masks_its_names(seeded_demo_twice):
    assert seeded_demo_twice.count_after_first_run(ReactionAnswer) == 10
    assert ReactionAnswer.objects.count() == 10 == ReactionAnswer.objects.filter(released=True).count()
    assert ReactionReceipt.objects.count() == 10
    (summary,) = selectors.session_reactions(sessions=None, with_comments=True)
    assert summary.session.code == "DEMO1" and summary.n == 10
    assert {item.key: item.n for item in summary.items} == dict.fromkeys(
        ["relevance", "confidence", "trainer", "conditions"], 10
    )
    text = " ".join(summary.comments)
    assert "Doumbouya" not in text and "622 45 67 89" not in text and "M. […]" in text
