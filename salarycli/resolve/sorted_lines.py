"""A file of lines sorted as text, searched without decoding or splitting it.

The title index and the place index are read whole as bytes (well under a millisecond) and
bisected by position: each step finds the line around a position and compares it, and only
the line found is decoded. After SPLIT_AFTER lookups (a batch) the lines are split once and
bisected as a list, a few times faster each. Keys are compared as UTF-8 bytes, which sorts
as the text does.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

SPLIT_AFTER = 64  # lookups by position before the lines are split once


class SortedLines:
    """The lines of `data` (UTF-8) after its header line, sorted."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        header_end = data.find(b"\n")
        self.start = len(data) if header_end < 0 else header_end + 1
        self._lookups = 0
        self._list: list[bytes] | None = None

    def first_at_or_after(self, probe: bytes) -> int:
        """The position of the first line not below `probe` (len(data) if none)."""
        data, lo, hi = self.data, self.start, len(self.data)
        while lo < hi:
            mid = (lo + hi) // 2
            before = data.rfind(b"\n", lo, mid)
            begin = lo if before < 0 else before + 1
            end = data.find(b"\n", begin)
            end = len(data) if end < 0 else end
            if data[begin:end] < probe:
                lo = end + 1
            else:
                hi = begin
        return lo

    def starting(self, prefix: str) -> Iterator[str]:
        """Every line starting with `prefix`, in order."""
        probe = prefix.encode()
        position = self.first_at_or_after(probe)
        data = self.data
        while position < len(data):
            end = data.find(b"\n", position)
            end = len(data) if end < 0 else end
            line = data[position:end]
            if not line.startswith(probe):
                return
            yield line.decode()
            position = end + 1

    def find(self, key: str) -> str | None:
        """The line whose first field is `key`."""
        probe = (key + ",").encode()
        if self._list is None:
            self._lookups += 1
            if self._lookups <= SPLIT_AFTER:
                return next(self.starting(key + ","), None)
            # without the empty piece after the last line's end, which would sort first
            # and so hide the last title from the bisection
            self._list = self.data[self.start :].splitlines()
        at = bisect_left(self._list, probe)
        if at < len(self._list) and self._list[at].startswith(probe):
            return self._list[at].decode()
        return None

    def __iter__(self) -> Iterator[str]:
        return iter(self.data[self.start :].decode().splitlines())

    def __len__(self) -> int:
        return self.data.count(b"\n", self.start) + (0 if self.data.endswith(b"\n") else 1)
