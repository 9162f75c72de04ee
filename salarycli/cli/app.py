"""The Typer app: its options, the commands it registers, and how every error leaves.

Every error leaves as one line on stderr, "salarycli: error: ...", with the exit code README
lists: 1 no answer (unknown role, unpublished figure), 2 usage, 3 bad data, 130 interrupted.
Each run builds one Session (the data in use) and hands it to its command as `ctx.obj`.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from salarycli.cli import commands, data, stream
from salarycli.cli.show import output, quiet_stdout, say, writing
from salarycli.errors import BadInput, InternalError, InvalidData, SalarycliError
from salarycli.session import Session

PROG = "salarycli"


class _Group(TyperGroup):
    """Runs a command and turns every error into one line on stderr and an exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        session = kwargs.setdefault("obj", Session())
        try:
            code = super().main(*args, **kwargs)
        except InvalidData as error:
            for problem in error.problems:
                say(problem)
            code = fail(error.message, error.exit_code)
        except SalarycliError as error:
            code = fail(error.message, error.exit_code)
        except typer.TyperException as error:  # usage errors of the command line itself
            message = error.format_message()
            # no arguments at all prints the help (on stdout), then raises with no message:
            # asking for help is not a failure (as with git and gh)
            code = fail(_usage_message(error), error.exit_code) if message else 0
        except typer.Abort:
            code = fail("aborted", 1)
        except Exception as error:  # the net under every other fix: a bug, in one line
            code = internal_error(error)
        for warning in session.warnings:
            say(warning)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # in-process callers; the console script has its own handler
            fail("interrupted", 130)
            raise typer.Exit(130) from None


def _usage_message(error: typer.TyperException) -> str:
    message = error.format_message()
    context = getattr(error, "ctx", None)
    if context is not None:
        message += f" (see '{context.command_path} --help')"
    return message


def fail(message: str, code: int) -> int:
    say(f"{PROG}: error: {message}")
    return code


def internal_error(error: Exception) -> int:
    """An exception salarycli did not expect: one line and exit 70, the traceback only when
    SALARYCLI_DEBUG is set."""
    quiet_stdout()
    if os.environ.get("SALARYCLI_DEBUG"):
        say("".join(traceback.format_exception(error)).rstrip("\n"))
    detail = f"{type(error).__name__}: {error}"
    if len(detail) > 300:
        detail = detail[:300] + "..."
    say(f"{PROG}: internal error: {detail} (set SALARYCLI_DEBUG=1 for details)")
    return InternalError.exit_code


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        with writing():
            output().write(f"{PROG} {version(PROG)}\n")
        raise typer.Exit()


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help="Estimate salaries by role and experience, from BLS OEWS May 2025 and the seed table.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    data_path: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar="SALARYCLI_DATA",
            help="Your own data: a folder with roles.csv (levels.csv, aliases.csv), or a .json "
            "or .toml file. Its roles extend and override the bundled ones.",
            show_default=False,
        ),
    ] = None,
    only_data: Annotated[
        bool, typer.Option("--only-data", help="Use the roles of --data alone.")
    ] = False,
) -> None:
    """Estimate salaries by role and experience, from BLS OEWS May 2025 and the seed table."""
    if only_data and not data_path:
        raise BadInput("--only-data needs --data PATH (or SALARYCLI_DATA)")
    session: Session = ctx.obj
    session.path, session.only = data_path, only_data


app.command("estimate")(commands.estimate)
app.command("compare")(commands.compare)
app.command("market")(commands.market)
app.command("rank")(commands.rank)
app.command("relocate")(commands.relocate)
app.command("batch")(stream.batch)
app.command("roles")(commands.roles)
app.command("locations")(commands.locations)
app.command("levels")(commands.levels)
app.add_typer(data.app, name="data")


def main() -> None:
    """The command line (the console script is salarycli.console.main)."""
    from salarycli.console import main as console

    console()
