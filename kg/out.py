"""What an OUT folder holds, how each file is written atomically and read back.

OUT/graph.pickle     the networkx graph (:func:`save_graph`, :func:`load_graph`)
OUT/papers.jsonl.gz  the extraction cache: one paper and what was extracted from it a line
                     (:func:`save_cache`, :func:`load_cache`)
OUT/merge_log.jsonl  why entities were merged (:func:`save_merge_log`, :func:`read_merge_log`)
OUT/build.json       the resolution options of the last build (``--infer-citations``,
                     ``--curation``), so ``kg remove`` rebuilds the graph the same way
OUT/cypher.lbdb      the embedded Cypher store, rebuilt from the graph by
                     :mod:`kg.stores.embedded`; Neo4j is loaded with ``kg neo4j push``

Every file is written through a temp file in the same folder and a rename, so a build
that fails half-way never leaves a torn file behind.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

from schema import PaperExtraction, extraction_from_dict, extraction_to_dict
from schema.errors import Diagnostics, StoreError
from schema.jsonl import iter_jsonl

__all__ = [
    "CACHE_FILE", "DB_FILE", "GRAPH_FILE", "MERGE_LOG_FILE", "SETTINGS_FILE", "atomic_write_bytes", "load_cache",
    "load_graph", "load_settings", "read_merge_log", "save_cache", "save_graph", "save_merge_log", "save_settings",
]

GRAPH_FILE = "graph.pickle"
CACHE_FILE = "papers.jsonl.gz"
MERGE_LOG_FILE = "merge_log.jsonl"
DB_FILE = "cypher.lbdb"
SETTINGS_FILE = "build.json"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_graph(G: nx.MultiDiGraph, out: str | Path) -> Path:
    """Save ``G`` in OUT atomically; returns the file written."""
    path = Path(out) / GRAPH_FILE
    atomic_write_bytes(path, pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def load_graph(out: str | Path) -> nx.MultiDiGraph:
    """Open the graph saved in OUT."""
    path = Path(out) / GRAPH_FILE
    if not path.exists():
        raise StoreError(f"no graph in {out}: run 'kg build INPUT -o {out}' first")
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (pickle.UnpicklingError, EOFError, AttributeError, ModuleNotFoundError) as err:
        raise StoreError(f"{path} is damaged or from another version ({err}): rebuild it with 'kg build'") from err


def load_cache(out: str | Path) -> dict[str, PaperExtraction]:
    """The extraction cache of OUT, by paper id (empty when OUT is new)."""
    path = Path(out) / CACHE_FILE
    if not path.exists():
        return {}
    cache: dict[str, PaperExtraction] = {}
    fix = "the extraction cache is damaged: build OUT again from its inputs with 'kg build' into a new folder"
    try:
        for lineno, data in iter_jsonl(path):
            if isinstance(data, json.JSONDecodeError):
                raise StoreError(f"{path}:{lineno}: damaged cache line, not JSON ({data.msg}): {fix}")
            try:
                ext = extraction_from_dict(data)
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                raise StoreError(f"{path}:{lineno}: damaged cache record ({err!r}): {fix}") from err
            cache[ext.paper.id] = ext
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise StoreError(f"{path} cannot be read ({err}): {fix}") from err
    return cache


def save_cache(cache: dict[str, PaperExtraction], out: str | Path) -> None:
    """Write the extraction cache, sorted by paper id (a fixed gzip time: same input, same bytes).

    Compression level 6 (gzip's own default): twice as fast as Python's 9 for 2% more bytes.
    """
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=6) as gz:
        for paper_id in sorted(cache):
            gz.write((json.dumps(extraction_to_dict(cache[paper_id]), ensure_ascii=False) + "\n").encode("utf-8"))
    atomic_write_bytes(Path(out) / CACHE_FILE, buf.getvalue())


def save_merge_log(entries: list[dict], out: str | Path) -> None:
    data = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
    atomic_write_bytes(Path(out) / MERGE_LOG_FILE, data.encode("utf-8"))


def read_merge_log(out: str | Path, diag: Diagnostics | None = None) -> list[dict[str, Any]]:
    """The entries of OUT/merge_log.jsonl ([] when there is none); bad lines are reported and skipped.

    Example:
        >>> read_merge_log("kg-out")[0]["rule"]  # doctest: +SKIP
        'abbreviation'
    """
    path = Path(out) / MERGE_LOG_FILE
    if not path.exists():
        return []
    diag = diag or Diagnostics()
    entries = []
    for lineno, entry in iter_jsonl(path):
        if isinstance(entry, json.JSONDecodeError):
            diag.warn(path, lineno, f"not JSON ({entry.msg}): rebuild the graph with 'kg build'", reason="bad merge-log line")
        elif isinstance(entry, dict):
            entries.append(entry)
        else:
            diag.warn(path, lineno, "expected a JSON object: rebuild the graph with 'kg build'", reason="bad merge-log line")
    return entries


def save_settings(settings: dict[str, Any], out: str | Path) -> None:
    """Keep the resolution options of a build (JSON values) in OUT."""
    atomic_write_bytes(Path(out) / SETTINGS_FILE, (json.dumps(settings, sort_keys=True) + "\n").encode("utf-8"))


def load_settings(out: str | Path) -> dict[str, Any]:
    """The options :func:`save_settings` kept ({} for an OUT built before they were kept)."""
    path = Path(out) / SETTINGS_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise StoreError(f"{path} is damaged ({err.msg}): rebuild with 'kg build'") from err
    return data if isinstance(data, dict) else {}
