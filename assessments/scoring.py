"""Scoring: pure functions, no database. The server is the only place answers are scored.

Each function takes a question's kind, key, accepted answers and points, and an answer as saved
(plain JSON), and returns the points earned (0 ≤ score ≤ points). Malformed answers score 0.

Partial credit:
- multiple response ("proportional", the default): (right choices − wrong choices) / number of
  correct options, never below 0 — ticking everything earns nothing;
  "all_or_nothing": full points only for exactly the correct set;
- matching: the share of pairs matched correctly;
- ordering: the share of items in their correct position.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def normalise_text(text: str) -> str:
    """Lower case, accents removed, inner spaces collapsed, outer spaces stripped.

    "  Traite des  Êtres humains " and "traite des etres humains" compare equal.
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(without_accents.casefold().split())


def _ids(value) -> list[str] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return value


def score_single(key: dict, answer, points: float) -> float:
    return float(points) if isinstance(answer, str) and answer == key.get("correct") else 0.0


def score_multiple(key: dict, answer, points: float) -> float:
    chosen = _ids(answer)
    correct = set(key.get("correct") or [])
    if chosen is None or not correct:
        return 0.0
    chosen_set = set(chosen)
    if key.get("partial") == "all_or_nothing":
        return float(points) if chosen_set == correct else 0.0
    right = len(chosen_set & correct)
    wrong = len(chosen_set - correct)
    return max(0.0, (right - wrong) / len(correct)) * points


def score_matching(key: dict, answer, points: float) -> float:
    pairs = key.get("pairs") or {}
    if not isinstance(answer, dict) or not pairs:
        return 0.0
    right = sum(1 for left, target in pairs.items() if answer.get(left) == target)
    return right / len(pairs) * points


def score_ordering(key: dict, answer, points: float) -> float:
    order = key.get("order") or []
    given = _ids(answer)
    if given is None or not order or sorted(given) != sorted(order):
        return 0.0
    right = sum(1 for position, item in enumerate(order) if given[position] == item)
    return right / len(order) * points


def score_short(accepted: Iterable[str], answer, points: float) -> float:
    if not isinstance(answer, str) or not answer.strip():
        return 0.0
    given = normalise_text(answer)
    return float(points) if any(given == normalise_text(option) for option in accepted) else 0.0


def score_answer(*, kind: str, key: dict, accepted: Iterable[str], answer, points: float) -> float:
    """Points earned by `answer` for a question of `kind` (see the module docstring)."""
    if answer is None:
        return 0.0
    if kind in ("single", "true_false"):
        return score_single(key, answer, points)
    if kind == "multiple":
        return score_multiple(key, answer, points)
    if kind == "matching":
        return score_matching(key, answer, points)
    if kind == "ordering":
        return score_ordering(key, answer, points)
    if kind == "short":
        return score_short(accepted, answer, points)
    raise ValueError(f"unknown question kind: {kind}")
