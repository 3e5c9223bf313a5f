"""``kg export``: write the graph as GraphML, GEXF, JSON, CSV, Cypher or neo4j-admin CSV."""
from __future__ import annotations

import click

from kg.cli.options import store_option

FORMATS = ("graphml", "gexf", "json", "csv", "cypher", "neo4j-csv")


@click.command("export")
@store_option("-o")  # --out names the file to write, as in `kg export --format graphml --out g.graphml`
@click.option("--format", "fmt", required=True, type=click.Choice(FORMATS, case_sensitive=False),
              help="Export format.")
@click.option("--out", "--to", "--output", "dest", required=True, type=click.Path(),
              help="File to write (a folder for csv and neo4j-csv).")
def export(out, fmt, dest):
    """Write the graph in OUT to a file other tools open.

    Which format for which tool:

    \b
    graphml    Gephi, Cytoscape, yEd, networkx, python-igraph: label = name,
               type = Paper/Method..., papers, pagerank, community; edge weight
    gexf       Gephi (names as labels, colours by node type, dates)
    json       networkx (node_link_graph), D3 and other JavaScript tools
    csv        pandas, R, spreadsheets: a folder with nodes.csv and edges.csv
    cypher     a Neo4j server: cypher-shell -f FILE (or kg neo4j push)
    neo4j-csv  a new Neo4j database: neo4j-admin database import (run its import.sh)
    """
    from kg.views.export import write
    from kg.out import load_graph

    G = load_graph(out)
    path = write(G, fmt.lower(), dest)
    click.echo(f"wrote {path} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges, {fmt.lower()})", err=True)


commands = [export]
