"""Web of Science exports: "Tab-delimited" (a TSV whose header is two-letter tags) and
"Plain text" (one ``TAG value`` line per field, continuation lines indented, ``ER`` ends a record).

Tags used (https://webofscience.help.clarivate.com, "Field tags"): ``TI`` title, ``AB`` abstract,
``AF``/``AU`` authors ("Last, First"), ``PY`` year, ``PD`` publication date, ``DI`` DOI,
``SO`` source (venue), ``UT`` accession number (``WOS:...``), ``PM`` PubMed id.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.sources.records import generic_record
from kg.sources.source import Report, Source
from schema import Paper

#: WoS tag -> generic record field (read by :func:`kg.sources.records.generic_record`).
WOS_FIELDS: dict[str, str] = {
    "TI": "title", "AB": "abstract", "PY": "year", "DI": "doi", "SO": "venue",
}
#: A header or record holding these tags is Web of Science.
WOS_SIGNATURE: frozenset[str] = frozenset({"PT", "TI", "AB"})


def is_wos_header(cells: list[str]) -> bool:
    """Whether a header row is a Web of Science tab-delimited header.

    Example:
        >>> is_wos_header(["PT", "AU", "TI", "SO", "AB", "PY"]), is_wos_header(["Title", "Abstract"])
        (True, False)
    """
    return WOS_SIGNATURE <= {c.strip().lstrip("\ufeff") for c in cells}


def wos_record(tags: dict[str, str | list[str]]) -> dict[str, object]:
    """A generic record (title, abstract, authors, ids...) from WoS ``tag -> value``.

    Example:
        >>> r = wos_record({"TI": "A", "AB": "B.", "AF": "Hassan, Syed; Power, David", "UT": "WOS:000123"})
        >>> r["title"], r["authors"], r["ids"]
        ('A', ['Syed Hassan', 'David Power'], {'wos': 'WOS:000123'})
    """
    def text(tag: str) -> str:
        value = tags.get(tag) or ""
        return " ".join(value) if isinstance(value, list) else value

    record: dict[str, object] = {field: text(tag) for tag, field in WOS_FIELDS.items() if text(tag)}
    names = tags.get("AF") or tags.get("AU") or []
    names = names if isinstance(names, list) else str(names).split(";")
    record["authors"] = [_first_last(n) for n in names if n.strip()]
    ids = {"wos": text("UT"), "pmid": text("PM")}
    record["ids"] = {k: v for k, v in ids.items() if v}
    if text("PD") and text("PY"):
        record["date"] = f"{text('PD')} {text('PY')}"
    return record


def _first_last(name: str) -> str:
    last, sep, first = name.strip().partition(",")
    return " ".join(f"{first} {last}".split()) if sep else " ".join(name.split())


def read_wos_tagged(source: Source, report: Report, *, year: int | None = None, **_options) -> Iterator[Paper]:
    """Papers of a Web of Science "Plain text" export.

    Example:
        >>> from schema.errors import Diagnostics
        >>> data = b"FN Clarivate Analytics Web of Science\\nVR 1.0\\nPT J\\nAU Doe, J\\n   Roe, R\\nTI Deep\\n   nets\\nAB We study.\\nER\\nEF\\n"
        >>> [(p.title, p.authors) for p in read_wos_tagged(Source("s.txt", data=data), Report(Diagnostics(), "s.txt"))]
        [('Deep nets', ['J Doe', 'R Roe'])]
    """
    tags: dict[str, list[str]] = {}
    last: str | None = None
    start: int | None = None
    for lineno, line in source.lines(report):
        if not line.strip():
            continue
        if line.startswith("   ") and last:
            tags[last].append(line.strip())
            continue
        tag, _, value = line.partition(" ")
        if tag == "ER":
            if tags:
                yield from _emit(tags, f"{source.path}:{start}", start, report, year)
            tags, last, start = {}, None, None
            continue
        if tag in ("FN", "VR", "EF"):
            continue
        start = start or lineno
        last = tag
        tags.setdefault(tag, []).append(value.strip())
    if tags:
        report.warn(start, "record without its closing ER line: read anyway; check the export is complete",
                    reason=None)
        yield from _emit(tags, f"{source.path}:{start}", start, report, year)


def _emit(tags: dict[str, list[str]], where: str, line: int | None, report: Report,
          year: int | None) -> Iterator[Paper]:
    multi = {"AU", "AF"}
    flat = {t: (v if t in multi else " ".join(v)) for t, v in tags.items()}
    paper, problem = generic_record(wos_record(flat), where, year=year)
    if problem:
        report.warn(line, problem, reason="no abstract" if "abstract" in problem else "no title")
    if paper is not None:
        yield paper
