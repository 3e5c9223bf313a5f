"""Hugging Face "Daily Papers" pages saved as text, in any of the three layouts seen.

1. Blank-line separated, each paper followed by a metadata block::

       Title

       Abstract ...

         • 7 authors          (or an organization line: "tencent Tencent")
       ·
       Jan 15 2             (date, then upvotes when shown)

2. Blank-line separated titles and abstracts without metadata.
3. One line per title and per abstract, no blank lines; the first title may be
   glued to the page's "Subscribe" button ("SubscribeMTMamba: ...").

Each non-blank line is classified: page chrome (dropped), author count, separator,
date, organization (a short line right before "·"), or text. Text lines are titles
or abstracts by shape (an abstract is long or made of sentences). A title takes the
next abstract; a title with no abstract, or an abstract with no title, is reported
and skipped, never glued to a neighbour. Metadata lines after an abstract belong to
that paper; a date before the first paper is the page's own date and is dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.sources.records import _MONTHS, MONTH_RE, _with_year, as_int, make_paper, one_record
from kg.sources.source import Report, Source
from schema import Paper

#: Lines of the page around the papers (compared case-insensitively).
CHROME: frozenset[str] = frozenset({
    "new",
    "subscribe",
    "daily papers",
    "byak and the research community",
    "get trending papers in your email inbox!",
    "get trending papers in your email inbox once a day!",
    "trending papers",
    "submit a paper",
})
_CHROME_RE = re.compile(r"^(?:get trending papers\b.*|by\s*ak and the research community)$", re.IGNORECASE)
_GLUED_SUBSCRIBE = re.compile(r"^Subscribe(?=[A-Z0-9\"“'(\[])")
_AUTHORS = re.compile(r"^[•·*\-]?\s*(\d+)\s+authors?$", re.IGNORECASE)
_SEPARATORS = frozenset({"·", "•", "-", "—", "|"})
_DATE = re.compile(
    rf"^(?:published on\s+|submitted on\s+)?({MONTH_RE})\.?\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?(?:\s+(\d+))?$",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\s+(\d+))?$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]?\s+[A-Z(\"“]")
#: A text line at least this long is an abstract.
ABSTRACT_MIN_CHARS = 250
#: A shorter line ending with "." and with at least this many words is an abstract too.
ABSTRACT_MIN_WORDS = 12
#: An organization line is at most this long.
ORG_MAX_CHARS = 80


def is_chrome(line: str) -> bool:
    """Whether ``line`` is part of the page around the papers.

    Example:
        >>> is_chrome("Get trending papers in your email inbox!"), is_chrome("Daily Papers")
        (True, True)
        >>> is_chrome("Daily Papers for Agents: A Survey")
        False
    """
    text = line.strip()
    return text.casefold() in CHROME or bool(_CHROME_RE.match(text))


def looks_like_abstract(text: str) -> bool:
    """Whether a text line is an abstract rather than a title.

    Example:
        >>> looks_like_abstract("Self-Play Fine-Tuning Converts Weak Language Models to Strong Language Models")
        False
        >>> looks_like_abstract("We propose a method that learns to route tokens across experts at scale.")
        True
    """
    text = text.strip()
    if len(text) >= ABSTRACT_MIN_CHARS:
        return True
    words = len(text.split())
    if words >= ABSTRACT_MIN_WORDS and re.search(r"\.[\"'”’)\]]?$", text) and not text.endswith("..."):
        return True
    return words >= ABSTRACT_MIN_WORDS and len(_SENTENCE_END.findall(text)) >= 2


def parse_date_line(text: str, year: int | None = None) -> tuple[str | None, int | None] | None:
    """``(date, upvotes)`` from a card's date line, or None if ``text`` is not one.

    Example:
        >>> parse_date_line("Jan 15 2"), parse_date_line("Mar 22, 2024"), parse_date_line("Apr 18, 2024 3")
        (('--01-15', 2), ('2024-03-22', None), ('2024-04-18', 3))
        >>> parse_date_line("Jan 15", year=2025)
        ('2025-01-15', None)
    """
    text = text.strip()
    m = _DATE.match(text)
    if m:
        mon, day, y, votes = m.groups()
        date = _with_year(int(y) if y else year, _MONTHS[mon.lower()], int(day))
        return date, as_int(votes)
    m = _ISO_DATE.match(text)
    if m:
        y, mon, day, votes = m.groups()
        return _with_year(int(y), int(mon), int(day)), as_int(votes)
    return None


def parse_organization(text: str) -> str:
    """The display name of an organization line ("<handle> <name>").

    Example:
        >>> parse_organization("tencent Tencent"), parse_organization("Quark-LLM Quark")
        ('Tencent', 'Quark')
        >>> parse_organization("huggingface Hugging Face"), parse_organization("OpenAI")
        ('Hugging Face', 'OpenAI')
    """
    parts = text.strip().split(None, 1)
    return parts[1] if len(parts) == 2 else parts[0]


def _looks_like_org(text: str) -> bool:
    return 0 < len(text) <= ORG_MAX_CHARS and len(text.split()) <= 6 and not re.search(r"[.!?:]$", text)


@dataclass
class _Card:
    title: str
    title_line: int
    abstract: str = ""
    authors_count: int | None = None
    date: str | None = None
    upvotes: int | None = None
    organization: str | None = None
    has_meta: set[str] = field(default_factory=set)


def _classified(source: Source, report: Report) -> Iterator[tuple[int, str, str]]:
    """``(line, kind, text)`` for every non-blank line; kinds: chrome, authors, sep, date, org, text."""
    pending: tuple[int, str] | None = None  # a short line that may be an organization (needs lookahead)
    for lineno, raw in source.lines(report):
        text = raw.strip()
        if not text:
            continue
        if pending is not None:
            kind = "org" if text in _SEPARATORS else "text"
            yield pending[0], kind, pending[1]
            pending = None
        glued = _GLUED_SUBSCRIBE.match(text)
        if glued and not is_chrome(text):
            text = text[glued.end():].strip()
        if is_chrome(text):
            yield lineno, "chrome", text
        elif text in _SEPARATORS:
            yield lineno, "sep", text
        elif _AUTHORS.match(text):
            yield lineno, "authors", text
        elif parse_date_line(text) is not None:
            yield lineno, "date", text
        elif _looks_like_org(text):
            pending = (lineno, text)
        else:
            yield lineno, "text", text
    if pending is not None:
        yield pending[0], "text", pending[1]


def read_daily_papers(source: Source, report: Report, year: int | None = None) -> Iterator[Paper]:
    """Papers of a saved Daily Papers page (any of the three layouts).

    Sets title, abstract, authors_count, date (``--MM-DD`` when the page gave no year,
    unless ``year`` is given), upvotes, organization, urls and ``path:line`` of the title.

    Example:
        >>> from schema.errors import Diagnostics
        >>> from kg.sources.source import open_source
        >>> diag = Diagnostics(echo=False)
        >>> src = open_source("kg/data/sample_daily_papers.txt", diag)  # doctest: +SKIP
        >>> len(list(read_daily_papers(src, Report(diag, src.path))))  # doctest: +SKIP
        13
    """
    pending: tuple[int, str] | None = None  # a title waiting for its abstract
    card: _Card | None = None  # the last complete paper, still taking metadata

    def drop_pending() -> None:
        nonlocal pending
        if pending is not None:
            report.warn(pending[0], f"title without abstract ({pending[1][:60]!r}): put its abstract on the "
                        "next line or paragraph, or remove the title", reason="title without abstract")
            pending = None

    @one_record
    def convert(title: str, c: _Card) -> tuple[Paper | None, str | None]:
        return make_paper(
            title, c.abstract, source=f"{source.path}:{c.title_line}", date=c.date,
            authors_count=c.authors_count, upvotes=c.upvotes, organization=c.organization,
        ), None

    def emit(c: _Card) -> Iterator[Paper]:
        paper, problem = convert(c.title, c)
        if problem:
            report.warn(c.title_line, problem, reason="no title")
        if paper is not None:
            yield paper

    for lineno, kind, text in _classified(source, report):
        if kind in ("chrome", "sep"):
            continue
        if kind == "text":
            if looks_like_abstract(text):
                if pending is None:
                    report.warn(lineno, f"abstract without title ({text[:60]!r}...): put the title on the line "
                                "before it", reason="abstract without title")
                    if card is not None:
                        yield from emit(card)
                        card = None
                    continue
                if card is not None:
                    yield from emit(card)
                card = _Card(title=pending[1], title_line=pending[0], abstract=text)
                pending = None
            else:
                drop_pending()
                pending = (lineno, text)
            continue
        # metadata: belongs to the last paper, once per kind, and only after its abstract
        if pending is not None:
            drop_pending()
            if card is not None:
                yield from emit(card)
                card = None
            continue
        if card is None or kind in card.has_meta:
            continue  # the page's own date, or a stray line: not a paper
        card.has_meta.add(kind)
        if kind == "authors":
            card.authors_count = as_int(_authors_count(text))
        elif kind == "org":
            card.organization = parse_organization(text)
        elif kind == "date":
            card.date, card.upvotes = parse_date_line(text, year) or (None, None)
    drop_pending()
    if card is not None:
        yield from emit(card)


def _authors_count(text: str) -> str | None:
    m = _AUTHORS.match(text.strip())
    return m.group(1) if m else None
