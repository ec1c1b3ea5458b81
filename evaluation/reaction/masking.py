"""Mask phone numbers and people's names in free text before anyone reads it (pure, no database).

Phone numbers: Guinean ones in every usual writing (+224 6xx xx xx xx, 00224 6xxxxxxxx, 6xxxxxxxx,
6xx.xx.xx.xx, 6xx-xx-xx-xx, fixed lines 30 xx xx xx) and, to be safe, any other run of at least eight
digits that separators (spaces, dots, dashes, brackets) hold together: a foreign number must not pass
because it is foreign. Names: every word of the given names (first names, last names, usernames),
whole words only, ignoring case and accents, so « diallo », « DIALLO » and « Diallo » are all masked and
« Camara » in « Camarade » is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

PHONE_MASK = "[…]"
NAME_MASK = "[…]"

# An optional international prefix (+224, 00224, or any +country code), then at least eight digits
# with separators between them; never glued to a letter or another digit.
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:\(?(?:\+|00)\s*\d{1,3}\)?[\s.\-]*(?:\(0\)[\s.\-]*)?)?"
    r"\(?\d(?:[\s.\-()]{0,2}\d){7,}"
    r"(?!\w)"
)
_WORD = re.compile(r"\w+")
# Name parts shorter than this are too likely to be ordinary words (« de », « Ba » is kept: 2 letters).
_SHORTEST_NAME = 2


def _fold(text: str) -> str:
    """Lower case without accents: « Aïssatou » and « aissatou » fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The folded words of people's names ("Mamadou Aliou Diallo", "m.diallo") to mask."""
    words = set()
    for name in names:
        for word in _WORD.findall(name or ""):
            if len(word) >= _SHORTEST_NAME and not word.isdigit():
                words.add(_fold(word))
    return frozenset(words)


def mask_phones(text: str) -> str:
    return _PHONE.sub(PHONE_MASK, text)


def mask_text(text: str, *, names: Iterable[str] = ()) -> str:
    """`text` with phone numbers and the words of `names` replaced by a mask."""
    text = mask_phones(text or "")
    words = names if isinstance(names, frozenset) else name_words(names)
    if not words:
        return text
    return _WORD.sub(lambda match: NAME_MASK if _fold(match.group()) in words else match.group(), text)
