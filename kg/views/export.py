"""Write the graph in formats other tools open.

==========  =========================================================================
graphml     one file for networkx, python-igraph, Gephi, Cytoscape: lists and dicts as
            JSON strings, ``None`` dropped, numbers and booleans typed; node ``label``
            (Paper, Method...) and edge ``type`` (USES...) are ordinary attributes
            (igraph keeps no GraphML edge ids); edge ids are ``e0``, ``e1``...
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
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from schema.errors import InputError, KGError
from schema import NodeLabel, RelType

logger = logging.getLogger(__name__)

FORMATS = ("graphml", "gexf", "json", "csv", "cypher", "neo4j-csv")
#: Formats whose PATH is a folder.
FOLDER_FORMATS = ("csv", "neo4j-csv")

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CYPHER_BATCH = 500
_ARRAY_DELIMITER = ";"


# --------------------------------------------------------------------------- values


def _plain(value: Any) -> Any:
    """numpy scalars and other number-likes as Python values; NaN/inf as None."""
    if hasattr(value, "item") and not isinstance(value, (list, dict, str, bytes)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            value = str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _to_json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def flat_value(value: Any) -> bool | int | float | str | None:
    """A value a flat format can hold: lists and dicts as JSON text, ``None`` kept.

    Example:
        >>> flat_value(["LoRA", "Low-Rank Adaptation"])
        '["LoRA", "Low-Rank Adaptation"]'
    """
    value = _plain(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        value = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        return _to_json_text([_plain(v) for v in value])
    if isinstance(value, dict):
        return _to_json_text(value)
    return str(value)


def _unify(records: list[dict[str, Any]]) -> None:
    """Give each attribute one type over all records: ints with floats become floats,
    anything mixed with text becomes text (in place)."""
    kinds: dict[str, set[type]] = defaultdict(set)
    for rec in records:
        for k, v in rec.items():
            kinds[k].add(type(v))
    for k, types in kinds.items():
        if len(types) < 2:
            continue
        if types <= {int, float}:
            cast: Callable[[Any], Any] = float
        else:
            cast = lambda v: v if isinstance(v, str) else json.dumps(v)  # noqa: E731
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
    nodes = [(str(n), {k: _xml_text(flat_value(v)) for k, v in d.items() if _plain(v) is not None})
             for n, d in G.nodes(data=True)]
    edges = [(str(u), str(v), str(key), {k: _xml_text(flat_value(x)) for k, x in d.items() if _plain(x) is not None})
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


def write_graphml(G: nx.MultiDiGraph, path: Path) -> Path:
    buf = io.BytesIO()
    nx.write_graphml(typed_graph(G), buf, encoding="utf-8", prettyprint=True)
    _atomic_bytes(path, buf.getvalue())
    return path


_GEXF_RGB = {
    "Paper": (78, 121, 167), "Method": (242, 142, 43), "Model": (225, 87, 89), "Dataset": (118, 183, 178),
    "Benchmark": (89, 161, 79), "Task": (212, 160, 23), "Metric": (176, 122, 161), "Repository": (156, 117, 95),
    "Organization": (255, 157, 167), "Result": (140, 140, 140),
}


def write_gexf(G: nx.MultiDiGraph, path: Path) -> Path:
    T = typed_graph(G)
    X = nx.MultiDiGraph()
    for node, data in T.nodes(data=True):
        data = dict(data)
        kind = data.pop("label", None)
        attrs = {"label": str(data.get("name") or node), **data}
        if kind is not None:
            attrs["node_label"] = kind
            r, g, b = _GEXF_RGB.get(kind, (186, 176, 172))
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


def _frames(G: nx.MultiDiGraph):
    import pandas as pd

    node_rows = [{"id": str(n), **{k: flat_value(v) for k, v in d.items()}} for n, d in G.nodes(data=True)]
    edge_rows = [
        {"source": str(u), "target": str(v), "type": str(d.get("type") or key),
         **{k: flat_value(x) for k, x in d.items() if k != "type"}}
        for u, v, key, d in G.edges(keys=True, data=True)
    ]

    def frame(rows: list[dict[str, Any]], first: list[str]) -> Any:
        cols = first + sorted({k for r in rows for k in r} - set(first))
        return pd.DataFrame(rows, columns=cols)

    return frame(node_rows, ["id", "label", "name", "aliases"]), frame(edge_rows, ["source", "target", "type"])


def write_csv(G: nx.MultiDiGraph, path: Path) -> Path:
    nodes, edges = _frames(G)
    path.mkdir(parents=True, exist_ok=True)
    _atomic_text(path / "nodes.csv", nodes.to_csv(index=False))
    _atomic_text(path / "edges.csv", edges.to_csv(index=False))
    return path


# ---- Cypher


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal of ``text``.

    Backslash, quote and control characters are escaped (``\\n``, ``\\uXXXX``...).

    Example:
        >>> print(cypher_string("it's a \\\\ \\n"))
        'it\\'s a \\\\ \\n'
    """
    out = []
    for ch in str(text):
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) in (0x7F, 0x2028, 0x2029):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def _cypher_key(key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return key
    return "`" + key.replace("`", "``") + "`"


def cypher_value(value: Any) -> str | None:
    """A Cypher literal of ``value`` (``None`` when it has none).

    Lists of strings, numbers or booleans stay lists (Neo4j needs one type per list,
    so mixed lists become lists of strings); dicts become JSON text.

    Example:
        >>> cypher_value(["a'b", "c"])
        "['a\\\\'b', 'c']"
    """
    value = _plain(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value if _plain(v) is not None]
        kinds = {bool if isinstance(v, bool) else (float if isinstance(v, (int, float)) else type(v)) for v in items}
        if len(kinds) > 1 or (kinds and next(iter(kinds)) not in (bool, float, str)):
            items = [v if isinstance(v, str) else _to_json_text(v) for v in items]
        return "[" + ", ".join(cypher_value(v) or "null" for v in items) + "]"
    if isinstance(value, dict):
        return cypher_string(_to_json_text(value))
    return cypher_string(str(value))


def _cypher_map(props: dict[str, Any]) -> str:
    parts = []
    for k in sorted(props):
        lit = cypher_value(props[k])
        if lit is not None:
            parts.append(f"{_cypher_key(str(k))}: {lit}")
    return "{" + ", ".join(parts) + "}"


def _node_label(G: nx.MultiDiGraph, node: Any) -> NodeLabel:
    value = G.nodes[node].get("label")
    try:
        return NodeLabel(value)
    except ValueError as err:
        raise InputError(
            f"node {node!r} has label {value!r}, which is not a kg node label "
            f"({', '.join(lab.value for lab in NodeLabel)}): rebuild the graph with 'kg build'"
        ) from err


def _rel_type(u: Any, v: Any, key: Any, data: dict[str, Any]) -> RelType:
    value = data.get("type") or key
    try:
        return RelType(value)
    except ValueError as err:
        raise InputError(
            f"edge {u!r} -> {v!r} has type {value!r}, which is not a kg relationship type: "
            "rebuild the graph with 'kg build'"
        ) from err


def cypher_statements(G: nx.MultiDiGraph, batch: int = _CYPHER_BATCH) -> Iterable[str]:
    """The statements of the Cypher script for ``G``, one string each (ending in ``;``)."""
    by_label: dict[NodeLabel, list[Any]] = defaultdict(list)
    for node in G.nodes:
        by_label[_node_label(G, node)].append(node)
    for label in sorted(by_label, key=lambda lab: lab.value):
        yield (f"CREATE CONSTRAINT kg_{label.value.lower()}_id IF NOT EXISTS "
               f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE;")
    for label in sorted(by_label, key=lambda lab: lab.value):
        nodes = by_label[label]
        for start in range(0, len(nodes), batch):
            rows = []
            for node in nodes[start:start + batch]:
                props = {k: v for k, v in G.nodes[node].items() if k not in ("id", "label")}
                rows.append(f"{{id: {cypher_string(str(node))}, props: {_cypher_map(props)}}}")
            yield ("UNWIND [\n  " + ",\n  ".join(rows) + f"\n] AS row\n"
                   f"MERGE (n:{label.value} {{id: row.id}}) SET n += row.props;")
    groups: dict[tuple[NodeLabel, RelType, NodeLabel], list[str]] = defaultdict(list)
    for u, v, key, data in G.edges(keys=True, data=True):
        rel = _rel_type(u, v, key, data)
        props = {k: x for k, x in data.items() if k != "type"}
        groups[(_node_label(G, u), rel, _node_label(G, v))].append(
            f"{{src: {cypher_string(str(u))}, dst: {cypher_string(str(v))}, props: {_cypher_map(props)}}}"
        )
    for (src, rel, dst) in sorted(groups, key=lambda g: (g[1].value, g[0].value, g[2].value)):
        rows = groups[(src, rel, dst)]
        for start in range(0, len(rows), batch):
            yield ("UNWIND [\n  " + ",\n  ".join(rows[start:start + batch]) + f"\n] AS row\n"
                   f"MATCH (a:{src.value} {{id: row.src}}) MATCH (b:{dst.value} {{id: row.dst}})\n"
                   f"MERGE (a)-[r:{rel.value}]->(b) SET r += row.props;")


def write_cypher(G: nx.MultiDiGraph, path: Path) -> Path:
    header = (f"// kg export: {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships.\n"
              f"// Run with: cypher-shell -f {path.name}   (re-running changes nothing)\n")
    _atomic_text(path, header + "\n".join(cypher_statements(G)) + "\n")
    return path


# ---- neo4j-admin CSV


def _neo4j_type(values: list[Any]) -> str:
    """The neo4j-admin header type of a column (``''`` for string)."""
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds <= {int} and kinds:
        return "int" if all(-(2 ** 31) <= v < 2 ** 31 for v in values) else "long"
    if kinds <= {int, float} and kinds:
        return "double"
    if kinds == {list} and all(isinstance(x, str) for v in values for x in v):
        return "string[]"
    return "string"


def _neo4j_cell(value: Any, kind: str, replaced: list[int]) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        items = []
        for item in value:
            if _ARRAY_DELIMITER in item:
                replaced[0] += 1
                item = item.replace(_ARRAY_DELIMITER, "\uff1b")
            items.append(item)
        return _ARRAY_DELIMITER.join(items)
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("int", "long"):
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    if isinstance(value, str):
        return value
    return _to_json_text(value)


def _neo4j_table(records: list[dict[str, Any]], fixed: list[str], fixed_values: Callable[[dict], list[str]],
                 replaced: list[int]) -> str:
    cleaned = [{k: (list(v) if isinstance(v, (tuple, set, frozenset)) else _plain(v)) for k, v in r.items()}
               for r in records]
    names = sorted({k for r in cleaned for k, v in r.items() if v is not None and not k.startswith("_")})
    kinds = {k: _neo4j_type([r[k] for r in cleaned if r.get(k) is not None]) for k in names}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fixed + [f"{k}:{kinds[k]}" if kinds[k] != "string" else k for k in names])
    for rec, raw in zip(cleaned, records):
        writer.writerow(fixed_values(raw) + [_neo4j_cell(rec.get(k), kinds[k], replaced) for k in names])
    return buf.getvalue()


def write_neo4j_csv(G: nx.MultiDiGraph, path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    replaced = [0]
    by_label: dict[NodeLabel, list[dict[str, Any]]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        label = _node_label(G, node)
        rec = {k: v for k, v in data.items() if k not in ("id", "label")}
        rec["_id"] = str(node)
        by_label[label].append(rec)
    by_type: dict[RelType, list[dict[str, Any]]] = defaultdict(list)
    for u, v, key, data in G.edges(keys=True, data=True):
        rel = _rel_type(u, v, key, data)
        rec = {k: x for k, x in data.items() if k != "type"}
        rec["_src"], rec["_dst"] = str(u), str(v)
        by_type[rel].append(rec)
    args = ["neo4j-admin", "database", "import", "full", "--overwrite-destination",
            f"--array-delimiter={_ARRAY_DELIMITER}", "--multiline-fields=true"]
    written = []
    for label in sorted(by_label, key=lambda lab: lab.value):
        name = f"nodes_{label.value}.csv"
        _atomic_text(path / name, _neo4j_table(
            by_label[label], ["id:ID", ":LABEL"], lambda r, lab=label.value: [r["_id"], lab], replaced))
        args.append(f"--nodes={label.value}={name}")
        written.append(name)
    for rel in sorted(by_type, key=lambda r: r.value):
        name = f"rels_{rel.value}.csv"
        _atomic_text(path / name, _neo4j_table(
            by_type[rel], [":START_ID", ":END_ID", ":TYPE"], lambda r, t=rel.value: [r["_src"], r["_dst"], t],
            replaced))
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
