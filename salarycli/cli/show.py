"""How a command's output reaches stdout and its diagnostics stderr.

Records go through the one output path, in the format asked for (by default a table at a
terminal, tsv in a pipe). A stdout that cannot be written (closed, full) is one line and exit 1;
a reader that closed the pipe ends the command quietly. Diagnostics go through say(): never to
stdout, and a stderr nobody reads never stops the output.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO

from salarycli.errors import Ended, OutputError
from salarycli.present import render
from salarycli.present.render import Format, Record
from salarycli.present.table import View


def say(line: str) -> None:
    """One line on stderr: nothing when stderr is closed or its reader has gone."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(line + "\n")
        stream.flush()
    except (OSError, ValueError):  # a closed pipe, a closed file
        pass


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush of what could not be
    written stays quiet (the Python docs' "Note on SIGPIPE")."""
    try:
        if sys.stdout is not None:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def output() -> IO[str]:
    """stdout, to write the command's output to; OutputError when it is closed."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write the output: stdout is closed")
    if not render.is_utf8(stream) and getattr(stream, "errors", None) == "strict":
        # PYTHONIOENCODING=ascii and the like: what it cannot hold is written as \xe9
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    return stream


@contextmanager
def writing() -> Iterator[None]:
    """Around everything that writes stdout: a reader that closed the pipe ends the command
    quietly (exit 1); any other failure to write is one line and exit 1."""
    try:
        yield
    except BrokenPipeError:
        quiet_stdout()
        raise Ended(1) from None
    except OSError as error:
        if error.errno == errno.EPIPE:
            quiet_stdout()
            raise Ended(1) from None
        quiet_stdout()
        reason = (error.strerror or str(error)).lower() if error.errno else str(error)
        if error.errno == errno.EBADF:
            reason = "stdout is closed"
        raise OutputError(f"cannot write the output: {reason}") from None


def show(
    records: Iterable[Record], view: View, fmt: Format | None, *, single: bool = False
) -> None:
    """Write records to stdout in the chosen format (by default: table at a terminal, else tsv)."""
    with writing():
        stream = output()
        chosen = fmt or render.default_format(stream)
        render.render(records, chosen, stream, view, single=single)
