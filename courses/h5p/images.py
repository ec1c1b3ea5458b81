"""Phone-sized copies of a package's large content images, made once at import (issue 17, item 5).

Real packages carry full-size photos (a 1 MB JPEG in a TrueFalse): on 2G that alone takes seconds.
A copy whose longest side is at most PHONE_SIDE pixels, in the same format (the player and the
MIME type expect the file's own extension), is stored beside the package under `.phone/` (a path no
package entry can take: entries starting with "." are skipped) and served in place of the original
to the player; the original is kept.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

PHONE_SIDE = 720  # pixels, longest side: sharp on a 360-px-wide phone at 2x (in portrait; landscape a little soft)
JPEG_QUALITY = 60  # with 720 px, about half the bytes of 960 px at 70: 2 s less on Regular 2G
MIN_BYTES = 100 * 1024  # smaller images are left alone
EXTENSIONS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
PHONE_FOLDER = ".phone"


def wants_copy(path: str, size: int) -> bool:
    extension = path.rsplit(".", 1)[-1].lower()
    return path.startswith("content/") and extension in EXTENSIONS and size >= MIN_BYTES


def too_large(size: tuple[int, int]) -> bool:
    """Whether an image of `size` (width, height) is beyond Pillow's decompression-bomb limit: decoding
    it for a copy would take hundreds of MB of the server's memory; such an image keeps its original."""
    limit = Image.MAX_IMAGE_PIXELS
    width, height = size
    return limit is not None and width * height > limit


def phone_copy(data: bytes, path: str) -> bytes | None:
    """A smaller copy of the image `data` (named `path`), or None when it would not be smaller."""
    image_format = EXTENSIONS[path.rsplit(".", 1)[-1].lower()]
    try:
        # Pillow only warns between 1x and 2x its bomb limit; here that warning refuses the image,
        # and the size read from the header is checked again before anything is decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format != image_format or too_large(image.size):
                    return None
                image.thumbnail((PHONE_SIDE, PHONE_SIDE))
                out = io.BytesIO()
                if image_format == "JPEG":
                    image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
                else:
                    image.save(out, "PNG", optimize=True)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    copy = out.getvalue()
    return copy if len(copy) < len(data) else None
