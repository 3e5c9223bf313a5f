"""CLI options and output shared by several commands (kept apart from kg.cli.app so command modules can import them).

Inputs (:func:`reader_options`), the OUT folder (:func:`store_option`), a Neo4j server
(:func:`neo4j_options`), and rows printed as a table, CSV or JSON (:data:`FORMATS`, :func:`render`).
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from extractors import EXTRACTOR_NAMES
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


def _stacked(func, decorators):
    """``func`` under ``decorators``, the first one outermost (as if written above it in order)."""
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def reader_options(func):
    """Options shared by every command that reads inputs."""
    opts = [
        click.argument("inputs", nargs=-1, required=True),
        click.option("--format", "fmt", default=None,
                     help="Force the input format (dailypapers, jsonl, json, csv, tsv, arxiv, openalex, s2, bibtex, wos)."),
        click.option("--year", type=int, default=None, help="Year for dates given without one."),
        click.option("--title-field", default=None, help="Column or key holding the title."),
        click.option("--abstract-field", default=None, help="Column or key holding the abstract."),
        click.option("--strict", is_flag=True, help="Exit non-zero if any input had a problem."),
    ]
    return _stacked(func, opts)


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


FORMATS = ("table", "csv", "json")



def neo4j_options(func):
    """``--uri/--user/--password/--database`` (defaults from the NEO4J_* environment)."""
    opts = [
        click.option("--uri", default=None, help="Neo4j URI [env NEO4J_URI]."),
        click.option("--user", default=None, help="Neo4j user [env NEO4J_USER, default neo4j]."),
        click.option("--password", default=None, help="Neo4j password [env NEO4J_PASSWORD]."),
        click.option("--database", default=None, help="Neo4j database [env NEO4J_DATABASE, default: the server's]."),
    ]
    return _stacked(func, opts)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, default=str)


def _fit(cell: str, width: int) -> str:
    """``cell`` cut to ``width`` when it is free text; ids, URLs and other single tokens are never cut.

    Example:
        >>> _fit("paper:2401.00001-a-very-long-identifier", 10), _fit("a long title here", 10)
        ('paper:2401.00001-a-very-long-identifier', 'a long ti…')
    """
    if len(cell) <= width or " " not in cell.strip():
        return cell
    return cell[: width - 1] + "…"


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table", *, max_width: int = 60) -> str:
    """``rows`` as text: ``table`` (aligned, long free text cut, ids never), ``csv`` or ``json``.

    Example:
        >>> print(render(["name", "n"], [["BERT", 3]], "json"))
        [{"name": "BERT", "n": 3}]
        >>> print(render(["name", "n"], [["BERT", 3]]))
        name  n
        ----  -
        BERT  3
        (1 row)
    """
    if not columns:
        return "[]" if fmt == "json" else ("" if fmt == "csv" else "(no rows returned)")
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(v).replace("\n", " ") for v in row] for row in rows]
    cells = [[_fit(c, max_width) for c in row] for row in cells]
    widths = [max([len(str(col))] + [len(row[i]) for row in cells]) for i, col in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(str(v).ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


extractor_option = click.option(
    "--extractor",
    type=click.Choice(EXTRACTOR_NAMES),
    default=None,
    help="learned (the default): rules, the trained recogniser and classifiers; rules: no recogniser, faster, "
    "finds fewer entities. kg build keeps the choice in OUT, and a different one extracts every paper again.",
)

min_confidence_option = click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Leave out entities the extractor is less sure of (the confidence, 0-1, on every edge). "
    "0.8 trades recall for precision: see the README.",
)
