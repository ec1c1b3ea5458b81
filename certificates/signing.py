"""The platform's Ed25519 key: signing certificates and publishing the public key.

The private key comes from settings: CERTIFICATE_SIGNING_KEY (base64 of the 32-byte raw key, or a
PEM) or else the file at CERTIFICATE_SIGNING_KEY_FILE (written by `manage.py certificate_keys`).
Verification needs only the public key, so it can run offline.
"""

from __future__ import annotations

import base64
import json
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class KeyMissing(RuntimeError):
    pass


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def canonical(data: dict) -> bytes:
    """Canonical bytes of certificate data: sorted keys, no spaces, UTF-8 (names stay NFC)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def load_private_key(text: str) -> Ed25519PrivateKey:
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyMissing("CERTIFICATE_SIGNING_KEY is not an Ed25519 key")
        return key
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text))


@lru_cache(maxsize=4)
def _key_from(text: str, path: str) -> Ed25519PrivateKey:
    if text:
        return load_private_key(text)
    if path and Path(path).exists():
        return load_private_key(Path(path).read_text())
    raise KeyMissing("No certificate signing key: set CERTIFICATE_SIGNING_KEY or run `manage.py certificate_keys`.")


def private_key() -> Ed25519PrivateKey:
    from django.conf import settings

    return _key_from(settings.CERTIFICATE_SIGNING_KEY, str(settings.CERTIFICATE_SIGNING_KEY_FILE))


def public_key() -> Ed25519PublicKey:
    return private_key().public_key()


def public_key_raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """A short stable id of a public key (first 8 bytes of its raw form, base64url)."""
    import hashlib

    return b64url(hashlib.sha256(public_key_raw(key)).digest()[:8])


def jwk(key: Ed25519PublicKey) -> dict:
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(public_key_raw(key)), "kid": key_id(key), "use": "sig"}


def public_key_from_jwk(data: dict) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(b64url_decode(data["x"]))


def sign(data: bytes) -> str:
    return b64url(private_key().sign(data))


def verify(*, key: Ed25519PublicKey, data: bytes, signature: str) -> bool:
    try:
        key.verify(b64url_decode(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def generate_private_key_text() -> str:
    """A new key as base64 of its 32 raw bytes (what CERTIFICATE_SIGNING_KEY holds)."""
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return base64.b64encode(raw).decode("ascii")


def ensure_key_file() -> bool:
    """For the embedded default: create the key file when no key is configured. True if created."""
    from django.conf import settings

    if settings.CERTIFICATE_SIGNING_KEY:
        return False
    path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generate_private_key_text() + "\n")
    path.chmod(0o600)
    _key_from.cache_clear()
    return True
