"""Decoded lines from a binary stream, read in chunks as they become available, with the
lines that were not valid UTF-8 noted (their bytes kept by surrogateescape, shown as U+FFFD)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

CHUNK = 1 << 16  # bytes read at a time; output is flushed before each read
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape


@dataclass
class Lines:
    """Decoded lines from a binary stream, read in chunks as they become available."""

    stream: IO[bytes]
    before_read: Callable[[], None]
    number: int = 0
    bad: set[int] = field(default_factory=set)  # line numbers that were not valid UTF-8

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        read = getattr(self.stream, "read1", self.stream.read)
        pending, first = "", True
        while True:
            self.before_read()
            chunk = read(CHUNK)
            text = pending + decoder.decode(chunk, final=not chunk)
            if first and text:
                text, first = text.removeprefix("\ufeff"), False
            parts = text.split("\n")
            pending = parts.pop() if chunk else ""
            if not chunk and parts and parts[-1] == "":
                parts.pop()
            escaped = _ESCAPED.search(text) is not None
            for part in parts:
                self.number += 1
                if escaped and _ESCAPED.search(part):
                    self.bad.add(self.number)
                yield part + "\n"
            if not chunk:
                return


def sanitised(value: Any) -> Any:
    """Text with the bytes that were not UTF-8 shown as U+FFFD, so output stays valid UTF-8."""
    if not isinstance(value, str):
        return value
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
