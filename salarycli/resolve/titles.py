"""Turns a job title as typed into a role, saying how it was found, with its alternatives.

A role is found in this order (docs/titles.md):
1. a SOC code, "17-2051" or "172051" (soc);
2. the whole title, after normalising case, punctuation and a plural "s": a role's name or
   official title (exact), a user's alias (alias), or a title of data/titles.csv, O*NET's
   (title) or a curated one (alias);
3. the title read as a recruiter reads it (resolve.title_words): without level words and
   codes, which set the level, qualifiers and credentials, with short forms written out
   (parsed);
4. the same with typos corrected, word by word (fuzzy): only a word of 5 letters or more that
   is in no title, to the one known word within an edit or two; never an abbreviation or a
   short word, and never a word for another word.
A title several occupations share is answered by the one data/titles.csv chose, its runner-ups
kept as alternatives, or refused (AmbiguousRole) when the evidence does not single one out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import product
from typing import TYPE_CHECKING, NamedTuple

from salarycli.core.record import field, record
from salarycli.core.records import Role
from salarycli.errors import AmbiguousRole, BadInput, UnknownRole
from salarycli.resolve import fuzzy
from salarycli.resolve.normal import marks_of, may_set_a_level, normalise, singular, words_of
from salarycli.resolve.title_match import Match, priced, unpriced

if TYPE_CHECKING:  # read only past a role's own name: an exact name imports neither
    from salarycli.resolve.title_table import TitleTable
    from salarycli.resolve.title_words import Reading, Words

__all__ = ["Match", "RoleIndex", "normalise"]

_SOC = re.compile(r"^(\d{2})-?(\d{4})$")
SUGGESTIONS = 3
TYPO_MIN = 5  # a word shorter than this is never corrected, nor corrected to
LEVEL_ONLY = (
    'that is a level, not a job title; add the title ("Senior Software Engineer", '
    '"Software Engineer L5")'
)
MAX_READINGS = 8  # spellings tried when several words have a correction each


class Found(NamedTuple):
    role: Role
    how: str  # exact, alias or title
    others: tuple[Role, ...] = ()
    basis: str | None = None


@record(slots=False)
class RoleIndex:
    """Every name a role answers to, normalised, and the role it names; the user's aliases
    (read by `aliases` only when a name is not a role's own), the title index and the tables
    titles are read with (`table` and `words`, loaded on first need)."""

    by_key: dict[str, Role] = field(default_factory=dict)
    aliases: Callable[[], Iterable[tuple[str, str]]] = lambda: ()
    table: Callable[[], TitleTable] = lambda: _no_titles()
    words: Callable[[], Words] = lambda: _no_words()
    marks: Callable[[], frozenset[str]] = lambda: marks_of((), ())
    alias_keys: dict[str, Role] | None = None
    _vocabulary: list[str] | None = None
    _listed: list[Role] | None = None
    _known_words: set[str] | None = None
    _by_length: dict[int, list[str]] | None = None
    _nearest: dict[str, list[str]] = field(default_factory=dict)
    _name_words: list[tuple[str, int]] | None = None  # (word of a name, role's position)

    @classmethod
    def build(
        cls,
        roles: Iterable[Role],
        aliases: Callable[[], Iterable[tuple[str, str]]] = lambda: (),
        table: Callable[[], TitleTable] | None = None,
        words: Callable[[], Words] | None = None,
        marks: Callable[[], frozenset[str]] | None = None,
    ) -> RoleIndex:
        index = cls(aliases=aliases)
        if table is not None:
            index.table = cache(table)
        if words is not None:
            index.words = cache(words)
        if marks is not None:
            index.marks = cache(marks)
        elif words is not None:
            index.marks = lambda: index.words().marks
        plain = normalise.__wrapped__  # each name once: a cache would only churn here
        by_key = index.by_key
        for role in roles:
            for name in (role.role,) if role.title == role.role else (role.role, role.title):
                # The first role listed keeps a name two roles share: featured roles come first.
                by_key.setdefault(plain(name), role)
            if role.soc:
                by_key[role.soc] = role
        return index

    def _aliases(self) -> dict[str, Role]:
        if self.alias_keys is None:
            self.alias_keys = {}
            for alias, target in self.aliases():
                role = self.by_key.get(target) or self.by_key.get(normalise(target))
                if role is not None:
                    self.alias_keys.setdefault(normalise(alias), role)
        return self.alias_keys

    def match(self, query: str) -> Match:
        """The role `query` names, and how; BadInput if empty; AmbiguousRole naming the
        candidates when several fit equally; UnknownRole naming the closest otherwise."""
        text = query.strip()
        if not text:
            raise BadInput("the role is empty; give a role name or SOC code (salarycli roles)")
        soc = _SOC.match(text)
        if soc:
            role = self.by_key.get(f"{soc[1]}-{soc[2]}")
            if role is not None:
                return Match(role, text, "soc", role.soc or text, via="soc")
        typed = words_of(text)
        leveled = may_set_a_level(typed, self.marks())
        if leveled:
            from salarycli.resolve.title_words import only_level

            if only_level(text, self.words(), weak=False):
                raise UnknownRole(text, [], LEVEL_ONLY)
        key = " ".join(singular(word) for word in typed if word)  # normalise(text), once
        found = self._find(key, text)
        if found:
            level = word = None
            if leveled:
                from salarycli.resolve.title_words import level_of

                level, word = level_of(text, self.words())
            return self._matched(found, text, found.how, key, level, word)
        return self._read(text)

    def _read(self, text: str) -> Match:
        """A title that is no name as typed: read as a recruiter reads it, then for typos."""
        from salarycli.resolve.title_parts import led, partial, tie_break
        from salarycli.resolve.title_words import only_level, readings

        ways = readings(text, self.words())
        refusal: AmbiguousRole | None = None  # kept while a later reading may still answer
        for reading in ways:
            try:
                hit = self._find_any(reading.cores, text)
            except AmbiguousRole as error:
                hit = tie_break(self, reading.cores[0], reading.dropped, text)
                if hit:
                    match = self._parsed(hit, text, reading)
                    match.picked = hit[1]
                    return match
                refusal = refusal or error
            if not hit and reading.cores:
                hit = led(self, reading.cores[0], reading.dropped, text)
            if hit:
                return self._parsed(hit, text, reading, qualifiers=reading.dropped)
        for reading in ways:
            for core, corrections in self._corrected(reading.cores):
                hit = self._find_any((core,), text)
                if hit:
                    return self._parsed(hit, text, reading, (hit[1], corrections))
        if only_level(text, self.words()):
            raise UnknownRole(text, [], LEVEL_ONLY)
        if refusal is not None:
            raise refusal
        for reading in ways:
            for core in reading.cores:
                hit = partial(self, core, text)
                if hit:
                    rest = " ".join(word for word in core.split() if word not in hit[1].split())
                    match = self._parsed(
                        hit, text, reading, qualifiers=(rest, *reading.dropped), alone=True
                    )
                    match.matched_by = "partial"
                    match.dropped = (rest, *match.dropped)
                    return match
        raise UnknownRole(text, self.suggest(text, ways))

    def _matched(
        self, found: Found, text: str, how: str, name: str, level: str | None, word: str | None
    ) -> Match:
        return Match(
            found.role, text, how, name, level, word, found.others, found.basis, via=found.how
        )

    def _parsed(
        self,
        hit: tuple[Found, str],
        text: str,
        reading: Reading,
        typo: tuple[str, tuple[tuple[str, str], ...]] | None = None,
        qualifiers: Sequence[str] = (),
        alone: bool = False,
    ) -> Match:
        """A match found by reading the title; a qualifier that picks an occupation within
        the head's major group refines it ("Physician (Neurology)" -> Neurologists)."""
        from salarycli.resolve.title_parts import refined

        found, core = hit
        picked = refined(self, found, core, qualifiers, text, alone) if qualifiers else None
        if picked:
            found, core = picked
        how = "fuzzy" if typo else "parsed"
        match = self._matched(found, text, how, core, reading.level, reading.word)
        match.dropped = reading.dropped
        if typo:
            match.corrected = typo[1]
        if picked:
            match.picked = core
        return match

    def _find(self, key: str, text: str) -> Found | None:
        """The role a normalised name names: a role's own, a user's alias, then a title."""
        role = self.by_key.get(key)
        if role is not None:
            return Found(role, "exact")
        role = self._aliases().get(key)
        if role is not None:
            return Found(role, "alias")
        entry = self.table().get(key)
        if entry is None:
            return None
        others = tuple(self._roles(entry.others))
        how = "title" if entry.basis in ("onet", "onet-evidence", "unpriced") else "alias"
        if not entry.role:
            if len(others) > 1 or entry.basis == "bare":
                raise AmbiguousRole(text, priced(others), bare=entry.basis == "bare")
            if not others and entry.basis == "unpriced":
                raise UnknownRole(text, [], unpriced(entry.others))
            return Found(others[0], how) if others else None
        role = self._role(entry.role)
        if role is None:
            if entry.basis == "unpriced":
                raise UnknownRole(text, [], unpriced((entry.role,)))
            return Found(others[0], how) if others else None  # a role the user's data left out
        return Found(role, how, others, entry.basis)

    def named(self, key: str, text: str) -> Found | None:
        """The role a normalised name names, or None when it names none or several (what a
        title's parts are looked up with: resolve.title_parts)."""
        try:
            return self._find(key, text)
        except UnknownRole:  # AmbiguousRole too
            return None

    def _find_any(self, cores: Sequence[str], text: str) -> tuple[Found, str] | None:
        """The role the cores name; AmbiguousRole if they name different ones ("PM")."""
        hits = [(found, core) for core in cores if (found := self._find(core, text))]
        roles = list(dict.fromkeys(found.role.role for found, _ in hits))
        if len(roles) > 1:
            unique = {found.role.role: found.role for found, _ in hits}
            raise AmbiguousRole(text, priced(unique.values()))
        return hits[0] if hits else None

    def _role(self, name: str) -> Role | None:
        return self.by_key.get(name) or self.by_key.get(normalise(name))

    def _roles(self, names: Iterable[str]) -> Iterable[Role]:
        for name in names:
            role = self._role(name)
            if role is not None:
                yield role

    def vocabulary(self) -> list[str]:
        """The words of 5 letters or more in any title or name: what a typo is corrected to."""
        if self._vocabulary is None:
            self._vocabulary = sorted(word for word in self._known() if len(word) >= TYPO_MIN)
        return self._vocabulary

    def _known(self) -> set[str]:
        """Every word of every title, name and alias: a word in it is never a typo."""
        if self._known_words is None:
            known = set(self.table().known_words())
            for key in (*self.by_key, *self._aliases()):
                known.update(key.split())
            self._known_words = known
        return self._known_words

    def _near(self, word: str) -> list[str]:
        """The known words one edit from `word` (two from a word of 8 letters or more), only
        among words of a length that many edits can reach; remembered per word."""
        found = self._nearest.get(word)
        if found is None:
            if self._by_length is None:
                self._by_length = {}
                for known in self.vocabulary():
                    self._by_length.setdefault(len(known), []).append(known)
            most = 1 if len(word) <= 7 else 2
            pool = [
                known
                for size in range(len(word) - most, len(word) + most + 1)
                for known in self._by_length.get(size, ())
            ]
            found = fuzzy.nearest(word, pool, most)
            if len(self._nearest) >= 10_000:
                self._nearest.clear()
            self._nearest[word] = found
        return found

    def _corrected(self, cores: Sequence[str]) -> Iterable[tuple[str, tuple[tuple[str, str], ...]]]:
        """Each core with its unknown words corrected: (the new core, the corrections)."""
        known = self._known()
        for core in cores:
            options: list[list[str]] = []
            for word in core.split():
                if word in known or len(word) < TYPO_MIN or not word.isalpha():
                    options.append([word])
                    continue
                close = self._near(word)
                if not close:
                    break
                options.append(close)
            else:
                for spelling in list(product(*options))[:MAX_READINGS]:
                    words = core.split()
                    changed = tuple((a, b) for a, b in zip(words, spelling, strict=True) if a != b)
                    if changed:
                        yield " ".join(spelling), changed

    def suggest(self, query: str, ways: Sequence[Reading] = ()) -> list[str]:
        """Up to three role names for a refused title: roles whose names have words starting
        with its words ("soft dev"), then the occupations of the titles holding most of its
        words (typos corrected where one correction is clear)."""
        cores = [core for reading in ways for core in reading.cores] or [normalise(query)]
        found = [role.role for role in self._named_like(cores[0].split())]
        for core in cores[:2]:
            words = [self._spelling(word) for word in core.split()]
            found += [role.role for role in self._roles(self.table().roles_with(words))]
        return list(dict.fromkeys(found))[:SUGGESTIONS]

    def _named_like(self, parts: list[str]) -> list[Role]:
        """Roles with, for each of `parts`, a word of their name or title starting with it
        ("soft dev" -> Software Developers), in the order roles are listed."""
        from bisect import bisect_left

        if not parts:
            return []
        if self._name_words is None:
            pairs = {
                (word, at)
                for at, role in enumerate(self.listed())
                for word in normalise(f"{role.role} {role.title}").split()
            }
            self._name_words = sorted(pairs)
        words = self._name_words
        chosen: set[int] | None = None
        for part in parts:
            start = bisect_left(words, (part, -1))
            stop = bisect_left(words, (part + "\uffff", -1))
            have = {at for _, at in words[start:stop]}
            chosen = have if chosen is None else chosen & have
        listed = self.listed()
        return [listed[at] for at in sorted(chosen or ())]

    def _spelling(self, word: str) -> str:
        """A word as titles spell it: itself if known or short, else its one close word."""
        if len(word) < TYPO_MIN or word in self._known() or not word.isalpha():
            return word
        close = self._near(word)
        return close[0] if len(close) == 1 else word

    def listed(self) -> list[Role]:
        """Each role once, featured first."""
        if self._listed is None:
            self._listed = list({id(role): role for role in self.by_key.values()}.values())
        return self._listed


def _no_titles() -> TitleTable:
    from salarycli.resolve.title_table import TitleTable

    return TitleTable(b"")


def _no_words() -> Words:
    from salarycli.resolve.title_words import Words

    return Words.of({}, {}, {}, frozenset())
