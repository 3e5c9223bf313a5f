"""``kg read INPUTS``: the papers parsed from the inputs, as JSON Lines."""
from __future__ import annotations

import json

import click

from kg.cli.options import finish, reader_kwargs, reader_options
from schema.errors import Diagnostics


@click.command()
@reader_options
def read(inputs, fmt, year, title_field, abstract_field, strict):
    """Print the papers parsed from INPUTS as JSON Lines."""
    from kg.resolve.papers import merge_papers
    from kg.sources import read_papers

    diag = Diagnostics()
    papers = merge_papers(read_papers(inputs, fmt=fmt, year=year, diag=diag, **reader_kwargs(title_field, abstract_field)))
    keys = ("id", "title", "abstract", "authors_count", "date", "upvotes", "organization", "urls", "sources")
    for paper in papers:
        record = {k: getattr(paper, k) for k in keys}
        click.echo(json.dumps(record, ensure_ascii=False))
    finish(diag, len(papers), strict)


commands = [read]
