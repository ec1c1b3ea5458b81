"""The partner's platform (tests/lti/platform.py), registered in our admin, and the browser between them."""

from __future__ import annotations

import pytest
from django.test import Client
from lti_tool.models import LtiDeployment, LtiRegistration

from tests import factories
from tests.lti.platform import CLIENT_ID, DEPLOYMENT_ID, Platform


@pytest.fixture
def platform():
    with Platform() as running:
        yield running


@pytest.fixture
def registered(platform):
    """What the administrator entered in our admin for this platform."""
    registration = LtiRegistration.objects.create(
        name="Moodle IOM",
        issuer=platform.url,
        client_id=CLIENT_ID,
        auth_url=f"{platform.url}/auth",
        token_url=f"{platform.url}/token",
        keyset_url=f"{platform.url}/jwks",
    )
    LtiDeployment.objects.create(registration=registration, deployment_id=DEPLOYMENT_ID, is_active=True)
    return registration


@pytest.fixture
def visitor():
    # CSRF checks on: the launch endpoints must work without our token, as from another site.
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def module():
    course, _lessons, _pre, post = factories.assessment_setup()
    return course, post
