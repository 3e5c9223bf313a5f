"""pandas views of the graph: one row per node, one row per edge.

Example:
    >>> import kg
    >>> from kg.out import edges_frame, nodes_frame
    >>> G = kg.load("kg-out")  # doctest: +SKIP
    >>> nodes_frame(G).query("label == 'Method'").nlargest(5, "paper_count")  # doctest: +SKIP
"""
from __future__ import annotations

import networkx as nx

NODE_FIRST = ["id", "label", "name", "aliases"]
EDGE_FIRST = ["source", "target", "type"]


def _ordered(columns: set[str], first: list[str]) -> list[str]:
    return first + sorted(columns - set(first))


def nodes_frame(G: nx.MultiDiGraph):
    """A DataFrame with one row per node: ``id``, ``label``, ``name``, ``aliases``, then
    every other attribute found on some node (missing values are NaN/None, as pandas makes them).

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("method:bert", label="Method", name="BERT", aliases=[], paper_count=2)
        >>> nodes_frame(G)[["id", "name"]].values.tolist()
        [['method:bert', 'BERT']]
    """
    import pandas as pd

    records = [{"id": n, **data} for n, data in G.nodes(data=True)]
    columns = _ordered({k for r in records for k in r}, NODE_FIRST)
    return pd.DataFrame.from_records(records, columns=columns)


def edges_frame(G: nx.MultiDiGraph):
    """A DataFrame with one row per edge: ``source``, ``target``, ``type``, then the
    provenance (``paper_id``, ``sentence``, ``start``, ``end``, ``extractor``,
    ``confidence``, ``count``...) and any other attribute.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_edge("p", "m", key="USES", type="USES", paper_id="p", count=1)
        'USES'
        >>> edges_frame(G)[["source", "type", "count"]].values.tolist()
        [['p', 'USES', 1]]
    """
    import pandas as pd

    records = [{"source": u, "target": v, **data, "type": data.get("type", k)}
               for u, v, k, data in G.edges(keys=True, data=True)]
    columns = _ordered({k for r in records for k in r}, EDGE_FIRST)
    return pd.DataFrame.from_records(records, columns=columns)
