"""scripts/eval_external.py: readers, scoring, and a run of the real pipeline on a few sentences."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_external.py"


@pytest.fixture(scope="module")
def ev(load_script):
    return load_script("eval_external.py", "eval_external")


def test_score_exact_and_partial(ev):
    gold = [[(0, 10, "Task"), (20, 30, "Method")], [(5, 9, "Dataset")]]
    pred = [[(0, 10, "Task"), (22, 30, "Method"), (40, 45, "Method")], [(5, 9, "Task")]]
    s = ev.score(gold, pred, ("Dataset", "Method", "Task"))
    assert s["Task"]["exact"]["precision"] == 0.5 and s["Task"]["exact"]["recall"] == 1.0
    assert s["Method"]["exact"]["f1"] == 0.0
    assert s["Method"]["partial"]["precision"] == 0.5 and s["Method"]["partial"]["recall"] == 1.0
    assert s["Dataset"]["partial"]["recall"] == 0.0  # overlap with the wrong type does not count
    assert s["all"]["exact"]["gold"] == 3 and s["all"]["exact"]["predicted"] == 4
    assert s["all"]["exact"]["correct_predicted"] == 1


def test_score_ignores_types_not_scored(ev):
    s = ev.score([[(0, 3, "Task")]], [[(0, 3, "Task"), (5, 8, "Metric")]], ("Task",))
    assert s["all"]["exact"]["precision"] == 1.0


def test_detokenize_and_place_mentions(ev):
    tokens = "We use 2D CNNs ( CNNs ) on pre - existing data .".split(" ")
    text, offsets = ev.detokenize(tokens)
    assert text == "We use 2D CNNs (CNNs) on pre-existing data."
    placed, missing = ev.place_mentions(tokens, [("CNNs", "Method"), ("2D CNNs", "Method"), ("ImageNet", "Dataset")])
    assert missing == ["ImageNet"]
    assert [text[offsets[s][0]:offsets[e - 1][1]] for s, e, _ in placed] == ["2D CNNs", "CNNs"]
    assert placed[1][0] == 5  # the standalone "CNNs", not the one inside "2D CNNs"


def test_read_tdmsci_restores_spacing_and_bio_spans(ev, tmp_path):
    path = tmp_path / "mini.conll"
    path.write_text(
        "We\t0\tO\nreport\t3\tO\nF1\t10\tB-METRIC\non\t13\tO\nSQuAD\t16\tB-DATASET\nv2\t22\tI-DATASET\n"
        "for\t25\tO\nquestion\t29\tB-TASK\nanswering\t38\tI-TASK\n.\t47\tO\n\n"
        "Named\t49\tB-TASK\n-\t54\tI-TASK\nentity\t55\tI-TASK\nrecognition\t62\tI-TASK\n",
        encoding="utf-8",
    )
    sentences, problems = ev.read_tdmsci(path)
    assert problems == []
    assert [s.text for s in sentences] == ["We report F1 on SQuAD v2 for question answering.", "Named-entity recognition"]
    assert [(sentences[0].text[a:b], t) for a, b, t in sentences[0].gold] == [
        ("F1", "Metric"), ("SQuAD v2", "Dataset"), ("question answering", "Task")]
    assert [(sentences[1].text[a:b], t) for a, b, t in sentences[1].gold] == [("Named-entity recognition", "Task")]
    assert len(ev.read_tdmsci(path, limit=1)[0]) == 1


def test_read_tdmsci_reports_bad_lines(ev, tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("We\t0\tO\nbroken line\nrun\t3\tO\n", encoding="utf-8")
    sentences, problems = ev.read_tdmsci(path)
    assert len(sentences) == 1 and sentences[0].text == "We run"
    assert problems == [f"{path}:2: expected 'token<TAB>offset<TAB>tag': line skipped"]


def test_shared_readers_place_every_gold_mention(ev, shared_dir):
    sentences, problems = ev.read_scier(shared_dir / ev.SCIER_FILE, limit=50)
    assert len(sentences) == 50 and problems == []
    raw = [json.loads(line) for line in (shared_dir / ev.SCIER_FILE).read_text(encoding="utf-8").splitlines()[:50]]
    for sent, record in zip(sentences, raw, strict=True):
        got = sorted((sent.text[a:b], t) for a, b, t in sent.gold)
        want = sorted({(ev.detokenize(m.split(" "))[0], t) for m, t in record["ner"]})
        assert sorted(set(got)) == want


@pytest.mark.slow
def test_real_pipeline_scores_every_type(ev, shared_dir, nlp):
    """A few sentences of each set through the real pipeline: every figure is a proportion."""
    for dataset in ev.load_datasets(shared_dir, "all", limit=40):
        result = ev.evaluate(nlp, dataset)
        assert result["sentences"] == 40
        for typ in [*dataset.types, "all"]:
            for mode in ("exact", "partial"):
                figures = result["scores"][typ][mode]
                assert figures["gold"] > 0, (dataset.name, typ)
                for key in ("precision", "recall", "f1"):
                    assert 0.0 <= figures[key] <= 1.0
                assert figures["correct_predicted"] <= figures["predicted"]
                assert figures["found_gold"] <= figures["gold"]
        assert result["scores"]["all"]["exact"]["gold"] == sum(len(s.gold) for s in dataset.sentences)
        assert result["scores"]["all"]["exact"]["predicted"] > 0  # the script reads the kg_entities spans


@pytest.mark.slow
def test_cli_json_on_a_few_sentences(shared_dir):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--limit", "3", "--json", "--shared", str(shared_dir)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)["results"]
    assert [r["dataset"] for r in results] == ["scier", "tdmsci"]
    assert all(r["sentences"] == 3 for r in results)
    assert any("86.85" in ref for ref in results[0]["references"])
    for r in results:
        for typ in [*r["types"], "all"]:
            assert all(0.0 <= r["scores"][typ][m]["f1"] <= 1.0 for m in ("exact", "partial"))


def test_cli_skips_cleanly_without_shared(tmp_path):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(tmp_path / "absent")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0
    assert proc.stdout == ""
    assert proc.stderr.startswith("skipped: ") and "Traceback" not in proc.stderr
