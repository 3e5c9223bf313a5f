"""Trends when papers carry a year and no month: by year, as shares, with emerging concepts."""
from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.out import save_graph
from kg.views import trends
from schema.errors import KGError


def _graph() -> nx.MultiDiGraph:
    """Ten papers a year 2020-2023 (year only); "old" fades, "new" appears in 2022 and grows."""
    G = nx.MultiDiGraph()
    for name in ("old", "new", "steady"):
        G.add_node(f"method:{name}", label="Method", name=name)
    for year in range(2020, 2024):
        for i in range(10):
            pid = f"p{year}-{i}"
            G.add_node(pid, label="Paper", name=pid, date=str(year))
            G.add_edge(pid, "method:steady", key="USES")
            if i < {2020: 6, 2021: 4, 2022: 1, 2023: 0}[year]:
                G.add_edge(pid, "method:old", key="USES")
            if i < {2020: 0, 2021: 0, 2022: 3, 2023: 7}[year]:
                G.add_edge(pid, "method:new", key="USES")
    return G


def test_year_is_chosen_when_months_are_missing():
    G = _graph()
    assert trends.choose_period(G) == "year"
    G.add_node("m", label="Paper", date="2024-05-01")
    assert trends.choose_period(G) == "year"  # one month among 41 dated papers is not enough


def test_shares_are_per_year_fractions():
    table = trends.shares(_graph(), top=3)
    assert list(table.index) == ["2020", "2021", "2022", "2023"]
    assert table.loc["2020", "old"] == pytest.approx(0.6) and table.loc["2023", "new"] == pytest.approx(0.7)
    assert (table["steady"] == 1.0).all()


def test_emerging_ranks_the_growing_concept_first():
    out = trends.emerging(_graph(), recent=2)
    assert out["name"].tolist() == ["new"]  # steady does not grow, old shrinks
    assert out.loc[0, "recent_share"] == pytest.approx(0.5) and out.loc[0, "earlier_share"] == 0


def test_report_says_by_year(tmp_path):
    text = trends.report(_graph())
    assert "trends by year" in text and "2023" in text and "emerging" in text


def test_png_by_year(tmp_path):
    import matplotlib.image as mpimg

    path = trends.plot_trends(_graph(), tmp_path / "t.png")
    image = mpimg.imread(path)
    assert image.shape[1] >= 800 and image[..., :3].std() > 0.05


def test_png_without_dates_is_an_error(tmp_path):
    G = _graph()
    for _, data in G.nodes(data=True):
        data.pop("date", None)
    with pytest.raises(KGError, match="nothing to chart"):
        trends.plot_trends(G, tmp_path / "t.png")
    assert not (tmp_path / "t.png").exists()


def test_cli_png_without_dates_exits_non_zero(tmp_path):
    from kg.cli.app import main

    G = _graph()
    for _, data in G.nodes(data=True):
        data.pop("date", None)
    save_graph(G, tmp_path / "out")
    result = CliRunner().invoke(main, ["trends", "-o", str(tmp_path / "out"), "--label", "method",
                                       "--png", str(tmp_path / "t.png")])
    assert result.exit_code == 1 and "error: nothing to chart" in result.output
