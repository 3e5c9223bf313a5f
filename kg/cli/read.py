"""``kg read INPUTS``: the papers parsed from the inputs, as JSON Lines."""
from __future__ import annotations

import json
from dataclasses import fields as dataclass_fields

import click

from kg.cli.options import finish, reader_kwargs, reader_options
from schema import Paper
from schema.errors import Diagnostics

DEFAULT_FIELDS = ("id", "title", "abstract", "authors_count", "date", "upvotes", "organization", "urls", "sources")


def _chosen_fields(spec: str | None) -> tuple[str, ...]:
    """The Paper fields named by ``--fields`` ("id,title,venue,authors,ids"), or the default set."""
    if not spec:
        return DEFAULT_FIELDS
    known = [f.name for f in dataclass_fields(Paper)]
    names = tuple(n.strip() for n in spec.split(",") if n.strip())
    unknown = [n for n in names if n not in known]
    if unknown:
        raise click.UsageError(f"unknown field(s) {', '.join(unknown)} in --fields: use some of {', '.join(known)}")
    return names


@click.command()
@reader_options
@click.option("--fields", "fields_spec", default=None,
              help="Comma-separated paper fields to print (e.g. id,title,venue,authors,ids).")
def read(inputs, fmt, year, title_field, abstract_field, strict, fields_spec):
    """Print the papers parsed from INPUTS as JSON Lines."""
    from kg.resolve.papers import merge_papers
    from kg.sources import read_papers

    keys = _chosen_fields(fields_spec)
    diag = Diagnostics()
    papers = merge_papers(read_papers(inputs, fmt=fmt, year=year, diag=diag,
                                      **reader_kwargs(title_field, abstract_field)))
    for paper in papers:
        record = {k: getattr(paper, k) for k in keys}
        click.echo(json.dumps(record, ensure_ascii=False))
    finish(diag, len(papers), strict)


commands = [read]
