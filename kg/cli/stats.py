"""``kg stats -o OUT``: node counts by label and edge counts by type."""
from __future__ import annotations

import json

import click

from kg.cli.options import DEFAULT_OUT, out_option


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@out_option
@click.option("--json", "as_json", is_flag=True, help='Print {"nodes": {label: n}, "edges": {type: n}}.')
def stats(folder, out, as_json):
    """Counts of nodes by label and edges by type of the graph in FOLDER (or -o OUT)."""
    from kg.graph import graph_counts
    from kg.out import load_graph

    if folder and out not in (DEFAULT_OUT, folder):
        raise click.UsageError(f"give the folder once: {folder} or -o {out}")
    nodes, edges = graph_counts(load_graph(folder or out))
    if as_json:
        click.echo(json.dumps({"nodes": nodes, "edges": edges}))
        return
    click.echo("nodes")
    for label, n in nodes.items():
        click.echo(f"  {label:<14}{n:>8}")
    click.echo("edges")
    for rel, n in edges.items():
        click.echo(f"  {rel:<14}{n:>8}")


commands = [stats]
