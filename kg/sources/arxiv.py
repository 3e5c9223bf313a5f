"""arXiv API responses: Atom XML feeds (https://info.arxiv.org/help/api/user-manual.html).

Each ``<entry>`` gives the arXiv id (from ``<id>``, without version), title,
``<summary>`` (the abstract), ``<published>`` date, authors, ``<arxiv:doi>`` and links.
The feed is parsed incrementally, so large feeds are not held in memory.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from kg.sources.records import clean_text, ids_from_value, make_paper, one_record, parse_date
from kg.sources.source import Report, Source
from schema import Paper

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"


@one_record
def _entry_paper(entry: ET.Element, source: str, year: int | None) -> tuple[Paper | None, str | None]:
    def text(tag: str) -> str:
        el = entry.find(tag)
        return clean_text(el.text) if el is not None and el.text else ""

    entry_id = text(f"{ATOM}id")
    title, abstract = text(f"{ATOM}title"), text(f"{ATOM}summary")
    if "/api/errors" in entry_id:
        return None, f"the arXiv API returned an error: {abstract or title}"
    if not title:
        return None, f"entry {entry_id or '?'} has no <title>"
    if not abstract:
        return None, f"entry {entry_id or '?'} has no <summary> (abstract)"
    ids = dict(ids_from_value(entry_id))
    doi = text(f"{ARXIV}doi")
    if doi:
        ids["doi"] = doi
    authors = [clean_text(a.findtext(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")]
    date = parse_date(text(f"{ATOM}published"), year)
    return make_paper(title, abstract, source=source, ids=ids, date=date, authors=authors), None


def read_arxiv_atom(source: Source, report: Report, *, year: int | None = None, **_options) -> Iterator[Paper]:
    """Papers of an arXiv Atom feed; a malformed feed keeps the entries before the error.

    Example:
        >>> from schema.errors import Diagnostics
        >>> data = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id>'
        ...         b'<title>A</title><summary>B.</summary></entry></feed>')
        >>> [p.id for p in read_arxiv_atom(Source("q.xml", data=data), Report(Diagnostics(), "q.xml"))]
        ['arxiv:2401.00001']
    """
    parser = ET.XMLPullParser(events=("start", "end"))
    entry_line: int | None = None
    lineno = 0
    seen_feed = False
    entries = 0
    try:
        for lineno, text in source.lines(report):
            parser.feed(text + "\n")
            for event, elem in parser.read_events():
                if event == "start":
                    if elem.tag == f"{ATOM}feed":
                        seen_feed = True
                    if elem.tag == f"{ATOM}entry":
                        entry_line = lineno
                        entries += 1
                    continue
                if elem.tag != f"{ATOM}entry":
                    continue
                paper, problem = _entry_paper(elem, f"{source.path}:{entry_line}", year)
                if problem:
                    report.warn(entry_line, problem, reason="no abstract" if "abstract" in problem else "invalid record")
                elem.clear()
                if paper is not None:
                    yield paper
        parser.close()
    except ET.ParseError as err:
        line = err.position[0] if getattr(err, "position", None) else lineno
        report.warn(line, f"malformed XML ({err}): entries before this point were read", reason="invalid XML")
        return
    if not seen_feed:
        report.warn(None, "XML without an Atom <feed>: expected an arXiv API response", reason="invalid XML")
    elif entries == 0:
        report.empty_page = True
