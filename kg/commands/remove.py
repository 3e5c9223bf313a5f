"""``kg remove PAPER_ID...``: drop papers from OUT, with whatever only they supported.

The papers leave the extraction cache and the graph is rebuilt from what remains, so
an entity, repository or result no other paper links to disappears with them, and the
counts and dates of shared entities are recomputed.
"""
from __future__ import annotations

import logging

import click

from kg.commands.query import out_option
from kg.errors import InputError, StoreError

logger = logging.getLogger(__name__)


def remove_papers(paper_ids: list[str], out: str) -> tuple[int, int, int, int]:
    """Remove ``paper_ids`` from OUT; returns (nodes before, nodes after, edges before, edges after).

    An id may also be one of a paper's external ids (``doi:...`` for a paper kept as ``arxiv:...``).

    Raises:
        InputError: an id is not a paper of OUT (nothing is changed).

    Example:
        >>> remove_papers(["arxiv:2401.00001"], "kg-out")  # doctest: +SKIP
        (120, 111, 300, 284)
    """
    from pathlib import Path

    from kg.build import CACHE_FILE, load_cache, rebuild_graph, save_cache
    from kg.store import GRAPH_FILE, load_graph

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
    save_cache(cache, out)
    G = rebuild_graph(cache, out)
    logger.info("removed %d papers from %s", len(paper_ids), out)
    n_before = before.number_of_nodes() if before is not None else 0
    e_before = before.number_of_edges() if before is not None else 0
    return n_before, G.number_of_nodes(), e_before, G.number_of_edges()


@click.command("remove")
@click.argument("paper_ids", nargs=-1, required=True)
@out_option
def remove(paper_ids, out):
    """Remove papers (by id) and whatever only they supported, then rebuild the graph."""
    ids = list(dict.fromkeys(paper_ids))
    n_before, n_after, e_before, e_after = remove_papers(ids, out)
    click.echo(f"removed {len(ids)} paper(s): nodes {n_before} -> {n_after}, edges {e_before} -> {e_after}", err=True)


commands = [remove]
