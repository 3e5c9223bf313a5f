"""The in-memory graph: a networkx MultiDiGraph built from extractions.

Conventions every stage relies on:

* node ids are strings: ``arxiv:2401.00001`` / ``doi:...`` / ``title:...`` for papers,
  ``method:sacfa`` (label, then normalized name) for entities;
* node attributes: ``label`` (a :class:`NodeLabel` value), ``name``, ``aliases`` (list),
  then label-specific properties (Paper: title, abstract, date, upvotes, authors_count,
  urls, organization, sources, stub; entities: paper_count, first_date, last_date);
* edge key = relationship type value, so one edge per (source, type, target);
  edge attributes: ``type``, then provenance ``paper_id``, ``sentence``, ``start``,
  ``end``, ``extractor``, ``confidence``, then extras (``inferred``, ``reason``...).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from schema import Edge, Node, NodeLabel, PaperExtraction, Provenance, RelType


def add_node(G: nx.MultiDiGraph, node: Node) -> None:
    """Add ``node``, or merge its aliases and properties into the existing one."""
    if node.id in G:
        data = G.nodes[node.id]
        for alias in node.aliases:
            if alias not in data["aliases"] and alias != data["name"]:
                data["aliases"].append(alias)
        for k, v in node.props.items():
            data.setdefault(k, v)
        return
    G.add_node(node.id, label=node.label.value, name=node.name, aliases=list(node.aliases), **node.props)


def add_edge(G: nx.MultiDiGraph, edge: Edge) -> None:
    """Add ``edge`` unless an edge of that type already joins the two nodes.

    The first evidence is kept; a repeated edge raises its ``count``.
    """
    key = edge.type.value
    if G.has_edge(edge.source, edge.target, key):
        G.edges[edge.source, edge.target, key]["count"] += 1
        return
    G.add_edge(edge.source, edge.target, key=key, type=key, count=1,
               **edge.provenance.to_dict(), **edge.props)


def paper_node(ext: PaperExtraction) -> Node:
    p = ext.paper
    return Node(
        id=p.id, label=NodeLabel.PAPER, name=p.title, aliases=[],
        props={
            "title": p.title, "abstract": p.abstract, "date": p.date, "upvotes": p.upvotes,
            "authors_count": p.authors_count, "organization": p.organization, "urls": list(p.urls),
            "sources": list(p.sources), "stub": p.stub,
        },
    )


def build_graph(extractions: Iterable[PaperExtraction], merge_log: list[dict[str, Any]] | None = None) -> nx.MultiDiGraph:
    """Resolve entities across ``extractions`` and build the graph.

    Example:
        >>> from schema import Paper
        >>> G = build_graph([PaperExtraction(paper=Paper(id="t:a", title="A", abstract="B"))])
        >>> G.nodes["t:a"]["label"]
        'Paper'
    """
    from kg.resolve import resolve_entities

    extractions = list(extractions)
    G = nx.MultiDiGraph()
    for ext in extractions:
        add_node(G, paper_node(ext))
    res = resolve_entities(extractions)
    for node in res.nodes.values():
        add_node(G, node)
    for ext in extractions:
        for i, ent in enumerate(ext.entities):
            node_id = res.node_of[(ext.paper.id, i)]
            evidence = ent.evidence[0] if ent.evidence else Provenance(paper_id=ext.paper.id, extractor="unknown")
            for role in ent.roles or [RelType.MENTIONS]:
                add_edge(G, Edge(source=ext.paper.id, target=node_id, type=role, provenance=evidence))
    for edge in res.edges:
        add_edge(G, edge)
    if merge_log is not None:
        merge_log.extend(res.merge_log)
    _add_research_links(G, extractions)
    _entity_statistics(G)
    return G


def _add_research_links(G: nx.MultiDiGraph, extractions: list[PaperExtraction]) -> None:
    """Citations, repositories, organizations and results (see :mod:`kg.research`)."""
    try:
        from kg.research import add_research_links
    except ImportError:  # pragma: no cover - until kg.research lands
        return
    add_research_links(G, extractions)


def _entity_statistics(G: nx.MultiDiGraph) -> None:
    """paper_count, first_date and last_date of every non-paper node."""
    for node_id, data in G.nodes(data=True):
        if data["label"] == NodeLabel.PAPER.value:
            continue
        papers = {u for u, _, _ in G.in_edges(node_id, keys=True) if G.nodes[u]["label"] == NodeLabel.PAPER.value}
        data["paper_count"] = len(papers)
        dates = sorted(d for d in (G.nodes[u].get("date") for u in papers) if d and not d.startswith("--"))
        data["first_date"] = dates[0] if dates else None
        data["last_date"] = dates[-1] if dates else None
