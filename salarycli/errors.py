"""The few exceptions salarycli raises. cli/exits.py turns each into one line on stderr and its
exit code (README, "Exit codes")."""

from __future__ import annotations


class SalarycliError(Exception):
    """Base of salarycli's own errors; `exit_code` is what the command exits with."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownRole(SalarycliError):
    """No role answers to what was typed (exit 1); `suggestions` holds the closest names."""

    def __init__(self, query: str, suggestions: list[str], reason: str | None = None) -> None:
        message = f"unknown role {query!r}"
        if reason:
            message += f": {reason}"
        elif suggestions:
            message += "; did you mean " + ", ".join(repr(name) for name in suggestions) + "?"
        if not reason:
            message += " (salarycli roles lists them)"
        super().__init__(message)
        self.query = query
        self.suggestions = suggestions


class AmbiguousRole(UnknownRole):
    """What was typed is a title of several occupations and the evidence picks none (exit 1);
    the message names each with what it pays."""

    def __init__(self, query: str, candidates: str, bare: bool = False) -> None:
        said = (
            f"{query!r} names no one occupation; the most likely"
            if bare
            else f"{query!r} is a title of several occupations; name one"
        )
        SalarycliError.__init__(self, f"{said}: {candidates}")
        self.query = query
        self.suggestions = []


class UnknownPlace(SalarycliError):
    """No place answers to what was typed (exit 1); the message names the closest."""

    def __init__(self, query: str, suggestions: list[str], noun: str, listing: str) -> None:
        message = f"unknown {noun} {query!r}"
        if suggestions:
            message += "; did you mean " + ", ".join(repr(name) for name in suggestions) + "?"
        super().__init__(f"{message} ({listing} lists them)")
        self.suggestions = suggestions


class AmbiguousPlace(SalarycliError):
    """What was typed names several places (exit 1); the message lists them."""

    def __init__(self, query: str, candidates: list[str]) -> None:
        names = "; ".join(candidates)
        super().__init__(f"{query!r} could be any of: {names}. Say which")
        self.candidates = candidates


class MissingFigure(SalarycliError):
    """The source publishes no figure to estimate from (exit 1)."""


class BadInput(SalarycliError):
    """A value the user typed is not usable: bad years, unknown level, empty role (exit 2)."""

    exit_code = 2


class DataError(SalarycliError):
    """A dataset cannot be read or is not valid (exit 3)."""

    exit_code = 3


class InvalidData(DataError):
    """A user's dataset has problems (exit 3); `problems` lists every one, each as
    `FILE:LINE: field: message`."""

    def __init__(self, path: object, problems: list[str]) -> None:
        count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
        super().__init__(f"{count} in {path}; nothing was estimated")
        self.problems = problems


class StrictStop(SalarycliError):
    """batch --strict met a record it could not estimate (exit 1)."""


class OutputError(SalarycliError):
    """stdout cannot be written: closed, or a full disk (exit 1)."""


class Ended(SalarycliError):
    """The command ends with `exit_code` and has nothing more to say: a reader closed the pipe,
    or a batch already reported its failed rows."""

    def __init__(self, exit_code: int) -> None:
        super().__init__("")
        self.exit_code = exit_code


class InternalError(SalarycliError):
    """A bug: an exception salarycli did not expect (exit 70, EX_SOFTWARE)."""

    exit_code = 70
