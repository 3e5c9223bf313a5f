"""OpenAlex works (https://docs.openalex.org/api-entities/works/work-object).

The abstract is rebuilt from ``abstract_inverted_index`` (word -> positions);
``referenced_works`` become :attr:`Paper.references` as ``{"openalex": "W..."}``.
"""
from __future__ import annotations

from typing import Any

from schema.names import normalize_openalex_id
from kg.sources.records import (
    ABSTRACT_KEYS,
    author_names,
    ids_from_value,
    make_paper,
    one_record,
    parse_date,
    pick,
)
from schema import Paper


def looks_like_openalex(record: dict[str, Any]) -> bool:
    """Whether ``record`` is an OpenAlex work."""
    return "abstract_inverted_index" in record or str(record.get("id", "")).startswith("https://openalex.org/")


def rebuild_abstract(inverted: dict[str, list[int]] | None) -> str:
    """The abstract text of an OpenAlex ``abstract_inverted_index``.

    Example:
        >>> rebuild_abstract({"We": [0], "study": [1], "nets.": [3], "deep": [2]})
        'We study deep nets.'
    """
    if not isinstance(inverted, dict):
        return ""
    slots: dict[int, str] = {}
    for word, positions in inverted.items():
        for pos in positions or ():
            if isinstance(pos, int):
                slots[pos] = word
    return " ".join(slots[i] for i in sorted(slots))


@one_record
def openalex_record(
    record: dict[str, Any], source: str, *, year: int | None = None,
    title_field: str | None = None, abstract_field: str | None = None,
) -> tuple[Paper | None, str | None]:
    """A paper from one OpenAlex work, or ``(None, problem)``.

    Example:
        >>> work = {"id": "https://openalex.org/W1234", "title": "A", "abstract_inverted_index": {"B.": [0]},
        ...         "referenced_works": ["https://openalex.org/W5678"]}
        >>> p, _ = openalex_record(work, "w.json:1")
        >>> p.ids, p.references
        ({'openalex': 'W1234'}, [{'openalex': 'W5678'}])
    """
    title = record.get(title_field) if title_field else (record.get("title") or record.get("display_name"))
    if abstract_field:
        abstract = record.get(abstract_field)
    else:
        abstract = rebuild_abstract(record.get("abstract_inverted_index")) or pick(record, ABSTRACT_KEYS)[1]
    name = record.get("id", "?")
    if not title or not str(title).strip():
        return None, f"OpenAlex work {name} has no title"
    if not abstract or not str(abstract).strip():
        return None, f"OpenAlex work {name} has no abstract (abstract_inverted_index is empty): skipped"
    ids: dict[str, str] = {}
    oa = normalize_openalex_id(record.get("id"))
    if oa:
        ids["openalex"] = oa
    if record.get("doi"):
        ids["doi"] = record["doi"]
    for kind, value in (record.get("ids") or {}).items():
        if isinstance(value, (str, int)) and str(value).strip():  # doi, openalex, arxiv, mag, pmid, pmcid
            ids.setdefault(kind, normalize_openalex_id(value) if kind == "openalex" else str(value))
    urls: list[str] = []
    for loc in [record.get("primary_location") or {}, *(record.get("locations") or [])]:
        if not isinstance(loc, dict):
            continue
        for key in ("landing_page_url", "pdf_url"):
            url = loc.get(key)
            if url:
                if "arxiv" not in ids and "arxiv.org/" in url:
                    ids.update({k: v for k, v in ids_from_value(url).items() if k == "arxiv"})
                if url not in urls and "doi.org/" not in url:
                    urls.append(url)
    date = parse_date(record.get("publication_date"), year) or parse_date(record.get("publication_year"))
    authors = author_names(record.get("authorships") or [])
    references = []
    for ref in record.get("referenced_works") or []:
        ref_id = normalize_openalex_id(ref)
        if ref_id:
            references.append({"openalex": ref_id})
    return make_paper(title, abstract, source=source, ids=ids, date=date, authors=authors, urls=urls,
                      references=references), None
