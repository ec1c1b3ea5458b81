"""Suppression of small groups in a breakdown shown beside its total (pure, no query).

Primary: a row of 1 to min_group - 1 people shows no number. Secondary: while the hidden rows (plus
the people in the total who are on no row) add up to 1 to min_group - 1, the smallest row still
shown is hidden too; otherwise the total minus the shown rows gives those few people's count.
Used by the evaluation report (evaluation.report) and both programme dashboards.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def suppressed_rows(
    sizes: Mapping[K, int],
    *,
    min_group: int,
    refused: Iterable[K] = (),
    unlisted: int = 0,
    left: Callable[[set[K]], int] | None = None,
) -> set[K]:
    """The keys of `sizes` whose row shows no number.

    `refused`: keys hidden whatever their size (another rule refused them); `unlisted`: people in the
    shown total who are on no row (they count as hidden). Empty rows are shown (0 is no one) and are
    never hidden as secondaries, which would protect nothing. `left(hidden)`: what the total minus
    the rows not in `hidden` gives, where rows overlap (one person on two rows); by default
    `unlisted` plus the hidden rows' sizes.
    """
    if left is None:
        left = lambda hidden: unlisted + sum(sizes[key] for key in hidden)  # noqa: E731
    refused = set(refused)
    hidden = {key for key, n in sizes.items() if 0 < n < min_group or key in refused}
    visible = sorted((key for key in sizes if key not in hidden and sizes[key] > 0), key=lambda k: (sizes[k], str(k)))
    while visible and 0 < left(hidden) < min_group:
        hidden.add(visible.pop(0))
    return hidden
