"""The graph store: pickle round trip, pandas views, the embedded Cypher store.

The four-paper corpus (``corpus_graph``, ``write_corpus_out``) comes from tests/conftest.py.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import networkx as nx
import pytest

from schema.errors import StoreError
from kg.out import GRAPH_FILE, atomic_write_bytes, load_graph, save_graph
from kg.stores.embedded import write_embedded as sync_embedded
from kg.views.frames import edges_frame, nodes_frame
from kg.stores.base import DOUBLE, INT64, STRING, STRING_LIST, coerce, graph_rows, infer_type
from kg.stores.embedded import DB_FILE, EmbeddedStore, embedded_path, ensure_embedded, is_stale
from schema.types import NodeLabel, RelType


@pytest.fixture()
def graph(corpus_graph) -> nx.MultiDiGraph:
    return corpus_graph


@pytest.fixture()
def out(tmp_path: Path, write_corpus_out) -> Path:
    folder = tmp_path / "out"
    write_corpus_out(folder)
    return folder


# -- pickle round trip --------------------------------------------------------------

def _edge_set(G: nx.MultiDiGraph) -> dict:
    return {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}


def test_save_load_round_trip_is_identical(tmp_path, graph):
    path = save_graph(graph, tmp_path)
    assert path == tmp_path / GRAPH_FILE
    loaded = load_graph(tmp_path)
    assert isinstance(loaded, nx.MultiDiGraph)
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edge_set(loaded) == _edge_set(graph)
    assert list(loaded.nodes) == list(graph.nodes)


def test_kg_load_opens_the_saved_graph(tmp_path, graph):
    import kg

    save_graph(graph, tmp_path)
    assert kg.load(tmp_path).number_of_edges() == graph.number_of_edges()


def test_save_graph_leaves_no_temp_files_and_replaces(tmp_path, graph):
    save_graph(nx.MultiDiGraph(), tmp_path)
    save_graph(graph, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [GRAPH_FILE]
    assert load_graph(tmp_path).number_of_nodes() == graph.number_of_nodes()


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "f.bin"
    atomic_write_bytes(target, b"old")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.bin"]


def test_load_graph_missing_and_damaged(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        load_graph(tmp_path)
    (tmp_path / GRAPH_FILE).write_bytes(pickle.dumps(object())[:5])
    with pytest.raises(StoreError, match="damaged"):
        load_graph(tmp_path)


# -- pandas views -------------------------------------------------------------------

def test_nodes_frame_has_one_row_per_node(graph):
    frame = nodes_frame(graph)
    assert list(frame.columns[:4]) == ["id", "label", "name", "aliases"]
    assert len(frame) == graph.number_of_nodes()
    row = frame.set_index("id").loc["dataset:imagenet"]
    assert row["label"] == "Dataset" and row["paper_count"] == 2 and row["aliases"] == graph.nodes["dataset:imagenet"]["aliases"] == ["ILSVRC"]
    assert frame.set_index("id").loc["arxiv:2401.00001", "upvotes"] == 12


def test_edges_frame_has_one_row_per_edge(graph):
    frame = edges_frame(graph)
    assert list(frame.columns[:3]) == ["source", "target", "type"]
    assert len(frame) == graph.number_of_edges()
    uses = frame[(frame.source == "arxiv:2402.00002") & (frame.type == "USES")]
    assert set(uses.target) == {"method:transformer", "model:vit"}
    assert set(uses.extractor) == {"fixture"}


def test_frames_of_an_empty_graph():
    assert nodes_frame(nx.MultiDiGraph()).empty and edges_frame(nx.MultiDiGraph()).empty


# -- typed rows -----------------------------------------------------------------------

@pytest.mark.parametrize("value, type_, expected", [
    (3, DOUBLE, 3.0), (2.5, INT64, None), (4.0, INT64, 4), ("12", INT64, 12), (True, INT64, 1),
    (None, STRING, None), (float("nan"), DOUBLE, None), ({"b": 1}, STRING, '{"b": 1}'),
    (("x", None, 3), STRING_LIST, ["x", "3"]), ("solo", STRING_LIST, ["solo"]), ("true", "BOOLEAN", True),
    ("abc", INT64, None),
])
def test_coerce(value, type_, expected):
    assert coerce(value, type_) == expected


@pytest.mark.parametrize("values, expected", [
    ([1, 2], INT64), ([1, 2.5], DOUBLE), ([None, "a"], STRING), ([1, "a"], STRING), ([["a"], []], STRING_LIST),
    ([True, None], "BOOLEAN"), ([{"a": 1}], STRING),
])
def test_infer_type(values, expected):
    assert infer_type(values) == expected


def test_graph_rows_keep_extras_and_skip_unknown_labels():
    G = nx.MultiDiGraph()
    G.add_node("p", label="Paper", name="P", aliases=[], title="P", venue="NeurIPS", ids={"doi": "10.1/x"})
    G.add_node("r", label="Result", name="91.2 on X", aliases=[], value=91, metric="F1")
    G.add_node("weird", label="NotALabel", name="W", aliases=[])
    G.add_edge("p", "r", key="REPORTS", type="REPORTS", paper_id="p", count=1, note="x")
    G.add_edge("p", "weird", key="USES", type="USES", count=1)
    rows = graph_rows(G)
    assert rows.skipped_nodes == 1 and rows.skipped_edges == 1
    paper = rows.nodes[next(k for k in rows.nodes if k.value == "Paper")][0]
    assert paper["venue"] == "NeurIPS" and paper["ids"] == '{"doi": "10.1/x"}'
    result = rows.nodes[next(k for k in rows.nodes if k.value == "Result")][0]
    assert result["value"] == 91.0 and isinstance(result["value"], float)
    ((_, _, props),) = next(iter(rows.edges.values()))
    assert props["note"] == "x" and props["count"] == 1


# -- embedded store -------------------------------------------------------------------

def _store_nodes(store: EmbeddedStore) -> dict[str, dict]:
    rows = store.query("MATCH (n) RETURN n").rows
    return {r[0]["id"]: r[0] for r in rows}


def test_embedded_store_holds_every_node_and_edge(out, graph):
    assert sorted(p.name for p in out.iterdir() if p.name.startswith((".", "cypher"))) == [DB_FILE]
    with EmbeddedStore.open(out) as store:
        nodes = _store_nodes(store)
        edges = store.query("MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, r").rows
    assert set(nodes) == set(graph.nodes)
    for node_id, data in graph.nodes(data=True):
        assert nodes[node_id]["_label"] == data["label"]
        assert nodes[node_id]["name"] == data["name"]
        assert nodes[node_id]["aliases"] == data["aliases"]
        for key in ("paper_count", "first_date", "last_date", "date", "upvotes", "title"):
            assert nodes[node_id].get(key) == data.get(key), (node_id, key)
    got = {(a, b, r["_type"]): r for a, b, r in edges}
    assert set(got) == set(_edge_set(graph))
    for (u, v, k), data in _edge_set(graph).items():
        for key in ("paper_id", "sentence", "start", "end", "extractor", "confidence", "count"):
            assert got[(u, v, k)][key] == data[key]


def test_embedded_store_declares_every_label_and_type_even_when_empty(tmp_path):
    sync_embedded(nx.MultiDiGraph(), tmp_path)
    with EmbeddedStore(embedded_path(tmp_path)) as store:
        tables = {row[1] for row in store.query("CALL show_tables() RETURN *").rows}
        assert tables == {lab.value for lab in NodeLabel} | {rel.value for rel in RelType}
        assert store.query("MATCH (n:Result) RETURN n.value AS v, n.metric AS m").rows == []


def test_integer_values_are_stored_exactly_in_double_columns(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("result:a", label="Result", name="a", aliases=[], value=91)
    G.add_node("result:b", label="Result", name="b", aliases=[], value=2.5)
    sync_embedded(G, tmp_path)
    with EmbeddedStore(embedded_path(tmp_path)) as store:
        rows = store.query("MATCH (r:Result) RETURN r.id AS id, r.value AS v ORDER BY id").rows
    assert rows == [["result:a", 91.0], ["result:b", 2.5]]


def test_resync_replaces_the_store_atomically(out):
    G = load_graph(out)
    G.remove_node("method:onlyhere")
    sync_embedded(G, out)
    assert not [p for p in out.iterdir() if p.name.startswith(".cypher-")]
    with EmbeddedStore.open(out) as store:
        assert "method:onlyhere" not in _store_nodes(store)


def test_stale_store_is_rebuilt_from_the_graph(out):
    G = load_graph(out)
    G.add_node("method:late", label="Method", name="Late", aliases=[], paper_count=0)
    save_graph(G, out)
    db = embedded_path(out)
    os.utime(db, ns=(db.stat().st_atime_ns, (out / GRAPH_FILE).stat().st_mtime_ns - 10**9))
    assert is_stale(out)
    ensure_embedded(out)
    assert not is_stale(out)
    with EmbeddedStore.open(out) as store:
        assert store.query("MATCH (m:Method {id: 'method:late'}) RETURN m.name AS n").rows == [["Late"]]


def test_missing_store_is_built_on_open(tmp_path, graph):
    save_graph(graph, tmp_path)
    with EmbeddedStore.open(tmp_path) as store:
        assert store.query("MATCH (p:Paper) RETURN count(*) AS n").rows == [[4]]


def test_open_without_graph_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        EmbeddedStore.open(tmp_path)


def test_upserts_merge_by_id(tmp_path):
    sync_embedded(nx.MultiDiGraph(), tmp_path)
    with EmbeddedStore(embedded_path(tmp_path), read_only=False) as store:
        store.upsert_nodes(NodeLabel.PAPER, [{"id": "p", "name": "P", "aliases": []}])
        store.upsert_nodes(NodeLabel.METHOD, [{"id": "m", "name": "M", "aliases": ["m1"], "paper_count": 1}])
        store.upsert_nodes(NodeLabel.METHOD, [{"id": "m", "name": "M2", "aliases": ["m1"], "paper_count": 2}])
        store.upsert_edges(RelType.USES, NodeLabel.PAPER, NodeLabel.METHOD, [("p", "m", {"count": 1})])
        store.upsert_edges(RelType.USES, NodeLabel.PAPER, NodeLabel.METHOD, [("p", "m", {"count": 3})])
        assert store.query("MATCH (m:Method) RETURN m.name AS n, m.paper_count AS c").rows == [["M2", 2]]
        assert store.query("MATCH (:Paper)-[r:USES]->(:Method) RETURN r.count AS c").rows == [[3]]
