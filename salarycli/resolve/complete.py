"""The candidates shell completion offers: names that start with what was typed so far."""

from __future__ import annotations

from collections.abc import Iterable


def complete(names: Iterable[str], incomplete: str, limit: int = 50) -> list[str]:
    """Names that start with what was typed so far (case-insensitive), in the order given,
    then names with a later word starting with it; at most `limit`, each once."""
    typed = incomplete.casefold().strip().strip("'\"")
    first: list[str] = []
    later: list[str] = []
    for name in dict.fromkeys(names):
        folded = name.casefold()
        if folded.startswith(typed):
            first.append(name)
        elif typed and f" {typed}" in folded:
            later.append(name)
        if len(first) >= limit:
            break
    return (first + later)[:limit]
