"""Second outside review (landing, language switch, autosave/hand-in, My data, coordinator figures):
each attack as a test that passes when the system is correct. Failing ones are marked xfail(strict)."""

from __future__ import annotations

import json
import uuid
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import translation

from assessments import services
from assessments.models import Attempt, Question, Response
from lms import roles
from tests import factories
from tests.factories import UserFactory, assessment_setup, course_tree, translate_course

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-123"
EVIL_NEXTS = [
    "//evil.example/",
    "/\\evil.example/",
    "https://evil.example/",
    "https:%2F%2Fevil.example",
    "///evil.example",
    "\\\\evil.example",
    "http:/evil.example",
    " //evil.example",
    "javascript:alert(1)",
]


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def local(location: str) -> bool:
    parts = urlsplit(location.replace("\\", "/").strip())
    return not parts.netloc and not parts.scheme and not location.strip().startswith(("//", "/\\", "\\"))


# --- (1) landing after login ----------------------------------------------------------------------


@pytest.mark.parametrize("nxt", EVIL_NEXTS)
def test_login_next_to_another_host_is_not_followed(home_pages, nxt):
    UserFactory(username="or2-login", role=roles.TRAINEE)
    response = Client(raise_request_exception=False).post(
        "/fr/accounts/login/?next=" + nxt, {"login": "or2-login", "password": PASSWORD}
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert local(response["Location"]), response["Location"]


def test_login_lands_a_trainee_on_their_modules_in_english(home_pages):
    UserFactory(username="or2-en", role=roles.TRAINEE)
    response = Client().post("/en/accounts/login/", {"login": "or2-en", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/"), response["Location"]


def test_a_trainee_with_a_stale_coordinator_row_sees_no_region_figures(home_pages):
    """A Coordinator row left on an account that is no longer staff must not open the region's figures."""
    prefecture = factories.PrefectureFactory()
    trainee = UserFactory(username="or2-stale", role=roles.TRAINEE)
    factories.CoordinatorFactory(user=trainee, region=prefecture.region)
    client = client_for(trainee)
    for path in ("/fr/sessions/programme/", "/fr/events/programme/"):
        assert client.get(path).status_code in (302, 403, 404), path


# --- (3) language switch --------------------------------------------------------------------------


@pytest.mark.parametrize("nxt", EVIL_NEXTS)
@pytest.mark.parametrize("page", ["", "1", "999999999", "-1", "abc", "١٢", "9" * 40, "1e3", "0x10"])
def test_language_switch_never_leaves_the_site(home_pages, nxt, page):
    response = Client(raise_request_exception=False).get("/language/en/", {"next": nxt, "page": page})
    assert response.status_code == 302
    assert local(response["Location"]), response["Location"]


def test_language_switch_does_not_reveal_an_unpublished_translation(home_pages):
    course, lessons = course_tree(lessons=1)
    _course_en, lessons_en = translate_course(course, lessons)
    lesson_en = lessons_en[0]
    lesson_en.slug = "secret-draft-slug"
    lesson_en.save_revision().publish()
    lesson_en.refresh_from_db()
    lesson_en.unpublish()
    response = Client().get("/language/en/", {"next": "/en/", "page": lessons[0].pk})
    assert response.status_code == 302
    assert "secret-draft-slug" not in response["Location"]


def test_language_switch_does_not_give_the_address_of_a_page_behind_a_view_restriction(home_pages):
    """Counting up `page=` must not list restricted pages' slugs; who passes the restriction still
    lands on the translation."""
    from wagtail.models import PageViewRestriction

    course, lessons = course_tree(lessons=1)
    _course_en, lessons_en = translate_course(course, lessons)
    lesson_en = lessons_en[0]
    lesson_en.slug = "restricted-slug"
    lesson_en.save_revision().publish()
    lesson_en.refresh_from_db()
    PageViewRestriction.objects.create(page=lesson_en, restriction_type=PageViewRestriction.LOGIN)
    anonymous = Client().get("/language/en/", {"next": "/en/", "page": lessons[0].pk})
    assert anonymous.status_code == 302 and "restricted-slug" not in anonymous["Location"]
    signed_in = client_for(UserFactory(username="or2-restricted")).get(
        "/language/en/", {"next": "/en/", "page": lessons[0].pk}
    )
    assert signed_in["Location"] == lesson_en.url


def test_language_switch_from_a_french_lesson_lands_on_its_english_translation(home_pages):
    course, lessons = course_tree(lessons=2)
    _course_en, lessons_en = translate_course(course, lessons)
    client = client_for(UserFactory(username="or2-switch"))
    response = client.get("/language/en/", {"next": "/en/", "page": lessons[1].pk})
    assert response["Location"] == lessons_en[1].url
    # and from the English lesson back to its French source
    back = client.get("/language/fr/", {"next": "/fr/", "page": lessons_en[1].pk})
    assert back["Location"] == lessons[1].url


def test_english_lesson_page_language_links_carry_the_page(home_pages):
    course, lessons = course_tree(lessons=1)
    course_en, _lessons_en = translate_course(course, lessons)
    response = client_for(UserFactory(username="or2-links")).get(course_en.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert f"page={course_en.pk}" in content
    assert 'lang="en"' in content


# --- (5) autosave and hand-in ---------------------------------------------------------------------


def _started(username="or2-trainee", **setup):
    course, _lessons, pre, _post = assessment_setup(**setup)
    user = UserFactory(username=username)
    attempt, _ = services.attempt_start(user=user, test=pre)
    questions = {q.reference: q for q in Question.objects.filter(pk__in=[i["question"] for i in attempt.layout])}
    return course, pre, user, attempt, questions


def _autosave(client, attempt_id, question_id, answer, seq):
    body = json.dumps({"question": question_id, "answer": answer, "seq": seq})
    return client.post(f"/api/attempts/{attempt_id}/responses/", body, content_type="application/json")


def test_autosave_to_another_persons_attempt_is_refused_and_writes_nothing(home_pages):
    _c, _pre, _owner, attempt, questions = _started()
    intruder = client_for(UserFactory(username="or2-intruder"))
    response = _autosave(intruder, attempt.pk, questions["Q1"].pk, "b", 1)
    assert response.status_code in (403, 404)
    assert not Response.objects.filter(attempt=attempt).exists()


def test_autosave_to_a_handed_in_attempt_is_refused(home_pages):
    _c, _pre, user, attempt, questions = _started()
    client = client_for(user)
    assert _autosave(client, attempt.pk, questions["Q1"].pk, "a", 1).status_code == 200
    services.attempt_submit(user=user, attempt_id=attempt.pk)
    response = _autosave(client, attempt.pk, questions["Q1"].pk, "b", 99)
    assert response.status_code == 409
    assert Response.objects.get(attempt=attempt, question=questions["Q1"]).answer == "a"


def test_autosave_of_a_question_not_on_the_layout_is_refused(home_pages):
    _course, _pre, user, attempt, _questions = _started()
    other_course, _l, _other_pre, _p = assessment_setup()
    foreign = Question.objects.filter(bank__course=other_course).first()
    response = _autosave(client_for(user), attempt.pk, foreign.pk, "a", 1)
    assert response.status_code == 400
    assert not Response.objects.filter(attempt=attempt).exists()


@pytest.mark.parametrize("question", [0, -1, 2**63, 2**70, "1", None, 1.5, True])
def test_autosave_bad_question_ids_answer_4xx(home_pages, question):
    _c, _pre, user, attempt, _q = _started()
    body = json.dumps({"question": question, "answer": "a", "seq": 1})
    response = client_for(user).post(f"/api/attempts/{attempt.pk}/responses/", body, content_type="application/json")
    assert 400 <= response.status_code < 500


def test_autosave_to_an_unknown_attempt_answers_404(home_pages):
    _c, _pre, user, _attempt, questions = _started()
    assert _autosave(client_for(user), uuid.uuid4(), questions["Q1"].pk, "a", 1).status_code == 404


def test_autosave_after_the_deadline_plus_grace_is_refused(home_pages):
    import datetime

    from django.utils import timezone

    _c, _pre, user, attempt, questions = _started(time_limit=5)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=2))
    response = _autosave(client_for(user), attempt.pk, questions["Q1"].pk, "a", 1)
    assert response.status_code == 409
    assert not Response.objects.filter(attempt=attempt).exists()


def test_hand_in_of_another_persons_attempt_is_refused(home_pages):
    _c, _pre, _owner, attempt, questions = _started()
    intruder = client_for(UserFactory(username="or2-intruder2"))
    response = intruder.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{questions['Q1'].pk}": "b"})
    assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN
    assert not Response.objects.filter(attempt=attempt).exists()


def test_hand_in_without_javascript_keeps_the_autosaved_answers(home_pages):
    _c, _pre, user, attempt, questions = _started()
    client = client_for(user)
    assert _autosave(client, attempt.pk, questions["Q1"].pk, "b", 3).status_code == 200
    response = client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{questions['Q2'].pk}": "false"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    stored = dict(Response.objects.filter(attempt=attempt).values_list("question__reference", "answer"))
    assert stored == {"Q1": "b", "Q2": "false"}
    assert attempt.score == 2


def test_hand_in_form_answer_changed_after_autosave_wins(home_pages):
    _c, _pre, user, attempt, questions = _started()
    client = client_for(user)
    _autosave(client, attempt.pk, questions["Q1"].pk, "a", 5)
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{questions['Q1'].pk}": "b", "seq": "2"})
    assert Response.objects.get(attempt=attempt, question=questions["Q1"]).answer == "b"
    attempt.refresh_from_db()
    assert attempt.score == 1


def test_a_late_autosave_after_save_for_later_does_not_replace_the_form_answer(home_pages):
    _c, _pre, user, attempt, questions = _started()
    client = client_for(user)
    _autosave(client, attempt.pk, questions["Q1"].pk, "a", 4)
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{questions['Q1'].pk}": "b", "save": "1", "seq": "5"})
    # the page's autosave numbered 5, sent before the form, arrives after it
    assert _autosave(client, attempt.pk, questions["Q1"].pk, "c", 5).json()["saved"] is False
    assert Response.objects.get(attempt=attempt, question=questions["Q1"]).answer == "b"
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN


def test_hand_in_twice_is_one_attempt_and_one_score(home_pages):
    _c, _pre, user, attempt, questions = _started()
    client = client_for(user)
    key = str(uuid.uuid4())
    data = {f"q{questions['Q1'].pk}": "b", "submission_key": key}
    client.post(f"/fr/attempts/{attempt.pk}/submit/", data)
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {**data, f"q{questions['Q1'].pk}": "a"})
    assert Response.objects.filter(attempt=attempt).count() == 1
    assert Response.objects.get(attempt=attempt).answer == "b"
    assert Attempt.objects.filter(user=user).count() == 1


def test_hand_in_with_a_huge_or_bad_seq_and_key_is_no_500(home_pages):
    _c, _pre, user, attempt, questions = _started()
    data = {f"q{questions['Q1'].pk}": "b", "seq": "9" * 400, "submission_key": "\x00<script>"}
    response = client_for(user).post(f"/fr/attempts/{attempt.pk}/submit/", data)
    assert response.status_code in (302, 400)


# --- (6) My data ----------------------------------------------------------------------------------


def test_my_data_escapes_html_typed_as_an_answer_and_shows_no_one_else(home_pages):
    _c, _pre, user, attempt, questions = _started(username="or2-me")
    other = UserFactory(username="or2-other", display_name="Mariama Autrepersonne")
    other_attempt, _ = services.attempt_start(user=other, test=_pre)
    services.response_save(
        user=other, attempt_id=other_attempt.pk, question_id=questions["Q5"].pk, answer="secret-of-other", seq=1
    )
    short = next(q for q in questions.values() if q.kind == "short")
    services.response_save(
        user=user, attempt_id=attempt.pk, question_id=short.pk, answer="<script>alert(1)</script>", seq=1
    )
    content = client_for(user).get("/fr/account/data/").content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content
    assert "Autrepersonne" not in content and "secret-of-other" not in content


@pytest.mark.parametrize("answer", [[{"x": 1}], [["a"]], {"a": ["b"]}, {"a": {"b": 1}}, 12, [None], {"a": None}])
def test_my_data_survives_an_odd_answer_shape_stored_by_autosave(home_pages, answer):
    """The autosave stores any JSON value as the answer; My data must still open (right of access)."""
    _c, _pre, user, attempt, questions = _started(username="or2-shape")
    client = client_for(user)
    for reference in ("Q1", "Q3", "Q4", "Q5", "Q6"):
        _autosave(client, attempt.pk, questions[reference].pk, answer, 1)
    for path in ("/fr/account/data/", "/en/account/data/", "/fr/account/data.json"):
        assert client.get(path).status_code == 200, path


def test_my_data_in_english_shows_english_words(home_pages):
    _c, _pre, user, attempt, questions = _started(username="or2-enwords")
    services.response_save(user=user, attempt_id=attempt.pk, question_id=questions["Q2"].pk, answer="false", seq=1)
    with translation.override("en"):
        content = client_for(user).get("/en/account/data/").content.decode()
    assert "Your tests" in content
    assert "Vos tests" not in content


# --- (2) coordinators' figures --------------------------------------------------------------------


def _region_world():
    coordinator = UserFactory(username="or2-coord", role=roles.TRAINER)
    mine = factories.TrainingSessionFactory(trainer=coordinator)
    theirs = factories.TrainingSessionFactory()
    factories.CoordinatorFactory(user=coordinator, region=mine.prefecture.region)
    return coordinator, mine, theirs


def test_coordinator_training_figures_count_only_their_region(home_pages):
    coordinator, _mine, theirs = _region_world()
    for _n in range(7):
        factories.AttendanceFactory(participant=factories.ParticipantFactory(session=theirs))
    client = client_for(coordinator)
    content = client.get("/fr/sessions/programme/").content.decode()
    assert 'data-figure="sessions">1<' in content
    assert 'data-figure="participants">0<' in content
    assert theirs.prefecture.region.name not in content


def test_coordinator_test_counts_are_of_tests_taken_in_their_region(home_pages):
    """A trainee on a roster in region A (module X) and in region B (module Y) takes Y's pre-test: it
    was taken for B's session; A's coordinator must not count it (two joins of the same relation)."""
    coordinator, mine, theirs = _region_world()
    course_x, _l, _pre_x, _post_x = assessment_setup()
    course_y, _l2, pre_y, _post_y = assessment_setup()
    mine.courses.set([course_x])
    theirs.courses.set([course_y])
    trainee = UserFactory(username="or2-both")
    factories.ParticipantFactory(session=mine, user=trainee)
    factories.ParticipantFactory(session=theirs, user=trainee)
    factories.take_test(user=trainee, test=pre_y)
    content = client_for(coordinator).get("/fr/sessions/programme/").content.decode()
    assert 'data-figure="pre">0<' in content


@pytest.mark.parametrize("query", ["?region=all", "?regions=1,2,3", "?scope=national", "?format=xlsx"])
def test_coordinator_cannot_widen_their_scope_by_query(home_pages, query):
    coordinator, _mine, theirs = _region_world()
    client = client_for(coordinator)
    for path in ("/fr/sessions/programme/", "/fr/events/programme/"):
        content = client.get(path + query).content.decode()
        assert theirs.prefecture.region.name not in content, path


def test_coordinator_cannot_download_the_national_indicators(home_pages):
    coordinator, _mine, _theirs = _region_world()
    assert client_for(coordinator).get("/fr/events/programme.xlsx").status_code == 403


def test_trainer_who_is_no_coordinator_sees_no_programme(home_pages):
    trainer = UserFactory(username="or2-trainer", role=roles.TRAINER)
    client = client_for(trainer)
    assert client.get("/fr/sessions/programme/").status_code == 403
    assert client.get("/fr/events/programme/").status_code == 403


def test_coordinator_programme_in_english_is_in_english(home_pages):
    coordinator, _mine, _theirs = _region_world()
    content = client_for(coordinator).get("/en/sessions/programme/").content.decode()
    assert "Training figures" in content
    assert "Chiffres" not in content


# --- (7) H5P "required" -------------------------------------------------------------------------


def test_required_h5p_block_of_a_package_without_score_is_refused_by_the_block():
    from django.core.exceptions import ValidationError

    from courses.blocks import H5PBlock

    class Unscored:
        pk = 1
        reports_score = False
        title = "Sans score"

        def __str__(self):
            return self.title

    block = H5PBlock()
    value = block.to_python({"title": "x", "package": None, "required": "yes", "pass_percentage": 50})
    value["package"] = Unscored()
    with pytest.raises(ValidationError):
        block.clean(value)


# --- (10) tab titles ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/fr/", "/en/", "/fr/accounts/login/", "/en/accounts/login/", "/fr/nowhere-404/"])
def test_no_tab_title_names_trafficking(home_pages, path):
    content = Client(raise_request_exception=False).get(path, follow=True).content.decode().lower()
    title = content.split("<title>", 1)[1].split("</title>", 1)[0] if "<title>" in content else ""
    assert "traite" not in title and "trafficking" not in title, title


def test_coordinator_of_two_regions_cannot_subtract_a_small_region_from_the_headline(home_pages):
    """Region A has 3 trained people (hidden), B has 10: the two-region headline must not say 13."""
    coordinator = UserFactory(username="or2-two", role=roles.TRAINER)
    small, large = factories.TrainingSessionFactory(), factories.TrainingSessionFactory()
    for session, people in ((small, 3), (large, 10)):
        factories.CoordinatorFactory(user=coordinator, region=session.prefecture.region)
        for _n in range(people):
            factories.AttendanceFactory(participant=factories.ParticipantFactory(session=session))
    content = client_for(coordinator).get("/fr/events/programme/").content.decode()
    figure = content.split('data-figure="trained">', 1)[1].split("</span>", 1)[0]
    assert "13" not in figure
    assert ">10<" in content.split('id="indicator-trained"', 1)[1]


# --- (8) certificates' durations ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "hours", "language", "expected"),
    [
        (90, 2, "en", "Duration: 1 h 30 min"),
        (120, 9, "en", "Duration: 2 hours"),
        (45, 1, "fr", "Durée\xa0: 45\xa0min"),
        (None, 3, "fr", "Durée\xa0: 3 heures"),
        (60, 9, "en", "Duration: 1 hour"),
    ],
)
def test_certificate_duration_in_words(minutes, hours, language, expected):
    from certificates.models import Certificate
    from certificates.services import duration_text

    with translation.override(language):
        assert duration_text(Certificate(minutes=minutes, hours=hours)) == expected


def test_certificate_duration_of_zero_minutes_is_not_printed_as_zero():
    """A module estimated at 0 minutes printed "Duration: 1 hour" (CoursePage.hours is at least 1) before
    the change and "Duration: 0 min" after it (certificates.services.duration_text)."""
    from certificates.models import Certificate
    from certificates.services import duration_text

    with translation.override("en"):
        assert duration_text(Certificate(minutes=0, hours=1)) == "Duration: 1 hour"


# --- (1) the header's workspace link, per language -------------------------------------------------


def test_header_workspace_link_follows_the_language(home_pages):
    trainer = UserFactory(username="or2-header", role=roles.TRAINER)
    client = client_for(trainer)
    french = client.get("/fr/sessions/").content.decode()
    english = client.get("/en/sessions/").content.decode()
    assert 'href="/fr/sessions/" data-workspace' in french
    assert 'href="/en/sessions/" data-workspace' in english
    assert ">My sessions<" in english and ">My sessions<" not in french


@pytest.mark.parametrize("answer", [[{"x": 1}], {"a": ["b"]}, 12, None, True, "z" * 300, [None], {"a": None}])
def test_hand_in_after_odd_autosaved_shapes_is_scored_not_a_500(home_pages, answer):
    """The autosave stores any JSON value; handing in (scoring) must not fail on it."""
    _c, _pre, user, attempt, questions = _started(username="or2-oddscore")
    client = client_for(user)
    for question in questions.values():
        _autosave(client, attempt.pk, question.pk, answer, 1)
    response = client.post(f"/fr/attempts/{attempt.pk}/submit/", {"submission_key": str(uuid.uuid4())})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert client.get(f"/fr/attempts/{attempt.pk}/").status_code == 200


# --- (9) paper results grid -----------------------------------------------------------------------


def _paper_room():
    from training import services as training_services

    trainer = UserFactory(username="or2-paper-trainer", role=roles.TRAINER)
    course, _lessons, pre, _post = assessment_setup()
    session = factories.TrainingSessionFactory(code="OR2P", trainer=trainer, courses=[course])
    training_services.session_days_sync(session=session)
    people = [UserFactory(username=f"or2-paper-{n}") for n in range(3)]
    for person in people:
        training_services.participant_add(session=session, user=person)
    return trainer, session, pre, people


def test_paper_grid_marks_the_wrong_cell_of_the_right_person_when_a_row_above_is_blank(home_pages):
    """Rows left blank are not typed: the cell marked wrong must still be the one of the person who typed it."""
    from django.urls import reverse

    from assessments.paper import option_letters

    trainer, session, pre, people = _paper_room()
    q1 = Question.objects.get(bank__course=pre.course, reference="Q1", is_current=True)
    good = option_letters(q1)
    letter = next(iter(good.values())) if isinstance(good, dict) else "A"
    url = reverse("training:paper_results", args=[session.code, pre.pk])
    by_order = sorted(people, key=lambda p: p.pk)
    data = {f"cell-{by_order[1].pk}-Q1": letter, f"cell-{by_order[2].pk}-Q1": "<b>Z</b>"}
    response = client_for(trainer).post(url + "?form=", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<b>Z</b>" not in page
    wrong_cell = page[page.index('class="wrong"') :]
    wrong_cell = wrong_cell[: wrong_cell.index("</td>")]
    assert f"cell-{by_order[2].pk}-Q1" in wrong_cell
    assert not Attempt.objects.filter(test=pre, mode="paper").exists()
