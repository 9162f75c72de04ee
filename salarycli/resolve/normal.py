"""The one form names are compared in, for titles and their tables alike."""

from __future__ import annotations

from functools import lru_cache

# Punctuation other than an apostrophe separates words ("front-end" is "front end"); "&" is "and".
SEPARATORS = str.maketrans({**dict.fromkeys('!"#$%()*+,-./:;<=>?@[\\]^_`{|}~', " "), "&": " and "})


@lru_cache(maxsize=16_384)
def normalise(text: str) -> str:
    """Case folded, punctuation and a plural "s" dropped: "Front-End Developers" ->
    "front end developer"."""
    words = text.casefold().translate(SEPARATORS).split()
    return " ".join(singular(word.strip("'")) for word in words if word.strip("'"))


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
