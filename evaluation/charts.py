"""Server-rendered SVG charts for the report: no chart library reaches the browser.

Each function returns a small SVG (tested to stay under 8 KB) with a <title>; the page puts a text
description and a table next to each chart. Coordinates are rounded to whole pixels to keep bytes
down; colours come from CSS classes in evaluation/static/evaluation/evaluation.css.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    return mark_safe(  # noqa: S308 - every text below goes through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" role="img">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", css: str = "") -> str:
    extra = f' class="{css}"' if css else ""
    return f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def slope_chart(
    lines: Sequence[tuple[str, float, float]], *, title: str, pre_label: str, post_label: str
) -> SafeString:
    """Mean pre % → mean post % per group (first line is the whole set, drawn thicker)."""
    width, height, top, bottom, left, right = 340, 240, 20, 210, 40, 150

    def y(percent: float) -> float:
        return bottom - (bottom - top) * percent / 100

    body = [
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" class="axis"/>',
        f'<line x1="{right}" y1="{top}" x2="{right}" y2="{bottom}" class="axis"/>',
        _text(left, height - 8, pre_label, "middle"),
        _text(right, height - 8, post_label, "middle"),
    ]
    for tick in (0, 50, 100):
        body.append(_text(left - 6, y(tick) + 4, f"{tick}", "end", "tick"))
    for index, (_label, pre, post) in enumerate(lines):
        css = "line main" if index == 0 else f"line s{index % 6}"
        body.append(f'<line x1="{left}" y1="{y(pre):.0f}" x2="{right}" y2="{y(post):.0f}" class="{css}"/>')
    # Labels at the right, pushed apart so that groups ending close together stay readable.
    placed: list[float] = []
    for index in sorted(range(len(lines)), key=lambda i: -lines[i][2]):
        label, _pre, post = lines[index]
        label_y = y(post) + 4
        if placed and label_y < placed[-1] + 12:
            label_y = placed[-1] + 12
        placed.append(label_y)
        css = "tick strong" if index == 0 else "tick"
        body.append(_text(right + 6, label_y, f"{label[:22]} {post:.0f}", css=css))
    return _svg(width, max(height, int(placed[-1]) + 6 if placed else height), title, body)


def scatter_chart(
    points: Sequence[tuple[float, float]], *, title: str, x_label: str, y_label: str, bins: int = 10
) -> SafeString:
    """Pre % (x) against post % (y), binned into a bins × bins grid (circle area ∝ trainees), with y = x."""
    size, margin = 240, 34
    scale = (size - margin - 10) / 100
    cells = Counter(
        (min(int(pre // (100 / bins)), bins - 1), min(int(post // (100 / bins)), bins - 1)) for pre, post in points
    )
    largest = max(cells.values(), default=1)
    mid = (size - margin) / 2
    step = 100 / bins
    body = [
        f'<rect x="{margin}" y="10" width="{size - margin - 10}" height="{size - margin - 10}" class="frame"/>',
        f'<line x1="{margin}" y1="{size - margin}" x2="{size - 10}" y2="10" class="identity"/>',
        _text(margin + (size - margin) / 2, size - 4, x_label, "middle"),
        f'<text x="10" y="{mid:.0f}" text-anchor="middle" transform="rotate(-90 10 {mid:.0f})">'
        + f"{escape(y_label)}</text>",
    ]
    for tick in (0, 50, 100):
        body.append(_text(margin + tick * scale, size - margin + 14, f"{tick}", "middle", "tick"))
        body.append(_text(margin - 4, size - margin - tick * scale + 4, f"{tick}", "end", "tick"))
    for (i, j), count in sorted(cells.items()):
        cx = margin + (i + 0.5) * step * scale
        cy = size - margin - (j + 0.5) * step * scale
        radius = 1.5 + 9 * (count / largest) ** 0.5
        body.append(f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="{radius:.1f}" class="dot"/>')
    return _svg(size, size, title, body)


def gain_distribution_chart(
    groups: Sequence[tuple[str, Sequence[float]]], *, title: str, axis_label: str
) -> SafeString:
    """Box plots of gains in percentage points per group (−100 … +100): range, quartiles, median."""
    row, left, right = 28, 150, 322
    height = 36 + row * len(groups)

    def x(points: float) -> float:
        return left + (right - left) * (points + 100) / 200

    body = [
        f'<line x1="{x(0):.0f}" y1="6" x2="{x(0):.0f}" y2="{height - 26}" class="axis"/>',
        _text((left + right) / 2, height - 4, axis_label, "middle"),
    ]
    for tick in (-100, -50, 0, 50, 100):
        body.append(_text(x(tick), height - 16, f"{tick:+d}" if tick else "0", "middle", "tick"))
    for index, (label, gains) in enumerate(groups):
        middle = 16 + index * row
        body.append(_text(left - 6, middle + 4, label if len(label) <= 24 else label[:23] + "…", "end", "tick"))
        if len(gains) < 2:
            continue
        q1, median, q3 = statistics.quantiles(gains, n=4, method="inclusive")
        body.append(
            f'<line x1="{x(min(gains)):.0f}" y1="{middle}" x2="{x(max(gains)):.0f}" y2="{middle}" class="whisker"/>'
            f'<rect x="{x(q1):.0f}" y="{middle - 8}" width="{max(x(q3) - x(q1), 1):.0f}" height="16" class="box"/>'
            f'<line x1="{x(median):.0f}" y1="{middle - 8}" x2="{x(median):.0f}" y2="{middle + 8}" class="median"/>'
        )
    return _svg(340, height, title, body)


def item_bars_chart(
    items: Sequence[tuple[str, float | None, float | None]], *, title: str, pre_label: str, post_label: str
) -> SafeString:
    """Facility before and after per item, as paired horizontal bars (0 … 100 %)."""
    row, left, right = 18, 64, 318
    height = 40 + row * len(items)

    def width(facility: float | None) -> float:
        return (right - left) * (facility or 0)

    body = [
        f'<rect x="{left}" y="4" width="10" height="8" class="pre"/>',
        _text(left + 14, 12, pre_label, css="tick"),
        f'<rect x="{left + 110}" y="4" width="10" height="8" class="post"/>',
        _text(left + 124, 12, post_label, css="tick"),
    ]
    for index, (reference, pre, post) in enumerate(items):
        top = 20 + index * row
        body.append(_text(left - 4, top + 12, reference, "end", "tick"))
        body.append(f'<rect x="{left}" y="{top}" width="{width(pre):.0f}" height="7" class="pre"/>')
        body.append(f'<rect x="{left}" y="{top + 8}" width="{width(post):.0f}" height="7" class="post"/>')
    for tick in (0, 50, 100):
        tick_x = left + (right - left) * tick / 100
        body.append(_text(tick_x, height - 6, f"{tick} %", "middle", "tick"))
    return _svg(340, height, title, body)
