"""LTI Dynamic Registration 1.0 (IMS): a partner's administrator pastes one address into their
platform (Moodle 4.x: "Register an LTI Advantage tool"), and the platform and the tool exchange the
rest. django-lti-dynamic-registration 0.1.2 was tried and left out: its LtiMessage.to_dict fails on
every non-Canvas message (it iterates a dict without .items()) and its calls have no timeout.

The address is an invitation our administrator makes in the admin (signed, valid INVITATION_DAYS):
without one nobody could make our server fetch an address of their choosing, or register a platform.
The platform is registered active, with the deployment it announces, since our administrator invited it.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from lti_tool.models import LtiDeployment, LtiRegistration

logger = logging.getLogger(__name__)

SALT = "lti.dynamic-registration"
INVITATION_DAYS = 7
TIMEOUT = 15
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
SCOPES = [
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
]


class Failed(Exception):
    pass


def invitation_url() -> str:
    token = signing.dumps({"invited": True}, salt=SALT)
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("lti:register", kwargs={"invitation": token})


def check_invitation(token: str) -> None:
    try:
        signing.loads(token, salt=SALT, max_age=INVITATION_DAYS * 24 * 3600)
    except signing.BadSignature as error:
        raise Failed("invitation") from error


def tool_configuration(name: str) -> dict:
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    launch = base + reverse("lti:launch")
    return {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": base + reverse("lti:login"),
        "redirect_uris": [launch],
        "client_name": name,
        "jwks_uri": base + reverse("lti:jwks"),
        "token_endpoint_auth_method": "private_key_jwt",
        "scope": " ".join(SCOPES),
        TOOL_CONFIGURATION: {
            "domain": urlsplit(base).netloc,
            "target_link_uri": launch,
            "claims": ["iss", "sub", "locale"],
            "messages": [
                {"type": "LtiResourceLinkRequest", "target_link_uri": launch},
                {"type": "LtiDeepLinkingRequest", "target_link_uri": launch, "label": name},
            ],
        },
    }


def register(*, openid_configuration: str, registration_token: str, name: str) -> LtiRegistration:
    """Read the platform's configuration, register our tool there, and the platform here."""
    headers = {"Authorization": f"Bearer {registration_token}"} if registration_token else {}
    try:
        response = requests.get(openid_configuration, headers=headers, timeout=TIMEOUT)
        response.raise_for_status()
        config = response.json()
        # The spec: the configuration's issuer is where the configuration was read from.
        if not openid_configuration.startswith(config["issuer"].rstrip("/") + "/"):
            raise Failed("issuer")
        answer = requests.post(
            config["registration_endpoint"], json=tool_configuration(name), headers=headers, timeout=TIMEOUT
        )
        answer.raise_for_status()
        client = answer.json()
    except (requests.RequestException, ValueError, KeyError, TypeError) as error:
        logger.warning("LTI dynamic registration failed: %s", error)
        raise Failed("platform") from error
    platform_name = (config.get(PLATFORM_CONFIGURATION) or {}).get("product_family_code", "")
    with transaction.atomic():
        registration, _created = LtiRegistration.objects.update_or_create(
            issuer=config["issuer"],
            client_id=client["client_id"],
            defaults={
                "name": f"{platform_name or config['issuer']}"[:255],
                "auth_url": config["authorization_endpoint"],
                "token_url": config["token_endpoint"],
                "keyset_url": config["jwks_uri"],
                "is_active": True,
            },
        )
        deployment = (client.get(TOOL_CONFIGURATION) or {}).get("deployment_id")
        if deployment:
            LtiDeployment.objects.update_or_create(
                registration=registration, deployment_id=str(deployment), defaults={"is_active": True}
            )
    return registration
