"""Comparing people's names as readers do: without case, accents or the letters of Fula (Pular).

Guinean names are written with or without Fula's hooked and extra letters (Ɓah / Bah, Ɗiallo /
Diallo) and with or without French accents (Kéïta / Keita). `fold` maps each such letter to the Latin
letter people type on a phone instead, so "Boubacar" matches "Ɓoubacar".
"""

from __future__ import annotations

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


def fold(text: str) -> str:
    """`"  Ɓoubacar  KÉÏTA "` → `"boubacar keita"`: case, accents, Fula letters and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FULA_TO_LATIN).casefold())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())
