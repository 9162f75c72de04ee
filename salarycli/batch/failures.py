"""A batch's failed records: on stderr one line each (never wrapped), the first SHOWN of each
cause and then only a count; at the end the counts not shown and the failures by cause; with
--errors FILE, every failed input record with its line number and reason, to fix and re-run.

A cause is an error message without what the record typed ("unknown role 'Foo'; did you
mean ..." is "unknown role"), so that 31,204 unknown roles make one line of summary, not
31,204 lines.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import IO, Any

SHOWN = 20  # error lines printed for each cause before the rest are only counted
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\([^)]*\)")
_END = re.compile(r";|:|, got\b| for SOC ")
_SPACE = re.compile(r"\s+(?=[:;,.?])")  # where a value was taken out before punctuation
_LINE = re.compile(r"^line \d+ is ")  # "line 3 is longer than 1 MiB": the record's number
_COLUMN = re.compile(r"^the \w+ column: ")  # "the years column ('years'): ..." names its column
# causes whose words alone would read oddly, by how they begin once values are taken out
_NAMED = {
    "could be any of": "a place that could be any of several",
    "fields, but the header has": "more fields than the header",
}
_WITHIN = {" has no SOC code": "a role without a SOC code"}  # after a role's name


def cause(error: str) -> str:
    """What kind of failure `error` is: its words without the values the record typed."""
    text = _SPACE.sub("", " ".join(_QUOTED.sub("", error).split()))
    column = _COLUMN.match(text)
    if column:  # the column, then what is wrong with its value
        return column.group(0) + cause(text[column.end() :])
    words = _LINE.sub("a line ", _END.split(text, maxsplit=1)[0].strip())
    bare = words.lstrip("0123456789 ")
    for start, name in _NAMED.items():
        if bare.startswith(start):
            return name
    for part, name in _WITHIN.items():
        if part in words:
            return name
    return words or " ".join(error.split()) or "an error without a message"


class Failures:
    """Failed records as they come: `add` each; `take` the stderr lines ready to write;
    `rest` and `by_cause` at the end."""

    def __init__(self, quiet: bool = False, errors: IO[str] | None = None, jsonl: bool = False):
        self.quiet = quiet
        self.counts: Counter[str] = Counter()
        self.pending: list[str] = []
        self.file = errors
        self.jsonl = jsonl  # the errors file as jsonl (jsonl input), else csv
        self.columns: list[str] | None = None  # the input's columns, for the csv errors file
        self._writer: Any = None
        self._names = ("input_line", "error")

    def start(self, columns: Sequence[str]) -> None:
        """The input's columns are known: the csv errors file's header (written at once, so
        that a batch without failures leaves a header alone)."""
        if self.columns is not None:
            return
        self.columns = list(columns)
        self._names = _free_names(self.columns)
        if self.file is not None and not self.jsonl:
            self._writer = csv.writer(self.file, lineterminator="\n")
            self._writer.writerow([*self.columns, *self._names])

    def add(
        self, line: int, error: str, fields: Sequence[tuple[str, Any]], say: bool = True
    ) -> None:
        """A record failed: `fields` are its own (name, value) pairs as read; `say`: a line
        on stderr (unless -q, or SHOWN of its cause were)."""
        error = " ".join(error.splitlines())
        kind = cause(error)
        self.counts[kind] += 1
        if say and not self.quiet and self.counts[kind] <= SHOWN:
            self.pending.append(f"salarycli: line {line}: {error}")
        if self.file is None:
            return
        if self.jsonl:  # each record's own keys decide the names
            own = dict(fields)
            line_name, error_name = _free_names(own)
            own.update({line_name: line, error_name: error})
            self.file.write(json.dumps(own, ensure_ascii=False) + "\n")
            return
        if self._writer is None:
            self.start([name for name, _ in fields])
        width = len(self.columns or ())
        values = [_cell(value) for _, value in fields][:width]
        self._writer.writerow([*values, *[""] * (width - len(values)), line, error])

    def take(self) -> list[str]:
        found, self.pending = self.pending, []
        return found

    def rest(self) -> list[str]:
        """For each cause with more failures than were shown, how many more."""
        if self.quiet:
            return []
        return [
            f"salarycli: {count - SHOWN:,} more: {kind}"
            for kind, count in self.counts.items()
            if count > SHOWN
        ]

    def by_cause(self) -> str:
        """The failures by cause, most first: "31,224 unknown role, 8,798 unknown location";
        one cause alone, without its count (the summary's count of failures is its)."""
        if len(self.counts) == 1:
            return next(iter(self.counts))
        return ", ".join(f"{count:,} {kind}" for kind, count in self.counts.most_common())


def _free_names(columns: Iterable[str]) -> tuple[str, str]:
    """The errors file's names for the line and the reason: input_line and error, each with
    salarycli_ in front where the input has a column of that name."""
    taken = {name.strip().casefold() for name in columns}
    line, error = (f"salarycli_{n}" if n in taken else n for n in ("input_line", "error"))
    return line, error


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
