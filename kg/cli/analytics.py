"""``kg top`` and ``kg communities``: rankings and Louvain communities of the graph in OUT."""
from __future__ import annotations

import click

from kg.cli.options import FORMATS, out_option, render
from kg.stores.cypher import python_value
from schema.types import ENTITY_LABELS, NodeLabel

LABELS = [label.value for label in NodeLabel]


def _echo_frame(frame, fmt: str) -> None:
    rows = [[python_value(v) for v in row] for row in frame.itertuples(index=False)]
    click.echo(render(list(frame.columns), rows, fmt))


@click.command("top")
@click.option("--label", type=click.Choice(LABELS, case_sensitive=False), default=NodeLabel.METHOD.value,
              show_default=True, help="Which nodes to rank (any case: method, Method).")
@click.option("--by", type=click.Choice(["pagerank", "degree", "papers"]), default="pagerank", show_default=True)
@click.option("--limit", "-k", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@out_option
def top(label, by, limit, fmt, out):
    """The most important nodes of a label, by PageRank, degree or number of papers.

    Concepts no paper names (family nodes that only group variants) are left out. In the
    table, PageRank is shown as a share of the whole graph's rank (in %); csv and json
    give the raw value.
    """
    from kg.out import load_graph
    from kg.views.analytics import importance

    frame = importance(load_graph(out), label, by=by)
    if label != NodeLabel.PAPER.value:
        frame = frame[frame["papers"] > 0]
    frame = frame.head(limit).reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    frame = frame.drop(columns=["label"])
    if fmt == "table":
        frame["pagerank"] = [f"{100 * v:.3f}%" for v in frame["pagerank"]]
    _echo_frame(frame, fmt)


@click.command("communities")
@click.option("--label", "labels", type=click.Choice(LABELS, case_sensitive=False), multiple=True,
              help="Labels to group (repeatable; default: the six concept labels).")
@click.option("--projection", type=click.Choice(["cooccurrence", "graph"]), default="cooccurrence", show_default=True,
              help="Group concepts by shared papers, or run on the whole graph.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Higher gives smaller communities.")
@click.option("--limit", "-k", type=click.IntRange(min=1), default=10, show_default=True, help="Communities shown.")
@click.option("--members", type=click.IntRange(min=1), default=8, show_default=True,
              help="Members shown per community (table format).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: one line per community; csv/json: every member of the communities shown.")
@out_option
def communities(labels, projection, seed, resolution, limit, members, fmt, out):
    """Louvain communities of concepts (seeded: the same graph gives the same communities)."""
    from kg.out import load_graph
    from kg.views.analytics import communities as find_communities

    frame = find_communities(load_graph(out), labels or ENTITY_LABELS, seed=seed, resolution=resolution,
                             projection=projection)
    frame = frame[frame["community"] < limit]
    if fmt != "table":
        _echo_frame(frame, fmt)
        return
    rows = []
    for community, group in frame.groupby("community", sort=True):
        names = [str(n) for n in group["name"].head(members)]
        more = len(group) - len(names)
        rows.append([int(community), len(group), ", ".join(names) + (f" (+{more})" if more > 0 else "")])
    click.echo(render(["community", "size", "top members (by papers)"], rows, "table", max_width=120))


commands = [top, communities]
