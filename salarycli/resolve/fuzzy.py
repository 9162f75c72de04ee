"""The one fuzzy engine: how similar two names are, for titles and places alike.

Similarity is rapidfuzz's normalised Indel ratio, 0 to 1 (what difflib's ratio approximates,
about 150 times faster here: benchmarks/RESULTS.md). rapidfuzz is imported only when a name
misses, so an exact answer never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable


def closest(
    query: str, choices: Iterable[str], limit: int, cutoff: float
) -> list[tuple[str, float]]:
    """Up to `limit` choices at least `cutoff` similar to `query`, most similar first."""
    from rapidfuzz import fuzz, process

    found = process.extract(
        query, list(choices), scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff * 100
    )
    return [(choice, score / 100) for choice, score, _ in found]
