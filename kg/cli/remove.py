"""``kg remove PAPER_ID...``: drop papers from OUT, with whatever only they supported (:func:`kg.pipeline.remove`)."""
from __future__ import annotations

import click

from kg.cli.options import out_option


@click.command("remove")
@click.argument("paper_ids", nargs=-1, required=True)
@out_option
def remove(paper_ids, out):
    """Remove papers (by id) and whatever only they supported, then rebuild the graph."""
    ids = list(dict.fromkeys(paper_ids))
    from kg.pipeline import remove as remove_papers

    n_before, n_after, e_before, e_after = remove_papers(ids, out)
    click.echo(f"removed {len(ids)} paper(s): nodes {n_before} -> {n_after}, edges {e_before} -> {e_after}", err=True)


commands = [remove]
