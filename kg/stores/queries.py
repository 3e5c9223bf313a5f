"""Named example queries: ``kg query --list``, ``kg query --name NAME [--param k=v]``.

Every query here runs unchanged on the embedded store (LadybugDB) and on Neo4j 5: they
are written in the common subset of the two dialects described below, checked by
Neo4j's own parser in ``tests/stores/test_neo4j.py`` and run on LadybugDB in
``tests/stores/test_query.py``.

Cypher dialects: LadybugDB (embedded) and Neo4j
------------------------------------------------
``kg query`` sends your Cypher as it is to the store; the two engines differ in a few
places. Queries written in the common subset run on both:

* Relationship type: Neo4j ``type(r)``; LadybugDB ``label(r)``. Node label: Neo4j
  ``labels(n)`` returns a list (``['Method']``); LadybugDB ``label(n)`` returns a string
  and its ``labels(n)`` also returns a string. Portable: match the label in the pattern
  (``(m:Method)``) or return ``n.id``, whose prefix names the label (``method:bert``).
* Several labels: ``(n:Method|Model)`` means "either" in both. ``(n:Method:Model)`` means
  "both labels" in Neo4j (never true here: one label per node) but "either" in LadybugDB:
  use ``|``. Label predicates in WHERE (``WHERE n:Method``) do not parse in LadybugDB.
* Substrings: ``substring(s, start, len)`` counts from 0 in Neo4j and from 1 in
  LadybugDB: use ``left(s, n)`` (``left(p.date, 7)`` is the month) or ``STARTS WITH``.
* Conversions: ``toString``, ``toInteger``, ``toFloat`` and ``split`` are Neo4j only
  (LadybugDB: ``cast(x, 'STRING')``...). ``toLower``/``toUpper``, ``size`` of a list,
  ``coalesce``, ``left``, ``collect``, ``count(DISTINCT x)``, ``any(x IN list WHERE ...)``,
  ``=~`` (full-match regular expressions), ``length(path)`` and ``nodes(path)`` work in both.
* Unknown property, label or type: Neo4j returns null or no rows (with a warning);
  LadybugDB refuses the query ("Cannot find property", "Table X does not exist"). Every
  label and type of the schema exists in the store, even when empty, with a fixed set
  of properties (:mod:`kg.stores.base`).
* ``end`` is a keyword in LadybugDB: backquote it to read the evidence end offset,
  ``r.`end` `` (backquotes work in both).
* ``WITH ... ORDER BY`` must be followed by ``SKIP`` or ``LIMIT`` in LadybugDB.
* Variable-length paths: ``-[*1..2]-`` works in both; LadybugDB walks may repeat an
  edge (``a-p-a``) where Neo4j trails may not, so exclude the start node
  (``WHERE n.id <> e.id``) and use ``DISTINCT``. ``size(r)`` of a variable-length
  relationship list fails in LadybugDB: bind the path and use ``length(path)``.
* Map projections (``p {.id, .name}``), ``CALL db.labels()`` and APOC are Neo4j only
  (``EXISTS { MATCH ... }`` works in both); LadybugDB has ``CALL show_tables() RETURN *`` and
  ``CALL table_info('Paper') RETURN *``.
* Column names: an unaliased expression is named differently (``count(*)`` vs
  ``COUNT_STAR()``): alias every returned expression (``RETURN count(*) AS n``), and
  give aliases names no variable has: LadybugDB reads ``RETURN b.id AS b ORDER BY b``
  as ordering by the node ``b``.
* Parameters (``$name``) work in both, including in ``LIMIT $limit``; but a parameter inside
  ``any(x IN list WHERE ...)`` crashes LadybugDB's binder: bind it first
  (``WITH toLower($name) AS wanted MATCH ... WHERE any(a IN n.aliases WHERE toLower(a) = wanted)``).
  List comprehensions (``[x IN list WHERE ...]``) do not parse in LadybugDB.
* ``sum`` of integers is a 128-bit integer in LadybugDB (``kg query`` prints it as an
  ordinary integer).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from schema.errors import QueryError
from schema.types import ENTITY_LABELS

#: The six concept labels as a label expression ("either of").
CONCEPTS = "|".join(label.value for label in ENTITY_LABELS)


@dataclass(frozen=True)
class NamedQuery:
    """A shipped example query with its parameters and their defaults.

    ``params`` maps each parameter to its default (None: the user must give it).
    """

    name: str
    description: str
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """The parameters to send: defaults overridden by ``given``.

        Raises:
            QueryError: a required parameter is missing or an unknown one is given.

        Example:
            >>> QUERIES["top-methods"].bind({"limit": 5})
            {'limit': 5}
        """
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise QueryError(f"query {self.name!r} takes no parameter {', '.join(unknown)}: "
                             f"it takes {', '.join(self.params) or 'none'}")
        bound = {**self.params, **given}
        missing = [k for k, v in bound.items() if v is None]
        if missing:
            raise QueryError(f"query {self.name!r} needs " + ", ".join(f"--param {k}=..." for k in missing))
        return bound


def _most_linked(name: str, description: str, pattern: str, column: str) -> NamedQuery:
    """A named query ranking the ``x`` of ``pattern`` by the papers ``p`` linked to them."""
    return NamedQuery(name, description, f"""MATCH {pattern}
WITH x, count(DISTINCT p) AS papers
RETURN x.name AS {column}, papers, x.id AS id
ORDER BY papers DESC, {column}
LIMIT $limit""", {"limit": 20})


_QUERIES = [
    _most_linked("top-methods", "Methods linked from the most papers (any role).",
                 "(p:Paper)-->(x:Method)", "method"),
    _most_linked("top-benchmarks", "Benchmarks and datasets most papers evaluate on.",
                 "(p:Paper)-[:EVALUATES_ON]->(x:Benchmark|Dataset)", "benchmark"),
    NamedQuery(
        "paper-proposes",
        "What a paper proposes; 'paper' is its id or part of its title (any case).",
        """MATCH (p:Paper)-[r:PROPOSES]->(e)
WHERE p.id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.id AS paper_id, p.title AS title, e.name AS proposes, e.id AS id, r.sentence AS evidence
ORDER BY paper_id, proposes""",
        {"paper": None},
    ),
    NamedQuery(
        "papers-evaluating-on",
        "Papers evaluating on a benchmark or dataset, by name or alias (any case).",
        """WITH toLower($benchmark) AS wanted
MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark|Dataset)
WHERE toLower(b.name) = wanted OR any(a IN b.aliases WHERE toLower(a) = wanted)
RETURN p.id AS paper_id, p.title AS title, p.date AS date, b.name AS benchmark
ORDER BY paper_id""",
        {"benchmark": None},
    ),
    NamedQuery(
        "compared-with",
        "What papers proposing or using a method (or model) compare it with.",
        """WITH toLower($method) AS wanted
MATCH (m:Method|Model)<-[:PROPOSES|USES]-(p:Paper)-[:COMPARES_WITH]->(other)
WHERE (toLower(m.name) = wanted OR any(a IN m.aliases WHERE toLower(a) = wanted)) AND other.id <> m.id
WITH other, count(DISTINCT p) AS papers, collect(DISTINCT p.id) AS paper_ids
RETURN other.name AS compared_with, other.id AS id, papers, paper_ids
ORDER BY papers DESC, compared_with
LIMIT $limit""",
        {"method": None, "limit": 20},
    ),
    NamedQuery(
        "co-occurring",
        "Concepts found in the same papers as a concept (by id, name or alias, any case); "
        "the whole co-occurrence table is kg.views.analytics.cooccurrence.",
        f"""WITH toLower($concept) AS wanted
MATCH (a:{CONCEPTS})
WHERE a.id = $concept OR toLower(a.name) = wanted OR any(x IN a.aliases WHERE toLower(x) = wanted)
WITH a
MATCH (a)<--(p:Paper)
WITH DISTINCT a, p
MATCH (p)-->(b:{CONCEPTS})
WHERE b.id <> a.id
WITH a, b, count(DISTINCT p) AS papers
WHERE papers >= $min_papers
RETURN a.name AS concept, b.name AS with_concept, papers, b.id AS id
ORDER BY papers DESC, id
LIMIT $limit""",
        {"concept": None, "min_papers": 2, "limit": 50},
    ),
    NamedQuery(
        "neighbourhood",
        "Nodes within two hops of an entity (by id, or by name in any case), nearest first.",
        """MATCH (e)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity)
MATCH path = (e)-[*1..2]-(n)
WHERE n.id <> e.id
WITH n, min(length(path)) AS hops
RETURN n.id AS id, n.name AS name, hops
ORDER BY hops, id
LIMIT $limit""",
        {"entity": None, "limit": 100},
    ),
    NamedQuery(
        "counts-by-month",
        "Papers per month (those dated to the month) and how many distinct things they propose.",
        """MATCH (p:Paper)
WHERE p.date =~ '[0-9]{4}-[0-9]{2}.*' AND coalesce(p.stub, false) = false
OPTIONAL MATCH (p)-[:PROPOSES]->(e)
RETURN left(p.date, 7) AS month, count(DISTINCT p) AS papers, count(DISTINCT e) AS proposed
ORDER BY month""",
        {},
    ),
]

#: The named queries by name, in the order ``kg query --list`` shows them.
QUERIES: dict[str, NamedQuery] = {q.name: q for q in _QUERIES}


def get_query(name: str) -> NamedQuery:
    """The named query ``name``.

    Raises:
        QueryError: no query has that name (the message lists them).

    Example:
        >>> get_query("top-methods").params
        {'limit': 20}
    """
    try:
        return QUERIES[name]
    except KeyError:
        raise QueryError(f"no named query {name!r}: choose one of {', '.join(QUERIES)} (see 'kg query --list')") from None
