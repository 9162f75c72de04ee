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
from operator import itemgetter
from typing import IO, Any

from salarycli.batch.answers import Answers, clash_warning, clashing, named, output_fields
from salarycli.batch.cells import as_text, json_problem, past_the_record, valid_text
from salarycli.batch.columns import question_columns, question_keys
from salarycli.batch.failures import Failures
from salarycli.batch.lines import LIMIT_TEXT, MAX_LINE, Lines, sanitised
from salarycli.batch.settings import (
    DEFAULT_OUTPUT,
    EXTENSIONS,
    QUESTION,
    Incoming,
    Settings,
    Summary,
    always,
    defaults_for,
    header_row,
    input_format_for,
    odd_row,
    trial,
)
from salarycli.batch.worth import worth
from salarycli.errors import BadInput, StrictStop
from salarycli.present.render import Format, Writer
from salarycli.session import Session

SPLIT = True  # plain lines are split, not read by csv.reader (tests compare the two ways)
PENDING = 3 * 4096  # pieces of output held before they are written (three or four a record)
# Distinct lines remembered with their answers (and as many refused lines): about 200 bytes
# each, so about 9 MiB when full, which keeps a 1M-row batch within 20 MiB of a 1,000-row one
# (README, "salarycli batch"). When it is full, the lines in it stay and others are answered as
# they come: emptying it would make an input of more distinct lines than this miss on nearly
# every line (benchmarks/RESULTS.md, issues #15 and #14).
KNOWN_LINES = 44 * 1024
TRIAL = 8 * 1024  # lines remembered before `known` is checked to pay
QUOTED_LINES = 16 * 1024  # of them, lines with quotes: each holds its cells as written


def run(
    source: IO[bytes],
    out: IO[str],
    err: IO[str],
    settings: Settings,
    session: Session,
    progress: Callable[[], None] | None = None,
    errors: IO[str] | None = None,
) -> Summary:
    """Estimate every record of `source` into `out`; row problems go to `err`, and with
    `errors` (--errors FILE) every failed input record with its reason."""
    return _Batch(out, err, settings, session, progress, errors).run(source)


class _Batch:
    def __init__(
        self,
        out: IO[str],
        err: IO[str],
        settings: Settings,
        session: Session,
        progress: Callable[[], None] | None,
        errors: IO[str] | None = None,
    ) -> None:
        self.err, self.settings = err, settings
        self.failures = Failures(settings.quiet, errors, settings.input_format == "jsonl")
        self.progress = progress
        self.summary = Summary()
        self.writer = Writer(
            Format(settings.output_format), out, compact=True, safe_csv=settings.safe_csv
        )
        self.pending = self.writer.pending  # the fast path appends to it directly
        self.problems: list[str] = []
        self.header: list[str] | None = None  # output columns, once known
        self.warned = False
        self.err_gone = False
        wanted = settings.net or settings.real
        more = (
            worth(session, settings.net, settings.real, settings.filing, settings.state)
            if wanted
            else None
        )
        self.answers = Answers(session, self.writer, settings.per == "hour", more)
        self.fields = output_fields(settings.per == "hour", more[1] if more else ())
        self.taken: set[str] = set()  # the estimate fields' names in the output, casefolded
        self.replaced: set[str] = set()  # the input's columns named as estimate fields

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
            if lines.problems:  # a line of this record could not be kept as it was
                found = [n for n in lines.problems if record.line <= n <= lines.number]
                if found:
                    record = Incoming(
                        record.line,
                        tuple(sanitised(value) for value in record.question),
                        [(name, sanitised(value)) for name, value in record.extras],
                        lines.problems[min(found)],
                    )
                lines.problems.clear()
            self._write(record)
        count = self.summary.estimated + self.summary.failed
        if not count and self.header is None:
            raise BadInput("the input is empty: no records")
        self._start()
        self.writer.close()
        self.problems += self.failures.rest()
        self.flush()
        self.summary.causes = self.failures.by_cause()
        return self.summary

    def _delimited(self, lines: Lines, delimiter: str) -> Iterator[Incoming]:
        csv.field_size_limit(MAX_LINE + 2)  # a longer field spans lines: see _past_the_record
        source = iter(lines)
        pushed: list[str] = []  # a line for csv.reader to read next

        def feed() -> Iterator[str]:  # lines with their ends, as csv.reader reads them
            while True:
                if pushed:
                    yield pushed.pop()
                    continue
                line = next(source, None)
                if line is None:
                    return
                yield line + lines.end

        reader = csv.reader(feed(), delimiter=delimiter)
        header = header_row(reader, lines, self.settings.input_format)
        names = [cell.strip() for cell in header]
        self.failures.start(header)
        at = question_columns(names, self.settings.columns())
        self.answers.labels = {
            f"--{field}": f"the {field} column ({names[at[field]]!r})"
            for field in ("years", "level")
            if field in at
        }
        self._name_fields(header)
        defaults = defaults_for(self.settings, set(at))
        width = len(names)
        # The question's five fields from a row: absent columns read their defaults, which
        # stand after the row's own cells.
        absent = [name for name in QUESTION if name not in at]
        tail = [defaults[name] for name in absent]
        question_of = itemgetter(*(at[n] if n in at else width + absent.index(n) for n in QUESTION))
        cells = self.writer.text_cells
        delimiter_out = self.writer.delimiter
        # A line that was split is its own cells as the writer would write them, when the
        # writer's delimiter is the input's and no cell is to be guarded (--safe-csv)
        as_read = delimiter_out == delimiter and not self.settings.safe_csv
        pieces_of, pending, summary = self.answers.pieces, self.pending, self.summary
        fast = self._plain_rows() and not self.replaced
        # With `fast`, each line that was one record, answered, is remembered with its
        # answer's pieces: a line met again is one lookup, not a parse and an answer. A line
        # whose cells are written as they came (`as_read`: split, or quoted as the writer
        # quotes) is written as it is, the key itself, then the pieces, the first beginning
        # with the delimiter (one string for all lines of an answer, from `led`), so that
        # memory holds no copy of the line. Other lines are remembered, fewer of them, in
        # `quoted`, with their cells as written.
        known: dict[str, tuple[str, ...]] = {}
        quoted: dict[str, tuple[str, ...]] = {}
        led: dict[str, str] = {}  # an answer's first piece -> the delimiter and it
        # The first TRIAL lines are remembered as they come; then, unless lines met again
        # have paid for them (_trial), only lines met a second time (Twice).
        again: Callable[[str], bool] = always
        fresh = 0  # lines answered that were not in `known` (the others: hits - fresh)
        # and lines refused: (error, output, cells)
        refused: dict[str, tuple[str, str, list[str]]] = {}
        split = SPLIT
        hits = 0  # lines answered from `known`, added to the summary when the input ends
        start = last = lines.number  # the first and last line of the record being read
        try:
            while True:  # until the input ends; a malformed line is a record error, then go on
                try:
                    for line in source:
                        found = known.get(line)
                        if found is not None:  # the common case, kept short: most rows
                            hits += 1
                            pending += found
                            if len(pending) >= PENDING:
                                self.flush()
                            continue
                        found = quoted.get(line) if quoted else None
                        if found is not None:
                            hits += 1
                            pending += found
                            if len(pending) >= PENDING:
                                self.flush()
                            continue
                        start = lines.number
                        failure = refused.get(line) if refused else None
                        if failure is not None:  # a line refused before: refused again
                            self._refuse(start, *failure)
                            continue
                        # A line without a quote or NUL is one record whose fields are what
                        # lies between delimiters: split, it reads as csv.reader reads it, at
                        # a fraction of the cost. Any other line, csv.reader reads (with the
                        # lines after it, for a quoted field that spans lines).
                        if not split or '"' in line or "\0" in line:
                            pushed.append(line + lines.end)
                            row = next(reader)
                            plain = False
                        else:
                            row = line.split(delimiter) if line else []
                            plain = as_read
                        last = lines.number
                        if len(row) != width or lines.problems:
                            flagged = any(start <= n <= last for n in lines.problems)
                            odd = odd_row(row, header, at, defaults, flagged)
                            yield from (Incoming(start, *parts) for parts in odd)
                            continue
                        question = question_of(row + tail)
                        if fast:  # the row's own cells as they came, then its estimate
                            answer, error = pieces_of(question)
                            one_line = start == last
                            if error is None:
                                hits += 1
                                first, years_cell, after = answer
                                first = led.get(first) or led.setdefault(
                                    first, delimiter_out + first
                                )
                                own = None if plain else cells(row)
                                fresh += 1
                                if plain or (as_read and own == line):  # written as it came
                                    answer = (line, first, years_cell, after)
                                    if one_line and len(known) < KNOWN_LINES:
                                        if again(line):
                                            known[line] = answer
                                        if len(known) == TRIAL and again is always:
                                            again = trial(hits - fresh, again, TRIAL)
                                else:
                                    answer = (f"{own}{first}", years_cell, after)
                                    if one_line and len(quoted) < QUOTED_LINES and again(line):
                                        quoted[line] = answer
                                pending += answer
                                if len(pending) >= PENDING:
                                    self.flush()
                                continue
                            failure = (error, cells(row) + delimiter_out + "".join(answer), row)
                            if one_line and len(refused) < KNOWN_LINES and again(line):
                                refused[line] = failure
                            self._refuse(start, *failure)
                            continue
                        yield Incoming(start, question, list(zip(header, row, strict=True)))
                    return
                except csv.Error as error:
                    pushed.clear()
                    reason = str(error)
                    if "field larger than field limit" in reason:
                        past_the_record(lines, source, delimiter)
                        problem = f"a field longer than {LIMIT_TEXT}"
                    else:
                        problem = f"not valid {self.settings.input_format}: {reason}"
                    yield Incoming(start, (None,) * 5, [], problem)
        finally:
            summary.estimated += hits

    def _plain_rows(self) -> bool:
        """Whether a cached answer can be written as it is (csv or tsv, header written)."""
        self._start()
        return self.writer.delimited

    def _jsonl(self, lines: Lines) -> Iterator[Incoming]:
        for text in lines:
            number = lines.number
            if not text.strip() and number not in lines.problems:
                continue
            try:
                document = json.loads(text)
                if "\\u" in text:
                    valid_text(document)
            except ValueError as error:  # JSONDecodeError, a number too long, a surrogate
                yield Incoming(number, (None,) * 5, [], json_problem(error))
                continue
            except RecursionError:
                yield Incoming(number, (None,) * 5, [], "not valid JSON (nested too deeply)")
                continue
            if not isinstance(document, dict):
                yield Incoming(number, (None,) * 5, [], "not a JSON object")
                continue
            found = question_keys(list(document), self.settings.columns())
            defaults = defaults_for(self.settings, set(found))
            question = tuple(
                as_text(document[found[name]]) if name in found else defaults[name]
                for name in QUESTION
            )
            yield Incoming(number, question, list(document.items()))

    def _plain_lines(self, lines: Lines) -> Iterator[Incoming]:
        defaults = defaults_for(self.settings, {"role"})
        self.failures.start(["role"])
        for text in lines:
            role = text.strip()
            if role or lines.number in lines.problems:
                yield Incoming(lines.number, (role, *(defaults[n] for n in QUESTION[1:])), [])

    # --- answering and writing ----------------------------------------------------------

    def _name_fields(self, columns: list[str]) -> list[str]:
        """The output's columns: the input's own (`columns`), but for any named as an estimate
        field (an earlier batch's output read again: this run's answer takes its place, with a
        warning), then the estimate fields, each named as `named` says."""
        names = named(self.fields, self.settings.prefix)
        self.answers.names = names
        self.taken = {name.casefold() for name in names.values()}
        self.replaced = set(clashing(columns, names.values()))
        if self.replaced:
            self.problems.append(clash_warning([c for c in columns if c in self.replaced]))
            self.flush()  # before any record's line
        own = [column for column in columns if column not in self.replaced]
        self.header = [*own, *names.values()]
        return self.header

    def _write(self, record: Incoming) -> None:
        header = self.header
        if header is None:  # jsonl or lines: the first record's fields name the columns
            header = self._name_fields([name for name, _ in record.extras])
        if record.problem is None:
            text, error = self.answers.text(record.question)
        else:
            error = record.problem
            text = self.answers.failure_text(record.question[0], error)
        if error is not None:
            own = record.extras
            if not own and self.settings.input_format == "lines":
                own = [("role", record.question[0])]
            self._failed(record.line, error, own)
        else:
            self.summary.estimated += 1
        self._start()
        if record.extras or len(header) > len(self.fields):
            text = self._with_extras(record, text)
        self.writer.write_text(text)

    def _failed(self, line: int, error: str, fields: list[tuple[str, Any]]) -> None:
        """Count a record that failed and say why (with --strict, stop); `fields`: its own,
        as read, for --errors."""
        self.summary.failed += 1
        self.failures.add(line, error, fields, say=not self.settings.strict)
        if self.settings.strict:
            self.flush()
            raise StrictStop(f"line {line}: {error} (--strict: stopped)")

    def _refuse(self, line: int, error: str, text: str, row: list[str]) -> None:
        """A record of csv or tsv that failed: its output, its own cells included."""
        self._failed(line, error, list(zip(self.failures.columns or (), row, strict=False)))
        self.writer.write_text(text)

    def _start(self) -> None:
        """The csv/tsv header, once, before the first record (or alone, for no records)."""
        if self.header is not None and self.writer.fields is None:
            self.writer.fields = self.header
        self.writer.start()

    def _with_extras(self, record: Incoming, text: str) -> str:
        """The record's own fields, unchanged, before its estimate fields. csv and tsv input
        keep their cells in place; jsonl records' keys fill the header's columns (the first
        record's) in csv and tsv output, and stay as they are in jsonl and json."""
        if not self.writer.delimited:
            if not record.extras:
                return text
            own = dict(record.extras)
            clash = clashing(own, self.taken)
            if clash:  # this record's own keys named as estimate fields: the answer's instead
                own = {key: value for key, value in own.items() if key not in clash}
                if not self.replaced.issuperset(clash):
                    self.replaced.update(clash)
                    self.problems.append(clash_warning(clash, f"line {record.line}"))
            prefix = json.dumps(own, ensure_ascii=self.writer.ascii)[1:-1]
            return "{" + prefix + ", " + text[1:]
        delimiter = self.writer.delimiter
        assert self.header is not None
        columns = self.header[: len(self.header) - len(self.fields)]
        if self.settings.input_format in ("csv", "tsv"):  # a row that could not be read: empty
            values = [value for name, value in record.extras if name not in self.replaced] or [
                ""
            ] * len(columns)
            return self.writer.cells(values) + delimiter + text
        given = dict(record.extras)
        dropped = [name for name in given if name not in columns]
        if dropped and not self.warned:  # jsonl records with other keys than the first
            self.warned = True
            self.problems.append(
                f"salarycli: warning: line {record.line} has fields the first record did "
                f"not ({', '.join(dropped)}); {self.settings.output_format} output keeps the "
                "first record's columns (use --format jsonl to keep every field)"
            )
        if not columns:  # the header has no pass-through columns: the estimate fields alone
            return text
        return self.writer.cells(given.get(column) for column in columns) + delimiter + text

    def flush(self) -> None:
        """Write what is ready, before the next read may wait for the producer."""
        self.writer.flush()
        said = self.failures.take() + self.problems
        if said:
            if not self.err_gone:
                try:
                    self.err.write("\n".join(said) + "\n")
                    self.err.flush()
                except (OSError, ValueError):  # nobody reads stderr: the output goes on
                    self.err_gone = True
            self.problems.clear()
        if self.progress:
            self.progress()


__all__ = [
    "DEFAULT_OUTPUT",
    "EXTENSIONS",
    "QUESTION",
    "Incoming",
    "Settings",
    "Summary",
    "input_format_for",
    "run",
]
