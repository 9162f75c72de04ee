"""`salarycli batch`: estimate a stream of records, one output record per input record, in order.

Reads csv, tsv, jsonl or plain lines in chunks as they arrive and writes each chunk's results
before it waits for more, so a slow producer sees output at once and memory stays flat. Each
distinct question (role, years, level, location, country) is answered once, through the same
Session as `estimate`, and its output is encoded once by the one output path
(present.render.Writer): records repeat, work does not.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import IO, Any

from salarycli.batch.answers import OUTPUT_FIELDS, Answers, encoded, failure_record
from salarycli.batch.lines import Lines, sanitised
from salarycli.errors import BadInput, StrictStop
from salarycli.present.render import Format, Writer
from salarycli.session import Session

EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "lines",
}
DEFAULT_OUTPUT = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "lines": "tsv"}
QUESTION = ("role", "years", "level", "location", "country")


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
class Incoming:
    line: int
    question: tuple[str | None, ...]  # role, years, level, location, country as typed
    extras: list[tuple[str, Any]]  # pass-through fields, in input order
    problem: str | None = None  # why the record cannot even be asked


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
        self.answers = Answers(session, self.writer)

    # --- reading ----------------------------------------------------------------------

    def run(self, source: IO[bytes]) -> Summary:
        lines = Lines(source, self.flush)
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
                record = Incoming(
                    record.line,
                    tuple(sanitised(value) for value in record.question),
                    [(name, sanitised(value)) for name, value in record.extras],
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

    def _delimited(self, lines: Lines, delimiter: str) -> Iterator[Incoming]:
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
                    yield Incoming(start, question, [(names[i], row[i]) for i in extra_at])
                return
            except csv.Error as error:
                start, last = last + 1, reader.line_num
                reason = str(error)
                if "new-line character" in reason:
                    reason = "a line break inside an unquoted field"
                yield Incoming(
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
    ) -> Iterator[Incoming]:
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
        yield Incoming(start, question, [(names[i], row[i]) for i in extra_at], problem)

    def _jsonl(self, lines: Lines) -> Iterator[Incoming]:
        for text in lines:
            number = lines.number
            if not text.strip():
                continue
            try:
                document = json.loads(text)
            except json.JSONDecodeError as error:
                yield Incoming(number, (None,) * 5, [], f"not valid JSON ({error.msg})")
                continue
            if not isinstance(document, dict):
                yield Incoming(number, (None,) * 5, [], "not a JSON object")
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
            yield Incoming(number, question, extras)

    def _plain_lines(self, lines: Lines) -> Iterator[Incoming]:
        defaults = self._defaults({"role"})
        for text in lines:
            role = text.strip()
            if role:
                yield Incoming(lines.number, (role, *(defaults[n] for n in QUESTION[1:])), [])

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

    def _write(self, record: Incoming) -> None:
        if record.problem is None:
            text, error = self.answers.text(record.question)
        else:
            error = record.problem
            text = encoded(self.writer, failure_record(record.question, error))
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

    def _with_extras(self, record: Incoming, text: str) -> str:
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


def _as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    return json.dumps(value)  # 4 -> "4", 4.5 -> "4.5", true -> "true" (then refused as years)
