"""Cypher text helpers shared by the stores: write detection, parameters, values, literals.

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


#: Internal keys of LadybugDB nodes and relationships.
_INTERNAL_KEYS = {"_ID", "_SRC", "_DST"}


def python_value(value: Any) -> Any:
    """numpy scalars and other number-likes as Python values; NaN and infinities as None.

    Example:
        >>> python_value(float("nan")), python_value(3)
        (None, 3)
    """
    if hasattr(value, "item") and not isinstance(value, (list, dict, str, bytes)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            value = str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


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


# -- literals (parameter-free scripts for cypher-shell: kg export --format cypher) ----------
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal of ``text``.

    Backslash, quote and control characters are escaped (``\\n``, ``\\uXXXX``...).

    Example:
        >>> print(cypher_string("it's a \\\\ \\n"))
        'it\\'s a \\\\ \\n'
    """
    out = []
    for ch in str(text):
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) in (0x7F, 0x2028, 0x2029):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_key(key: str) -> str:
    """A map key or property name, backquoted unless it is a plain identifier.

    Example:
        >>> cypher_key("paper_id"), cypher_key("a b")
        ('paper_id', '`a b`')
    """
    return key if _PLAIN_KEY.fullmatch(key) else "`" + key.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    """The Cypher literal of a typed value (what :func:`kg.stores.base.coerce` gives) or of
    rows made of them: maps drop their null entries, lists keep their order.

    Example:
        >>> cypher_literal({"id": "a'b", "props": {"aliases": ["x"], "upvotes": 3, "stub": None}})
        "{id: 'a\\\\'b', props: {aliases: ['x'], upvotes: 3}}"
    """
    value = python_value(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cypher_key(str(k))}: {cypher_literal(v)}" for k, v in value.items()
                               if python_value(v) is not None) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    return cypher_string(str(value))


def cypher_rows(rows: list[Any]) -> str:
    """A list literal of ``rows``, one row a line (what ``UNWIND`` reads in a script).

    Example:
        >>> print(cypher_rows([{"id": "a"}, {"id": "b"}]))
        [
          {id: 'a'},
          {id: 'b'}
        ]
    """
    return "[\n  " + ",\n  ".join(cypher_literal(row) for row in rows) + "\n]"


# --------------------------------------------------------------------------- Neo4j habits on the embedded store

#: Neo4j functions and their LadybugDB (embedded store) forms.
NEO4J_FUNCTIONS = {
    "type": "label", "tostring": "to_string", "tointeger": "to_int64", "toint": "to_int64",
    "tofloat": "to_double", "toboolean": "to_bool", "split": "string_split",
}
_FUNCTION = re.compile(r"(?<![.$\w])(" + "|".join(NEO4J_FUNCTIONS) + r")(\s*\()", re.IGNORECASE)
_NAME = r"[A-Za-z_]\w*"
_WHERE_LABEL = re.compile(rf"\b(WHERE|AND|OR|NOT|XOR)(\s+)({_NAME})\s*:\s*({_NAME}(?:\s*\|\s*{_NAME})*)",
                          re.IGNORECASE)
_PATTERN_LABELS = re.compile(rf"([(\[]\s*(?:{_NAME})?\s*:\s*)({_NAME}(?:\s*\|\s*:?\s*{_NAME})*)")


def _outside_literals(query: str, rewrite) -> str:
    """``query`` with ``rewrite`` applied to the text between string literals, comments and backquotes."""
    out, at = [], 0
    for match in _LITERALS.finditer(query):
        out.append(rewrite(query[at:match.start()]))
        out.append(match.group(0))
        at = match.end()
    out.append(rewrite(query[at:]))
    return "".join(out)


def embedded_dialect(query: str, names: list[str] | tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """``query`` with Neo4j habits rewritten for the embedded store, and what was changed.

    ``type(r)`` becomes ``label(r)``; ``toString``/``toInteger``/``toFloat``/``toBoolean``/``split``
    their LadybugDB forms; ``WHERE n:Label`` (or ``n:A|B``) a ``label(n)`` test; a label
    or type written in another case (``:method``) the schema's spelling from ``names``.
    Nothing inside string literals, comments or backquotes changes.

    Example:
        >>> embedded_dialect("MATCH (m)-[r]->(x) WHERE m:method RETURN type(r), toInteger('2')", ["Method"])[0]
        "MATCH (m)-[r]->(x) WHERE label(m) = 'Method' RETURN label(r), to_int64('2')"
    """
    known = {name.casefold(): name for name in names}
    changes: list[str] = []

    def spell(name: str) -> str:
        fixed = known.get(name.casefold(), name)
        if fixed != name:
            changes.append(f":{name} -> :{fixed}")
        return fixed

    def where_label(m: re.Match) -> str:
        labels = [spell(x.strip()) for x in m.group(4).split("|")]
        test = f"= '{labels[0]}'" if len(labels) == 1 else "IN [" + ", ".join(f"'{x}'" for x in labels) + "]"
        changes.append(f"{m.group(3)}:{m.group(4)} -> label({m.group(3)}) {test}")
        return f"{m.group(1)}{m.group(2)}label({m.group(3)}) {test}"

    def function(m: re.Match) -> str:
        new = NEO4J_FUNCTIONS[m.group(1).casefold()]
        changes.append(f"{m.group(1)}() -> {new}()")
        return new + m.group(2)

    def pattern(m: re.Match) -> str:
        return m.group(1) + re.sub(_NAME, lambda n: spell(n.group(0)), m.group(2))

    def rewrite(text: str) -> str:
        text = _WHERE_LABEL.sub(where_label, text)
        text = _FUNCTION.sub(function, text)
        return _PATTERN_LABELS.sub(pattern, text) if known else text

    return _outside_literals(query, rewrite), changes


def embedded_hint(message: str, names: list[str] | tuple[str, ...] = ()) -> str:
    """The engine's error ``message`` with a one-line hint for a Neo4j habit or a misspelt name.

    Example:
        >>> embedded_hint("Binder exception: Table Methods does not exist.", ["Method", "Task"])
        "Binder exception: Table Methods does not exist. (no label or relationship type 'Methods': did you mean Method?)"
    """
    import difflib

    table = re.search(r"Table (\w+) does not exist", message)
    if table:
        guess = difflib.get_close_matches(table.group(1), list(names), n=1, cutoff=0.6)
        hint = f"did you mean {guess[0]}?" if guess else "see 'kg stats' for the labels and types"
        return f"{message} (no label or relationship type '{table.group(1)}': {hint})"
    function = re.search(r"function (\w+) does not exist", message)
    if function:
        name = function.group(1).casefold()
        if name == "labels":
            return f"{message} (on the embedded store: label(n) gives the label as a string)"
        guess = NEO4J_FUNCTIONS.get(name)
        if guess:
            return f"{message} (on the embedded store: {guess}(...))"
    if re.search(r"Parser exception: .*WHERE \w+:", message):
        return f"{message} (on the embedded store write WHERE label(n) = 'Label', or put :Label in the pattern)"
    return message
