"""The home-screen icons of the installable site, drawn here (no image is taken from elsewhere).

A phone with a tick on its screen, white on the site's blue: "the tests on this phone". The drawing
keeps to the middle 70 % so that a launcher's round or rounded-square mask never cuts it. The PNGs in
lms/static/lms/icons/ are this drawing; redraw them with `python -m lms.icons` after changing it
(tests/field/test_installable.py checks they match).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BLUE, WHITE = (11, 93, 143), (255, 255, 255)
SIZES = (192, 512)
FOLDER = Path(__file__).resolve().parent / "static" / "lms" / "icons"
SUPERSAMPLE = 4  # drawn four times larger, then reduced: smooth edges without an anti-aliasing library


def draw_icon(size: int) -> Image.Image:
    """The icon at `size` × `size` pixels, as a 16-colour palette image (a few hundred bytes as PNG)."""
    big = size * SUPERSAMPLE
    image = Image.new("RGB", (big, big), BLUE)
    pen = ImageDraw.Draw(image)

    def box(left: float, top: float, right: float, bottom: float) -> tuple[int, int, int, int]:
        return (round(left * big), round(top * big), round(right * big), round(bottom * big))

    # The phone: a white body, a blue screen, a small white button under it.
    pen.rounded_rectangle(box(0.31, 0.17, 0.69, 0.83), radius=round(0.06 * big), fill=WHITE)
    pen.rectangle(box(0.345, 0.24, 0.655, 0.70), fill=BLUE)
    pen.ellipse(box(0.475, 0.735, 0.525, 0.785), fill=BLUE)
    # The tick on the screen.
    width = round(0.045 * big)
    points = [(0.40 * big, 0.47 * big), (0.47 * big, 0.55 * big), (0.61 * big, 0.38 * big)]
    pen.line(points, fill=WHITE, width=width, joint="curve")
    for x, y in (points[0], points[-1]):
        pen.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=WHITE)
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    return small.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def icon_path(size: int) -> Path:
    return FOLDER / f"icon-{size}.png"


def write_icons() -> list[Path]:
    """Redraw every icon into lms/static/lms/icons/."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    paths = []
    for size in SIZES:
        draw_icon(size).save(icon_path(size), optimize=True)
        paths.append(icon_path(size))
    return paths


if __name__ == "__main__":
    for path in write_icons():
        print(path, path.stat().st_size, "bytes")
