"""The one fuzzy engine: how similar two names are, for titles and places alike.

Similarity is rapidfuzz's normalised Indel ratio, 0 to 1 (what difflib's ratio approximates,
about 150 times faster here: benchmarks/RESULTS.md). rapidfuzz is imported only when a name
misses, so an exact answer never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def closest(
    query: str, choices: Iterable[str], limit: int, cutoff: float
) -> list[tuple[str, float]]:
    """Up to `limit` choices at least `cutoff` similar to `query`, most similar first."""
    from rapidfuzz import fuzz, process

    found = process.extract(
        query, list(choices), scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff * 100
    )
    return [(choice, score / 100) for choice, score, _ in found]


def nearest(word: str, words: Sequence[str], most: int) -> list[str]:
    """The words within `most` edits (Levenshtein) of `word` and no others as close: "sofware"
    -> ["software"]. Empty when none is that close."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    found = process.extract(word, words, scorer=Levenshtein.distance, score_cutoff=most, limit=8)
    if not found:
        return []
    best = min(distance for _, distance, _ in found)
    return [choice for choice, distance, _ in found if distance == best]
