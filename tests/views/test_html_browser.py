"""The HTML view in a real browser (Debian chromium, headless).

The page writes what it did into ``<div id="kg-status" data-...>`` (rendered, nodes and
edges drawn, ink on the canvas, resources loaded, CSP violations, ``window.__pwned``);
``--dump-dom`` with a virtual time budget reads it back. Interactions (search, filters,
details panel) run from a small driver script appended to a copy of the page.
"""
from __future__ import annotations

import html as htmllib
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pytest

from kg.pipeline import build_graph
from kg.views.html import find_node, to_html
from schema import ExtractedEntity, Paper, PaperExtraction, Provenance

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync",
]
EVIL_ABSTRACT = (
    "We introduce LoRA adapters. <script>window.__pwned=1</script> They match full fine-tuning on GLUE "
    '<img src=x onerror="window.__pwned=2"> with 0.1% of the parameters.'
)
EVIL_ID = "arxiv:2401.00000"


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium to run the browser tests")
    return CHROMIUM


def _graph() -> nx.MultiDiGraph:
    specs = [
        ("2024-01-15", [("LoRA", "Method", ["Low-Rank Adaptation"], "PROPOSES"), ("GLUE", "Benchmark", [], "EVALUATES_ON")]),
        ("2024-03-02", [("LoRA", "Method", [], "USES"), ("GLUE", "Benchmark", [], "EVALUATES_ON"),
                        ("accuracy", "Metric", [], "MEASURES"), ("RoBERTa", "Model", [], "USES")]),
        ("2024-06-30", [("QLoRA", "Method", [], "PROPOSES"), ("LoRA", "Method", [], "COMPARES_WITH"),
                        ("MMLU", "Benchmark", [], "EVALUATES_ON"), ("LLaMA", "Model", [], "USES")]),
        ("2023-10-01", [("RoBERTa", "Model", [], "USES"), ("question answering", "Task", [], "ADDRESSES"),
                        ("SQuAD", "Dataset", [], "EVALUATES_ON"), ("F1", "Metric", [], "MEASURES")]),
        ("2024-09-12", [("LLaMA", "Model", [], "USES"), ("instruction tuning", "Task", [], "ADDRESSES"),
                        ("Alpaca", "Dataset", [], "USES"), ("MMLU", "Benchmark", [], "EVALUATES_ON")]),
        (None, [("ImageNet", "Dataset", [], "USES")]),
    ]
    exts = []
    for i, (date, ents) in enumerate(specs):
        pid = f"arxiv:2401.{i:05d}"
        paper = Paper(
            id=pid, title='LoRA <img src=x onerror="window.__pwned=3">' if i == 0 else f"Paper number {i}",
            abstract=EVIL_ABSTRACT if i == 0 else f"Abstract of paper {i}.", date=date,
            urls=[f"https://arxiv.org/abs/2401.{i:05d}", "javascript:window.__pwned=4"],
        )
        exts.append(PaperExtraction(paper=paper, entities=[
            ExtractedEntity(name=name, type=label, aliases=aliases, roles=[role],
                            evidence=[Provenance(paper_id=pid, sentence=f"We use {name} <script>window.__pwned=5</script>.",
                                                 extractor="test")])
            for name, label, aliases, role in ents
        ]))
    return build_graph(exts)


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return _graph()


@pytest.fixture(scope="module")
def page(graph, tmp_path_factory) -> Path:
    return to_html(graph, tmp_path_factory.mktemp("viz") / "graph.html", title="kg test graph", view="graph")


def run_chromium(chromium: Path, url: str, profile: Path, *extra: str, budget_ms: int = 8000) -> str:
    """The DOM of ``url`` after the page ran for ``budget_ms`` of virtual time."""
    args = [str(chromium), *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", *extra]
    if not any(a.startswith("--screenshot") for a in extra):
        args.append("--dump-dom")
    proc = subprocess.run([*args, url], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def status_of(dom: str) -> dict[str, str]:
    match = re.search(r'<div id="kg-status"([^>]*)>', dom)
    assert match, "the page wrote no kg-status element: did its script fail?"
    return {k: htmllib.unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', match.group(1))}


def test_page_draws_every_node_and_link(chromium, graph, page, tmp_path):
    status = status_of(run_chromium(chromium, page.as_uri(), tmp_path / "profile"))
    assert status["rendered"] == "1"
    assert int(status["drawn-nodes"]) == graph.number_of_nodes()
    assert int(status["drawn-edges"]) == len({(u, v) for u, v in graph.edges()})
    assert int(status["ink"]) > 200  # the canvas is not blank
    assert status["pwned"] == "no"


def test_planted_markup_stays_text(chromium, graph, page, tmp_path):
    """The details panel of the paper whose title and abstract carry <script> and
    <img onerror> shows them as text, and none of it runs."""
    dom = run_chromium(chromium, f"{page.as_uri()}#node={quote(EVIL_ID, safe='')}", tmp_path / "profile")
    status = status_of(dom)
    assert status["shown"] == EVIL_ID
    assert status["pwned"] == "no"
    panel = re.search(r'<aside id="panel"[^>]*>(.*?)</aside>', dom, re.S).group(1)
    assert htmllib.escape("<script>window.__pwned=1</script>", quote=False) in panel
    assert "<img" not in panel and "<script" not in panel
    assert 'href="javascript:' not in panel
    assert 'href="https://arxiv.org/abs/2401.00000"' in panel


def test_the_pwned_check_can_fail(chromium, page, tmp_path):
    """Control: the same page with the abstract put in as HTML lets the planted
    handler run, so the check above would catch such a page."""
    text = page.read_text(encoding="utf-8")
    unsafe = text.replace('panel.appendChild(el("div", "abstract", inf.abstract));',
                          'var d = el("div", "abstract"); d.innerHTML = inf.abstract; panel.appendChild(d);')
    assert unsafe != text, "the template changed: update this control"
    copy = tmp_path / "unsafe.html"
    copy.write_text(unsafe, encoding="utf-8")
    status = status_of(run_chromium(chromium, f"{copy.as_uri()}#node={quote(EVIL_ID, safe='')}", tmp_path / "profile"))
    assert status["pwned"] == "2"


def _page_requests(netlog: Path) -> list[str]:
    """URLs the page (not the browser's own services) asked for, from a chromium net log."""
    data = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in data["events"]:
        params = event.get("params") or {}
        if event["type"] == start_job and str(params.get("network_isolation_key", "")).startswith("file://"):
            urls.append(params["url"])
    return [u for u in urls if not u.startswith(("file:", "data:", "blob:"))]


@pytest.mark.parametrize("control", [False, True], ids=["page", "control-with-remote-image"])
def test_page_requests_nothing_from_the_network(chromium, page, tmp_path, control):
    target = page
    if control:  # the detector sees a request the page makes (to the loopback discard port)
        target = tmp_path / "probe.html"
        target.write_text('<html><body><img src="http://127.0.0.1:9/probe.png"></body></html>', encoding="utf-8")
    netlog = tmp_path / "netlog.json"
    dom = run_chromium(chromium, target.as_uri(), tmp_path / "profile", f"--log-net-log={netlog}")
    requests = _page_requests(netlog)
    if control:
        assert requests == ["http://127.0.0.1:9/probe.png"]
        return
    assert requests == []
    status = status_of(dom)
    assert status["resources"] == "0" and status["csp-violations"] == "0"


DRIVER = """
<script>
(function () {
  function rows(sel) { return Array.prototype.map.call(document.querySelectorAll(sel), function (e) { return e.textContent; }); }
  function box(section, text) {
    var labels = document.querySelectorAll(section + " label");
    for (var i = 0; i < labels.length; i++) if (labels[i].textContent.indexOf(text) >= 0) return labels[i].querySelector("input");
  }
  function set(input, value) { if (input.type === "checkbox") input.checked = value; else input.value = value; input.dispatchEvent(new Event(input.type === "search" ? "input" : "change")); }
  var net = window.kgNetwork, out = {};
  function counts() { return [net.body.nodeIndices.length, net.body.edgeIndices.length]; }
  out.start = counts();
  set(document.getElementById("search"), "low-rank adapt");
  out.search = rows("#results li .nm");
  set(box("#types", "Paper"), false); out.noPapers = counts(); set(box("#types", "Paper"), true);
  set(box("#rels", "USES"), false); out.noUses = counts(); set(box("#rels", "USES"), true);
  set(document.getElementById("from"), "2024-03-01"); out.from = counts();
  set(document.getElementById("undated"), false); out.fromDatedOnly = counts();
  document.getElementById("reset").click(); out.reset = counts();
  document.querySelector("#results li").click();
  out.panelName = document.querySelector("#panel h3").textContent;
  out.panelText = document.getElementById("panel").textContent;
  out.links = Array.prototype.map.call(document.querySelectorAll("#panel a"), function (a) { return a.getAttribute("href"); });
  out.counts = document.getElementById("counts").textContent;
  var lora = net.getSelectedNodes()[0], edge = net.getConnectedEdges(lora)[0];
  net.emit("hoverEdge", { edge: edge, pointer: { DOM: { x: 40, y: 40 } } });
  out.edgeTip = document.getElementById("tip").textContent;
  net.emit("hoverNode", { node: lora, pointer: { DOM: { x: 40, y: 40 } } });
  out.nodeTip = document.getElementById("tip").textContent;
  document.body.setAttribute("data-test", JSON.stringify(out));
})();
</script>
"""


def _dated_visible(graph: nx.MultiDiGraph, since: str, keep_undated: bool) -> set[str]:
    """Nodes the date filter should keep: a paper's own date, else its papers' dates."""
    def dates(node):
        data = graph.nodes[node]
        if data["label"] == "Paper":
            return [data.get("date")] if data.get("date") else []
        return [graph.nodes[p].get("date") for p in nx.all_neighbors(graph, node)
                if graph.nodes[p]["label"] == "Paper" and graph.nodes[p].get("date")]
    keep = set()
    for node in graph:
        ds = dates(node)
        if not ds:
            if keep_undated:
                keep.add(node)
        elif max(ds) >= since:
            keep.add(node)
    return keep


def test_search_filters_and_details_panel(chromium, graph, page, tmp_path):
    copy = tmp_path / "driven.html"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", DRIVER + "</body>"), encoding="utf-8")
    dom = run_chromium(chromium, copy.as_uri(), tmp_path / "profile")
    out = json.loads(htmllib.unescape(re.search(r'data-test="([^"]*)"', dom).group(1)))

    pairs = {(u, v) for u, v in graph.edges()}
    def linked(keep, rels=None):
        return {(u, v) for u, v, k in graph.edges(keys=True) if u in keep and v in keep and (rels is None or k in rels)}

    assert out["start"] == [graph.number_of_nodes(), len(pairs)]
    assert out["search"][0] == "LoRA"  # found through its alias
    non_papers = {n for n in graph if graph.nodes[n]["label"] != "Paper"}
    assert out["noPapers"] == [len(non_papers), len(linked(non_papers))]
    other_rels = {k for _, _, k in graph.edges(keys=True)} - {"USES"}
    assert out["noUses"] == [graph.number_of_nodes(), len(linked(set(graph), other_rels))]
    for key, keep_undated in (("from", True), ("fromDatedOnly", False)):
        keep = _dated_visible(graph, "2024-03-01", keep_undated)
        assert out[key] == [len(keep), len(linked(keep))], key
    assert out["reset"] == out["start"]

    lora = graph.nodes[find_node(graph, "LoRA")]
    assert out["panelName"] == "LoRA"
    assert "Low-Rank Adaptation" in out["panelText"]
    assert f"Connections ({sum(1 for _ in nx.all_neighbors(graph, find_node(graph, 'LoRA')))})" in out["panelText"]
    assert "We use LoRA <script>window.__pwned=5</script>." in out["panelText"]  # evidence, as text
    papers = sorted(p for p in nx.all_neighbors(graph, find_node(graph, "LoRA")) if graph.nodes[p]["label"] == "Paper")
    assert sorted(u for u in out["links"]) == sorted(f"https://arxiv.org/abs/{p.split(':')[1]}" for p in papers)
    assert lora["paper_count"] == len(papers)
    # hovering shows relation and evidence as text
    assert out["nodeTip"].startswith("Method: LoRA\naka Low-Rank Adaptation")
    rel_sentences = {(k, d["sentence"]) for p in papers for k, d in graph[p][find_node(graph, "LoRA")].items()}
    assert any(out["edgeTip"].endswith(f"{k}: \u201c{s}\u201d") for k, s in rel_sentences), out["edgeTip"]


def test_screenshot_looks_drawn(chromium, graph, page, tmp_path):
    """Saves test-artifacts/viz.png (1400x900) with LoRA selected, and checks the
    graph area has colour in it."""
    import matplotlib.image as mpimg

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "viz.png"
    shot.unlink(missing_ok=True)
    lora = quote(find_node(graph, "LoRA"), safe="")
    run_chromium(chromium, f"{page.as_uri()}#node={lora}", tmp_path / "profile",
                 f"--screenshot={shot}", "--window-size=1400,900", "--hide-scrollbars")
    image = mpimg.imread(shot)
    assert image.shape[:2] == (900, 1400)
    graph_area = image[:, 310:1000, :3]
    coloured = (graph_area.max(-1) - graph_area.min(-1)) > 0.25
    assert coloured.mean() > 0.002


def test_focus_page_opens_on_the_focus_node(chromium, graph, tmp_path):
    lora = find_node(graph, "LoRA")
    page = to_html(graph, tmp_path / "focus.html", focus="low-rank adaptation", hops=1, view="graph")
    status = status_of(run_chromium(chromium, page.as_uri(), tmp_path / "profile"))
    assert status["shown"] == lora
    assert int(status["drawn-nodes"]) == len(set(nx.all_neighbors(graph, lora)) | {lora})
