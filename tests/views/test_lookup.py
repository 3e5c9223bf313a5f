"""Finding a node by name is written once (kg.views.lookup) and used by viz, explain and the leaderboard."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.views.analytics import leaderboard
from kg.views.html import select_subgraph
from kg.views.lookup import close_names, find_entities, find_node, find_nodes, is_named
from kg.views.trends import counts_by_month, mentions
from schema.errors import InputError


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("p1", label="Paper", name="LoRA for all", title="LoRA for all", date="2024-03-02")
    G.add_node("p2", label="Paper", name="Second", title="Second", date="2024-04-10")
    G.add_node("method:lora", label="Method", name="LoRA", aliases=["Low-Rank Adaptation"])
    G.add_node("model:lora", label="Model", name="LoRA", aliases=[])
    G.add_node("bench:gsm8k", label="Benchmark", name="GSM8K", aliases=["Grade School Math 8K"])
    for paper in ("p1", "p2"):
        G.add_edge(paper, "method:lora", key="USES")
        G.add_edge(paper, "bench:gsm8k", key="EVALUATES_ON")
    G.add_edge("p1", "model:lora", key="MENTIONS")
    for i, (value, metric, paper) in enumerate([(91.5, "accuracy", "p1"), (72.0, "accuracy", "p2"), (3.1, "loss", "p2")]):
        G.add_node(f"r{i}", label="Result", value=value, metric=metric, subject=f"M{i}", paper_id=paper,
                   benchmark="grade-school math 8k" if i == 2 else None, sentence=f"s{i}")
        G.add_edge(paper, f"r{i}", key="REPORTS")
        if i < 2:
            G.add_edge(f"r{i}", "bench:gsm8k", key="ON_BENCHMARK")
    return G


def test_find_nodes_matches_ids_names_and_aliases_by_name_key(graph):
    assert find_nodes(graph, "low rank_adaptation") == ["method:lora"]
    assert find_nodes(graph, "lora") == ["method:lora", "model:lora"]
    assert find_nodes(graph, "lora", labels=["Model"]) == ["model:lora"]
    assert find_nodes(graph, "bench:gsm8k") == ["bench:gsm8k"]
    assert find_nodes(graph, "LoRAs") == []
    assert find_nodes(graph, "LoRAs", keys=(str.lower, lambda s: s.lower().rstrip("s"))) == ["method:lora", "model:lora"]


def test_find_node_prefers_the_most_connected_and_suggests_close_names(graph):
    assert find_node(graph, "LoRA") == "method:lora"
    with pytest.raises(InputError, match="did you mean 'GSM8K'"):
        find_node(graph, "GSM8X")
    assert close_names(graph, "gsm8x", labels=["Method"]) == []


def test_explain_and_viz_use_the_same_lookup(graph):
    assert find_entities(graph, "lora for all") == []  # papers are not entities
    assert find_node(graph, "lora for all") == "p1"
    assert "method:lora" in select_subgraph(graph, focus="Low-Rank Adaptation", hops=0)


def test_leaderboard_finds_the_benchmark_by_alias_and_by_the_result_text(graph):
    board = leaderboard(graph, "grade school math 8K")
    # one metric is ranked (the one most results report); the others are named, never mixed in
    assert board["model"].tolist() == ["M0", "M1"]
    assert board.attrs["metric"] == "accuracy" and board.attrs["other_metrics"] == {"loss": 1}
    assert leaderboard(graph, "GSM8K", metric="Accuracy")["value"].tolist() == [91.5, 72.0]
    assert leaderboard(graph, "Grade School Math 8K", ascending=True)["value"].tolist() == [72.0, 91.5]
    loss = leaderboard(graph, "Grade School Math 8K", metric="loss")  # lower is better: lowest first
    assert loss["value"].tolist() == [3.1] and loss.attrs["ascending"] is True
    assert leaderboard(graph, "gsm8k")["value"].tolist() == [91.5, 72.0]  # r2 names the benchmark only by its alias
    assert leaderboard(graph, "MATH").empty
    assert is_named("GSM 8K", "gsm-8k") and not is_named("GSM8K", "")


def test_counts_by_month_is_counted_from_the_mentions(graph):
    frame = counts_by_month(graph, ["Method", "Model", "Benchmark"])
    assert frame.values.tolist() == [["2024-03", 1, 1, 1, 1], ["2024-04", 1, 1, 0, 1]]
    seen = mentions(graph).groupby("month")["entity"].nunique().tolist()
    assert frame[["Method", "Model", "Benchmark"]].sum(axis=1).tolist() == seen
