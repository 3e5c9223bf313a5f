"""Cypher text helpers shared by the stores: write detection, parameters, values.

``kg query`` is read-only unless ``--write``: :func:`write_clause` finds a clause that
would change the graph (or reach outside it: files, extensions, other databases)
outside string literals, comments and backquoted names. The stores also open the
database read-only (LadybugDB) or run the query in a read transaction (Neo4j), so a
write the keyword check missed is still refused by the engine.
"""
from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from typing import Any

from schema.errors import QueryError

#: Clauses that change the graph, its schema, or reach files and other databases.
WRITE_KEYWORDS: tuple[str, ...] = (
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "COPY", "ALTER", "INSTALL",
    "LOAD", "IMPORT", "EXPORT", "ATTACH", "USE", "FOREACH", "CHECKPOINT", "TRUNCATE", "INSERT",
    "UNINSTALL", "GRANT", "REVOKE", "DENY",
)
_WRITE = re.compile(r"\b(" + "|".join(WRITE_KEYWORDS) + r")\b", re.IGNORECASE)
_LITERALS = re.compile(
    r"""'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|`[^`]*`?|//[^\n]*|/\*.*?(?:\*/|$)""",
    re.DOTALL,
)


def strip_literals(query: str) -> str:
    """``query`` with string literals, backquoted names and comments blanked out.

    Example:
        >>> strip_literals("MATCH (n {name: 'SET'}) // DELETE\\nRETURN n.`create`")
        'MATCH (n {name:  })  \\nRETURN n. '
    """
    return _LITERALS.sub(" ", query)


def write_clause(query: str) -> str | None:
    """The first keyword of ``query`` that would write, or None for a read-only query.

    Keywords inside strings, comments and backquotes do not count, nor property
    names (``n.set``), map keys (``{set: 1}``) and parameters (``$create``).

    Example:
        >>> write_clause("MATCH (n) WHERE n.name = 'DELETE me' RETURN n")
        >>> write_clause("match (n) detach delete n")
        'DETACH'
    """
    text = strip_literals(query)
    for match in _WRITE.finditer(text):
        before = text[: match.start()].rstrip()
        after = text[match.end():].lstrip()
        if before.endswith((".", "$")) or after.startswith(":") and not after.startswith("::"):
            continue
        return match.group(1).upper()
    return None


def refuse_writes(query: str) -> None:
    """Raise :class:`QueryError` when ``query`` would write (see :func:`write_clause`).

    Example:
        >>> refuse_writes("MATCH (n) RETURN n")
    """
    keyword = write_clause(query)
    if keyword:
        raise QueryError(f"refused: the query would write ({keyword}); queries are read-only "
                         "unless --write is given (the graph is unchanged)")


def parse_param(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` as (key, value): JSON values (numbers, true/false, null, lists,
    objects, quoted strings) are decoded, anything else is a string.

    Example:
        >>> parse_param("k=5"), parse_param("x=2.5"), parse_param("b=true"), parse_param("name=BERT base")
        (('k', 5), ('x', 2.5), ('b', True), ('name', 'BERT base'))
    """
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
        raise ValueError(f"--param {text!r}: expected KEY=VALUE with KEY a parameter name, e.g. --param limit=10")
    try:
        value = json.loads(raw)
    except ValueError:
        return key, raw
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return key, raw
    return key, value


def first_line(message: str) -> str:
    """The first non-empty line of an engine's error message.

    Example:
        >>> first_line("Parser exception: Invalid input <X>\\n\\"X\\"\\n ^")
        'Parser exception: Invalid input <X>'
    """
    for line in str(message).splitlines():
        if line.strip():
            return line.strip()
    return str(message).strip() or "unknown error"


_INTERNAL_KEYS = {"_ID", "_SRC", "_DST"}


def plain_value(value: Any) -> Any:
    """A store value as plain JSON-ready data.

    LadybugDB nodes and relationships come back as dicts with ``_LABEL``/``_ID``; Neo4j's
    as driver objects. Both become ``{"_label": ..., props}`` for nodes and
    ``{"_type": ..., props}`` for relationships (null properties dropped), paths
    ``{"nodes": [...], "relationships": [...]}``.

    Example:
        >>> plain_value({"_ID": {"offset": 0, "table": 0}, "_LABEL": "Paper", "id": "p1", "date": None})
        {'_label': 'Paper', 'id': 'p1'}
    """
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {"nodes": [plain_value(n) for n in value["_NODES"]],
                    "relationships": [plain_value(r) for r in value["_RELS"]]}
        if "_LABEL" in value:
            head = "_type" if "_SRC" in value else "_label"
            props = {k: plain_value(v) for k, v in value.items()
                     if k not in _INTERNAL_KEYS and k != "_LABEL" and v is not None}
            return {head: value["_LABEL"], **props}
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Decimal):  # LadybugDB's INT128 (sum of integers) and DECIMAL
        return int(value) if value == value.to_integral_value() else float(value)
    return _neo4j_value(value)


def _neo4j_value(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        labels = sorted(value.labels)
        props = {k: plain_value(v) for k, v in dict(value).items() if v is not None}
        return {"_label": labels[0] if len(labels) == 1 else labels, **props}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain_value(v) for k, v in dict(value).items() if v is not None}}
    if isinstance(value, Path):
        return {"nodes": [plain_value(n) for n in value.nodes],
                "relationships": [plain_value(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
