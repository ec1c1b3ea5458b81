"""Our LTI 1.3 tool launched by an independent platform (PyPI's lti1p3platform, tests/lti/platform.py):
a resource launch, deep linking, scores in the platform's gradebook, and forged launches refused."""

from __future__ import annotations

import re
import time

import jwt
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from lti1p3platform.registration import Registration
from lti_tool.models import LtiDeployment, LtiUser

from courses.models import Enrolment
from lti.models import GradeTarget, ScoreDelivery
from tests import factories
from tests.lti.platform import post_launch, private_key_pem, start

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        get_user_model().objects.count(),
        LtiUser.objects.count(),
        Enrolment.objects.count(),
        GradeTarget.objects.count(),
    )


def test_a_resource_launch_creates_a_linked_account_and_lands_on_the_module(visitor, platform, registered, module):
    course, _post = module
    form = start(visitor, platform, custom={"lms_target": f"course:{course.pk}"})
    response = post_launch(visitor, form)
    assert response.status_code == 302
    linked = LtiUser.objects.get(registration=registered, sub="etudiant-42")
    user = linked.auth_user
    # No email needed, and none of the platform's personal claims kept.
    assert user.email == "" and not user.has_usable_password()
    assert (linked.name, linked.email) == ("", "")
    assert Enrolment.objects.filter(user=user, course=course).exists()
    # Consent first, as at sign-up, then the module.
    assert response["Location"] == f"{reverse('lti:welcome')}?next={course.url}"
    page = visitor.get(response["Location"])
    assert page.status_code == 200 and "consent-text" in page.content.decode()
    token = visitor.cookies["csrftoken"].value
    accepted = visitor.post(
        reverse("lti:welcome"), {"answer": "accept", "next": course.url, "csrfmiddlewaretoken": token}
    )
    assert accepted["Location"] == course.url
    user.refresh_from_db()
    assert user.has_consented
    assert visitor.get(course.url).status_code == 200

    # A second launch of the same person opens the same account, straight to the module.
    other = Client(enforce_csrf_checks=True)
    again = post_launch(other, start(other, platform, custom={"lms_target": f"course:{course.pk}"}))
    assert again["Location"] == course.url
    assert LtiUser.objects.get(sub="etudiant-42").auth_user == user
    assert get_user_model().objects.filter(username__startswith="lti-").count() == 1


def test_deep_linking_answer_is_accepted_by_the_platform(visitor, platform, registered, module):
    course, post = module
    form = start(visitor, platform, deep_link=f"{platform.url}/deep-link-return")
    picker = post_launch(visitor, form)
    assert picker.status_code == 200
    html = picker.content.decode()
    assert f'value="course:{course.pk}"' in html and f'value="test:{post.pk}"' in html
    # The platform frames the picker: only it may.
    assert f"frame-ancestors {platform.url}" in picker["Content-Security-Policy"]
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    chosen = visitor.post(reverse("lti:deep_link"), {"token": token, "choice": f"test:{post.pk}"})
    assert chosen.status_code == 200
    answer = chosen.content.decode()
    assert f'action="{platform.url}/deep-link-return"' in answer
    assert f"form-action 'self' {platform.url}" in chosen["Content-Security-Policy"]
    signed = re.search(r'name="JWT" value="([^"]+)"', answer).group(1)

    # The platform checks the answer's signature against the key set our tool publishes.
    platform.trust_tool_keys(visitor.get(reverse("lti:jwks")).json())
    items = platform.conf.validate_deeplinking_resp({"JWT": signed})
    assert len(items) == 1
    assert items[0]["type"] == "ltiResourceLink"
    assert items[0]["custom"] == {"lms_target": f"test:{post.pk}"}
    assert items[0]["url"] == "http://testserver/lti/launch/"
    assert items[0]["lineItem"]["scoreMaximum"] == 100

    # A forged answer (our claims, another key) is refused by the platform.
    claims = jwt.decode(signed, options={"verify_signature": False})
    kid = jwt.get_unverified_header(signed)["kid"]
    forged = Registration.encode_and_sign(claims, private_key_pem(), headers={"kid": kid})
    with pytest.raises(jwt.InvalidSignatureError):
        platform.conf.validate_deeplinking_resp({"JWT": forged})

    # An expired or altered picker token is refused with a page, not an answer.
    refused = visitor.post(reverse("lti:deep_link"), {"token": token + "x", "choice": f"test:{post.pk}"})
    assert refused.status_code == 400 and "JWT" not in refused.content.decode()


def _submit_post_test(visitor, platform, module, django_capture_on_commit_callbacks):
    _course, post = module
    lineitem = platform.lineitem_url("9")
    form = start(visitor, platform, custom={"lms_target": f"test:{post.pk}"}, ags=lineitem)
    response = post_launch(visitor, form)
    assert response.status_code == 302 and str(post.pk) in response["Location"]
    user = LtiUser.objects.get(sub="etudiant-42").auth_user
    platform.trust_tool_keys(visitor.get(reverse("lti:jwks")).json())
    with django_capture_on_commit_callbacks(execute=True):
        attempt = factories.take_test(user=user, test=post, right=True)
    return attempt


@pytest.mark.usefixtures("eager_tasks")
def test_the_post_test_score_reaches_the_platform_gradebook_once(
    visitor, platform, registered, module, django_capture_on_commit_callbacks
):
    attempt = _submit_post_test(visitor, platform, module, django_capture_on_commit_callbacks)
    assert platform.score_requests == 1
    [score] = platform.scores["9"]
    assert score["userId"] == "etudiant-42"
    assert (score["scoreGiven"], score["scoreMaximum"]) == (attempt.score, attempt.max_score)
    assert score["activityProgress"] == "Completed" and score["gradingProgress"] == "FullyGraded"
    assert ScoreDelivery.objects.get().status == ScoreDelivery.Status.SENT

    # Saved again (a review, a recount): nothing more is sent.
    with django_capture_on_commit_callbacks(execute=True):
        attempt.save()
    from lti import tasks

    assert tasks.send_waiting_scores() == 0
    assert platform.score_requests == 1 and len(platform.scores["9"]) == 1


@pytest.mark.usefixtures("eager_tasks")
def test_a_score_the_platform_refuses_with_5xx_is_sent_again_until_accepted(
    visitor, platform, registered, module, django_capture_on_commit_callbacks
):
    from lti import tasks

    platform.fail_scores = 2
    _submit_post_test(visitor, platform, module, django_capture_on_commit_callbacks)
    delivery = ScoreDelivery.objects.get()
    assert delivery.status == ScoreDelivery.Status.PENDING and "503" in delivery.last_error
    assert platform.scores == {}
    assert tasks.send_waiting_scores() == 0  # still in maintenance
    assert tasks.send_waiting_scores() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.tries) == (ScoreDelivery.Status.SENT, 3)
    assert platform.score_requests == 3 and len(platform.scores["9"]) == 1
    assert tasks.send_waiting_scores() == 0 and platform.score_requests == 3


# --- forged launches ----------------------------------------------------------------------------


def _resign(form: dict, key: str, kid: str | None, **changes) -> dict:
    claims = jwt.decode(form["id_token"], options={"verify_signature": False})
    claims.update(changes)
    headers = {"kid": kid} if kid else None
    return {**form, "id_token": Registration.encode_and_sign(claims, key, headers=headers)}


def _refused(visitor, form):
    before = counts()
    response = post_launch(visitor, form)
    assert response.status_code == 403
    assert counts() == before, "a refused launch created something"
    return response.content.decode()


def test_forged_launches_are_refused_with_a_translated_page_and_nothing_created(visitor, platform, registered, module):
    course, _post = module
    custom = {"lms_target": f"course:{course.pk}"}
    kid = platform.registration.get_kid()

    # Signed with another key (under the platform's key id).
    page = _refused(visitor, _resign(start(visitor, platform, custom=custom), private_key_pem(), kid))
    assert "Ce lancement n’a pas pu être vérifié" in page
    # Expired.
    _refused(visitor, start(visitor, platform, custom=custom, expiration=-30))
    # For another tool (audience), correctly signed by the platform.
    other_audience = _resign(start(visitor, platform, custom=custom), platform.private_key, kid, aud="autre-outil")
    _refused(visitor, other_audience)
    # Issued by a platform we do not know.
    _refused(
        visitor,
        _resign(start(visitor, platform, custom=custom), platform.private_key, kid, iss="https://inconnu.example"),
    )

    # Replayed: the first use is accepted, the same id_token again is refused.
    form = start(visitor, platform, custom=custom)
    assert post_launch(visitor, form).status_code == 302
    page = _refused(visitor, form)
    assert "Ce lancement a déjà été utilisé" in page


def test_a_launch_for_an_inactive_deployment_is_refused(visitor, platform, registered, module):
    course, _post = module
    LtiDeployment.objects.update(is_active=False)
    form = start(visitor, platform, custom={"lms_target": f"course:{course.pk}"})
    before = counts()
    response = post_launch(visitor, form)
    assert response.status_code == 403 and counts() == before
    assert "n’est pas activée" in response.content.decode()


def test_the_tool_publishes_its_key_set(visitor):
    keys = visitor.get(reverse("lti:jwks")).json()["keys"]
    assert len(keys) == 1 and keys[0]["kty"] == "RSA" and keys[0]["alg"] == "RS256" and "d" not in keys[0]
    assert time.time()  # the key is made once and kept
    assert visitor.get(reverse("lti:jwks")).json()["keys"] == keys
