"""CLI options shared by several commands (kept apart from kg.cli.app so command modules can import them)."""
from __future__ import annotations

import sys

import click

from schema.errors import Diagnostics

DEFAULT_OUT = "kg-out"
EXIT_NO_INPUT = 2
EXIT_PROBLEMS = 3


def store_option(*flags: str):
    """The option naming the folder that holds the graph store (``-o/--out`` unless ``flags`` say otherwise)."""
    return click.option(
        *(flags or ("-o", "--out")), "out", default=DEFAULT_OUT, show_default=True,
        type=click.Path(file_okay=False), help="Folder holding the graph store.",
    )


out_option = store_option()


def reader_options(func):
    """Options shared by every command that reads inputs."""
    opts = [
        click.argument("inputs", nargs=-1, required=True),
        click.option("--format", "fmt", default=None,
                     help="Force the input format (dailypapers, jsonl, json, csv, tsv, arxiv, openalex, s2, bibtex)."),
        click.option("--year", type=int, default=None, help="Year for dates given without one."),
        click.option("--title-field", default=None, help="Column or key holding the title."),
        click.option("--abstract-field", default=None, help="Column or key holding the abstract."),
        click.option("--strict", is_flag=True, help="Exit non-zero if any input had a problem."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def reader_kwargs(title_field, abstract_field) -> dict:
    kwargs = {}
    if title_field:
        kwargs["title_field"] = title_field
    if abstract_field:
        kwargs["abstract_field"] = abstract_field
    return kwargs


def finish(diag: Diagnostics, produced: int, strict: bool) -> None:
    """Exit code policy: 0 (maybe with warnings) when some input was usable."""
    if produced == 0:
        click.echo("error: no usable paper in the input: see the warnings above", err=True)
        sys.exit(EXIT_NO_INPUT)
    if strict and diag.problems:
        click.echo(f"error: {len(diag.problems)} input problem(s) and --strict was given", err=True)
        sys.exit(EXIT_PROBLEMS)


