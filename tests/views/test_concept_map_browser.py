"""The concept map (the default ``kg viz`` view) in real Chromium (headless).

A driver script appended to a copy of the page reads the label boxes the page drew
(``window.kgLabelBoxes()``) at the default zoom and zoomed in, selects a node and
collapses the details panel, and writes what it saw into ``data-test``. Screenshots
go to test-artifacts/ (concept-map-*.png) to be looked at.
"""
from __future__ import annotations

import html as htmllib
import json
import random
import re
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from kg.pipeline import build_graph
from kg.views.html import write_html
from schema import ExtractedEntity, Paper, PaperExtraction, Provenance

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--window-size=1400,900", "--hide-scrollbars",
]
DRIVER = """
<script>
setTimeout(function () {
  var out = {}, net = window.kgNetwork, st = document.getElementById("kg-status");
  function overlaps(boxes) {
    var n = 0;
    for (var a = 0; a < boxes.length; a++) for (var b = a + 1; b < boxes.length; b++) {
      var p = boxes[a], q = boxes[b];
      if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) n++;
    }
    return n;
  }
  function onScreen() {
    var c = document.getElementById("graph"), n = 0, pos = net.getPositions();
    Object.keys(pos).forEach(function (k) {
      var p = net.canvasToDOM(pos[k]);
      if (p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight) n++;
    });
    return n;
  }
  net.redraw();
  var start = window.kgLabelBoxes();
  out.startShare = start.length / onScreen();
  out.start = [start.length, overlaps(start)];
  out.firstLabel = start.length ? start[0].text : null;
  net.moveTo({ scale: net.getScale() * 3, animation: false }); net.redraw();
  var zoomed = window.kgLabelBoxes();
  out.zoomed = [zoomed.length, overlaps(zoomed)];
  out.zoomedShare = zoomed.length / onScreen();
  net.fit({ animation: false }); net.redraw();
  out.refit = window.kgLabelBoxes().length;
  window.kgSelect(__TARGET__); net.redraw();
  out.shown = st.dataset.shown;
  out.selected = [+st.dataset.selectedX, +st.dataset.panelLeft];
  var colours = net.body.data.nodes.get().map(function (n) { return n.color && n.color.background; });
  out.dimmed = colours.filter(function (c) { return c === "#e3e6eb"; }).length;
  var firstSel = window.kgLabelBoxes()[0];
  out.selectedLabel = firstSel ? firstSel.text : null;
  document.querySelector("#panel .fold").click();
  out.collapsedWidth = document.getElementById("panel").getBoundingClientRect().width;
  window.kgReport();
  out.collapsed = [+st.dataset.selectedX, +st.dataset.panelLeft];
  document.getElementById("overlay").value = "year";
  document.getElementById("overlay").dispatchEvent(new Event("change"));
  out.yearLegend = document.getElementById("colour-legend").textContent;
  st.setAttribute("data-test", JSON.stringify(out));
}, 1500);
</script>
"""


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium to run the browser tests")
    return CHROMIUM


def _synthetic_graph(n_papers: int = 160, n_concepts: int = 220, seed: int = 3) -> nx.MultiDiGraph:
    """Papers mentioning concepts of a few topics (so there are communities), dated 2019-2024."""
    rng = random.Random(seed)
    topics = [[f"topic{t} concept {i:03d}" for i in range(t, n_concepts, 4)] for t in range(4)]
    exts = []
    for p in range(n_papers):
        topic = topics[p % 4]
        names = {rng.choice(topic[:8])} | {rng.choice(topic) for _ in range(5)} | {rng.choice(topics[rng.randrange(4)])}
        pid = f"arxiv:2401.{p:05d}"
        paper = Paper(id=pid, title=f"Paper {p} <b>bold</b>", abstract=f"Abstract {p}.", date=f"{2019 + p % 6}-0{1 + p % 9}-01")
        exts.append(PaperExtraction(paper=paper, entities=[
            ExtractedEntity(name=name, type="Method" if i % 3 else "Task", roles=["USES"],
                            evidence=[Provenance(paper_id=pid, sentence=f"We use {name}.", extractor="test")])
            for i, name in enumerate(sorted(names))
        ]))
    return build_graph(exts)


def _drive(chromium: Path, page: Path, target: str, tmp_path: Path, shot_name: str) -> dict:
    text = page.read_text(encoding="utf-8")
    copy = tmp_path / "driven.html"
    copy.write_text(text.replace("</body>", DRIVER.replace("__TARGET__", json.dumps(target)) + "</body>"), encoding="utf-8")
    base = [str(chromium), *FLAGS, "--virtual-time-budget=10000"]
    proc = subprocess.run([*base, f"--user-data-dir={tmp_path / 'p1'}", "--dump-dom", copy.as_uri()],
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:]
    match = re.search(r'data-test="([^"]*)"', proc.stdout)
    assert match, "the driver wrote nothing: did the page script fail?"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / shot_name
    shot.unlink(missing_ok=True)
    proc = subprocess.run([*base, f"--user-data-dir={tmp_path / 'p2'}", f"--screenshot={shot}", page.as_uri()],
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0 and shot.exists(), proc.stderr[-2000:]
    return json.loads(htmllib.unescape(match.group(1)))


def _check(out: dict, M: nx.Graph, target: str) -> None:
    biggest = max(M.nodes, key=lambda n: (M.nodes[n]["papers"], n))
    assert out["start"][0] >= 5 and out["start"][1] == 0, out["start"]  # labels drawn, none overlapping
    assert out["firstLabel"] == M.nodes[biggest]["name"][:48]  # the biggest concept is labelled first
    assert out["zoomed"][1] == 0 and out["zoomed"][0] > 0, out
    assert out["zoomedShare"] > out["startShare"], out  # zoomed in, a larger share of what is in view is labelled
    assert out["refit"] == out["start"][0]
    assert out["shown"] == target
    assert out["selected"][0] < out["selected"][1]  # the panel does not cover the selection
    assert out["dimmed"] == M.number_of_nodes() - len(set(M[target]) | {target})  # the rest is dimmed
    assert out["selectedLabel"] == M.nodes[target]["name"][:48]
    assert out["collapsedWidth"] < 60 and out["collapsed"][0] < out["collapsed"][1]
    assert re.search(r"\d{4}", out["yearLegend"])


def _image_has_colours(path: Path, at_least: int) -> None:
    """At least ``at_least`` distinct saturated hues in the graph area (communities in colour)."""
    import matplotlib.image as mpimg
    import numpy as np

    image = mpimg.imread(path)[:, 310:, :3]
    saturated = image[(image.max(-1) - image.min(-1)) > 0.3]
    hues = {tuple(np.round(px * 4).astype(int)) for px in saturated}
    assert len(hues) >= at_least, len(hues)


def test_concept_map_labels_never_overlap(chromium, tmp_path):
    G = _synthetic_graph()
    page, M = write_html(G, tmp_path / "map.html")
    assert M.number_of_nodes() > 100
    target = max(M.nodes, key=lambda n: (M.degree(n), n))
    out = _drive(chromium, page, target, tmp_path, "concept-map-synthetic.png")
    _check(out, M, target)
    _image_has_colours(ARTIFACTS / "concept-map-synthetic.png", 4)


def test_concept_map_of_the_seeds(chromium, seeds_dir, tmp_path):
    """The default view of the seeds: communities in colour, no overlapping labels."""
    from kg.pipeline import build

    build(sorted(seeds_dir.glob("*.txt")), tmp_path / "out")
    from kg.out import load_graph

    page, M = write_html(load_graph(tmp_path / "out"), tmp_path / "seeds.html")
    target = max(M.nodes, key=lambda n: (M.degree(n), n))
    out = _drive(chromium, page, target, tmp_path, "concept-map-seeds.png")
    _check(out, M, target)
    _image_has_colours(ARTIFACTS / "concept-map-seeds.png", 4)
