"""The one output path: plain records in, table | json | jsonl | csv | tsv out, written to a
given stream as they are produced (in the style of sqlite-utils' output_rows).

Every command, batch and `estimate -` included, writes through a Writer. Machine formats are
tidy (one record per row, the same snake_case fields everywhere, bare numbers, missing figures
empty or null); only tables format money ("$142,495"), and rich is imported only when a table
is drawn (present.table). Columns are fixed by the first record's schema (`fields`, or the
first record's keys when none is given): every row has exactly the header's columns.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import IO, TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from salarycli.present.table import View

Record = Mapping[str, Any]
Kind = Literal["text", "money", "signed_money", "multiplier", "factor", "number", "range"]
MISSING = "n/a"  # how a table shows a figure the source did not publish
RISKY = ("=", "+", "-", "@", "\t", "\r")  # cells a spreadsheet may run as formulas (CWE-1236)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


# What each kind of command offers, in the order its help lists them.
REPORT_FORMATS = (Format.table, Format.json, Format.jsonl, Format.csv, Format.tsv)
STREAM_FORMATS = (Format.csv, Format.tsv, Format.jsonl, Format.json)
EXPORT_FORMATS = (Format.table, Format.json, Format.jsonl, Format.csv, Format.tsv)


def is_terminal(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def is_utf8(stream: IO[str]) -> bool:
    """Whether `stream` writes UTF-8 (a StringIO, which holds any text, counts as UTF-8)."""
    encoding = getattr(stream, "encoding", None)
    return encoding is None or encoding.lower().replace("-", "").replace("_", "") == "utf8"


def default_format(stream: IO[str]) -> Format:
    """table for a person at a terminal, tsv for cut, sort and awk."""
    return Format.table if is_terminal(stream) else Format.tsv


def plain(value: Any) -> Any:
    """A bare JSON/CSV value: whole numbers as int (4, not 4.0), other numbers as float."""
    if isinstance(value, Decimal | float):
        if not value.is_finite() if isinstance(value, Decimal) else not math.isfinite(value):
            return float(value)
        return int(value) if value == int(value) else float(value)
    return value


def cell_value(value: Any) -> str:
    """A csv/tsv cell: missing is empty, booleans and nested values as JSON writes them."""
    kind = type(value)
    if kind is int or kind is str:  # most cells: no conversion to try
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(plain(value))


def format_value(value: Any, kind: Kind, currency: str = "USD") -> str:
    """How a table cell shows a value: "$142,495", "0.90", "n/a" for a missing figure."""
    if value is None:
        return MISSING
    if kind in ("money", "signed_money"):
        sign = "-" if value < 0 else ("+" if kind == "signed_money" and value > 0 else "")
        amount = f"{abs(value):,}"
        if currency == "USD_PPP":  # US dollars at purchasing power parity (OECD)
            return f"{sign}${amount} PPP"
        return f"{sign}${amount}" if currency == "USD" else f"{sign}{amount} {currency}"
    if kind == "multiplier":
        return f"{value:.2f}"
    if kind == "factor":
        return f"{value:.4f}"
    if kind == "number":
        number = plain(value)
        return f"{number:,}" if isinstance(number, int) else str(number)
    return str(value)


class Writer:
    """Writes records in one format to `stream` as they come.

    csv/tsv: a header of `fields` (default: the first record's keys), then each record's values
    in that order, missing ones empty. json: an array, each record indented (or, `compact`,
    one per line); `single` writes one object instead. jsonl: one object per line. table:
    collected and drawn on close(), since a column's width depends on every row. Text is held
    until flush() (or 4,096 rows), so a long stream is written in few system calls."""

    def __init__(
        self,
        fmt: Format,
        stream: IO[str],
        *,
        fields: Sequence[str] | None = None,
        view: View | None = None,
        single: bool = False,
        compact: bool = False,
        safe_csv: bool = False,
    ) -> None:
        self.fmt, self.stream, self.view = fmt, stream, view
        self.fields = list(fields) if fields is not None else None
        self.single, self.compact, self.safe_csv = single, compact, safe_csv
        self.delimiter = "\t" if fmt is Format.tsv else ","
        self._quote = re.compile('[\t"\r\n]' if fmt is Format.tsv else '[,"\r\n]')
        # A stream that cannot hold every character (PYTHONIOENCODING=ascii): json escapes them
        # as \u00e9, valid json in any encoding; the other formats as \xe9 (output()).
        self.ascii = not is_utf8(stream)
        self.count = 0
        self._started = False
        self.pending: list[str] = []
        self._table: list[Record] = []

    @property
    def delimited(self) -> bool:
        return self.fmt in (Format.csv, Format.tsv)

    def cells(self, values: Iterable[Any]) -> str:
        """csv/tsv: values as one line, without its line end. A field holding the delimiter, a
        quote, CR or LF is quoted (as csv.writer quotes with a CRLF terminator)."""
        texts = [cell_value(value) for value in values]
        if self.safe_csv:
            texts = [("'" + text) if text.startswith(RISKY) else text for text in texts]
        joined = self.delimiter.join(texts)
        if not self._quote.search(joined):
            return joined
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=self.delimiter, lineterminator="\r\n").writerow(texts)
        return buffer.getvalue()[:-2]

    def text_cells(self, texts: Sequence[str]) -> str:
        """cells() of values that are all text (a csv row as read), at a fraction of its cost:
        each field quoted on its own, as csv.writer quotes it."""
        if self.safe_csv:
            return self.cells(texts)
        needs = self._quote.search
        return self.delimiter.join(
            '"' + text.replace('"', '""') + '"' if needs(text) else text for text in texts
        )

    def text(self, record: Record) -> str:
        """One record as this format writes it, line end included (not for tables)."""
        if self.delimited:
            names = self.fields if self.fields is not None else list(record)
            return self.cells([record.get(name) for name in names]) + "\n"
        bare = {key: plain(value) for key, value in record.items()}
        if self.fmt is Format.json and not self.compact:
            return json.dumps(bare, indent=2, ensure_ascii=self.ascii) + "\n"
        return json.dumps(bare, ensure_ascii=self.ascii) + "\n"

    def around(self, record: Record, name: str) -> tuple[str, str]:
        """A record's text before and after the value of field `name`: a stream that repeats
        a record but for that value writes before + that value's text + after."""
        before, after = self.pieces(record, (name,))
        return before, after

    def pieces(self, record: Record, holes: Sequence[str]) -> list[str]:
        """A record's text cut at the values of the fields `holes` (in record order): the text
        is pieces[0] + value 1 + pieces[1] + value 2 + ... + pieces[-1], each value as
        `value` writes it. Batch remembers the pieces and fills in what each record typed."""
        names = list(record)
        cuts = [names.index(name) for name in holes]
        bounds = [-1, *cuts, len(names)]
        groups = [names[start + 1 : stop] for start, stop in itertools.pairwise(bounds)]
        last = len(groups) - 1
        found = []
        for index, group in enumerate(groups):
            if self.delimited:
                cells = self.cells(record[key] for key in group) if group else None
                lead = self.delimiter if index else ""
                if index == last:
                    found.append((lead + cells if cells is not None else "") + "\n")
                else:
                    found.append(lead + (cells + self.delimiter if cells is not None else ""))
                continue
            bare = {key: plain(record[key]) for key in group}
            items = json.dumps(bare, ensure_ascii=False)[1:-1]
            lead = ", " if index else "{"
            if index == last:
                found.append((lead + items if items or not index else "") + "}\n")
            else:
                hole = json.dumps(holes[index], ensure_ascii=False) + ": "
                found.append(lead + (items + ", " if items else "") + hole)
        return found

    def value(self, value: Any) -> str:
        """The text of one value, as `around` expects it."""
        if value is None:  # the commonest values, at a fraction of json.dumps's cost
            return "" if self.delimited else "null"
        if self.delimited:
            return self.cells([value])
        if value.__class__ is str:
            return (encode_basestring_ascii if self.ascii else encode_basestring)(value)
        return json.dumps(plain(value), ensure_ascii=self.ascii)

    def start(self, first: Record | None = None) -> None:
        """Write what comes before the records (a csv header), once."""
        if self._started:
            return
        self._started = True
        if self.fields is None and first is not None:
            self.fields = list(first)
        if self.delimited and self.fields is not None:
            self.pending.append(self.cells(self.fields) + "\n")

    def write(self, record: Record) -> None:
        if self.fmt is Format.table:
            self._table.append(record)
            return
        self.start(record)
        self.write_text(self.text(record))

    def write_text(self, text: str) -> None:
        """A record already in this format (see text and around)."""
        self.count += 1
        if self.fmt is Format.json and not self.single:
            text = ("[\n" if self.count == 1 else ",\n") + (
                text.rstrip("\n") if self.compact else _indented(text.rstrip("\n"))
            )
        self.pending.append(text)
        if len(self.pending) >= 4096:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.stream.write("".join(self.pending))
            self.pending.clear()
            self.stream.flush()

    def close(self) -> None:
        """Write what comes after the records, and flush."""
        if self.fmt is Format.table:
            from salarycli.present.table import View, draw

            self.stream.write(draw(self._table, self.view or View(), self.stream))
        else:
            self.start()
            if self.fmt is Format.json and not self.single:
                self.pending.append("\n]\n" if self.count else "[]\n")
        self.flush()


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


def render(
    records: Iterable[Record],
    fmt: Format,
    stream: IO[str],
    view: View | None = None,
    *,
    single: bool = False,
) -> None:
    """Write `records` to `stream` in `fmt`; `single` makes json one object, not an array.
    A table of more than TABLE_LIMIT rows is refused before anything is drawn."""
    if fmt is Format.table:
        records = _within_table_limit(records)
    writer = Writer(fmt, stream, view=view, single=single)
    for record in records:
        writer.write(record)
    writer.close()


TABLE_LIMIT = 5_000  # rows: more is not read at a terminal, and takes seconds to draw


def _within_table_limit(records: Iterable[Record]) -> list[Record]:
    """The records of a table, or BadInput when there are more than TABLE_LIMIT: at once,
    having read no more than one past the limit."""
    import itertools

    from salarycli.errors import BadInput

    found = list(itertools.islice(records, TABLE_LIMIT + 1))
    if len(found) > TABLE_LIMIT:
        raise BadInput(
            f"more than {TABLE_LIMIT:,} rows are too many for a table: give --format csv, "
            "tsv, jsonl or json, and a pager or a query tool (| less -S, DuckDB)"
        )
    return found
