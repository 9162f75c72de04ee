"""The console script (`salarycli`, `python -m salarycli`): the first code salarycli runs.

It takes over Ctrl-C and SIGTERM before anything else is imported, so that at any moment,
imports and command set-up included, they end salarycli with one line on stderr and exit 130 or
143 (README, "Exit codes"). It imports nothing heavy itself, and salarycli/__init__.py is lazy.
"""

from __future__ import annotations

# _signal, not signal: the signal module wraps this built-in one with enums, and importing
# enum takes ~7 ms during which Ctrl-C would still print Python's own traceback.
import _signal  # type: ignore[import-not-found]
import sys
from types import FrameType


class Stopped(BaseException):
    """A signal stopped the run (not an Exception: no library's `except Exception` keeps it)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message, self.code = message, code


def _interrupted(signum: int, frame: FrameType | None) -> None:
    raise Stopped("interrupted", 130)


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise Stopped("terminated", 143)


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    if isinstance(unraisable.exc_value, Stopped):
        _say_and_exit(
            f"salarycli: error: {unraisable.exc_value.message}", unraisable.exc_value.code
        )
    sys.__unraisablehook__(unraisable)


def _version() -> None:
    """`salarycli --version`, importing nothing else: a closed pipe ends it quietly (exit 1),
    another failure to write with one line (exit 1), as every command's output does."""
    import os

    from salarycli import __version__

    try:
        os.write(1, f"salarycli {__version__}\n".encode())
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise SystemExit(1) from None
        reason = (error.strerror or str(error)).lower()
        if isinstance(error.errno, int) and error.errno == 9:  # EBADF
            reason = "stdout is closed"
        _say_and_exit(f"salarycli: error: cannot write the output: {reason}", 1)
    raise SystemExit(0)


def main() -> None:
    """Run the command line; a signal ends it with one line and 128 + its number."""
    _signal.signal(_signal.SIGINT, _interrupted)
    _signal.signal(_signal.SIGTERM, _terminated)
    # A signal that lands in a callback Python runs on its own (the import machinery's weakref
    # callbacks) cannot be raised there: Python hands it to this hook, which ends the run.
    sys.unraisablehook = _unraisable
    try:
        if sys.argv[1:] == ["--version"]:
            _version()
        from salarycli.cli.fast import run

        if not run(sys.argv[1:]):  # the everyday commands without Typer, when they can
            from salarycli.cli.typer_app import app

            app()
    except Stopped as stop:
        _signal.signal(_signal.SIGINT, _signal.SIG_IGN)  # a second Ctrl-C while saying so
        _signal.signal(_signal.SIGTERM, _signal.SIG_IGN)
        _say_and_exit(f"salarycli: error: {stop.message}", stop.code)


def _say_and_exit(line: str, code: int) -> None:
    """What is already computed to stdout, one line to stderr, and exit, importing nothing: the
    signal may have come in the middle of an import, and a module half set up must not be
    imported again."""
    import os  # loaded with the interpreter: free

    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:  # noqa: SIM105 (contextlib would be an import)
        os.write(2, (line + "\n").encode())
    except OSError:
        pass
    os._exit(code)  # no second flush: a stdout that failed above must not fail again
