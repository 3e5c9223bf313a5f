"""Paper identity: stable ids and merging the same paper read from several sources.

A paper's id is ``arxiv:<id>`` when an arXiv id is known (without version),
else ``doi:<doi>`` (lower-case), else ``title:<slug>`` where the slug is the title
case-folded, stripped of accents and with every run of punctuation or whitespace
turned into one ``-`` (so "GPT-4  Technical Report." and "gpt 4 technical report"
share it). Papers with no title fall back to ``openalex:W...`` or ``s2:<paperId>``.

:func:`merge_papers` joins records of one paper: same arXiv id or DOI (or
OpenAlex / Semantic Scholar id); same title slug when the abstracts agree; same
abstract when the titles are near duplicates ("Task X (TX): ..." and "Task X: ...").
Records are compared only inside blocks sharing a key, never all pairs.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.resolve.unionfind import UnionFind
from schema import Paper
from schema.names import ID_KINDS, ids_of, paper_id, title_slug

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_PAREN = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")

#: Two abstracts of one title count as the same text from this word-set overlap on.
SAME_ABSTRACT_JACCARD = 0.8
#: Two titles of one abstract count as the same paper from this word-set overlap on.
SAME_TITLE_JACCARD = 0.5
#: Abstracts shorter than this many words are not used to match titles.
MIN_ABSTRACT_WORDS = 20
#: Characters of an abstract used as its block key.
ABSTRACT_KEY_CHARS = 400
#: At most this many distinct papers are kept (and compared) per title or abstract block.
MAX_BLOCK = 8


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text or ""))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _abstract_key(abstract: str) -> str | None:
    """Block key of an abstract: its first words (matches are then checked in full)."""
    words = _WORD.findall((abstract or "")[:ABSTRACT_KEY_CHARS].casefold())
    if len(words) < MIN_ABSTRACT_WORDS:
        return None
    return " ".join(words[:-1])  # the last word may be cut by the slice


def same_abstract(a: str, b: str) -> bool:
    """Whether two abstracts are the same text (one empty, one a prefix, or nearly equal words).

    Example:
        >>> same_abstract("We propose X. It works.", "We propose X.  It works")
        True
    """
    if not a or not b:
        return True
    wa, wb = _WORD.findall(a.casefold()), _WORD.findall(b.casefold())
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) >= MIN_ABSTRACT_WORDS and long_[: len(short)] == short:
        return True  # a truncated copy
    return _jaccard(frozenset(wa), frozenset(wb)) >= SAME_ABSTRACT_JACCARD


@lru_cache(maxsize=65536)
def _title_profile(title: str) -> tuple[str, frozenset[str], frozenset[str]]:
    words = _words(_PAREN.sub("", title or ""))
    return title_slug(title), words, frozenset(w for w in words if w.isdigit())


def near_duplicate_titles(a: str, b: str) -> bool:
    """Whether two titles name the same paper (parenthesised acronyms and punctuation aside).

    Example:
        >>> near_duplicate_titles("Task Memory Engine (TME): A Framework", "Task Memory Engine: A Framework")
        True
        >>> near_duplicate_titles("Task Memory Engine: Spatial Memory", "Deep Residual Learning")
        False
        >>> near_duplicate_titles("Benchmark Suite 2", "Benchmark Suite 3")
        False
    """
    slug_a, wa, digits_a = _title_profile(a)
    slug_b, wb, digits_b = _title_profile(b)
    if slug_a == slug_b:
        return True
    if digits_a != digits_b:
        return False  # "Llama 2" and "Llama 3" are different papers
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    return _jaccard(wa, wb) >= SAME_TITLE_JACCARD


_DATE_RANK = {10: 4, 7: 3, 4: 2}  # YYYY-MM-DD, YYYY-MM, YYYY; --MM-DD ranks 1


def _date_rank(date: str | None) -> int:
    if not date:
        return 0
    if date.startswith("--"):
        return 1
    return _DATE_RANK.get(len(date), 1)


def _union(target: list, values: Iterable) -> None:
    for value in values:
        if value not in target:
            target.append(value)


@dataclass
class _Cluster:
    """Records of one paper, merged as they arrive."""

    order: int
    members: list[Paper] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    title: str = ""
    abstract: str = ""

    def add(self, paper: Paper, ids: dict[str, str]) -> None:
        self.members.append(paper)
        for kind, value in ids.items():
            self.ids.setdefault(kind, value)
        if not self.title and paper.title:
            self.title = paper.title
        if len(paper.abstract or "") > len(self.abstract):
            self.abstract = paper.abstract

    def absorb(self, other: _Cluster) -> None:
        self.members.extend(other.members)
        for kind, value in other.ids.items():
            self.ids.setdefault(kind, value)
        if not self.title:
            self.title = other.title
        if len(other.abstract) > len(self.abstract):
            self.abstract = other.abstract

    def conflicts(self, ids: dict[str, str]) -> bool:
        """True when both know an arXiv id (or a DOI) and they differ."""
        return any(kind in self.ids and kind in ids and self.ids[kind] != ids[kind] for kind in ("arxiv", "doi"))

    def same_submission(self, paper: Paper) -> bool:
        """One paper submitted twice to arXiv: the same abstract word for word, by the same authors.

        Titles must be near duplicates too (checked by the caller). Two DOIs stay two papers
        (a journal's erratum repeats the abstract). The second arXiv id is kept as
        ``arxiv_also`` in the merged paper's ids.
        """
        if any(m.ids.get("doi") for m in self.members) and paper.ids.get("doi"):
            return False
        words = _WORD.findall(paper.abstract.casefold())
        if len(words) < MIN_ABSTRACT_WORDS or words != _WORD.findall(self.abstract.casefold()):
            return False
        authors = [a.casefold() for a in paper.authors]
        return bool(authors) and any([a.casefold() for a in m.authors] == authors for m in self.members)

    def keep_other_ids(self, other: _Cluster) -> None:
        for kind, value in other.ids.items():
            if kind in self.ids and self.ids[kind] != value:
                self.ids.setdefault(f"{kind}_also", value)


def _merged_paper(cluster: _Cluster, pid: str, order: dict[int, int]) -> Paper:
    if len(cluster.members) > 1:  # clusters joined by a later record: back to input order
        cluster.members.sort(key=lambda p: order[id(p)])
    first = cluster.members[0]
    if len(cluster.members) == 1:
        return replace(
            first, id=pid, ids=dict(cluster.ids), urls=list(first.urls), sources=list(first.sources),
            references=[dict(r) for r in first.references], authors=list(first.authors),
        )
    members = cluster.members
    real = [p for p in members if not p.stub] or members
    date = max((p.date for p in members if p.date), key=_date_rank, default=None)
    upvotes = [p.upvotes for p in members if p.upvotes is not None]
    paper = Paper(
        id=pid,
        title=cluster.title or first.title,
        abstract=cluster.abstract,
        authors_count=next((p.authors_count for p in members if p.authors_count is not None), None),
        date=date,
        upvotes=max(upvotes) if upvotes else None,
        organization=next((p.organization for p in members if p.organization), None),
        venue=next((p.venue for p in members if p.venue), None),
        ids=dict(cluster.ids),
        stub=all(p.stub for p in members),
    )
    for p in members:
        _union(paper.urls, p.urls)
        _union(paper.sources, p.sources)
        _union(paper.references, p.references)
    paper.authors = list(next((p.authors for p in real if p.authors), []))
    return paper


def merge_papers(papers: Iterable[Paper]) -> list[Paper]:
    """One :class:`Paper` per distinct paper in ``papers``, in order of first appearance.

    Records merge when they share an arXiv id, DOI, OpenAlex or Semantic Scholar id;
    when their title slugs are equal and their abstracts agree; or when their
    abstracts agree and their titles are near duplicates (same numbers, most words shared). Records with different
    abstracts never merge on the title alone, nor records with different arXiv ids.
    The merged paper keeps every source, url, id and reference, the most precise
    date, the highest upvote count and the first non-empty value of other fields.
    Ids are recomputed with :func:`paper_id`; two distinct papers with one title
    slug get ``title:<slug>~<hash of abstract>`` for every one after the first.

    Example:
        >>> a = Paper(id="x", title="Deep Nets", abstract="We study deep nets.", sources=["a.txt:1"])
        >>> b = Paper(id="y", title="Deep nets.", abstract="We study deep nets.", sources=["b.txt:9"])
        >>> [(p.id, p.sources) for p in merge_papers([a, b])]
        [('title:deep-nets', ['a.txt:1', 'b.txt:9'])]
    """
    clusters: list[_Cluster] = []
    by_id: dict[tuple[str, str], int] = {}
    by_title: dict[str, list[int]] = {}
    by_abstract: dict[str, list[int]] = {}

    sets = UnionFind()
    find = sets.find

    def union(a: int, b: int) -> int:
        a, b = find(a), find(b)
        if a == b:
            return a
        root = sets.union(a, b)
        clusters[root].absorb(clusters[b if root == a else a])
        return root

    order: dict[int, int] = {}
    for paper in papers:
        order[id(paper)] = len(order)
        ids = ids_of(paper)
        idx = len(clusters)
        clusters.append(_Cluster(order=idx))
        find(idx)
        clusters[idx].add(paper, ids)
        root = idx
        for kind in ID_KINDS:
            if kind in ids:
                other = by_id.get((kind, ids[kind]))
                if other is not None and not clusters[find(other)].conflicts(clusters[root].ids):
                    root = union(other, root)
        slug = title_slug(paper.title)
        if slug:
            for other in by_title.get(slug, [])[:MAX_BLOCK]:
                other = find(other)
                cand = clusters[other]
                if other != root and not cand.conflicts(clusters[root].ids) and same_abstract(cand.abstract, paper.abstract):
                    root = union(other, root)
                    break
        akey = _abstract_key(paper.abstract)
        if akey:
            for other in by_abstract.get(akey, [])[:MAX_BLOCK]:
                other = find(other)
                cand = clusters[other]
                if (other != root and near_duplicate_titles(cand.title, paper.title)
                        and same_abstract(cand.abstract, paper.abstract)):
                    if not cand.conflicts(clusters[root].ids):
                        root = union(other, root)
                        break
                    if cand.same_submission(paper):  # one paper under two arXiv ids
                        cand.keep_other_ids(clusters[root])
                        root = union(other, root)
                        break
        root = find(root)
        for kind, value in clusters[root].ids.items():
            if kind in ID_KINDS:
                by_id.setdefault((kind, value), root)
        for key, index in ((slug, by_title), (akey, by_abstract)):
            if key:
                block = index.setdefault(key, [])
                if len(block) < MAX_BLOCK and root not in block:
                    block.append(root)

    roots = sorted({find(i) for i in range(len(clusters))})
    out: list[Paper] = []
    used: set[str] = set()
    for r in roots:
        cluster = clusters[r]
        try:
            pid = paper_id(cluster.ids, cluster.title)
        except ValueError:  # a stub known only by an id kg does not parse
            pid = cluster.members[0].id
        if pid in used:  # same title, different abstract: a different paper
            digest = hashlib.sha1(" ".join(_WORD.findall(cluster.abstract.casefold())).encode("utf-8")).hexdigest()[:8]
            pid = f"{pid}~{digest}"
        used.add(pid)
        out.append(_merged_paper(cluster, pid, order))
    logger.info("merged %d records into %d papers", len(order), len(out))
    return out
