"""Turns a job title as typed into a role, saying how it was found, with suggestions.

A role is found in this order (README, "How titles are resolved"):
1. exactly, after normalising case, whitespace, punctuation, "&" and a plural "s": by the
   seed's name or the official SOC title (exact), an alias of data/aliases.csv (alias), or a
   SOC code, "17-2051" or "172051" (soc);
2. the same after taking out seniority words ("Senior", "Jr", "II"; data/seniority.csv), which
   then set the level (seniority);
3. by similarity over every name and alias, accepted only when one role is clearly best
   (fuzzy); otherwise the miss names the closest roles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from salarycli.core.records import Role
from salarycli.errors import BadInput, UnknownRole
from salarycli.resolve import fuzzy

_SOC = re.compile(r"^(\d{2})-?(\d{4})$")
# Punctuation other than an apostrophe separates words ("front-end" is "front end"); "&" is "and".
_SEPARATORS = str.maketrans({**dict.fromkeys('!"#$%()*+,-./:;<=>?@[\\]^_`{|}~', " "), "&": " and "})
SUGGESTIONS = 3
FUZZY_ACCEPT = 0.85  # similarity (fuzzy.closest) a fuzzy match needs ...
FUZZY_MARGIN = 0.06  # ... and its lead over the best match to another role


@lru_cache(maxsize=16_384)
def normalise(text: str) -> str:
    """The form names are compared in: case folded, punctuation and a plural "s" dropped."""
    words = text.casefold().translate(_SEPARATORS).split()
    return " ".join(_singular(word.strip("'")) for word in words if word.strip("'"))


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(slots=True)
class Match:
    """A role found for what was typed, and how: `matched_by` is exact, alias, soc, seniority
    or fuzzy; `name` the name or alias that matched; `level` the level a seniority word set."""

    role: Role
    query: str
    matched_by: str
    name: str
    level: str | None = None
    word: str | None = None  # the seniority word
    score: float | None = None  # fuzzy similarity, 0 to 1
    alternatives: tuple[str, ...] = ()

    @property
    def explanation(self) -> str:
        """One line on how the role was found, for --explain."""
        role = self.role.role
        if self.matched_by == "fuzzy":
            how = f"closest name {self.name!r} ({role}), similarity {self.score or 0:.2f}"
        elif self.matched_by == "seniority":
            how = f"{self.name!r}, a name of {role}, after the seniority word"
        else:
            how = {"exact": "the name of", "alias": "an alias of", "soc": "the SOC code of"}[
                self.matched_by
            ] + f" {role}"
        text = f"matched {self.query!r} -> {how}"
        if self.level:
            text += f"; {self.word!r} sets the level: {self.level}"
        if self.alternatives:
            text += "; alternatives: " + ", ".join(self.alternatives)
        return text


@dataclass
class RoleIndex:
    """Every name a role answers to, normalised, and the role it names. Aliases are read (by
    `aliases`, a loader) only when a name is not a role's own."""

    by_key: dict[str, Role] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> the name as written
    aliases: Callable[[], Iterable[tuple[str, str]]] = lambda: ()  # (alias, role name or SOC)
    seniority: dict[str, str] = field(default_factory=dict)  # word -> level name
    alias_keys: dict[str, Role] | None = None

    @classmethod
    def build(
        cls,
        roles: Iterable[Role],
        aliases: Callable[[], Iterable[tuple[str, str]]] = lambda: (),
        seniority: dict[str, str] | None = None,
    ) -> RoleIndex:
        index = cls(aliases=aliases, seniority=seniority or {})
        plain = normalise.__wrapped__  # each name once: a cache would only churn here
        by_key, names = index.by_key, index.names
        for role in roles:
            for name in (role.role,) if role.title == role.role else (role.role, role.title):
                key = plain(name)
                # The first role listed keeps a name two roles share: featured roles come first.
                by_key.setdefault(key, role)
                names.setdefault(key, name)
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
                    self.names.setdefault(normalise(alias), alias)
        return self.alias_keys

    def match(self, query: str) -> Match:
        """The role `query` names, and how; BadInput if empty, UnknownRole naming the closest
        roles when nothing fits clearly."""
        text = query.strip()
        if not text:
            raise BadInput("the role is empty; give a role name or SOC code (salarycli roles)")
        soc = _SOC.match(text)
        if soc:
            role = self.by_key.get(f"{soc[1]}-{soc[2]}")
            if role is not None:
                return Match(role, text, "soc", role.soc or text)
        key = normalise(text)
        found = self._exact(key, text)
        if found:
            return found
        words, level, word = self._without_seniority(key)
        if level:
            bare = self._exact(words, text)
            if bare:
                return Match(
                    bare.role, text, "seniority", self.names.get(words, words), level, word
                )
        return self._fuzzy(words or key, text, level, word)

    def _exact(self, key: str, text: str) -> Match | None:
        role = self.by_key.get(key)
        if role is not None:
            return Match(role, text, "exact", self.names.get(key, text))
        role = self._aliases().get(key)
        if role is not None:
            return Match(role, text, "alias", self.names.get(key, text))
        return None

    def _without_seniority(self, key: str) -> tuple[str, str | None, str | None]:
        """The words left after taking out seniority words, the level the first one sets, and
        that word ("senior civil engineer" -> "civil engineer", "Senior", "senior")."""
        words = key.split()
        kept: list[str] = []
        level = word = None
        index = 0
        while index < len(words):
            pair = " ".join(words[index : index + 2])
            if index + 1 < len(words) and pair in self.seniority:
                found = pair  # "entry level", "mid level"
            elif words[index] in self.seniority:
                found = words[index]
            else:
                kept.append(words[index])
                index += 1
                continue
            level, word = level or self.seniority[found], word or found
            index += found.count(" ") + 1
        if not kept:  # "Senior" alone is not a role
            return key, None, None
        return " ".join(kept), level, word

    def _fuzzy(self, key: str, text: str, level: str | None, word: str | None) -> Match:
        """The role whose name is clearly the closest, or UnknownRole with the closest few."""
        self._aliases()
        scored: dict[str, tuple[float, str]] = {}  # role name -> (best score, its name)
        for candidate, score in fuzzy.closest(key, self.names, limit=12, cutoff=0.6):
            role = self.by_key.get(candidate) or (self.alias_keys or {}).get(candidate)
            if role is None:
                continue
            if role.role not in scored or score > scored[role.role][0]:
                scored[role.role] = (score, candidate)
        ranked = sorted(scored.items(), key=lambda item: -item[1][0])
        if ranked:
            best, via = ranked[0][1]
            runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
            # Accepted only when clearly best, and with as many words as what was typed: a
            # typo keeps the words ("Consultant" is not "IT Consultant").
            clear = best >= FUZZY_ACCEPT and best - runner_up >= FUZZY_MARGIN
            if clear and via.count(" ") == key.count(" "):
                role = self.by_key.get(via) or (self.alias_keys or {})[via]
                others = tuple(other for other, _ in ranked[1:3])
                shown = self.names.get(via, via)
                return Match(role, text, "fuzzy", shown, level, word, round(best, 2), others)
        raise UnknownRole(text, self.suggest(text, [name for name, _ in ranked]))

    def suggest(
        self, query: str, closest: Sequence[str] = (), count: int = SUGGESTIONS
    ) -> list[str]:
        """Up to `count` role names closest to `query`, best first: roles with the query's
        words in their names, then the most similar."""
        roles = dict.fromkeys(self.by_key.values())  # each role once, featured first
        found = [role.role for role in search_roles(list(roles), query, None)]
        return list(dict.fromkeys([*found, *closest]))[:count]


def search_roles(roles: Sequence[Role], query: str | None, group: str | None) -> list[Role]:
    """Roles matching `query` and `group`, both optional.

    A query of digits matches SOC codes by prefix ("17-20"); otherwise every word of it must
    start a word of the role's name or title ("soft dev" finds Software Developers). `group`
    matches the major group the same way ("engineering").
    """
    found = list(roles)
    if query and query.strip():
        text = query.strip()
        if re.fullmatch(r"[\d-]+", text):
            digits = text.replace("-", "")
            found = [role for role in found if (role.soc or "").replace("-", "").startswith(digits)]
        else:
            found = [r for r in found if _words_match(text, r.role) or _words_match(text, r.title)]
    if group and group.strip():
        found = [role for role in found if _words_match(group, role.group or "")]
    return found


def _words_match(query: str, name: str) -> bool:
    """Every word of `query` starts some word of `name` (both normalised)."""
    words = normalise(name).split()
    return all(any(word.startswith(part) for word in words) for part in normalise(query).split())
