"""The platform's Ed25519 keys: signing certificates with the current key, publishing every key.

The current private key comes from settings: CERTIFICATE_SIGNING_KEY (base64 of the 32-byte raw key, or
a PEM) or else the first line of the file at CERTIFICATE_SIGNING_KEY_FILE (written by `manage.py
certificate_keys`). Keys retired by a rotation keep verifying what they signed: the key file's
`retired <x>` lines (x: the raw public key, base64url, as in a JWK) and CERTIFICATE_RETIRED_KEYS
(the same x values, comma-separated) list them. Verification needs only public keys, so it runs
offline; the signed data name their key (`kid`), and every key, current and retired, is published.
"""

from __future__ import annotations

import base64
import json
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.utils.translation import gettext as _


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
            raise KeyMissing(_("CERTIFICATE_SIGNING_KEY is not an Ed25519 key."))
        return key
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text))


RETIRED = "retired"


def _file_lines(path: str) -> list[str]:
    return [line.strip() for line in Path(path).read_text().splitlines() if line.strip()]


@lru_cache(maxsize=8)
def _ring(text: str, path: str, retired_setting: str, _stamp: float) -> tuple[Ed25519PrivateKey | None, tuple]:
    """(current private key or None, retired public keys) — cached per file version (`_stamp`), so a
    rotation made by another process is seen at once."""
    current = None
    retired: list[Ed25519PublicKey] = []
    lines = _file_lines(path) if path and Path(path).exists() else []
    if text:
        current = load_private_key(text)
    elif lines and not lines[0].startswith(RETIRED):
        current = load_private_key(lines[0])
    for line in lines:
        if line.startswith(RETIRED):
            retired.append(Ed25519PublicKey.from_public_bytes(b64url_decode(line.split()[1])))
    for value in filter(None, (part.strip() for part in retired_setting.split(","))):
        retired.append(Ed25519PublicKey.from_public_bytes(b64url_decode(value)))
    return current, tuple(retired)


def _configured_ring() -> tuple[Ed25519PrivateKey | None, tuple]:
    from django.conf import settings

    path = str(settings.CERTIFICATE_SIGNING_KEY_FILE)
    stamp = Path(path).stat().st_mtime_ns if path and Path(path).exists() else 0
    return _ring(settings.CERTIFICATE_SIGNING_KEY, path, getattr(settings, "CERTIFICATE_RETIRED_KEYS", ""), stamp)


def private_key() -> Ed25519PrivateKey:
    current, _retired = _configured_ring()
    if current is None:
        raise KeyMissing("No certificate signing key: set CERTIFICATE_SIGNING_KEY or run `manage.py certificate_keys`.")
    return current


def public_key() -> Ed25519PublicKey:
    """The current key (the one that signs new certificates)."""
    return private_key().public_key()


def public_keys() -> list[Ed25519PublicKey]:
    """Every key that verifies: the current one first (when configured), then the retired ones."""
    current, retired = _configured_ring()
    return ([current.public_key()] if current is not None else []) + list(retired)


def key_by_id(kid: str, keys: list[Ed25519PublicKey] | None = None) -> Ed25519PublicKey | None:
    return next((key for key in (public_keys() if keys is None else keys) if key_id(key) == kid), None)


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


def _write_key_file(path: Path, lines: list[str]) -> None:
    """Replace the key file at once (a reader never sees half a file), readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".new")
    temporary.write_text("".join(f"{line}\n" for line in lines))
    temporary.chmod(0o600)
    temporary.replace(path)


def ensure_key_file(*, certificates_exist: bool = False) -> bool:
    """For the embedded default: create the key file when no key is configured. True if created.

    Refuses (KeyMissing) once certificates exist: a new key would make every genuine certificate fail
    its check. The key must then be restored from the backup (`make backup` keeps it).
    """
    from django.conf import settings

    if settings.CERTIFICATE_SIGNING_KEY:
        return False
    path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
    if path.exists():
        return False
    if certificates_exist:
        raise KeyMissing(
            _(
                "Certificates exist but their signing key is missing (%(path)s). Restore it from the backup "
                "(make restore puts it back): a new key would make every issued certificate fail its check."
            )
            % {"path": path}
        )
    _write_key_file(path, [generate_private_key_text()])
    return True


def rotate() -> Ed25519PublicKey:
    """A new current key in the key file; the previous one is kept as retired (public part only).

    Certificates signed before keep verifying online and offline (the key set publishes both keys).
    """
    from django.conf import settings

    if settings.CERTIFICATE_SIGNING_KEY:
        raise KeyMissing(
            _(
                "The key comes from CERTIFICATE_SIGNING_KEY: put a new key there (certificate_keys --print) and "
                "add the old key's public part (the x of its entry in /.well-known/certificate-keys.json) to "
                "CERTIFICATE_RETIRED_KEYS."
            )
        )
    path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
    old = private_key()
    lines = _file_lines(str(path))
    new_text = generate_private_key_text()
    retired = [f"{RETIRED} {b64url(public_key_raw(old.public_key()))}"]
    _write_key_file(path, [new_text, *retired, *(line for line in lines[1:] if line.startswith(RETIRED))])
    return load_private_key(new_text).public_key()
