"""A launched person's data follow the platform's rules (consent, My data, erasure); administrators
register a platform in the admin; the demo registers one, inactive."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from lti_tool.models import LtiDeployment, LtiRegistration, LtiUser

from lms import roles
from lti import demo
from lti.models import GradeTarget, ScoreDelivery
from privacy import services as privacy_services
from tests import factories
from tests.lti.platform import post_launch, start

pytestmark = pytest.mark.django_db


def _launched(visitor, platform, module, django_capture_on_commit_callbacks):
    _course, post = module
    form = start(visitor, platform, custom={"lms_target": f"test:{post.pk}"}, ags=platform.lineitem_url("4"))
    assert post_launch(visitor, form).status_code == 302
    user = LtiUser.objects.get(sub="etudiant-42").auth_user
    platform.trust_tool_keys(visitor.get(reverse("lti:jwks")).json())
    with django_capture_on_commit_callbacks(execute=True):
        factories.take_test(user=user, test=post)
    return user


def test_refusing_consent_at_the_first_launch_withdraws_it_and_goes_on(visitor, platform, registered, module):
    course, _post = module
    response = post_launch(visitor, start(visitor, platform, custom={"lms_target": f"course:{course.pk}"}))
    visitor.get(response["Location"])
    token = visitor.cookies["csrftoken"].value
    refused = visitor.post(
        reverse("lti:welcome"), {"answer": "refuse", "next": course.url, "csrfmiddlewaretoken": token}
    )
    assert refused["Location"] == course.url
    user = LtiUser.objects.get(sub="etudiant-42").auth_user
    assert not user.has_consented and user.consent_withdrawn_at is not None
    # An outside address in `next` is not followed.
    outside = visitor.post(
        reverse("lti:welcome"), {"answer": "accept", "next": "https://evil.example/", "csrfmiddlewaretoken": token}
    )
    assert outside["Location"] == "/"


@pytest.mark.usefixtures("eager_tasks")
def test_my_data_shows_the_platform_link_and_the_scores_sent(
    visitor, platform, registered, module, django_capture_on_commit_callbacks
):
    _launched(visitor, platform, module, django_capture_on_commit_callbacks)
    page = visitor.get(reverse("privacy:my_data")).content.decode()
    assert "Comptes sur des plateformes partenaires" in page and "etudiant-42" in page
    assert "Notes envoyées aux plateformes partenaires" in page and "Accepté par la plateforme" in page


@pytest.mark.usefixtures("eager_tasks")
def test_erasure_deletes_the_platform_link_and_a_later_launch_starts_afresh(
    visitor, platform, registered, module, django_capture_on_commit_callbacks
):
    user = _launched(visitor, platform, module, django_capture_on_commit_callbacks)
    assert ScoreDelivery.objects.filter(target__user=user).exists()
    report = privacy_services.user_erase(user=user)
    assert report.counts["lti_platform_links"] == 1 and report.counts["lti_gradebook_columns"] == 1
    assert not LtiUser.objects.filter(sub="etudiant-42").exists()
    assert not GradeTarget.objects.exists() and not ScoreDelivery.objects.exists()

    other = Client(enforce_csrf_checks=True)
    course, _post = module
    assert post_launch(other, start(other, platform, custom={"lms_target": f"course:{course.pk}"})).status_code == 302
    fresh = LtiUser.objects.get(sub="etudiant-42").auth_user
    assert fresh.pk != user.pk and fresh.is_active
    assert get_user_model().objects.get(pk=user.pk).username.startswith("erased-")


def test_an_administrator_registers_a_platform_with_its_deployment_ids(client):
    admin = factories.UserFactory(username="admin-lti", role=roles.ADMINISTRATOR, is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get(reverse("admin:lti_tool_ltiregistration_add"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "http://127.0.0.1:8000/lti/login/" in text and "/lti/jwks.json" in text
    data = {
        "name": "Moodle UNHCR",
        "issuer": "https://moodle.example.org",
        "client_id": "Abc123",
        "keyset_url": "https://moodle.example.org/mod/lti/certs.php",
        "auth_url": "https://moodle.example.org/mod/lti/auth.php",
        "token_url": "https://moodle.example.org/mod/lti/token.php",
        "audience": "",
        "is_active": "on",
        "deployments-TOTAL_FORMS": "1",
        "deployments-INITIAL_FORMS": "0",
        "deployments-0-deployment_id": "3",
        "deployments-0-is_active": "on",
    }
    response = client.post(reverse("admin:lti_tool_ltiregistration_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    registration = LtiRegistration.objects.get(issuer="https://moodle.example.org")
    assert list(registration.deployments.values_list("deployment_id", "is_active")) == [("3", True)]


def test_the_demo_platform_is_registered_inactive_and_seeding_twice_changes_nothing():
    demo.seed()
    demo.seed()
    registration = LtiRegistration.objects.get(issuer=demo.ISSUER)
    assert not registration.is_active
    assert not LtiDeployment.objects.get(registration=registration).is_active
    assert LtiRegistration.objects.count() == 1
