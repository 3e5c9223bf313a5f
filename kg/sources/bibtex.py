"""BibTeX files whose entries carry an ``abstract`` field.

A small parser (no dependency): ``@type{key, field = {value} | "value" | number | macro}``
with nested braces, ``#`` concatenation, ``@string`` macros; ``@comment`` and
``@preamble`` are skipped. Common LaTeX accents and escapes are turned into text.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kg.sources.records import (
    _MONTHS,
    clean_text,
    format_date,
    ids_from_value,
    make_paper,
)
from kg.sources.source import Report, Source
from schema import Paper

_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "u": "\u0306", "v": "\u030c", "H": "\u030b", "k": "\u0328"}
_ACCENT_RE = re.compile(r"\\([\"'`^~=.]|[cuvHk](?=[\s{]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))")
_SYMBOLS = {r"\ss": "ß", r"\o": "ø", r"\O": "Ø", r"\ae": "æ", r"\AE": "Æ", r"\aa": "å", r"\AA": "Å",
            r"\l": "ł", r"\L": "Ł", r"\i": "ı", r"\&": "&", r"\%": "%", r"\_": "_", r"\$": "$", r"\#": "#",
            r"\textendash": "–", r"\textemdash": "—", r"\ldots": "...", r"\dots": "..."}


class BibError(ValueError):
    """An entry cannot be parsed."""


def latex_to_text(value: str) -> str:
    """BibTeX field text without braces, with accents and escapes resolved.

    Example:
        >>> latex_to_text(r"{M}ixture of {E}xperts for G{\\"o}del \\& Co.~{\\'E}tudes")
        'Mixture of Experts for Gödel & Co. Études'
    """
    def accent(m: re.Match) -> str:
        letter = (m.group(2) or m.group(3)).lstrip("\\")
        return unicodedata.normalize("NFC", letter + _ACCENTS[m.group(1)])

    text = _ACCENT_RE.sub(accent, value)
    for macro, char in sorted(_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        tail = r"(?![A-Za-z])\s*(?:\{\})?" if macro[1:].isalpha() else ""
        text = re.sub(re.escape(macro) + tail, lambda _m, c=char: c, text)
    text = re.sub(r"(?<!\\)~", " ", text)
    text = re.sub(r"\\(?:emph|textit|textbf|textsc|texttt|mathrm|mathbf|url|href)\s*", "", text)
    text = text.replace("{", "").replace("}", "").replace("$", "")
    return clean_text(text)


def _read_braced(text: str, pos: int, close: str) -> tuple[str, int]:
    """Content from ``text[pos]`` (just after an opening delimiter) to its matching ``close``."""
    depth = 0
    start = pos
    while pos < len(text):
        ch = text[pos]
        if ch == "\\":
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


def _parse_value(body: str, pos: int, macros: dict[str, str]) -> tuple[str, int]:
    parts: list[str] = []
    while True:
        while pos < len(body) and body[pos].isspace():
            pos += 1
        if pos >= len(body):
            break
        ch = body[pos]
        if ch == "{":
            part, pos = _read_braced(body, pos + 1, "}")
        elif ch == '"':
            part, pos = _read_braced(body, pos + 1, '"')
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


def parse_fields(body: str, macros: dict[str, str]) -> dict[str, str]:
    """``name -> raw value`` of an entry body after its key (``title = {...}, year = 2024``)."""
    fields: dict[str, str] = {}
    pos = 0
    while True:
        m = re.compile(r"\s*,?\s*([A-Za-z][\w\-:.]*)\s*=\s*").match(body, pos)
        if not m:
            if body[pos:].strip(" \t\r\n,"):
                raise BibError(f"cannot read a field near {body[pos:pos + 30].strip()!r}")
            return fields
        value, pos = _parse_value(body, m.end(), macros)
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
        try:
            body, pos = _read_braced(text, m.end(), close)
        except BibError as err:
            report.warn(line, f"{err}: fix the entry", reason="invalid record")
            return
        if kind in ("comment", "preamble"):
            continue
        try:
            if kind == "string":
                fields = parse_fields(body, macros)
                macros.update({k: v for k, v in fields.items()})
                continue
            key, _, rest = body.partition(",")
            fields = parse_fields(rest, macros)
        except BibError as err:
            report.warn(line, f"{err}: fix the entry", reason="invalid record")
            continue
        paper, problem = _entry_paper(key.strip(), fields, f"{source.path}:{line}", year)
        if problem:
            report.warn(line, problem, reason="no abstract" if "abstract" in problem else "no title")
        if paper is not None:
            yield paper


def _first_last(name: str) -> str:
    """"Last, First" -> "First Last"."""
    last, sep, first = name.partition(",")
    return clean_text(f"{first} {last}") if sep else clean_text(name)


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
    authors = [_first_last(name) for name in re.split(r"\s+and\s+", latex_to_text(fields.get("author", ""))) if name]
    return make_paper(title, abstract, source=source, ids=ids, date=date, authors=authors, urls=urls), None
