"""The Typer app: its options, the commands it registers, and how its errors leave.

Every error leaves through exits.finish(): one line on stderr, "salarycli: error: ...", with the
exit code README lists. Each run builds one Session (the data in use) and hands it to its command
as `ctx.obj`. The everyday commands usually run without Typer (fast.py); this app runs the rest,
and every argument list fast.py does not take.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup

from salarycli import __version__
from salarycli.cli import commands, data, stream
from salarycli.cli.examples import epilog
from salarycli.cli.exits import PROG, fail, finish
from salarycli.cli.show import output, writing
from salarycli.errors import BadInput
from salarycli.session import Session


def _usage_metavar(self: TyperArgument, ctx: Any, *, usage: bool = False) -> str:
    """An argument as usage lines show it: ROLE, not Typer's {ROLE} (docopt and click write a
    required argument bare, and README does)."""
    shown: str = _typer_metavar(self, ctx, usage=usage)
    if usage and self.required and shown.startswith("{") and shown.endswith("}"):
        return shown[1:-1]
    return shown


_typer_metavar = TyperArgument.make_metavar
TyperArgument.make_metavar = _usage_metavar  # type: ignore[method-assign]


class _Group(TyperGroup):
    """Runs a command and turns every error into one line on stderr and an exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        session = kwargs.setdefault("obj", Session())
        finish(session, lambda: super(_Group, self).main(*args, **kwargs), _usage)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # in-process callers; the console script has its own handler
            fail("interrupted", 130)
            raise typer.Exit(130) from None


def _usage(error: Exception) -> int | None:
    """The exit code of an error of the command line itself (None: not one of them)."""
    if isinstance(error, typer.TyperException):
        message = error.format_message()
        context = getattr(error, "ctx", None)
        if message and context is not None:
            message += f" (see '{context.command_path} --help')"
        # no arguments at all prints the help (on stdout), then raises with no message:
        # asking for help is not a failure (as with git and gh)
        return fail(message, error.exit_code) if message else 0
    if isinstance(error, typer.Abort):
        return fail("aborted", 1)
    return None


def _version(value: bool) -> None:
    if value:
        with writing():
            output().write(f"{PROG} {__version__}\n")
        raise typer.Exit()


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help="Estimate salaries by role and experience, from BLS OEWS May 2025 and the seed table.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=epilog(""),
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


for name, command in (
    ("estimate", commands.estimate),
    ("compare", commands.compare),
    ("market", commands.market),
    ("rank", commands.rank),
    ("takehome", commands.takehome),
    ("relocate", commands.relocate),
    ("batch", stream.batch),
    ("roles", commands.roles),
    ("locations", commands.locations),
    ("industries", commands.industries),
    ("levels", commands.levels),
):
    app.command(name, epilog=epilog(name))(command)
app.add_typer(data.app, name="data")


def main() -> None:
    """The command line (the console script is salarycli.console.main)."""
    from salarycli.console import main as console

    console()
