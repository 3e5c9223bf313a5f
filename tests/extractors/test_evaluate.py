"""Scoring against gold records, the ``kg extract``/``kg eval`` commands and the dev-set floor."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli.app import main
from extractors.evaluate import errors, match_entities, score
from schema.names import name_key

GOLD = [
    {
        "id": "p1",
        "entities": [
            {
                "name": "RL",
                "type": "Method",
                "aliases": ["reinforcement learning"],
                "roles": ["USES", "COMPARES_WITH"],
            },
            {"name": "GSM8K", "type": "Benchmark", "aliases": [], "roles": ["EVALUATES_ON"]},
            {"name": "accuracy", "type": "Metric", "aliases": [], "roles": ["MEASURES"]},
        ],
    },
    {
        "id": "p2",
        "entities": [
            {"name": "Llama-3 8B", "type": "Model", "aliases": [], "roles": ["USES"]},
        ],
    },
]


def ent(name, type_, *roles):
    return {"name": name, "type": type_, "aliases": [], "roles": list(roles)}


@pytest.mark.parametrize(
    ("a", "b"), [("Llama-3 8B", "llama3_8b"), ("Self-Refine", "self refine"), ("GPT-4.o", "gpt4o")]
)
def test_normalize_name_ignores_case_spaces_hyphens_underscores_dots(a, b):
    assert name_key(a) == name_key(b)


def test_alias_matches_and_matching_is_one_to_one():
    gold = [GOLD[0]["entities"][0]]
    pred = [ent("reinforcement-learning", "Method"), ent("RL", "Method")]
    assert match_entities(gold, pred, typed=True) == [(0, 0)]


def test_type_must_agree_only_when_typed():
    gold = [GOLD[0]["entities"][1]]
    pred = [ent("gsm8k", "Dataset")]
    assert match_entities(gold, pred, typed=True) == []
    assert match_entities(gold, pred, typed=False) == [(0, 0)]


def test_score_counts():
    pred = [
        {
            "id": "p1",
            "entities": [
                ent("Reinforcement Learning", "Method", "USES"),
                ent("GSM8K", "Dataset", "EVALUATES_ON"),
                ent("accuracy", "Metric", "MEASURES"),
                ent("our method", "Method", "PROPOSES"),
            ],
        },
        {"id": "p2", "entities": [ent("Llama-3-8B", "Model", "USES", "COMPARES_WITH")]},
    ]
    s = score(GOLD, pred)
    assert (s.untyped.tp, s.untyped.pred, s.untyped.gold) == (4, 5, 4)
    assert (s.typed.tp, s.typed.pred, s.typed.gold) == (3, 5, 4)
    assert (s.per_type["Benchmark"].tp, s.per_type["Benchmark"].gold) == (0, 1)
    assert (s.per_type["Dataset"].pred, s.per_type["Dataset"].tp) == (1, 0)
    # roles: RL USES, accuracy MEASURES, Llama USES match: 3 of 6 predicted, 3 of 5 gold
    assert (s.roles.tp, s.roles.pred, s.roles.gold) == (3, 6, 5)
    assert s.typed.precision == pytest.approx(3 / 5)
    assert s.typed.recall == pytest.approx(3 / 4)
    assert s.typed.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_missing_prediction_counts_as_empty():
    s = score(GOLD, [])
    assert s.missing == ["p1", "p2"]
    assert (s.typed.tp, s.typed.pred, s.typed.gold) == (0, 0, 4)
    assert s.typed.f1 == 0.0


def test_duplicate_predictions_are_merged():
    pred = [
        {"id": "p2", "entities": [ent("Llama-3 8B", "Model", "USES"), ent("llama-3-8b", "Model", "USES")]}
    ]
    s = score([GOLD[1]], pred)
    assert (s.typed.tp, s.typed.pred) == (1, 1)


def test_errors_lists_missed_and_spurious():
    out = errors([GOLD[1]], [{"id": "p2", "entities": [ent("GPT-4", "Model", "USES")]}])
    assert out == [
        {"id": "p2", "missed": ["Model:Llama-3 8B"], "spurious": ["Model:GPT-4"], "wrong_roles": []}
    ]


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_eval_with_predictions(tmp_path):
    gold = _write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = _write_jsonl(
        tmp_path / "pred.jsonl", [{"id": "p2", "entities": [ent("Llama-3 8B", "Model", "USES")]}]
    )
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["entities"]["typed"]["tp"] == 1
    assert data["entities"]["typed"]["gold"] == 4
    assert data["papers_without_prediction"] == 1


def test_cli_eval_bad_gold_is_one_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "p1"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--pred", str(gold)])
    assert result.exit_code == 1
    assert "gold.jsonl:2" in result.output and "Traceback" not in result.output


def test_cli_extract_keeps_ids_and_writes_gold_format(tmp_path):
    src = _write_jsonl(
        tmp_path / "in.jsonl",
        [
            {
                "id": "x1",
                "title": "FlowSeek: Planning for Robots",
                "abstract": "We evaluate FlowSeek on GSM8K.",
            },
            {"id": "x2", "title": "No abstract here"},
            {"id": "x3", "title": "Another", "abstract": "We fine-tune Llama-3.1-8B with DPO."},
        ],
    )
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["x1", "x3"]
    assert "in.jsonl:2" in result.output  # the skipped record is reported
    first = {(e["name"], e["type"]) for e in records[0]["entities"]}
    assert {("FlowSeek", "Method"), ("GSM8K", "Benchmark")} <= first
    assert set(records[0]["entities"][0]) == {"name", "type", "aliases", "roles"}


def test_cli_extract_reads_other_formats_through_the_readers(tmp_path):
    src = tmp_path / "papers.csv"
    src.write_text("title,abstract\nA Planner,We fine-tune Llama-3.1-8B on GSM8K.\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["title"] == "A Planner"
    assert ("Llama-3.1-8B", "Model") in {(e["name"], e["type"]) for e in record["entities"]}


def test_cli_extract_missing_input_is_reported(tmp_path):
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path / "nope.jsonl"), "--to", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 2
    assert "nope.jsonl" in result.output and "Traceback" not in result.output


@pytest.fixture(scope="module")
def dev_scores(shared_dir):
    from kg.cli.extract import _extract_records, read_inputs
    from schema.errors import Diagnostics

    path = shared_dir / "gold" / "dev.jsonl"
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = list(_extract_records(read_inputs([path], Diagnostics(echo=False), "jsonl"), 1))
    return score(gold, pred)


@pytest.fixture(scope="module")
def heldout_scores(shared_dir):
    from extractors.evaluate import gold_papers, load_annotations
    from kg.cli.extract import _extract_records

    gold = load_annotations("heldout", shared=shared_dir)
    return score(gold, list(_extract_records(gold_papers(gold), 1)))


@pytest.mark.slow
def test_dev_set_floor(dev_scores):
    """Guards the level reached on ../shared/gold/dev.jsonl (floors slightly below it).

    Lowered from 0.69 / 0.60 when rules fitted to dev gave way to rules that generalise
    (held-out typed F1 0.489 -> 0.518; see docs/extraction.md): dev is a mirror, not the target.
    """
    assert dev_scores.papers == 80
    assert dev_scores.typed.f1 >= TYPED_F1_FLOOR
    assert dev_scores.roles.f1 >= ROLE_F1_FLOOR


@pytest.mark.slow
def test_heldout_split_floor(heldout_scores):
    """Guards the level reached on the team's held-out split (what counts; floors slightly below it)."""
    assert heldout_scores.papers >= 150
    assert heldout_scores.typed.f1 >= HELDOUT_TYPED_F1_FLOOR
    assert heldout_scores.roles.f1 >= HELDOUT_ROLE_F1_FLOOR


TYPED_F1_FLOOR = 0.66
ROLE_F1_FLOOR = 0.55
HELDOUT_TYPED_F1_FLOOR = 0.585
HELDOUT_ROLE_F1_FLOOR = 0.47
