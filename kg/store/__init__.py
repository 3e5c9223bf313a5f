"""What is kept in OUT, and how it is saved and opened.

OUT/graph.pickle  the networkx graph (written atomically: temp file + rename)
OUT/papers.jsonl.gz  the extraction cache: one paper and what was extracted from it
OUT/merge_log.jsonl  why entities were merged
OUT/cypher.lbdb  the embedded Cypher store (LadybugDB), rebuilt from the graph
                 (:mod:`kg.store.embedded`); Neo4j is loaded with ``kg neo4j push``
                 (:mod:`kg.store.neo4j`)

pandas views of a graph: :func:`nodes_frame`, :func:`edges_frame`.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

import networkx as nx

from kg.errors import StoreError
from kg.store.frames import edges_frame, nodes_frame

__all__ = ["GRAPH_FILE", "atomic_write_bytes", "edges_frame", "load_graph", "nodes_frame", "save_graph",
           "sync_embedded"]

GRAPH_FILE = "graph.pickle"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename."""
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
    except (pickle.UnpicklingError, EOFError, AttributeError) as err:
        raise StoreError(f"{path} is damaged ({err}): rebuild it with 'kg build'") from err


def sync_embedded(G: nx.MultiDiGraph, out: str | Path) -> Path:
    """Rebuild the embedded Cypher store of OUT from ``G`` (call after :func:`save_graph`).

    Example:
        >>> save_graph(G, "kg-out"); sync_embedded(G, "kg-out")  # doctest: +SKIP
    """
    from kg.store.embedded import write_embedded

    return write_embedded(G, out)
