"""``kg build``: read -> extract -> resolve -> graph -> store, incrementally.

OUT keeps an extraction cache (``papers.jsonl.gz``): a paper already extracted with the
same title and abstract is not run through the NLP pipeline again, so re-running on the
same inputs changes nothing and adding an input extracts only what is new. The graph is
rebuilt from the whole cache each time (resolution is cheap next to NLP).
"""
from __future__ import annotations

import gzip
import io
import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.errors import Diagnostics
from kg.store import atomic_write_bytes, save_graph, sync_embedded
from schema import Paper, PaperExtraction, extraction_from_dict, extraction_to_dict

logger = logging.getLogger(__name__)

CACHE_FILE = "papers.jsonl.gz"
MERGE_LOG_FILE = "merge_log.jsonl"


def load_cache(out: str | Path) -> dict[str, PaperExtraction]:
    """The extraction cache of OUT, by paper id (empty when OUT is new)."""
    path = Path(out) / CACHE_FILE
    if not path.exists():
        return {}
    cache: dict[str, PaperExtraction] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            ext = extraction_from_dict(json.loads(line))
            cache[ext.paper.id] = ext
    return cache


def save_cache(cache: dict[str, PaperExtraction], out: str | Path) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        for paper_id in sorted(cache):
            gz.write((json.dumps(extraction_to_dict(cache[paper_id]), ensure_ascii=False) + "\n").encode("utf-8"))
    atomic_write_bytes(Path(out) / CACHE_FILE, buf.getvalue())


def save_merge_log(entries: list[dict], out: str | Path) -> None:
    data = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
    atomic_write_bytes(Path(out) / MERGE_LOG_FILE, data.encode("utf-8"))


@dataclass
class BuildSummary:
    papers_read: int = 0
    papers_new: int = 0
    papers_total: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [
            f"papers read: {self.papers_read} ({self.papers_new} new, {self.papers_total} in the graph)",
        ]
        if self.skipped:
            out.append("skipped: " + ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items())))
        out.append("nodes: " + ", ".join(f"{k} {v}" for k, v in sorted(self.nodes.items())))
        out.append("edges: " + ", ".join(f"{k} {v}" for k, v in sorted(self.edges.items())))
        return out


def graph_counts(G: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes by label and edges by type."""
    nodes = Counter(label for _, label in G.nodes(data="label"))
    edges = Counter(key for _, _, key in G.edges(keys=True))
    return dict(sorted(nodes.items())), dict(sorted(edges.items()))


def _same_text(a: Paper, b: Paper) -> bool:
    return a.title == b.title and a.abstract == b.abstract


def plan_extraction(
    papers: Sequence[Paper], cache: dict[str, PaperExtraction]
) -> tuple[list[Paper], dict[str, PaperExtraction]]:
    """Split ``papers`` into those to extract and cached extractions to keep.

    A cached paper whose text is unchanged keeps its extraction and takes the newly
    read metadata (sources, upvotes...); the rest of the cache is kept as it is.
    """
    keep = dict(cache)
    todo: list[Paper] = []
    for paper in papers:
        old = cache.get(paper.id)
        if old is not None and _same_text(old.paper, paper):
            old.paper = paper
        else:
            todo.append(paper)
    return todo, keep


def _merge_with_cache(read: list[Paper], cache: dict[str, PaperExtraction]) -> list[Paper]:
    """Identity-merge the papers just read with the cached ones (sources accumulate)."""
    from kg.identity import merge_papers

    merged = merge_papers([ext.paper for ext in cache.values()] + read)
    cached_ids = set(cache)
    # a cached paper absorbed into another id is dropped from the cache
    for paper in merged:
        cached_ids.discard(paper.id)
    for gone in cached_ids:
        cache.pop(gone, None)
    return merged


def rebuild_graph(cache: dict[str, PaperExtraction], out: str | Path) -> nx.MultiDiGraph:
    """Resolve and build the graph from the whole cache, then save it, its Cypher store and merge log."""
    from kg.graph import build_graph

    merge_log: list[dict] = []
    G = build_graph(cache.values(), merge_log)
    save_graph(G, out)
    sync_embedded(G, out)
    save_merge_log(merge_log, out)
    return G


def build(
    inputs: Iterable[str | Path],
    out: str | Path = "kg-out",
    *,
    fmt: str | None = None,
    year: int | None = None,
    diag: Diagnostics | None = None,
    n_process: int | None = None,
    batch_size: int = 64,
    progress: bool = True,
    reader_options: dict | None = None,
) -> BuildSummary:
    """Build (or extend) the graph in ``out`` from ``inputs``.

    Example:
        >>> build(["kg/data/sample.txt"], "kg-out")  # doctest: +SKIP
    """
    from kg.readers import read_papers

    diag = diag or Diagnostics()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    read = list(read_papers(inputs, fmt=fmt, year=year, diag=diag, **(reader_options or {})))
    summary = BuildSummary(papers_read=len(read))
    cache = load_cache(out)
    papers = _merge_with_cache(read, cache)
    todo, cache = plan_extraction(papers, cache)
    summary.papers_new = len(todo)
    if todo:
        _extract_into(cache, todo, n_process=n_process, batch_size=batch_size, progress=progress)
    save_cache(cache, out)
    G = rebuild_graph(cache, out)
    summary.papers_total = len(cache)
    summary.skipped = dict(diag.skipped)
    summary.nodes, summary.edges = graph_counts(G)
    logger.info("built %d nodes and %d edges in %s", G.number_of_nodes(), G.number_of_edges(), out)
    return summary


def _extract_into(
    cache: dict[str, PaperExtraction], todo: list[Paper], *, n_process: int | None, batch_size: int, progress: bool
) -> None:
    from tqdm import tqdm

    from extractors.pipeline import extract_papers

    if n_process is None:
        n_process = 2 if len(todo) >= 500 else 1
    stream = extract_papers(todo, n_process=n_process, batch_size=batch_size)
    bar = tqdm(stream, total=len(todo), unit="paper", desc="extracting", disable=not progress or len(todo) < 50)
    for ext in bar:
        cache[ext.paper.id] = ext
