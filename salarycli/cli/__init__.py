"""The command line: the Typer app (app.py), its commands (commands.py, data.py, stream.py) and
the options they share (options.py). Each command parses, calls the session, and hands records
to the one output path."""

from salarycli.cli.app import app, main

__all__ = ["app", "main"]
