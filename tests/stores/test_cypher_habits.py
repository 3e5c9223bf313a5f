"""Neo4j habits on the embedded store: rewritten before running, or a one-line hint.

Each rewritten query must give what its embedded form gives on the same store, so the
tests compare against the LadybugDB spelling rather than hard-coded counts.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.stores.cypher import embedded_dialect
from kg.stores.embedded import EmbeddedStore
from schema.errors import QueryError


@pytest.fixture(scope="module")
def store(write_corpus_out, tmp_path_factory):
    out = tmp_path_factory.mktemp("habits") / "out"
    write_corpus_out(out)
    with EmbeddedStore.open(out) as opened:
        yield opened


@pytest.mark.parametrize("neo4j, embedded", [
    ("MATCH (:Paper)-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t",
     "MATCH (:Paper)-[r]->() RETURN label(r) AS t, count(*) AS n ORDER BY t"),
    ("MATCH (m) WHERE m:Method RETURN count(*) AS n", "MATCH (m:Method) RETURN count(*) AS n"),
    ("MATCH (m) WHERE m:Method|Benchmark RETURN count(*) AS n", "MATCH (m:Method|Benchmark) RETURN count(*) AS n"),
    ("MATCH (m:method)<-[:uses]-(p:paper) RETURN count(*) AS n", "MATCH (m:Method)<-[:USES]-(p:Paper) RETURN count(*) AS n"),
    ("RETURN toInteger('42') AS i, toString(7) AS s, toFloat('2.5') AS f", "RETURN 42 AS i, '7' AS s, 2.5 AS f"),
])
def test_neo4j_habits_run_as_their_embedded_form(store, neo4j, embedded):
    got, expected = store.query(neo4j), store.query(embedded)
    assert got.rows == expected.rows and got.rows


def test_literals_are_left_alone():
    query = "MATCH (m) WHERE m.name = 'type(x) WHERE m:Foo' RETURN `type`(m)"
    assert embedded_dialect(query, ["Method"]) == (query, [])


def test_a_misspelt_label_gets_a_hint(store):
    with pytest.raises(QueryError) as err:
        store.query("MATCH (m:Methods) RETURN count(*)")
    message = str(err.value)
    assert "did you mean Method?" in message and "\n" not in message


def test_cli_hint_is_one_line(write_corpus_out, tmp_path):
    from kg.cli.app import main

    write_corpus_out(tmp_path / "out")
    result = CliRunner().invoke(main, ["query", "-o", str(tmp_path / "out"), "MATCH (b:Benchmarks) RETURN b.name"])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "did you mean Benchmark?" in lines[0] and "Traceback" not in result.output
