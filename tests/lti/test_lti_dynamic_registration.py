"""LTI Dynamic Registration: the partner's administrator pastes our invitation into their platform,
which opens it; the tool and the platform register each other, and launches then work.

The platform side follows the IMS spec (LTI Dynamic Registration 1.0, sections 3.4 and 3.5) in
tests/lti/platform.py: lti1p3platform has no dynamic registration."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from lti_tool.models import LtiRegistration

from lti import registration
from tests.lti.platform import CLIENT_ID, DEPLOYMENT_ID, REGISTRATION_TOKEN, post_launch, start

pytestmark = pytest.mark.django_db


def _open(visitor, platform, *, invitation: str | None = None, token: str = REGISTRATION_TOKEN):
    invitation = invitation or registration.invitation_url().rsplit("/", 2)[-2]
    query = urlencode(
        {"openid_configuration": f"{platform.url}/.well-known/openid-configuration", "registration_token": token}
    )
    return visitor.get(f"{reverse('lti:register', kwargs={'invitation': invitation})}?{query}")


def test_the_platform_registers_the_tool_and_launches_work_at_once(settings, visitor, platform, module):
    settings.PUBLIC_BASE_URL = "http://testserver"
    response = _open(visitor, platform)
    assert response.status_code == 200
    assert "lti/close.js" in response.content.decode()
    assert f"frame-ancestors {platform.url}" in response["Content-Security-Policy"]
    [sent] = platform.registered_tools
    assert sent["jwks_uri"] == "http://testserver/lti/jwks.json"
    assert sent["initiate_login_uri"] == "http://testserver/lti/login/"
    assert "https://purl.imsglobal.org/spec/lti-ags/scope/score" in sent["scope"].split()
    registered = LtiRegistration.objects.get(issuer=platform.url, client_id=CLIENT_ID)
    assert registered.is_active and registered.keyset_url == f"{platform.url}/jwks"
    assert list(registered.deployments.values_list("deployment_id", "is_active")) == [(DEPLOYMENT_ID, True)]

    course, _post = module
    launched = post_launch(visitor, start(visitor, platform, custom={"lms_target": f"course:{course.pk}"}))
    assert launched.status_code == 302 and "welcome" in launched["Location"]


def test_without_a_valid_invitation_the_platform_is_not_even_contacted(visitor, platform):
    response = _open(visitor, platform, invitation="forged:invitation")
    assert response.status_code == 403
    assert "Demandez-nous-en une nouvelle" in response.content.decode()
    assert platform.registered_tools == [] and not LtiRegistration.objects.exists()


def test_a_platform_that_refuses_leaves_nothing_registered(visitor, platform):
    response = _open(visitor, platform, token="mauvais-jeton")
    assert response.status_code == 502
    assert not LtiRegistration.objects.exists()
