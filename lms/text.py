"""Comparing people's names as readers do: without case, accents or the letters of Fula (Pular).

Guinean names are written with or without Fula's hooked and extra letters (Ɓah / Bah, Ɗiallo /
Diallo) and with or without French accents (Kéïta / Keita). `fold` maps each such letter to the Latin
letter people type on a phone instead, so "Boubacar" matches "Ɓoubacar".
"""

from __future__ import annotations

import re
import unicodedata

# Fula letters (Guinean Pular orthography) → the letter typed on a keyboard without them.
FULA_TO_LATIN = str.maketrans(
    {
        "Ɓ": "B",
        "ɓ": "b",
        "Ɗ": "D",
        "ɗ": "d",
        "Ƴ": "Y",
        "ƴ": "y",
        "Ŋ": "N",
        "ŋ": "n",
        "Ɲ": "N",
        "ɲ": "n",
        "Ɛ": "E",
        "ɛ": "e",
        "Ɔ": "O",
        "ɔ": "o",
    }
)


def fold(text: str | None) -> str:
    """`"  Ɓoubacar  KÉÏTA "` → `"boubacar keita"`: case, accents, Fula letters and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(FULA_TO_LATIN).casefold())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


# In a username, Ɲ is spelled as it is said and written without the Fula letter: "ny" (Ɲɛlɛn → nyelen).
_NY = str.maketrans({"Ɲ": "Ny", "ɲ": "ny"})


def ascii_stem(text: str | None, *, separator: str = ".", default: str = "") -> str:
    """`"Fatoumata Ɓah"` → `"fatoumata.bah"`: `fold`, then every run of other characters becomes `separator`.

    For identifiers derived from a name (usernames): Django's `slugify` drops the letters it cannot
    read as ASCII, which made "Ɓah" the username "ah".
    """
    words = re.split(r"[^a-z0-9]+", fold((text or "").translate(_NY)))
    return separator.join(word for word in words if word) or default


def sort_key(text: str | None) -> tuple[str, str]:
    """Order names as a French reader does, on any database: "Kérouané" before "Kouroussa", "Sékou"
    before "Souleymane", "Ɓah" with the B's. Ties (same letters, other accents) fall back on the text."""
    return fold(text), text or ""


def matches(query: str | None, *texts: str | None) -> bool:
    """Whether `query` is found in any of `texts`, ignoring case, accents and Fula letters:
    "kei" finds "Keïta", "bah" finds "Ɓah"."""
    folded = fold(query)
    return any(folded in fold(text) for text in texts)
