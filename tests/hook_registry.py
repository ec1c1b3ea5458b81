"""Replacing what is registered under a Wagtail hook for the length of a test (or a block)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from wagtail import hooks


@contextmanager
def only_hooks(name: str, *functions: Callable) -> Iterator[None]:
    """Within the block, `name` calls exactly `functions` (none: nobody listens); then what the apps
    registered comes back. Wagtail's own `register_temporarily` only adds to what is there."""
    hooks.search_for_hooks()  # the apps' registrations first, so that they are the ones put back
    registry = hooks._hooks  # Wagtail keeps its registry there; tests may swap one entry
    saved = registry.get(name)
    registry[name] = [(function, 0) for function in functions]
    try:
        yield
    finally:
        if saved is None:
            registry.pop(name, None)
        else:
            registry[name] = saved
