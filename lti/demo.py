"""The demo's partner platform: a Moodle on this machine, registered but inactive (docs/interop.md).

No launch is accepted from it until an administrator ticks "active" and enters the client id and
deployment id the Moodle gave. Idempotent: found by issuer and client id; an administrator's changes are kept.
"""

from __future__ import annotations

from lti_tool.models import LtiDeployment, LtiRegistration

from lti import keys

ISSUER = "http://127.0.0.1:8080"


def seed() -> list[str]:
    registration, _created = LtiRegistration.objects.get_or_create(
        issuer=ISSUER,
        client_id="demo-client-id",
        defaults={
            "name": "Moodle de démonstration (local)",
            "auth_url": f"{ISSUER}/mod/lti/auth.php",
            "token_url": f"{ISSUER}/mod/lti/token.php",
            "keyset_url": f"{ISSUER}/mod/lti/certs.php",
            "is_active": False,
        },
    )
    LtiDeployment.objects.get_or_create(registration=registration, deployment_id="1", defaults={"is_active": False})
    keys.ensure()
    return []
