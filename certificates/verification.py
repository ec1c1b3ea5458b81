"""Checking a certificate from outside: by code against the database, or offline from the signed
data in its QR code's URL with nothing but public keys.

Both say the whole truth in the reader's language: which kind of certificate (completion or
participation: the kind is signed, so an edited heading on paper is caught), its status, its expiry;
and `ok` is true only for a genuine certificate that is valid today. Offline, revocation cannot be
known: the result says so.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from certificates import codes, signing
from certificates.models import Certificate, Kind


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


def _line(label: str, value) -> str:
    """ "Status: Valid" (French: "Statut : Valide", with the no-break space French puts before a colon)."""
    return _("%(label)s: %(value)s") % {"label": label, "value": value}


def _kind_label(kind: str) -> str:
    return str(Kind(kind).label) if kind in Kind.values else kind


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "j F Y")


def status_label(status: str) -> str:
    """The public status in words (valid, revoked, superseded, expired)."""
    labels = {**dict(Certificate.Status.choices), "expired": _("Expired")}
    return str(labels.get(status, status))


def check_online(text: str) -> Result:
    from certificates.selectors import certificate_by_code

    code = _code_from(text)
    certificate = certificate_by_code(code=code) if code else None
    if certificate is None:
        return Result(False, _("No certificate has this code."))
    status = certificate.public_status
    lines = [
        _line(_("Code"), certificate.grouped_code),
        _line(_("Certificate"), _kind_label(certificate.kind)),
        _line(_("Status"), status_label(status)),
        _line(_("Training"), certificate.title),
        _line(_("Issued on"), _day(timezone.localtime(certificate.issued_at).date())),
    ]
    if certificate.expires_at:
        lines.append(_line(_("Valid until"), _day(timezone.localtime(certificate.expires_at).date())))
    if status == "valid":
        return Result(True, _("Valid certificate"), lines)
    return Result(False, _("Not valid: %(status)s") % {"status": status_label(status)}, lines)


def _keys_from_file(path: str) -> list:
    """Every key of a JWK set file (as published at /.well-known/certificate-keys.json)."""
    try:
        data = json.loads(Path(path).read_text())
        return [signing.public_key_from_jwk(key) for key in data["keys"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValueError(_("%(path)s is not a key set (JSON with a list of keys).") % {"path": path}) from error


def check_offline(url: str, *, public_key_file: str | None = None, today: datetime.date | None = None) -> Result:
    """Accept a QR code URL only if its signed data verify with a public key and name its own code.

    Keys: those of `public_key_file` (a JWK set), else this platform's (current and retired). The
    signed data name their key (`kid`); data signed before keys had ids are tried with every key.
    """
    parts = urlsplit(url)
    code = _code_from(url)
    if code is None or "." not in parts.fragment:
        return Result(False, _("This is not a signed certificate URL."))
    data_b64, signature = parts.fragment.rsplit(".", 1)
    try:
        keys = _keys_from_file(public_key_file) if public_key_file else signing.public_keys()
    except ValueError as error:
        return Result(False, str(error))
    if not keys:
        return Result(False, _("No public key to check with: give the platform's key set with --public-key."))
    try:
        data = json.loads(signing.b64url_decode(data_b64))
        if not isinstance(data, dict):
            raise ValueError
    except ValueError:
        return Result(False, _("The signed data are damaged."))
    if data.get("kid"):
        key = signing.key_by_id(str(data["kid"]), keys)
        candidates = [key] if key is not None else []
    else:
        candidates = keys
    if not any(signing.verify(key=key, data=signing.canonical(data), signature=signature) for key in candidates):
        return Result(False, _("The signature does not match: the data were changed or not issued by us."))
    if data.get("c") != code:
        return Result(False, _("The code in the address does not match the signed code."))
    lines = [
        _line(_("Code"), codes.grouped(data["c"])),
        _line(_("Certificate"), _kind_label(str(data.get("k", "")))),
        _line(_("Name"), data["n"]),
        _line(_("Issued on"), _day(datetime.date.fromisoformat(data["i"]))),
    ]
    expires = datetime.date.fromisoformat(data["e"]) if data.get("e") else None
    if expires:
        lines.append(_line(_("Valid until"), _day(expires)))
    lines.append(_("Revocation cannot be known offline: check the code online to be sure."))
    if expires and expires <= (today or timezone.localdate()):
        return Result(False, _("Genuine but expired on %(date)s.") % {"date": _day(expires)}, lines)
    return Result(True, _("Genuine certificate, valid (signature checked offline)."), lines)
