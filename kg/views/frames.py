"""pandas views of the graph: one row per node, one row per edge.

Example:
    >>> import kg
    >>> from kg.views.frames import edges_frame, nodes_frame
    >>> G = kg.load("kg-out")  # doctest: +SKIP
    >>> nodes_frame(G).query("label == 'Method'").nlargest(5, "paper_count")  # doctest: +SKIP
"""
from __future__ import annotations

import json
from typing import Any

import networkx as nx

from kg.stores.cypher import python_value

NODE_FIRST = ["id", "label", "name", "aliases"]
EDGE_FIRST = ["source", "target", "type"]


def _ordered(columns: set[str], first: list[str]) -> list[str]:
    return first + sorted(columns - set(first))


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def flat_value(value: Any) -> bool | int | float | str | None:
    """A value a flat format (CSV, GraphML, JSON attributes) can hold: lists and dicts as
    JSON text, numpy scalars as Python values, ``None`` kept.

    Example:
        >>> flat_value(["LoRA", "Low-Rank Adaptation"])
        '["LoRA", "Low-Rank Adaptation"]'
    """
    value = python_value(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        value = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        return _json_text([python_value(v) for v in value])
    if isinstance(value, dict):
        return _json_text(value)
    return str(value)


def _values(data: dict[str, Any], flat: bool) -> dict[str, Any]:
    return {k: flat_value(v) for k, v in data.items()} if flat else dict(data)


def nodes_frame(G: nx.MultiDiGraph, flat: bool = False):
    """A DataFrame with one row per node: ``id``, ``label``, ``name``, ``aliases``, then
    every other attribute found on some node (missing values are NaN/None, as pandas makes them).
    ``flat=True`` writes lists and dicts as JSON text (:func:`flat_value`), for CSV.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("method:bert", label="Method", name="BERT", aliases=[], paper_count=2)
        >>> nodes_frame(G)[["id", "name"]].values.tolist()
        [['method:bert', 'BERT']]
    """
    import pandas as pd

    records = [{"id": n, **_values(data, flat)} for n, data in G.nodes(data=True)]
    columns = _ordered({k for r in records for k in r}, NODE_FIRST)
    return pd.DataFrame.from_records(records, columns=columns)


def edges_frame(G: nx.MultiDiGraph, flat: bool = False):
    """A DataFrame with one row per edge: ``source``, ``target``, ``type``, then the
    provenance (``paper_id``, ``sentence``, ``start``, ``end``, ``extractor``,
    ``confidence``, ``count``...) and any other attribute (``flat``: as in :func:`nodes_frame`).

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_edge("p", "m", key="USES", type="USES", paper_id="p", count=1)
        'USES'
        >>> edges_frame(G)[["source", "type", "count"]].values.tolist()
        [['p', 'USES', 1]]
    """
    import pandas as pd

    records = [{"source": u, "target": v, **_values(data, flat), "type": data.get("type", k)}
               for u, v, k, data in G.edges(keys=True, data=True)]
    columns = _ordered({k for r in records for k in r}, EDGE_FIRST)
    return pd.DataFrame.from_records(records, columns=columns)
