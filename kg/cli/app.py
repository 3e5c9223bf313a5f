"""The ``kg`` command line.

The group lives here; every command is a module of :mod:`kg.cli` that exposes
``commands: list[click.Command]`` and is found at start-up. Errors a user can cause (:class:`KGError`) become one line on stderr and
a non-zero exit, never a traceback.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
import sys

import click

from kg import __version__
from schema.errors import KGError



def _version_message() -> str:
    try:
        from extractors.model import english_model_version

        model = english_model_version()
    except KGError as err:
        model = f"none ({err})"
    return f"kg {__version__}, spaCy pipeline: {model}"


class KGGroup(click.Group):
    """A group that turns KGError into a one-line message."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # `kg read ... | head`
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, message=_version_message())
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
def main(verbose: bool) -> None:
    """Build citation and concept knowledge graphs of ML research from abstracts."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _register_commands() -> None:
    import kg.cli as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name in {"app", "__main__"}:
            continue
        module = importlib.import_module(f"kg.cli.{info.name}")
        for command in getattr(module, "commands", []):
            main.add_command(command)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
