"""Resolution: extractions of many papers -> one node per real thing, and the edges between.

* :mod:`kg.resolve.papers`: paper identity (the same paper read from several sources);
* :mod:`kg.resolve.entities`: entity resolution across papers (names, abbreviations,
  plurals, versions) with its merge log;
* :mod:`kg.resolve.links`: citations, code repositories, organizations and results.

:func:`resolve` runs the last two and returns nodes and edges as data
(:class:`schema.Subgraph`); :mod:`kg.graph` makes the graph of them.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.resolve.curation import Decision
from kg.resolve.entities import resolve_entities
from kg.resolve.links import add_research_links
from schema import Edge, Node, NodeLabel, PaperExtraction, Provenance, RelType, Subgraph
from schema.types import role_on

__all__ = ["Resolution", "paper_node", "resolve"]


@dataclass
class Resolution:
    parts: Subgraph
    merge_log: list[dict[str, Any]] = field(default_factory=list)


def paper_node(ext: PaperExtraction) -> Node:
    """The Paper node of an extraction, with the paper's metadata as properties."""
    p = ext.paper
    return Node(
        id=p.id, label=NodeLabel.PAPER, name=p.title, aliases=[],
        props={
            "title": p.title, "abstract": p.abstract, "date": p.date, "upvotes": p.upvotes,
            "authors_count": p.authors_count, "organization": p.organization, "urls": list(p.urls),
            "sources": list(p.sources), "stub": p.stub,
        },
    )


def resolve(extractions: Iterable[PaperExtraction], *, infer_citations: bool = False,
            curation: Sequence[Decision] | None = None) -> Resolution:
    """Paper nodes, resolved entity nodes, role edges (with their evidence) and research links.

    ``infer_citations`` adds INFERRED_CITES edges (off by default); ``curation`` holds a
    curator's "same"/"different" decisions (:func:`kg.resolve.curation.load_curation`),
    applied and logged by entity resolution.

    Example:
        >>> from schema import Paper
        >>> res = resolve([PaperExtraction(paper=Paper(id="t:a", title="A", abstract="B"))])
        >>> list(res.parts.nodes)
        ['t:a']
    """
    extractions = list(extractions)
    parts = Subgraph()
    for ext in extractions:
        parts.add_node(paper_node(ext))
    res = resolve_entities(extractions, curation=curation)
    for node in res.nodes.values():
        parts.add_node(node)
    for ext in extractions:
        for i, ent in enumerate(ext.entities):
            node_id = res.node_of.get((ext.paper.id, i))
            if node_id is None:  # a name not fit to be a concept (see kg.resolve.names)
                continue
            unknown = Provenance(paper_id=ext.paper.id, extractor="unknown")
            label = res.nodes[node_id].label
            for role in ent.roles or [RelType.MENTIONS]:
                evidence = ent.evidence_for(role) or unknown  # the mention that shows this role
                parts.add_edge(Edge(source=ext.paper.id, target=node_id, type=role_on(label, role), provenance=evidence))
    for edge in res.edges:
        parts.add_edge(edge)
    add_research_links(parts, extractions, infer_citations=infer_citations)
    return Resolution(parts=parts, merge_log=list(res.merge_log))
