"""Bounded memory for answers: what the session remembers, per kind of question."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

CACHE_LIMIT = 100_000  # answers remembered per kind; cleared when full, so memory stays flat
Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


def remembered(cache: dict[Key, Value], key: Key, make: Callable[[Key], Value]) -> Value:
    """cache[key], made by `make` the first time; the cache is emptied when it is full."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= CACHE_LIMIT:
            cache.clear()
        found = cache[key] = make(key)
    return found
