"""CLI options shared by several commands (kept apart from kg.cli.app so command modules can import them)."""
from __future__ import annotations

import click

DEFAULT_OUT = "kg-out"


def store_option(*flags: str):
    """The option naming the folder that holds the graph store (``-o/--out`` unless ``flags`` say otherwise)."""
    return click.option(
        *(flags or ("-o", "--out")), "out", default=DEFAULT_OUT, show_default=True,
        type=click.Path(file_okay=False), help="Folder holding the graph store.",
    )


out_option = store_option()
