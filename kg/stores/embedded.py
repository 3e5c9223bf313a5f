"""The embedded Cypher store: a LadybugDB database file in OUT (``OUT/cypher.lbdb``).

It is rebuilt from the networkx graph after every build (:func:`write_embedded`):
the schema is declared from :mod:`schema.types` (one node table per label, one
relationship table per type with its label pairs), rows are bulk-loaded with
``COPY ... FROM`` pandas frames, and the file is written under a temporary name and
renamed over the old one, so a reader never sees half a database. Queries open it
read-only (:meth:`EmbeddedStore.open`); when the graph is newer than the database
(or the database is missing) it is rebuilt first.

Properties typed ``STRING[]`` (``aliases``, ``urls``, ``sources``) are native lists.

Example:
    >>> with EmbeddedStore.open("kg-out") as store:  # doctest: +SKIP
    ...     store.query("MATCH (m:Method) RETURN m.name AS name LIMIT 3").rows
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from kg.stores.base import (
    BOOLEAN,
    DOUBLE,
    INT64,
    GraphRows,
    GraphStore,
    QueryResult,
    StoreSchema,
    graph_rows,
)
from kg.stores.cypher import embedded_dialect, embedded_hint, first_line, plain_value
from schema.errors import QueryError, StoreError
from schema.types import NodeLabel, RelType

logger = logging.getLogger(__name__)

DB_FILE = "cypher.lbdb"
#: Buffer pool of a read-only connection: the default (80% of RAM) is more than queries need, and
#: 1 GiB was too little for the co-occurrence query on the 52k-paper graph ("buffer pool is full").
READ_BUFFER_POOL = 4 << 30


def embedded_path(out: str | Path) -> Path:
    """Where the embedded database of OUT lives."""
    return Path(out) / DB_FILE


def _quote(name: str) -> str:
    return f"`{name}`"


def ddl_statements(schema: StoreSchema) -> list[str]:
    """``CREATE NODE TABLE`` / ``CREATE REL TABLE`` statements for ``schema``.

    Example:
        >>> ddl_statements(StoreSchema.declared())[0][:60]
        'CREATE NODE TABLE Paper(`id` STRING PRIMARY KEY, `name` STRI'
    """
    statements = []
    for label in NodeLabel:
        cols = ", ".join(
            f"{_quote(p.name)} {p.type}" + (" PRIMARY KEY" if p.name == "id" else "")
            for p in schema.node_props[label]
        )
        statements.append(f"CREATE NODE TABLE {label.value}({cols})")
    for rel in RelType:
        pairs = ", ".join(f"FROM {s.value} TO {d.value}" for s, d in schema.rel_pairs[rel])
        cols = "".join(f", {_quote(p.name)} {p.type}" for p in schema.rel_props[rel])
        statements.append(f"CREATE REL TABLE {rel.value}({pairs}{cols})")
    return statements


def _frame(columns: dict[str, list[Any]], types: dict[str, str]):
    """A DataFrame LadybugDB's pandas scan reads exactly.

    Numbers and booleans without nulls become numpy columns; everything else stays an
    object column of exact Python values (nullable pandas dtypes are refused by the
    scan, and an object column mixing ints and floats is misread).
    """
    import numpy as np
    import pandas as pd

    numpy_types = {INT64: np.int64, DOUBLE: np.float64, BOOLEAN: np.bool_}
    data = {}
    for name, values in columns.items():
        dtype = numpy_types.get(types.get(name, ""))
        data[name] = pd.Series(values, dtype=object)
        if dtype is not None and values and all(v is not None for v in values):
            try:
                data[name] = np.asarray(values, dtype=dtype)
            except OverflowError:  # an integer beyond 64 bits: keep the object column
                pass
    return pd.DataFrame(data, columns=list(columns))


def _unique_ids(columns: dict[str, list[Any]], label: NodeLabel) -> dict[str, list[Any]]:
    """Columns with distinct ids (a COPY with duplicate keys aborts LadybugDB)."""
    ids = columns["id"]
    if len(set(ids)) == len(ids):
        return columns
    first: dict[str, int] = {}
    for i, node_id in enumerate(ids):
        first.setdefault(node_id, i)
    keep = sorted(first.values())
    logger.warning("dropped %d duplicate %s ids", len(ids) - len(keep), label.value)
    return {name: [values[i] for i in keep] for name, values in columns.items()}


class EmbeddedStore(GraphStore):
    """A LadybugDB database (Kuzu lineage) holding the graph.

    Example:
        >>> store = EmbeddedStore(":memory:", read_only=False)  # doctest: +SKIP
        >>> store.create_schema(StoreSchema.declared())  # doctest: +SKIP
    """

    def __init__(self, path: str | Path, *, read_only: bool = True, buffer_pool_size: int = 0) -> None:
        import ladybug

        self.path = str(path)
        self.read_only = read_only
        try:
            self._db = ladybug.Database(self.path, read_only=read_only, buffer_pool_size=buffer_pool_size)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as err:
            raise StoreError(f"cannot open the Cypher store {self.path}: {first_line(err)}") from err

    @classmethod
    def open(cls, out: str | Path, *, read_only: bool = True) -> EmbeddedStore:
        """Open the store of OUT, rebuilding it first when the graph is newer.

        Example:
            >>> EmbeddedStore.open("kg-out").query("MATCH (p:Paper) RETURN count(*) AS n")  # doctest: +SKIP
        """
        path = ensure_embedded(out)
        return cls(path, read_only=read_only, buffer_pool_size=READ_BUFFER_POOL if read_only else 0)

    # -- schema and bulk load -------------------------------------------------------
    def create_schema(self, schema: StoreSchema) -> None:
        """Declare every node and relationship table of ``schema``."""
        for statement in ddl_statements(schema):
            self._execute(statement)

    def bulk_load(self, rows: GraphRows) -> None:
        """COPY every row of ``rows`` into empty tables (the fast path of a rebuild)."""
        for label, items in rows.node_items.items():
            if not items:
                continue
            columns = _unique_ids(rows.node_columns(label), label)
            types = {p.name: p.type for p in rows.schema.node_props[label]}
            self._execute(f"COPY {label.value} FROM $frame", {"frame": _frame(columns, types)})
        for (rel, src, dst), items in rows.edge_items.items():
            if not items:
                continue
            types = {p.name: p.type for p in rows.schema.rel_props[rel]}
            frame = _frame(rows.edge_columns((rel, src, dst)), types)
            self._execute(f"COPY {rel.value} FROM $frame (from='{src.value}', to='{dst.value}')", {"frame": frame})

    # -- GraphStore -----------------------------------------------------------------
    def upsert_nodes(self, label: NodeLabel, rows: Sequence[dict[str, Any]]) -> int:
        """Insert or update nodes by id with ``MERGE`` (slower than :meth:`bulk_load`)."""
        label = NodeLabel(label)
        for row in rows:
            props = {k: v for k, v in row.items() if k != "id"}
            sets = ", ".join(f"n.{_quote(k)} = $p_{i}" for i, k in enumerate(props))
            params = {"id": row["id"], **{f"p_{i}": v for i, v in enumerate(props.values())}}
            self._execute(f"MERGE (n:{label.value} {{id: $id}})" + (f" SET {sets}" if sets else ""), params)
        return len(rows)

    def upsert_edges(self, rel: RelType, source: NodeLabel, target: NodeLabel,
                     rows: Sequence[tuple[str, str, dict[str, Any]]]) -> int:
        """Insert or update ``rel`` edges between existing nodes with ``MERGE``."""
        rel, source, target = RelType(rel), NodeLabel(source), NodeLabel(target)
        for u, v, props in rows:
            sets = ", ".join(f"r.{_quote(k)} = $p_{i}" for i, k in enumerate(props))
            params = {"u": u, "v": v, **{f"p_{i}": val for i, val in enumerate(props.values())}}
            self._execute(
                f"MATCH (a:{source.value} {{id: $u}}), (b:{target.value} {{id: $v}}) "
                f"MERGE (a)-[r:{rel.value}]->(b)" + (f" SET {sets}" if sets else ""), params)
        return len(rows)

    def _run(self, cypher: str, params: dict[str, Any], *, write: bool) -> QueryResult:
        names = [lab.value for lab in NodeLabel] + [rel.value for rel in RelType]
        cypher, changes = embedded_dialect(cypher, names)
        if changes:
            logger.info("rewritten for the embedded store: %s", "; ".join(changes))
        try:
            result = self._execute(cypher, params, error=QueryError)
        except QueryError as err:
            raise QueryError(embedded_hint(str(err), names)) from err
        results = result if isinstance(result, list) else [result]
        last = results[-1]
        columns = list(last.get_column_names())
        rows = [[plain_value(v) for v in row] for row in last.get_all()]
        return QueryResult(columns, rows)

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
            self._conn = None
        if db is not None:
            db.close()
            self._db = None

    def _execute(self, statement: str, params: dict[str, Any] | None = None, *, error: type = StoreError):
        if self._conn is None:
            raise StoreError("the Cypher store is closed")
        try:
            return self._conn.execute(statement, params or {})
        except RuntimeError as err:
            message = first_line(err)
            if "read-only" in message:
                message += " (queries are read-only unless --write is given)"
            raise error(message) from err


def write_embedded(G: nx.MultiDiGraph, out: str | Path) -> Path:
    """Rebuild ``OUT/cypher.lbdb`` from ``G`` atomically; returns its path.

    The database is built in a temporary folder inside OUT, checkpointed, closed and
    renamed over the old file.

    Example:
        >>> write_embedded(kg.load("kg-out"), "kg-out")  # doctest: +SKIP
        PosixPath('kg-out/cypher.lbdb')
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = embedded_path(out)
    started = time.perf_counter()
    rows = graph_rows(G)
    tmpdir = Path(tempfile.mkdtemp(dir=out, prefix=".cypher-"))
    try:
        store = EmbeddedStore(tmpdir / DB_FILE, read_only=False)
        try:
            store.create_schema(rows.schema)
            store.bulk_load(rows)
            store._execute("CHECKPOINT")
        finally:
            store.close()
        leftovers = [p.name for p in tmpdir.iterdir() if p.name != DB_FILE]
        if leftovers:
            raise StoreError(f"the Cypher store left {', '.join(leftovers)} behind: rebuild with 'kg build'")
        os.replace(tmpdir / DB_FILE, target)
        Path(f"{target}.wal").unlink(missing_ok=True)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    logger.info("wrote %d nodes and %d edges to %s in %.1f s", G.number_of_nodes(), G.number_of_edges(),
                target, time.perf_counter() - started)
    return target


def is_stale(out: str | Path) -> bool:
    """True when OUT has a graph and its Cypher store is missing or older."""
    from kg.out import GRAPH_FILE

    graph = Path(out) / GRAPH_FILE
    db = embedded_path(out)
    if not graph.exists():
        return False
    return not db.exists() or db.stat().st_mtime_ns < graph.stat().st_mtime_ns


def ensure_embedded(out: str | Path) -> Path:
    """The path of OUT's Cypher store, (re)built from the graph when stale."""
    from kg.out import load_graph

    db = embedded_path(out)
    if is_stale(out) or not db.exists():
        logger.info("rebuilding the Cypher store of %s from the graph", out)
        G = load_graph(out)
        try:
            return write_embedded(G, out)
        except OSError as err:
            raise StoreError(f"cannot rebuild the Cypher store in {out}: {err}") from err
    return db

