"""A text file of lines sorted as text, searched without splitting it into lines.

The title index and the place index are read whole (a read and a decode, 1-2 ms) and bisected
by position: each step finds the line around a position and compares it. Nothing is split or
loaded into a dict until a caller asks for every line.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

SPLIT_AFTER = 64  # lookups by position before the lines are split once, for a batch's many


class SortedLines:
    """The lines of `text` after its header line, sorted as text."""

    def __init__(self, text: str) -> None:
        self.text = text
        header_end = text.find("\n")
        self.start = len(text) if header_end < 0 else header_end + 1
        self._lookups = 0
        self._list: list[str] | None = None  # the lines, once a batch has asked for many

    def first_at_or_after(self, probe: str) -> int:
        """The position of the first line not below `probe` (len(text) if none)."""
        text, lo, hi = self.text, self.start, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            before = text.rfind("\n", lo, mid)
            begin = lo if before < 0 else before + 1
            end = text.find("\n", begin)
            end = len(text) if end < 0 else end
            if text[begin:end] < probe:
                lo = end + 1
            else:
                hi = begin
        return lo

    def line_at(self, position: int) -> str:
        end = self.text.find("\n", position)
        return self.text[position : len(self.text) if end < 0 else end]

    def starting(self, prefix: str) -> Iterator[str]:
        """Every line starting with `prefix`, in order."""
        position = self.first_at_or_after(prefix)
        while position < len(self.text):
            line = self.line_at(position)
            if not line.startswith(prefix):
                return
            yield line
            position += len(line) + 1

    def find(self, key: str) -> str | None:
        """The line whose first field is `key`. The first lookups bisect the text by
        position; after SPLIT_AFTER of them (a batch) the lines are split once and bisected
        as a list, a few times faster each."""
        probe = key + ","
        if self._list is None:
            self._lookups += 1
            if self._lookups <= SPLIT_AFTER:
                return next(self.starting(probe), None)
            self._list = self.text[self.start :].split("\n")
        at = bisect_left(self._list, probe)
        if at < len(self._list) and self._list[at].startswith(probe):
            return self._list[at]
        return None

    def __iter__(self) -> Iterator[str]:
        return iter(self.text[self.start :].splitlines())

    def __len__(self) -> int:
        return self.text.count("\n", self.start) + (0 if self.text.endswith("\n") else 1)
