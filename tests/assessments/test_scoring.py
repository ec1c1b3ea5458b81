"""Scoring is pure: each kind, partial credit, and malformed answers."""

import pytest

from assessments.scoring import normalise_text, score_answer


@pytest.mark.parametrize(
    ("kind", "key", "answer", "points", "expected"),
    [
        ("single", {"correct": "b"}, "b", 1, 1),
        ("single", {"correct": "b"}, "a", 1, 0),
        ("single", {"correct": "b"}, ["b"], 1, 0),
        ("true_false", {"correct": "false"}, "false", 1, 1),
        ("multiple", {"correct": ["a", "c"]}, ["a", "c"], 2, 2),
        ("multiple", {"correct": ["a", "c"]}, ["a"], 2, 1),
        ("multiple", {"correct": ["a", "c"]}, ["a", "b"], 2, 0),
        ("multiple", {"correct": ["a", "c"]}, ["a", "b", "c", "d"], 2, 0),  # ticking everything earns nothing
        ("multiple", {"correct": ["a", "c"], "partial": "all_or_nothing"}, ["a"], 2, 0),
        ("multiple", {"correct": ["a", "c"]}, "a", 2, 0),
        ("matching", {"pairs": {"1": "b", "2": "a"}}, {"1": "b", "2": "a"}, 2, 2),
        ("matching", {"pairs": {"1": "b", "2": "a"}}, {"1": "b", "2": "c"}, 2, 1),
        ("matching", {"pairs": {"1": "b", "2": "a"}}, ["b", "a"], 2, 0),
        ("ordering", {"order": ["c", "a", "b"]}, ["c", "a", "b"], 2, 2),
        ("ordering", {"order": ["c", "a", "b"]}, ["c", "b", "a"], 3, 1),
        ("ordering", {"order": ["c", "a", "b"]}, ["c", "a"], 2, 0),
        ("ordering", {"order": ["c", "a", "b"]}, ["c", "a", "a"], 2, 0),
    ],
)
def test_score_by_kind(kind, key, answer, points, expected):
    assert score_answer(kind=kind, key=key, accepted=[], answer=answer, points=points) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(" Finalité ", 1), ("FINALITE", 1), ("but  d'exploitation", 1), ("finalités", 0), ("", 0), (None, 0), (3, 0)],
)
def test_short_answers_ignore_case_accents_and_spaces(answer, expected):
    assert (
        score_answer(kind="short", key={}, accepted=["finalité", "but d'exploitation"], answer=answer, points=1)
        == expected
    )


def test_normalise_text():
    assert normalise_text("  Traite des  Êtres humains ") == "traite des etres humains"


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        score_answer(kind="essay", key={}, accepted=[], answer="x", points=1)
