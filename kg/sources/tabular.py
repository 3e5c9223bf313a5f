"""CSV and TSV files with a header row (e.g. arXiv metadata exports).

Title and abstract columns are found by name (``title``/``titles``/``paper_title``,
``abstract``/``summary``/``summaries``/``paperAbstract``/``text``, any case) or named
with ``--title-field`` / ``--abstract-field``; a file without them gets one warning
listing the columns it has.
"""
from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from kg.sources.records import ABSTRACT_KEYS, TITLE_KEYS, generic_record, pick
from kg.sources.source import Report, Source
from kg.sources.wos import WOS_FIELDS, is_wos_header, wos_record
from schema import Paper


def _raise_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def read_table(
    source: Source, report: Report, delimiter: str = ",", *, year: int | None = None,
    title_field: str | None = None, abstract_field: str | None = None,
) -> Iterator[Paper]:
    """Papers of a CSV (``delimiter=","``) or TSV (``"\\t"``) file with a header row.

    The source of each paper is the line its row starts on.

    Example:
        >>> from schema.errors import Diagnostics
        >>> data = b'Title,summary\\nA,"B\\nb."\\nC,D.\\n'
        >>> [(p.abstract, p.sources) for p in read_table(Source("x.csv", data=data), Report(Diagnostics(), "x.csv"))]
        [('B b.', ['x.csv:2']), ('D.', ['x.csv:4'])]
    """
    _raise_field_limit()
    physical = {"line": 0}

    def numbered() -> Iterator[str]:
        for lineno, text in source.lines(report):
            physical["line"] = lineno
            yield text + "\n"

    reader = csv.reader(numbered(), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as err:
        report.warn(1, f"cannot read the header row ({err}): check the delimiter or give --format", reason="invalid record")
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    wos = is_wos_header(header)  # Web of Science tags (TI, AB...) stand for title, abstract...
    probe = {WOS_FIELDS.get(h, h) if wos else h: "x" for h in header}
    columns = ", ".join(repr(h) for h in header)
    missing = []
    if pick(probe, TITLE_KEYS, title_field)[0] is None:
        missing.append(("title", "--title-field", title_field))
    if pick(probe, ABSTRACT_KEYS, abstract_field)[0] is None:
        missing.append(("abstract", "--abstract-field", abstract_field))
    if missing:
        what = " or ".join(m[0] for m in missing)
        hints = "; ".join(f"{opt} {given!r} is not one of them" if given else f"name the {name} column with {opt}"
                          for name, opt, given in missing)
        report.warn(1, f"no {what} column among {columns}: {hints}", reason=f"no {missing[-1][0]} column")
        return
    start = physical["line"] + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            report.warn(start, f"cannot parse the row ({err}): fix its quoting", reason="invalid record")
            start = physical["line"] + 1
            continue
        line, start = start, physical["line"] + 1
        if not any(cell.strip() for cell in row):
            continue
        while len(row) > len(header) and not row[-1].strip():
            row = row[:-1]  # a trailing delimiter (Scopus) adds an empty cell, not a shifted column
        if len(row) != len(header):
            report.warn(line, f"row has {len(row)} cells but the header has {len(header)}: check quoting; "
                        "the cells were matched to columns in order (the row was read)", reason="row length")
        record = {}
        for name, cell in zip(header, row):
            record.setdefault(name, cell)  # a repeated column keeps its first cell
        if wos:
            record = wos_record(record)
        paper, problem = generic_record(record, f"{source.path}:{line}", year=year,
                                        title_field=title_field, abstract_field=abstract_field)
        if problem:
            report.warn(line, problem, reason="no abstract" if "abstract" in problem else "no title")
        if paper is not None:
            yield paper
