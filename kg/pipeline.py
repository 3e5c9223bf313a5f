"""Build and remove: read -> extract -> resolve -> graph -> store, incrementally.

OUT keeps an extraction cache (``papers.jsonl.gz``): a paper already extracted with the
same title and abstract is not run through the NLP pipeline again, so re-running on the
same inputs changes nothing and adding an input extracts only what is new. The graph is
rebuilt from the whole cache each time (resolution is cheap next to NLP).
"""
from __future__ import annotations

import logging
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from extractors import DEFAULT_EXTRACTOR, extraction_version
from kg.graph import graph_counts, keep_confident, to_graph
from kg.out import (
    CACHE_FILE, GRAPH_FILE, load_cache, load_graph, load_settings, save_cache, save_graph, save_merge_log,
    save_settings,
)
from kg.resolve import resolve
from kg.resolve.curation import load_curation
from kg.resolve.papers import merge_papers
from kg.sources import read_papers
from kg.stores.embedded import write_embedded
from schema import Paper, PaperExtraction
from schema.errors import Diagnostics, InputError, StoreError

logger = logging.getLogger(__name__)


@dataclass
class BuildSummary:
    papers_read: int = 0
    papers_new: int = 0
    papers_total: int = 0
    duplicates: int = 0
    cited_works: int = 0
    saved: bool = False
    skipped: dict[str, int] = field(default_factory=dict)
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    min_confidence: float = 0.0
    left_out: int = 0  # papers' entities below min_confidence, left out of the graph

    def lines(self) -> list[str]:
        """What a build did, a line each (nothing about the graph when nothing was read)."""
        read = f"papers read: {self.papers_read} records"
        if self.duplicates:
            read += f" ({self.duplicates} were the same paper as another record and merged)"
        out = [read]
        if self.skipped:
            out.append("skipped: " + ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items())))
        if not self.saved:
            return out
        out.append(f"papers: {self.papers_new} new, {self.papers_total} in the graph"
                   + (f", plus {self.cited_works} cited works known only from references (stub Paper nodes)"
                      if self.cited_works else ""))
        out.append("nodes: " + ", ".join(f"{k} {v}" for k, v in sorted(self.nodes.items())))
        out.append("edges: " + ", ".join(f"{k} {v}" for k, v in sorted(self.edges.items())))
        if self.min_confidence:
            out.append(f"left out: {self.left_out} paper entities below confidence {self.min_confidence:g} "
                       "(kept in the extraction cache: build again with a lower --min-confidence to see them)")
        return out


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
    merged = merge_papers([ext.paper for ext in cache.values()] + read)
    cached_ids = set(cache)
    # a cached paper absorbed into another id is dropped from the cache
    for paper in merged:
        cached_ids.discard(paper.id)
    for gone in cached_ids:
        cache.pop(gone, None)
    return merged


def build_graph(extractions: Iterable[PaperExtraction], merge_log: list[dict] | None = None, *,
                infer_citations: bool = False, curation: str | Path | None = None,
                min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """Resolve ``extractions`` across papers and make the graph (``merge_log`` gets why entities merged).

    ``infer_citations`` adds INFERRED_CITES edges; ``curation`` is a CSV or YAML file of
    "same"/"different" decisions (:mod:`kg.resolve.curation`); a paper's entities the extractor is
    less sure of than ``min_confidence`` are left out after resolution (:func:`kg.graph.keep_confident`).

    Example:
        >>> from schema import Paper
        >>> G = build_graph([PaperExtraction(paper=Paper(id="t:a", title="A", abstract="B"))])
        >>> G.nodes["t:a"]["label"]
        'Paper'
    """
    decisions = load_curation(curation) if curation else None
    res = resolve(extractions, infer_citations=infer_citations, curation=decisions)
    if merge_log is not None:
        merge_log.extend(res.merge_log)
    G = to_graph(res.parts)
    if min_confidence > 0:
        keep_confident(G, min_confidence)
    return G


def rebuild_graph(cache: dict[str, PaperExtraction], out: str | Path, *,
                  infer_citations: bool = False, curation: str | Path | None = None,
                  min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """Resolve and build the graph from the whole cache, then save it, its Cypher store and merge log."""
    merge_log: list[dict] = []
    G = build_graph(cache.values(), merge_log, infer_citations=infer_citations, curation=curation,
                    min_confidence=min_confidence)
    save_graph(G, out)
    write_embedded(G, out)
    save_merge_log(merge_log, out)
    return G


def remove(paper_ids: list[str], out: str | Path) -> tuple[int, int, int, int]:
    """Remove papers from OUT with whatever only they supported; (nodes before, after, edges before, after).

    The papers leave the extraction cache and the graph is rebuilt from what remains, so
    an entity, repository or result no other paper links to disappears with them, and the
    counts and dates of shared entities are recomputed. An id may also be one of a paper's
    external ids (``doi:...`` for a paper kept as ``arxiv:...``).

    Raises:
        InputError: an id is not a paper of OUT (nothing is changed).

    Example:
        >>> remove(["arxiv:2401.00001"], "kg-out")  # doctest: +SKIP
        (120, 111, 300, 284)
    """
    if not (Path(out) / CACHE_FILE).exists():
        raise StoreError(f"no extraction cache in {out} ({CACHE_FILE}): run 'kg build INPUT -o {out}' first")
    cache = load_cache(out)
    aliases = {f"{k}:{v}": pid for pid, ext in cache.items() for k, v in ext.paper.ids.items()}
    paper_ids = list(dict.fromkeys(pid if pid in cache else aliases.get(pid, pid) for pid in paper_ids))
    unknown = [pid for pid in paper_ids if pid not in cache]
    if unknown:
        raise InputError(f"no paper {', '.join(repr(u) for u in unknown)} in {out}: "
                         "paper ids look like arxiv:2401.00001 (see kg query --name paper-proposes --param paper=TITLE)")
    before = load_graph(out) if (Path(out) / GRAPH_FILE).exists() else None
    for pid in paper_ids:
        del cache[pid]
    settings = load_settings(out)
    with _cache_saved_alongside(cache, out):
        G = rebuild_graph(cache, out, infer_citations=bool(settings.get("infer_citations")),
                          curation=settings.get("curation"), min_confidence=settings.get("min_confidence") or 0.0)
    logger.info("removed %d papers from %s", len(paper_ids), out)
    n_before = before.number_of_nodes() if before is not None else 0
    e_before = before.number_of_edges() if before is not None else 0
    return n_before, G.number_of_nodes(), e_before, G.number_of_edges()


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
    infer_citations: bool = False,
    curation: str | Path | None = None,
    scheduler: str | None = None,
    extractor: str | None = None,
    min_confidence: float = 0.0,
) -> BuildSummary:
    """Build (or extend) the graph in ``out`` from ``inputs``.

    ``infer_citations`` (``--infer-citations``) adds INFERRED_CITES edges; ``curation``
    (``--curation FILE``) applies a curator's "same"/"different" decisions. ``scheduler``
    (``--scheduler ADDRESS`` or ``local:N``) runs the extraction of the new papers on a Dask
    cluster (:mod:`extractors.distributed`); resolution and the graph stay here.
    ``extractor`` (``--extractor``) names one of :data:`extractors.pipeline.EXTRACTORS`
    (default: the one OUT was built with, else ``learned``); the cache is keyed by it and by
    :func:`extractors.extraction_version`, so a different choice or another version of the
    extractors extracts every paper again. ``min_confidence`` (``--min-confidence``) leaves out
    of the graph the entities the extractor is less sure of; they stay in the extraction cache,
    so building again with another figure extracts nothing.

    Example:
        >>> build(["kg/data/sample.txt"], "kg-out")  # doctest: +SKIP
    """

    diag = diag or Diagnostics()
    out = Path(out)
    read = list(read_papers(inputs, fmt=fmt, year=year, diag=diag, **(reader_options or {})))
    summary = BuildSummary(papers_read=len(read), skipped=dict(diag.skipped))
    if not read:  # nothing usable: OUT is left as it was
        return summary
    out.mkdir(parents=True, exist_ok=True)
    cache = load_cache(out)
    papers = _merge_with_cache(read, cache)
    settings = load_settings(out)
    kept = settings.get("extractor", DEFAULT_EXTRACTOR)
    extractor = extractor or kept
    version = extraction_version()
    if cache and kept != extractor:
        logger.info("%s was extracted with %r: extracting its %d papers again with %r", out, kept, len(cache), extractor)
        cache = {}
    elif cache and settings.get("extraction_version") != version:
        logger.info("%s was extracted by another version of the extractors: extracting its %d papers again",
                    out, len(cache))
        cache = {}
    sources = {src for p in read for src in p.sources}
    summary.duplicates = len(read) - sum(1 for p in papers if sources.intersection(p.sources))
    todo, cache = plan_extraction(papers, cache)
    summary.papers_new = len(todo)
    if todo:
        _extract_into(cache, todo, n_process=n_process, batch_size=batch_size, progress=progress,
                      scheduler=scheduler, extractor=extractor)
    curation = str(Path(curation).resolve()) if curation else None
    with _cache_saved_alongside(cache, out):
        save_settings({"infer_citations": infer_citations, "curation": curation, "extractor": extractor,
                       "extraction_version": version, "min_confidence": min_confidence}, out)
        G = rebuild_graph(cache, out, infer_citations=infer_citations, curation=curation,
                          min_confidence=min_confidence)
    summary.papers_total = len(cache)
    summary.min_confidence = min_confidence
    if min_confidence:
        summary.left_out = sum(1 for ext in cache.values() for e in ext.entities if e.confidence < min_confidence)
    summary.cited_works = sum(1 for _, d in G.nodes(data=True) if d.get("stub"))
    summary.saved = True
    summary.nodes, summary.edges = graph_counts(G)
    logger.info("built %d nodes and %d edges in %s", G.number_of_nodes(), G.number_of_edges(), out)
    return summary


#: From this many papers on, :func:`build` writes the extraction cache in a forked process
#: while it resolves (3 s of a 5,000-paper build's single-threaded end; forking costs ~0.1 s).
BACKGROUND_CACHE_MIN = 2000


@contextmanager
def alongside(fn: Callable[..., object], *args, fork: bool = True) -> Iterator[None]:
    """Run ``fn(*args)`` in a forked process while the body runs, and wait for it at the end.

    Resolution and the writes after it use one core; the other is free for ``fn`` (the
    extraction cache: JSON and gzip). Without ``fork`` (or where processes cannot be forked)
    ``fn`` runs here first; if the forked process fails, ``fn`` runs again here, so what it
    writes is written either way, also when the body raises.

    Example:
        >>> with alongside(save_cache, cache, "kg-out"):  # doctest: +SKIP
        ...     G = rebuild_graph(cache, "kg-out")
    """
    proc = None
    if fork and "fork" in multiprocessing.get_all_start_methods():
        proc = multiprocessing.get_context("fork").Process(target=_quietly, args=(fn, *args), name=f"kg-{fn.__name__}")
        proc.start()
    else:
        fn(*args)
    try:
        yield
    finally:
        if proc is not None:
            proc.join()
            if proc.exitcode != 0:
                logger.warning("%s failed in a background process (exit code %s): running it again here",
                               fn.__name__, proc.exitcode)
                fn(*args)


def _cache_saved_alongside(cache: dict[str, PaperExtraction], out: str | Path):
    """:func:`alongside` writing the extraction cache: forked from :data:`BACKGROUND_CACHE_MIN` papers on."""
    return alongside(save_cache, cache, out, fork=len(cache) >= BACKGROUND_CACHE_MIN)


def _quietly(fn: Callable[..., object], *args) -> None:
    """Body of :func:`alongside`'s process: a failure is an exit code (the parent runs ``fn`` again and
    reports its error), not a traceback on stderr."""
    try:
        fn(*args)
    except BaseException:  # noqa: BLE001 - reported by the parent's second run
        sys.exit(1)


def _extract_into(
    cache: dict[str, PaperExtraction], todo: list[Paper], *, n_process: int | None, batch_size: int, progress: bool,
    scheduler: str | None = None, extractor: str = DEFAULT_EXTRACTOR,
) -> None:
    if scheduler:
        from extractors.distributed import extract_on_cluster  # dask: loaded only for a cluster build

        for ext in extract_on_cluster(todo, scheduler, batch_size=batch_size, progress=progress, extractor=extractor):
            cache[ext.paper.id] = ext
        return
    from tqdm import tqdm

    from extractors.pipeline import extract_papers  # spaCy: loaded only when there is text to extract

    if n_process is None:
        n_process = 2 if len(todo) >= 500 else 1
    stream = extract_papers(todo, n_process=n_process, batch_size=batch_size, extractor=extractor)
    bar = tqdm(stream, total=len(todo), unit="paper", desc="extracting", disable=not progress or len(todo) < 50)
    for ext in bar:
        cache[ext.paper.id] = ext
