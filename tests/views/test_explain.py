"""``kg explain``: built graph in tmp_path, run through the real CLI."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli.app import main
from kg.views.lookup import describe_entry
from kg.pipeline import build_graph
from kg.out import save_graph, save_merge_log
from schema import ExtractedEntity, Paper, PaperExtraction, Provenance, RelType


def entity(pid: str, name: str, label: str, roles: list[RelType], sentence: str, aliases=()) -> ExtractedEntity:
    return ExtractedEntity(name=name, type=label, aliases=list(aliases), roles=roles,
                           evidence=[Provenance(paper_id=pid, sentence=sentence, extractor="kg_entities", confidence=0.85)])


@pytest.fixture()
def graph_dir(tmp_path):
    exts = [
        PaperExtraction(
            paper=Paper(id="p1", title="Reasoning with Chains", abstract="..."),
            entities=[
                entity("p1", "CoT", "Method", [RelType.PROPOSES], "We propose chain-of-thought (CoT) prompting.",
                       aliases=["chain-of-thought"]),
                entity("p1", "GPT-4", "Model", [RelType.USES], "We prompt GPT-4 with exemplars."),
                entity("p1", "Transformer", "Method", [RelType.USES], "A Transformer encodes the input."),
            ],
            abbreviations={"CoT": "chain-of-thought"},
        ),
        PaperExtraction(
            paper=Paper(id="p2", title="Omni Models", abstract="..."),
            entities=[
                entity("p2", "Chain of Thought", "Method", [RelType.USES, RelType.COMPARES_WITH],
                       "Chain of Thought prompting is our baseline."),
                entity("p2", "GPT-4o", "Model", [RelType.EVALUATES_ON, RelType.USES], "GPT-4o answers in real time."),
                entity("p2", "transformers", "Task", [RelType.MENTIONS], "Pretrained transformers are everywhere."),
            ],
        ),
        PaperExtraction(
            paper=Paper(id="p3", title="Short Forms", abstract="..."),
            entities=[entity("p3", "CoT", "Method", [RelType.USES], "CoT helps.")],
        ),
    ]
    log: list[dict] = []
    G = build_graph(exts, log)
    save_graph(G, tmp_path)
    save_merge_log(log, tmp_path)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["explain", *args])


@pytest.mark.parametrize("query", ["CoT", "chain of thoughts", "Chain-of-Thought", "method:chainofthought"])
def test_explain_finds_entity_by_name_alias_or_id(graph_dir, query):
    result = run(query, "-o", str(graph_dir))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Method: CoT  [method:chainofthought]"
    assert "chain-of-thought" in lines[1] and "Chain of Thought" in lines[1]
    assert "  papers (3):" in lines
    assert any(line.strip().startswith("p2  COMPARES_WITH, USES") for line in lines)
    assert '      "Chain of Thought prompting is our baseline." (kg_entities, confidence 0.85)' in lines
    assert any("abbreviation: 'Chain of Thought' merged into 'CoT'" in line for line in lines)


def test_explain_shows_variants_both_ways(graph_dir):
    result = run("gpt-4o", "-o", str(graph_dir))
    assert result.exit_code == 0, result.output
    assert "  variant of: GPT-4 [model:gpt4]" in result.output.splitlines()
    result = run("GPT-4", "-o", str(graph_dir))
    assert "  variants: GPT-4o [model:gpt4o]" in result.output.splitlines()
    assert "EVALUATES_ON" not in result.output  # GPT-4 itself is only USED by p1


def test_explain_shows_each_label_and_type_conflict(graph_dir):
    result = run("Transformer", "-o", str(graph_dir))
    assert result.exit_code == 0, result.output
    headers = [line for line in result.output.splitlines() if line and not line.startswith(" ")]
    assert headers == ["Method: Transformer  [method:transformer]", "Task: transformers  [task:transformer]"]
    conflicts = [line for line in result.output.splitlines() if "type_conflict" in line]
    assert len(conflicts) == 2 and "kept apart as method:transformer, task:transformer" in conflicts[0]


def test_unknown_name_suggests_close_names(graph_dir):
    result = run("GPT-4x", "-o", str(graph_dir))
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: no entity named 'GPT-4x'") and "GPT-4o" in lines[0] and "GPT-4" in lines[0]


def test_missing_graph_is_one_line_error(tmp_path):
    result = run("CoT", "-o", str(tmp_path / "nothing"))
    assert result.exit_code != 0
    assert result.output.strip().startswith("error: no graph in") and "Traceback" not in result.output


def test_damaged_merge_log_line_is_reported_and_skipped(graph_dir):
    path = graph_dir / "merge_log.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("{not json\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = run("CoT", "-o", str(graph_dir))
    assert result.exit_code == 0
    assert "merge_log.jsonl:1: not JSON" in result.stderr
    assert "abbreviation: 'Chain of Thought' merged into 'CoT'" in result.stdout


def test_merge_log_written_is_what_explain_reads(graph_dir):
    entries = [json.loads(line) for line in (graph_dir / "merge_log.jsonl").read_text(encoding="utf-8").splitlines()]
    about = [e for e in entries if "model:gpt4o" in e["nodes"]]
    assert about == []  # GPT-4o merged nothing: its variant link is an edge, not a merge
    result = run("GPT-4o", "-o", str(graph_dir))
    assert "  merge log (0):" in result.output.splitlines()


@pytest.mark.parametrize("entry,expected", [
    ({"rule": "plural", "merged": "LLMs", "name": "LLM", "evidence": [{"paper_id": "p9"}]},
     "plural: 'LLMs' merged into 'LLM' (p9)"),
    ({"rule": "versions_kept_apart", "forms": ["Llama 3", "Llama-3-8B"], "evidence": []},
     "versions_kept_apart: Llama 3 / Llama-3-8B are different versions: not merged (-)"),
    ({"rule": "ambiguous_abbreviation", "short": "SAM", "candidates": [{"long": "a b", "papers": ["p1", "p2"]}],
      "resolved": {"Model": None}},
     "ambiguous_abbreviation: 'SAM' = a b (2 papers); undefined uses -> Model: kept apart"),
    ({"rule": "type_vote", "key": "clustering", "label": "Task", "nodes": ["task:clustering"],
      "papers": {"Method": 5, "Task": 47}},
     "type_vote: 'clustering' is typed Task in 47, Method in 5 papers: every paper's entity is a Task (task:clustering)"),
    ({"rule": "bare_use_kept_apart", "short": "NPR", "long": "Neural Procedural Reconstruction", "papers": ["p4", "p7"]},
     "bare_use_kept_apart: 'NPR' undefined in p4, p7 is unlike the papers that define 'Neural Procedural "
     "Reconstruction': not merged"),
])
def test_describe_entry(entry, expected):
    assert describe_entry(entry) == expected
