"""Decoded lines from a binary stream, read in chunks as they become available.

Linear in the input, however long its lines: a chunk is searched once for line ends, and a line
is joined once. A line ends at LF, CRLF or a lone CR (as spreadsheets of old Macs write them).
A line over MAX_LINE characters is not kept: it is read through and noted as a problem of its
line number, and so is a line that was not valid UTF-8 (its bytes kept by surrogateescape, shown
as U+FFFD). README, "Limits".
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

CHUNK = 1 << 16  # bytes read at a time; output is flushed before each read
MAX_LINE = 1 << 20  # characters in one line (1 MiB)
LIMIT_TEXT = f"1 MiB ({MAX_LINE:,} characters)"
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape
_ENDS = re.compile("(\r\n|\r|\n)")  # split with the ends kept: a quoted cell keeps its own


class Lines:
    """The lines of `stream`, without their ends; `end` is the end of the line last given
    ("\\n" for the last line when it has none), which csv.reader needs after it, since a quoted
    cell keeps its own line ends. `problems` maps the number of a line that could not be kept
    as it was to why. `last` is the last line given, with its end."""

    __slots__ = ("_chunk", "_first", "_last", "before_read", "end", "number", "problems", "stream")

    def __init__(self, stream: IO[bytes], before_read: Callable[[], None]) -> None:
        self.stream, self.before_read = stream, before_read
        self.number = 0
        self.problems: dict[int, str] = {}
        self._last = ""  # the last line given, when it was not one of _chunk's
        self._chunk: list[str] | None = None  # the lines of the chunk being given, from _first
        self._first = 0
        self.end = "\n"

    @property
    def last(self) -> str:
        """The last line given (to resume reading after a field over the limit)."""
        if self._chunk is not None:
            return self._chunk[self.number - self._first] + "\n"
        return self._last

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        read = getattr(self.stream, "read1", self.stream.read)
        pieces: list[str] = []  # the start of an unfinished line, at most MAX_LINE long
        held = 0  # its length
        dropping = False  # the unfinished line is over MAX_LINE: read through, not kept
        cr = False  # the last chunk ended in CR, whose LF may start this one
        first = True
        while True:
            self.before_read()
            chunk = read(CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            if first and text:
                text, first = text.removeprefix("\ufeff"), False
            if cr:
                text, cr = "\r" + text, False
            if chunk and text.endswith("\r"):
                text, cr = text[:-1], True
            if "\r" in text:
                split = _ENDS.split(text)  # line, end, line, end, ..., unfinished line
                parts, ends = split[0:-1:2], split[1::2]
                tail = split[-1]
            else:
                parts = text.split("\n")
                tail = parts.pop()  # after the last line end: the start of an unfinished line
                ends = None
            # isascii() is a fast scan; the pattern searches only text that may hold escapes
            escaped = not text.isascii() and _ESCAPED.search(text) is not None
            if (pieces or dropping) and parts:  # the line begun in earlier chunks ends here
                pieces.append(parts[0])
                line = "".join(pieces)
                pieces.clear()
                end = ends[0] if ends else "\n"
                yield self._line(line, dropping or len(line) > MAX_LINE, True, end)
                held, dropping = 0, False
                parts = parts[1:]
                ends = ends[1:] if ends else None
            if escaped or ends:  # anything but plain short LF lines
                for index, part in enumerate(parts):
                    check = escaped
                    if pieces:  # a line begun in an earlier chunk: look at all of it
                        pieces.append(part)
                        part = "".join(pieces)
                        pieces.clear()
                        check = True
                    end = ends[index] if ends else "\n"
                    yield self._line(part, dropping or len(part) > MAX_LINE, check, end)
                    held, dropping = 0, False
            else:  # the common case, kept short: it runs for every line of a large batch
                # (no line of one chunk can be over MAX_LINE: a chunk is shorter than that)
                self._chunk, self._first = parts, self.number + 1
                self.end = "\n"
                for part in parts:
                    self.number += 1
                    yield part
                self._chunk = None
            if tail and not dropping:
                held += len(tail)
                if held > MAX_LINE:  # too long to keep: read it through
                    pieces.clear()
                    dropping = True
                else:
                    pieces.append(tail)
            if not chunk:
                if pieces or dropping:
                    rest = "".join(pieces)
                    yield self._line(rest, dropping, _ESCAPED.search(rest) is not None)
                return

    def _line(self, text: str, too_long: bool, escaped: bool, end: str = "\n") -> str:
        self.number += 1
        if too_long:
            self.problems[self.number] = f"line {self.number} is longer than {LIMIT_TEXT}"
            text = ""
        elif escaped and _ESCAPED.search(text):
            self.problems[self.number] = f"line {self.number} is not valid UTF-8"
        self._chunk = None
        self.end = end
        self._last = text + end
        return text


def sanitised(value: Any) -> Any:
    """Text with the bytes that were not UTF-8 (and lone surrogates) shown as U+FFFD, so that
    output stays valid UTF-8."""
    if not isinstance(value, str):
        return value
    return (
        value.encode("utf-8", "surrogateescape")
        .decode("utf-8", "replace")
        .encode("utf-8", "replace")
        .decode("utf-8")
    )


class Twice:
    """Which lines have been met before, roughly: a line is remembered (with its answer) only
    when met a second time, so that an input of lines that never repeat (a distinct id in
    each) fills no memory with them, and lines met often are the ones remembered. A Bloom
    filter of 2**21 one-byte cells (2 MiB), two cells a line, emptied after 2**17 lines: at
    most about 1.4% of lines met once pass as met twice."""

    __slots__ = ("cells", "count")
    SIZE = 1 << 21
    FULL = 1 << 17

    def __init__(self) -> None:
        self.cells = bytearray(self.SIZE)
        self.count = 0

    def again(self, line: str) -> bool:
        """Whether `line` was (probably) met before; it is marked as met either way."""
        mark = hash(line)
        first, second = mark & (self.SIZE - 1), (mark >> 21) & (self.SIZE - 1)
        cells = self.cells
        if cells[first] and cells[second]:
            return True
        if self.count >= self.FULL:
            cells = self.cells = bytearray(self.SIZE)
            self.count = 0
        cells[first] = cells[second] = 1
        self.count += 1
        return False
