"""Verification codes: 65 random bits in Crockford base32, then one check character of the same alphabet.

Printed grouped by four (`7KQ4-M2XD-9BWE-H3`). Reading one back forgives what people get wrong when
they copy a code from paper or type it on a phone: case, hyphens and spaces, O for 0 and I or L for 1.

The check character is Luhn mod 32 over the alphabet: it catches every single mistyped character and
almost every swap of two neighbours, and it is always a letter or digit a phone keyboard offers. Codes
issued before it used Crockford's mod-37 check, whose symbols `* ~ $ = U` were hard to type and often
left out: those codes still verify, with or without their symbol.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_LENGTH = 13  # 13 × 5 = 65 bits
# Crockford's check symbols (codes issued before the Luhn check): the alphabet, then five extras.
_LEGACY_CHECK_SYMBOLS = ALPHABET + "*~$=U"
_LEGACY_EXTRA_SYMBOLS = _LEGACY_CHECK_SYMBOLS[len(ALPHABET) :]
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_symbol(data: str) -> str:
    """Luhn mod 32: from the right, every other value doubled (its base-32 digits added)."""
    base = len(ALPHABET)
    total = 0
    for position, char in enumerate(reversed(data)):
        value = ALPHABET.index(char)
        if position % 2 == 0:
            value *= 2
            value = value // base + value % base
        total += value
    return ALPHABET[(base - total % base) % base]


def _legacy_check_symbol(data: str) -> str:
    value = 0
    for char in data:
        value = value * 32 + ALPHABET.index(char)
    return _LEGACY_CHECK_SYMBOLS[value % 37]


def new_code() -> str:
    """A fresh code (14 characters of the alphabet, no hyphens)."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_LENGTH))
    return data + _check_symbol(data)


def grouped(code: str) -> str:
    """`7KQ4M2XD9BWEH3` → `7KQ4-M2XD-9BWE-H3`."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _cleaned(text: str) -> str | None:
    """The typed text without spaces and hyphens, upper-case, confusable letters read as digits; None if
    it has the wrong length or a character outside the alphabet (the check character aside)."""
    text = "".join(text.split()).replace("-", "").upper()
    if len(text) not in (DATA_LENGTH, DATA_LENGTH + 1):
        return None
    data = text[:DATA_LENGTH].translate(_CONFUSABLE)
    if any(char not in ALPHABET for char in data):
        return None
    check = text[DATA_LENGTH:]
    return data + (check if check in _LEGACY_EXTRA_SYMBOLS else check.translate(_CONFUSABLE))


def normalise(text: str) -> str | None:
    """The stored form of a typed or scanned code, or None when it cannot be one (a check that fails).

    Accepts today's codes, and earlier codes whose check symbol is one of `* ~ $ = U` with or without
    that symbol (people often left it out). Earlier codes whose check was a letter or digit are read by
    `normalise_earlier`.
    """
    text = _cleaned(text)
    if text is None:
        return None
    data, check = text[:DATA_LENGTH], text[DATA_LENGTH:]
    if not check:
        # An earlier code typed without its symbol: only a symbol outside the alphabet is ever left out.
        legacy = _legacy_check_symbol(data)
        return data + legacy if legacy in _LEGACY_EXTRA_SYMBOLS else None
    if check in _LEGACY_EXTRA_SYMBOLS:
        return text if _legacy_check_symbol(data) == check else None
    return text if _check_symbol(data) == check else None


def normalise_earlier(text: str) -> str | None:
    """An earlier code (Crockford's mod-37 check) whose check was a letter or digit, or None.

    Kept apart from `normalise` so that today's check stays strict: the caller tries this one only to
    look up a certificate issued before the change (a typo then finds no certificate, as it should).
    """
    text = _cleaned(text)
    if text is None or len(text) != DATA_LENGTH + 1:
        return None
    return text if _legacy_check_symbol(text[:DATA_LENGTH]) == text[DATA_LENGTH:] else None


def read(text: str) -> str | None:
    """What every reader of a typed, scanned or linked code uses: today's codes, then earlier ones."""
    return normalise(text) or normalise_earlier(text)
