"""BibTeX files whose entries carry an ``abstract`` field.

A small entry splitter: ``@type{key, field = {value} | "value" | number | macro}``
with nested braces, ``#`` concatenation, ``@string`` macros and ``%`` comment lines
between fields; ``@comment`` and ``@preamble`` are skipped. Field text goes through
pylatexenc, so LaTeX accents and escapes (``P\\r{a}l``, ``Bal\\'azs``, ``\\{``) become text.
Each entry is read on its own: a broken one is reported and the next is read.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kg.sources.records import (
    _MONTHS,
    LATEX,
    clean_text,
    format_date,
    ids_from_value,
    make_paper,
    one_record,
)
from kg.sources.source import Report, Source
from schema import Paper

_FIELD = re.compile(r"(?:\s*(?:%[^\n]*)?\n)*\s*,?(?:\s*%[^\n]*\n)*\s*([A-Za-z][\w\-:.]*)\s*=\s*")
#: Fields naming where an entry appeared, in order of preference.
_VENUE_FIELDS = ("journal", "booktitle", "journaltitle", "series", "publisher")
_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")


class BibError(ValueError):
    """An entry cannot be parsed."""


def latex_to_text(value: str) -> str:
    """BibTeX field text as plain text: braces dropped, accents and escapes resolved (pylatexenc).

    Math stays as written (``$O(n^2)$``).

    Example:
        >>> latex_to_text(r"{M}ixture of {E}xperts for G{\\"o}del \\& Co.~{\\'E}tudes, P\\r{a}l")
        'Mixture of Experts for Gödel & Co. Études, Pål'
    """
    if "\\" not in value and "{" not in value and "~" not in value:
        return clean_text(value)
    try:
        text = LATEX.latex_to_text(value)
    except Exception:  # noqa: BLE001 - pylatexenc raises several kinds on broken LaTeX; keep the raw text
        text = value.replace("{", "").replace("}", "")
    return clean_text(unicodedata.normalize("NFC", text))


def _read_braced(text: str, pos: int, close: str, escapes: bool = True) -> tuple[str, int]:
    """Content from ``text[pos]`` (just after an opening delimiter) to its matching ``close``.

    With ``escapes``, ``\\{`` and ``\\}`` are not counted (Zotero, an unbalanced ``\\{``);
    without, every brace counts as BibTeX itself does (Web of Science writes ``\\{x\\}`` pairs).
    """
    depth = 0
    start = pos
    while pos < len(text):
        ch = text[pos]
        if ch == "\\" and escapes:
            pos += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}" and depth > 0:
            depth -= 1
        elif ch == close and depth == 0:
            return text[start:pos], pos + 1
        pos += 1
    raise BibError("unbalanced braces: the entry never closes")


def _parse_value(body: str, pos: int, macros: dict[str, str], escapes: bool = True) -> tuple[str, int]:
    parts: list[str] = []
    while True:
        while pos < len(body) and body[pos].isspace():
            pos += 1
        if pos >= len(body):
            break
        ch = body[pos]
        if ch == "{":
            part, pos = _read_braced(body, pos + 1, "}", escapes)
        elif ch == '"':
            part, pos = _read_braced(body, pos + 1, '"', escapes)
        else:
            m = re.match(r"[^\s,#}]+", body[pos:])
            if not m:
                raise BibError(f"unexpected {ch!r} in a field value")
            word = m.group(0)
            part = macros.get(word.lower(), word)
            pos += len(word)
        parts.append(part)
        while pos < len(body) and body[pos].isspace():
            pos += 1
        if pos < len(body) and body[pos] == "#":
            pos += 1
            continue
        break
    return "".join(parts), pos


def parse_fields(body: str, macros: dict[str, str], escapes: bool = True) -> dict[str, str]:
    """``name -> raw value`` of an entry body after its key (``title = {...}, year = 2024``)."""
    fields: dict[str, str] = {}
    pos = 0
    while True:
        m = _FIELD.match(body, pos)
        if not m:
            if re.sub(r"%[^\n]*", "", body[pos:]).strip(" \t\r\n,"):
                raise BibError(f"cannot read a field near {body[pos:pos + 30].strip()!r}")
            return fields
        value, pos = _parse_value(body, m.end(), macros, escapes)
        fields[m.group(1).lower()] = value


def read_bibtex(source: Source, report: Report, *, year: int | None = None, **_options) -> Iterator[Paper]:
    """Papers of the BibTeX entries that have a title and an abstract.

    Example:
        >>> from schema.errors import Diagnostics
        >>> data = b"@article{k, title={{BERT} Nets}, abstract={We pretrain.}, eprint={1810.04805}}"
        >>> [p.id for p in read_bibtex(Source("r.bib", data=data), Report(Diagnostics(), "r.bib"))]
        ['arxiv:1810.04805']
    """
    text = source.text(report)
    macros = {name: f"{{{name}}}" for name in _MONTHS}
    line, last = 1, 0
    pos = 0
    while True:
        m = _ENTRY.search(text, pos)
        if not m:
            return
        line += text.count("\n", last, m.start())
        last = m.start()
        kind = m.group(1).lower()
        close = "}" if m.group(2) == "{" else ")"
        parsed, pos, error = _parse_entry(text, m.end(), close, kind, macros)
        if parsed is None:
            report.warn(line, f"{error}: fix the entry", reason="invalid record")
            if pos is None:
                return
            continue
        if kind in ("comment", "preamble"):
            continue
        key, fields = parsed
        if kind == "string":
            macros.update(fields)
            continue
        paper, problem = _entry_paper(key.strip(), fields, f"{source.path}:{line}", year)
        if problem:
            report.warn(line, problem, reason="no abstract" if "abstract" in problem else "no title")
        if paper is not None:
            yield paper


def _parse_entry(text: str, pos: int, close: str, kind: str, macros: dict[str, str]):
    """``((key, fields), end, None)`` of the entry body at ``pos``, else ``(None, end or None, error)``.

    The body is read first with ``\\{`` as an escape, then with every brace counted; the
    first reading whose fields parse wins.
    """
    error: BibError | None = None
    end: int | None = None
    for escapes in (True, False):
        try:
            body, stop = _read_braced(text, pos, close, escapes)
        except BibError as err:
            error = error or err
            continue
        end = end if end is not None else stop
        if kind in ("comment", "preamble"):
            return ("", {}), stop, None
        try:
            if kind == "string":
                return ("", parse_fields(body, macros, escapes)), stop, None
            key, _, rest = body.partition(",")
            return (key.strip(), parse_fields(rest, macros, escapes)), stop, None
        except BibError as err:
            error = error or err
    return None, end, error


def _first_last(name: str) -> str:
    """"Last, First" -> "First Last"."""
    last, sep, first = name.partition(",")
    return clean_text(f"{first} {last}") if sep else clean_text(name)


@one_record
def _entry_paper(key: str, fields: dict[str, str], source: str, year: int | None) -> tuple[Paper | None, str | None]:
    title = latex_to_text(fields.get("title", ""))
    abstract = latex_to_text(fields.get("abstract", ""))
    if not title:
        return None, f"entry {key!r} has no title"
    if not abstract:
        return None, f"entry {key!r} has no abstract: only entries with an abstract field are read"
    ids: dict[str, str] = {}
    if fields.get("doi"):
        ids["doi"] = latex_to_text(fields["doi"])
    eprint = latex_to_text(fields.get("eprint", ""))
    prefix = latex_to_text(fields.get("archiveprefix", fields.get("eprinttype", ""))).lower()
    if eprint and (prefix in ("arxiv", "") or "arxiv" in eprint.lower()):
        ids.update(ids_from_value(eprint))
    urls = [latex_to_text(fields["url"])] if fields.get("url") else []
    for url in urls:
        for kind, value in ids_from_value(url).items():
            ids.setdefault(kind, value)
    y = latex_to_text(fields.get("year", ""))
    month = latex_to_text(fields.get("month", "")).lower()
    month_num = _MONTHS.get(month[:3]) if month[:3] in _MONTHS else (int(month) if month.isdigit() else None)
    date = format_date(int(y), month_num if month_num and 1 <= month_num <= 12 else None, None) if y.isdigit() else None
    authors = [_first_last(latex_to_text(name)) for name in re.split(r"\s+and\s+", fields.get("author", "")) if name.strip()]
    for name in ("unique-id", "wos", "pmid", "isbn"):
        value = latex_to_text(fields.get(name, ""))
        if value:
            kind = "wos" if value.upper().startswith("WOS:") else name.replace("unique-id", "id")
            ids.setdefault(kind, value)
    venue = next((latex_to_text(fields[k]) for k in _VENUE_FIELDS if fields.get(k, "").strip()), None)
    return make_paper(title, abstract, source=source, ids=ids, date=date, authors=authors, urls=urls,
                      venue=venue), None
