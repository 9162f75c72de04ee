"""`salarycli batch`: estimate a stream of records, one output record per input record, in order.

Reads csv, tsv, jsonl or plain lines in chunks as they arrive and writes each chunk's results
before it waits for more, so a slow producer sees output at once and memory stays flat. Each
distinct question (role, years, level, location, country) is answered once, through the same
Session as `estimate`, and its output is encoded once by the one output path
(present.render.Writer): records repeat, work does not.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from operator import itemgetter
from typing import IO, Any

from salarycli.core.records import Estimate, Level
from salarycli.errors import BadInput, SalarycliError, StrictStop
from salarycli.present.render import Format, Writer
from salarycli.session import CACHE_LIMIT, Session

EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "lines",
}
DEFAULT_OUTPUT = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "lines": "tsv"}
ESTIMATE_FIELDS = tuple(item.name for item in fields(Estimate))
OUTPUT_FIELDS = (*ESTIMATE_FIELDS, "error")
QUESTION = ("role", "years", "level", "location", "country")
CHUNK = 1 << 16  # bytes read at a time; output is flushed before each read
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape


@dataclass
class Settings:
    input_format: str = "csv"
    output_format: str = "csv"
    years: str | None = None  # defaults for a column the input lacks
    level: str | None = None
    location: str | None = None
    country: str | None = None
    strict: bool = False
    safe_csv: bool = False


@dataclass
class Summary:
    estimated: int = 0
    failed: int = 0

    @property
    def line(self) -> str:
        return f"{self.estimated} estimated, {self.failed} failed"


@dataclass
class _Record:
    line: int
    question: tuple[str | None, ...]  # role, years, level, location, country as typed
    extras: list[tuple[str, Any]]  # pass-through fields, in input order
    problem: str | None = None  # why the record cannot even be asked


@dataclass
class _Lines:
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


def input_format_for(path: str, chosen: str | None) -> str:
    if chosen:
        return chosen
    for ending, name in EXTENSIONS.items():
        if path.lower().endswith(ending):
            return name
    return "csv"


def run(
    source: IO[bytes],
    out: IO[str],
    err: IO[str],
    settings: Settings,
    session: Session,
    progress: Callable[[], None] | None = None,
) -> Summary:
    """Estimate every record of `source` into `out`; row problems go to `err`."""
    return _Batch(out, err, settings, session, progress).run(source)


class _Answers:
    """Answers by layers, each remembered: (years, level) text -> level; (location, country)
    text -> place; (role text, level, place) -> the record's output around its years cell.
    A million records hold a few thousand distinct questions, so a record costs a few
    dictionary lookups; a question not met before goes through the Session like `estimate`.
    Errors are remembered too (an unknown role's suggestions cost milliseconds)."""

    def __init__(self, session: Session, writer: Writer) -> None:
        self.session, self.writer = session, writer
        self.rungs: dict[tuple[str | None, str | None], Any] = {}
        self.parts: dict[tuple[str | None, str, str | None, str | None], Any] = {}
        self.failures: dict[tuple[str | None, ...], tuple[str, str]] = {}

    def text(self, question: tuple[str | None, ...]) -> tuple[str, str | None]:
        """The record's output (without pass-through fields) and its error, if any."""
        role, years, level, location, country = question
        rung = self.rungs.get((years, level))  # (level name, years cell, Level)
        if rung is not None and rung.__class__ is not _Failure:
            parts = self.parts.get((role, rung[0], location, country))
            if parts is not None and parts.__class__ is not _Failure:
                return parts[0] + rung[1] + parts[1], None  # what nearly every record takes
        failed = self.failures.get(question)
        if failed is not None:
            return failed
        try:
            rung = self._get(self.rungs, (years, level), self._rung)
            key = (role, rung[0], location, country)
            before, after = self._get(self.parts, key, self._parts)
        except SalarycliError as problem:
            if len(self.failures) >= CACHE_LIMIT:
                self.failures.clear()
            failed = (_encoded(self.writer, _failed(question, problem.message)), problem.message)
            self.failures[question] = failed
            return failed
        return before + rung[1] + after, None

    @staticmethod
    def _get(cache: dict[Any, Any], key: Any, make: Callable[[Any], Any]) -> Any:
        found = cache.get(key)
        if found is None:
            if len(cache) >= CACHE_LIMIT:
                cache.clear()
            try:
                found = cache[key] = make(key)
            except SalarycliError as problem:
                found = cache[key] = _Failure(problem.message)
        if isinstance(found, _Failure):  # raise a new error: re-raising one grows its traceback
            raise SalarycliError(found.message)
        return found

    def _rung(self, key: tuple[str | None, str | None]) -> tuple[str, str, Level | None]:
        """(level name, years cell, level); the name is "" when the title is to set it."""
        years, level = (text.strip() or None if text else None for text in key)
        chosen = self.session.level(years, level)
        rung, given = chosen if chosen else (None, None)
        return rung.level if rung else "", self.writer.value(given), rung

    def _parts(self, key: tuple[str | None, str, str | None, str | None]) -> tuple[str, str]:
        """The output of (role, level, location, country) before and after its years cell."""
        role, level_name = key[:2]
        place = self.session.place(*(text.strip() or None if text else None for text in key[2:]))
        if not role or not role.strip():
            raise BadInput("the role is empty")
        levels = {level.level: level for level in self.session.data.levels}
        chosen = (levels[level_name], None) if level_name else None
        result = self.session.answer(self.session.match(role.strip()), chosen, place)
        values = {name: getattr(result, name) for name in ESTIMATE_FIELDS}
        values["error"] = None
        return self.writer.around(values, "years")


@dataclass(frozen=True)
class _Failure:
    """A remembered answer that was an error."""

    message: str


class _Batch:
    def __init__(
        self,
        out: IO[str],
        err: IO[str],
        settings: Settings,
        session: Session,
        progress: Callable[[], None] | None,
    ) -> None:
        self.err, self.settings = err, settings
        self.progress = progress
        self.summary = Summary()
        self.writer = Writer(
            Format(settings.output_format), out, compact=True, safe_csv=settings.safe_csv
        )
        self.pending = self.writer.pending  # the fast path appends to it directly
        self.problems: list[str] = []
        self.header: list[str] | None = None  # output columns, once known
        self.warned = False
        self.answers = _Answers(session, self.writer)

    # --- reading ----------------------------------------------------------------------

    def run(self, source: IO[bytes]) -> Summary:
        lines = _Lines(source, self.flush)
        kind = self.settings.input_format
        records = (
            self._delimited(lines, "\t" if kind == "tsv" else ",")
            if kind in ("csv", "tsv")
            else self._jsonl(lines)
            if kind == "jsonl"
            else self._plain_lines(lines)
        )
        for record in records:
            if lines.bad and any(n in lines.bad for n in range(record.line, lines.number + 1)):
                record = _Record(
                    record.line,
                    tuple(_sanitised(value) for value in record.question),
                    [(name, _sanitised(value)) for name, value in record.extras],
                    f"line {min(n for n in lines.bad if n >= record.line)} is not valid UTF-8",
                )
                lines.bad.clear()
            self._write(record)
        count = self.summary.estimated + self.summary.failed
        if not count and self.header is None:
            raise BadInput("the input is empty: no records")
        self._start()
        self.writer.close()
        self.flush()
        return self.summary

    def _delimited(self, lines: _Lines, delimiter: str) -> Iterator[_Record]:
        reader = csv.reader(iter(lines), delimiter=delimiter)
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)  # blank lines before the header
        if header is None:
            raise BadInput("the input is empty: no header row")
        names = [cell.strip() for cell in header]
        lowered = [name.casefold() for name in names]
        if "role" not in lowered:
            raise BadInput(f"the input has no 'role' column (its columns: {', '.join(names)})")
        at = {name: lowered.index(name) for name in QUESTION if name in lowered}
        extra_at = [i for i, name in enumerate(lowered) if at.get(name, -1) != i]
        self.header = [names[i] for i in extra_at] + list(OUTPUT_FIELDS)
        defaults = self._defaults(set(at))
        width = len(names)
        # The question's five fields from a row: absent columns read their defaults, which
        # stand after the row's own cells.
        absent = [name for name in QUESTION if name not in at]
        tail = [defaults[name] for name in absent]
        question_of = itemgetter(*(at[n] if n in at else width + absent.index(n) for n in QUESTION))
        text_of, pending, summary = self.answers.text, self.pending, self.summary
        fast = self._plain_rows() and not extra_at
        last = reader.line_num
        while True:  # until the input ends; a malformed line is a record error, then go on
            try:
                for row in reader:
                    start = last + 1
                    last = reader.line_num
                    if len(row) != width or lines.bad:
                        yield from self._odd_row(row, start, width, names, at, extra_at, defaults)
                        continue
                    question = question_of(row + tail)
                    if fast:
                        text, error = text_of(question)
                        if error is None:  # the common case, kept short: it runs for every row
                            summary.estimated += 1
                            pending.append(text)
                            if len(pending) >= 4096:
                                self.flush()
                            continue
                    yield _Record(start, question, [(names[i], row[i]) for i in extra_at])
                return
            except csv.Error as error:
                start, last = last + 1, reader.line_num
                reason = str(error)
                if "new-line character" in reason:
                    reason = "a line break inside an unquoted field"
                yield _Record(
                    start, (None,) * 5, [], f"not valid {self.settings.input_format}: {reason}"
                )

    def _plain_rows(self) -> bool:
        """Whether a cached answer can be written as it is (csv or tsv, header written)."""
        self._start()
        return self.writer.delimited

    def _odd_row(
        self,
        row: list[str],
        start: int,
        width: int,
        names: list[str],
        at: dict[str, int],
        extra_at: list[int],
        defaults: dict[str, str | None],
    ) -> Iterator[_Record]:
        """A row that is blank, short, long, or on a line that was not UTF-8."""
        if not row or (len(row) == 1 and not row[0].strip()):
            return  # a blank line
        problem = None
        if len(row) > width:
            problem = f"{len(row)} fields, but the header has {width}"
        elif len(row) < width:
            row = row + [""] * (width - len(row))
        question = tuple(
            (row[at[name]].strip() or None) if name in at else defaults[name] for name in QUESTION
        )
        yield _Record(start, question, [(names[i], row[i]) for i in extra_at], problem)

    def _jsonl(self, lines: _Lines) -> Iterator[_Record]:
        for text in lines:
            number = lines.number
            if not text.strip():
                continue
            try:
                document = json.loads(text)
            except json.JSONDecodeError as error:
                yield _Record(number, (None,) * 5, [], f"not valid JSON ({error.msg})")
                continue
            if not isinstance(document, dict):
                yield _Record(number, (None,) * 5, [], "not a JSON object")
                continue
            keys = {key.casefold(): key for key in document}
            present = {name for name in QUESTION if name in keys}
            defaults = self._defaults(present)
            question = tuple(
                _as_text(document[keys[name]]) if name in present else defaults[name]
                for name in QUESTION
            )
            extras = [
                (key, value) for key, value in document.items() if key.casefold() not in QUESTION
            ]
            yield _Record(number, question, extras)

    def _plain_lines(self, lines: _Lines) -> Iterator[_Record]:
        defaults = self._defaults({"role"})
        for text in lines:
            role = text.strip()
            if role:
                yield _Record(lines.number, (role, *(defaults[n] for n in QUESTION[1:])), [])

    def _defaults(self, columns: set[str]) -> dict[str, str | None]:
        """--years/--level fill in when the input has neither column; --location/--country
        when it has neither of those."""
        s = self.settings
        levels = not columns & {"years", "level"}
        places = not columns & {"location", "country"}
        return {
            "role": None,
            "years": s.years if levels else None,
            "level": s.level if levels else None,
            "location": s.location if places else None,
            "country": s.country if places else None,
        }

    # --- answering and writing ----------------------------------------------------------

    def _write(self, record: _Record) -> None:
        if record.problem is None:
            text, error = self.answers.text(record.question)
        else:
            error = record.problem
            text = _encoded(self.writer, _failed(record.question, error))
        if error is not None:
            self.summary.failed += 1
            message = f"salarycli: line {record.line}: {error}"
            if self.settings.strict:
                self.flush()
                raise StrictStop(f"line {record.line}: {error} (--strict: stopped)")
            self.problems.append(message)
        else:
            self.summary.estimated += 1
        if self.header is None:  # jsonl or lines: the first record's pass-through fields
            self.header = [name for name, _ in record.extras] + list(OUTPUT_FIELDS)
        self._start()
        if record.extras:
            text = self._with_extras(record, text)
        self.writer.write_text(text)

    def _start(self) -> None:
        """The csv/tsv header, once, before the first record (or alone, for no records)."""
        if self.header is not None and self.writer.fields is None:
            self.writer.fields = self.header
        self.writer.start()

    def _with_extras(self, record: _Record, text: str) -> str:
        """The record's pass-through fields before its estimate fields; in csv and tsv, the
        header's columns, in the header's order, whatever the record has."""
        if not self.writer.delimited:
            prefix = json.dumps(dict(record.extras), ensure_ascii=False)[1:-1]
            return "{" + prefix + ", " + text[1:]
        assert self.header is not None
        columns = self.header[: len(self.header) - len(OUTPUT_FIELDS)]
        given = dict(record.extras)
        dropped = [name for name in given if name not in columns]
        if dropped and not self.warned:  # jsonl records with other keys than the first
            self.warned = True
            self.problems.append(
                f"salarycli: warning: line {record.line} has fields the first record did "
                f"not ({', '.join(dropped)}); {self.settings.output_format} output keeps the "
                "first record's columns (use --format jsonl to keep every field)"
            )
        return self.writer.cells(given.get(column) for column in columns) + (
            self.writer.delimiter + text
        )

    def flush(self) -> None:
        """Write what is ready, before the next read may wait for the producer."""
        self.writer.flush()
        if self.problems:
            self.err.write("\n".join(self.problems) + "\n")
            self.problems.clear()
            self.err.flush()
        if self.progress:
            self.progress()


def _encoded(writer: Writer, values: dict[str, Any]) -> str:
    """A record's estimate fields (without its pass-through fields) as `writer` writes them."""
    return writer.cells(values.values()) + "\n" if writer.delimited else writer.text(values)


def _failed(question: tuple[str | None, ...], error: str) -> dict[str, Any]:
    """A record that could not be estimated keeps what was typed and says why."""
    values: dict[str, Any] = dict.fromkeys(ESTIMATE_FIELDS)
    role, years, level, location, country = question
    values.update(role=role, years=years, level=level, location=location or country, error=error)
    return values


def _as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    return json.dumps(value)  # 4 -> "4", 4.5 -> "4.5", true -> "true" (then refused as years)


def _sanitised(value: Any) -> Any:
    """Text with the bytes that were not UTF-8 shown as U+FFFD, so output stays valid UTF-8."""
    if not isinstance(value, str):
        return value
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
