"""JSON Lines and JSON documents of paper records (generic, OpenAlex or Semantic Scholar).

A JSON document may be one record, a list of records, or an object holding the
list under ``results`` (OpenAlex), ``data`` (Semantic Scholar), ``papers``,
``records``, ``items`` or ``entries``. Each record's source is ``path:line``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from kg.sources.openalex import looks_like_openalex, openalex_record
from kg.sources.records import TITLE_KEYS, generic_record, pick
from kg.sources.s2 import looks_like_s2, s2_record
from kg.sources.source import Report, Source
from schema import Paper

CONTAINER_KEYS: tuple[str, ...] = ("results", "data", "papers", "records", "items", "entries")
Converter = Callable[..., tuple[Paper | None, str | None]]
_DECODER = json.JSONDecoder()


def converter_for(record: dict[str, Any], fmt: str | None) -> Converter:
    """The record converter forced by ``fmt`` or recognised from the record's keys."""
    if fmt == "openalex" or (fmt not in ("s2",) and looks_like_openalex(record)):
        return openalex_record
    if fmt == "s2" or looks_like_s2(record):
        return s2_record
    return generic_record


def _container_list(obj: dict[str, Any]) -> tuple[str, list] | None:
    if is_json_feed(obj):
        return "items", obj["items"]
    if "title" in obj or "display_name" in obj:
        return None
    for key in CONTAINER_KEYS:
        if isinstance(obj.get(key), list):
            return key, obj[key]
    keyed = keyed_records(obj)
    if keyed is not None:
        return "", keyed
    return None


def is_json_feed(obj: dict[str, Any]) -> bool:
    """Whether ``obj`` is a JSON Feed (https://jsonfeed.org): ``{"version": ".../version/1", "items": [...]}``."""
    return "jsonfeed.org" in str(obj.get("version", "")) and isinstance(obj.get("items"), list)


def keyed_records(obj: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The records of one object keyed by id (``{"2312.17653": {"title": ...}, ...}``), else None.

    Each record gets its key as ``id`` unless it has one.

    Example:
        >>> keyed_records({"2312.17653": {"title": "A", "abstract": "B"}})
        [{'title': 'A', 'abstract': 'B', 'id': '2312.17653'}]
        >>> keyed_records({"meta": {"count": 0}, "results": []}) is None
        True
    """
    if not obj or not all(isinstance(v, dict) for v in obj.values()):
        return None
    if not all(pick(v, TITLE_KEYS)[0] for v in obj.values()):
        return None
    return [{**value, "id": value.get("id", key)} for key, value in obj.items()]


def unwrap(obj: Any) -> Iterator[Any]:
    """The records inside a parsed JSON value (list, container object or one record)."""
    if isinstance(obj, list):
        for item in obj:
            yield from unwrap(item)
    elif isinstance(obj, dict):
        found = _container_list(obj)
        if found:
            yield from unwrap(found[1])
        else:
            yield obj
    else:
        yield obj


def _convert(obj: Any, source: str, fmt: str | None, report: Report, line: int | None, options: dict) -> Paper | None:
    if not isinstance(obj, dict):
        report.warn(line, f"expected a JSON object for a paper, found {type(obj).__name__}: skipped",
                    reason="invalid record")
        return None
    paper, problem = converter_for(obj, fmt)(obj, source, **options)
    if problem:
        reason = "no abstract" if "abstract" in problem else "no title" if "title" in problem else "invalid record"
        report.warn(line, problem, reason=reason)
    return paper


def read_jsonl(source: Source, report: Report, fmt: str | None = None, **options) -> Iterator[Paper]:
    """Papers of a JSON Lines file, one record (or list of records) per line.

    A line that is not valid JSON (truncated, say) is reported and skipped.

    Example:
        >>> from schema.errors import Diagnostics
        >>> data = b'{"title": "A", "abstract": "B."}\\n{"title": "C", "summ'
        >>> diag = Diagnostics(echo=False)
        >>> [p.title for p in read_jsonl(Source("x.jsonl", data=data), Report(diag, "x.jsonl"))]
        ['A']
        >>> str(diag.problems[0])
        'x.jsonl:2: not valid JSON at column 16 (Unterminated string starting at): fix or remove the line'
    """
    for lineno, text in source.lines(report):
        text = text.strip()
        if not text:
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            report.warn(lineno, f"not valid JSON at column {err.colno} ({err.msg}): fix or remove the line",
                        reason="invalid JSON")
            continue
        if obj == [] or (isinstance(obj, dict) and (_container_list(obj) or ("", [None]))[1] == []):
            report.empty_page = True
        for record in unwrap(obj):
            paper = _convert(record, f"{source.path}:{lineno}", None if fmt == "jsonl" else fmt, report, lineno, options)
            if paper is not None:
                yield paper


def _array_elements(text: str, start: int) -> Iterator[tuple[int, Any]]:
    """``(offset, value)`` of each element of the JSON array opening at ``text[start]``."""
    pos = start + 1
    n = len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= n or text[pos] == "]":
            return
        value, end = _DECODER.raw_decode(text, pos)
        yield pos, value
        pos = end


def read_json(source: Source, report: Report, fmt: str | None = None, **options) -> Iterator[Paper]:
    """Papers of a JSON document: a record, a list of them, or ``{"results": [...]}`` and the like.

    Example:
        >>> from schema.errors import Diagnostics
        >>> data = b'[\\n {"title": "A", "abstract": "B."},\\n {"title": "C", "abstract": "D."}\\n]'
        >>> [p.sources for p in read_json(Source("x.json", data=data), Report(Diagnostics(), "x.json"))]
        [['x.json:2'], ['x.json:3']]
    """
    text = source.text(report)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        report.warn(err.lineno, f"not valid JSON at column {err.colno} ({err.msg}): fix the file "
                    "(for one record per line use --format jsonl)", reason="invalid JSON")
        return
    fmt = None if fmt == "json" else fmt
    if doc == [] or (isinstance(doc, dict) and (_container_list(doc) or ("", [None]))[1] == []):
        report.empty_page = True
    located = _locate(text, doc)
    if located is None:
        for record in unwrap(doc):
            paper = _convert(record, f"{source.path}:1", fmt, report, None, options)
            if paper is not None:
                yield paper
        return
    line, last = 1, 0
    for offset, value in located:
        line += text.count("\n", last, offset)
        last = offset
        for record in unwrap(value):
            paper = _convert(record, f"{source.path}:{line}", fmt, report, line, options)
            if paper is not None:
                yield paper


def _locate(text: str, doc: Any) -> list[tuple[int, Any]] | None:
    """Offsets of the records of ``doc`` in ``text`` (None when they cannot be found)."""
    body = text.lstrip()
    start = len(text) - len(body)
    if isinstance(doc, list):
        return list(_array_elements(text, start))
    if not isinstance(doc, dict):
        return None
    found = _container_list(doc)
    if found is None:
        return [(start, doc)]
    key, items = found
    if key == "":  # one object keyed by id: each record starts at its key
        located, pos = [], start
        for name, item in zip(doc, items):
            at = text.find(json.dumps(name, ensure_ascii=False), pos)
            if at < 0:
                at = text.find(json.dumps(name), pos)
            pos = at if at >= 0 else pos
            located.append((pos, item))
        return located
    for match in re.finditer(rf'"{re.escape(key)}"\s*:\s*\[', text):
        try:
            elements = list(_array_elements(text, match.end() - 1))
        except json.JSONDecodeError:
            continue
        if len(elements) == len(items) and (not items or elements[0][1] == items[0]):
            return elements
    return None
