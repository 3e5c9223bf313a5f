"""Training data for the learned recogniser: span alignment, the split wall, the annotation loader."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from extractors.evaluate import agreement, load_annotations, read_sample
from extractors.tokenizer import customize_tokenizer
from extractors.training_data import (
    _bio_doc,
    locate_spans,
    surface_forms,
    validation_ids,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tok():
    return customize_tokenizer(spacy.blank("en"))


def test_surface_forms_longest_first_and_deduplicated():
    forms = surface_forms(
        [
            {"name": "RL", "type": "Method", "aliases": ["reinforcement learning", "rl"]},
            {"name": "deep reinforcement learning", "type": "Method", "aliases": []},
        ]
    )
    assert [f for f, _ in forms] == ["deep reinforcement learning", "reinforcement learning", "RL"]


def test_spans_align_exactly_on_token_boundaries(tok):
    doc = tok.make_doc("Deep RL beats rl-based search.\n\nWe study Deep  Reinforcement Learning and RLHF.")
    ents = [
        {"name": "RL", "type": "Method", "aliases": ["deep reinforcement learning"]},
        {"name": "search", "type": "Method", "aliases": []},
    ]
    spans = locate_spans(doc, ents)
    texts = [(s.text, s.label_) for s in spans]
    # "RL" inside "RLHF" is not a token boundary; "rl" of "rl-based" is a token; the long form wins
    assert ("Deep  Reinforcement Learning", "Method") in texts
    assert ("RL", "Method") in texts and ("rl", "Method") in texts
    assert all(not s.text.startswith("RLHF") for s in spans)
    for s in spans:
        assert doc.text[s.start_char : s.end_char] == s.text
    covered = [i for s in spans for i in range(s.start, s.end)]
    assert len(covered) == len(set(covered))  # no overlap


def test_validation_slice_is_fixed_and_sized():
    ids = [f"p{i}" for i in range(200)]
    first, again = validation_ids(ids), validation_ids(reversed(ids))
    assert first == again and 15 <= len(first) <= 45
    # extending the ids never moves an earlier id in or out of the slice
    assert validation_ids(ids + [f"q{i}" for i in range(100)]) & set(ids) == first


def test_bio_reader_maps_types(tok):
    doc = _bio_doc(tok, ["We", "use", "Penn", "Treebank", "for", "parsing"], ["O", "O", "B-DATASET", "I-DATASET", "O", "B-TASK"])
    assert [(e.text, e.label_) for e in doc.ents] == [("Penn Treebank", "Dataset"), ("parsing", "Task")]


def test_splits_are_disjoint_and_sized():
    rows = read_sample()
    train = {r["id"] for r in rows if r["split"] == "train"}
    heldout = {r["id"] for r in rows if r["split"] == "heldout"}
    assert not train & heldout
    assert len(heldout) >= 150 and len(train) + len(heldout) >= 800


def test_heldout_never_reaches_the_training_docbin(shared_dir, tmp_path):
    spec = importlib.util.spec_from_file_location("train_script", ROOT / "scripts" / "train.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    counts = train.write_docbins(tmp_path, *train.train_records(shared_dir), [], shared_dir)
    nlp = spacy.blank("en")
    seen = set()
    for name in ("train.spacy", "dev.spacy", "fold0.spacy", "fold1.spacy"):
        seen |= {d.user_data["id"] for d in DocBin().from_disk(tmp_path / name).get_docs(nlp.vocab)}
    heldout = {r["id"] for r in read_sample() if r["split"] == "heldout"}
    assert seen and not seen & heldout
    assert counts["train_abstracts"] + counts["validation_abstracts"] == len(seen)
    validation = set(json.loads((tmp_path / "validation_ids.json").read_text()))
    train_ids = {d.user_data["id"] for d in DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab)}
    assert validation and not validation & train_ids
    # each fold's recogniser trains on the other folds only
    fold0 = {d.user_data["id"] for d in DocBin().from_disk(tmp_path / "fold0.spacy").get_docs(nlp.vocab)}
    fold1 = {d.user_data["id"] for d in DocBin().from_disk(tmp_path / "fold1.spacy").get_docs(nlp.vocab)}
    assert fold0 and fold1 and not fold0 & fold1 and fold0 | fold1 == train_ids


def test_annotations_load_with_corpus_text(shared_dir):
    records = load_annotations("heldout", shared=shared_dir)
    assert len(records) == sum(r["split"] == "heldout" for r in read_sample())
    # the abstract a repeated corpus id points at is read from its own line
    by_line = {r["id"] for r in read_sample() if "line" in r and r["split"] == "heldout"}
    assert by_line and all(rec["abstract"] for rec in records if rec["id"] in by_line)
    # names are surface forms of the text (the loader joined the right abstract)
    found = sum(
        e["name"].lower() in (rec["title"] + " " + rec["abstract"]).lower() for rec in records for e in rec["entities"]
    )
    total = sum(len(rec["entities"]) for rec in records)
    assert found / total > 0.95


def test_unknown_split_is_a_clear_error():
    from schema.errors import InputError

    with pytest.raises(InputError, match="unknown split"):
        load_annotations("dev")


def test_agreement_is_computed_on_the_doubly_read_abstracts():
    s = agreement()
    assert s.papers == sum(bool(r.get("second_batch")) for r in read_sample())
    assert 0.5 < s.typed.f1 <= 1.0
