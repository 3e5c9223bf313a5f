"""``kg query``: Cypher over the embedded store of OUT (or a Neo4j server with ``--neo4j``).

Read-only unless ``--write``. Output as an aligned table (default), CSV, or a JSON
array of row objects keyed by the RETURN names. Named example queries:
``kg query --list``, ``kg query --name NAME --param key=value``.
"""
from __future__ import annotations

from typing import Any

import click

from kg.cli.options import FORMATS, neo4j_options, out_option, render
from schema.errors import QueryError


def run_query(cypher: str, params: dict[str, Any], *, out: str, write: bool = False, neo4j: bool = False,
              settings=None):
    """Run ``cypher`` on OUT's embedded store (or Neo4j); returns a QueryResult.

    Example:
        >>> run_query("MATCH (p:Paper) RETURN count(*) AS n", {}, out="kg-out").rows  # doctest: +SKIP
        [[52]]
    """
    from kg.stores.cypher import refuse_writes

    if not write:
        refuse_writes(cypher)
    if neo4j:
        from kg.stores.neo4j import Neo4jSettings, Neo4jStore

        with Neo4jStore(settings or Neo4jSettings.from_env()) as store:
            return store.query(cypher, params, write=write)
    from kg.stores.embedded import EmbeddedStore

    with EmbeddedStore.open(out, read_only=not write) as store:
        return store.query(cypher, params, write=write)


def _list_queries() -> str:
    from kg.stores.queries import QUERIES

    lines = []
    for q in QUERIES.values():
        params = " ".join(f"{k}=<required>" if v is None else f"{k}={v}" for k, v in q.params.items())
        lines.append(f"{q.name:<22}{q.description}")
        if params:
            lines.append(f"{'':<22}params: {params}")
    return "\n".join(lines)


@click.command("query")
@click.argument("cypher", required=False)
@out_option
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter ($KEY); numbers, true/false, null and JSON are decoded, the rest is text.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow a query that changes the store (the graph file is never changed).")
@click.option("--name", default=None, help="Run a named example query (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named example queries.")
@click.option("--show", is_flag=True, help="Print the Cypher of --name instead of running it.")
@click.option("--neo4j", "use_neo4j", is_flag=True, help="Run on a Neo4j server instead of OUT's embedded store.")
@neo4j_options
def query(cypher, out, params, fmt, write, name, list_queries, show, use_neo4j, uri, user, password, database):
    """Run a Cypher query on the graph in OUT (read-only unless --write).

    \b
    kg query "MATCH (m:Method) RETURN m.name AS name, m.paper_count AS papers ORDER BY papers DESC LIMIT 10"
    kg query --name papers-evaluating-on --param benchmark=ImageNet --format json
    """
    from kg.stores.cypher import parse_param

    if list_queries:
        click.echo(_list_queries())
        return
    given: dict[str, Any] = {}
    for text in params:
        try:
            key, value = parse_param(text)
        except ValueError as err:
            raise QueryError(str(err)) from err
        given[key] = value
    if name:
        if cypher:
            raise QueryError("give either a CYPHER query or --name, not both")
        from kg.stores.queries import get_query

        named = get_query(name)
        if show:
            click.echo(named.cypher)
            return
        cypher, given = named.cypher, named.bind(given)
    if not cypher:
        raise QueryError("no query: give CYPHER, --name NAME or --list")
    settings = None
    if use_neo4j:
        from kg.stores.neo4j import Neo4jSettings

        settings = Neo4jSettings.from_env(uri, user, password, database)
    result = run_query(cypher, given, out=out, write=write, neo4j=use_neo4j, settings=settings)
    click.echo(render(result.columns, result.rows, fmt))


commands = [query]
