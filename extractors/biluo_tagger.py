"""A recogniser that tags each token with its place in a typed mention and sets ``doc.ents``.

``kg_biluo_tagger`` is spaCy's ``tagger`` trained on the BILUO tags of the annotated mentions
(``B-Method``, ``I-Method``, ``L-Method``, ``U-Method``, ``O``...) instead of part-of-speech tags;
it writes no ``token.tag_`` (the English tagger's stay) but the mentions the tags spell, as
``doc.ents``, as the transition-based ``ner`` does. One softmax per token, where the ``ner``
scores every move of every state: the same tok2vec, a third of the ``ner``'s cost in
``kg build``. ``scripts/train.py --arch tagger`` trains it with spaCy's own loop.

The tags of a text are decoded together: the sequence of highest probability among those that
spell mentions (a ``B-X`` is followed by ``I-X`` or ``L-X``, an ``I-`` or ``L-`` only follows its
own type's ``B-`` or ``I-``), found by Viterbi over the whole batch at once. Taking each token's
likeliest tag alone leaves broken sequences ("B-Method I-Task L-Method"): on the validation slice
of the team annotations, mention F1 0.477 token by token, 0.587 decoded together (the transition-based
``ner``: 0.574).
"""

from __future__ import annotations

from itertools import islice

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL, Tagger
from spacy.tokens import Doc, Span
from spacy.training import validate_examples
from thinc.api import SequenceCategoricalCrossentropy

FACTORY = "kg_biluo_tagger"
OUTSIDE = "O"


@Language.factory(
    FACTORY,
    assigns=["doc.ents"],
    default_config={"model": DEFAULT_TAGGER_MODEL, "scorer": {"@scorers": "spacy.ner_scorer.v1"}},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_biluo_tagger(nlp: Language, name: str, model, scorer):
    return BiluoTagger(nlp.vocab, model, name, scorer=scorer)


class BiluoTagger(Tagger):
    """spaCy's tagger over BILUO mention tags; ``set_annotations`` writes ``doc.ents``."""

    def predict(self, docs):
        """The tag probabilities of each doc (``set_annotations`` decodes them together)."""
        n_labels = len(self.labels)
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((0, n_labels), dtype="float32") for _ in docs]
        return [self.model.ops.to_numpy(scores) for scores in self.model.predict(docs)]

    def set_annotations(self, docs, batch_scores) -> None:
        if isinstance(docs, Doc):
            docs = [docs]
        labels = self.labels
        for doc, tag_ids in zip(docs, viterbi(batch_scores, labels)):
            doc.ents = biluo_spans(doc, [labels[i] for i in tag_ids])

    def get_loss(self, examples, scores):
        validate_examples(examples, "BiluoTagger.get_loss")
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False)
        truths = [gold_tags(eg) for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"NaN loss in {self.name}")
        return float(loss), d_scores

    def initialize(self, get_examples, *, nlp=None, labels=None) -> None:
        """Tags ``O`` and B/I/L/U of every mention type of the examples (or the tag ``labels`` given)."""
        if labels is None:
            types = sorted({ent.label_ for eg in get_examples() for ent in eg.reference.ents})
            labels = [OUTSIDE] + [f"{p}-{t}" for t in types for p in "BILU"]
        for tag in labels:
            self.add_label(tag)
        docs, truths = [], []
        for eg in islice(get_examples(), 10):
            docs.append(eg.x)
            tags = gold_tags(eg)
            truths.append(self.model.ops.asarray(
                [[1.0 if tag == label else 0.0 for label in self.labels] for tag in tags], dtype="float32"
            ))
        self.model.initialize(X=docs, Y=truths)


def viterbi(batch_scores, labels: tuple[str, ...]) -> list[list[int]]:
    """The likeliest well-formed tag sequence of each doc, all docs of the batch stepped together.

    A tag that opens no mention (``O``, ``B-``, ``U-``) follows the best of the tags that close one
    (``O``, ``L-``, ``U-``); an ``I-X`` or ``L-X`` follows the better of ``B-X`` and ``I-X``. A
    sequence starts on an opening tag and ends on a closing one.
    """
    lengths = [len(scores) for scores in batch_scores]
    paths: list[list[int]] = [[] for _ in lengths]
    longest = max(lengths, default=0)
    if longest == 0:
        return paths
    prefix = [label.partition("-")[0] for label in labels]
    index = {label: k for k, label in enumerate(labels)}
    types = sorted({label.partition("-")[2] for label in labels if "-" in label})
    closing = numpy.array([k for k, p in enumerate(prefix) if p in ("O", "L", "U")])
    opening = numpy.array([k for k, p in enumerate(prefix) if p in ("O", "B", "U")])
    begin, inside, last = (numpy.array([index[f"{p}-{t}"] for t in types]) for p in "BIL")
    n_docs, n_labels = len(lengths), len(labels)
    logp = numpy.zeros((n_docs, longest, n_labels), dtype="float32")
    for k, scores in enumerate(batch_scores):
        logp[k, : lengths[k]] = numpy.log(numpy.maximum(scores, 1e-9))
    impossible = numpy.float32(-1e9)
    best = numpy.full((n_docs, n_labels), impossible, dtype="float32")
    best[:, opening] = logp[:, 0, opening]
    back = numpy.zeros((n_docs, longest, n_labels), dtype=numpy.int32)
    rows = numpy.arange(n_docs)
    running = numpy.array(lengths)[:, None]
    for t in range(1, longest):
        closed_from = closing[best[:, closing].argmax(axis=1)]  # (doc,)
        closed = best[rows, closed_from]
        stay = best[:, inside] > best[:, begin]  # (doc, type): continue from I-X rather than B-X
        open_from = numpy.where(stay, inside, begin)
        opened = numpy.where(stay, best[:, inside], best[:, begin])
        moved = numpy.empty_like(best)
        moved[:, opening] = closed[:, None] + logp[:, t, opening]
        moved[:, inside] = opened + logp[:, t, inside]
        moved[:, last] = opened + logp[:, t, last]
        back[:, t, opening] = closed_from[:, None]
        back[:, t, inside] = open_from
        back[:, t, last] = open_from
        best = numpy.where(t < running, moved, best)
    ending = numpy.full(n_labels, impossible, dtype="float32")
    ending[closing] = 0.0
    best = best + ending
    for k, n in enumerate(lengths):
        if n == 0:
            continue
        tag = int(best[k].argmax())
        path = [tag]
        for t in range(n - 1, 0, -1):
            tag = int(back[k, t, tag])
            path.append(tag)
        paths[k] = path[::-1]
    return paths


def gold_tags(eg) -> list[str | None]:
    """The reference mentions' BILUO tags on the predicted tokens (None where unknown)."""
    return [tag if tag and tag != "-" else None for tag in eg.get_aligned_ner()]


def biluo_spans(doc: Doc, tags: list[str]) -> list[Span]:
    """The mentions a BILUO tag sequence spells, read leniently (see the module docstring).

    Example:
        >>> doc = Doc(Vocab(), words=["We", "use", "deep", "Q", "learning", "on", "Atari"])  # doctest: +SKIP
        >>> biluo_spans(doc, ["O", "O", "B-Method", "I-Method", "L-Method", "O", "U-Benchmark"])  # doctest: +SKIP
        [deep Q learning, Atari]
    """
    spans = []
    start, label = None, None
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if start is not None and (prefix not in ("I", "L") or typ != label):
            spans.append(Span(doc, start, i, label=label))
            start = None
        if prefix == "U":
            spans.append(Span(doc, i, i + 1, label=typ))
        elif prefix == "L":
            spans.append(Span(doc, i if start is None else start, i + 1, label=typ))
            start = None
        elif prefix in ("B", "I") and start is None:
            start, label = i, typ
    if start is not None:
        spans.append(Span(doc, start, len(tags), label=label))
    return spans
