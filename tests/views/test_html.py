"""kg.views.html without a browser: selection, layout, escaping, the page's data, the CLI.

The page itself is exercised in a real browser in test_html_browser.py.
"""
from __future__ import annotations

import json
import re

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner

from schema.errors import InputError
from kg.pipeline import build_graph
from kg.out import save_graph
from kg.views.html import (
    DEFAULT_MAX_NODES,
    force_layout,
    graph_layout,
    importance,
    page_data,
    parse_labels,
    script_json,
    select_subgraph,
    to_html,
)
from kg.views.lookup import find_node
from schema import ExtractedEntity, Paper, PaperExtraction, Provenance

EVIL_ABSTRACT = (
    'We propose LoRA. <script>window.__pwned=1</script> It beats full fine-tuning on GLUE '
    '<img src=x onerror="window.__pwned=2"> and </script><!-- also -->.'
)


def _extraction(i: int, date: str | None, entities: list[tuple[str, str, list[str], list[str]]]) -> PaperExtraction:
    paper = Paper(
        id=f"arxiv:2401.{i:05d}", title=f"Paper {i}" if i else 'Evil <img src=x onerror="window.__pwned=3">',
        abstract=EVIL_ABSTRACT if i == 0 else f"Abstract {i} uses things.", date=date,
        urls=[f"https://arxiv.org/abs/2401.{i:05d}", "javascript:window.__pwned=4"],
    )
    ents = [
        ExtractedEntity(name=name, type=label, aliases=aliases, roles=roles,
                        evidence=[Provenance(paper_id=paper.id,
                                             sentence=f"{name} ({aliases[0]}) </script> in paper {i}." if aliases
                                             else f"{name} </script> in paper {i}.",
                                             extractor="test", confidence=0.8)])
        for name, label, aliases, roles in entities
    ]
    return PaperExtraction(paper=paper, entities=ents)


def fixture_extractions() -> list[PaperExtraction]:
    exts = [
        _extraction(0, "2024-01-15", [("LoRA", "Method", ["Low-Rank Adaptation"], ["PROPOSES"]),
                                      ("GLUE", "Benchmark", [], ["EVALUATES_ON"])]),
        _extraction(1, "2024-03", [("LoRA", "Method", ["Low-Rank Adaptation"], ["USES"]),
                                   ("GLUE", "Benchmark", [], ["EVALUATES_ON"]),
                                   ("accuracy", "Metric", [], ["MEASURES"])]),
        _extraction(2, "2024-07-02", [("QLoRA", "Method", [], ["PROPOSES"]), ("LoRA", "Method", [], ["COMPARES_WITH"]),
                                      ("MMLU", "Benchmark", [], ["EVALUATES_ON"])]),
        _extraction(3, "2023-11-20", [("BERT", "Model", [], ["USES"]), ("question answering", "Task", [], ["ADDRESSES"])]),
        _extraction(4, None, [("SQuAD", "Dataset", [], ["EVALUATES_ON"]), ("BERT", "Model", [], ["USES"])]),
        _extraction(5, "--05-01", [("ImageNet", "Dataset", [], ["USES"])]),
    ]
    return exts


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph(fixture_extractions())


def _embedded_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page has no kg-data element"
    return json.loads(match.group(1))


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("text", [
    "</script><script>alert(1)</script>", "<!-- <script>", "a & b > c", "\u2028line\u2029", "</SCRIPT >",
    '"quoted" \\ backslash', EVIL_ABSTRACT,
])
def test_script_json_is_inert_in_html_and_parses_back(text):
    out = script_json({"t": text, "list": [text]})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"t": text, "list": [text]}


def test_page_embeds_input_text_only_as_escaped_json(graph, tmp_path):
    html = to_html(graph, tmp_path / "g.html", view="graph").read_text(encoding="utf-8")
    for raw in ("<script>window.__pwned", "<img src=x onerror", "</script><!--"):
        assert raw not in html
    data = _embedded_data(html)
    infos = {info["id"]: info for info in data["info"]}
    assert infos["arxiv:2401.00000"]["abstract"] == EVIL_ABSTRACT
    assert infos["arxiv:2401.00000"]["urls"] == ["https://arxiv.org/abs/2401.00000"]  # javascript: dropped
    sentences = {ev.get("sentence") for evs in data["evidence"] for ev in evs}
    assert "LoRA (Low-Rank Adaptation) </script> in paper 0." in sentences


def test_page_title_is_escaped(graph, tmp_path):
    html = to_html(graph, tmp_path / "g.html", title="<b>x</b> & y").read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;x&lt;/b&gt; &amp; y</title>" in html


def test_page_needs_no_remote_resource(graph, tmp_path):
    html = to_html(graph, tmp_path / "g.html", view="graph").read_text(encoding="utf-8")
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?\s*(?:https?:)?//", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert "vis.Network" in html and "DataView" in html  # vis-network is inlined, not linked


# --------------------------------------------------------------------------- selection


def test_find_node_by_alias_and_suggestion(graph):
    assert find_node(graph, "low-rank adaptation") == find_node(graph, "LoRA")
    assert graph.nodes[find_node(graph, "lora")]["name"] == "LoRA"
    with pytest.raises(InputError, match="did you mean 'QLoRA'"):
        find_node(graph, "QLoRAA")


@pytest.mark.parametrize("hops", [0, 1, 2])
def test_focus_keeps_the_hops_neighbourhood(graph, hops):
    node = find_node(graph, "LoRA")
    expected = set(nx.ego_graph(graph.to_undirected(), node, radius=hops).nodes)
    H = select_subgraph(graph, focus="LoRA", hops=hops, max_nodes=0)
    assert set(H.nodes) == expected
    assert H.number_of_edges() == graph.subgraph(expected).number_of_edges()


@pytest.mark.parametrize("labels", ["Method", "Method,Benchmark", ["paper", "Task"]])
def test_labels_filter(graph, labels):
    wanted = parse_labels(labels)
    H = select_subgraph(graph, labels=labels)
    assert set(H.nodes) == {n for n, lab in graph.nodes(data="label") if lab in wanted}


def test_unknown_label_is_an_input_error(graph):
    with pytest.raises(InputError, match="unknown node label 'Methods'"):
        select_subgraph(graph, labels="Methods")


def test_since_keeps_recent_papers_and_their_entities(graph):
    H = select_subgraph(graph, since="2024-03-10", max_nodes=0)
    papers = {n for n in H if graph.nodes[n]["label"] == "Paper"}
    # 2024-03 may be on or after 2024-03-10; undated, year-less and older papers go
    assert papers == {"arxiv:2401.00001", "arxiv:2401.00002"}
    for node in H:
        if node not in papers:
            assert any(nb in papers for nb in nx.all_neighbors(graph, node)), node
    assert find_node(graph, "BERT") not in H


@pytest.mark.parametrize("since", ["2024/01/01", "yesterday", "--05-01"])
def test_since_must_be_a_date(graph, since):
    with pytest.raises(InputError, match="is not a date"):
        select_subgraph(graph, since=since)


def test_min_degree(graph):
    H = select_subgraph(graph, min_degree=2, max_nodes=0)
    assert set(H.nodes) == {n for n in graph if graph.degree(n) >= 2}


def test_max_nodes_keeps_the_most_important(graph):
    H = select_subgraph(graph, max_nodes=5)
    assert H.number_of_nodes() == 5
    kept = [importance(graph, n) for n in H]
    dropped = [importance(graph, n) for n in graph if n not in H]
    assert min(kept) >= max(dropped)


def test_max_nodes_default_caps_big_graphs():
    G = nx.MultiDiGraph()
    for i in range(DEFAULT_MAX_NODES + 50):
        G.add_node(f"p{i}", label="Paper", name=f"P{i}", aliases=[])
    assert select_subgraph(G).number_of_nodes() == DEFAULT_MAX_NODES
    assert select_subgraph(G, max_nodes=0).number_of_nodes() == G.number_of_nodes()


# --------------------------------------------------------------------------- layout


def _two_clusters(size: int) -> tuple[int, list[tuple[int, int]]]:
    rng = np.random.default_rng(3)
    edges = []
    for base in (0, size):
        for i in range(size):
            for j in rng.choice(size, 3, replace=False):
                if i != j:
                    edges.append((base + i, base + int(j)))
    edges.append((0, size))  # one bridge
    return 2 * size, edges


@pytest.mark.parametrize("size", [40, 400])  # exact repulsion, then the grid (particle-mesh) one
def test_force_layout_separates_clusters_without_collapsing(size):
    n, edges = _two_clusters(size)
    pos = force_layout(n, edges)
    assert pos.shape == (n, 2) and np.isfinite(pos).all()
    a, b = pos[:size], pos[size:]
    spread = np.sqrt(((a - a.mean(0)) ** 2).sum(1)).mean() + np.sqrt(((b - b.mean(0)) ** 2).sum(1)).mean()
    assert np.linalg.norm(a.mean(0) - b.mean(0)) > 0.75 * spread
    # nodes do not pile up: the closest pairs are still apart
    d = np.sqrt(((pos[:, None, :] - pos[None, :, :]) ** 2).sum(-1)) + np.eye(n) * 1e9
    assert np.median(d.min(1)) > 0.2


def test_graph_layout_puts_lonely_nodes_under_the_drawing():
    pos = graph_layout(6, [(0, 1), (1, 2)])
    assert pos[3:, 1].min() > pos[:3, 1].max()
    assert len({tuple(p) for p in pos[3:].round(3)}) == 3


def test_page_data_types_and_sizes(graph):
    data = page_data(graph)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == len({(u, v) for u, v in graph.edges()})
    legend = {t["label"]: t["count"] for t in data["types"]}
    assert legend == dict(sorted({lab: sum(1 for _, x in graph.nodes(data="label") if x == lab)
                                  for lab in legend}.items()))
    shapes = {t["label"]: t["shape"] for t in data["types"]}
    assert len(set(shapes.values())) >= 4
    by_name = {info["name"]: node for info, node in zip(data["info"], data["nodes"])}
    assert by_name["LoRA"]["size"] > by_name["ImageNet"]["size"]  # more connected, bigger


# --------------------------------------------------------------------------- CLI


def test_cli_viz_writes_the_page(graph, tmp_path):
    from kg.cli.app import main

    save_graph(graph, tmp_path / "store")
    out = tmp_path / "g.html"
    result = CliRunner().invoke(main, ["viz", "-o", str(tmp_path / "store"), "--html", str(out), "--view", "graph",
                                       "--label", "Paper,Method", "--label", "Benchmark"])
    assert result.exit_code == 0, result.output
    data = _embedded_data(out.read_text(encoding="utf-8"))
    assert {info["label"] for info in data["info"]} == {"Paper", "Method", "Benchmark"}
    assert f"wrote {out}" in result.output


@pytest.mark.parametrize("args, message", [
    (["--label", "Foo"], "error: unknown node label 'Foo'"),
    (["--focus", "no such thing"], "error: no node named 'no such thing'"),
    (["--since", "2024/1"], "error: --since '2024/1' is not a date"),
])
def test_cli_viz_bad_arguments_are_one_line(graph, tmp_path, args, message):
    from kg.cli.app import main

    save_graph(graph, tmp_path / "store")
    result = CliRunner().invoke(main, ["viz", "-o", str(tmp_path / "store"), "--html", str(tmp_path / "g.html"), *args])
    assert result.exit_code == 1
    assert result.output.strip().startswith(message)
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_cli_viz_without_a_graph(tmp_path):
    from kg.cli.app import main

    result = CliRunner().invoke(main, ["viz", "-o", str(tmp_path / "none"), "--html", str(tmp_path / "g.html")])
    assert result.exit_code == 1
    assert "no graph in" in result.output
