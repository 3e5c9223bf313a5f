"""``kg stats -o OUT``: node counts by label and edge counts by type."""
from __future__ import annotations

import json

import click

from kg.cli.options import out_option


@click.command()
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


commands = [stats]
