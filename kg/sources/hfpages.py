"""Hugging Face papers pages captured as text (a browser's text dump, a notebook "web page" export).

Two shapes are seen; both hold the page's chrome (menus, "Subscribe"...) around paper cards:

1. Markdown-like (w3m/lynx): ``### [Title][12]``, the abstract between ``[`` and ``][13]``,
   then ``* 3 authors``, ``·``, the date; the upvote count comes just before the title.
2. Links on their own lines: the title, then ``https://huggingface.co/papers/<arXiv id>``,
   the abstract, the link again, ``N authors](...)``, ``·``, the date.

A card is anchored on its title (a ``###`` heading, or the line before a paper link), so
page chrome is never taken for a paper. The arXiv id comes from the paper link when there is one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.sources.dailypapers import looks_like_abstract, parse_date_line
from kg.sources.records import as_int, make_paper, one_record
from kg.sources.source import Report, Source
from schema import Paper

_HEADING = re.compile(r"^#{2,4}\s*\[(.+)\]\[\d+\]\s*$")
_PAPER_LINK = re.compile(r"^\s*https?://huggingface\.co/papers/(\d{4}\.\d{4,5})/?\s*$")
_AUTHORS = re.compile(r"(\d+)\s+authors?\b", re.IGNORECASE)
_UPVOTES = re.compile(r"^\s*(?:\[-\]\s*)?(\d+|-)\s*$")
_LINK_TAIL = re.compile(r"\s*\[[^\]]*\]\[\d+\]\s*$|\s*\]\[\d+\]\s*$")


def is_hf_capture(head: str) -> bool:
    """Whether a text file is a captured Hugging Face papers page with links.

    Example:
        >>> is_hf_capture("x\\n### [A Title][32]\\n[\\nAbstract.\\n][33]\\n")
        True
        >>> is_hf_capture("A Title\\nAn abstract.\\n")
        False
    """
    lines = head.splitlines()
    if any(_HEADING.match(line) for line in lines):
        return True
    return "huggingface.co/papers" in head and any(_PAPER_LINK.match(line) for line in lines)


def _anchors(lines: list[str]) -> list[tuple[int, str, str | None]]:
    """``(index, title, arXiv id)`` of each card's title line."""
    found: list[tuple[int, str, str | None]] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if m:
            found.append((i, m.group(1).strip(), None))
            continue
        m = _PAPER_LINK.match(line)
        if not m or m.group(1) in seen:
            continue
        seen.add(m.group(1))
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        title = lines[j].strip() if j >= 0 else ""
        if title and "://" not in title and not looks_like_abstract(title):
            found.append((j, title, m.group(1)))
    return found


def _paragraphs(lines: list[str]) -> list[str]:
    paras, cur = [], []
    for line in lines:
        text = line.strip()
        if text in ("[", "") or re.fullmatch(r"\]\[\d+\]", text) or "://" in text and " " not in text:
            if cur:
                paras.append(" ".join(cur))
                cur = []
            continue
        cur.append(text)
    if cur:
        paras.append(" ".join(cur))
    return paras


def read_hf_capture(source: Source, report: Report, *, year: int | None = None, **_options) -> Iterator[Paper]:
    """Papers of a captured Hugging Face papers page (title, abstract, arXiv id, authors count, date, upvotes)."""
    numbered = list(source.lines(report))
    lines = [text for _, text in numbered]
    anchors = _anchors(lines)
    if not anchors:
        return
    for n, (i, title, arxiv) in enumerate(anchors):
        end = anchors[n + 1][0] if n + 1 < len(anchors) else len(lines)
        body = lines[i + 1:end]
        abstract = next((p for p in _paragraphs(body) if looks_like_abstract(p)), "")
        lineno = numbered[i][0]
        if not abstract:
            report.warn(lineno, f"card {title[:60]!r} has no abstract: skipped", reason="no abstract")
            continue
        authors = next((as_int(m.group(1)) for m in map(_AUTHORS.search, body) if m), None)
        date = None
        for text in body:
            parsed = parse_date_line(_LINK_TAIL.sub("", text.strip()), year)
            if parsed and parsed[0]:
                date = parsed[0]
                break
        paper, problem = _card(title, abstract, f"{source.path}:{lineno}", arxiv, date, authors,
                               _upvotes_before(lines, i, anchors[n - 1][0] if n else 0))
        if problem:
            report.warn(lineno, problem, reason="no title")
        if paper is not None:
            yield paper


def _upvotes_before(lines: list[str], title_at: int, previous: int) -> int | None:
    """The upvote count shown just before a card's title (``[ 65 ][35]``, `` [-] 1``)."""
    for text in reversed(lines[previous + 1:title_at]):
        stripped = _LINK_TAIL.sub("", text.strip()).strip("[] ")
        if parse_date_line(stripped) or _AUTHORS.search(text):
            return None
        m = _UPVOTES.match(stripped)
        if m:
            return as_int(m.group(1)) if m.group(1) != "-" else None
    return None


@one_record
def _card(title, abstract, where, arxiv, date, authors, upvotes) -> tuple[Paper | None, str | None]:
    return make_paper(title, abstract, source=where, ids={"arxiv": arxiv} if arxiv else {}, date=date,
                      authors_count=authors, upvotes=upvotes), None
