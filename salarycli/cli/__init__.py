"""The command line: the Typer app (typer_app.py), its commands (commands.py, data.py,
stream.py), the options they share (options.py), what each everyday command does (actions.py),
the fast path that runs those without Typer (fast.py) and how every run ends (exits.py).

Nothing is imported here: `from salarycli.cli import app` loads Typer, fast.py must not.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported for this: --version imports this package
if TYPE_CHECKING:
    from typing import Any

__all__ = ["app", "main"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from salarycli.cli import typer_app

        return getattr(typer_app, name)
    raise AttributeError(f"module 'salarycli.cli' has no attribute {name!r}")
