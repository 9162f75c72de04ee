"""How every run ends: one line on stderr per error, then the exit code README lists.

1 no answer (unknown role, unpublished figure), 2 usage, 3 bad data, 70 a bug, 130 interrupted.
The Typer app (typer_app.py) and the fast path (fast.py) both end through finish(), so an error
reads the same whichever of them ran the command. No Typer here: the fast path must not import it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from salarycli.cli.show import quiet_stdout, say
from salarycli.errors import InternalError, InvalidData, SalarycliError

if TYPE_CHECKING:
    from salarycli.session import Session

PROG = "salarycli"


def finish(
    session: Session | None, body: Callable[[], object], usage: Callable[[Exception], int | None]
) -> NoReturn:
    """Run `body`, say each error and the session's warnings on stderr, and exit. `usage`
    turns the command line's own errors into an exit code (None: not one of them)."""
    try:
        code = body()
    except InvalidData as error:
        for problem in error.problems:
            say(problem)
        code = fail(error.message, error.exit_code)
    except SalarycliError as error:
        code = fail(error.message, error.exit_code)
    except Exception as error:  # the net under every other fix: a bug, in one line
        code = usage(error)
        if code is None:
            code = internal_error(error)
    for warning in session.warnings if session else ():
        say(warning)
    sys.exit(code if isinstance(code, int) else 0)


def fail(message: str, code: int) -> int:
    """Say `message` (nothing for an error that has already said it) and return `code`."""
    if message:
        say(f"{PROG}: error: {message}")
    return code


def internal_error(error: Exception) -> int:
    """An exception salarycli did not expect: one line and exit 70, the traceback only when
    SALARYCLI_DEBUG is set."""
    quiet_stdout()
    if os.environ.get("SALARYCLI_DEBUG"):
        import traceback

        say("".join(traceback.format_exception(error)).rstrip("\n"))
    detail = f"{type(error).__name__}: {error}"
    if len(detail) > 300:
        detail = detail[:300] + "..."
    say(f"{PROG}: internal error: {detail} (set SALARYCLI_DEBUG=1 for details)")
    return InternalError.exit_code
