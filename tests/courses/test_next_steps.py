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
