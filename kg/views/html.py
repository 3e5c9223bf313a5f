"""Interactive HTML view of the graph: one self-contained file that works offline.

:func:`to_html` picks the part of the graph to show (:func:`select_subgraph`), computes
the layout in Python (:func:`force_layout`, so the browser draws at once with physics
off), turns nodes and edges into vis-network items with pyvis, and writes one HTML file
holding vis-network, the data and the page's own CSS and JavaScript. The page asks no
host for anything: no CDN, no fonts, no images.

Every text that comes from the input (titles, abstracts, names, evidence sentences) is
embedded as JSON inside a ``<script type="application/json">`` element with ``<``, ``>``
and ``&`` escaped, and the page puts it on screen only through ``textContent`` or the
canvas, never as HTML.
"""
from __future__ import annotations

import html
import json
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.views.lookup import find_node
from schema import NodeLabel
from schema.errors import InputError, KGError

logger = logging.getLogger(__name__)

#: Nodes shown when ``max_nodes`` is not given: the most connected ones.
DEFAULT_MAX_NODES = 2000

#: Colour, vis-network shape and legend symbol of each node label.
NODE_STYLE: dict[str, tuple[str, str, str]] = {
    NodeLabel.PAPER.value: ("#4e79a7", "dot", "\u25cf"),
    NodeLabel.METHOD.value: ("#f28e2b", "diamond", "\u25c6"),
    NodeLabel.MODEL.value: ("#e15759", "triangle", "\u25b2"),
    NodeLabel.DATASET.value: ("#76b7b2", "square", "\u25a0"),
    NodeLabel.BENCHMARK.value: ("#59a14f", "star", "\u2605"),
    NodeLabel.TASK.value: ("#d4a017", "triangleDown", "\u25bc"),
    NodeLabel.METRIC.value: ("#b07aa1", "hexagon", "\u2b22"),
    NodeLabel.REPOSITORY.value: ("#9c755f", "square", "\u25a0"),
    NodeLabel.ORGANIZATION.value: ("#ff9da7", "diamond", "\u25c6"),
    NodeLabel.RESULT.value: ("#8c8c8c", "dot", "\u25cf"),
}
OTHER_STYLE = ("#bab0ac", "dot", "\u25cf")

#: World units of :func:`force_layout` to canvas pixels (small graphs; big ones are denser).
_PIXELS_PER_UNIT = 120.0
_LABEL_CHARS = 48
_ABSTRACT_CHARS = 4000
_SENTENCE_CHARS = 600
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TEMPLATE = "viz_template.html"


# --------------------------------------------------------------------------- selection


def parse_labels(labels: Iterable[str | NodeLabel] | str | None) -> set[str] | None:
    """Node labels from ``"Method,Benchmark"`` or a list of names (case ignored).

    Example:
        >>> sorted(parse_labels("method, Benchmark"))
        ['Benchmark', 'Method']

    Raises:
        InputError: a name is not a node label.
    """
    if labels is None:
        return None
    if isinstance(labels, (str, NodeLabel)):
        labels = [labels]
    known = {lab.value.casefold(): lab.value for lab in NodeLabel}
    out: set[str] = set()
    for item in labels:
        for part in str(getattr(item, "value", item)).split(","):
            part = part.strip()
            if not part:
                continue
            if part.casefold() not in known:
                raise InputError(
                    f"unknown node label {part!r}: use one or more of {', '.join(lab.value for lab in NodeLabel)}"
                )
            out.add(known[part.casefold()])
    return out or None


def check_since(since: str | None) -> str | None:
    """``since`` if it is a date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Example:
        >>> check_since("2024-02")
        '2024-02'
        >>> check_since("2024-13-45")
        Traceback (most recent call last):
        ...
        schema.errors.InputError: --since '2024-13-45' is not a real date (month 01-12, day within the month)

    Raises:
        InputError: it is not such a date.
    """
    if since is None:
        return None
    since = str(since).strip()
    if not _DATE.match(since):
        raise InputError(f"--since {since!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        datetime.strptime(since, {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}[len(since)])
    except ValueError:
        raise InputError(f"--since {since!r} is not a real date (month 01-12, day within the month)") from None
    return since


def _on_or_after(date: str | None, since: str) -> bool:
    """Whether a (possibly partial) ISO date may fall on or after ``since``."""
    if not date or date.startswith("--"):
        return False
    n = min(len(date), len(since))
    return date[:n] >= since[:n]


def _date_text(value: Any) -> str | None:
    """An ISO date string with a year, or None (``--MM-DD`` has no year)."""
    if value is None or value == "":
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return None if text.startswith("--") else text


def _node_dates(G: nx.MultiDiGraph) -> dict[str, tuple[str | None, str | None]]:
    """(first, last) date of each node: a paper's own date, else those of its papers."""
    paper = NodeLabel.PAPER.value
    out: dict[str, tuple[str | None, str | None]] = {}
    for node, data in G.nodes(data=True):
        if data.get("label") == paper:
            date = _date_text(data.get("date"))
            out[node] = (date, date)
        elif data.get("first_date") or data.get("last_date"):
            first, last = _date_text(data.get("first_date")), _date_text(data.get("last_date"))
            out[node] = (first or last, last or first)
        else:
            dates = sorted(
                d for nb in nx.all_neighbors(G, node)
                if G.nodes[nb].get("label") == paper
                for d in [_date_text(G.nodes[nb].get("date"))] if d
            )
            out[node] = (dates[0], dates[-1]) if dates else (None, None)
    return out


def importance(G: nx.MultiDiGraph, node: str) -> float:
    """How prominent a node is: its number of edges, or its paper count if larger."""
    data = G.nodes[node]
    return float(max(G.degree(node), data.get("paper_count") or 0))


def select_subgraph(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 1,
    labels: Iterable[str] | str | None = None,
    min_degree: int = 0,
    max_nodes: int | None = None,
    since: str | None = None,
) -> nx.MultiDiGraph:
    """The part of ``G`` to draw.

    Filters apply in this order: the ``hops`` neighbourhood of ``focus``; node
    ``labels``; papers dated on or after ``since`` (other nodes when one of their
    papers is); ``min_degree`` within what is left; then the ``max_nodes`` most
    important nodes (nearest to ``focus`` first). ``focus`` always stays.
    ``max_nodes=None`` means :data:`DEFAULT_MAX_NODES`; ``0`` means no limit.
    Returns ``G`` itself or a read-only subgraph view of it.

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("p", label="Paper", name="P", aliases=[])
        >>> select_subgraph(G, labels="Method").number_of_nodes()
        0
    """
    wanted = parse_labels(labels)
    since = check_since(since)
    if hops < 0:
        raise InputError(f"--hops must be 0 or more, got {hops}")
    if min_degree < 0:
        raise InputError(f"--min-degree must be 0 or more, got {min_degree}")
    if max_nodes is not None and max_nodes < 0:
        raise InputError(f"--max-nodes must be 0 (no limit) or more, got {max_nodes}")
    limit = DEFAULT_MAX_NODES if max_nodes is None else max_nodes

    focus_id = find_node(G, focus) if focus is not None else None
    distance: dict[str, int] = {}
    if focus_id is not None:
        distance = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), focus_id, cutoff=hops)
        keep = set(distance)
    else:
        keep = set(G.nodes)
    if wanted is not None:
        keep = {n for n in keep if G.nodes[n].get("label") in wanted or n == focus_id}
    if since is not None:
        dates = _node_dates(G)
        keep = {n for n in keep if _on_or_after(dates[n][1], since) or n == focus_id}
    H = G.subgraph(keep)
    if min_degree:
        keep = {n for n in keep if H.degree(n) >= min_degree or n == focus_id}
        H = G.subgraph(keep)
    if limit and len(keep) > limit:
        def rank(n: str) -> tuple:
            return (distance.get(n, 0), -importance(H, n), str(n))

        keep = set(sorted(keep, key=rank)[:limit])
        if focus_id is not None:
            keep.add(focus_id)
        logger.info("showing the %d most connected of %d nodes", len(keep), H.number_of_nodes())
    return G if len(keep) == G.number_of_nodes() else G.subgraph(keep)


# --------------------------------------------------------------------------- layout


def force_layout(n: int, edges: Any, *, iterations: int | None = None, seed: int = 0):
    """Positions (``n`` x 2 numpy array) of a force-directed layout of ``n`` nodes.

    Fruchterman-Reingold forces with a linear pull to the centre. Repulsion is exact
    for small graphs and, for large ones, computed on a grid by FFT convolution
    (particle-mesh), so one iteration costs O(n + m + G^2 log G): 5,000 nodes and
    20,000 edges take well under a second. ``edges`` is a sequence of index pairs.

    Example:
        >>> force_layout(3, [(0, 1), (1, 2)]).shape
        (3, 2)
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    pairs = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    src, dst = pairs[:, 0], pairs[:, 1]
    pos = rng.uniform(-1.0, 1.0, (n, 2)) * math.sqrt(n)
    if n == 1:
        return pos * 0.0
    repulsion = _exact_repulsion if n <= 200 else _GridRepulsion(int(np.clip(1.6 * math.sqrt(n), 32, 160)))
    iterations = iterations or (150 if n <= 200 else 110)
    radius = 2.5 * math.sqrt(n) + 3.0
    temp = math.sqrt(n) / 3.0
    cooling = (0.02 / temp) ** (1.0 / iterations) if temp > 0.02 else 1.0
    for _ in range(iterations):
        disp = repulsion(pos)
        delta = pos[src] - pos[dst]
        dist = np.sqrt((delta ** 2).sum(1)) + 1e-9
        pull = delta * dist[:, None]
        for axis in (0, 1):
            disp[:, axis] += np.bincount(dst, pull[:, axis], n) - np.bincount(src, pull[:, axis], n)
        disp -= pos  # gravity: a uniform disc of radius sqrt(n) is in balance
        length = np.sqrt((disp ** 2).sum(1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        norm = np.sqrt((pos ** 2).sum(1)) + 1e-9
        pos *= (np.minimum(norm, radius) / norm)[:, None]
        temp *= cooling
    return pos - pos.mean(0)


def graph_layout(n: int, edges: Any, *, seed: int = 0):
    """Positions of ``n`` nodes: :func:`force_layout` for the linked ones, a grid for the rest.

    Nodes without an edge are put in rows under the drawing instead of being
    pushed to its rim, so they do not shrink the view of everything else.

    Example:
        >>> graph_layout(4, [(0, 1)]).shape
        (4, 2)
    """
    import numpy as np

    pairs = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    linked = np.zeros(n, dtype=bool)
    linked[pairs[pairs[:, 0] != pairs[:, 1]].ravel()] = True
    pos = np.zeros((n, 2))
    ids = np.flatnonzero(linked)
    if len(ids):
        new_index = np.full(n, -1)
        new_index[ids] = np.arange(len(ids))
        sub = new_index[pairs]
        sub = sub[(sub >= 0).all(1)]
        pos[ids] = force_layout(len(ids), sub, seed=seed)
    lonely = np.flatnonzero(~linked)
    if len(lonely):
        left, right = (pos[ids, 0].min(), pos[ids, 0].max()) if len(ids) else (0.0, 0.0)
        top = pos[ids, 1].max() + 2.0 if len(ids) else 0.0
        width = max(right - left, math.sqrt(len(lonely)))
        columns = max(1, int(width / 1.2) + 1)
        rows, cols = np.divmod(np.arange(len(lonely)), columns)
        pos[lonely, 0] = left + cols * 1.2
        pos[lonely, 1] = top + rows * 1.2
    return pos


def _exact_repulsion(pos):
    import numpy as np

    delta = pos[:, None, :] - pos[None, :, :]
    dist2 = (delta ** 2).sum(-1) + 1e-4
    np.fill_diagonal(dist2, np.inf)
    return (delta / dist2[..., None]).sum(1)


class _GridRepulsion:
    """Sum of 1/d repulsions by cloud-in-cell deposit and FFT convolution on a G x G grid."""

    def __init__(self, size: int) -> None:
        import numpy as np

        self.size = size
        offsets = np.fft.fftfreq(2 * size, 1.0 / (2 * size))
        dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
        r2 = dx ** 2 + dy ** 2 + 1.0  # softened at one cell
        self.kx = np.fft.rfft2(dx / r2)
        self.ky = np.fft.rfft2(dy / r2)

    def __call__(self, pos):
        import numpy as np

        G = self.size
        lo = pos.min(0)
        h = float((pos.max(0) - lo).max()) / (G - 2) or 1.0
        grid = (pos - lo) / h
        i0 = np.minimum(np.floor(grid).astype(np.int64), G - 2)
        frac = grid - i0
        corners = []
        rho = np.zeros(G * G)
        for a in (0, 1):
            for b in (0, 1):
                w = (frac[:, 0] if a else 1 - frac[:, 0]) * (frac[:, 1] if b else 1 - frac[:, 1])
                idx = (i0[:, 0] + a) * G + (i0[:, 1] + b)
                corners.append((idx, w))
                rho += np.bincount(idx, weights=w, minlength=G * G)
        padded = np.zeros((2 * G, 2 * G))
        padded[:G, :G] = rho.reshape(G, G)
        spectrum = np.fft.rfft2(padded)
        fx = np.fft.irfft2(spectrum * self.kx, s=padded.shape)[:G, :G].ravel()
        fy = np.fft.irfft2(spectrum * self.ky, s=padded.shape)[:G, :G].ravel()
        out = np.zeros_like(pos)
        for idx, w in corners:
            out[:, 0] += w * fx[idx]
            out[:, 1] += w * fy[idx]
        return out / h


# --------------------------------------------------------------------------- page data


def _style(label: str | None) -> tuple[str, str, str]:
    return NODE_STYLE.get(label or "", OTHER_STYLE)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _http_urls(values: Any) -> list[str]:
    if isinstance(values, str):
        values = [values]
    return [str(u) for u in values or [] if re.match(r"^https?://", str(u), re.IGNORECASE)]


def repository_url(data: dict[str, Any]) -> str | None:
    """The web address of a Repository node: its ``url``, else GitHub's for ``owner/name``."""
    urls = _http_urls(data.get("url")) or _http_urls(data.get("urls"))
    if urls:
        return urls[0]
    name = str(data.get("name") or "")
    if re.fullmatch(r"[\w.-]+/[\w.-]+", name):
        return f"https://github.com/{name}"
    return None


def _clean(value: Any) -> Any:
    """A JSON-ready copy of an attribute value (sets and tuples as lists, others as text)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value if not (isinstance(value, float) and not math.isfinite(value)) else None
    if isinstance(value, (list, tuple, set)):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    return str(value)


def _node_info(G: nx.MultiDiGraph, H: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """What the details panel shows of ``node`` (only what is there)."""
    data = H.nodes[node]
    info: dict[str, Any] = {"id": str(node), "name": str(data.get("name") or node), "label": data.get("label")}
    aliases = [str(a) for a in data.get("aliases") or [] if str(a) != info["name"]]
    if aliases:
        info["aliases"] = aliases
    for key in ("date", "upvotes", "authors_count", "organization", "paper_count", "first_date", "last_date", "stub"):
        value = data.get(key)
        if value not in (None, "", [], False):
            info[key] = _clean(value)
    if data.get("label") == NodeLabel.PAPER.value:
        title = data.get("title")
        if title and title != info["name"]:
            info["title"] = str(title)
        abstract = data.get("abstract")
        if abstract:
            info["abstract"] = _short(abstract, _ABSTRACT_CHARS)
        urls = _http_urls(data.get("urls"))
        if urls:
            info["urls"] = urls
        code = [
            url for _, repo in G.out_edges(node)
            if G.nodes[repo].get("label") == NodeLabel.REPOSITORY.value
            for url in [repository_url(G.nodes[repo])] if url
        ]
        if code:
            info["code"] = sorted(set(code))
    elif data.get("label") == NodeLabel.REPOSITORY.value:
        url = repository_url(data)
        if url:
            info["urls"] = [url]
    else:
        urls = _http_urls(data.get("urls")) or _http_urls(data.get("url"))
        if urls:
            info["urls"] = urls
    return info


def page_data(H: nx.MultiDiGraph, G: nx.MultiDiGraph | None = None, *, title: str = "kg graph") -> dict[str, Any]:
    """The JSON the page reads: vis-network nodes and edges (made with pyvis), details, legend.

    ``H`` is the part shown, ``G`` the whole graph (for totals and code links).

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("p", label="Paper", name="P", aliases=[])
        >>> page_data(G)["nodes"][0]["shape"]
        'dot'
    """
    from pyvis.edge import Edge as VisEdge
    from pyvis.network import Network

    G = H if G is None else G
    # least important first: vis-network draws in this order, so hubs and their labels end on top
    weights = {node: importance(H, node) for node in H.nodes}
    order = sorted(H.nodes, key=lambda n: (weights[n], str(n)))
    index = {node: i for i, node in enumerate(order)}
    merged: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for u, v, key, data in H.edges(keys=True, data=True):
        rel = str(data.get("type") or key)
        evidence = {"rel": rel}
        sentence = data.get("sentence")
        if sentence:
            evidence["sentence"] = _short(sentence, _SENTENCE_CHARS)
        if data.get("paper_id"):
            evidence["paper"] = str(data["paper_id"])
        for extra in ("extractor", "confidence", "count", "inferred", "reason"):
            if data.get(extra) not in (None, "", False):
                evidence[extra] = _clean(data[extra])
        merged[(index[u], index[v])].append(evidence)

    positions = graph_layout(len(order), list(merged))
    # denser drawings for bigger graphs, so the first, fitted view is not all specks
    unit = max(25.0, _PIXELS_PER_UNIT * math.sqrt(100.0 / max(len(order), 100)))
    extent = float((positions.max(0) - positions.min(0)).max()) * unit if len(order) > 1 else 1.0
    fit_scale = min(1.0, 850.0 / max(extent, 1.0))
    top = max([w for w in weights.values()] + [1.0])
    dates = _node_dates(H)
    net = Network(directed=True, cdn_resources="in_line")
    types: dict[str, int] = defaultdict(int)
    for node in order:
        data = H.nodes[node]
        label = str(data.get("label") or "")
        colour, shape, _ = _style(label)
        types[label] += 1
        extra: dict[str, Any] = {}
        if data.get("stub"):
            extra["shapeProperties"] = {"borderDashes": [3, 3]}
            extra["color"] = {"background": "#ffffff", "border": colour}
        else:
            extra["color"] = colour
        first, last = dates[node]
        i = index[node]
        grow = math.log1p(weights[node])
        share = (weights[node] / top) ** 0.35
        if label == NodeLabel.PAPER.value:  # many, with long titles: smaller marks and labels
            size, font = 7.0 + 2.5 * grow, max(11.0, 12.0 * share / fit_scale)
        else:  # hubs get labels big enough to read when the whole graph is in view
            size, font = 8.0 + 4.5 * grow, max(13.0, 20.0 * share / fit_scale)
        net.add_node(
            i, label=_short(data.get("name") or node, _LABEL_CHARS) or str(node), shape=shape,
            size=round(min(size, 48.0), 1), font={"size": round(font, 1)},
            x=round(float(positions[i, 0]) * unit, 1),
            y=round(float(positions[i, 1]) * unit, 1),
            t=label, d0=first, d1=last, **extra,
        )
    rel_counts: dict[str, int] = defaultdict(int)
    for number, ((u, v), evidence) in enumerate(merged.items()):
        rels = sorted({e["rel"] for e in evidence})
        for rel in rels:
            rel_counts[rel] += 1
        net.edges.append(VisEdge(u, v, False, id=number, rels=rels).options)
    node_types = sorted(types, key=lambda lab: (lab not in NODE_STYLE, list(NODE_STYLE).index(lab) if lab in NODE_STYLE else 0, lab))
    _add_overlays(H, order, net.nodes)
    _hide_vis_labels(net.nodes)
    for edge in net.edges:
        edge["color"] = relation_colour(edge["rels"][0])
    return {
        "meta": {
            "view": "graph",
            "title": title,
            "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "total_nodes": G.number_of_nodes(),
            "total_edges": G.number_of_edges(),
        },
        "types": [
            {"label": lab, "color": _style(lab)[0], "shape": _style(lab)[1], "symbol": _style(lab)[2], "count": types[lab]}
            for lab in node_types
        ],
        "relations": [{"rel": rel, "count": n, "color": relation_colour(rel)} for rel, n in sorted(rel_counts.items())],
        "communities": _community_legend(net.nodes, [info_name(H, n) for n in order]),
        "nodes": net.nodes,
        "edges": net.edges,
        "info": [_node_info(G, H, node) for node in order],
        "evidence": list(merged.values()),
    }


#: Colours of communities (Tableau 20 order), then grey for the rest.
COMMUNITY_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#86bcb6", "#d37295", "#8cd17d", "#499894", "#fabfd2", "#b6992d", "#79706e",
)
NO_COMMUNITY = "#c7c7c7"
#: Distinct colours of relation types (edges and their legend).
RELATION_COLOURS = {
    "PROPOSES": "#d62728", "USES": "#1f77b4", "EVALUATES_ON": "#2ca02c", "ADDRESSES": "#ff7f0e",
    "COMPARES_WITH": "#9467bd", "MEASURES": "#8c564b", "USES_METRIC": "#8c564b", "MENTIONS": "#b0b7c3",
    "CITES": "#17becf", "CITES_INFERRED": "#9edae5", "HAS_CODE": "#7f7f7f", "VARIANT_OF": "#e377c2",
    "REPORTS": "#bcbd22", "ON_BENCHMARK": "#2ca02c", "ACHIEVED_BY": "#c49c94", "PUBLISHED_BY": "#f7b6d2",
    "co-occurs": "#9aa4b2", "shares concepts": "#9aa4b2",
}
_EXTRA_RELATION_COLOURS = ("#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173")


def relation_colour(rel: str) -> str:
    """The colour of edges of relation ``rel`` (a fixed one for known types).

    Example:
        >>> relation_colour("USES") != relation_colour("PROPOSES")
        True
    """
    if rel in RELATION_COLOURS:
        return RELATION_COLOURS[rel]
    return _EXTRA_RELATION_COLOURS[sum(map(ord, rel)) % len(_EXTRA_RELATION_COLOURS)]


def community_colour(community: int) -> str:
    """The colour of community ``community`` (grey for -1 and those past the palette)."""
    return COMMUNITY_COLOURS[community] if 0 <= community < len(COMMUNITY_COLOURS) else NO_COMMUNITY


def info_name(H: nx.Graph, node: str) -> str:
    return str(H.nodes[node].get("name") or node)


def _hide_vis_labels(nodes: list[dict[str, Any]]) -> None:
    """Move each node's label to ``name``: the page draws labels itself, only where they fit."""
    for item in nodes:
        item["name"] = item.pop("label", "")
        item.pop("title", None)


def _add_overlays(H: nx.MultiDiGraph, order: list[str], nodes: list[dict[str, Any]], seed: int = 0) -> None:
    """Give the graph view's nodes a community (Louvain on the undirected graph) and a mean year."""
    from kg.views.maps import paper_year

    from kg.views.analytics import node_communities

    community = {str(n): c for n, c in node_communities(H.subgraph(order), seed=seed, weight=None).items()}
    for node, item in zip(order, nodes):
        data = H.nodes[node]
        if data.get("label") == NodeLabel.PAPER.value:
            years = [paper_year(data)]
        else:
            years = [paper_year(H.nodes[nb]) for nb in nx.all_neighbors(H, node)
                     if H.nodes[nb].get("label") == NodeLabel.PAPER.value]
        years = [y for y in years if y]
        item["c"] = community.get(str(node), -1)
        item["yr"] = round(sum(years) / len(years), 2) if years else None


def _community_legend(nodes: list[dict[str, Any]], names: list[str], top: int = 3) -> list[dict[str, Any]]:
    """Each community's colour, size and top terms (its biggest nodes), largest first."""
    groups: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for item, name in zip(nodes, names):
        groups[item.get("c", -1)].append((-float(item.get("w") or item.get("size") or 0), name))
    return [
        {"community": c, "color": community_colour(c), "count": len(members),
         "terms": [name for _, name in sorted(members)[:top]]}
        for c, members in sorted(groups.items()) if c >= 0
    ]


def _concept_info(G: nx.MultiDiGraph, M: nx.Graph, node: str, *, papers: int = 8, sentences: int = 6) -> dict[str, Any]:
    """The details panel of a concept-map node: its papers and evidence sentences."""
    data = G.nodes[node] if node in G else {}
    attrs = M.nodes[node]
    info: dict[str, Any] = {"id": str(node), "name": attrs["name"], "label": attrs.get("label")}
    aliases = [str(a) for a in data.get("aliases") or [] if str(a) != info["name"]]
    if aliases:
        info["aliases"] = aliases
    info["paper_count"] = attrs.get("papers")
    if attrs.get("year"):
        info["mean_year"] = attrs["year"]
    info["community"] = attrs.get("community", -1)
    if attrs.get("label") == NodeLabel.PAPER.value:
        extra = _node_info(G, G.subgraph([node]), node) if node in G else {}
        info.update({k: v for k, v in extra.items() if k not in ("paper_count",)})
        info.pop("paper_count", None)
        return info
    listed, said = [], []
    for paper, _, key, edge in G.in_edges(node, keys=True, data=True):
        pdata = G.nodes[paper]
        if pdata.get("label") != NodeLabel.PAPER.value:
            continue
        if len(listed) < papers and all(p["id"] != str(paper) for p in listed):
            listed.append({"id": str(paper), "title": _short(pdata.get("title") or pdata.get("name") or paper, 200),
                           "date": _date_text(pdata.get("date")), "urls": _http_urls(pdata.get("urls"))[:1]})
        if edge.get("sentence") and len(said) < sentences:
            said.append({"rel": str(edge.get("type") or key), "sentence": _short(edge["sentence"], _SENTENCE_CHARS),
                         "paper": str(paper)})
    info["papers"] = listed
    info["sentences"] = said
    for key in ("first_date", "last_date"):
        if data.get(key):
            info[key] = _clean(data[key])
    return info


def map_page_data(M: nx.Graph, G: nx.MultiDiGraph, *, view: str, title: str) -> dict[str, Any]:
    """The page JSON of a :mod:`kg.views.maps` map (same shape as :func:`page_data`).

    Nodes are sized by papers and coloured by community; ``w`` holds the paper count,
    ``yr`` the mean year and ``c`` the community the page's overlays use.
    """
    from pyvis.edge import Edge as VisEdge
    from pyvis.network import Network

    order = sorted(M.nodes, key=lambda n: (M.nodes[n].get("papers") or 0, str(n)))
    index = {node: i for i, node in enumerate(order)}
    pairs = [(index[u], index[v]) for u, v in M.edges()]
    positions = graph_layout(len(order), pairs)
    unit = max(18.0, _PIXELS_PER_UNIT * math.sqrt(100.0 / max(len(order), 100)))
    top = max([M.nodes[n].get("papers") or 1 for n in order] + [1])
    net = Network(directed=False, cdn_resources="in_line")
    types: dict[str, int] = defaultdict(int)
    for node in order:
        attrs = M.nodes[node]
        label = str(attrs.get("label") or "")
        types[label] += 1
        papers = attrs.get("papers") or 1
        i = index[node]
        community = attrs.get("community", -1)
        net.add_node(
            i, label=_short(attrs["name"], _LABEL_CHARS), shape="dot",
            size=round(5.0 + 30.0 * math.sqrt(papers / top), 1), color=community_colour(community),
            x=round(float(positions[i, 0]) * unit, 1), y=round(float(positions[i, 1]) * unit, 1),
            t=label, c=community, yr=attrs.get("year"), w=papers,
        )
    _hide_vis_labels(net.nodes)
    heaviest = max([d["weight"] for _, _, d in M.edges(data=True)] + [1])
    rel_counts: dict[str, int] = defaultdict(int)
    evidence = []
    for number, (u, v, data) in enumerate(M.edges(data=True)):
        rel = str(data.get("rel") or "co-occurs")
        rel_counts[rel] += 1
        colour = relation_colour(rel)
        width = round(0.5 + 3.5 * math.sqrt(data["weight"] / heaviest), 2)
        net.edges.append(VisEdge(index[u], index[v], False, id=number, rels=[rel], width=width, color=colour).options)
        evidence.append([{"rel": rel, "count": int(data["weight"])}])
    return {
        "meta": {
            "view": view, "title": title,
            "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "total_nodes": G.number_of_nodes(), "total_edges": G.number_of_edges(),
        },
        "types": [
            {"label": lab, "color": _style(lab)[0], "shape": _style(lab)[1], "symbol": _style(lab)[2], "count": types[lab]}
            for lab in sorted(types)
        ],
        "relations": [{"rel": rel, "count": n, "color": relation_colour(rel)} for rel, n in sorted(rel_counts.items())],
        "communities": _community_legend(net.nodes, [M.nodes[n]["name"] for n in order]),
        "nodes": net.nodes,
        "edges": net.edges,
        "info": [_concept_info(G, M, node) for node in order],
        "evidence": evidence,
    }


def script_json(data: Any) -> str:
    """``data`` as JSON safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (and the
    line separators U+2028/2029 are escaped), so no ``</script>`` or comment opener
    can appear; ``JSON.parse`` gives the same strings back.

    Example:
        >>> script_json({"t": "</script><b>"})
        '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _vis_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise KGError(f"vis-network is missing from the pyvis install ({path}): reinstall pyvis==0.3.2") from err
    if "</script" in text.lower():  # pragma: no cover - guards a future pyvis
        raise KGError(f"{path} cannot be inlined: it contains '</script'")
    return text


def render_page(data: dict[str, Any]) -> str:
    """The HTML page for :func:`page_data` output."""
    template = resources.files("kg").joinpath("data", _TEMPLATE).read_text(encoding="utf-8")
    parts = {
        "__KG_TITLE__": html.escape(str(data["meta"]["title"])),
        "/*__KG_VIS_JS__*/": _vis_js(),
        "__KG_DATA__": script_json(data),
    }
    pattern = re.compile("|".join(re.escape(k) for k in parts))
    return pattern.sub(lambda m: parts[m.group(0)], template)


VIEWS = ("concepts", "papers", "graph")


def to_html(G: nx.MultiDiGraph, path: str | Path, *, title: str | None = None, **selection: Any) -> Path:
    """Write an interactive, self-contained HTML view of ``G`` to ``path``.

    ``view="concepts"`` (the default) draws the concept map of :func:`kg.views.maps.concept_map`;
    ``"papers"`` the paper map (:func:`kg.views.maps.paper_map`); ``"graph"`` the
    paper-concept graph itself. Every view colours nodes by community, by mean year
    or by type, draws only the labels that have room (more as you zoom), highlights
    a clicked node's neighbourhood and shows its evidence. Open ``page.html#node=ID``
    to select a node at load. Other arguments choose what is drawn: ``labels``,
    ``since``, ``focus``, ``hops``, ``max_nodes`` in every view, ``min_papers`` in the
    maps, ``min_degree`` in the graph (see :func:`select_subgraph`).

    Example:
        >>> to_html(load_graph("kg-out"), "graph.html", focus="LoRA", hops=2)  # doctest: +SKIP
        PosixPath('graph.html')

    Raises:
        InputError: an argument is invalid (unknown view, label, focus or date).
    """
    return write_html(G, path, title=title, **selection)[0]


def _map(G: nx.MultiDiGraph, view: str, selection: dict[str, Any]) -> nx.Graph:
    from kg.views.maps import concept_map, paper_map

    labels = parse_labels(selection.get("labels"))
    since = check_since(selection.get("since"))
    max_nodes = selection.get("max_nodes")
    if max_nodes is not None and max_nodes < 0:
        raise InputError(f"--max-nodes must be 0 (no limit) or more, got {max_nodes}")
    if view == "papers":
        return paper_map(G, max_nodes=max_nodes, since=since)
    focus = selection.get("focus")
    focus_id = find_node(G, focus) if focus is not None else None
    if labels and focus_id is not None:
        labels = labels | {G.nodes[focus_id].get("label")}
    return concept_map(G, labels=labels, min_papers=selection.get("min_papers"), max_nodes=max_nodes,
                       since=since, focus=focus_id, hops=selection.get("hops", 1))


def write_html(G: nx.MultiDiGraph, path: str | Path, *, title: str | None = None, view: str = "concepts",
               **selection: Any) -> tuple[Path, nx.Graph]:
    """:func:`to_html` that also returns the (sub)graph or map drawn (for the CLI's summary)."""

    from kg.out import atomic_write_bytes

    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}")
    focus = selection.get("focus")
    focus_name = None if focus is None else G.nodes[find_node(G, focus)].get("name") or focus
    if title is None:
        title = {"concepts": "kg concept map", "papers": "kg paper map", "graph": "kg graph"}[view]
        if focus_name is not None:
            title += f" around {focus_name}"
    if view == "graph":
        H = select_subgraph(G, **{k: v for k, v in selection.items() if k != "min_papers"})
        data = page_data(H, G, title=title)
    else:
        H = _map(G, view, selection)
        data = map_page_data(H, G, view=view, title=title)
    if focus is not None:
        data["meta"]["focus"] = str(find_node(G, focus))
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give the HTML file to write, e.g. {path / 'graph.html'}")
    try:
        atomic_write_bytes(path, render_page(data).encode("utf-8"))
    except OSError as err:
        raise KGError(f"cannot write {path}: {err.strerror or err}") from err
    logger.info("wrote %d nodes and %d edges to %s", H.number_of_nodes(), len(data["edges"]), path)
    return path, H
