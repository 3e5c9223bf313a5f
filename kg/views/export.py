"""Write the graph in formats other tools open.

==========  =========================================================================
graphml     one file for Gephi, Cytoscape, networkx, python-igraph: node ``label`` is the
            display name (what Gephi shows), ``type`` the kind (Paper, Method...), plus
            ``papers``, ``pagerank`` and ``community`` to size and colour by; edge ``type``
            (USES...) and ``weight``; lists and dicts as JSON strings, ``None`` dropped,
            numbers and booleans typed; edge ids are ``e0``, ``e1``... (igraph keeps none).
gexf        one file for Gephi: the GEXF label of a node is its name and of an edge its
            relation; attributes ``node_label`` and ``relation`` hold the types,
            ``span_start``/``span_end`` the evidence offsets (GEXF keeps ``type``,
            ``start`` and ``end`` for itself); nodes carry Gephi colours by label.
json        node-link JSON (``networkx.node_link_data`` with ``edges="edges"``).
csv         a folder with ``nodes.csv`` and ``edges.csv`` (pandas), lists as JSON.
cypher      one script of parameter-free statements for ``cypher-shell -f``: constraints,
            then ``UNWIND [...] AS row MERGE`` batches; labels and relationship types
            only from :mod:`schema.types`, strings escaped as Cypher literals.
neo4j-csv   a folder for ``neo4j-admin database import full``: ``nodes_<Label>.csv``
            with ``id:ID``, ``:LABEL`` and typed columns (``upvotes:int``,
            ``aliases:string[]`` split on ``;``), ``rels_<TYPE>.csv`` with
            ``:START_ID``, ``:END_ID``, ``:TYPE``, and ``import.sh`` with the command.
==========  =========================================================================
"""
from __future__ import annotations

import csv
import io
import json
import logging
import math
import re
import shlex
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.stores.base import (
    BOOLEAN,
    DOUBLE,
    INT64,
    STRING,
    STRING_LIST,
    Prop,
    graph_rows,
    infer_type,
)
from kg.stores.cypher import python_value
from kg.stores.neo4j import check_schema, script_statements
from kg.views.frames import edges_frame, flat_value, nodes_frame
from kg.views.html import NODE_STYLE, OTHER_STYLE
from schema.errors import InputError, KGError
from schema.types import RelType

logger = logging.getLogger(__name__)

FORMATS = ("graphml", "gexf", "json", "csv", "cypher", "neo4j-csv")
#: Formats whose PATH is a folder.
FOLDER_FORMATS = ("csv", "neo4j-csv")

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ARRAY_DELIMITER = ";"


# --------------------------------------------------------------------------- values


def _unify(records: list[dict[str, Any]]) -> None:
    """Give each attribute one type over all records (in place), the type the stores give it
    (:func:`kg.stores.base.infer_type`): ints with floats become floats, other mixes text."""
    kinds: dict[str, set[type]] = defaultdict(set)
    for rec in records:
        for k, v in rec.items():
            kinds[k].add(type(v))
    for k, types in kinds.items():
        if len(types) < 2:
            continue
        as_double = infer_type(rec[k] for rec in records if k in rec) == DOUBLE
        cast: Callable[[Any], Any] = float if as_double else (lambda v: v if isinstance(v, str) else json.dumps(v))
        for rec in records:
            if k in rec:
                rec[k] = cast(rec[k])


def _xml_text(value: Any) -> Any:
    return _XML_BAD.sub("", value) if isinstance(value, str) else value


def typed_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` that XML writers accept: flat values, no ``None``, one type per
    attribute, no characters XML forbids, unique edge keys ``e0``, ``e1``...

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("a", label="Method", name="A", aliases=["B"], date=None)
        >>> typed_graph(G).nodes["a"]
        {'label': 'Method', 'name': 'A', 'aliases': '["B"]'}
    """
    nodes = [(str(n), {k: _xml_text(flat_value(v)) for k, v in d.items() if python_value(v) is not None})
             for n, d in G.nodes(data=True)]
    edges = [(str(u), str(v), str(key), {k: _xml_text(flat_value(x)) for k, x in d.items() if python_value(x) is not None})
             for u, v, key, d in G.edges(keys=True, data=True)]
    _unify([d for _, d in nodes])
    _unify([d for *_, d in edges])
    T = nx.MultiDiGraph()
    T.add_nodes_from(nodes)
    for i, (u, v, key, d) in enumerate(edges):
        d.setdefault("type", key)
        T.add_edge(u, v, key=f"e{i}", **d)
    return T


# --------------------------------------------------------------------------- formats


def gephi_graph(G: nx.MultiDiGraph, *, seed: int = 0) -> nx.MultiDiGraph:
    """:func:`typed_graph` as Gephi and Cytoscape read GraphML: a node's ``label`` is its
    display name, ``type`` its kind (Paper, Method...), plus ``papers``, ``pagerank`` and
    ``community`` (Louvain, seeded); an edge's ``weight`` is its mention count (else 1).

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("a", label="Method", name="A"); G.add_node("p", label="Paper", name="P")
        >>> _ = G.add_edge("p", "a", key="USES")
        >>> T = gephi_graph(G); T.nodes["a"]["label"], T.nodes["a"]["type"], T.edges["p", "a", "e0"]["weight"]
        ('A', 'Method', 1.0)
    """
    from kg.views.analytics import node_communities, pagerank

    T = typed_graph(G)
    ranks = pagerank(G)
    communities = node_communities(G, seed=seed, weight=None)
    for node, data in T.nodes(data=True):
        kind = data.pop("label", None)
        data["label"] = str(data.get("name") or node)
        if kind is not None:
            data["type"] = kind
        data["papers"] = sum(1 for u in G.predecessors(node) if G.nodes[u].get("label") == "Paper")
        data["pagerank"] = float(ranks.get(node, 0.0))
        data["community"] = int(communities.get(node, -1))
    for _, _, data in T.edges(data=True):
        count = data.get("count")
        data["weight"] = float(count) if isinstance(count, (int, float)) and count > 0 else 1.0
    return T


def write_graphml(G: nx.MultiDiGraph, path: Path) -> Path:
    buf = io.BytesIO()
    nx.write_graphml(gephi_graph(G), buf, encoding="utf-8", prettyprint=True)
    _atomic_bytes(path, buf.getvalue())
    return path


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


#: Gephi colours by label: the HTML view's (:data:`kg.views.html.NODE_STYLE`).
_GEXF_RGB = {label: _rgb(style[0]) for label, style in NODE_STYLE.items()}
_GEXF_OTHER = _rgb(OTHER_STYLE[0])


def write_gexf(G: nx.MultiDiGraph, path: Path) -> Path:
    T = typed_graph(G)
    X = nx.MultiDiGraph()
    for node, data in T.nodes(data=True):
        data = dict(data)
        kind = data.pop("label", None)
        attrs = {"label": str(data.get("name") or node), **data}
        if kind is not None:
            attrs["node_label"] = kind
            r, g, b = _GEXF_RGB.get(kind, _GEXF_OTHER)
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                            "size": float(5 + 3 * math.log1p(G.degree(node) if node in G else 0))}
        X.add_node(node, **attrs)
    for u, v, key, data in T.edges(keys=True, data=True):
        data = dict(data)
        rel = data.pop("type", key)
        renamed = {("span_" + k if k in ("start", "end") else k): x for k, x in data.items() if k not in ("id", "label")}
        X.add_edge(u, v, key=key, label=rel, relation=rel, **renamed)
    buf = io.BytesIO()
    nx.write_gexf(X, buf, encoding="utf-8", prettyprint=True)
    _atomic_bytes(path, buf.getvalue())
    return path


def write_json(G: nx.MultiDiGraph, path: Path) -> Path:
    data = nx.node_link_data(G, edges="edges")
    text = json.dumps(data, ensure_ascii=False, default=lambda v: flat_value(v), allow_nan=False)
    _atomic_text(path, text + "\n")
    return path


def write_csv(G: nx.MultiDiGraph, path: Path) -> Path:
    nodes, edges = nodes_frame(G, flat=True), edges_frame(G, flat=True)
    path.mkdir(parents=True, exist_ok=True)
    _atomic_text(path / "nodes.csv", nodes.to_csv(index=False))
    _atomic_text(path / "edges.csv", edges.to_csv(index=False))
    return path


# ---- Cypher: the statements and literals are the stores' (kg.stores.neo4j, kg.stores.cypher)


def write_cypher(G: nx.MultiDiGraph, path: Path) -> Path:
    header = (f"// kg export: {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships.\n"
              f"// Run with: cypher-shell -f {path.name}   (re-running changes nothing)\n")
    _atomic_text(path, header + "\n".join(script_statements(G)) + "\n")
    return path


# ---- neo4j-admin CSV


#: neo4j-admin header type of each store type (``string`` is written without a type).
_ADMIN_TYPES = {STRING: "string", INT64: "long", DOUBLE: "double", BOOLEAN: "boolean", STRING_LIST: "string[]"}


def _admin_type(prop: Prop, values: list[Any]) -> str:
    """The neo4j-admin header type of a column: ``int`` for 32-bit integers, else as the store types it."""
    if prop.type == INT64 and all(-(2 ** 31) <= v < 2 ** 31 for v in values):
        return "int"
    return _ADMIN_TYPES[prop.type]


def _admin_cell(value: Any, kind: str, replaced: list[int]) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        replaced[0] += sum(_ARRAY_DELIMITER in item for item in value)
        return _ARRAY_DELIMITER.join(item.replace(_ARRAY_DELIMITER, "\uff1b") for item in value)
    if kind == "boolean":
        return "true" if value else "false"
    return repr(value) if kind == "double" else str(value)


def _admin_table(records: list[dict[str, Any]], props: tuple[Prop, ...], fixed: list[str],
                 fixed_values: Callable[[dict], list[str]], replaced: list[int]) -> str:
    """One neo4j-admin CSV: the ``fixed`` columns, then every typed property some record has."""
    columns = []
    for prop in sorted(props, key=lambda p: p.name):
        values = [r[prop.name] for r in records if r.get(prop.name) is not None]
        if prop.name != "id" and values:
            columns.append((prop.name, _admin_type(prop, values)))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fixed + [name if kind == "string" else f"{name}:{kind}" for name, kind in columns])
    for rec in records:
        writer.writerow(fixed_values(rec) + [_admin_cell(rec.get(name), kind, replaced) for name, kind in columns])
    return buf.getvalue()


def write_neo4j_csv(G: nx.MultiDiGraph, path: Path) -> Path:
    """A folder for ``neo4j-admin database import full``: the store's typed rows (:func:`graph_rows`)."""
    check_schema(G)
    rows = graph_rows(G)
    path.mkdir(parents=True, exist_ok=True)
    replaced = [0]
    args = ["neo4j-admin", "database", "import", "full", "--overwrite-destination",
            f"--array-delimiter={_ARRAY_DELIMITER}", "--multiline-fields=true"]
    written = []
    for label in sorted(rows.nodes, key=lambda lab: lab.value):
        name = f"nodes_{label.value}.csv"
        _atomic_text(path / name, _admin_table(rows.nodes[label], rows.schema.node_props[label], ["id:ID", ":LABEL"],
                                               lambda r, lab=label.value: [r["id"], lab], replaced))
        args.append(f"--nodes={label.value}={name}")
        written.append(name)
    by_type: dict[RelType, list[dict[str, Any]]] = defaultdict(list)
    for (rel, _, _), edges in rows.edges.items():
        by_type[rel].extend({**props, "_src": u, "_dst": v} for u, v, props in edges)
    for rel in sorted(by_type, key=lambda r: r.value):
        name = f"rels_{rel.value}.csv"
        _atomic_text(path / name, _admin_table(by_type[rel], rows.schema.rel_props[rel], [":START_ID", ":END_ID", ":TYPE"],
                                               lambda r, t=rel.value: [r["_src"], r["_dst"], t], replaced))
        args.append(f"--relationships={rel.value}={name}")
        written.append(name)
    args.append('"${1:-neo4j}"')
    script = ("#!/bin/sh\n# Import this folder into a stopped Neo4j 5 database (default name: neo4j).\n"
              "# Usage: sh import.sh [DATABASE]   (run from this folder)\n"
              f'cd "$(dirname "$0")" && {" ".join(shlex.quote(a) if not a.startswith(chr(34)) else a for a in args)}\n')
    _atomic_text(path / "import.sh", script)
    if replaced[0]:
        logger.warning("%d list item(s) contained ';' (the array delimiter): written with U+FF1B instead", replaced[0])
    logger.info("wrote %d files to %s", len(written) + 1, path)
    return path


# --------------------------------------------------------------------------- entry point


_WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], Path]] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "json": write_json,
    "csv": write_csv,
    "cypher": write_cypher,
    "neo4j-csv": write_neo4j_csv,
}


def _atomic_bytes(path: Path, data: bytes) -> None:
    from kg.out import atomic_write_bytes

    atomic_write_bytes(path, data)


def _atomic_text(path: Path, text: str) -> None:
    _atomic_bytes(path, text.encode("utf-8"))



def write(G: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write ``G`` in format ``fmt`` to ``path`` (a folder for ``csv`` and ``neo4j-csv``).

    Example:
        >>> write(load_graph("kg-out"), "graphml", "graph.graphml")  # doctest: +SKIP
        PosixPath('graph.graphml')

    Raises:
        InputError: unknown format, or PATH is of the wrong kind (file vs folder).
        KGError: the file could not be written.
    """
    fmt = str(fmt).lower()
    if fmt not in _WRITERS:
        raise InputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    path = Path(path)
    if fmt in FOLDER_FORMATS and path.exists() and not path.is_dir():
        raise InputError(f"{path} is a file: the {fmt} export writes a folder, give a folder path")
    if fmt not in FOLDER_FORMATS and path.is_dir():
        raise InputError(f"{path} is a folder: the {fmt} export writes one file, give a file path")
    try:
        if fmt not in FOLDER_FORMATS:
            path.parent.mkdir(parents=True, exist_ok=True)
        out = _WRITERS[fmt](G, path)
    except OSError as err:
        raise KGError(f"cannot write {path}: {err.strerror or err}") from err
    logger.info("exported %d nodes and %d edges as %s to %s", G.number_of_nodes(), G.number_of_edges(), fmt, path)
    return out
