"""Issue #14: tables fit the terminal at 60, 80, 100 and 200 columns, never splitting a number
or a word; the market bar shrinks to fit. (Titles, notes and captions are single lines the
terminal wraps.)"""

from __future__ import annotations

import re
from typing import Any

import pytest

from salarycli.present import table
from tests.test_plain_table import CASES, Terminal, shown

ESCAPES = re.compile(r"\x1b\[[0-9;]*m")
MONEY = re.compile(r"\$[\d,]+(?:\.\d\d)?")


@pytest.mark.parametrize("width", [60, 80, 100, 200])
@pytest.mark.parametrize(("name", "arguments"), CASES)
def test_tables_fit_the_terminal(
    name: str, arguments: dict[str, Any], width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    records, view = shown(name, arguments, monkeypatch)
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("TERM", "xterm")
    text = ESCAPES.sub("", table.draw(records, view, Terminal()))
    said = {view.title, *(f"Note: {note}" for note in view.notes)}
    said |= set((view.caption or "").splitlines())
    lines = [line for line in text.splitlines() if line not in said]
    assert all(len(line) <= width for line in lines), [x for x in lines if len(x) > width][:2]
    cells = [table.cell_text(record, column) for record in records for column in view.columns]
    for amount in {found for cell in cells for found in MONEY.findall(cell)}:
        assert amount in text, amount  # never split across lines
    words = {word for header in (c.header for c in view.columns) for word in header.split()}
    body = " ".join(lines)
    assert all(word in body for word in words if len(word) <= width // 3)


def test_at_60_columns_a_wide_table_is_shown_a_record_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records, view = shown("compare", {"location": ["CA", "TX"]}, monkeypatch)
    monkeypatch.setenv("COLUMNS", "60")
    text = ESCAPES.sub("", table.draw(records, view, Terminal()))
    assert "  Role, location   Machine Learning Engineer, California" in text
    assert "  Entry Level      $146,091" in text


def test_the_market_bar_shrinks_to_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    records, view = shown("market", {"role": "Software Developers", "location": "CA"}, monkeypatch)
    monkeypatch.setenv("COLUMNS", "60")
    text = ESCAPES.sub("", table.draw(records, view, Terminal()))
    bar = next(line for line in text.splitlines() if "├" in line)
    assert len(bar) <= 60 and bar.startswith("p10 $105,060 ├") and bar.endswith("┤ p90 $272,670")
