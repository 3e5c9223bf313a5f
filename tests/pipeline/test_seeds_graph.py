"""The graph of the five seed pages, built by the whole pipeline: what a researcher looks at first."""
from __future__ import annotations

from collections import Counter

import pytest

from kg.pipeline import build
from kg.out import load_graph

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_graph(seeds_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    build(sorted(seeds_dir.glob("*.txt")), out, progress=False)
    return load_graph(out)


def _named(G, name: str) -> list[str]:
    return [n for n, d in G.nodes(data=True) if d.get("name") == name and d["label"] not in ("Paper", "Result")]


def test_alpacaeval_2_is_one_node_holding_its_results(seeds_graph):
    G = seeds_graph
    [node] = _named(G, "AlpacaEval 2.0")
    assert not _named(G, "AlpacaEval 2")  # "AlpacaEval 2" is an alias, not a second node
    results = {G.nodes[u]["value"] for u, _, k in G.in_edges(node, keys=True) if k == "ON_BENCHMARK"}
    assert 29.44 in results and len(results) >= 2


def test_spellings_of_one_benchmark_are_one_node(seeds_graph):
    ids = {n for form in ("AIME24", "AIME 2024", "AIME2024") for n, d in seeds_graph.nodes(data=True)
           if form in [d.get("name"), *(d.get("aliases") or [])] and d["label"] != "Paper"}
    assert len(ids) == 1


def test_no_display_name_is_shared_by_two_concepts(seeds_graph):
    names = Counter(d["name"] for _, d in seeds_graph.nodes(data=True)
                    if d["label"] not in ("Paper", "Result", "Repository", "Organization"))
    shared = {n: c for n, c in names.items() if c > 1}
    assert "SFT" not in shared
    assert len(shared) <= 0.01 * len(names), sorted(shared)[:20]


def test_no_inferred_citations_by_default(seeds_graph):
    assert not any(k == "INFERRED_CITES" or d.get("inferred") for _, _, k, d in seeds_graph.edges(keys=True, data=True))
