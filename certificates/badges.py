"""Open Badges 3.0: each certificate as a W3C Verifiable Credential, signed as a VC-JWT (EdDSA).

Pure: builds the credential from plain values and signs it with the key it is given. The holder is
identified by a salted SHA-256 of their name (an OB 3.0 IdentityObject), not by the name in clear,
so a shared badge says no more than the holder chooses to show with the paper.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from certificates.signing import b64url, b64url_decode, key_id, verify

CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"


@dataclass(frozen=True)
class BadgeFacts:
    credential_url: str  # the verification URL of the certificate
    achievement_url: str
    issuer_url: str
    issuer_name: str
    name: str  # "Completion certificate"
    title: str  # the module's public title
    criteria: str
    hours: int
    holder_name: str
    salt: str  # the certificate's code: stable, and different for every certificate
    issued_at: datetime
    expires_at: datetime | None
    language: str


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def credential(facts: BadgeFacts) -> dict:
    identity = hashlib.sha256((facts.holder_name + facts.salt).encode("utf-8")).hexdigest()
    data = {
        "@context": CONTEXT,
        "id": facts.credential_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{facts.name} – {facts.title}",
        "issuer": {"id": facts.issuer_url, "type": ["Profile"], "name": facts.issuer_name},
        "issuanceDate": _iso(facts.issued_at),
        "validFrom": _iso(facts.issued_at),
        "credentialSubject": {
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
            "achievement": {
                "id": facts.achievement_url,
                "type": ["Achievement"],
                "achievementType": "CertificateOfCompletion",
                "name": facts.title,
                "description": facts.name,
                "criteria": {"narrative": facts.criteria},
                "creditsAvailable": float(facts.hours),
                "@language": facts.language,
            },
        },
        "credentialSchema": [{"id": SCHEMA_URL, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if facts.expires_at is not None:
        data["expirationDate"] = data["validUntil"] = _iso(facts.expires_at)
    return data


def sign_jwt(data: dict, *, key: Ed25519PrivateKey) -> str:
    """VC-JWT: the credential in the `vc` claim and as the payload's body, signed with EdDSA."""
    header = {"alg": "EdDSA", "typ": "JWT", "kid": key_id(key.public_key())}
    payload = {
        **data,
        "iss": data["issuer"]["id"],
        "jti": data["id"],
        "nbf": int(datetime.fromisoformat(data["issuanceDate"].replace("Z", "+00:00")).timestamp()),
    }
    if "expirationDate" in data:
        payload["exp"] = int(datetime.fromisoformat(data["expirationDate"].replace("Z", "+00:00")).timestamp())
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
