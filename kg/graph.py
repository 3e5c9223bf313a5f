"""The graph model: a networkx MultiDiGraph made from resolved nodes and edges.

Conventions every stage relies on:

* node ids are strings: ``arxiv:2401.00001`` / ``doi:...`` / ``title:...`` for papers,
  ``method:sacfa`` (label, then normalized name) for entities;
* node attributes: ``label`` (a :class:`NodeLabel` value), ``name``, ``aliases`` (list),
  then label-specific properties (Paper: title, abstract, date, upvotes, authors_count,
  urls, organization, sources, stub; entities: paper_count, first_date, last_date);
* edge key = relationship type value, so one edge per (source, type, target);
  edge attributes: ``type``, ``count``, then provenance ``paper_id``, ``sentence``,
  ``start``, ``end``, ``extractor``, ``confidence``, then extras (``inferred``, ``reason``...).

Resolution (:mod:`kg.resolve`) returns a :class:`schema.Subgraph`; :func:`to_graph` turns
it into the graph and adds the statistics.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from schema import ENTITY_LABELS, NodeLabel, Subgraph


def to_graph(parts: Subgraph) -> nx.MultiDiGraph:
    """The graph of ``parts``, with each entity's paper count and first and last dates.

    Example:
        >>> from schema import Node
        >>> parts = Subgraph()
        >>> parts.add_node(Node(id="t:a", label=NodeLabel.PAPER, name="A", props={"date": "2024-01"}))
        >>> to_graph(parts).nodes["t:a"]["label"]
        'Paper'
    """
    G = nx.MultiDiGraph()
    for node in parts.nodes.values():
        G.add_node(node.id, label=node.label.value, name=node.name, aliases=list(node.aliases), **node.props)
    for key, edge in parts.edges.items():
        G.add_edge(edge.source, edge.target, key=key[2], type=key[2], count=parts.counts[key],
                   **edge.provenance.to_dict(), **edge.props)
    entity_statistics(G)
    return G


def entity_statistics(G: nx.MultiDiGraph) -> None:
    """Set paper_count, first_date and last_date of every non-paper node."""
    for node_id, data in G.nodes(data=True):
        if data["label"] == NodeLabel.PAPER.value:
            continue
        papers = {u for u, _, _ in G.in_edges(node_id, keys=True) if G.nodes[u]["label"] == NodeLabel.PAPER.value}
        data["paper_count"] = len(papers)
        dates = sorted(d for d in (G.nodes[u].get("date") for u in papers) if d and not d.startswith("--"))
        data["first_date"] = dates[0] if dates else None
        data["last_date"] = dates[-1] if dates else None


_ENTITY_LABELS = frozenset(label.value for label in ENTITY_LABELS)
_PAPER, _RESULT = NodeLabel.PAPER.value, NodeLabel.RESULT.value


def keep_confident(G: nx.MultiDiGraph, min_confidence: float) -> int:
    """Remove from ``G`` the paper-to-entity edges whose confidence is below ``min_confidence``, then
    the entities no paper or result links to any more; recompute the statistics; return how many
    entity nodes went.

    Resolution has seen every entity first, so a node keeps its id and the spellings that joined it
    ("mAP" and "mean average precision" stay one node when the mention that joined them is unsure).

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("p", label="Paper", name="P"); G.add_node("method:x", label="Method", name="X")
        >>> G.add_edge("p", "method:x", key="USES", type="USES", confidence=0.4)
        'USES'
        >>> keep_confident(G, 0.8), list(G.nodes)
        (1, ['p'])
    """
    unsure = [(u, v, k) for u, v, k, c in G.edges(keys=True, data="confidence", default=1.0)
              if c < min_confidence and G.nodes[u]["label"] == _PAPER and G.nodes[v]["label"] in _ENTITY_LABELS]
    G.remove_edges_from(unsure)
    orphans = [n for n, label in G.nodes(data="label") if label in _ENTITY_LABELS
               and not any(G.nodes[u]["label"] in (_PAPER, _RESULT) for u in G.predecessors(n))]
    G.remove_nodes_from(orphans)
    entity_statistics(G)
    return len(orphans)


def graph_counts(G: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes by label and edges by type."""
    nodes = Counter(label for _, label in G.nodes(data="label"))
    edges = Counter(key for _, _, key in G.edges(keys=True))
    return dict(sorted(nodes.items())), dict(sorted(edges.items()))
