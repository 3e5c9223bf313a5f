"""``kg remove``: a paper goes, with whatever only it supported; the rest is recounted."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kg.cli.app
from kg.out import CACHE_FILE, MERGE_LOG_FILE, load_cache
from kg.out import GRAPH_FILE, load_graph
from kg.stores.embedded import embedded_path, is_stale

ORPHAN = "arxiv:2403.00004"  # the only paper of method:onlyhere
SHARED = "arxiv:2402.00003"  # shares Transformer, BERT and GLUE with others; only it proposes LoRA


@pytest.fixture()
def out(tmp_path, write_corpus_out):
    folder = tmp_path / "out"
    write_corpus_out(folder)
    return folder


def run(*args: str):
    return CliRunner().invoke(kg.cli.app.main, list(args))


def query_json(out, cypher: str) -> list[dict]:
    result = run("query", "-o", str(out), "--format", "json", cypher)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_remove_drops_the_paper_and_what_only_it_supported(out):
    before = load_graph(out)
    result = run("remove", SHARED, "-o", str(out))
    assert result.exit_code == 0, result.output
    G = load_graph(out)
    assert SHARED not in G and SHARED not in load_cache(out)
    only_here = {v for v in before.successors(SHARED) if set(before.predecessors(v)) == {SHARED}}
    assert only_here == {"method:lora", "metric:accuracy"}
    assert not only_here & set(G.nodes)
    for shared in set(before.successors(SHARED)) - only_here:
        assert G.nodes[shared]["paper_count"] == before.nodes[shared]["paper_count"] - 1
    assert G.number_of_nodes() == before.number_of_nodes() - 1 - len(only_here)
    assert str(G.number_of_nodes()) in result.stderr


def test_remove_updates_the_cypher_store_and_merge_log(out):
    assert run("remove", ORPHAN, "-o", str(out)).exit_code == 0
    assert not is_stale(out)
    assert query_json(out, "MATCH (m:Method {id: 'method:onlyhere'}) RETURN m.id AS id") == []
    assert query_json(out, "MATCH (p:Paper) RETURN count(*) AS n") == [{"n": 3}]
    assert (out / MERGE_LOG_FILE).exists()


def test_remove_by_external_id(out):
    result = run("remove", "doi:10.1000/sparse", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "arxiv:2401.00001" not in load_graph(out)


def test_remove_several_papers(out):
    assert run("remove", ORPHAN, SHARED, "-o", str(out)).exit_code == 0
    assert {ORPHAN, SHARED}.isdisjoint(load_cache(out))


def test_unknown_id_is_one_line_and_changes_nothing(out):
    files = {name: (out / name).read_bytes() for name in (CACHE_FILE, GRAPH_FILE)}
    db = embedded_path(out).read_bytes()
    result = run("remove", "arxiv:9999.99999", ORPHAN, "-o", str(out))
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "arxiv:9999.99999" in lines[0] and "Traceback" not in result.output
    assert {name: (out / name).read_bytes() for name in files} == files
    assert embedded_path(out).read_bytes() == db


def test_remove_without_cache_says_what_to_do(tmp_path):
    result = run("remove", ORPHAN, "-o", str(tmp_path))
    assert result.exit_code != 0 and "kg build" in result.stderr
