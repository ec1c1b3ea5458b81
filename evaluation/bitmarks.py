"""The item histograms of the report from per-attempt bit masks: one pass over the responses.

The database reads each matched attempt's responses once and returns, per attempt and non-zero
mark, a mask of the items that got that mark (SUM of a power of two per question, from `layout`'s
bit of the question's (module, reference)): for right/wrong items, one row per attempt instead of
one per (attempt, item). An item missing from an attempt's masks got 0 (unanswered or wrong).

Python then counts, per form, (mark, attempt total) for every item, and per module and pair of
forms, (pre mark, post mark) for every item, without a loop over (attempt, item): masks are spread
into 32-bit lanes, one per item (`_spread`), and added as integers, so one addition counts an
attempt for every item at once. The results have aggregates.ItemCounts' shapes, and tests compare
the report computed from them with the oracle's per-trainee statistics to 1e-9.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from assessments.models import Test

# A question's bit within its SQL word: SUM of at most WORD distinct powers of two stays an int4.
WORD = 30
LANE = 32
_LANE_MASK = (1 << LANE) - 1
_CHUNK = 10
_CHUNK_MASK = (1 << _CHUNK) - 1
# Each 10-bit chunk of a mask, spread one bit per 32-bit lane.
_SPREAD = [sum(1 << (LANE * j) for j in range(_CHUNK) if chunk >> j & 1) for chunk in range(1 << _CHUNK)]


def _spread(mask: int) -> int:
    """Bit j of `mask` becomes lane j (0 or 1): adding spread masks counts each bit separately."""
    result = shift = 0
    while mask:
        result |= _SPREAD[mask & _CHUNK_MASK] << shift
        mask >>= _CHUNK
        shift += _CHUNK * LANE
    return result


def _lane(lanes: int, index: int) -> int:
    return (lanes >> (LANE * index)) & _LANE_MASK


@dataclass(frozen=True)
class Layout:
    """Bit positions: a module's references take consecutive bits from `base[course]` (sorted)."""

    bits: dict[tuple[int, str], int]  # (course, reference) → bit within its module
    base: dict[int, int]  # course → its first bit (global)
    form_masks: dict[int, int]  # form → its items' bits within its module
    questions: list[tuple[int, int, int]]  # (question id, word, 2 ** bit within the word)


def layout(forms: dict, versions: dict[tuple[int, str], list[int]]) -> Layout:
    """Bits for every (module, reference) of the forms and question versions in scope."""
    references: dict[int, set[str]] = defaultdict(set)
    for course_id, reference in versions:
        references[course_id].add(reference)
    for form in forms.values():
        references[form.course_id].update(form.references)
    bits, base, start = {}, {}, 0
    for course_id in sorted(references):
        base[course_id] = start
        for local, reference in enumerate(sorted(references[course_id])):
            bits[(course_id, reference)] = local
        start += len(references[course_id])
    form_masks = {
        form.form_id: sum(1 << bits[(form.course_id, reference)] for reference in set(form.references))
        for form in forms.values()
    }
    questions = []
    for key, ids in versions.items():
        position = base[key[0]] + bits[key]
        questions += [(question_id, position // WORD, 1 << (position % WORD)) for question_id in ids]
    return Layout(bits, base, form_masks, questions)


def attempt_masks(rows, forms: dict, plan: Layout) -> dict[tuple, list[tuple[float, int, int]]]:
    """{(user, pre form, post form, kind): [(mark, items' bits within the module, those bits
    spread)]} from the rows (user, pre form, post form, kind, mark, word, mask); a mark-less row is
    an attempt with none. Bits of items not on the attempt's form are dropped."""
    raw: dict[tuple, dict[float, int]] = {}
    for user_id, pre_form, post_form, kind, mark, word, mask in rows:
        marks = raw.setdefault((user_id, pre_form, post_form, kind), {})
        if mark is not None:
            marks[mark] = marks.get(mark, 0) | (int(mask) << (WORD * int(word)))
    attempts: dict[tuple, list[tuple[float, int, int]]] = {}
    for key, marks in raw.items():
        form = forms.get(key[1] if key[3] == Test.Kind.PRE else key[2])
        kept = attempts[key] = []
        if form is None:
            continue
        shift, keep = plan.base[form.course_id], plan.form_masks[form.form_id]
        for mark, mask in marks.items():
            if bits := (mask >> shift) & keep:
                kept.append((mark, bits, _spread(bits)))
    return attempts


def form_counts(attempts: dict, forms: dict, plan: Layout) -> dict[int, dict[str, list[tuple[float, float, int]]]]:
    """ItemCounts.forms: per form and item, (mark, total − mark, attempts), 0 for a missing mark."""
    sizes: dict[tuple[int, float], int] = defaultdict(int)
    lanes: dict[tuple[int, float, float], int] = defaultdict(int)
    for (_user, pre_form, post_form, kind), marks in attempts.items():
        form_id = pre_form if kind == Test.Kind.PRE else post_form
        if form_id not in forms:
            continue
        total = 0.0
        for mark, mask, _spread_mask in marks:
            total += mark * mask.bit_count()
        sizes[(form_id, total)] += 1
        for mark, _mask, spread in marks:
            lanes[(form_id, total, mark)] += spread
    by_total: dict[int, dict[float, list[tuple[float, int]]]] = defaultdict(lambda: defaultdict(list))
    for (form_id, total, mark), counted in lanes.items():
        by_total[form_id][total].append((mark, counted))
    result: dict[int, dict[str, list[tuple[float, float, int]]]] = {}
    for (form_id, total), n in sizes.items():
        form = forms[form_id]
        items = result.setdefault(form_id, {reference: [] for reference in form.references})
        for reference in items:
            bit, rest = plan.bits[(form.course_id, reference)], n
            for mark, counted in by_total[form_id][total]:
                if count := _lane(counted, bit):
                    items[reference].append((mark, total - mark, count))
                    rest -= count
            if rest:
                items[reference].append((0.0, total, rest))
    return result


def _pair_lanes(attempts: dict) -> dict[tuple, int]:
    """{(pre form, post form, pre mark, post mark): spread counts} over matched trainees, non-zero
    marks on at least one side: the mark alone on one side is that side's spread minus the items
    it shares with a non-zero mark on the other."""
    lanes: dict[tuple, int] = defaultdict(int)
    for (user_id, pre_form, post_form, kind), before in attempts.items():
        if kind != Test.Kind.PRE:
            continue
        after = attempts.get((user_id, pre_form, post_form, Test.Kind.POST), ())
        alone_after = [spread for _mark, _mask, spread in after]
        for x_pre, pre_mask, alone in before:
            for index, (x_post, post_mask, _spread_post) in enumerate(after):
                if both := pre_mask & post_mask:
                    shared = _spread(both)
                    lanes[(pre_form, post_form, x_pre, x_post)] += shared
                    alone -= shared
                    alone_after[index] -= shared
            lanes[(pre_form, post_form, x_pre, 0.0)] += alone
        for (x_post, _mask, _spread_post), alone in zip(after, alone_after, strict=True):
            lanes[(pre_form, post_form, 0.0, x_post)] += alone
    return lanes


def pair_counts(attempts: dict, forms: dict, plan: Layout, scores: list) -> list[tuple]:
    """ItemCounts.pairs: per module, pair of forms and item, (pre mark, post mark) over matched
    trainees; a mark absent on a side (not on its form, unanswered or wrong) is 0."""
    combinations: dict[tuple[int, int, int], int] = defaultdict(int)
    for course_id, pre_form, post_form, *_scores, n, _synthetic in scores:
        combinations[(course_id, pre_form, post_form)] += n
    by_forms: dict[tuple[int, int], list[tuple[float, float, int]]] = defaultdict(list)
    for (pre_form, post_form, x_pre, x_post), counted in _pair_lanes(attempts).items():
        by_forms[(pre_form, post_form)].append((x_pre, x_post, counted))
    rows = []
    for (course_id, pre_form, post_form), n in combinations.items():
        before, after = (forms[f].references if f in forms else () for f in (pre_form, post_form))
        for reference in dict.fromkeys((*before, *after)):
            bit, rest = plan.bits[(course_id, reference)], n
            key = (course_id, pre_form, post_form, reference, reference in before)
            for x_pre, x_post, counted in by_forms[(pre_form, post_form)]:
                if count := _lane(counted, bit):
                    rows.append((*key, x_pre, reference in after, x_post, count))
                    rest -= count
            if rest:
                rows.append((*key, 0.0, reference in after, 0.0, rest))
    return rows
