"""scripts/train.py: the steps that fit the classifiers run on the real pipeline's output."""
from __future__ import annotations

import pytest

RECORDS = [
    {
        "id": "t1",
        "title": "Contrastive Pretraining for Image Classification",
        "abstract": "We propose ConPre, a contrastive pretraining method for image classification. "
                    "ConPre outperforms SimCLR on ImageNet in top-1 accuracy.",
        "entities": [
            {"name": "ConPre", "type": "Method", "aliases": [], "roles": ["PROPOSES"]},
            {"name": "image classification", "type": "Task", "aliases": [], "roles": ["ADDRESSES"]},
            {"name": "SimCLR", "type": "Method", "aliases": [], "roles": ["COMPARES_WITH"]},
            {"name": "ImageNet", "type": "Benchmark", "aliases": [], "roles": ["EVALUATES_ON"]},
        ],
    },
    {
        "id": "t4",  # another part than t1 in a 2-fold cross-validation
        "title": "Faster Policy Optimization",
        "abstract": "We study proximal policy optimization (PPO) on Atari games and report the average return.",
        "entities": [{"name": "PPO", "type": "Method", "aliases": ["proximal policy optimization"], "roles": ["USES"]}],
    },
]


@pytest.fixture(scope="module")
def train(load_script):
    return load_script("train.py", "kg_train_script")


@pytest.fixture(scope="module")
def docs(train):
    return train.pipeline_docs(RECORDS, train.WEIGHTS)


def test_entity_rows_record_every_candidate_with_its_gold_type(train, docs):
    rows = train.entity_rows(RECORDS, docs)
    assert rows and all("bias" in features for features, _ in rows)
    kept = {typ for _, typ in rows if typ is not None}
    assert {"Method", "Benchmark"} <= kept  # ConPre or SimCLR, ImageNet matched to their annotations


def test_decided_once_keeps_every_candidate_with_its_probability(train, docs, monkeypatch):
    import extractors.pipeline as pipeline
    from extractors.entity_model import EntityModel
    from extractors.pipeline import ENTITY_WEIGHTS

    decided = train.decided_once(docs, None, EntityModel.load(ENTITY_WEIGHTS))
    for record, probabilities in decided:
        assert len(record["entities"]) == len(probabilities)
        assert all(0.0 <= p <= 1.0 for p in probabilities)
    monkeypatch.setattr(pipeline, "KNOWN_NAME_THRESHOLDS", {})  # a well-known name's own threshold would keep it
    assert train.thresholded(decided, {}, 1.01) == [{**rec, "entities": []} for rec, _ in decided]


def test_rows_and_probabilities_pair_with_entities_when_a_candidate_is_dropped_after_the_decision(train):
    """"random matrix theory" is decided, then dropped (a theory object): the next candidate must keep its own
    features and probability, not take the dropped one's."""
    from extractors.entity_model import EntityModel
    from extractors.evaluate import name_key
    from extractors.pipeline import ENTITY_WEIGHTS

    record = {"id": "t9", "title": "Stein Methods",
              "abstract": "We use Stein's lemma and random matrix theory to analyse SGD on ImageNet with top-1 accuracy.",
              "entities": [{"name": "SGD", "type": "Method", "aliases": [], "roles": ["USES"]},
                           {"name": "ImageNet", "type": "Benchmark", "aliases": [], "roles": ["EVALUATES_ON"]},
                           {"name": "top-1 accuracy", "type": "Metric", "aliases": [], "roles": ["MEASURES"]}]}
    docs = train.pipeline_docs([record], train.WEIGHTS)
    rows = train.entity_rows([record], docs)
    assert [typ for _, typ in rows] == ["Method", "Benchmark", "Metric"]
    assert [next(k for k in f if k.startswith("name:")) for f, _ in rows] == [
        f"name:{name_key(n)}" for n in ("SGD", "ImageNet", "top-1 accuracy")]
    model = EntityModel.load(ENTITY_WEIGHTS)
    ((predicted, probabilities),) = train.decided_once(docs, None, model)
    assert len(probabilities) == len(predicted["entities"])
    for entity, p in zip(predicted["entities"], probabilities):
        (features,) = [f for f, _ in rows if f"name:{name_key(entity['name'])}" in f]
        assert model.best(features)[1] == pytest.approx(p), entity["name"]


def test_role_rows_pair_features_with_annotated_roles(train, docs):
    rows = train.role_rows(RECORDS, docs)
    assert any("PROPOSES" in roles for _, roles in rows)


def test_cross_validated_decides_each_record_once_by_the_other_folds(train, docs, monkeypatch):
    fitted_on = []
    import extractors.entity_model as entity_model

    real_fit = entity_model.fit

    def recording_fit(rows, **options):
        fitted_on.append(len(rows))
        return real_fit(rows, **{**options, "epochs": 20})

    monkeypatch.setattr(entity_model, "fit", recording_fit)
    entity = [train.entity_rows([r], [d]) for r, d in zip(RECORDS, docs)]
    roles = [train.role_rows([r], [d]) for r, d in zip(RECORDS, docs)]
    gold, decided, without = train.cross_validated(RECORDS, docs, entity, roles, folds=2)
    assert sorted(r["id"] for r in gold) == sorted(r["id"] for r in RECORDS)
    assert [rec["id"] for rec, _ in decided] == [r["id"] for r in gold] == [rec["id"] for rec in without]
    from extractors.training_data import fold_of

    per_record = [len(rows) for rows in entity]
    part = [fold_of(r["id"], 2, salt="cv") for r in RECORDS]
    # each fold is decided by a decision fitted on the other fold's candidates only
    assert fitted_on == [sum(n for n, k in zip(per_record, part) if k != fold) for fold in range(2)]


def test_a_precision_floor_raises_a_threshold_until_the_type_is_precise_enough(train):
    def entity(name, typ="Metric"):
        return {"name": name, "type": typ, "aliases": [], "roles": ["MEASURES"]}

    gold = [{"id": "p1", "entities": [entity("accuracy"), entity("F1"), entity("BERT", "Method")]}]
    found = [("accuracy", 0.9), ("curriculum rate", 0.7), ("growth rate", 0.5), ("F1", 0.3)]
    decided = [({"id": "p1", "entities": [entity(n) for n, _ in found] + [entity("BERT", "Method")]},
                [p for _, p in found] + [0.35])]
    own = {"Metric": 0.3}
    assert train.precision_floor(gold, decided, own, 0.3, "Metric", 0.8) == {"Metric": 0.75}  # only accuracy left
    assert train.precision_floor(gold, decided, own, 0.3, "Metric", 0.5) == {"Metric": 0.3}  # 2 of 4 already
    assert train.precision_floor(gold, decided, {}, 0.3, "Metric", 0.5) == {"Metric": 0.3}  # from the common one
    kept = train.thresholded(decided, {"Metric": 0.75}, 0.3)[0]["entities"]
    assert [e["name"] for e in kept] == ["accuracy", "BERT"]  # the other types keep the common threshold
    nothing = [({"id": "p1", "entities": [entity("growth rate")]}, [0.95])]
    assert train.precision_floor(gold, nothing, own, 0.3, "Metric", 0.8) == {"Metric": train.FLOOR_THRESHOLDS[-1]}


def test_out_of_fold_figures_hold_a_recogniser_only_candidate_to_the_shipped_floor(train):
    """train.py scores what the shipped extractor keeps: a Method only the recogniser found needs its floor."""
    from extractors.pipeline import RECOGNISER_ONLY_FLOORS

    def entity(name, extractors):
        return {"name": name, "type": "Method", "aliases": [], "roles": ["USES"], "extractors": extractors}

    between = (0.7 + RECOGNISER_ONLY_FLOORS["Method"]) / 2
    decided = [({"id": "p1", "entities": [entity("LoneNet", ["kg_ner"]), entity("BothNet", ["kg_ner", "kg_entities"]),
                                          entity("RuleNet", ["kg_entities"])]}, [between] * 3)]
    kept = train.thresholded(decided, {"Method": 0.7}, 0.35)[0]["entities"]
    assert [e["name"] for e in kept] == ["BothNet", "RuleNet"]


def test_out_of_fold_figures_keep_a_well_known_method_at_its_own_threshold(train):
    """A name the gazetteer knows as a Method needs KNOWN_NAME_THRESHOLDS, not Method's raised threshold, in the
    figures train.py prints as in the shipped extractor."""
    from extractors.pipeline import KNOWN_NAME_THRESHOLDS

    def entity(name, typ="Method"):
        return {"name": name, "type": typ, "aliases": [], "roles": ["USES"], "extractors": ["kg_entities"]}

    between = (KNOWN_NAME_THRESHOLDS["Method"] + 0.7) / 2
    decided = [({"id": "p1", "entities": [entity("gradient descent"), entity("FooNet"), entity("GSM8K", "Task")]},
                [between] * 3)]
    kept = train.thresholded(decided, {"Method": 0.7, "Task": 0.7}, 0.35)[0]["entities"]
    assert [e["name"] for e in kept] == ["gradient descent"]  # not a name known as another type ("GSM8K")


def test_a_threshold_minimum_raises_a_type_s_threshold_only_from_below(train):
    def entity(name, typ="Method"):
        return {"name": name, "type": typ, "aliases": [], "roles": ["USES"]}

    gold = [{"id": "p1", "entities": [entity("PPO"), entity("accuracy", "Metric")]}]
    decided = [({"id": "p1", "entities": [entity("PPO"), entity("low-memory"), entity("accuracy", "Metric")]},
                [0.9, 0.47, 0.3])]
    common, own, figures = train.choose_thresholds(gold, decided, 0.0)
    assert own.get("Method", common) < 0.5  # F1 alone keeps the lowest threshold that is best
    common, own, figures = train.choose_thresholds(gold, decided, 0.0, {"Method": 0.5})
    assert own["Method"] == 0.5 and own.get("Metric", common) < 0.5  # only Method is raised
    kept = train.thresholded(decided, own, common)[0]["entities"]
    assert [e["name"] for e in kept] == ["PPO", "accuracy"]
    assert train.choose_thresholds(gold, decided, 0.0, {"Method": 0.1})[1].get("Method", 1.0) >= 0.1  # never lowered


def test_the_shipped_thresholds_honour_the_minima(train):
    """The shipped decision is what the script writes: no type's threshold under its minimum."""
    from extractors.entity_model import EntityModel
    from extractors.pipeline import ENTITY_WEIGHTS

    model = EntityModel.load(ENTITY_WEIGHTS)
    assert train.THRESHOLD_MINIMA
    assert all(model.threshold_of(t) >= low for t, low in train.THRESHOLD_MINIMA.items())


def test_word_vectors_are_trained_on_kg_tokens_and_kept_for_frequent_words(train, tmp_path):
    import spacy

    texts = [f"We fine-tune Qwen2.5-7B on GSM8K and report accuracy {i}." for i in range(40)]
    texts += ["A rare word appears once."]
    out = train.train_vectors(iter(texts), tmp_path / "a", min_count=5, width=16, epochs=2)
    vocab = spacy.load(out).vocab
    assert vocab.vectors.shape[1] == 16
    keys = {vocab.strings[k] for k in vocab.vectors.keys()}
    assert {"Qwen2.5-7B", "GSM8K", "accuracy"} <= keys  # kg's tokens, kept whole
    assert "rare" not in keys and "Qwen2.5" not in keys
    again = spacy.load(train.train_vectors(iter(texts), tmp_path / "b", min_count=5, width=16, epochs=2)).vocab
    assert (again.get_vector("GSM8K") == vocab.get_vector("GSM8K")).all()  # one thread: the same vectors again


def test_a_recogniser_config_reads_static_vectors_only_when_given(train, tmp_path):
    plain = train.ner_config("fresh", arch="tagger")
    with_vectors = train.ner_config("fresh", arch="tagger", vectors=tmp_path / "vectors")
    assert "include_static_vectors = false" in plain and "vectors = null" in plain
    assert "include_static_vectors = true" in with_vectors
    assert f'vectors = "{tmp_path / "vectors"}"' in with_vectors
    with pytest.raises(ValueError):
        train.ner_config("sm", vectors=tmp_path / "vectors")


def test_a_recogniser_with_static_vectors_runs_in_the_kg_pipeline(train, tmp_path):
    """load_nlp gives the English pipeline the recogniser's vectors (en_core_web_sm has none)."""
    from spacy.tokens import DocBin

    from extractors.pipeline import load_nlp
    from extractors.training_data import annotated_doc

    tokenizer = train.tokenizer_nlp()
    docs = [annotated_doc(tokenizer, r) for r in RECORDS]
    DocBin(docs=docs).to_disk(tmp_path / "train.spacy")
    DocBin(docs=docs).to_disk(tmp_path / "dev.spacy")
    texts = [f"{r['title']} {r['abstract']}" for r in RECORDS] * 5
    vectors = train.train_vectors(iter(texts), tmp_path, min_count=2, width=8, epochs=1)
    model = train.train_ner(
        tmp_path, init="fresh", arch="tagger", max_steps=10, seed=0, dropout=0.1, patience=10, vectors=vectors
    )
    nlp = load_nlp(ner_dir=model, role_weights=False, entity_weights=False)
    assert nlp.vocab.vectors.shape[0] > 0 and nlp.vocab.vectors.shape[1] == 8
    doc = nlp("ConPre outperforms SimCLR on ImageNet in top-1 accuracy.")
    assert "kg_entities" in doc.spans
