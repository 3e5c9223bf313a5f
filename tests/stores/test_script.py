"""The ``cypher`` export script is what a Neo4j push sends, with the rows as literals."""
from __future__ import annotations

import re

import networkx as nx
import pytest

from kg.stores.base import graph_rows
from kg.stores.cypher import cypher_literal, cypher_rows
from kg.stores.embedded import EmbeddedStore
from kg.stores.neo4j import constraint_statement, loader_statements, script_statements
from schema.errors import InputError
from schema.types import NodeLabel

_ROWS = re.compile(r"^UNWIND \[\n.*?\n\] AS row ", re.DOTALL)


def test_script_statements_are_the_push_statements_with_literal_rows(corpus_graph):
    pushed = set(loader_statements(graph_rows(corpus_graph).schema))
    statements = list(script_statements(corpus_graph, batch=3))
    labels = {d["label"] for _, d in corpus_graph.nodes(data=True)}
    assert statements[:len(labels)] == [constraint_statement(NodeLabel(lab)) + ";" for lab in sorted(labels)]
    data = statements[len(labels):]
    assert data and all(s.endswith(";") and _ROWS.match(s) for s in data)
    assert {_ROWS.sub("UNWIND $rows AS row ", s[:-1]) for s in data} <= pushed
    n_rows = sum(s.count("\n  {") for s in data)
    assert n_rows == corpus_graph.number_of_nodes() + corpus_graph.number_of_edges()


def test_literal_rows_read_back_unchanged_by_a_cypher_engine(tmp_path):
    row = {"id": "it's \\ a \"test\"\nline\t\u2028end", "props": {
        "aliases": ["x", "y;z", "C'est"], "upvotes": 3, "value": 2.5, "stub": False}}
    with EmbeddedStore(tmp_path / "db", read_only=False) as store:
        result = store.query(f"UNWIND {cypher_rows([row])} AS row RETURN row.id AS id, row.props.aliases AS aliases, "
                             "row.props.upvotes AS upvotes, row.props.value AS value, row.props.stub AS stub")
    assert result.records() == [{"id": row["id"], **row["props"]}]


def test_literal_maps_drop_nulls_and_quote_odd_keys():
    assert cypher_literal({"a b": 1, "c": None, "d": [True, None]}) == "{`a b`: 1, d: [true, null]}"


def test_script_refuses_a_label_outside_the_schema():
    G = nx.MultiDiGraph()
    G.add_node("x", label="Person) DETACH DELETE (m", name="x", aliases=[])
    with pytest.raises(InputError, match="node 'x' has label .* not a kg node label"):
        list(script_statements(G))
