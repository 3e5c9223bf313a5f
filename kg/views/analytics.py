"""Graph analytics as plain functions of the graph, returning pandas DataFrames.

* :func:`importance`: degree, PageRank and paper counts of nodes, by label;
* :func:`communities`: Louvain communities (seeded, so reproducible) of concepts;
* :func:`cooccurrence`: pairs of concepts found in the same papers;
* :func:`counts_by_month`: papers and concepts per month (from :mod:`kg.views.trends`);
* :func:`leaderboard`: results reported on a benchmark.

Example:
    >>> import kg
    >>> from kg.views.analytics import importance
    >>> importance(kg.load("kg-out"), "Method", by="pagerank").head(10)  # doctest: +SKIP
"""
from __future__ import annotations

import re

from collections import Counter
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from schema.names import name_key

from kg.views.lookup import find_nodes, is_named
from schema.types import ENTITY_LABELS, NodeLabel, RelType

RANKINGS = ("pagerank", "degree", "papers")
PAPER = NodeLabel.PAPER.value


def _labels(labels: Iterable[NodeLabel | str] | NodeLabel | str | None) -> set[str] | None:
    if labels is None:
        return None
    if isinstance(labels, (str, NodeLabel)):
        labels = [labels]
    return {NodeLabel(lab).value for lab in labels}


def pagerank(G: nx.MultiDiGraph, alpha: float = 0.85, *, max_iter: int = 100, tol: float = 1.0e-6) -> dict[str, float]:
    """PageRank of every node, parallel edges counting once each (as :func:`networkx.pagerank`).

    Power iteration in numpy (networkx's own needs scipy); dangling nodes spread their
    rank uniformly.

    Example:
        >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b")])
        >>> max(pagerank(G).items(), key=lambda kv: kv[1])[0]
        'b'
    """
    import numpy as np

    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    src = np.fromiter((index[u] for u, _ in G.edges()), dtype=np.int64, count=G.number_of_edges())
    dst = np.fromiter((index[v] for _, v in G.edges()), dtype=np.int64, count=G.number_of_edges())
    out_weight = np.bincount(src, minlength=n).astype(float)
    dangling = out_weight == 0
    share = np.divide(1.0, out_weight, out=np.zeros(n), where=~dangling)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        previous = x
        flow = np.bincount(dst, weights=previous[src] * share[src], minlength=n)
        x = alpha * (flow + previous[dangling].sum() / n) + (1.0 - alpha) / n
        if np.abs(x - previous).sum() < n * tol:
            break
    return dict(zip(nodes, x.tolist()))


def _citing_papers(G: nx.MultiDiGraph, node: str) -> int:
    return len({u for u in G.predecessors(node) if G.nodes[u].get("label") == PAPER})


def importance(G: nx.MultiDiGraph, label: NodeLabel | str | Iterable[NodeLabel | str] | None = None, *,
               by: str = "pagerank", limit: int | None = None):
    """Nodes of ``label`` (default: all) ranked by ``by``: ``pagerank``, ``degree`` or ``papers``.

    Columns: ``id``, ``label``, ``name``, ``papers`` (distinct papers linking to the node:
    for a concept the papers mentioning it, for a paper the papers citing it),
    ``degree`` (edges in and out), ``pagerank`` (over the whole graph); ties are
    broken by name.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("p", label="Paper", name="P"); G.add_node("m", label="Method", name="M")
        >>> _ = G.add_edge("p", "m", key="USES")
        >>> importance(G, "Method", by="papers")[["id", "papers", "degree"]].values.tolist()
        [['m', 1, 1]]
    """
    import pandas as pd

    if by not in RANKINGS:
        raise ValueError(f"cannot rank by {by!r}: choose one of {', '.join(RANKINGS)}")
    wanted = _labels(label)
    ranks = pagerank(G)
    rows = [
        {"id": node, "label": data.get("label"), "name": data.get("name"), "papers": _citing_papers(G, node),
         "degree": G.degree(node), "pagerank": ranks[node]}
        for node, data in G.nodes(data=True) if wanted is None or data.get("label") in wanted
    ]
    frame = pd.DataFrame(rows, columns=["id", "label", "name", "papers", "degree", "pagerank"])
    frame = frame.sort_values([by, "name", "id"], ascending=[False, True, True], kind="mergesort")
    frame = frame.reset_index(drop=True)
    return frame.head(limit) if limit is not None else frame


def _paper_concepts(G: nx.MultiDiGraph, wanted: set[str]) -> dict[str, set[str]]:
    concepts: dict[str, set[str]] = {}
    for node, data in G.nodes(data=True):
        if data.get("label") != PAPER:
            continue
        found = {v for v in G.successors(node) if G.nodes[v].get("label") in wanted}
        if found:
            concepts[node] = found
    return concepts


def pair_counts(groups: Iterable[Iterable[str]]) -> Counter[tuple[str, str]]:
    """How many groups hold each pair of members, pairs as ``(a, b)`` with ``a < b``.

    Example:
        >>> sorted(pair_counts([{"x", "y"}, {"x", "y", "z"}]).items())
        [(('x', 'y'), 2), (('x', 'z'), 1), (('y', 'z'), 1)]
    """
    counts: Counter[tuple[str, str]] = Counter()
    for group in groups:
        counts.update(combinations(sorted(group), 2))
    return counts


def cooccurrence(G: nx.MultiDiGraph, labels: Iterable[NodeLabel | str] = ENTITY_LABELS, *, min_papers: int = 1):
    """Pairs of concepts linked from the same papers, most shared papers first.

    Columns: ``a``, ``a_name``, ``a_label``, ``b``, ``b_name``, ``b_label``, ``papers``;
    ``a`` < ``b`` by id, so every pair appears once.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> for n, lab in [("p", "Paper"), ("x", "Method"), ("y", "Task")]:
        ...     G.add_node(n, label=lab, name=n.upper())
        >>> _ = G.add_edge("p", "x", key="USES"); _ = G.add_edge("p", "y", key="ADDRESSES")
        >>> cooccurrence(G)[["a", "b", "papers"]].values.tolist()
        [['x', 'y', 1]]
    """
    import pandas as pd

    wanted = _labels(labels) or set()
    counts = pair_counts(_paper_concepts(G, wanted).values())
    rows = [
        {"a": a, "a_name": G.nodes[a].get("name"), "a_label": G.nodes[a].get("label"),
         "b": b, "b_name": G.nodes[b].get("name"), "b_label": G.nodes[b].get("label"), "papers": n}
        for (a, b), n in counts.items() if n >= min_papers
    ]
    frame = pd.DataFrame(rows, columns=["a", "a_name", "a_label", "b", "b_name", "b_label", "papers"])
    return frame.sort_values(["papers", "a", "b"], ascending=[False, True, True], kind="mergesort").reset_index(drop=True)


def cooccurrence_graph(G: nx.MultiDiGraph, labels: Iterable[NodeLabel | str] = ENTITY_LABELS) -> nx.Graph:
    """An undirected graph of concepts, weighted by the number of papers they share."""
    wanted = _labels(labels) or set()
    H = nx.Graph()
    H.add_nodes_from(n for n, d in G.nodes(data=True) if d.get("label") in wanted)
    H.add_weighted_edges_from((a, b, n) for (a, b), n in pair_counts(_paper_concepts(G, wanted).values()).items())
    return H


def communities(G: nx.MultiDiGraph, labels: Iterable[NodeLabel | str] = ENTITY_LABELS, *, seed: int = 0,
                resolution: float = 1.0, projection: str = "cooccurrence"):
    """Louvain communities (:func:`networkx.community.louvain_communities`, seeded).

    ``projection="cooccurrence"`` groups concepts of ``labels`` by the papers they
    share; ``"graph"`` runs on the whole graph made undirected (edges weighted by how
    many typed edges join two nodes) and keeps nodes of ``labels``. Community 0 is the
    largest. Columns: ``community``, ``size``, ``id``, ``label``, ``name``, ``papers``.

    Example:
        >>> import kg
        >>> communities(kg.load("kg-out"), seed=1).groupby("community").size().head()  # doctest: +SKIP
    """
    import pandas as pd

    wanted = _labels(labels) or set()
    if projection == "cooccurrence":
        H = cooccurrence_graph(G, wanted)
    elif projection == "graph":
        H = nx.Graph()
        H.add_nodes_from(G)
        for u, v in G.edges():
            if u != v:
                H.add_edge(u, v, weight=H[u][v]["weight"] + 1 if H.has_edge(u, v) else 1)
    else:
        raise ValueError(f"unknown projection {projection!r}: choose cooccurrence or graph")
    found = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed) if len(H) else []
    groups = [sorted(n for n in group if G.nodes[n].get("label") in wanted) for group in found]
    groups = sorted((g for g in groups if g), key=lambda g: (-len(g), g[0]))
    rows = [
        {"community": i, "size": len(group), "id": node, "label": G.nodes[node].get("label"),
         "name": G.nodes[node].get("name"), "papers": _citing_papers(G, node)}
        for i, group in enumerate(groups) for node in group
    ]
    frame = pd.DataFrame(rows, columns=["community", "size", "id", "label", "name", "papers"])
    return frame.sort_values(["community", "papers", "id"], ascending=[True, False, True],
                             kind="mergesort").reset_index(drop=True)


def node_communities(G: nx.Graph, *, seed: int = 0, weight: str | None = "weight") -> dict[str, int]:
    """Louvain community of every node of ``G`` made undirected (seeded): 0 is the largest, -1 alone.

    Parallel edges add up to the weight of a link (their ``weight``, else 1).

    Example:
        >>> node_communities(nx.MultiDiGraph([("a", "b"), ("c", "c")]))
        {'a': 0, 'b': 0, 'c': -1}
    """
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, data in G.edges(data=True):
        if u != v:
            w = float(data.get(weight, 1) or 1) if weight else 1.0
            U.add_edge(u, v, weight=U[u][v]["weight"] + w if U.has_edge(u, v) else w)
    found = nx.community.louvain_communities(U, weight="weight", seed=seed) if U.number_of_edges() else []
    found = sorted((sorted(found_group, key=str) for found_group in found), key=lambda g: (-len(g), str(g[0])))
    out = {node: -1 for node in G}
    for i, group in enumerate(g for g in found if len(g) > 1):
        for node in group:
            out[node] = i
    return out


LEADERBOARD_COLUMNS = ["value", "unit", "metric", "model", "paper", "paper_id", "evidence"]


def _result_row(G: nx.MultiDiGraph, data: dict) -> dict:
    paper_id = data.get("paper_id")
    return {
        "value": data.get("value"), "unit": data.get("unit") or "", "metric": data.get("metric") or "",
        "model": data.get("subject") or "", "paper": G.nodes[paper_id].get("title", "") if paper_id in G else "",
        "paper_id": paper_id, "evidence": data.get("sentence") or "",
    }


#: Metrics where a lower value is better (general knowledge); matched on words of the metric.
LOWER_IS_BETTER = ("error", "perplexity", "loss", "fid", "wer", "cer", "mse", "rmse", "mae", "latency", "regret",
                   "distance", "ece")


def lower_is_better(metric: str | None) -> bool:
    """Whether a smaller value of ``metric`` is the better one.

    Example:
        >>> lower_is_better("top-1 error rate"), lower_is_better("FID"), lower_is_better("accuracy")
        (True, True, False)
    """
    words = set(re.findall(r"[a-z0-9]+", (metric or "").lower()))
    return any(w in words for w in LOWER_IS_BETTER)


def leaderboard(G: nx.MultiDiGraph, benchmark: str, metric: str | None = None, *, ascending: bool | None = None):
    """Results reported on ``benchmark`` (found by name or alias, :mod:`kg.views.lookup`), ranked within ONE metric.

    A result counts when it links (``ON_BENCHMARK``) to a benchmark or dataset of that name,
    or names it itself. ``metric`` picks the metric (matched the same way); without it the
    metric most results report is taken. Values of different metrics are never ranked
    together: the frame's ``attrs`` say which metric was ranked (``"metric"``) and which
    others were reported, with their counts (``"other_metrics"``). Lower values come first
    for metrics where lower is better (:func:`lower_is_better`) unless ``ascending`` says
    otherwise. Columns: :data:`LEADERBOARD_COLUMNS`.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("r", label="Result", benchmark="GSM8K", metric="accuracy", value=91.0, subject="M")
        >>> G.add_node("s", label="Result", benchmark="GSM8K", metric="accuracy", value=93.5, subject="N")
        >>> G.add_node("t", label="Result", benchmark="GSM8K", metric="labels", value=1000.0, subject="O")
        >>> board = leaderboard(G, "gsm-8k")
        >>> board[["value", "model"]].values.tolist(), board.attrs["metric"], board.attrs["other_metrics"]
        ([[93.5, 'N'], [91.0, 'M']], 'accuracy', {'labels': 1})
    """
    import pandas as pd

    benches = set(find_nodes(G, benchmark, [NodeLabel.BENCHMARK, NodeLabel.DATASET]))
    on_benchmark = RelType.ON_BENCHMARK.value
    found = []
    for node, data in G.nodes(data=True):
        if data.get("label") != NodeLabel.RESULT.value:
            continue
        linked = any(k == on_benchmark and v in benches for _, v, k in G.out_edges(node, keys=True))
        if linked or is_named(benchmark, data.get("benchmark")):
            found.append(data)
    by_metric: dict[str, list[dict]] = {}
    shown: dict[str, str] = {}
    for data in found:
        key = name_key(data.get("metric") or "")
        by_metric.setdefault(key, []).append(data)
        shown.setdefault(key, data.get("metric") or "(no metric)")
    if metric:
        chosen = next((k for k in by_metric if is_named(metric, shown[k])), None)
    else:
        chosen = min(by_metric, key=lambda k: (-len(by_metric[k]), k == "", k), default=None)
    rows = [_result_row(G, data) for data in by_metric.get(chosen, [])] if chosen is not None else []
    if ascending is None:
        ascending = lower_is_better(shown.get(chosen))
    sign = 1.0 if ascending else -1.0
    rows.sort(key=lambda r: (sign * (r["value"] or 0.0), r["paper"]))
    board = pd.DataFrame(rows, columns=LEADERBOARD_COLUMNS)
    board.attrs["metric"] = shown.get(chosen) if chosen is not None else metric
    board.attrs["ascending"] = ascending
    board.attrs["other_metrics"] = {shown[k]: len(v) for k, v in sorted(by_metric.items()) if k != chosen}
    return board
