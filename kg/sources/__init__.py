"""Input readers: files of titles and abstracts in many formats -> :class:`~schema.Paper`.

:func:`read_papers` streams papers from files (or folders of files, or ``-`` for
stdin). The format is recognised from the content (``--format`` forces one);
gzip is read transparently. Problems in one file or record are reported through
:class:`~schema.errors.Diagnostics` as one line naming the file and line, and the
rest of the input is read.

Formats: ``dailypapers`` (saved Hugging Face Daily Papers pages, plain or captured
with links), ``jsonl``, ``json`` (lists, ``results``-style envelopes, JSON Feed, one
object keyed by id), ``csv``, ``tsv`` (Scopus, IEEE Xplore, arXiv snapshot, Web of
Science tab-delimited headers), ``arxiv`` (Atom XML from the arXiv API), ``openalex``
(works), ``s2`` (Semantic Scholar papers), ``bibtex`` and ``wos`` (Web of Science
plain-text export). Abstracts are cut at :data:`MAX_ABSTRACT_CHARS`.
"""
from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from schema.errors import Diagnostics, InputError
from kg.sources.arxiv import read_arxiv_atom
from kg.sources.bibtex import read_bibtex
from kg.sources.dailypapers import read_daily_papers
from kg.sources.hfpages import is_hf_capture, read_hf_capture
from kg.sources.jsonfmt import read_json, read_jsonl
from kg.sources.records import ABSTRACT_KEYS, TITLE_KEYS, field_key
from kg.sources.source import Report, Source, expand_inputs, open_source
from kg.sources.tabular import read_table
from kg.sources.wos import is_wos_header, read_wos_tagged
from schema import Paper

logger = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("dailypapers", "jsonl", "json", "csv", "tsv", "arxiv", "openalex", "s2", "bibtex", "wos")
#: Abstracts longer than this are cut here, with a warning naming the record: such "abstracts"
#: are whole reports or tables of contents, and would give one paper hundreds of nodes.
MAX_ABSTRACT_CHARS = 10_000
_EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".bib": "bibtex", ".bibtex": "bibtex", ".xml": "arxiv", ".atom": "arxiv",
}
_HEADER_CELL = re.compile(r"^[A-Za-z_][\w.\-]{0,40}$")

__all__ = ["FORMATS", "detect_format", "read_papers"]


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _header_format(first: str, title_field: str | None, abstract_field: str | None) -> str | None:
    known = set(TITLE_KEYS) | set(ABSTRACT_KEYS)
    known |= {field_key(f) for f in (title_field, abstract_field) if f}
    for fmt, delim in (("tsv", "\t"), ("csv", ",")):
        if delim not in first:
            continue
        try:
            cells = next(csv.reader([first], delimiter=delim))
        except (csv.Error, StopIteration):
            continue
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()  # a trailing delimiter
        if is_wos_header(cells):
            return fmt
        if len(cells) < 2:
            continue
        if any(field_key(c) in known for c in cells):
            return fmt
        if all(_HEADER_CELL.match(c) for c in cells):
            return fmt
    return None


def detect_format(head: str, name: str = "", title_field: str | None = None, abstract_field: str | None = None) -> str:
    """The format of a file from its first characters (and its name as a hint).

    Example:
        >>> detect_format('{"title": "A", "abstract": "B"}\\n{"title": "C", "abstract": "D"}')
        'jsonl'
        >>> detect_format("titles,summaries,terms\\n"), detect_format("<?xml version='1.0'?><feed>")
        ('csv', 'arxiv')
        >>> detect_format("Get trending papers in your email inbox!\\nSubscribeA Title\\n")
        'dailypapers'
    """
    text = head.lstrip("\ufeff \t\r\n")
    ext = Path(name).suffix.lower()
    if text.startswith("<"):
        return "arxiv"
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        lines = [line for line in text.splitlines() if line.strip()]
        complete = head.count("\n") >= 1
        if lines and (_is_json_object(lines[0]) or (len(lines) > 1 and complete and _is_json_object(lines[1]))):
            return "jsonl"
        if ext in (".jsonl", ".ndjson") or (lines and not complete and len(lines[0]) > 1000):
            return "jsonl"
        return "json"
    if re.match(r"(?:%[^\n]*\n\s*)*@\s*[A-Za-z]+\s*[{(]", text):
        return "bibtex"
    if re.match(r"(?:FN [^\n]*\n(?:VR [^\n]*\n)?\s*)?PT [A-Z]\s*\n", text):
        return "wos"
    if ext in (".csv", ".tsv", ".tab"):
        return _EXTENSIONS[ext]
    first = text.splitlines()[0] if text else ""
    found = _header_format(first, title_field, abstract_field)
    if found:
        return found
    if ext in (".bib", ".bibtex"):
        return "bibtex"
    return "dailypapers"


def _reader_for(fmt: str, source: Source):
    if fmt == "dailypapers":
        if is_hf_capture(source.head_text()):
            return read_hf_capture
        return lambda src, rep, year=None, **_: read_daily_papers(src, rep, year)
    if fmt in ("csv", "tsv"):
        return partial(read_table, delimiter="," if fmt == "csv" else "\t")
    if fmt == "arxiv":
        return read_arxiv_atom
    if fmt == "bibtex":
        return read_bibtex
    if fmt == "wos":
        return read_wos_tagged
    if fmt in ("jsonl", "json"):
        return partial(read_jsonl if fmt == "jsonl" else read_json, fmt=fmt)
    # openalex / s2: the container is whichever JSON shape the file has
    shape = detect_format(source.head_text(), source.name)
    reader = read_jsonl if shape == "jsonl" else read_json
    return partial(reader, fmt=fmt)


def _read_one(path: str, fmt: str | None, year: int | None, diag: Diagnostics,
              title_field: str | None, abstract_field: str | None) -> Iterator[Paper]:
    source = open_source(path, diag)
    if source is None:
        return
    chosen = fmt or detect_format(source.head_text(), source.name, title_field, abstract_field)
    logger.info("reading %s as %s", path, chosen)
    report = Report(diag, path)
    reader = _reader_for(chosen, source)
    produced = 0
    try:
        for paper in reader(source, report, year=year, title_field=title_field, abstract_field=abstract_field):
            produced += 1
            yield _cut_abstract(paper, report)
    except OSError as err:
        report.warn(None, f"read failed ({err}): check the file", reason="unreadable file")
    finally:
        report.close()
    if produced == 0 and report.count == 0:
        if report.empty_page:
            diag.warn(path, None, f"valid {chosen} page with no record (an empty result): nothing to read",
                      reason="empty page")
        else:
            hint = "" if fmt else f" (read as {chosen}; force another format with --format)"
            diag.warn(path, None, f"no paper found{hint}", reason="no paper found")
    logger.info("read %d papers from %s", produced, path)


def _cut_abstract(paper: Paper, report: Report) -> Paper:
    """``paper`` with its abstract cut at :data:`MAX_ABSTRACT_CHARS` (at a word boundary), with a warning."""
    if len(paper.abstract) <= MAX_ABSTRACT_CHARS:
        return paper
    where = paper.sources[0] if paper.sources else report.path
    line = where.rsplit(":", 1)[-1]
    cut = paper.abstract[:MAX_ABSTRACT_CHARS]
    cut = cut[:cut.rfind(" ")] if " " in cut[-200:] else cut
    report.warn(int(line) if line.isdigit() else None,
                f"abstract of {paper.title[:60]!r} has {len(paper.abstract):,} characters: cut at "
                f"{MAX_ABSTRACT_CHARS:,} (is it the whole text rather than the abstract?)", reason="long abstract")
    paper.abstract = cut
    return paper


def read_papers(
    inputs: Iterable[str | Path],
    fmt: str | None = None,
    year: int | None = None,
    diag: Diagnostics | None = None,
    title_field: str | None = None,
    abstract_field: str | None = None,
) -> Iterator[Paper]:
    """Stream the papers of ``inputs`` (files, folders of files, ``-`` for stdin).

    Args:
        inputs: paths to read, in order.
        fmt: force a format (one of :data:`FORMATS`); detected per file when None.
        year: year for dates given without one ("Jan 15"); such dates otherwise
            stay ``--01-15``.
        diag: collects one warning per problem (missing, empty, binary file; bad
            line...); a fresh one printing to stderr when None.
        title_field: column or key holding the title, when not a usual name.
        abstract_field: column or key holding the abstract, when not a usual name.

    Yields:
        One :class:`~schema.Paper` per record, not yet merged across files
        (see :func:`kg.resolve.papers.merge_papers`).

    Raises:
        InputError: ``fmt`` is not a known format.

    Example:
        >>> from schema.errors import Diagnostics
        >>> papers = read_papers(["kg/data/sample_daily_papers.txt"], diag=Diagnostics())  # doctest: +SKIP
        >>> next(papers).sources  # doctest: +SKIP
        ['kg/data/sample_daily_papers.txt:13']
    """
    if fmt is not None:
        fmt = fmt.strip().lower()
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    diag = diag if diag is not None else Diagnostics()
    return _read_all(list(inputs), fmt, year, diag, title_field, abstract_field)


def _read_all(inputs, fmt, year, diag, title_field, abstract_field) -> Iterator[Paper]:
    for path in expand_inputs(inputs, diag):
        yield from _read_one(path, fmt, year, diag, title_field, abstract_field)
