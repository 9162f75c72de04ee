"""Tables drawn without rich (present/plain.py) are byte for byte what rich draws: every
command's table, piped and at terminals of several widths, styled and not, and random cells."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salarycli.cli import actions
from salarycli.present import plain, table
from salarycli.present.table import Column, View
from salarycli.session import Session

CASES: list[tuple[str, dict[str, Any]]] = [
    ("estimate", {"role": "Machine Learning Engineer", "years": "4"}),
    ("estimate", {"role": "Civil Engineer", "location": "Austin, TX"}),
    ("estimate", {"role": "Sr. Software Engineer II (Remote)", "explain": True}),
    ("estimate", {"role": "Actuaries", "country": "DE", "years": "12"}),
    ("estimate", {"role": "Chief Executives", "location": "San Jose, CA", "years": "3"}),
    ("estimate", {"role": "Electro-Mechanical and Mechatronics Technologists and Technicians"}),
    ("market", {"role": "Software Developers", "location": "CA"}),
    ("market", {"role": "Chief Executives", "location": "San Jose, CA"}),
    ("rank", {"role": "nurse", "salary": "95k", "location": "Austin, TX"}),
    ("compare", {}),
    ("compare", {"roles": ["Actuaries", "Civil Engineer"], "years": "3", "location": ["CA", "TX"]}),
    ("compare", {"roles": ["Actuaries", "Civil Engineer"]}),
    ("relocate", {"role": "Actuaries", "salary": "120k", "origin": "TX", "destination": "CA"}),
    ("roles", {"query": "engineer"}),
    ("levels", {}),
]


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def shown(name: str, arguments: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The records and view the command `name` hands to the output path."""
    caught: list[Any] = []
    monkeypatch.setattr(
        actions, "show", lambda records, view, *_, **__: caught.append((records, view))
    )
    getattr(actions, name)(Session(), **arguments)
    return caught[0]


@pytest.mark.parametrize(("name", "arguments"), CASES)
@pytest.mark.parametrize(
    "where",
    ["pipe", "tty 60", "tty 80", "tty 100", "tty 200", "tty NO_COLOR", "tty dumb", "ascii pipe"],
)
def test_every_table_is_what_rich_draws(
    name: str, arguments: dict[str, Any], where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    records, view = shown(name, arguments, monkeypatch)
    monkeypatch.setenv("TERM", "dumb" if "dumb" in where else "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    if "NO_COLOR" in where:
        monkeypatch.setenv("NO_COLOR", "1")
    width = where.split()[-1]
    monkeypatch.setenv("COLUMNS", width if width.isdigit() else "100")

    def stream() -> io.StringIO:
        if where == "ascii pipe":
            return io.TextIOWrapper(io.BytesIO(), encoding="ascii")  # type: ignore[return-value]
        return Terminal() if where.startswith("tty") else io.StringIO()

    assert table.draw(records, view, stream()) == table.draw(records, view, stream(), simple=False)


def test_the_everyday_tables_are_drawn_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above is not vacuous: these go through plain.drawn, piped and at a
    100-column terminal."""
    drawn: list[str | None] = []
    real = plain.drawn
    monkeypatch.setattr(plain, "drawn", lambda *a, **k: drawn.append(real(*a, **k)) or drawn[-1])
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    for index in (0, 1, 6, 9):
        records, view = shown(*CASES[index], monkeypatch)
        table.draw(records, view, io.StringIO())
        table.draw(records, view, Terminal())
    assert [text is not None for text in drawn] == [True] * 8, drawn


def test_a_styled_table_reads_as_rich_writes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR", raising=False)
    view = View(columns=[Column("a", "A"), Column("b", "B", "money")], title="T", notes=["n"])
    text = table.draw([{"a": "x", "b": 5}], view, Terminal())
    assert text == (
        "\x1b[1mT\x1b[0m\n"
        "          \n"
        " \x1b[1m \x1b[0m\x1b[1mA\x1b[0m\x1b[1m \x1b[0m \x1b[1m \x1b[0m\x1b[1m B\x1b[0m\x1b[1m \x1b[0m \n"
        " ──────── \n"
        "  x   $5  \n"
        "          \n"
        "\x1b[33mNote: n\x1b[0m\n"
    )


def test_rich_draws_what_is_not_simple() -> None:
    headers, right = ["Name", "Pay"], {1}
    texts: tuple[str | None, Sequence[str], str | None, Sequence[str]] = (None, [], None, [])
    assert plain.drawn(headers, [["a", "$1"]], right, texts, 100, styled=False) is not None
    for cell in [" a", "a ", "東京", "e\u0301", "tab\there", "x" * 120]:
        assert plain.drawn(headers, [[cell, "$1"]], right, texts, 100, styled=False) is None
    assert plain.drawn(headers, [["a", "$1"]], right, ("東", [], None, []), 100, False) is None


def test_names_are_shown_as_they_are_not_as_markup() -> None:
    """A role named "[b]x[/b]" or ":smile:" (your own data can name one so) is shown as typed:
    rich read it as markup, and "[/]" alone made it raise (an internal error, exit 70)."""
    view = View(columns=[Column("a", "A")], title="[/] :smile:")
    for simple in (True, False):
        text = table.draw([{"a": "[b]x[/b]"}, {"a": "[/]"}], view, io.StringIO(), simple)
        assert text.splitlines()[0] == "[/] :smile:"
        assert [line.strip() for line in text.splitlines()[4:6]] == ["[b]x[/b]", "[/]"]


CELL = st.text(
    alphabet=st.sampled_from(list("abc XYZ019$,.-:[]/()≥éñ東\u0301\t")), min_size=0, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(
    headers=st.lists(CELL, min_size=1, max_size=4),
    data=st.data(),
    title=st.none() | CELL,
    notes=st.lists(CELL, max_size=2),
    caption=st.none() | CELL,
    width=st.sampled_from([20, 40, 100]),
    tty=st.booleans(),
)
def test_random_tables_are_what_rich_draws(
    headers: list[str],
    data: st.DataObject,
    title: str | None,
    notes: list[str],
    caption: str | None,
    width: int,
    tty: bool,
) -> None:
    size = len(headers)
    rows = data.draw(st.lists(st.lists(CELL, min_size=size, max_size=size), max_size=4))
    kinds = ["money" if index % 2 else "text" for index in range(size)]  # money: right-justified
    view = View(
        columns=[Column(f"c{i}", h, kinds[i]) for i, h in enumerate(headers)],  # type: ignore[arg-type]
        title=title,
        notes=notes,
        caption=caption,
    )
    environment = {"COLUMNS": str(width), "TERM": "xterm"}
    with (
        patch.dict(os.environ, environment),
        patch.object(table, "_cells", lambda *_: (headers, rows)),
    ):
        os.environ.pop("NO_COLOR", None)
        drawn = [
            table.draw([], view, Terminal() if tty else io.StringIO(), simple)
            for simple in (True, False)
        ]
    assert drawn[0] == drawn[1]


@pytest.mark.parametrize(
    ("argv", "case"),
    [
        (["estimate", "Machine Learning Engineer", "--years", "4"], 0),
        (["market", "Software Developers", "-L", "CA"], 6),
    ],
)
def test_at_a_terminal_the_table_is_what_rich_draws(
    argv: list[str], case: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The console script at a pseudo-terminal (styled, 100 columns) writes what rich draws for
    the same records."""
    import pty
    import subprocess

    from tests.conftest import SCRIPT, drain

    environment = {**os.environ, "COLUMNS": "100", "LINES": "40", "TERM": "xterm"}
    environment.pop("NO_COLOR", None)
    leader, follower = pty.openpty()
    process = subprocess.Popen([SCRIPT, *argv], stdin=follower, stdout=follower, stderr=follower,
                               env=environment)  # fmt: skip
    os.close(follower)
    screen = drain(leader).decode().replace("\r\n", "\n")
    os.close(leader)
    assert process.wait(timeout=60) == 0
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("NO_COLOR", raising=False)
    records, view = shown(*CASES[case], monkeypatch)
    assert "\x1b[1m" in screen
    assert screen == table.draw(records, view, Terminal(), simple=False)
