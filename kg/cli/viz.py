"""``kg viz``: write an interactive HTML view of the graph."""
from __future__ import annotations

import click

from kg.cli.options import out_option


@click.command("viz")
@out_option
@click.option("--html", "html_path", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write (one self-contained file, works offline).")
@click.option("--focus", default=None, help="Show only the neighbourhood of this node (name, alias or id).")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(min=0),
              help="Radius of the --focus neighbourhood.")
@click.option("--label", "labels", multiple=True,
              help="Node labels to show, comma-separated or repeated (e.g. Paper,Method,Benchmark).")
@click.option("--min-degree", default=0, show_default=True, type=click.IntRange(min=0),
              help="Hide nodes with fewer links than this.")
@click.option("--max-nodes", default=None, type=click.IntRange(min=0),
              help="Show at most this many nodes, the most connected first [default: 2000; 0: all].")
@click.option("--since", default=None, help="Only papers dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--title", default=None, help="Title of the page.")
def viz(out, html_path, focus, hops, labels, min_degree, max_nodes, since, title):
    """Write an interactive HTML graph: search, filters, evidence on click."""
    from kg.out import load_graph
    from kg.views.html import write_html

    G = load_graph(out)
    path, shown = write_html(G, html_path, focus=focus, hops=hops, labels=list(labels) or None,
                             min_degree=min_degree, max_nodes=max_nodes, since=since, title=title)
    if shown.number_of_nodes() == 0:
        click.echo("warning: no node matched the options: the page is empty", err=True)
    note = "" if shown.number_of_nodes() == G.number_of_nodes() else f" of {G.number_of_nodes()}"
    click.echo(f"wrote {path} ({shown.number_of_nodes()}{note} nodes, {shown.number_of_edges()} edges)", err=True)


commands = [viz]
