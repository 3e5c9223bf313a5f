"""Small things of issue 13 that trip a user, through the CLI: ids never cut, labels in any
case, real dates only, ``kg stats OUT``, ``kg top`` without empty family nodes, ``kg viz --view``."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli.app import main
from kg.cli.options import render
from kg.out import save_graph


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    long_id = "method:" + "averyveryverylongidentifier" * 4
    G.add_node(long_id, label="Method", name="Long", paper_count=2)
    G.add_node("method:family", label="Method", name="Family")  # groups variants, named by no paper
    G.add_node("method:lora", label="Method", name="LoRA <b>")
    for i in range(3):
        G.add_node(f"p{i}", label="Paper", name=f"Paper {i} </script>", date=f"202{i}-01-02")
        G.add_edge(f"p{i}", "method:lora", key="USES", sentence="We use LoRA <script>x</script>.")
        if i < 2:
            G.add_edge(f"p{i}", long_id, key="USES")
    G.add_edge("method:lora", "method:family", key="VARIANT_OF")
    return G


@pytest.fixture()
def out(tmp_path):
    save_graph(_graph(), tmp_path / "out")
    return tmp_path / "out"


def test_table_never_cuts_ids():
    ident = "paper:" + "x" * 90
    text = render(["id", "title"], [[ident, "a title " * 20]])
    assert ident in text and "…" in text  # the free text is cut, the id is whole


def test_top_accepts_a_label_in_any_case_and_hides_empty_families(out):
    result = CliRunner().invoke(main, ["top", "--label", "method", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Family" not in result.output and "LoRA" in result.output
    assert "method:" + "averyveryverylongidentifier" * 4 in result.output  # whole id
    assert re.search(r"\d+\.\d{3}%", result.output)  # PageRank as a readable share
    rows = json.loads(CliRunner().invoke(main, ["top", "--label", "METHOD", "--format", "json", "-o", str(out)]).output)
    assert {r["name"] for r in rows} == {"LoRA <b>", "Long"} and all(0 < r["pagerank"] < 1 for r in rows)


@pytest.mark.parametrize("since", ["2024-13-45", "2024-02-30", "24-01"])
def test_impossible_dates_are_refused(out, tmp_path, since):
    result = CliRunner().invoke(main, ["viz", "-o", str(out), "--html", str(tmp_path / "g.html"), "--since", since])
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"error: --since '{since}' is not a")
    assert len(result.output.strip().splitlines()) == 1


def test_stats_takes_the_folder_as_argument(out):
    by_argument = CliRunner().invoke(main, ["stats", str(out), "--json"])
    by_option = CliRunner().invoke(main, ["stats", "-o", str(out), "--json"])
    assert by_argument.exit_code == 0, by_argument.output
    assert json.loads(by_argument.output) == json.loads(by_option.output)
    assert json.loads(by_argument.output)["nodes"]["Paper"] == 3


@pytest.mark.parametrize("view, kinds", [("concepts", {"Method"}), ("papers", {"Paper"}), ("graph", {"Method", "Paper"})])
def test_viz_views(out, tmp_path, view, kinds):
    page = tmp_path / f"{view}.html"
    result = CliRunner().invoke(main, ["viz", "-o", str(out), "--html", str(page), "--view", view])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "<script>x</script>" not in html and "</script>." not in html
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))
    assert data["meta"]["view"] == view
    assert {info["label"] for info in data["info"]} == kinds
    assert all("label" not in node for node in data["nodes"])  # the page draws the labels itself
    if view == "concepts":
        lora = next(info for info in data["info"] if info["name"] == "LoRA <b>")
        assert lora["paper_count"] == 3 and lora["sentences"][0]["sentence"] == "We use LoRA <script>x</script>."
        assert all(e["rels"] == ["co-occurs"] for e in data["edges"])
