"""What an `.h5p` package may contain: size limits and the file-extension allow-lists of H5P core."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class PackageLimits:
    """Ceilings a package must stay under. Sizes are in bytes, uncompressed unless stated."""

    max_entries: int = 2000
    max_file_size: int = 50 * MiB  # uncompressed, per file
    max_total_size: int = 200 * MiB  # uncompressed, all files together
    max_ratio: float = 100.0  # uncompressed/compressed, per entry (zip bomb)
    ratio_threshold: int = 1024  # entries up to this uncompressed size are too small to be a bomb
    max_package_size: int = 100 * MiB  # the .h5p file itself


DEFAULT_LIMITS = PackageLimits()

# H5P core's default content whitelist (H5PCore::$defaultContentWhitelist, plus gltf/glb), in its own notation.
H5P_CONTENT_WHITELIST = (
    "json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf doc docx "
    "xls xlsx ppt pptx odt ods odp xml csv diff patch swf md textile vtt webvtt gltf glb"
)
# H5P core's library whitelist adds scripts and styles.
H5P_LIBRARY_WHITELIST_EXTRAS = "js css"

CONTENT_EXTENSIONS: frozenset[str] = frozenset(H5P_CONTENT_WHITELIST.split())
LIBRARY_EXTENSIONS: frozenset[str] = CONTENT_EXTENSIONS | frozenset(H5P_LIBRARY_WHITELIST_EXTRAS.split())

# Refused anywhere in a file name, even hidden before an allowed extension ("evil.php.png"),
# because some web servers execute or render such files.
FORBIDDEN_EXTENSIONS: frozenset[str] = frozenset(
    {"php", "php3", "php4", "php5", "php7", "phps", "pht", "phtml", "phar", "html", "htm", "xhtml", "shtml", "htaccess"}
)
