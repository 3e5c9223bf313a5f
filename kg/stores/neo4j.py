"""Neo4j: push the graph to a server (``kg neo4j push``) and query it (``kg query --neo4j``).

Connection settings come from options or the environment: ``NEO4J_URI``,
``NEO4J_USER`` (default ``neo4j``), ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``. The password
is never logged nor put in a message.

A push creates a uniqueness constraint on ``id`` for every label first, then sends
nodes and relationships in batches with ``UNWIND $rows AS row MERGE ... SET x += row.props``
inside managed write transactions (``session.execute_write``: transient errors are
retried by the driver). Labels and types come only from :mod:`schema.types`; values
only as parameters. Pushing the same graph twice changes nothing; ``prune`` also
deletes nodes and relationships of the schema's labels and types that are not in the
graph any more (after ``kg remove``).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.stores.base import GraphRows, GraphStore, QueryResult, StoreSchema, graph_rows
from kg.stores.cypher import cypher_rows, first_line, plain_value
from schema.errors import InputError, QueryError, StoreError
from schema.types import NodeLabel, RelType

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
#: Rows per statement of a script (literals: smaller than a push's batches).
SCRIPT_BATCH = 500


# -- statements (every statement the loader sends; linted by tests/stores/test_neo4j.py) ---------
def constraint_statement(label: NodeLabel) -> str:
    """``CREATE CONSTRAINT ... IF NOT EXISTS`` making ``id`` unique for ``label``.

    Example:
        >>> constraint_statement(NodeLabel.PAPER)
        'CREATE CONSTRAINT kg_paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE'
    """
    label = NodeLabel(label)
    return f"CREATE CONSTRAINT kg_{label.value.lower()}_id IF NOT EXISTS FOR (n:{label.value}) REQUIRE n.id IS UNIQUE"


def node_statement(label: NodeLabel, rows: str = "$rows") -> str:
    """The batched upsert of ``label`` nodes; rows are ``{id, props}`` (``rows``: the parameter,
    or a list literal in a script).

    Example:
        >>> node_statement(NodeLabel.METHOD)
        'UNWIND $rows AS row MERGE (n:Method {id: row.id}) SET n += row.props'
    """
    return f"UNWIND {rows} AS row MERGE (n:{NodeLabel(label).value} {{id: row.id}}) SET n += row.props"


def edge_statement(rel: RelType, source: NodeLabel, target: NodeLabel, rows: str = "$rows") -> str:
    """The batched upsert of ``rel`` relationships; rows are ``{source, target, props}``
    (``rows``: the parameter, or a list literal in a script).

    Example:
        >>> edge_statement(RelType.USES, NodeLabel.PAPER, NodeLabel.MODEL)  # doctest: +NORMALIZE_WHITESPACE
        'UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Model {id: row.target})
         MERGE (a)-[r:USES]->(b) SET r += row.props'
    """
    rel, source, target = RelType(rel), NodeLabel(source), NodeLabel(target)
    return (f"UNWIND {rows} AS row MATCH (a:{source.value} {{id: row.source}}) "
            f"MATCH (b:{target.value} {{id: row.target}}) MERGE (a)-[r:{rel.value}]->(b) SET r += row.props")


def node_ids_statement(label: NodeLabel) -> str:
    """The ids of every ``label`` node on the server (for pruning)."""
    return f"MATCH (n:{NodeLabel(label).value}) RETURN n.id AS id"


def delete_nodes_statement(label: NodeLabel) -> str:
    """Delete ``label`` nodes (and their relationships) by id; rows are ids."""
    return f"UNWIND $rows AS id MATCH (n:{NodeLabel(label).value} {{id: id}}) DETACH DELETE n"


def edge_ids_statement(rel: RelType, source: NodeLabel, target: NodeLabel) -> str:
    """The (source id, target id) of every ``rel`` between ``source`` and ``target`` nodes."""
    return (f"MATCH (a:{NodeLabel(source).value})-[:{RelType(rel).value}]->(b:{NodeLabel(target).value}) "
            "RETURN a.id AS source, b.id AS target")


def delete_edges_statement(rel: RelType, source: NodeLabel, target: NodeLabel) -> str:
    """Delete ``rel`` relationships by (source, target); rows are ``{source, target}``."""
    return (f"UNWIND $rows AS row MATCH (a:{NodeLabel(source).value} {{id: row.source}})"
            f"-[r:{RelType(rel).value}]->(b:{NodeLabel(target).value} {{id: row.target}}) DELETE r")


def loader_statements(schema: StoreSchema | None = None) -> list[str]:
    """Every statement a push (with pruning) may send, for ``schema`` (default: declared).

    Example:
        >>> len(loader_statements()) > 3 * len(NodeLabel)
        True
    """
    schema = schema or StoreSchema.declared()
    statements = [constraint_statement(label) for label in NodeLabel]
    for label in NodeLabel:
        statements += [node_statement(label), node_ids_statement(label), delete_nodes_statement(label)]
    for rel in RelType:
        for source, target in schema.rel_pairs[rel]:
            statements += [edge_statement(rel, source, target), edge_ids_statement(rel, source, target),
                           delete_edges_statement(rel, source, target)]
    return statements


def check_schema(G: nx.MultiDiGraph) -> None:
    """Refuse a graph with a node label or an edge type outside :mod:`schema.types`.

    Raises:
        InputError: names the first such node or edge.
    """
    labels, rels = {lab.value for lab in NodeLabel}, {rel.value for rel in RelType}
    for node, data in G.nodes(data=True):
        if data.get("label") not in labels:
            raise InputError(f"node {node!r} has label {data.get('label')!r}, which is not a kg node label "
                             f"({', '.join(sorted(labels))}): rebuild the graph with 'kg build'")
    for u, v, key, data in G.edges(keys=True, data=True):
        if data.get("type", key) not in rels:
            raise InputError(f"edge {u!r} -> {v!r} has type {data.get('type', key)!r}, which is not a kg "
                             "relationship type: rebuild the graph with 'kg build'")


def script_statements(G: nx.MultiDiGraph, batch: int = SCRIPT_BATCH) -> Iterator[str]:
    """The statements of a ``cypher-shell -f`` script loading ``G`` (each ending in ``;``):
    what :meth:`Neo4jStore.push` sends, with the rows written as literals.

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("m", label="Method", name="M", aliases=[])
        >>> list(script_statements(G))[1].splitlines()[-1]
        '] AS row MERGE (n:Method {id: row.id}) SET n += row.props;'

    Raises:
        InputError: a node label or an edge type is not in the schema.
    """
    check_schema(G)
    rows = graph_rows(G)
    labels = sorted(rows.nodes, key=lambda lab: lab.value)
    for label in labels:
        yield constraint_statement(label) + ";"
    for label in labels:
        for chunk in _batches(_node_payload(rows.nodes[label]), batch):
            yield node_statement(label, cypher_rows(list(chunk))) + ";"
    for key in sorted(rows.edges, key=lambda k: (k[0].value, k[1].value, k[2].value)):
        for chunk in _batches(_edge_payload(rows.edges[key]), batch):
            yield edge_statement(*key, cypher_rows(list(chunk))) + ";"


# -- rows ------------------------------------------------------------------------
def _node_payload(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": r["id"], "props": {k: v for k, v in r.items() if k != "id"}} for r in rows]


def _edge_payload(rows: Sequence[tuple[str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
    return [{"source": u, "target": v, "props": dict(props)} for u, v, props in rows]


def _records(tx, statement: str, params: dict[str, Any]) -> QueryResult:
    """Run ``statement`` in the transaction ``tx``; its rows as plain data."""
    result = tx.run(statement, params)
    return QueryResult(list(result.keys()), [[plain_value(v) for v in record.values()] for record in result])


def _batches(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


@dataclass
class PushSummary:
    """What a push sent (and pruned)."""

    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    deleted_nodes: int = 0
    deleted_edges: int = 0

    def lines(self) -> list[str]:
        out = [
            "nodes: " + ", ".join(f"{k} {v}" for k, v in sorted(self.nodes.items())),
            "relationships: " + ", ".join(f"{k} {v}" for k, v in sorted(self.edges.items())),
        ]
        if self.deleted_nodes or self.deleted_edges:
            out.append(f"pruned: {self.deleted_nodes} nodes, {self.deleted_edges} relationships")
        return out


@dataclass
class Neo4jSettings:
    """Where and how to connect; ``from_env`` fills what options did not give."""

    uri: str | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> Neo4jSettings:
        """Options first, then ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``.

        Example:
            >>> Neo4jSettings.from_env(uri="bolt://localhost:7687", user="neo4j", password="x").uri
            'bolt://localhost:7687'
        """
        return cls(
            uri=uri or os.environ.get("NEO4J_URI"),
            user=user or os.environ.get("NEO4J_USER") or "neo4j",
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )

    def __repr__(self) -> str:  # never show the password
        return f"Neo4jSettings(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"


class Neo4jStore(GraphStore):
    """A Neo4j 5 server holding the graph.

    Example:
        >>> with Neo4jStore(Neo4jSettings.from_env()) as store:  # doctest: +SKIP
        ...     store.push(kg.load("kg-out"))
    """

    def __init__(self, settings: Neo4jSettings) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

        if not settings.uri:
            raise StoreError("no Neo4j server given: pass --uri or set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)")
        self.settings = settings
        if not logger.isEnabledFor(logging.INFO):  # the driver logs failed routing at ERROR: we raise instead
            logging.getLogger("neo4j").setLevel(logging.CRITICAL)
        auth = (settings.user, settings.password) if settings.password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(settings.uri, auth=auth)
            self._driver.verify_connectivity()
        except AuthError as err:
            raise StoreError(f"Neo4j at {settings.uri} refused user {settings.user!r}: check NEO4J_USER and NEO4J_PASSWORD") from err
        except (ServiceUnavailable, ConfigurationError, ValueError, OSError) as err:
            raise StoreError(f"cannot reach Neo4j at {settings.uri}: {first_line(err)}") from err

    def _session(self, **kwargs):
        kwargs = {"database": self.settings.database, **kwargs} if self.settings.database else kwargs
        return self._driver.session(**kwargs)

    def _write(self, statement: str, rows: Sequence[Any]) -> None:
        def work(tx):
            tx.run(statement, rows=list(rows)).consume()

        with self._session() as session:
            session.execute_write(work)

    def _read(self, statement: str, params: dict[str, Any] | None = None) -> QueryResult:
        with self._session() as session:
            return session.execute_read(lambda tx: _records(tx, statement, params or {}))

    # -- GraphStore ----------------------------------------------------------------
    def create_constraints(self) -> None:
        """A uniqueness constraint on ``id`` for every label (idempotent)."""
        with self._session() as session:
            for label in NodeLabel:
                session.run(constraint_statement(label)).consume()

    def upsert_nodes(self, label: NodeLabel, rows: Sequence[dict[str, Any]], *, batch_size: int = BATCH_SIZE) -> int:
        """MERGE ``label`` nodes by id and set their properties, in batches."""
        statement = node_statement(label)
        for batch in _batches(_node_payload(rows), batch_size):
            self._write(statement, batch)
        return len(rows)

    def upsert_edges(self, rel: RelType, source: NodeLabel, target: NodeLabel,
                     rows: Sequence[tuple[str, str, dict[str, Any]]], *, batch_size: int = BATCH_SIZE) -> int:
        """MERGE ``rel`` relationships between existing nodes and set their properties."""
        statement = edge_statement(rel, source, target)
        for batch in _batches(_edge_payload(rows), batch_size):
            self._write(statement, batch)
        return len(rows)

    def push(self, G: nx.MultiDiGraph, *, batch_size: int = BATCH_SIZE, prune: bool = False,
             progress: bool = True) -> PushSummary:
        """Send ``G``: constraints, nodes, relationships (and prune what ``G`` lacks).

        Example:
            >>> store.push(G).nodes["Paper"]  # doctest: +SKIP
            52
        """
        from neo4j.exceptions import DriverError, Neo4jError
        from tqdm import tqdm

        rows: GraphRows = graph_rows(G)
        summary = PushSummary()
        total = sum(len(r) for r in rows.node_items.values()) + sum(len(r) for r in rows.edge_items.values())
        try:
            self.create_constraints()
            with tqdm(total=total, unit="row", desc="neo4j push", disable=not progress) as bar:
                for label, node_rows in rows.nodes.items():
                    for batch in _batches(node_rows, batch_size):
                        self.upsert_nodes(label, batch, batch_size=batch_size)
                        bar.update(len(batch))
                    summary.nodes[label.value] = len(node_rows)
                for (rel, src, dst), edge_rows in rows.edges.items():
                    for batch in _batches(edge_rows, batch_size):
                        self.upsert_edges(rel, src, dst, batch, batch_size=batch_size)
                        bar.update(len(batch))
                    summary.edges[rel.value] = summary.edges.get(rel.value, 0) + len(edge_rows)
            if prune:
                self._prune(rows, summary, batch_size)
        except (Neo4jError, DriverError) as err:
            raise StoreError(f"Neo4j at {self.settings.uri} refused the push: "
                             f"{first_line(getattr(err, 'message', None) or err)}") from err
        logger.info("pushed %d nodes and %d relationships to Neo4j", sum(summary.nodes.values()),
                    sum(summary.edges.values()))
        return summary

    def _prune(self, rows: GraphRows, summary: PushSummary, batch_size: int) -> None:
        for label in NodeLabel:
            keep = {r["id"] for r in rows.nodes.get(label, [])}
            gone = sorted(r[0] for r in self._read(node_ids_statement(label)).rows if r[0] not in keep)
            for batch in _batches(gone, batch_size):
                self._write(delete_nodes_statement(label), batch)
            summary.deleted_nodes += len(gone)
        for rel in RelType:
            for src, dst in rows.schema.rel_pairs[rel]:
                keep_pairs = {(u, v) for u, v, _ in rows.edges.get((rel, src, dst), [])}
                gone_pairs = [{"source": s, "target": t}
                              for s, t in self._read(edge_ids_statement(rel, src, dst)).rows
                              if (s, t) not in keep_pairs]
                for batch in _batches(gone_pairs, batch_size):
                    self._write(delete_edges_statement(rel, src, dst), batch)
                summary.deleted_edges += len(gone_pairs)

    def _run(self, cypher: str, params: dict[str, Any], *, write: bool) -> QueryResult:
        """Run ``cypher`` in a read transaction (a write transaction with ``write``)."""
        from neo4j.exceptions import DriverError, Neo4jError

        try:
            with self._session() as session:
                return (session.execute_write if write else session.execute_read)(lambda tx: _records(tx, cypher, params))
        except Neo4jError as err:
            raise QueryError(first_line(getattr(err, "message", None) or err)) from err
        except DriverError as err:
            raise StoreError(f"Neo4j at {self.settings.uri} failed: {first_line(err)}") from err

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()
            self._driver = None
