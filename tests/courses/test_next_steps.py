"""The next step is always one tap away (issue 19, item 2): each page the trainee lands on after a
step links to the following one, near the top of the page."""

import pytest
from django.test import Client

from courses import services as course_services
from tests.factories import UserFactory, assessment_setup, take_test

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainee():
    course, lessons, pre, post = assessment_setup()
    # Objectives fill the first screen of a real module: the next step must come before them.
    course.objectives = [("objective", f"Objectif d'apprentissage numéro {i}") for i in range(8)]
    course.save_revision().publish()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    take_test(user=user, test=pre)
    client = Client()
    client.force_login(user)
    return {"client": client, "user": user, "course": course, "lessons": lessons, "pre": pre, "post": post}


def test_bravo_after_the_last_lesson_lands_on_the_post_test_link_before_the_rest_of_the_page(trainee):
    client, lessons, post = trainee["client"], trainee["lessons"], trainee["post"]
    for lesson in lessons:
        response = client.post(f"/fr/lessons/{lesson.pk}/complete/", follow=True)
    page = response.content.decode()
    assert "Bravo" in page
    link = f'href="/fr/tests/{post.pk}/"'
    assert link in page
    # Near the top: before the module's objectives and its list of lessons, right under the progress bar.
    assert page.index(link) < page.index("Objectif d&#x27;apprentissage numéro 0")
    assert page.index(link) < page.index('<ol class="lessons">')


def test_a_passed_post_test_links_to_the_certificate_or_says_it_is_being_prepared():
    from certificates import services as certificate_services
    from certificates.models import Certificate
    from tests.factories import certificate_setup

    user, enrolment, post, _rule = certificate_setup()
    attempt = take_test(user=user, test=post)
    client = Client()
    client.force_login(user)
    # The certificate is issued in the background, after the submission commits: not yet here.
    assert not Certificate.objects.filter(enrolment=enrolment).exists()
    page = client.get(f"/fr/attempts/{attempt.pk}/").content.decode()
    assert "Vous avez réussi" in page
    assert "en cours de préparation" in page and 'href="/fr/certificates/"' in page

    certificate = certificate_services.certificate_evaluate(enrolment_id=enrolment.pk).certificate
    assert certificate.pdf
    page = client.get(f"/fr/attempts/{attempt.pk}/").content.decode()
    assert f'href="/fr/certificates/{certificate.code}.pdf"' in page
    assert "en cours de préparation" not in page


def test_the_dashboard_says_completed_instead_of_continue_on_a_completed_module(trainee):
    client, course, lessons = trainee["client"], trainee["course"], trainee["lessons"]
    client.get(lessons[0].url)
    assert "Continuer" in client.get("/fr/dashboard/").content.decode()
    for lesson in lessons:
        client.get(lesson.url)
        client.post(f"/fr/lessons/{lesson.pk}/complete/")
    page = client.get("/fr/dashboard/").content.decode()
    assert "Continuer" not in page
    assert "Terminé\u00a0: voir le module" in page and f'href="{course.url}"' in page


def test_a_lesson_while_the_room_waits_for_the_pre_test_bounces_once_with_one_plain_message():
    from tests.factories import ParticipantFactory, TrainingSessionFactory

    course, lessons, _pre, _post = assessment_setup()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    session = TrainingSessionFactory(courses=[course])
    ParticipantFactory(session=session, user=user)
    client = Client()
    client.force_login(user)
    response = client.get(lessons[0].url, follow=True)
    assert response.redirect_chain == [(course.url, 302)]
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1
    assert "votre formateur qui ouvre le pré-test" in shown[0] and "En attendant" in shown[0]
