"""``kg neo4j push``: load the graph of OUT into a Neo4j server (idempotent)."""
from __future__ import annotations

import click

from kg.cli.options import neo4j_options, out_option


@click.group("neo4j")
def neo4j_group():
    """Neo4j server: push the graph (connection from options or NEO4J_* variables)."""


@neo4j_group.command("push")
@out_option
@neo4j_options
@click.option("--batch-size", type=int, default=1000, show_default=True, help="Rows per transaction.")
@click.option("--prune", is_flag=True, help="Also delete kg nodes and relationships the graph no longer has.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def push(out, uri, user, password, database, batch_size, prune, quiet):
    """Push the graph in OUT to Neo4j: constraints, then batched MERGE of nodes and relationships.

    Running it again changes nothing. The password is never printed.
    """
    from kg.out import load_graph
    from kg.stores.neo4j import Neo4jSettings, Neo4jStore

    G = load_graph(out)
    settings = Neo4jSettings.from_env(uri, user, password, database)
    with Neo4jStore(settings) as store:
        summary = store.push(G, batch_size=batch_size, prune=prune, progress=not quiet)
    for line in summary.lines():
        click.echo(line, err=True)
    click.echo(f"graph pushed to {settings.uri}", err=True)


commands = [neo4j_group]
