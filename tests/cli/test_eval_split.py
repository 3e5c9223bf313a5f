"""``kg eval --split`` and ``--agreement``: the team annotations scored through the CLI."""
from __future__ import annotations

import json

from click.testing import CliRunner

from extractors.evaluate import load_annotations
from kg.cli import main


def test_eval_split_scores_predictions_against_the_heldout_split(shared_dir, tmp_path):
    gold = load_annotations("heldout", shared=shared_dir)
    pred = tmp_path / "pred.jsonl"
    # every gold entity predicted, except the first paper's: recall drops by exactly that many
    missing = len(gold[0]["entities"])
    lines = [{"id": r["id"], "entities": [] if i == 0 else r["entities"]} for i, r in enumerate(gold)]
    pred.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--split", "heldout", "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    typed = scores["entities"]["typed"]
    assert scores["papers"] == len(gold)
    assert typed["precision"] == 1.0 and typed["gold"] - typed["tp"] == missing


def test_eval_refuses_gold_and_split_together(tmp_path):
    result = CliRunner().invoke(main, ["eval", "--split", "train", "--gold", str(tmp_path / "g.jsonl")])
    assert result.exit_code != 0 and "not both" in result.output


def test_eval_agreement(shared_dir):
    result = CliRunner().invoke(main, ["eval", "--agreement", "--json"])
    assert result.exit_code == 0, result.output
    assert 0.5 < json.loads(result.output)["entities"]["typed"]["f1"] <= 1.0
