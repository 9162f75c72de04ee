"""The one form names are compared in, for titles and their tables alike."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# Punctuation other than an apostrophe separates words ("front-end" is "front end"); "&" is "and".
SEPARATORS = str.maketrans({**dict.fromkeys('!"#$%()*+,-./:;<=>?@[\\]^_`{|}~', " "), "&": " and "})


@lru_cache(maxsize=16_384)
def normalise(text: str) -> str:
    """Case folded, punctuation and a plural "s" dropped: "Front-End Developers" ->
    "front end developer"."""
    return " ".join(singular(word) for word in words_of(text) if word)


def words_of(text: str) -> list[str]:
    """Lower-case words as typed, punctuation as spaces ("Sr." -> "sr", "PA-C" -> "pa c")."""
    return [word.strip("'") for word in text.casefold().translate(SEPARATORS).split()]


def marks_of(seniority: Iterable[str], codes: Iterable[str]) -> frozenset[str]:
    """The words that may set a level: each level word's first word, each level code."""
    return frozenset({word.split()[0] for word in seniority} | set(codes) | {"level"})


def may_set_a_level(words: Iterable[str], marks: frozenset[str]) -> bool:
    """False when none of a title's words (as words_of gives them) can be a level word or
    code (most titles), so that nothing need be read to find one. A word ending in a digit
    might be a code ("2", "l5", "sde2")."""
    return any(word in marks or word[-1:].isdigit() for word in words)


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
