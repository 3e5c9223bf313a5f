"""Neo4j: every statement the loader sends and every named query, checked by Neo4j's own
parser; push and query against a real server when NEO4J_URI is set."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.cli.app
from kg.stores.queries import QUERIES
from kg.stores.base import graph_rows
from kg.stores.embedded import EmbeddedStore
from kg.stores.neo4j import Neo4jSettings, Neo4jStore, loader_statements
from schema.types import NodeLabel, RelType

LINT_DIR = Path(__file__).resolve().parents[1] / "cypher-lint"
LABELS = [label.value for label in NodeLabel]
TYPES = [rel.value for rel in RelType]


@pytest.fixture(scope="module")
def lint():
    """Run tests/cypher-lint/lint.mjs: statements -> diagnostics, with Neo4j's parser."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the Cypher linter needs Node.js (see scripts/install_test_tools.sh)")
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.skip(f"{LINT_DIR}/node_modules is absent: run 'cd tests/cypher-lint && npm install'")

    def run(statements: list[str]) -> list[dict]:
        request = {"statements": statements, "labels": LABELS, "relationshipTypes": TYPES}
        done = subprocess.run([node, str(LINT_DIR / "lint.mjs")], input=json.dumps(request), capture_output=True,
                              text=True, check=True, timeout=120)
        report = json.loads(done.stdout)
        assert report["functionsChecked"], "the linter did not load Neo4j's function list"
        return report["results"]

    return run


def _problems(results: list[dict], severities=(1, 2)) -> list[tuple[str, str]]:
    return [(r["statement"], d["message"]) for r in results for d in r["diagnostics"] if d["severity"] in severities]


@pytest.mark.slow
def test_linter_reports_errors_and_dialect_functions(lint):
    # the check can fail: a syntax error, a LadybugDB-only function and an unknown label are reported
    results = lint(["MATCH (n) RETRN n", "MATCH (n:Paper) RETURN label(n) AS l", "MATCH (n:Paperz) RETURN n"])
    assert [bool(_problems([r], (1,))) for r in results] == [True, True, False]
    assert _problems([results[2]], (2,))


@pytest.mark.slow
def test_loader_statements_pass_neo4j_parser(lint, corpus_graph):
    schema = graph_rows(corpus_graph).schema
    statements = loader_statements(schema)
    assert len(statements) == len(set(statements))
    assert _problems(lint(statements)) == []


@pytest.mark.slow
def test_named_queries_pass_neo4j_parser(lint):
    assert _problems(lint([q.cypher for q in QUERIES.values()])) == []


def test_loader_uses_only_schema_labels_and_types(corpus_graph):
    allowed = set(LABELS) | set(TYPES)
    for statement in loader_statements(graph_rows(corpus_graph).schema):
        names = set(re.findall(r"[(\[]\w*:(\w+)", statement))
        assert names and names <= allowed, statement
        assert "'" not in statement and '"' not in statement  # values only as parameters


def test_settings_never_show_the_password(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    settings = Neo4jSettings.from_env()
    assert settings.uri == "bolt://db.example:7687" and settings.user == "neo4j"
    assert "s3cret-pw" not in repr(settings)
    assert Neo4jSettings.from_env(uri="bolt://other:1").uri == "bolt://other:1"


def test_push_without_server_settings_is_one_line(tmp_path, monkeypatch, write_corpus_out):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    write_corpus_out(tmp_path)
    result = CliRunner().invoke(kg.cli.app.main, ["neo4j", "push", "-o", str(tmp_path)])
    assert result.exit_code != 0
    assert result.stderr.strip() == "error: no Neo4j server given: pass --uri or set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)"


def test_unreachable_server_is_one_line_without_password(tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    result = CliRunner().invoke(kg.cli.app.main, ["query", "--neo4j", "--uri", "bolt://127.0.0.1:9", "MATCH (n) RETURN n"])
    assert result.exit_code != 0
    assert result.stderr.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert "s3cret-pw" not in result.output and "Traceback" not in result.output


# -- what a push sends (recorded: no server runs here) ----------------------------------

class _Recorder:
    """Stands in for the neo4j driver and records (statement, parameters, transaction kind).

    The real push against a server is test_push_is_complete_and_idempotent (NEO4J_URI);
    this checks, without a server, that every statement sent is one the linter checks.
    """

    def __init__(self, server_rows=None):
        self.sent: list[tuple[str, dict, str]] = []
        self.server_rows = server_rows or {}

    # driver
    def verify_connectivity(self):
        return None

    def session(self, **kwargs):
        return self

    def close(self):
        return None

    # session
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def run(self, statement, params=None, **kwargs):
        self.sent.append((statement, {**(params or {}), **kwargs}, self._kind))
        return _Result(self.server_rows.get(statement, []))

    _kind = "auto"

    def execute_write(self, work):
        self._kind = "write"
        try:
            return work(self)
        finally:
            self._kind = "auto"

    def execute_read(self, work):
        self._kind = "read"
        try:
            return work(self)
        finally:
            self._kind = "auto"


class _Result:
    def __init__(self, rows):
        self.rows = rows

    def consume(self):
        return None

    def keys(self):
        return list(self.rows[0]) if self.rows else []

    def __iter__(self):
        return iter(_Record(r) for r in self.rows)


class _Record(dict):
    pass


@pytest.fixture()
def recorder(monkeypatch):
    import neo4j

    recorders: list[_Recorder] = []

    def driver(uri, auth=None, **kwargs):
        recorders.append(_Recorder())
        return recorders[-1]

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", driver)
    return recorders


def test_push_sends_linted_statements_in_batches(recorder, corpus_graph):
    G = corpus_graph
    with Neo4jStore(Neo4jSettings(uri="bolt://recorded:7687", user="neo4j", password="pw")) as store:
        summary = store.push(G, batch_size=3, progress=False)
    sent = recorder[0].sent
    allowed = set(loader_statements(graph_rows(G).schema))
    assert {statement for statement, _, _ in sent} <= allowed
    kinds = [kind for _, _, kind in sent]
    n_labels = len(NodeLabel)
    assert kinds[:n_labels] == ["auto"] * n_labels and all(s.startswith("CREATE CONSTRAINT") for s, _, _ in sent[:n_labels])
    assert set(kinds[n_labels:]) == {"write"}
    batches = [params["rows"] for _, params, _ in sent[n_labels:]]
    assert all(0 < len(batch) <= 3 for batch in batches)
    node_ids = [row["id"] for batch in batches for row in batch if "id" in row]
    edge_keys = [(row["source"], row["target"]) for batch in batches for row in batch if "source" in row]
    assert sorted(node_ids) == sorted(G.nodes)
    assert sorted(edge_keys) == sorted((u, v) for u, v, _ in G.edges(keys=True))
    assert sum(summary.nodes.values()) == G.number_of_nodes() and sum(summary.edges.values()) == G.number_of_edges()
    assert all("label" not in row["props"] and "type" not in row["props"] for batch in batches for row in batch)


def test_prune_deletes_what_the_graph_lacks(recorder, corpus_graph):
    from kg.stores.neo4j import edge_ids_statement, node_ids_statement

    G = corpus_graph
    stale = {node_ids_statement(NodeLabel.METHOD): [{"id": "method:gone"}, {"id": "method:lora"}],
             edge_ids_statement(RelType.USES, NodeLabel.PAPER, NodeLabel.METHOD): [
                 {"source": "arxiv:2401.00001", "target": "method:transformer"},
                 {"source": "arxiv:2401.00001", "target": "method:lora"}]}
    with Neo4jStore(Neo4jSettings(uri="bolt://recorded:7687")) as store:
        store._driver.server_rows = stale
        summary = store.push(G, progress=False, prune=True)
    deletes = [(s, p["rows"]) for s, p, _ in recorder[0].sent if "DELETE" in s]
    assert deletes == [
        ("UNWIND $rows AS id MATCH (n:Method {id: id}) DETACH DELETE n", ["method:gone"]),
        ("UNWIND $rows AS row MATCH (a:Paper {id: row.source})-[r:USES]->(b:Method {id: row.target}) DELETE r",
         [{"source": "arxiv:2401.00001", "target": "method:lora"}]),
    ]
    assert (summary.deleted_nodes, summary.deleted_edges) == (1, 1)


# -- with a server ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def server():
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set: the Neo4j integration tests need a server")
    with Neo4jStore(Neo4jSettings.from_env()) as store:
        yield store


@pytest.fixture()
def pushed(server, corpus_graph):
    G = corpus_graph
    ids = list(G.nodes)
    server.query("UNWIND $ids AS id MATCH (n {id: id}) DETACH DELETE n", {"ids": ids}, write=True)
    yield G, ids
    server.query("UNWIND $ids AS id MATCH (n {id: id}) DETACH DELETE n", {"ids": ids}, write=True)


def _snapshot(server, ids):
    nodes = server.query("MATCH (n) WHERE n.id IN $ids RETURN n ORDER BY n.id", {"ids": ids}).rows
    edges = server.query("MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids "
                         "RETURN a.id AS a, type(r) AS t, b.id AS b, r ORDER BY a, t, b", {"ids": ids}).rows
    return nodes, edges


@pytest.mark.neo4j
def test_push_is_complete_and_idempotent(server, pushed):
    G, ids = pushed
    server.push(G, progress=False)
    first = _snapshot(server, ids)
    assert len(first[0]) == G.number_of_nodes() and len(first[1]) == G.number_of_edges()
    server.push(G, progress=False)
    assert _snapshot(server, ids) == first
    constraints = server.query("SHOW CONSTRAINTS YIELD name RETURN name").rows
    assert {f"kg_{lab.lower()}_id" for lab in LABELS} <= {r[0] for r in constraints}


@pytest.mark.neo4j
def test_named_queries_agree_with_the_embedded_store(server, pushed, tmp_path, write_corpus_out):
    G, _ = pushed
    server.push(G, progress=False)
    write_corpus_out(tmp_path)
    params = {"paper": "sparseformer", "benchmark": "GLUE", "method": "Transformer", "entity": "LoRA"}
    with EmbeddedStore.open(tmp_path) as embedded:
        for query in QUERIES.values():
            bound = query.bind({k: v for k, v in params.items() if k in query.params})
            assert server.query(query.cypher, bound).rows == embedded.query(query.cypher, bound).rows, query.name


@pytest.mark.neo4j
def test_query_on_server_refuses_writes(server):
    result = CliRunner().invoke(kg.cli.app.main, ["query", "--neo4j", "MATCH (n) DETACH DELETE n"])
    assert result.exit_code != 0 and "read-only unless --write" in result.stderr
