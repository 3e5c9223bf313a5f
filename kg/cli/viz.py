"""``kg viz``: write an interactive HTML view of the graph (a concept map by default)."""
from __future__ import annotations

import click

from kg.cli.options import out_option


@click.command("viz")
@out_option
@click.option("--html", "html_path", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write (one self-contained file, works offline).")
@click.option("--view", type=click.Choice(["concepts", "papers", "graph"], case_sensitive=False), default="concepts",
              show_default=True,
              help="concepts: concepts linked by shared papers, coloured by community; papers: papers linked by "
                   "citations and shared concepts; graph: the paper-concept graph itself.")
@click.option("--focus", default=None, help="Show only the neighbourhood of this node (name, alias or id).")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(min=0),
              help="Radius of the --focus neighbourhood.")
@click.option("--label", "labels", multiple=True,
              help="Node labels to show, comma-separated or repeated, any case (e.g. method,task).")
@click.option("--min-papers", default=None, type=click.IntRange(min=1),
              help="Concept map: leave out concepts found in fewer papers [default: 2, or 1 on small graphs].")
@click.option("--min-degree", default=0, show_default=True, type=click.IntRange(min=0),
              help="Graph view: hide nodes with fewer links than this.")
@click.option("--max-nodes", default=None, type=click.IntRange(min=0),
              help="Show at most this many nodes, the biggest first "
                   "[default: 400 concepts, 800 papers, 2000 graph nodes; 0: all].")
@click.option("--since", default=None, help="Only papers dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--title", default=None, help="Title of the page.")
def viz(out, html_path, view, focus, hops, labels, min_papers, min_degree, max_nodes, since, title):
    """Write an interactive HTML map: communities, year overlay, evidence on click."""
    from kg.out import load_graph
    from kg.views.html import write_html

    G = load_graph(out)
    path, shown = write_html(G, html_path, view=view.lower(), focus=focus, hops=hops, labels=list(labels) or None,
                             min_papers=min_papers, min_degree=min_degree, max_nodes=max_nodes, since=since,
                             title=title)
    if shown.number_of_nodes() == 0:
        click.echo("warning: no node matched the options: the page is empty", err=True)
    what = {"concepts": "concepts", "papers": "papers"}.get(view.lower(), "nodes")
    click.echo(f"wrote {path} ({shown.number_of_nodes()} {what}, {shown.number_of_edges()} links; "
               f"the graph has {G.number_of_nodes()} nodes)", err=True)


commands = [viz]
