"""Checking a certificate from outside: by code against the database, or offline from the signed
data in its QR code's URL with nothing but the public key."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from certificates import codes, signing


@dataclass
class Result:
    ok: bool
    summary: str
    lines: list[str] = field(default_factory=list)


def _code_from(text: str) -> str | None:
    if "://" in text or text.startswith("/"):
        parts = [p for p in urlsplit(text).path.split("/") if p]
        text = unquote(parts[-1]) if parts else ""
    return codes.read(text)


def check_online(text: str) -> Result:
    from certificates.selectors import certificate_by_code

    code = _code_from(text)
    certificate = certificate_by_code(code=code) if code else None
    if certificate is None:
        return Result(False, _("No certificate has this code."))
    status = certificate.public_status
    lines = [
        f"{_('Code')}: {certificate.grouped_code}",
        f"{_('Status')}: {status}",
        f"{_('Training')}: {certificate.title}",
        f"{_('Issued on')}: {certificate.issued_at.date().isoformat()}",
    ]
    return Result(status == "valid", _("Valid certificate") if status == "valid" else status, lines)


def check_offline(url: str, *, public_key_file: str | None = None) -> Result:
    """Accept a QR code URL only if its signed data verify with the public key and name its own code."""
    parts = urlsplit(url)
    code = _code_from(url)
    if code is None or "." not in parts.fragment:
        return Result(False, _("This is not a signed certificate URL."))
    data_b64, signature = parts.fragment.rsplit(".", 1)
    if public_key_file:
        key = signing.public_key_from_jwk(json.loads(Path(public_key_file).read_text())["keys"][0])
    else:
        key = signing.public_key()
    try:
        raw = signing.b64url_decode(data_b64)
        data = json.loads(raw)
    except ValueError:
        return Result(False, _("The signed data are damaged."))
    if not signing.verify(key=key, data=signing.canonical(data), signature=signature):
        return Result(False, _("The signature does not match: the data were changed or not issued by us."))
    if data.get("c") != code:
        return Result(False, _("The code in the address does not match the signed code."))
    lines = [
        f"{_('Code')}: {codes.grouped(data['c'])}",
        f"{_('Name')}: {data['n']}",
        f"{_('Issued on')}: {data['i']}",
    ]
    if data.get("e"):
        lines.append(f"{_('Valid until')}: {data['e']}")
    return Result(True, _("Genuine certificate (signature checked offline; revocation needs the online check)."), lines)
