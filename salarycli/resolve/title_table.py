"""data/titles.csv, the O*NET job-title index, looked up without loading it into a dict.

The file's lines are sorted as text, so a title is found by bisecting them: opening it costs
reading 1.8 MB (1-2 ms; resolve/sorted_lines.py bisects it by position), and a lookup a few
microseconds. The words typo correction knows come from data/title_words.txt (1 ms); the word
index suggestions need is built only when a title is refused (about 30 ms, once per process).
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from salarycli.resolve.sorted_lines import SortedLines

SCAN = 5_000  # rows per word a suggestion looks at, so that "manager" costs no more


class Entry(NamedTuple):
    """A title's row: the occupation (a SOC code or a featured role's name; empty when the
    title is ambiguous), the others O*NET lists it under (runner-ups, or the candidates of an
    ambiguous title), and the basis of the choice (docs/titles.md)."""

    role: str
    others: tuple[str, ...]
    basis: str


class TitleTable:
    """The rows of titles.csv: title (normalised), role, others (;-separated), basis."""

    def __init__(self, data: bytes, words: str | None = None) -> None:
        self.sorted = SortedLines(data)
        self._lines: list[str] | None = None
        self._words: dict[str, list[int]] | None = None
        self._known = words  # title_words.txt: every word of every title, one a line

    @property
    def lines(self) -> list[str]:
        """Every line, the header first: split only when every title is needed."""
        if self._lines is None:
            self._lines = self.sorted.data.decode().split("\n")
            if self._lines and not self._lines[-1]:
                self._lines.pop()
        return self._lines

    def known_words(self) -> list[str]:
        """Every word of every title: read from title_words.txt when given (1 ms), else
        gathered from the titles (30 ms)."""
        if self._known is not None:
            return self._known.split()
        return list(self.words())

    def __len__(self) -> int:
        return len(self.sorted)

    def get(self, key: str) -> Entry | None:
        """The row of a normalised title, or None."""
        line = self.sorted.find(key)
        return _entry(line) if line is not None else None

    def words(self) -> dict[str, list[int]]:
        """Every word of every O*NET or curated title, and the rows whose title holds it (the
        titles learned from employers' filings are looked up, never suggested)."""
        if self._words is None:
            index: dict[str, list[int]] = {}
            for at in range(1, len(self.lines)):
                line = self.lines[at]
                if line.endswith(",lca"):
                    continue
                for word in line[: line.index(",")].split():
                    index.setdefault(word, []).append(at)
            self._words = index
        return self._words

    def roles_with(self, words: list[str]) -> list[str]:
        """The occupations of the titles holding the most of `words`, most titles first: what
        a refused title is shown as suggestions."""
        index = self.words()
        hits: Counter[int] = Counter()
        for word in set(words):
            hits.update(index.get(word, ())[:SCAN])
        if not hits:
            return []
        most = max(hits.values())
        rows = [at for at, count in hits.items() if count == most]
        # the titles with fewest other words first: "civil" -> "civil engineer" before
        # "civil engineering technician"
        rows.sort(key=lambda at: (self.lines[at].index(","), at))
        found: list[str] = []
        for at in rows[:SCAN]:
            entry = _entry(self.lines[at])
            found.extend((entry.role,) if entry.role else entry.others[:2])
        return list(dict.fromkeys(found))


def _entry(line: str) -> Entry:
    _, role, others, basis = line.split(",")
    return Entry(role, tuple(others.split(";")) if others else (), basis)
