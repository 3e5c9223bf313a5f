"""``kg explain NAME``: what the graph knows about one entity, and why.

Reads OUT/graph.pickle and OUT/merge_log.jsonl (written by ``kg build``) and prints,
for every entity whose name or alias matches NAME (case, spacing, hyphens and plurals
ignored; one block per label when several labels match): its label, name, id and
aliases, its ``VARIANT_OF`` links, the papers linked to it with their role and the
evidence sentence, and the merge-log entries that concern it (:mod:`kg.views.lookup`).
"""
from __future__ import annotations

import click

from kg.cli.options import out_option
from schema.errors import QueryError


@click.command()
@click.argument("name")
@out_option
@click.option("--max-papers", type=int, default=20, show_default=True, help="Papers listed per entity.")
def explain(name: str, out: str, max_papers: int) -> None:
    """Why NAME is in the graph: aliases, variants, papers with evidence, merges."""
    from kg.out import load_graph, read_merge_log
    from kg.resolve.entities import entity_key
    from kg.views.lookup import NOT_PAPERS, close_names, explain_lines, find_entities
    from schema.names import name_key

    G = load_graph(out)
    matches = find_entities(G, name, keys=(name_key, entity_key))
    if not matches:
        suggestions = close_names(G, name, labels=NOT_PAPERS)
        hint = f"; close names: {', '.join(suggestions)}" if suggestions else "; try 'kg stats' to see what the graph holds"
        raise QueryError(f"no entity named '{name}' in {out}{hint}")
    entries = read_merge_log(out)
    for i, node_id in enumerate(matches):
        if i:
            click.echo("")
        click.echo("\n".join(explain_lines(G, node_id, entries, max_papers=max_papers)))


commands = [explain]
