"""The experience ladder, in one place: years and level names as typed, the level they choose,
the level a title's seniority word sets, and what makes a ladder valid (for the bundled data and
a user's levels.csv alike).

Pure: no I/O. Errors are BadInput (exit 2); a ladder's problems are returned as lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from salarycli.core.records import Level
from salarycli.errors import BadInput

MAX_YEARS = 70
_YEARS_WORD = re.compile(r"\s*(?:years?|yrs?|y)\s*$", re.IGNORECASE)  # "5 years", "5y"
_RANGE = re.compile(r"^\d+(?:\.\d+)?\s*-\s*\d+(?:\.\d+)?$")
_YEARS = re.compile(r"^\+?(\d+(\.\d*)?|\.\d+)$")

Choice = tuple[Level, float | None]  # the level choice, and the years that chose it (or None)


class RangeYears(float):
    """Years read from a range typed as years ("3-5") whose every year is one level: the
    middle of the range, with what was typed, so that the estimate can say so."""

    typed: str

    def __new__(cls, value: float, typed: str) -> RangeYears:
        made = super().__new__(cls, value)
        made.typed = typed
        return made

    def note(self, level: str) -> str:
        middle = f"{float(self):g}"
        said = f"years {self.typed!r} read as {middle}, the middle of the range"
        return f"{said}: every year of it is {level}"


def parse_years(text: str, levels: Sequence[Level] = ()) -> float:
    """Completed years of experience, from 0 to MAX_YEARS, as HR exports write them too ("7+":
    at least 7, so 7; "5 years", "5 yrs"); BadInput for anything else. A range ("3-5") is
    its middle, as RangeYears, when both its ends fall in one level of `levels` (so that
    every year of it gets the same estimate), and BadInput, naming the two levels, when not."""
    cleaned = _YEARS_WORD.sub("", text.strip()).removesuffix("+").strip()
    if _RANGE.match(cleaned):
        low, high = (float(part) for part in cleaned.split("-"))
        if low > high or high > MAX_YEARS:
            raise BadInput(
                f"--years takes one number (or a range from low to high, within 0 to "
                f"{MAX_YEARS}), got {text!r}"
            )
        ends = [level_for_years(levels, low), level_for_years(levels, high)] if levels else []
        if ends and ends[0] is ends[1]:
            return RangeYears((low + high) / 2, text.strip())
        differ = (
            f"{low:g} years is {ends[0].level} and {high:g} years {ends[1].level}"
            if ends
            else f"the estimate for {low:g} and for {high:g} years may differ"
        )
        raise BadInput(
            f"--years takes one number, got {text!r}: {differ}; give the years you mean "
            f"({(low + high) / 2:g}, the middle, is one)"
        )
    if not _YEARS.match(cleaned) or float(cleaned) > MAX_YEARS:
        raise BadInput(f"--years must be a number from 0 to {MAX_YEARS}, got {text!r}")
    return float(cleaned)


def level_for_years(levels: Sequence[Level], years: float) -> Level:
    """The level whose range holds `years` completed years: 2.9 is still 0-2, 3 is 3-5."""
    if not 0 <= years <= MAX_YEARS:  # also false for nan
        raise BadInput(f"years must be a number from 0 to {MAX_YEARS}, got {years}")
    found = levels[0]
    for level in levels:
        if years >= level.min_years:
            found = level
    return found


def find_level(levels: Sequence[Level], text: str, words: Mapping[str, str] | None = None) -> Level:
    """A level by its name or the name's first word, case-insensitively ("mid", "Senior"),
    or by a level word or code a title understands (`words`: "junior", "sr", "iii" -> the
    level's name)."""
    wanted = " ".join(text.casefold().split())
    named = (words or {}).get(wanted.rstrip("."))
    for level in levels:
        name = level.level.casefold()
        if wanted and (wanted in (name, name.split()[0]) or named == level.level):
            return level
    choices = ", ".join(level.level for level in levels)
    raise BadInput(
        f"unknown level {text!r}; choose one of: {choices} (or a title's level word: "
        "junior, senior, staff, principal, ...)"
    )


def choose(
    levels: Sequence[Level],
    years: str | None,
    level: str | None,
    words: Mapping[str, str] | None = None,
) -> Choice | None:
    """The level that --years or --level asks for, with the years; None when neither is given."""
    if years is not None and level is not None:
        raise BadInput("give --years or --level, not both")
    if years is not None:
        parsed = parse_years(years, levels)
        return level_for_years(levels, parsed), parsed
    if level is not None:
        return find_level(levels, level, words), None
    return None


def with_title(
    levels: Sequence[Level], choice: Choice | None, titled: str | None, word: str | None
) -> tuple[Choice, list[str]]:
    """The level to estimate at: the option's, else the one the title's seniority word sets
    (`titled`, from `word`); with notes saying which, and where the two disagree."""
    if choice is None:
        level = next((rung for rung in levels if rung.level == titled), None) if titled else None
        if level is None:  # a user's ladder may not have the level the word names
            raise BadInput("give years or level (or a seniority word in the title)")
        return (level, None), [f"level from the title: {word!r} -> {level.level}"]
    years = choice[1]
    notes = [years.note(choice[0].level)] if isinstance(years, RangeYears) else []
    if titled and titled != choice[0].level:
        notes.append(f"the title says {titled} ({word!r}); the option's {choice[0].level} is used")
    return choice, notes


class Rung(NamedTuple):
    """A level as a ladder's file gives it: max_years None means "up to the next level"."""

    level: str
    min_years: int
    max_years: int | None


class Problem(NamedTuple):
    at: int  # which of the rungs given
    field: str
    message: str


def check(
    rungs: Sequence[Rung], labels: Sequence[str], explicit: bool = False
) -> tuple[list[Problem], list[int | None]]:
    """Every problem of a ladder, and each rung's last year (None: open-ended).

    A ladder starts at 0 years; each level runs from its min_years to the next level's (in
    order of min_years), the last one open-ended; a max_years given must agree. `explicit`: every
    level but the last must give its max_years (the bundled data). `labels` name each rung in
    messages about another ("line 3", "levels[2]")."""
    if not rungs:
        return [Problem(0, "levels", "the level ladder is empty")], []
    order = sorted(range(len(rungs)), key=lambda index: rungs[index].min_years)
    problems: list[Problem] = []
    ends: list[int | None] = [None] * len(rungs)
    first = rungs[order[0]]
    if first.min_years != 0:
        problems.append(
            Problem(order[0], "min_years", f"levels must start at 0, not {first.min_years}")
        )
    names: dict[str, int] = {}
    for place, index in enumerate(order):
        rung = rungs[index]
        key = rung.level.casefold()
        if key in names:
            problems.append(Problem(index, "level", f"{rung.level!r} repeats {labels[names[key]]}"))
        names.setdefault(key, index)
        nxt = order[place + 1] if place + 1 < len(order) else None
        following = rungs[nxt] if nxt is not None else None
        if following is not None and nxt is not None and following.min_years == rung.min_years:
            problems.append(
                Problem(
                    nxt,
                    "min_years",
                    f"overlaps {rung.level!r} of {labels[index]} (both start at {rung.min_years})",
                )
            )
        end = following.min_years - 1 if following else None
        ends[index] = end
        after = f"{following.level!r} of {labels[nxt]}" if following and nxt is not None else ""
        given = rung.max_years
        if given is None:
            if explicit and end is not None:
                problems.append(Problem(index, "max_years", f"empty, but {after} follows it"))
        elif given < rung.min_years:
            problems.append(
                Problem(index, "max_years", f"{given} is below min_years {rung.min_years}")
            )
        elif end is None:
            problems.append(
                Problem(index, "max_years", "the last level is open-ended: leave it empty")
            )
        elif given > end:
            problems.append(
                Problem(index, "max_years", f"overlaps {after}, which starts at {end + 1}")
            )
        elif given < end:
            problems.append(
                Problem(
                    index,
                    "max_years",
                    f"gap before {after}: years {given + 1}-{end} are in no level",
                )
            )
    return problems, ends
