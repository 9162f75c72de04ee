"""What any typed text must be before it is looked up: not too long for a name, no control
characters, valid Unicode (README, "Limits"). BadInput (exit 2, or a record error) otherwise."""

from __future__ import annotations

import re

from salarycli.errors import BadInput

MAX_TEXT = 200  # characters in a role, place or country as typed
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # tab, LF and CR are white space
_SURROGATE = re.compile("[\ud800-\udfff]")  # bytes that were not UTF-8 (surrogateescape)


def checked(what: str, text: str) -> str:
    """`text`, unchanged, when it can be a name; BadInput naming `what` otherwise."""
    if len(text) > MAX_TEXT:
        raise BadInput(f"the {what} is longer than {MAX_TEXT} characters")
    found = _CONTROL.search(text)
    if found:
        raise BadInput(f"the {what} has a control character (U+{ord(found.group()):04X})")
    if _SURROGATE.search(text):
        raise BadInput(f"the {what} is not valid UTF-8 text")
    return text


def shown(text: str, limit: int = 20) -> str:
    """What was typed, quoted for a message; a long text cut, with its length."""
    if len(text) <= limit:
        return repr(text)
    return repr(text[:limit] + "...") + f" ({len(text):,} characters)".replace(",", "")
