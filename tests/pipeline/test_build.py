"""kg build and kg stats end to end on the shipped sample: incremental and idempotent."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.pipeline import load_cache
from kg.cli.app import main
from kg.out import load_graph, load_settings

pytestmark = pytest.mark.slow  # end to end: the full spaCy pipeline over the sample, several builds

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "kg" / "data" / "sample_daily_papers.txt"

EXTRA_PAPER = {
    "id": "extra-1",
    "title": "Gradient Echo Training: Stable Fine-Tuning with Delayed Gradients",
    "abstract": (
        "We propose Gradient Echo Training (GET), a fine-tuning method that replays delayed gradients. "
        "GET fine-tunes Mistral-7B and improves accuracy on GSM8K over LoRA."
    ),
}


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """The sample built once per module; tests never touch this folder, they get a copy."""
    out = tmp_path_factory.mktemp("kg-out")
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture()
def built(built_once, tmp_path):
    """A private copy of the built OUT: a test that rebuilds or adds papers changes no other test's input."""
    pristine, result = built_once
    out = tmp_path / "built"
    shutil.copytree(pristine, out)
    return out, result


def _stats(out: Path) -> dict:
    result = CliRunner().invoke(main, ["stats", "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    return (
        dict(a.nodes(data=True)) == dict(b.nodes(data=True))
        and sorted(a.edges(keys=True, data=True), key=repr) == sorted(b.edges(keys=True, data=True), key=repr)
    )


def test_build_summary_and_stats(built):
    out, result = built
    assert "papers read: 13 records\npapers: 13 new, 13 in the graph" in result.output
    stats = _stats(out)
    G = load_graph(out)
    read = [n for n, d in G.nodes(data=True) if d["label"] == "Paper" and not d.get("stub")]
    assert len(read) == 13
    assert stats["nodes"]["Paper"] >= 13  # plus stubs of cited works
    for label in ("Method", "Model", "Benchmark", "Metric", "Task", "Repository"):
        assert stats["nodes"].get(label, 0) > 0, label
    for rel in ("PROPOSES", "EVALUATES_ON", "HAS_CODE"):
        assert stats["edges"].get(rel, 0) > 0, rel
    assert sum(stats["nodes"].values()) == G.number_of_nodes()
    assert sum(stats["edges"].values()) == G.number_of_edges()


def test_every_edge_has_provenance(built):
    out, _ = built
    G = load_graph(out)
    for u, v, key, data in G.edges(keys=True, data=True):
        assert data["type"] == key
        assert data["paper_id"], (u, v, key)
        assert data["extractor"], (u, v, key)
        assert 0.0 <= data["confidence"] <= 1.0


def test_rebuild_on_same_input_changes_nothing(built, tmp_path):
    out, _ = built
    before = load_graph(out)
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "papers: 0 new, 13 in the graph" in result.output
    assert _same_graph(before, load_graph(out))


def test_adding_an_input_extracts_only_the_new_paper(built, tmp_path):
    out, _ = built
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(EXTRA_PAPER) + "\n", encoding="utf-8")
    before = load_graph(out)
    result = CliRunner().invoke(main, ["build", str(extra), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "papers: 1 new, 14 in the graph" in result.output
    after = load_graph(out)
    assert set(before.nodes) < set(after.nodes)
    new_paper = [n for n, d in after.nodes(data=True) if d["label"] == "Paper" and n not in before]
    assert len(new_paper) == 1
    assert after.nodes[new_paper[0]]["title"] == EXTRA_PAPER["title"]
    assert len(load_cache(out)) == 14


def test_extractor_choice_is_kept_and_a_change_extracts_again(built, tmp_path):
    out, _ = built
    assert load_settings(out)["extractor"] == "learned"  # the default
    learned = {(d["name"], d["label"]) for _, d in load_graph(out).nodes(data=True) if d["label"] != "Paper"}
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet", "--extractor", "rules"])
    assert result.exit_code == 0, result.output
    assert "papers: 13 new, 13 in the graph" in result.output  # every paper extracted again
    assert load_settings(out)["extractor"] == "rules"
    rules = {(d["name"], d["label"]) for _, d in load_graph(out).nodes(data=True) if d["label"] != "Paper"}
    assert rules != learned  # the recogniser finds entities the rules alone do not (or drops some)
    # without --extractor the stored choice holds: nothing to extract
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet"])
    assert "papers: 0 new, 13 in the graph" in result.output and load_settings(out)["extractor"] == "rules"


def test_another_version_of_the_extractors_extracts_again(built):
    from extractors import extraction_version
    from kg.out import SETTINGS_FILE

    out, _ = built
    assert load_settings(out)["extraction_version"] == extraction_version()
    settings = json.loads((out / SETTINGS_FILE).read_text(encoding="utf-8"))
    (out / SETTINGS_FILE).write_text(json.dumps({**settings, "extraction_version": "older"}), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "papers: 13 new, 13 in the graph" in result.output
    assert load_settings(out)["extraction_version"] == extraction_version()


def test_missing_input_beside_a_good_one_warns_and_builds(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SAMPLE), str(tmp_path / "nope.txt"), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "nope.txt" in result.output
    assert "Traceback" not in result.output
    G = load_graph(out)
    assert sum(1 for _, d in G.nodes(data=True) if d["label"] == "Paper" and not d.get("stub")) == 13


def test_no_usable_input_exits_non_zero_and_keeps_the_store(built, tmp_path):
    out, _ = built
    before = _stats(out)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(empty), "-o", str(out), "--quiet"])
    assert result.exit_code != 0
    assert "empty.txt" in result.output
    assert _stats(out) == before


def test_stats_without_a_store_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["stats", "-o", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert result.output.strip().count("\n") == 0
    assert "kg build" in result.output


@pytest.mark.parametrize("damage", ["not json", "truncated"])
def test_damaged_cache_is_one_line_error_and_keeps_the_store(built, tmp_path, damage):
    import gzip

    out, _ = built
    cache = out / "papers.jsonl.gz"
    lines = gzip.decompress(cache.read_bytes()).decode("utf-8").splitlines(keepends=True)
    if damage == "not json":
        data = gzip.compress("".join([lines[0], "{cut\n", *lines[1:]]).encode("utf-8"))
    else:
        data = cache.read_bytes()[:-40]
    cache.write_bytes(data)
    before = load_graph(out)
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert "papers.jsonl.gz" in result.output and "kg build" in result.output
    assert cache.read_bytes() == data  # nothing rewritten
    assert _same_graph(before, load_graph(out))


ENTITY_NODES = {"Method", "Model", "Dataset", "Benchmark", "Task", "Metric"}


def _entity_edges(G: nx.MultiDiGraph) -> list[dict]:
    """The edges from a paper to an entity it names (results' edges have their own confidence)."""
    return [d for u, v, d in G.edges(data=True)
            if G.nodes[u]["label"] == "Paper" and G.nodes[v]["label"] in ENTITY_NODES and d["extractor"] != "kg_results"]


def test_edge_confidence_is_the_entity_decision(built):
    """The default extractor's confidence is its decision's probability, not a figure per source:
    at least the type's threshold (or the decision would have dropped the entity) and varied; below
    it only a measure the paper reports a figure in (a Result of the paper uses it) or a name the
    gazetteer knows as a Method, at its own threshold."""
    from extractors.entities import gazetteer_type
    from extractors.entity_model import EntityModel
    from extractors.pipeline import ENTITY_WEIGHTS, KNOWN_NAME_THRESHOLDS

    out, _ = built
    model = EntityModel.load(ENTITY_WEIGHTS)
    G = load_graph(out)
    edges = [(d, G.nodes[v]["label"], v) for u, v, d in G.edges(data=True)
             if G.nodes[u]["label"] == "Paper" and G.nodes[v]["label"] in ENTITY_NODES and d["extractor"] != "kg_results"]
    assert edges
    reported = {(d["paper_id"], v) for u, v, d in G.edges(data=True) if d["type"] == "USES_METRIC"}
    below = [(d, label, v) for d, label, v in edges if d["confidence"] < model.thresholds.get(label, model.threshold) - 1e-3]
    def known(label, v):
        names = [G.nodes[v].get("name", ""), *G.nodes[v].get("aliases", [])]
        return label in KNOWN_NAME_THRESHOLDS and any(gazetteer_type(x) == label for x in names)

    for d, label, v in below:
        assert (label == "Metric" and (d["paper_id"], v) in reported) or (
            known(label, v) and d["confidence"] >= KNOWN_NAME_THRESHOLDS[label] - 1e-3
        ), d
    assert len(below) < len(edges) / 20
    assert len({round(d["confidence"], 3) for d, _, _ in edges}) > 5


def test_min_confidence_leaves_out_the_less_sure_entities_and_is_kept(built):
    out, _ = built
    before = load_graph(out)
    sure = [d for d in _entity_edges(before) if d["confidence"] >= 0.8]
    assert 0 < len(sure) < len(_entity_edges(before))
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--quiet", "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    assert "papers: 0 new, 13 in the graph" in result.output  # the cache keeps every entity: nothing extracted
    cached = [e for ext in load_cache(out).values() for e in ext.entities]
    below = sum(1 for e in cached if e.confidence < 0.8)
    assert 0 < below < len(cached)
    assert f"left out: {below} paper entities below confidence 0.8" in result.output
    after = load_graph(out)
    kept = _entity_edges(after)
    assert kept and all(d["confidence"] >= 0.8 for d in kept)
    assert len(kept) <= len(sure)
    assert load_settings(out)["min_confidence"] == 0.8
    # kg remove rebuilds with the figure OUT was built with
    paper = next(n for n, d in after.nodes(data=True) if d["label"] == "Paper" and not d.get("stub"))
    result = CliRunner().invoke(main, ["remove", paper, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert all(d["confidence"] >= 0.8 for d in _entity_edges(load_graph(out)))
