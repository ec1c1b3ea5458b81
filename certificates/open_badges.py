"""The platform side of Open Badges 3.0: the public addresses a verifier follows, each certificate's
bit in the revocation status list, and the status list itself (signed, built from the database on
each request, so a revocation reaches every verifier at once).

Addresses are absolute (CERTIFICATE_BASE_URL) and outside the language prefix; none names the
programme's subject or the holder.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from certificates import badges, signing
from certificates.models import Certificate

# How long a fetched status list may be trusted: a verifier (or a cache) holding an older copy must
# fetch it again, so an old copy cannot hide a revocation for longer than this.
STATUS_LIST_VALIDITY = timedelta(days=1)


def _absolute(path: str) -> str:
    return settings.CERTIFICATE_BASE_URL.rstrip("/") + path


def issuer_url() -> str:
    return _absolute(reverse("verification:issuer"))


def key_url(key) -> str:
    """The `kid` of a badge: the URL of the signing key's JWK."""
    return _absolute(reverse("verification:public_key", kwargs={"kid": signing.key_id(key)}))


def achievement_url(*, course_id: int, kind: str) -> str:
    return _absolute(reverse("verification:achievement", kwargs={"course_id": course_id, "kind": kind}))


def status_list_url() -> str:
    return _absolute(reverse("verification:status_list"))


def _list_bits(used: int) -> int:
    """Room for twice the certificates that have a bit, in steps of the minimum list size, so a random
    free index is found in a try or two."""
    return badges.STATUS_LIST_MIN_BITS * (1 + 2 * used // badges.STATUS_LIST_MIN_BITS)


def status_index(*, certificate: Certificate) -> int:
    """The certificate's bit in the status list, chosen at random among the free ones the first time
    (in order, indices would tell how many certificates came before). The unique column settles two
    processes choosing the same bit: the loser tries another."""
    while certificate.status_list_index is None:
        bits = _list_bits(Certificate.objects.filter(status_list_index__isnull=False).count())
        candidate = secrets.randbelow(bits)
        try:
            with transaction.atomic():
                Certificate.objects.filter(pk=certificate.pk, status_list_index__isnull=True).update(
                    status_list_index=candidate
                )
        except IntegrityError:
            continue
        certificate.refresh_from_db(fields=["status_list_index"])
    return certificate.status_list_index


def revoked_indices() -> set[int]:
    """Every bit to set: revoked certificates, and superseded ones (replaced by a correction, so no
    longer valid), that were ever given a badge."""
    return set(
        Certificate.objects.filter(status_list_index__isnull=False)
        .exclude(status=Certificate.Status.VALID)
        .values_list("status_list_index", flat=True)
    )


def status_list_token() -> str:
    """The revocation status list as a VC-JWT signed with the current key (a verifier checks it with
    the key that signed the badge: a compromised web cache cannot un-revoke a badge)."""
    now = timezone.now()
    highest = Certificate.objects.aggregate(top=Max("status_list_index"))["top"] or 0
    data = badges.status_list_credential(
        list_url=status_list_url(),
        issuer_url=issuer_url(),
        revoked=revoked_indices(),
        bits=highest + 1,
        now=now,
        valid_until=now + STATUS_LIST_VALIDITY,
    )
    key = signing.private_key()
    return badges.sign_jwt(data, key=key, key_url=key_url(key.public_key()))
