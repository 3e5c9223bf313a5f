"""What every Cypher store holds, and the interface each backend implements.

The store schema follows :mod:`schema.types`: one node label per :class:`NodeLabel`,
one relationship type per :class:`RelType` joining the pairs of
:data:`EDGE_ENDPOINTS`. Labels and types come only from those enums, never from
extracted text. Properties are typed:

* every node: ``id`` (the key), ``name``, ``aliases`` (a list of strings);
* Paper: ``title``, ``abstract``, ``date`` (ISO 8601 string, possibly partial),
  ``upvotes``, ``authors_count``, ``organization``, ``urls``, ``sources``, ``stub``,
  and for stubs of cited works ``first_author``, ``year``;
* every other label: ``paper_count``, ``first_date``, ``last_date``; the six concept
  labels also ``inferred_family``; Repository ``url``; Result ``value``, ``metric``,
  ``unit``, ``benchmark``, ``subject``, ``paper_id``, ``sentence``;
* every relationship: the provenance ``paper_id``, ``sentence``, ``start``, ``end``,
  ``extractor``, ``confidence``, then ``count``, ``inferred``, ``reason``.

Any other attribute found on the graph becomes an extra property of its label or
type, typed from its values (a dict becomes a JSON string).

Backends (:mod:`kg.stores.embedded`, :mod:`kg.stores.neo4j`) implement
:class:`GraphStore`: ``upsert_nodes``, ``upsert_edges``, ``query``.
"""
from __future__ import annotations

import json
import logging
import math
import re
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from kg.stores.cypher import refuse_writes
from schema.types import EDGE_ENDPOINTS, ENTITY_LABELS, NodeLabel, RelType

logger = logging.getLogger(__name__)

STRING, INT64, DOUBLE, BOOLEAN, STRING_LIST = "STRING", "INT64", "DOUBLE", "BOOLEAN", "STRING[]"

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Prop:
    """A typed property: ``type`` is one of STRING, INT64, DOUBLE, BOOLEAN, STRING[]."""

    name: str
    type: str


NODE_KEY_PROPS: tuple[Prop, ...] = (Prop("id", STRING), Prop("name", STRING), Prop("aliases", STRING_LIST))
PAPER_PROPS: tuple[Prop, ...] = (
    Prop("title", STRING), Prop("abstract", STRING), Prop("date", STRING), Prop("upvotes", INT64),
    Prop("authors_count", INT64), Prop("organization", STRING), Prop("urls", STRING_LIST),
    Prop("sources", STRING_LIST), Prop("stub", BOOLEAN), Prop("first_author", STRING), Prop("year", INT64),
)
ENTITY_PROPS: tuple[Prop, ...] = (Prop("paper_count", INT64), Prop("first_date", STRING), Prop("last_date", STRING))
CONCEPT_PROPS: tuple[Prop, ...] = (Prop("inferred_family", BOOLEAN),)
REPOSITORY_PROPS: tuple[Prop, ...] = (Prop("url", STRING),)
RESULT_PROPS: tuple[Prop, ...] = (
    Prop("value", DOUBLE), Prop("metric", STRING), Prop("unit", STRING), Prop("benchmark", STRING),
    Prop("subject", STRING), Prop("paper_id", STRING), Prop("sentence", STRING),
)
EDGE_PROPS: tuple[Prop, ...] = (
    Prop("paper_id", STRING), Prop("sentence", STRING), Prop("start", INT64), Prop("end", INT64),
    Prop("extractor", STRING), Prop("confidence", DOUBLE), Prop("count", INT64), Prop("inferred", BOOLEAN),
    Prop("reason", STRING),
)
#: Graph attributes that are not properties (they are the label or the type).
_NODE_SKIP = {"label"}
_EDGE_SKIP = {"type"}


def declared_node_props(label: NodeLabel) -> tuple[Prop, ...]:
    """The fixed properties of ``label`` (before extras found in a graph).

    Example:
        >>> [p.name for p in declared_node_props(NodeLabel.RESULT)][6:9]
        ['value', 'metric', 'unit']
    """
    label = NodeLabel(label)
    if label is NodeLabel.PAPER:
        return NODE_KEY_PROPS + PAPER_PROPS
    extra = {NodeLabel.RESULT: RESULT_PROPS, NodeLabel.REPOSITORY: REPOSITORY_PROPS}.get(label, ())
    if label in ENTITY_LABELS:
        extra = CONCEPT_PROPS
    return NODE_KEY_PROPS + ENTITY_PROPS + extra


def coerce(value: Any, type_: str) -> Any:
    """``value`` as a Python value of the store type ``type_``, or None when impossible.

    Example:
        >>> coerce(3, DOUBLE), coerce("7", INT64), coerce(("a", None), STRING_LIST), coerce({"k": 1}, STRING)
        (3.0, 7, ['a'], '{"k": 1}')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if type_ == STRING:
            if isinstance(value, str):
                return value
            if isinstance(value, (dict, list, tuple, set)):
                return json.dumps(value if not isinstance(value, set) else sorted(value, key=str),
                                  ensure_ascii=False, sort_keys=True, default=str)
            return str(value)
        if type_ == INT64:
            if isinstance(value, float) and not value.is_integer():
                return None
            return int(value)
        if type_ == DOUBLE:
            result = float(value)
            return None if math.isnan(result) else result
        if type_ == BOOLEAN:
            if isinstance(value, str):
                return {"true": True, "false": False}.get(value.strip().lower())
            return bool(value)
        if type_ == STRING_LIST:
            if isinstance(value, str):
                return [value]
            return [str(v) for v in value if v is not None]
    except (TypeError, ValueError, OverflowError):
        return None
    raise ValueError(f"unknown store type {type_!r}")


def infer_type(values: Iterable[Any]) -> str:
    """The store type that holds every non-null value of ``values``.

    Example:
        >>> infer_type([1, None, 2.5]), infer_type([True]), infer_type([["a"]]), infer_type([{"a": 1}])
        ('DOUBLE', 'BOOLEAN', 'STRING[]', 'STRING')
    """
    kinds = set()
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        if isinstance(v, bool):
            kinds.add(BOOLEAN)
        elif isinstance(v, int):
            kinds.add(INT64)
        elif isinstance(v, float):
            kinds.add(DOUBLE)
        elif isinstance(v, (list, tuple, set)) and all(isinstance(x, str) or x is None for x in v):
            kinds.add(STRING_LIST)
        else:
            kinds.add(STRING)
    if len(kinds) == 1:
        return kinds.pop()
    if kinds == {INT64, DOUBLE}:
        return DOUBLE
    return STRING


def coercer(type_: str) -> Callable[[Any], Any]:
    """A fast :func:`coerce` for one type: values already of the type pass through.

    Example:
        >>> coercer(DOUBLE)(3), coercer(STRING)("a")
        (3.0, 'a')
    """
    exact = {STRING: str, INT64: int, DOUBLE: float, BOOLEAN: bool}.get(type_)
    if exact is float:
        return lambda v: v if v.__class__ is float and not math.isnan(v) else coerce(v, type_)
    if exact is not None:
        return lambda v: v if v.__class__ is exact else coerce(v, type_)
    return lambda v: v if v.__class__ is list and all(x.__class__ is str for x in v) else coerce(v, type_)


def _extras(records: Sequence[Mapping[str, Any]], declared: Sequence[Prop], skip: set[str], where: str) -> list[Prop]:
    known = {p.name for p in declared} | skip
    lowered = {p.name.lower() for p in declared}
    keys: set[str] = set()
    for data in records:
        if not data.keys() <= known:
            keys.update(data.keys() - known)
    extras = []
    for key in sorted(keys):
        if key.lower() in lowered:
            continue
        if not _IDENTIFIER.match(key):
            logger.warning("attribute %r of %s is not a property name: not stored", key, where)
            continue
        extras.append(Prop(key, infer_type(d.get(key) for d in records)))
    return extras


@dataclass
class StoreSchema:
    """Properties of every label and type, and the label pairs each type joins."""

    node_props: dict[NodeLabel, tuple[Prop, ...]]
    rel_props: dict[RelType, tuple[Prop, ...]]
    rel_pairs: dict[RelType, tuple[tuple[NodeLabel, NodeLabel], ...]]

    @classmethod
    def declared(cls) -> StoreSchema:
        """The schema without extras: what every store has even when empty."""
        return cls(
            node_props={label: declared_node_props(label) for label in NodeLabel},
            rel_props={rel: EDGE_PROPS for rel in RelType},
            rel_pairs={rel: tuple(EDGE_ENDPOINTS[rel]) for rel in RelType},
        )


@dataclass
class GraphRows:
    """The graph as typed rows: what every backend loads.

    ``nodes[label]`` is a list of property dicts (``id`` first); ``edges[(rel, src, dst)]``
    is a list of ``(source id, target id, property dict)``. Columns
    (:meth:`node_columns`, :meth:`edge_columns`) are the same values by property,
    for bulk loads.
    """

    schema: StoreSchema
    node_items: dict[NodeLabel, list[tuple[str, Mapping[str, Any]]]] = field(default_factory=dict)
    edge_items: dict[tuple[RelType, NodeLabel, NodeLabel], list[tuple[str, str, Mapping[str, Any]]]] = field(
        default_factory=dict)
    skipped_nodes: int = 0
    skipped_edges: int = 0

    def node_columns(self, label: NodeLabel) -> dict[str, list[Any]]:
        """Typed values of every property of ``label``, by property (``id`` first)."""
        items = self.node_items.get(label, [])
        columns: dict[str, list[Any]] = {"id": [node_id for node_id, _ in items]}
        for prop in self.schema.node_props[label]:
            if prop.name == "id":
                continue
            fn = coercer(prop.type)
            values = [fn(data.get(prop.name)) for _, data in items]
            if prop.name == "aliases":
                values = [v if v is not None else [] for v in values]
            columns[prop.name] = values
        return columns

    def edge_columns(self, key: tuple[RelType, NodeLabel, NodeLabel]) -> dict[str, list[Any]]:
        """``from``, ``to`` and typed values of every property of the edges under ``key``."""
        items = self.edge_items.get(key, [])
        columns: dict[str, list[Any]] = {"from": [u for u, _, _ in items], "to": [v for _, v, _ in items]}
        for prop in self.schema.rel_props[key[0]]:
            fn = coercer(prop.type)
            columns[prop.name] = [fn(data.get(prop.name)) for _, _, data in items]
        return columns

    @cached_property
    def nodes(self) -> dict[NodeLabel, list[dict[str, Any]]]:
        """Property dicts of the nodes, by label."""
        out = {}
        for label in self.node_items:
            columns = self.node_columns(label)
            names = list(columns)
            out[label] = [dict(zip(names, values)) for values in zip(*columns.values())]
        return out

    @cached_property
    def edges(self) -> dict[tuple[RelType, NodeLabel, NodeLabel], list[tuple[str, str, dict[str, Any]]]]:
        """``(source, target, props)`` of the edges, by (type, source label, target label)."""
        out = {}
        for key in self.edge_items:
            columns = self.edge_columns(key)
            names = list(columns)[2:]
            out[key] = [(values[0], values[1], dict(zip(names, values[2:]))) for values in zip(*columns.values())]
        return out


def graph_rows(G: nx.MultiDiGraph) -> GraphRows:
    """Typed rows of ``G`` by label and by (type, source label, target label).

    Nodes whose ``label`` or edges whose key is not in the schema enums are skipped
    (and counted); values are coerced to their property's type.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("p", label="Paper", name="A", aliases=[], upvotes=3)
        >>> graph_rows(G).nodes[NodeLabel.PAPER][0]["upvotes"]
        3
    """
    schema = StoreSchema.declared()
    labels = {label.value: label for label in NodeLabel}
    rels = {rel.value: rel for rel in RelType}
    by_label: dict[NodeLabel, list[tuple[str, Mapping[str, Any]]]] = defaultdict(list)
    label_of: dict[Any, NodeLabel] = {}
    skipped_nodes = 0
    for node_id, data in G.nodes(data=True):
        label = labels.get(data.get("label"))
        if label is None:
            skipped_nodes += 1
            continue
        label_of[node_id] = label
        by_label[label].append((str(node_id), data))
    by_rel: dict[tuple[RelType, NodeLabel, NodeLabel], list[tuple[str, str, Mapping[str, Any]]]] = defaultdict(list)
    skipped_edges = 0
    for u, v, key, data in G.edges(keys=True, data=True):
        rel = rels.get(data.get("type", key))
        src, dst = label_of.get(u), label_of.get(v)
        if rel is None or src is None or dst is None:
            skipped_edges += 1
            continue
        by_rel[(rel, src, dst)].append((str(u), str(v), data))
    for label, items in by_label.items():
        declared = schema.node_props[label]
        schema.node_props[label] = declared + tuple(_extras([d for _, d in items], declared, _NODE_SKIP, label.value))
    for rel in RelType:
        items = [d for (r, _, _), group in by_rel.items() if r is rel for _, _, d in group]
        declared = schema.rel_props[rel]
        schema.rel_props[rel] = declared + tuple(_extras(items, declared, _EDGE_SKIP, rel.value))
        observed = sorted({(s, d) for (r, s, d) in by_rel if r is rel} - set(schema.rel_pairs[rel]))
        if observed:
            logger.info("%s also joins %s", rel.value, ", ".join(f"{s.value}->{d.value}" for s, d in observed))
            schema.rel_pairs[rel] = schema.rel_pairs[rel] + tuple(observed)
    if skipped_nodes or skipped_edges:
        logger.warning("skipped %d nodes and %d edges whose label or type is not in the schema",
                       skipped_nodes, skipped_edges)
    return GraphRows(schema=schema, node_items=dict(by_label), edge_items=dict(by_rel),
                     skipped_nodes=skipped_nodes, skipped_edges=skipped_edges)


@dataclass
class QueryResult:
    """Rows of a Cypher query: ``columns`` (the RETURN names) and ``rows`` (lists).

    Example:
        >>> QueryResult(["n"], [[1], [2]]).records()
        [{'n': 1}, {'n': 2}]
    """

    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        """One dict per row, keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]

    def to_frame(self):
        """The rows as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)

    def __iter__(self) -> Iterator[list[Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


class GraphStore(ABC):
    """A Cypher store: one implementation per backend (embedded LadybugDB, Neo4j)."""

    @abstractmethod
    def upsert_nodes(self, label: NodeLabel, rows: Sequence[dict[str, Any]]) -> int:
        """Insert or update nodes of ``label`` (each row has ``id``); returns how many."""

    @abstractmethod
    def upsert_edges(self, rel: RelType, source: NodeLabel, target: NodeLabel,
                     rows: Sequence[tuple[str, str, dict[str, Any]]]) -> int:
        """Insert or update ``rel`` edges from ``source`` to ``target`` nodes; returns how many."""

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        """Run ``cypher`` with ``params``; values come back as plain data.

        Raises:
            QueryError: the query would write and ``write`` is false, or the engine
                refused it (its message, one line).
        """
        if not write:
            refuse_writes(cypher)
        return self._run(cypher, params or {}, write=write)

    @abstractmethod
    def _run(self, cypher: str, params: dict[str, Any], *, write: bool) -> QueryResult:
        """Run ``cypher`` on the backend (a write transaction when ``write``)."""

    def close(self) -> None:  # pragma: no cover - trivial
        """Release the connection."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

