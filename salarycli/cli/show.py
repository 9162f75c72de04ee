"""How a command's records reach stdout: through the one output path, in the format asked for
(by default a table at a terminal, tsv in a pipe); a closed pipe ends the command quietly."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import typer

from salarycli.present import render
from salarycli.present.render import Format, Record
from salarycli.present.table import View


@contextmanager
def closed_pipe_ends_quietly() -> Iterator[None]:
    """A reader that closed the pipe ends the command quietly, with exit 1 (the Python docs'
    "Note on SIGPIPE": point stdout at devnull so that the exit flush is quiet too)."""
    try:
        yield
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None


def show(
    records: Sequence[Record], view: View, fmt: Format | None, *, single: bool = False
) -> None:
    """Write records to stdout in the chosen format (by default: table at a terminal, else tsv)."""
    with closed_pipe_ends_quietly():
        chosen = fmt or render.default_format(sys.stdout)
        render.render(records, chosen, sys.stdout, view, single=single)
