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
    title_key,
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


def _train_script():
    spec = importlib.util.spec_from_file_location("train_script", ROOT / "scripts" / "train.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    return train


def test_heldout_never_reaches_the_training_docbin(shared_dir, tmp_path):
    train = _train_script()
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


def test_pretraining_never_reads_a_scored_abstract(shared_dir):
    """spacy pretrain reads the corpus, but no held-out, validation or dev abstract, even unlabelled."""
    train = _train_script()
    read = [text.split("\n", 1) for text in train.pretraining_texts(shared_dir)]
    texts = {abstract for _, abstract in read}
    assert len(texts) > 40_000
    heldout = load_annotations("heldout", shared=shared_dir)
    validation = train.train_records(shared_dir)[1]
    assert heldout and validation
    assert not [r["id"] for r in heldout + validation if r["abstract"].strip() in texts]
    dev_titles = {json.loads(line)["title"] for line in (shared_dir / "gold" / "dev.jsonl").read_text().splitlines() if line.strip()}
    kept_titles = {title_key(title) for title, _ in read}
    assert not {title_key(t) for t in dev_titles} & kept_titles


def test_a_pretrained_tok2vec_starts_the_recogniser_and_ships_inline(tmp_path, tok):
    """The fresh recogniser trains as tok2vec + listening ner, starts from spacy pretrain weights
    when given, and is rewritten as one ner holding its tok2vec (what the pipeline sources)."""
    from spacy.util import load_config_from_str, load_model_from_config

    train = _train_script()
    config = load_config_from_str(train.ner_config("fresh", width=32, depth=1))
    assert config["nlp"]["pipeline"] == ["tok2vec", "ner"] and config["pretraining"]["component"] == "tok2vec"
    # weights as spacy pretrain saves them: the tok2vec component's model bytes
    donor = load_model_from_config(config, auto_fill=True)
    donor.initialize()
    weights = tmp_path / "tok2vec.bin"
    weights.write_bytes(donor.get_pipe("tok2vec").model.to_bytes())
    docs = []
    for i in range(12):
        doc = tok(f"We propose Method{i} and evaluate it on Bench{i} for image classification .")
        doc.ents = [doc.char_span(doc.text.index(f"Method{i}"), doc.text.index(f"Method{i}") + len(f"Method{i}"), label="Method")]
        docs.append(doc)
    DocBin(docs=docs).to_disk(tmp_path / "train.spacy")
    DocBin(docs=docs[:3]).to_disk(tmp_path / "dev.spacy")
    model = train.train_ner(tmp_path, init="fresh", max_steps=20, seed=0, dropout=0.1, patience=20, width=32, depth=1, init_tok2vec=weights)
    started = spacy.load(tmp_path / "model" / "model-last")
    assert started.pipe_names == ["tok2vec", "ner"]
    assert started.config["paths"]["init_tok2vec"] == str(weights)
    shipped = spacy.load(model)
    assert shipped.pipe_names == ["ner"] and shipped.get_pipe("ner").labels == ("Method",)
    assert "listener" not in shipped.get_pipe("ner").model.get_ref("tok2vec").layers[0].name
    shipped("We propose Method3 and evaluate it .")  # runs without its former upstream tok2vec
