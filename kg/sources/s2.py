"""Semantic Scholar papers (Graph API paper objects and the older corpus records).

https://api.semanticscholar.org/api-docs/graph: ``paperId``, ``externalIds``
(``ArXiv``, ``DOI``...), ``title``, ``abstract``, ``publicationDate``/``year``,
``authors``, ``references`` (paper objects). The S2 Open Research Corpus used
``id``, ``paperAbstract``, ``doi`` and ``outCitations`` (paper ids).
"""
from __future__ import annotations

from typing import Any

from schema.names import normalize_ids
from kg.sources.records import author_names, clean_text, make_paper, one_record, parse_date
from schema import Paper


def looks_like_s2(record: dict[str, Any]) -> bool:
    """Whether ``record`` is a Semantic Scholar paper."""
    return "paperId" in record or "externalIds" in record or "outCitations" in record


def _external(ids: dict[str, Any] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in (ids or {}).items():
        kind = {"arxiv": "arxiv", "doi": "doi"}.get(str(key).lower())
        if kind and value:
            out[kind] = str(value)
    return out


def s2_reference(ref: Any) -> dict[str, str]:
    """Identifiers of one cited paper (a paper object, ``{"citedPaper": ...}`` or a paper id).

    Example:
        >>> s2_reference({"paperId": "A" * 40, "externalIds": {"ArXiv": "1706.03762"}, "title": "Attention"})
        {'s2': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'arxiv': '1706.03762', 'title': 'Attention'}
    """
    if isinstance(ref, str):
        return normalize_ids({"s2": ref})
    if not isinstance(ref, dict):
        return {}
    if isinstance(ref.get("citedPaper"), dict):
        ref = ref["citedPaper"]
    out = normalize_ids({"s2": ref.get("paperId") or "", **_external(ref.get("externalIds"))})
    if ref.get("title"):
        out["title"] = clean_text(ref["title"])
    return out


@one_record
def s2_record(
    record: dict[str, Any], source: str, *, year: int | None = None,
    title_field: str | None = None, abstract_field: str | None = None,
) -> tuple[Paper | None, str | None]:
    """A paper from one Semantic Scholar record, or ``(None, problem)``.

    Example:
        >>> p, _ = s2_record({"paperId": "b" * 40, "title": "A", "abstract": "B.",
        ...                   "externalIds": {"ArXiv": "2401.00001", "DOI": "10.1234/X"}}, "s.json:1")
        >>> p.id, sorted(p.ids)
        ('arxiv:2401.00001', ['arxiv', 'doi', 's2'])
    """
    if isinstance(record.get("citedPaper"), dict):
        record = record["citedPaper"]
    title = record.get(title_field or "title")
    abstract = record.get(abstract_field) if abstract_field else (record.get("abstract") or record.get("paperAbstract"))
    name = record.get("paperId") or record.get("id") or "?"
    if not clean_text(title):
        return None, f"Semantic Scholar paper {name} has no title"
    if not clean_text(abstract):
        return None, f"Semantic Scholar paper {name} has no abstract (request fields=abstract): skipped"
    ids = {"s2": record.get("paperId") or record.get("id") or "", **_external(record.get("externalIds"))}
    if record.get("doi"):
        ids.setdefault("doi", record["doi"])
    if record.get("arxivId"):
        ids.setdefault("arxiv", record["arxivId"])
    date = parse_date(record.get("publicationDate"), year) or parse_date(record.get("year"))
    urls = [u for u in (record.get("url"), record.get("s2Url")) if u]
    refs = record.get("references")
    if refs is None:
        refs = record.get("outCitations") or []
    references = [r for r in (s2_reference(x) for x in refs) if r]
    return make_paper(title, abstract, source=source, ids=ids, date=date, authors=author_names(record.get("authors")),
                      urls=urls, references=references), None
