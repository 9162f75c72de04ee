"""Tables for a person at a terminal, and the text bar chart of a distribution. A simple table
is drawn by present/plain.py; rich (imported only here) draws the rest. Machine formats never
come here."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from typing import IO, Literal, NamedTuple

from salarycli.present import render
from salarycli.present.render import MISSING, Kind, Record, format_value


class Column(NamedTuple):
    """One column of a table: the record field it shows, its header and how to format it."""

    field: str
    header: str
    kind: Kind = "text"
    to_field: str | None = None  # a "range" column shows field-to_field: "$96,590-$149,350"
    currency: str = "currency"  # the record field that holds the currency of its money


class Pivot(NamedTuple):
    """Show tidy records wide: one row per `row` value, one column per `column` value."""

    row: tuple[str, ...]  # the fields that name a row, joined with ", "
    column: str
    value: str
    kind: Kind = "money"


class Chart(NamedTuple):
    """A horizontal bar of a distribution: `low` to `high` (p10 to p90), the `box` (p25 to
    p75) filled, the median marked, and numbered `marks` placed on it, each listed below."""

    low: tuple[str, int]
    high: tuple[str, int]
    box: tuple[int, int] | None
    median: int | None
    marks: Sequence[tuple[str, int]]
    width: int = 60


class View(NamedTuple):
    """How a table shows records; machine formats ignore it. `vertical` shows each record as
    rows of header and value; `notes` are printed under the table, `chart` after them."""

    columns: Sequence[Column] = ()
    title: str | None = None
    caption: str | None = None
    pivot: Pivot | None = None
    vertical: bool = False
    notes: Sequence[str] = ()
    chart: Chart | None = None


def draw(records: Sequence[Record], view: View, stream: IO[str], simple: bool = True) -> str:
    """The table, its notes, caption and chart as text; `simple=False` always uses rich."""
    terminal = render.is_terminal(stream)
    width = terminal_width() if terminal else 100
    headers, rows = _cells(records, view)
    if not render.is_utf8(stream):  # "≥" where the terminal can show it, else ">="
        rows = [[cell.replace(AT_LEAST, ">=") for cell in row] for row in rows]
    numeric = _numeric_columns(view)
    # NO_COLOR (no-color.org): no escape codes at all, bold and dim included.
    plain = not terminal or bool(os.environ.get("NO_COLOR"))
    chart = chart_lines(view.chart, width) if view.chart else []
    if simple and not view.vertical:
        from salarycli.present.plain import drawn

        texts = (view.title, view.notes, view.caption, chart)
        text = drawn(headers, rows, numeric, texts, width, styled=not plain)
        if text is not None:
            return text
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD)
    # a table too wide to fit whole is shown a record at a time: rich would otherwise wrap
    # names inside words and crop or split numbers to make it fit
    vertical = view.vertical or _natural(headers, rows) > width
    if vertical:
        table.show_header = False
        table.add_column("field", style="bold")
        table.add_column("value", overflow="fold")
        for row in rows:
            for header, cell in zip(headers, row, strict=True):
                table.add_row(header, cell)
            table.add_section()
    for index, header in enumerate(headers if not vertical else ()):
        justify: Literal["left", "right"] = "right" if index in numeric else "left"
        cells = [row[index] for row in rows]
        table.add_column(
            header,
            justify=justify,
            overflow="fold",
            # never as narrow as to split a word, or any part of a number
            min_width=_column_width(header, cells, index in numeric),
        )
    for row in rows if not vertical else ():
        table.add_row(*row)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=terminal,
        width=width,
        highlight=False,
        markup=False,  # names are shown as they are: "[b]" is not bold, ":smile:" not an emoji
        emoji=False,
        color_system=None if plain else "auto",
    )
    if view.title:  # above the table, not in it, so that a long title does not wrap
        console.print(view.title, soft_wrap=True, style="bold")
    console.print(table)
    for note in view.notes:
        console.print(f"Note: {note}", soft_wrap=True, style="yellow")
    if view.caption:
        console.print(view.caption, soft_wrap=True, style="dim")
    if chart:
        console.print()
        for line in chart:
            console.print(line, soft_wrap=True)
    return buffer.getvalue()


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def _column_width(header: str, cells: Sequence[str], numeric: bool) -> int:
    """How narrow a column can be without splitting a word, or any part of a number."""
    if numeric:
        return max(_longest_word([header]), *(len(cell) for cell in cells), 0)
    return _longest_word([header, *cells])


def _natural(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """The width of the table with every header and cell on one line."""
    widths = [max(len(text) for text in column) for column in zip(headers, *rows, strict=True)]
    return sum(widths) + 3 * len(widths) + 1


def terminal_width() -> int:
    """shutil.get_terminal_size((100, 24)).columns, without importing shutil (2.6 ms)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 100


def chart_lines(chart: Chart, columns: int = 100) -> list[str]:
    """The chart as plain text lines, its bar narrowed to fit `columns` (at least 10 wide)."""
    (low_label, low), (high_label, high) = chart.low, chart.high
    labels = len(f"{low_label} {format_value(low, 'money')} ") + len(
        f" {high_label} {format_value(high, 'money')}"
    )
    width = max(10, min(chart.width, columns - labels))
    span = max(high - low, 1)

    def at(value: int) -> int:
        return round((min(max(value, low), high) - low) / span * (width - 1))

    bar = ["─"] * width
    if chart.box:
        for index in range(at(chart.box[0]), at(chart.box[1]) + 1):
            bar[index] = "█"
    if chart.median is not None:
        bar[at(chart.median)] = "┃"
    bar[0], bar[-1] = "├", "┤"
    marks = [" "] * width
    for number, (_, value) in enumerate(chart.marks, start=1):
        index = at(value)
        symbol = str(number) if low <= value <= high else ("<" if value < low else ">")
        marks[index] = symbol if marks[index] == " " else "*"
    left = f"{low_label} {format_value(low, 'money')} "
    lines = [
        left + "".join(bar) + f" {high_label} {format_value(high, 'money')}",
        " " * len(left) + "".join(marks).rstrip(),
    ]
    if chart.box:
        lines.append(" " * len(left) + "█ 25th-75th percentile   ┃ median")
    lines += [
        f"{number} {label} {format_value(value, 'money')}"
        + ("" if low <= value <= high else " (off the bar)")
        for number, (label, value) in enumerate(chart.marks, start=1)
    ]
    return lines


AT_LEAST = "\u2265"  # "≥": a figure BLS publishes only as at least this much


def cell_text(record: Record, column: Column) -> str:
    """How a table shows one record's value in `column`."""
    currency = record.get(column.currency) or "USD"
    if column.kind == "range":
        low, high = record[column.field], record[column.to_field or column.field]
        if low is None or high is None:
            return MISSING
        return f"{format_value(low, 'money', currency)}-{format_value(high, 'money', currency)}"
    value = record[column.field]
    bound = "real_at_least" if column.field == "real_salary" else "at_least"
    capped = column.field in ("salary", "real_salary") or column.field in (
        record.get("top_coded") or ()
    )
    if value is None and capped and record.get(bound) is not None:
        return f"{AT_LEAST} " + format_value(record[bound], "money", currency)  # top-coded
    return format_value(value, column.kind, currency)


def _numeric_columns(view: View) -> set[int]:
    if view.pivot:
        return set(range(1, 1_000))
    return {index for index, column in enumerate(view.columns) if column.kind != "text"}


def _cells(records: Sequence[Record], view: View) -> tuple[list[str], list[list[str]]]:
    """The header and the formatted cells of a table, wide when the view pivots."""
    pivot = view.pivot
    if pivot is None:
        headers = [column.header for column in view.columns]
        rows = [[cell_text(record, column) for column in view.columns] for record in records]
        return headers, rows
    column_names: list[str] = []
    wide: dict[str, dict[str, str]] = {}
    for record in records:
        name = str(record[pivot.column])
        if name not in column_names:
            column_names.append(name)
        cell = format_value(record[pivot.value], pivot.kind, record.get("currency", "USD"))
        row = ", ".join(str(record[field]) for field in pivot.row)
        wide.setdefault(row, {})[name] = cell
    headers = [view.columns[0].header if view.columns else ", ".join(pivot.row), *column_names]
    rows = [
        [row, *(cells.get(name, MISSING) for name in column_names)] for row, cells in wide.items()
    ]
    return headers, rows
