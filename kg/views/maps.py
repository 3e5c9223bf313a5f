"""Maps a researcher reads: concepts linked by co-occurrence, papers linked by what they share.

:func:`concept_map` is the VOSviewer-style view: one node per concept (Method, Task,
Dataset...) found in at least ``min_papers`` papers, sized by its papers, linked to the
concepts it appears with (weight = shared papers), grouped by Louvain communities
(seeded) and dated by the mean year of its papers. :func:`paper_map` is the Connected
Papers view: papers linked by citations and by the concepts they share.

Both return an undirected :class:`networkx.Graph` whose nodes carry ``name``, ``label``
(the type), ``papers``, ``year`` (mean, or None) and ``community``, and whose edges carry
``weight`` and ``rel``; :mod:`kg.views.html` draws them.

Example:
    >>> G = nx.MultiDiGraph()
    >>> for n, lab in [("p", "Paper"), ("q", "Paper"), ("x", "Method"), ("y", "Task")]:
    ...     G.add_node(n, label=lab, name=n.upper(), date="2024-01-02")
    >>> for p in "pq":
    ...     _ = G.add_edge(p, "x", key="USES"); _ = G.add_edge(p, "y", key="ADDRESSES")
    >>> M = concept_map(G, min_papers=2)
    >>> sorted(M.nodes), M["x"]["y"]["weight"], M.nodes["x"]["year"]
    (['x', 'y'], 2, 2024.0)
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from kg.views import trends
from kg.views.analytics import pair_counts
from schema import NodeLabel
from schema.types import ENTITY_LABELS

logger = logging.getLogger(__name__)

PAPER = NodeLabel.PAPER.value
CITES = ("CITES", "CITES_INFERRED")
#: Concepts shown by default (the most frequent ones).
DEFAULT_CONCEPTS = 400
#: Papers shown by default in the paper map (the most connected ones).
DEFAULT_PAPERS = 800
#: Links drawn per node: its strongest ones (the communities use them all).
LINKS_PER_NODE = 6
#: A concept found in more papers than this does not link papers in the paper map (too general).
_GENERAL_CONCEPT = 60


def paper_year(data: dict) -> int | None:
    """The year of a paper node's ``date``, or None.

    Example:
        >>> paper_year({"date": "2023-05-01"}), paper_year({"date": "--05-01"})
        (2023, None)
    """
    year = trends.paper_year(str(data.get("date") or ""))
    return int(year) if year else None


def _papers_of(G: nx.MultiDiGraph, concepts: set[str], since: str | None) -> dict[str, set[str]]:
    """The papers linking to each concept (papers dated before ``since`` left out)."""
    out: dict[str, set[str]] = defaultdict(set)
    for node in concepts:
        for paper in G.predecessors(node):
            data = G.nodes[paper]
            if data.get("label") != PAPER:
                continue
            if since and not str(data.get("date") or "")[: len(since)] >= since:
                continue
            out[node].add(paper)
    return out


def _mean_year(G: nx.MultiDiGraph, papers: Iterable[str]) -> float | None:
    years = [y for p in papers for y in [paper_year(G.nodes[p])] if y]
    return round(sum(years) / len(years), 2) if years else None


def _communities(M: nx.Graph, seed: int) -> None:
    """Set ``community`` on every node of ``M``: 0 is the largest (Louvain, seeded)."""
    from kg.views.analytics import node_communities

    nx.set_node_attributes(M, node_communities(M, seed=seed), "community")


def _strongest(M: nx.Graph, per_node: int) -> nx.Graph:
    """``M`` with only the ``per_node`` heaviest links of each node (union over both ends)."""
    keep = set()
    for node in M:
        ranked = sorted(M[node].items(), key=lambda kv: (-kv[1]["weight"], str(kv[0])))
        keep.update(tuple(sorted((str(node), str(other)))) for other, _ in ranked[:per_node])
    H = nx.Graph()
    H.add_nodes_from(M.nodes(data=True))
    H.add_edges_from((u, v, M[u][v]) for u, v in keep)
    return H


def concept_map(G: nx.MultiDiGraph, *, labels: Iterable[str] | None = None, min_papers: int | None = None,
                max_nodes: int | None = None, since: str | None = None, focus: str | None = None,
                hops: int = 1, seed: int = 0, per_node: int = LINKS_PER_NODE) -> nx.Graph:
    """Concepts linked by the papers they share (see the module docstring).

    ``min_papers`` (default 2, or 1 when fewer than 50 concepts reach 2) is the
    minimum occurrence; ``max_nodes`` (default :data:`DEFAULT_CONCEPTS`, 0 = all) keeps
    the most frequent; ``focus`` keeps the concepts within ``hops`` links of it.
    """
    wanted = set(labels) if labels else {lab.value for lab in ENTITY_LABELS}
    concepts = {n for n, d in G.nodes(data=True) if d.get("label") in wanted}
    papers = _papers_of(G, concepts, since)
    if min_papers is None:
        min_papers = 2 if sum(len(p) >= 2 for p in papers.values()) >= 50 else 1
    kept = [n for n, ps in papers.items() if len(ps) >= max(1, min_papers)]
    limit = DEFAULT_CONCEPTS if max_nodes is None else max_nodes
    kept.sort(key=lambda n: (-len(papers[n]), str(G.nodes[n].get("name") or n)))
    if focus is None and limit and len(kept) > limit:
        logger.info("showing the %d most frequent of %d concepts", limit, len(kept))
        kept = kept[:limit]
    M = nx.Graph()
    for node in kept:
        data = G.nodes[node]
        M.add_node(str(node), name=str(data.get("name") or node), label=data.get("label"),
                   papers=len(papers[node]), year=_mean_year(G, papers[node]))
    by_paper: dict[str, list[str]] = defaultdict(list)
    for node in kept:
        for paper in papers[node]:
            by_paper[paper].append(str(node))
    M.add_weighted_edges_from((a, b, w) for (a, b), w in pair_counts(by_paper.values()).items())
    if focus is not None:
        M = nx.Graph(nx.ego_graph(M, str(focus), radius=hops))
        if limit and len(M) > limit:
            M = nx.Graph(M.subgraph(sorted(M, key=lambda n: (n != str(focus), -M.nodes[n]["papers"], n))[:limit]))
    _communities(M, seed)
    nx.set_edge_attributes(M, "co-occurs", "rel")
    return _strongest(M, per_node)


def paper_map(G: nx.MultiDiGraph, *, max_nodes: int | None = None, since: str | None = None,
              seed: int = 0, per_node: int = LINKS_PER_NODE) -> nx.Graph:
    """Papers linked by citations (``rel="CITES"``) and by the concepts they share.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> for n, lab in [("p", "Paper"), ("q", "Paper"), ("x", "Method")]:
        ...     G.add_node(n, label=lab, name=n.upper())
        >>> _ = G.add_edge("p", "x", key="USES"); _ = G.add_edge("q", "x", key="USES")
        >>> paper_map(G)["p"]["q"]["rel"]
        'shares concepts'
    """
    concepts = {n for n, d in G.nodes(data=True) if d.get("label") in {lab.value for lab in ENTITY_LABELS}}
    papers = _papers_of(G, concepts, since)
    shared: Counter[tuple[str, str]] = Counter()
    for ps in papers.values():
        if len(ps) <= _GENERAL_CONCEPT:
            shared.update(combinations(sorted(map(str, ps)), 2))
    M = nx.Graph()
    for node, data in G.nodes(data=True):
        if data.get("label") == PAPER and (not since or str(data.get("date") or "")[: len(since)] >= since):
            M.add_node(str(node), name=str(data.get("name") or data.get("title") or node), label=PAPER,
                       papers=1, year=paper_year(data))
    M.add_edges_from((a, b, {"weight": w, "rel": "shares concepts"}) for (a, b), w in shared.items()
                     if a in M and b in M)
    for u, v, key in G.edges(keys=True):
        if key in CITES and str(u) in M and str(v) in M:
            M.add_edge(str(u), str(v), weight=M[u][v]["weight"] + 3 if M.has_edge(u, v) else 3, rel="CITES")
    limit = DEFAULT_PAPERS if max_nodes is None else max_nodes
    if limit and len(M) > limit:
        strength = dict(M.degree(weight="weight"))
        M = nx.Graph(M.subgraph(sorted(M, key=lambda n: (-strength[n], n))[:limit]))
    for node in M:
        M.nodes[node]["papers"] = max(1, M.degree(node))
    _communities(M, seed)
    return _strongest(M, per_node)


def community_terms(M: nx.Graph, top: int = 3) -> dict[int, list[str]]:
    """The names of the ``top`` biggest nodes of each community.

    Example:
        >>> M = nx.Graph(); M.add_node("a", name="A", papers=3, community=0)
        >>> community_terms(M)
        {0: ['A']}
    """
    groups: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for _, data in M.nodes(data=True):
        groups[data.get("community", -1)].append((-int(data.get("papers") or 0), str(data.get("name"))))
    return {c: [name for _, name in sorted(members)[:top]] for c, members in sorted(groups.items()) if c >= 0}
