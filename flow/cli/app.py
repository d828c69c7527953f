"""The typer application that every ``tactful`` command registers on, and the conventions they share.

Every command and group accepts ``-h`` as well as ``--help``; arguments show as ``POLICY`` (optional
ones as ``[POLICY]``); on/off flags show no value, and come as ``--x/--no-x`` pairs where both make
sense; docstrings are reflowed, so help text follows the terminal's width. :func:`main` is the
console script: it turns a usage error into one line that names the option and where to read more.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

CONTEXT = {"help_option_names": ["-h", "--help"]}


def reflow(text: str) -> str:
    """``text`` with the line breaks inside each paragraph joined, so the terminal wraps it."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def _conventional(params: list[Any]) -> list[Any]:
    for param in params:
        kind = getattr(param, "param_type_name", None)
        if kind == "option" and getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        elif kind == "argument" and param.metavar is None and param.name:
            param.metavar = param.name.upper()
    return params


class TactfulCommand(TyperCommand):
    """A command whose help follows click's conventions (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = reflow(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        """The parameters, with flags shown without a value and arguments in capitals."""
        return _conventional(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """``[OPTIONS] POLICY [OTHER]...``: required arguments bare, optional ones in brackets."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if getattr(param, "param_type_name", None) == "argument":
                name = param.metavar or (param.name or "").upper()
                piece = name if param.required else f"[{name}]"
                pieces.append(piece + ("..." if param.nargs != 1 else ""))
        return pieces


class TactfulGroup(TyperGroup):
    """A command group with the same conventions as :class:`TactfulCommand`."""

    def get_params(self, ctx: Any) -> list[Any]:
        """The group's options, with flags shown without a value."""
        return _conventional(super().get_params(ctx))


class TactfulTyper(typer.Typer):
    """A ``typer.Typer`` whose commands are :class:`TactfulCommand` unless told otherwise."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", TactfulGroup)
        kwargs.setdefault("context_settings", CONTEXT)
        kwargs.setdefault("no_args_is_help", True)
        kwargs.setdefault("add_completion", False)
        kwargs.setdefault("pretty_exceptions_enable", False)
        super().__init__(**kwargs)

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        """Register a command, as a :class:`TactfulCommand` by default."""
        return super().command(name, cls=cls or TactfulCommand, **kwargs)


app = TactfulTyper(name="tactful", help="Run, test and inspect polite refusal conversations.")


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"tactful {version('tactful')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", is_eager=True, callback=_show_version, help="Print tactful's version and exit."),
    ] = False,
) -> None:
    """Run, test and inspect polite refusal conversations."""


_PYDANTIC_WORDING = (
    ("Value error, ", ""),
    ("Input should be greater than or equal to ", "it must be at least "),
    ("Input should be less than or equal to ", "it must be at most "),
    ("Input should be greater than ", "it must be more than "),
    ("Input should be less than ", "it must be less than "),
    ("Input should be a valid integer, unable to parse string as an integer", "it must be a whole number"),
    ("Input should be a valid number, unable to parse string as a number", "it must be a number"),
)


def usage_error_line(error: typer.TyperException) -> str:
    """One line for a usage error: the command, what is wrong, and where the help is."""
    message = " ".join(error.format_message().split()).rstrip(".")
    for said, meant in _PYDANTIC_WORDING:
        message = message.replace(said, meant)
    ctx = getattr(error, "ctx", None)
    if ctx is None:
        return f"tactful: {message}"
    return f"{ctx.command_path}: {message} (see '{ctx.command_path} -h')"


def main(args: Sequence[str] | None = None) -> int:
    """The ``tactful`` console script: run the command line, one-line usage errors, return the exit code."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=list(args) if args is not None else None, prog_name="tactful", standalone_mode=False)
    except typer.TyperException as e:
        if type(e).__name__ == "NoArgsIsHelpError":
            # The help is the message; with rich output it was printed while the error was made.
            if e.format_message().strip():
                typer.echo(e.format_message())
            return e.exit_code
        typer.echo(usage_error_line(e), err=True)
        return e.exit_code
    except typer.Abort:
        typer.echo("tactful: stopped", err=True)
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
