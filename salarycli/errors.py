"""The few exceptions salarycli's core raises. cli.py turns each into one line on stderr and
its exit code (README, "Exit codes")."""

from __future__ import annotations


class SalarycliError(Exception):
    """Base of salarycli's own errors; `exit_code` is what the command exits with."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownRole(SalarycliError):
    """No role answers to what was typed (exit 1); `suggestions` holds the closest names."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        message = f"unknown role {query!r}"
        if suggestions:
            message += "; did you mean " + ", ".join(repr(name) for name in suggestions) + "?"
        message += " (salarycli roles lists them)"
        super().__init__(message)
        self.query = query
        self.suggestions = suggestions


class MissingFigure(SalarycliError):
    """The source publishes no figure to estimate from (exit 1)."""


class BadInput(SalarycliError):
    """A value the user typed is not usable: bad years, unknown level, empty role (exit 2)."""

    exit_code = 2


class DataError(SalarycliError):
    """A dataset cannot be read or is not valid (exit 3)."""

    exit_code = 3
