"""Open Badges 3.0: each certificate as a W3C Verifiable Credential 2.0, signed as a VC-JWT (EdDSA).

Pure: builds the credential (and the revocation status list) from plain values and signs it with the
key it is given. The holder is identified by a salted SHA-256 of their name (an OB 3.0
IdentityObject), not by the name in clear, so a shared badge says no more than the holder chooses to
show with the paper. The salt is random and stored with the certificate, never the public code: with
the code (printed, in the QR code) as salt, a list of common names recovered the holder's name.

Everything a verifier follows resolves on the platform, outside the language prefix: `kid` (the JWK
of the signing key), the issuer's Profile, the Achievement, and the Bitstring Status List.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from certificates.signing import b64url, b64url_decode, jwk, verify

CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
# Bitstring Status List v1.0: at least 16 KiB (131,072 entries), so one index says little about whom.
STATUS_LIST_MIN_BITS = 131_072
ACHIEVEMENT_TYPES = {"completion": "CertificateOfCompletion", "participation": "ext:CertificateOfParticipation"}


@dataclass(frozen=True)
class BadgeFacts:
    credential_url: str  # the verification URL of the certificate
    achievement_url: str
    issuer_url: str
    issuer_name: str
    kind: str  # "completion" or "participation"
    name: str  # "Completion certificate"
    title: str  # the module's public title
    criteria: str
    hours: float
    holder_name: str
    salt: str  # random, per certificate (Certificate.identity_salt): never the public code
    subject_id: str  # an opaque urn:uuid for the holder of this certificate (the JWT's `sub`)
    issued_at: datetime
    expires_at: datetime | None
    language: str
    status_list_url: str = ""
    status_list_index: int | None = None


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def profile(*, issuer_url: str, issuer_name: str) -> dict:
    """The issuer's Profile: its name and nothing else (no address that tells the programme's subject)."""
    return {"@context": CONTEXT, "id": issuer_url, "type": ["Profile"], "name": issuer_name}


def achievement(facts: BadgeFacts) -> dict:
    return {
        "id": facts.achievement_url,
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPES[facts.kind],
        "name": facts.title,
        "description": facts.name,
        "criteria": {"narrative": facts.criteria},
        "creditsAvailable": round(float(facts.hours), 2),
        "inLanguage": facts.language,
    }


def credential(facts: BadgeFacts) -> dict:
    identity = hashlib.sha256((facts.holder_name + facts.salt).encode("utf-8")).hexdigest()
    data = {
        "@context": CONTEXT,
        "id": facts.credential_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{facts.name} – {facts.title}",
        "issuer": {"id": facts.issuer_url, "type": ["Profile"], "name": facts.issuer_name},
        "validFrom": _iso(facts.issued_at),
        "credentialSubject": {
            "id": facts.subject_id,
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "hashed": True,
                    "identityHash": f"sha256${identity}",
                    "identityType": "ext:displayName",
                    "salt": facts.salt,
                }
            ],
            "achievement": achievement(facts),
        },
        "credentialSchema": [{"id": SCHEMA_URL, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if facts.expires_at is not None:
        data["validUntil"] = _iso(facts.expires_at)
    if facts.status_list_index is not None:
        data["credentialStatus"] = {
            "id": f"{facts.status_list_url}#{facts.status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(facts.status_list_index),
            "statusListCredential": facts.status_list_url,
        }
    return data


def encoded_list(indices: set[int], *, bits: int) -> str:
    """The `encodedList` of a Bitstring Status List: bit i (most significant first) set for each
    index, GZIP, multibase base64url ("u" prefix, no padding)."""
    # Whole steps of the minimum size: the list's length says nothing about how many were issued.
    steps = -(-max(bits, 1) // STATUS_LIST_MIN_BITS)
    data = bytearray(steps * STATUS_LIST_MIN_BITS // 8)
    for index in indices:
        data[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url(gzip.compress(bytes(data), mtime=0))


def status_list_credential(
    *, list_url: str, issuer_url: str, revoked: set[int], bits: int, now: datetime, valid_until: datetime
) -> dict:
    """A BitstringStatusListCredential (purpose: revocation) naming every revoked index."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_url,
        "validFrom": _iso(now),
        "validUntil": _iso(valid_until),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list(revoked, bits=bits),
        },
    }


def _timestamp(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def sign_jwt(data: dict, *, key: Ed25519PrivateKey, key_url: str) -> str:
    """VC-JWT (VC-JOSE-COSE, OB 3.0 §8.2): the credential is the payload, with the registered claims
    iss, jti, sub, nbf (and exp); signed with EdDSA. `kid` is the URL of the key's JWK (`key_url`) and
    the public JWK rides along in `jwk`, so a verifier finds the key either way."""
    header = {"alg": "EdDSA", "typ": "JWT", "kid": key_url, "jwk": jwk(key.public_key())}
    issuer = data["issuer"]
    payload = {**data, "iss": issuer["id"] if isinstance(issuer, dict) else issuer, "jti": data["id"]}
    payload["nbf"] = _timestamp(data["validFrom"])
    subject = data["credentialSubject"]
    if isinstance(subject, dict) and subject.get("id"):
        payload["sub"] = subject["id"]
    if "validUntil" in data:
        payload["exp"] = _timestamp(data["validUntil"])
    signing_input = ".".join(
        b64url(json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        for part in (header, payload)
    )
    return signing_input + "." + b64url(key.sign(signing_input.encode("ascii")))


def read_jwt(token: str, *, key: Ed25519PublicKey) -> dict | None:
    """The credential of a VC-JWT whose EdDSA signature verifies with `key`, else None."""
    try:
        header_b64, payload_b64, signature = token.split(".")
        header = json.loads(b64url_decode(header_b64))
    except ValueError:
        return None
    if header.get("alg") != "EdDSA":
        return None
    if not verify(key=key, data=f"{header_b64}.{payload_b64}".encode("ascii"), signature=signature):
        return None
    payload = json.loads(b64url_decode(payload_b64))
    return {k: v for k, v in payload.items() if k not in {"iss", "jti", "nbf", "exp", "sub"}}
