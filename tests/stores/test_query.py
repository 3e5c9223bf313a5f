"""``kg query`` over the embedded store of a small fixture graph with known answers."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.cli.app
from schema.errors import QueryError
from kg.stores.queries import QUERIES, get_query
from kg.out import GRAPH_FILE
from kg.stores.cypher import parse_param, plain_value, write_clause
from kg.stores.embedded import EmbeddedStore, embedded_path

CONCEPT_TYPES = {"Method", "Model", "Dataset", "Benchmark", "Task", "Metric"}


@pytest.fixture(scope="module")
def out(tmp_path_factory, write_corpus_out) -> Path:
    folder = tmp_path_factory.mktemp("query") / "out"
    write_corpus_out(folder)
    return folder


@pytest.fixture(scope="module")
def store(out):
    with EmbeddedStore.open(out) as opened:
        yield opened


def run(*args: str):
    return CliRunner().invoke(kg.cli.app.main, list(args))


def run_json(out: Path, *args: str) -> list[dict]:
    result = run("query", "-o", str(out), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# independent answers, from the extraction records ---------------------------------------

def papers_by_entity(extractions, types: set[str], roles: set[str] | None = None) -> dict[str, set[str]]:
    """Entity name -> ids of the papers mentioning it, read from the corpus extractions."""
    found: dict[str, set[str]] = {}
    for ext in extractions:
        for ent in ext.entities:
            if ent.type.value in types and (roles is None or {r.value for r in ent.roles} & roles):
                found.setdefault(ent.name, set()).add(ext.paper.id)
    return found


# -- CLI and formats ------------------------------------------------------------------

def test_table_is_the_default_format(out, corpus_extractions):
    result = run("query", "-o", str(out), "MATCH (p:Paper) RETURN p.id AS id ORDER BY id")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id"]
    assert [line.strip() for line in lines[2:-1]] == sorted(e.paper.id for e in corpus_extractions)
    assert lines[-1] == "(4 rows)"


def test_json_rows_are_keyed_by_return_names(out, corpus_extractions):
    rows = run_json(out, "MATCH (p:Paper) RETURN p.id AS id, p.upvotes AS votes, p.urls AS urls ORDER BY id")
    expected = [{"id": e.paper.id, "votes": e.paper.upvotes, "urls": e.paper.urls} for e in corpus_extractions]
    assert rows == sorted(expected, key=lambda r: r["id"])


def test_csv_format(out):
    result = run("query", "-o", str(out), "--format", "csv",
                 "MATCH (m:Method) RETURN m.name AS name, m.paper_count AS papers ORDER BY papers DESC, name LIMIT 2")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["name,papers", "Transformer,3", "LoRA,1"]


def test_nodes_come_back_as_plain_objects(out):
    (row,) = run_json(out, "MATCH (d:Dataset) RETURN d")
    assert row["d"]["_label"] == "Dataset" and row["d"]["id"] == "dataset:imagenet"
    assert not any(k.startswith("_") and k != "_label" for k in row["d"])


# -- Cypher features --------------------------------------------------------------------

def test_parameters(out):
    rows = run_json(out, "MATCH (p:Paper) WHERE p.upvotes >= $min AND p.id STARTS WITH $prefix RETURN p.id AS id",
                    "--param", "min=5", "--param", "prefix=arxiv:2401")
    assert rows == [{"id": "arxiv:2401.00001"}]


def test_list_parameter(out):
    rows = run_json(out, "MATCH (p:Paper) WHERE p.id IN $ids RETURN p.id AS id ORDER BY id",
                    "--param", 'ids=["arxiv:2402.00003", "arxiv:2401.00001", "nope"]')
    assert [r["id"] for r in rows] == ["arxiv:2401.00001", "arxiv:2402.00003"]


def test_optional_match_with_and_aggregation(store, corpus_extractions):
    result = store.query(
        "MATCH (p:Paper) OPTIONAL MATCH (p)-[:COMPARES_WITH]->(x) "
        "WITH p, count(x) AS compared RETURN p.id AS id, compared ORDER BY id")
    expected = {e.paper.id: sum("COMPARES_WITH" in {r.value for r in ent.roles} for ent in e.entities)
                for e in corpus_extractions}
    assert dict(map(tuple, result.rows)) == expected


def test_aggregation_of_papers_per_concept(store, corpus_extractions):
    result = store.query(
        "MATCH (p:Paper)-->(e:Method|Model|Dataset|Benchmark|Task|Metric) "
        "RETURN e.name AS name, count(DISTINCT p) AS papers, collect(DISTINCT p.id) AS ids")
    got = {name: (n, set(ids)) for name, n, ids in result.rows}
    expected = papers_by_entity(corpus_extractions, CONCEPT_TYPES)
    assert got == {name: (len(ids), ids) for name, ids in expected.items()}


def test_variable_length_path(store, corpus_extractions):
    result = store.query(
        "MATCH (a:Method {id: 'method:lora'})-[*2..2]-(b:Method) WHERE b.id <> a.id RETURN DISTINCT b.name AS name")
    # LoRA's paper also mentions Transformer
    assert [r[0] for r in result.rows] == ["Transformer"]
    paths = store.query(
        "MATCH path = (a:Dataset {id: 'dataset:imagenet'})-[*1..2]-(b:Model) "
        "RETURN b.name AS model, min(length(path)) AS hops ORDER BY model")
    imagenet_papers = papers_by_entity(corpus_extractions, {"Dataset"})["ImageNet"]
    models = {name for name, ids in papers_by_entity(corpus_extractions, {"Model"}).items() if ids & imagenet_papers}
    assert paths.rows == [[name, 2] for name in sorted(models)]


def test_sum_of_integers_is_an_integer(store, corpus_extractions):
    result = store.query("MATCH (m:Method) RETURN sum(m.paper_count) AS total")
    assert result.rows == [[sum(len(v) for v in papers_by_entity(corpus_extractions, {"Method"}).values())]]
    assert isinstance(result.rows[0][0], int)


# -- named queries ---------------------------------------------------------------------

def test_list_shows_every_named_query():
    result = run("query", "--list")
    assert result.exit_code == 0
    for name in QUERIES:
        assert name in result.stdout
    assert set(QUERIES) == {"top-methods", "top-benchmarks", "paper-proposes", "papers-evaluating-on",
                            "compared-with", "co-occurring", "neighbourhood", "counts-by-month"}


def test_show_prints_the_cypher():
    result = run("query", "--name", "top-methods", "--show")
    assert result.stdout.strip() == QUERIES["top-methods"].cypher


def test_top_methods(out, corpus_extractions):
    rows = run_json(out, "--name", "top-methods")
    expected = sorted(((name, len(ids)) for name, ids in papers_by_entity(corpus_extractions, {"Method"}).items()),
                      key=lambda t: (-t[1], t[0]))
    assert [(r["method"], r["papers"]) for r in rows] == expected


def test_top_methods_limit(out):
    rows = run_json(out, "--name", "top-methods", "--param", "limit=1")
    assert [r["method"] for r in rows] == ["Transformer"]


def test_top_benchmarks(out, corpus_extractions):
    rows = run_json(out, "--name", "top-benchmarks")
    expected = papers_by_entity(corpus_extractions, {"Benchmark", "Dataset"}, {"EVALUATES_ON"})
    assert {r["benchmark"]: r["papers"] for r in rows} == {k: len(v) for k, v in expected.items()}


@pytest.mark.parametrize("paper, expected", [
    ("sparseformer", {("arxiv:2401.00001", "SparseFormer")}),
    ("arxiv:2402.00003", {("arxiv:2402.00003", "LoRA")}),
    ("STUDY", {("arxiv:2403.00004", "OnlyHere")}),
    ("Scaling", set()),
])
def test_paper_proposes(out, paper, expected):
    rows = run_json(out, "--name", "paper-proposes", "--param", f"paper={paper}")
    assert {(r["paper_id"], r["proposes"]) for r in rows} == expected
    assert all(r["evidence"] for r in rows)


@pytest.mark.parametrize("name", ["GLUE", "imagenet", "ILSVRC"])
def test_papers_evaluating_on(out, name, corpus_extractions):
    rows = run_json(out, "--name", "papers-evaluating-on", "--param", f"benchmark={name}")
    canonical = {"ilsvrc": "ImageNet"}.get(name.lower(), name)
    expected = {k.lower(): v for k, v in papers_by_entity(corpus_extractions, {"Benchmark", "Dataset"}, {"EVALUATES_ON"}).items()}
    assert [r["paper_id"] for r in rows] == sorted(expected[canonical.lower()])


@pytest.mark.parametrize("method, expected", [
    ("Transformer", {"ViT": 1, "BERT": 1}),
    ("sparseformer", {"ViT": 1}),
    ("LoRA", {}),
])
def test_compared_with(out, method, expected):
    rows = run_json(out, "--name", "compared-with", "--param", f"method={method}")
    assert {r["compared_with"]: r["papers"] for r in rows} == expected


@pytest.mark.parametrize("min_papers", [1, 2])
def test_co_occurring(out, min_papers, corpus_extractions):
    names = Counter(e.name for ext in corpus_extractions for e in ext.entities)
    concept = names.most_common(1)[0][0]
    together: Counter = Counter()
    for ext in corpus_extractions:
        found = {e.name for e in ext.entities}
        if concept in found:
            together.update(found - {concept})
    expected = {name: n for name, n in together.items() if n >= min_papers}
    assert expected  # the fixture has co-occurring concepts
    rows = run_json(out, "--name", "co-occurring", "--param", f"concept={concept.lower()}",
                    "--param", f"min_papers={min_papers}")
    assert {r["with_concept"]: r["papers"] for r in rows} == expected
    assert {r["concept"] for r in rows} == {concept}


def test_neighbourhood(out, corpus_extractions):
    rows = run_json(out, "--name", "neighbourhood", "--param", "entity=lora")
    by_hops: dict[int, set[str]] = {}
    for r in rows:
        by_hops.setdefault(r["hops"], set()).add(r["name"])
    lora_paper = next(e for e in corpus_extractions if e.paper.id == "arxiv:2402.00003")
    assert by_hops[1] == {lora_paper.paper.title}
    assert by_hops[2] == {e.name for e in lora_paper.entities} - {"LoRA"}
    assert set(by_hops) == {1, 2}


def test_counts_by_month(out, corpus_extractions):
    rows = run_json(out, "--name", "counts-by-month")
    months: Counter = Counter(e.paper.date[:7] for e in corpus_extractions if len(e.paper.date) >= 7)
    assert [(r["month"], r["papers"]) for r in rows] == sorted(months.items())


@pytest.mark.parametrize("args, message", [
    (["--name", "nope"], "no named query 'nope'"),
    (["--name", "paper-proposes"], "--param paper=..."),
    (["--name", "top-methods", "--param", "bogus=1"], "takes no parameter bogus"),
    (["--param", "novalue", "MATCH (n) RETURN n"], "expected KEY=VALUE"),
    ([], "no query"),
])
def test_query_usage_errors(out, args, message):
    result = run("query", "-o", str(out), *args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output


# -- read-only and errors -----------------------------------------------------------------

WRITES = [
    "CREATE (n:Method {id: 'method:x', name: 'X'})",
    "MATCH (n:Method) SET n.name = 'renamed'",
    "MATCH (n) DETACH DELETE n",
    "match (n:Method)\nremove n.name",
    "MERGE (n:Task {id: 'task:new'}) RETURN n",
    "DROP TABLE USES",
    "COPY Method FROM 'methods.csv'",
    "LOAD FROM 'x.csv' RETURN *",
    "ALTER TABLE Method ADD x INT64",
    "INSTALL json",
    "MATCH (n) // comment\n  /* block */ DELETE n",
]


@pytest.mark.parametrize("statement", WRITES)
def test_writes_are_refused_and_change_nothing(out, statement):
    graph_before = (out / GRAPH_FILE).read_bytes()
    db_before = embedded_path(out).read_bytes()
    result = run("query", "-o", str(out), statement)
    assert result.exit_code != 0
    assert "read-only unless --write" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (out / GRAPH_FILE).read_bytes() == graph_before
    assert embedded_path(out).read_bytes() == db_before


def test_engine_refuses_writes_the_keyword_check_misses(store):
    # the read-only connection is the second line of defence
    with pytest.raises(QueryError, match="read-only"):
        store.query("CREATE (n:Method {id: 'method:y', name: 'Y'})", write=True)


@pytest.mark.parametrize("statement, keyword", [
    ("MATCH (n) WHERE n.name = 'CREATE DELETE' RETURN n", None),
    ('MATCH (n) WHERE n.name CONTAINS "set" RETURN n.`delete`', None),
    ("MATCH (n) RETURN n.set AS s, {remove: 1} AS m, $create AS c", None),
    ("MATCH (n) // DELETE n\nRETURN n", None),
    ("MATCH (p:Paper)-[:USES]->(m) RETURN m.name", None),
    ("MATCH (n) SET n.x = 1", "SET"),
    ("CALL { CREATE (n) }", "CREATE"),
    ("UNWIND [1] AS x FOREACH (y IN [1] | CREATE ())", "FOREACH"),
    ("match (n) detach delete n", "DETACH"),
])
def test_write_clause(statement, keyword):
    assert write_clause(statement) == keyword


def test_write_flag_changes_the_store_but_not_the_graph(tmp_path, write_corpus_out):
    out = tmp_path / "out"
    write_corpus_out(out)
    graph_before = (out / GRAPH_FILE).read_bytes()
    result = run("query", "-o", str(out), "--write", "MATCH (m:Method {id: 'method:lora'}) SET m.name = 'LoRA2'")
    assert result.exit_code == 0, result.output
    rows = run_json(out, "MATCH (m:Method {id: 'method:lora'}) RETURN m.name AS name")
    assert rows == [{"name": "LoRA2"}]
    assert (out / GRAPH_FILE).read_bytes() == graph_before


@pytest.mark.parametrize("statement", [
    "MATCH (n) RETRN n",
    "MATCH (n:NoSuchLabel) RETURN n",
    "MATCH (n:Paper) RETURN n.no_such_property",
    "MATCH (n:Paper RETURN n",
])
def test_invalid_cypher_is_one_line_without_traceback(out, statement):
    result = run("query", "-o", str(out), statement)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "exception" in lines[0].lower()  # the engine's own message
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_out_says_what_to_do(tmp_path):
    result = run("query", "-o", str(tmp_path / "none"), "MATCH (n) RETURN n")
    assert result.exit_code != 0
    assert "kg build" in result.stderr and "Traceback" not in result.output


# -- helpers --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("k=5", ("k", 5)), ("x=-2.5", ("x", -2.5)), ("b=true", ("b", True)), ("b=false", ("b", False)),
    ("n=null", ("n", None)), ("l=[1, 2]", ("l", [1, 2])), ('s="5"', ("s", "5")), ("s=BERT base", ("s", "BERT base")),
    ("s=a=b", ("s", "a=b")), ("s=", ("s", "")), ("s=NaN", ("s", "NaN")), ("m={\"a\": 1}", ("m", {"a": 1})),
])
def test_parse_param(text, expected):
    assert parse_param(text) == expected


def test_plain_value_of_a_path():
    path = {"_NODES": [{"_ID": {"offset": 0, "table": 0}, "_LABEL": "Paper", "id": "p"}],
            "_RELS": [{"_SRC": {}, "_DST": {}, "_ID": {}, "_LABEL": "USES", "count": 1}]}
    assert plain_value(path) == {"nodes": [{"_label": "Paper", "id": "p"}],
                                 "relationships": [{"_type": "USES", "count": 1}]}


def test_get_query_error_lists_names():
    with pytest.raises(QueryError, match="top-methods"):
        get_query("missing")
