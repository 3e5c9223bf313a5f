"""Analytics: importance, communities, co-occurrence, counts over time; ``kg top``, ``kg communities``."""
from __future__ import annotations

import json
from collections import Counter
from itertools import combinations

import networkx as nx
import pytest
from click.testing import CliRunner
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

import kg.cli.app
from kg.views.analytics import communities, cooccurrence, importance, pagerank
from kg.views.trends import counts_by_month


@pytest.fixture()
def graph(corpus_graph) -> nx.MultiDiGraph:
    return corpus_graph


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pagerank_matches_networkx(seed):
    G = nx.MultiDiGraph(nx.gnm_random_graph(60, 200, seed=seed, directed=True))
    G.add_edges_from([(1, 2), (1, 2), (3, 3)])  # parallel edges and a self-loop
    G.add_nodes_from(range(60, 65))  # dangling nodes
    ours, reference = pagerank(G), _pagerank_python(G)
    assert set(ours) == set(reference)
    assert max(abs(ours[n] - reference[n]) for n in G) < 1e-5
    assert sum(ours.values()) == pytest.approx(1.0)


def test_pagerank_of_empty_graph():
    assert pagerank(nx.MultiDiGraph()) == {}


def test_importance_by_papers(graph, corpus_extractions):
    frame = importance(graph, "Method", by="papers")
    assert set(frame["label"]) == {"Method"}
    papers: Counter = Counter()
    for ext in corpus_extractions:
        papers.update({e.name for e in ext.entities if e.type.value == "Method"})
    assert list(zip(frame["name"], frame["papers"])) == sorted(papers.items(), key=lambda kv: (-kv[1], kv[0]))


def test_importance_by_degree_and_pagerank_are_sorted(graph):
    for by in ("degree", "pagerank"):
        frame = importance(graph, ["Method", "Model"], by=by)
        assert list(frame[by]) == sorted(frame[by], reverse=True)
        assert set(frame["label"]) == {"Method", "Model"}
    degree = importance(graph, by="degree")
    assert dict(zip(degree["id"], degree["degree"])) == dict(graph.degree())
    assert importance(graph, "Method", limit=2).shape[0] == 2


def test_importance_rejects_unknown_ranking(graph):
    with pytest.raises(ValueError, match="pagerank"):
        importance(graph, by="fame")


def test_cooccurrence_counts_shared_papers(graph, corpus_extractions):
    frame = cooccurrence(graph)
    expected: Counter = Counter()
    for ext in corpus_extractions:
        expected.update(combinations(sorted({e.name for e in ext.entities}), 2))
    got = {frozenset((a, b)): n for a, b, n in zip(frame["a_name"], frame["b_name"], frame["papers"])}
    assert got == {frozenset(pair): n for pair, n in expected.items()}
    assert list(frame["papers"]) == sorted(frame["papers"], reverse=True)
    assert (frame["a"] < frame["b"]).all()
    assert set(cooccurrence(graph, min_papers=2)["papers"]) == {2}


def test_communities_separate_disconnected_clusters():
    G = nx.MultiDiGraph()
    clusters = {"vision": ["ViT", "ImageNet", "ResNet"], "text": ["BERT", "GLUE", "SQuAD"]}
    for topic, names in clusters.items():
        for i in range(3):
            paper = f"paper:{topic}{i}"
            G.add_node(paper, label="Paper", name=paper)
            for name in names:
                G.add_node(f"method:{name}", label="Method", name=name)
                G.add_edge(paper, f"method:{name}", key="USES")
    frame = communities(G, seed=3)
    groups = {frozenset(g["name"]) for _, g in frame.groupby("community")}
    assert groups == {frozenset(v) for v in clusters.values()}
    assert set(frame["size"]) == {3}


def test_communities_are_seeded_and_cover_every_concept(graph):
    first, second = communities(graph, seed=7), communities(graph, seed=7)
    assert first.equals(second)
    concepts = {n for n, d in graph.nodes(data=True) if d["label"] != "Paper"}
    assert set(first["id"]) == concepts
    sizes = first.groupby("community")["id"].count()
    assert list(sizes) == sorted(sizes, reverse=True)
    whole = communities(graph, seed=7, projection="graph")
    assert set(whole["id"]) == concepts


def test_counts_by_month(graph, corpus_extractions):
    frame = counts_by_month(graph)
    months: Counter = Counter()
    methods: dict[str, set] = {}
    for ext in corpus_extractions:
        if ext.paper.date and len(ext.paper.date) >= 7:
            month = ext.paper.date[:7]
            months[month] += 1
            methods.setdefault(month, set()).update(e.name for e in ext.entities if e.type.value == "Method")
    assert list(frame["month"]) == sorted(months)
    assert list(frame["papers"]) == [months[m] for m in sorted(months)]
    assert list(frame["Method"]) == [len(methods[m]) for m in sorted(months)]


def test_counts_by_month_skips_stubs_and_partial_dates():
    G = nx.MultiDiGraph()
    G.add_node("a", label="Paper", name="a", date="--03-02")
    G.add_node("b", label="Paper", name="b", date="2023")
    G.add_node("c", label="Paper", name="c", date="2023-05", stub=True)
    G.add_node("d", label="Paper", name="d", date="2023-05")
    assert counts_by_month(G)[["month", "papers"]].values.tolist() == [["2023-05", 1]]


# -- CLI ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def out(tmp_path_factory, write_corpus_out):
    folder = tmp_path_factory.mktemp("analytics") / "out"
    write_corpus_out(folder)
    return folder


def test_kg_top(out, graph):
    result = CliRunner().invoke(kg.cli.app.main, ["top", "--label", "Method", "--by", "papers", "--limit", "2",
                                              "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    expected = importance(graph, "Method", by="papers", limit=2)
    assert [(r["rank"], r["name"], r["papers"]) for r in rows] == [
        (i + 1, n, p) for i, (n, p) in enumerate(zip(expected["name"], expected["papers"]))]


def test_kg_top_table(out):
    result = CliRunner().invoke(kg.cli.app.main, ["top", "--label", "Model", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == ["rank", "id", "name", "papers", "degree", "pagerank"]
    assert {"BERT", "ViT"} <= set(result.stdout.split())


def test_kg_communities(out, graph):
    result = CliRunner().invoke(kg.cli.app.main, ["communities", "--seed", "7", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    expected = communities(graph, seed=7)
    assert [(r["community"], r["id"]) for r in rows] == list(zip(expected["community"], expected["id"]))
    table = CliRunner().invoke(kg.cli.app.main, ["communities", "--seed", "7", "-o", str(out)])
    assert table.exit_code == 0 and "Transformer" in table.stdout


def test_kg_top_without_graph(tmp_path):
    result = CliRunner().invoke(kg.cli.app.main, ["top", "-o", str(tmp_path)])
    assert result.exit_code != 0 and "kg build" in result.stderr and "Traceback" not in result.output
