"""The ``kg`` command line.

``read``, ``build`` and ``stats`` live here; every other command is a module in
:mod:`kg.cli` that exposes ``commands: list[click.Command]`` and is found at
start-up. Errors a user can cause (:class:`KGError`) become one line on stderr and
a non-zero exit, never a traceback.
"""
from __future__ import annotations

import importlib
import json
import logging
import pkgutil
import sys

import click

from kg import __version__
from schema.errors import Diagnostics, KGError
from kg.cli.options import out_option


EXIT_NO_INPUT = 2
EXIT_PROBLEMS = 3


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


def _reader_kwargs(title_field, abstract_field) -> dict:
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


@main.command()
@reader_options
def read(inputs, fmt, year, title_field, abstract_field, strict):
    """Print the papers parsed from INPUTS as JSON Lines."""
    from kg.resolve.papers import merge_papers
    from kg.sources import read_papers

    diag = Diagnostics()
    papers = merge_papers(read_papers(inputs, fmt=fmt, year=year, diag=diag, **_reader_kwargs(title_field, abstract_field)))
    keys = ("id", "title", "abstract", "authors_count", "date", "upvotes", "organization", "urls", "sources")
    for paper in papers:
        record = {k: getattr(paper, k) for k in keys}
        click.echo(json.dumps(record, ensure_ascii=False))
    finish(diag, len(papers), strict)


@main.command()
@reader_options
@out_option
@click.option("--workers", type=int, default=None, help="spaCy processes (default: 2 for large inputs).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(inputs, fmt, year, title_field, abstract_field, strict, out, workers, quiet):
    """Read INPUTS, extract, resolve and save the graph in OUT."""
    from kg.pipeline import build as run_build

    diag = Diagnostics()
    summary = run_build(inputs, out, fmt=fmt, year=year, diag=diag, n_process=workers, progress=not quiet,
                        reader_options=_reader_kwargs(title_field, abstract_field))
    for line in summary.lines():
        click.echo(line, err=True)
    click.echo(f"graph saved in {out}", err=True)
    finish(diag, summary.papers_read, strict)


@main.command()
@out_option
@click.option("--json", "as_json", is_flag=True, help='Print {"nodes": {label: n}, "edges": {type: n}}.')
def stats(out, as_json):
    """Counts of nodes by label and edges by type."""
    from kg.graph import graph_counts
    from kg.out import load_graph

    nodes, edges = graph_counts(load_graph(out))
    if as_json:
        click.echo(json.dumps({"nodes": nodes, "edges": edges}))
        return
    click.echo("nodes")
    for label, n in nodes.items():
        click.echo(f"  {label:<14}{n:>8}")
    click.echo("edges")
    for rel, n in edges.items():
        click.echo(f"  {rel:<14}{n:>8}")


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
