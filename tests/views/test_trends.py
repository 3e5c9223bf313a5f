"""Trends over time, from graphs built of hand-made extractions."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.views import trends
from kg.pipeline import build_graph
from schema import ExtractedEntity, Paper, PaperExtraction, Provenance


def _ext(pid: str, date: str | None, names: list[tuple[str, str]], upvotes: int | None = None) -> PaperExtraction:
    ents = [ExtractedEntity(name=n, type=lab, roles=["USES"],
                            evidence=[Provenance(paper_id=pid, extractor="test")]) for n, lab in names]
    return PaperExtraction(paper=Paper(id=pid, title=pid.upper(), abstract="x", date=date, upvotes=upvotes), entities=ents)


@pytest.fixture()
def graph():
    """Old: Transformer, steady. New: DPO rises in the last months; GRPO appears last."""
    exts = [
        _ext("p1", "2024-01-10", [("Transformer", "Model"), ("GSM8K", "Benchmark")], upvotes=1),
        _ext("p2", "2024-02-03", [("Transformer", "Model")], upvotes=2),
        _ext("p3", "2024-03", [("Transformer", "Model"), ("DPO", "Method")], upvotes=1),
        _ext("p4", "2024-04-01", [("DPO", "Method"), ("GSM8K", "Benchmark")], upvotes=3),
        _ext("p5", "2024-05-09", [("DPO", "Method")], upvotes=0),
        _ext("p6", "2024-06-30", [("DPO", "Method"), ("GRPO", "Method"), ("Transformer", "Model")], upvotes=50),
        _ext("p7", "2024-06-02", [("GRPO", "Method")], upvotes=40),
        _ext("p8", "--01-15", [("DPO", "Method")]),          # no year
        _ext("p9", "2023", [("Transformer", "Model")]),     # year only
        _ext("p10", None, [("DPO", "Method")]),              # undated
    ]
    return build_graph(exts)


def test_date_coverage(graph):
    cov = trends.date_coverage(graph)
    assert cov == {"papers": 10, "with_month": 7, "no_year": 1, "year_only": 1, "no_date": 1, "excluded": 3}


def test_mentions_exclude_papers_without_month(graph):
    df = trends.mentions(graph)
    assert set(df["paper"]) == {f"p{i}" for i in range(1, 8)}
    assert len(df) == 12


def test_counts_by_label(graph):
    table = trends.counts_by_label(graph)
    assert table.loc["2024-06", "Method"] == 3
    assert table.loc["2024-06", "Model"] == 1
    assert table.loc["2024-01", "Benchmark"] == 1
    assert table["papers"].to_dict() == {"2024-01": 1, "2024-02": 1, "2024-03": 1, "2024-04": 1, "2024-05": 1, "2024-06": 2}


def test_counts_by_entity_top(graph):
    table = trends.counts_by_entity(graph, label="Method", top=1)
    assert list(table.columns) == ["DPO"]
    assert table["DPO"].sum() == 4


def test_new_entities(graph):
    df = trends.new_entities(graph)
    first = dict(zip(df["name"], df["first_month"], strict=True))
    assert first == {"GRPO": "2024-06", "DPO": "2024-03", "GSM8K": "2024-01", "Transformer": "2024-01"}
    assert df.iloc[0]["name"] == "GRPO" and df.iloc[0]["papers_first_month"] == 2
    assert list(trends.new_entities(graph, since="2024-03")["name"]) == ["GRPO", "DPO"]


def test_fastest_growing(graph):
    df = trends.fastest_growing(graph, window=3)
    # last 3 months (Apr-Jun) against Jan-Mar
    rows = {r.name: (r.recent, r.previous) for r in df.itertuples()}
    assert rows["DPO"] == (3, 1)
    assert rows["GRPO"] == (2, 0)
    assert "Transformer" not in rows  # 1 recent against 3 before
    assert list(df["name"]) == ["GRPO", "DPO"]  # same growth (+2): the larger ratio first


def test_fastest_growing_by_upvotes(graph):
    df = trends.fastest_growing(graph, window=3, by_upvotes=True)
    assert df.iloc[0]["name"] == "GRPO" and df.iloc[0]["recent"] == 90
    transformer = df[df["name"] == "Transformer"]
    assert transformer.iloc[0]["recent"] == 50 and transformer.iloc[0]["previous"] == 4


def test_fastest_growing_with_end_and_label(graph):
    df = trends.fastest_growing(graph, label="Benchmark", window=1, end="2024-04")
    assert list(df["name"]) == ["GSM8K"]


def test_empty_graph_gives_empty_frames():
    G = build_graph([])
    assert trends.counts_by_label(G).empty and trends.new_entities(G).empty and trends.fastest_growing(G).empty


def test_plot_png(graph, tmp_path):
    import matplotlib.image as mpimg

    path = trends.plot_trends(graph, tmp_path / "t.png", label="Method", top=3)
    img = mpimg.imread(path)
    assert img.shape[0] > 500 and img.shape[1] > 800
    assert img[..., :3].std() > 0.05  # not a blank canvas


def test_trends_command(graph, tmp_path):
    from kg.cli.app import main
    from kg.out import save_graph

    save_graph(graph, tmp_path)
    png = tmp_path / "out" / "trends.png"
    res = CliRunner().invoke(main, ["trends", "-o", str(tmp_path), "--label", "Method", "--top", "2", "--png", str(png)])
    assert res.exit_code == 0, res.output
    assert "papers with a month: 7 of 10; excluded 3 (1 without year, 1 with a year only, 1 undated)" in res.output
    newest = res.output.split("newest Method")[1].split("fastest-growing")[0]
    assert "GRPO" in newest and "DPO" in newest and "GSM8K" not in newest
    growing = res.output.split("fastest-growing Method")[1]
    assert growing.index("GRPO") < growing.index("DPO")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    res = CliRunner().invoke(main, ["trends", "-o", str(tmp_path), "--label", "Nope"])
    assert res.exit_code == 2 and "Nope" in res.output


def test_trends_png_unwritable(graph, tmp_path):
    from kg.cli.app import main
    from kg.out import save_graph

    save_graph(graph, tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = CliRunner().invoke(main, ["trends", "-o", str(tmp_path), "--png", str(blocker / "t.png")])
    assert res.exit_code == 1
    assert "cannot write the chart" in res.output and "Traceback" not in res.output
