"""The one exception a refused package raises."""

from __future__ import annotations


class PackageError(Exception):
    """A package was refused, or could not be extracted.

    `code` is stable and meant for programs (tests, logs, API clients); `message` is translated,
    meant for the person who uploaded the package, and names the offending file when there is one.
    """

    def __init__(self, code: str, message: object, *, path: str | None = None) -> None:
        self.code = code
        self.message = str(message)
        self.path = path
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"PackageError({self.code!r}, {self.message!r})"
