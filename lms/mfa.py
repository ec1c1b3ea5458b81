"""Second factor of staff accounts: an authenticator app (TOTP) enrolled through allauth.mfa.

People enrol from the page lms.middleware.StaffSecondFactorMiddleware sends them to; this module
enrols accounts from code (the demo's staff accounts, and tests) and computes the current code of a
secret (the demo's `demo_totp_code` command, and browser tests answering the login's code step).
"""

from __future__ import annotations

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import encrypt
from django.db import transaction


@transaction.atomic
def totp_enrol(*, user, secret: str) -> Authenticator:
    """Give `user` an authenticator app holding `secret` (base32), replacing any they had."""
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    return Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)})


def totp_code(*, secret: str, at: float | None = None, step: int = 0) -> str:
    """The code an authenticator app holding `secret` shows at time `at` (now), `step` periods later."""
    counter = int(time.time() if at is None else at) // app_settings.TOTP_PERIOD + step
    return format_hotp_value(hotp_value(secret, counter))
