"""Tables drawn without rich, byte for byte as rich draws them, when that is simple.

Importing rich and its first print cost about 35 ms, more than the rest of an estimate. Most
tables are simple: every line fits the width, every character takes one cell, and no cell starts
or ends with a space (rich strips it). Those are drawn here, with
rich's SIMPLE_HEAD box, padding and justification, and, at a terminal, its bold header, bold
title, yellow notes and dim caption. Anything else (folding, wide or combining characters,
vertical tables, a terminal rich would not style) returns None and rich draws it.
tests/test_plain_table.py draws many tables both ways and requires the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

NARROW = "≥─█┃├┤"  # the symbols salarycli's tables and chart use, one cell each
BOLD, YELLOW, DIM, END = "\x1b[1m", "\x1b[33m", "\x1b[2m", "\x1b[0m"


def drawn(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: set[int],
    texts: tuple[str | None, Sequence[str], str | None, Sequence[str]],
    width: int,
    styled: bool,
) -> str | None:
    """The table with its title, notes, caption and chart lines (`texts`), or None when rich
    must draw it. `right` holds the columns justified right; `styled`: at a terminal."""
    title, notes, caption, chart = texts
    cells = [*headers, *(cell for row in rows for cell in row)]
    if any(cell != cell.strip(" ") for cell in cells):  # rich justifies a cell's text stripped
        return None
    plain_texts = [*cells, *chart]
    for text in (title, *notes, caption):  # these may have lines, which rich styles one by one
        plain_texts += [] if text is None else text.split("\n")
    if not headers or not all(map(_simple, plain_texts)) or (styled and not _styles()):
        return None
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    inner = sum(widths) + 3 * len(widths) - 1
    if inner + 2 > width or 0 in widths:
        return None

    def line(cells: Sequence[str], style: str = "") -> str:
        padded = []
        for index, (cell, size) in enumerate(zip(cells, widths, strict=True)):
            text = cell.rjust(size) if index in right else cell.ljust(size)
            padded.append(_styled(" ", style) + _styled(text, style) + _styled(" ", style))
        return " " + " ".join(padded) + " \n"

    bold = BOLD if styled else ""
    parts = [_styled(title, bold) + "\n"] if title else []
    parts += [" " * (inner + 2) + "\n", line(headers, bold), " " + "─" * inner + " \n"]
    parts += [line(row) for row in rows]
    parts.append(" " * (inner + 2) + "\n")
    parts += [_styled(f"Note: {note}", YELLOW if styled else "") + "\n" for note in notes]
    if caption:
        parts.append(_styled(caption, DIM if styled else "") + "\n")
    if chart:
        parts += ["\n", *(text + "\n" for text in chart)]
    return "".join(parts)


def _styled(text: str, style: str) -> str:
    if not style:
        return text
    return "\n".join(f"{style}{line}{END}" if line else "" for line in text.split("\n"))


def _simple(text: str) -> bool:
    """Text rich prints as it is, one cell per character."""
    return all(" " <= char < "\x7f" or "\xad" < char < "\u0300" or char in NARROW for char in text)


def _styles() -> bool:
    """Whether rich, at this terminal, writes the plain SGR codes drawn() writes: it writes
    none for a terminal that calls itself dumb, and NO_COLOR changes what it writes."""
    return "NO_COLOR" not in os.environ and os.environ.get("TERM", "").strip().lower() not in (
        "dumb",
        "unknown",
    )
