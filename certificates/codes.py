"""Verification codes: 65 random bits in Crockford base32 with Crockford's check symbol.

Printed grouped by four (`7KQ4-M2XD-9BWE-H3`). Reading one back forgives what people get wrong when
they copy a code from paper: case, hyphens and spaces, O for 0 and I or L for 1.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_SYMBOLS = ALPHABET + "*~$=U"
DATA_LENGTH = 13  # 13 × 5 = 65 bits
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_symbol(data: str) -> str:
    value = 0
    for char in data:
        value = value * 32 + ALPHABET.index(char)
    return CHECK_SYMBOLS[value % 37]


def new_code() -> str:
    """A fresh code (14 symbols, no hyphens)."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_LENGTH))
    return data + _check_symbol(data)


def grouped(code: str) -> str:
    """`7KQ4M2XD9BWEH3` → `7KQ4-M2XD-9BWE-H3`."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(text: str) -> str | None:
    """The stored form of a typed or scanned code, or None when it cannot be one (bad check symbol)."""
    text = "".join(text.split()).replace("-", "").upper()
    if len(text) != DATA_LENGTH + 1:
        return None
    data, check = text[:DATA_LENGTH].translate(_CONFUSABLE), text[DATA_LENGTH:]
    if check in "OIL":
        check = check.translate(_CONFUSABLE)
    if any(char not in ALPHABET for char in data) or check not in CHECK_SYMBOLS:
        return None
    if _check_symbol(data) != check:
        return None
    return data + check
