"""The answers a batch writes, by layers, each remembered, and each encoded once by the one
output path: a million records hold a few thousand distinct questions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from salarycli.core.ladder import RangeYears
from salarycli.core.memo import CACHE_LIMIT
from salarycli.core.record import fields, record, replace
from salarycli.core.records import Estimate, Level, Place, hourly_of
from salarycli.errors import BadInput, SalarycliError
from salarycli.present.render import Writer
from salarycli.resolve.titles import Match
from salarycli.session import Session

ESTIMATE_FIELDS = fields(Estimate)
HOURLY_FIELDS = ("hourly", "hourly_basis")  # with --per hour, before "error"
PREFIX = "estimate_"  # before each estimate field's name in batch's output
HOLES = ("years", "note", "matched_by", "query", "alternatives")


def output_fields(hourly: bool, more: Sequence[str] = ()) -> tuple[str, ...]:
    """The fields of each output record (after the input's own), per year or per hour, with
    `more` (--net's) before "error"."""
    return (*ESTIMATE_FIELDS, *(HOURLY_FIELDS if hourly else ()), *more, "error")


# More fields of an answer, from its estimate and place (--net's take-home), and a note
More = Callable[[Estimate, Place], tuple[dict[str, Any], str | None]]


def named(fields: Sequence[str], prefix: str = PREFIX) -> dict[str, str]:
    """Each estimate field's name in the output: "estimate_" before its name in `estimate`'s
    machine formats, whatever the input's columns are, so that a script reading the output
    (jq, a spreadsheet) reads the same names from every file. (`estimate -`, whose records have
    no columns of their own, writes estimate's names as they are: `prefix` "".)"""
    return {field: prefix + field for field in fields}


def clashing(columns: Iterable[str], names: Iterable[str]) -> list[str]:
    """The input's columns that have the name of a field batch writes (in any case): an earlier
    batch's output read again. This run's estimate takes their place."""
    taken = {name.casefold() for name in names}
    return [column for column in columns if column.strip().casefold() in taken]


def clash_warning(columns: Sequence[str], where: str = "the input") -> str:
    """The warning for `clashing` columns, once."""
    listed = ", ".join(repr(column) for column in columns[:3])
    if len(columns) > 3:
        listed += f" and {len(columns) - 3} more"
    return (
        f"salarycli: warning: {where} already has {listed}, named as batch's own output; "
        f"this run's estimate takes {'their' if len(columns) > 1 else 'its'} place"
    )


class Answers:
    """Answers by layers, each remembered: (years, level) text -> level; (location, country)
    text -> place; (role text, level, place) -> the record's output around its years cell.
    A million records hold a few thousand distinct questions, so a record costs a few
    dictionary lookups; a question not met before goes through the Session like `estimate`.
    Errors are remembered too (an unknown role's suggestions cost milliseconds)."""

    def __init__(
        self,
        session: Session,
        writer: Writer,
        hourly: bool = False,
        more: tuple[More, Sequence[str]] | None = None,
    ) -> None:
        self.session, self.writer, self.hourly = session, writer, hourly
        self.more: More | None = more[0] if more else None
        self.more_fields: Sequence[str] = more[1] if more else ()
        fields = output_fields(hourly, self.more_fields)
        self.names = named(fields)  # field -> its name in the output
        self.labels: dict[str, str] = {}  # "--years" -> "the years column ('Experience')"
        self.levels: dict[tuple[str | None, str | None], Any] = {}
        self.parts: dict[tuple[str | None, str, str | None, str | None], Any] = {}
        self.shapes: dict[tuple[Any, ...], Any] = {}
        self.failures: dict[tuple[str | None, ...], tuple[tuple[str], str]] = {}

    def text(self, question: tuple[str | None, ...]) -> tuple[str, str | None]:
        """The record's output (without pass-through fields) and its error, if any."""
        pieces, error = self.pieces(question)
        return "".join(pieces), error

    def pieces(self, question: tuple[str | None, ...]) -> tuple[tuple[str, ...], str | None]:
        """The record's output as pieces of text that are shared between records (joined,
        its output without pass-through fields), and its error, if any."""
        role, years, level, location, country = question
        level_part = self.levels.get((years, level))  # (level name, years cell, Level)
        if level_part is not None and level_part.__class__ is not Failure:
            parts = self.parts.get((role, level_part[0], location, country))
            if parts is not None and parts.__class__ is not Failure:
                return (parts[0], level_part[1], parts[1]), None  # what nearly every record takes
        failed = self.failures.get(question)
        if failed is not None:
            return failed
        try:
            level_part = self._get(self.levels, (years, level), self._level)
            key = (role, level_part[0], location, country)
            before, after = self._get(self.parts, key, self._parts)
        except SalarycliError as problem:
            if len(self.failures) >= CACHE_LIMIT:
                self.failures.clear()
            failed = (
                (self.failure_text(question[0], problem.message),),
                problem.message,
            )
            self.failures[question] = failed
            return failed
        return (before, level_part[1], after), None

    @staticmethod
    def _get(cache: dict[Any, Any], key: Any, make: Callable[[Any], Any]) -> Any:
        found = cache.get(key)
        if found is None:
            if len(cache) >= CACHE_LIMIT:
                cache.clear()
            try:
                found = cache[key] = make(key)
            except SalarycliError as problem:
                found = cache[key] = Failure(problem.message)
        if isinstance(found, Failure):  # raise a new error: re-raising one grows its traceback
            raise SalarycliError(found.message)
        return found

    def _level(self, key: tuple[str | None, str | None]) -> tuple[Any, str, Level | None]:
        """(level name, years cell, level); the name is "" when the title is to set it, and
        (name, note) for years typed as a range (read as its middle, which the note says)."""
        years, level = (text.strip() or None if text else None for text in key)
        try:
            choice = self.session.level(years, level)
        except BadInput as problem:  # name the column the value came from, not the option
            message = problem.message
            for option, label in self.labels.items():
                message = message.replace(option, label)
            raise BadInput(message) from None
        found, given = choice if choice else (None, None)
        name: Any = found.level if found else ""
        if isinstance(given, RangeYears):  # its note goes with the answer: a key of its own
            name = (name, given.note(name))
        return name, self.writer.value(given), found

    def _parts(self, key: tuple[str | None, Any, str | None, str | None]) -> tuple[str, str]:
        """The output of (role, level, location, country) before and after its years cell.

        Thousands of distinct titles name a few hundred roles: the text of an answer is
        remembered by what it depends on (the role, how it matched, the level and the place)
        with a hole for the title as typed, so a new title costs its match and a lookup."""
        role, level_key = key[:2]
        level_name, range_note = (level_key, None) if level_key.__class__ is str else level_key
        place = self.session.place(*(text.strip() or None if text else None for text in key[2:]))
        if not role or not role.strip():
            raise BadInput("the role is empty")
        match = self.session.match(role.strip())
        alike = (match.role.role, match.level, match.word, level_name, place)
        before, *pieces, rest = self._get(
            self.shapes, alike, lambda _: self._shape(match, level_name, place)
        )
        note = "; ".join(text for text in (match.note, range_note, rest) if text) or None
        value = self.writer.value
        after = (
            pieces[0]
            + value(note)
            + pieces[1]
            + value(match.matched_by)
            + pieces[2]
            + value(match.query)
            + pieces[3]
            + value(match.alternative_records())
            + pieces[4]
        )
        return before, after

    def _shape(self, match: Match, level_name: str, place: Place) -> list[Any]:
        """An answer's text cut at what differs between titles of one role (years, note,
        matched_by, query, alternatives), and its note but for what the title's match says: what
        `_parts` remembers."""
        levels = {level.level: level for level in self.session.data.levels}
        choice = (levels[level_name], None) if level_name else None
        plain = replace(match, alternatives=(), corrected=())  # says nothing of its own
        result = self.session.answer(plain, choice, place)
        values = {name: getattr(result, name) for name in ESTIMATE_FIELDS}
        if self.hourly:  # the estimate per hour: its yearly figure / 2,080
            known = result.salary is not None
            values["hourly"] = hourly_of(result.salary) if result.salary is not None else None
            values["hourly_basis"] = "annual / 2,080" if known else None
        said = result.note
        if self.more is not None:
            found, why = self.more(result, place)
            values.update(found)
            said = "; ".join(text for text in (said, why) if text) or None
        values["error"] = None
        names = self.names
        holes = [names[hole] for hole in HOLES]
        renamed = {names[field]: value for field, value in values.items()}
        return [*self.writer.pieces(renamed, holes), said]

    def failure_text(self, role: str | None, error: str) -> str:
        """The estimate fields of a record that could not be estimated, as written."""
        record = failure_record(role, error, self.hourly, self.more_fields)
        return encoded(self.writer, {self.names[field]: value for field, value in record.items()})


@record(unsafe_hash=True, slots=False)
class Failure:
    """A remembered answer that was an error."""

    message: str


def encoded(writer: Writer, values: dict[str, Any]) -> str:
    """A record's estimate fields (without its pass-through fields) as `writer` writes them."""
    return writer.cells(values.values()) + "\n" if writer.delimited else writer.text(values)


def failure_record(
    role: str | None, error: str, hourly: bool = False, more: Sequence[str] = ()
) -> dict[str, Any]:
    """A record that could not be estimated: no figures and no resolved names (what was typed
    passes through in the input's own columns), `query` the role as typed, as on every
    estimated record, and why in `error`."""
    values: dict[str, Any] = dict.fromkeys(output_fields(hourly, more))
    values.update(query=role.strip() or None if role else None, error=error)
    return values
