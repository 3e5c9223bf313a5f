"""A learned role classifier over each (paper, entity) pair.

Features of an entity of one paper (:func:`pair_features`): its type, the role cues of
its mentions (:mod:`extractors.roles`: any / all mentions, crossed with the type), the
rule roles, where it appears (title, title subject, first abstract sentence, position
of its first mention), how often, cue words of the sentences it appears in
("propose", "outperform", "baseline", "evaluate"...), the words that govern its mentions
and stand next to them, and what the rules know of its name (found by definition,
gazetteer or spelling; known or not; spelling class). One logistic regression per
role (one-vs-rest, L2), trained by ``scripts/train.py`` on the train split and shipped
as JSON (``extractors/weights/roles.json``); applied here with numpy.

Example:
    >>> model = RoleModel({"features": ["bias"], "roles": {"USES": {"w": [2.0], "b": 0.0}}})
    >>> model.predict({"bias": 1.0}, "Method")
    ['USES']
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path

import numpy

from schema.types import ROLE_TYPES

ROLES = tuple(role.value for role in ROLE_TYPES)
CUES = ("PROPOSES", "USES", "COMPARES_WITH", "EVALUATES_ON", "BACKGROUND", "EXAMPLE")
#: Words of the sentences an entity appears in (lower-case prefixes).
SENTENCE_WORDS = (
    "propos", "introduc", "present", "novel", "new", "our", "we", "outperform", "surpass", "compar",
    "baseline", "than", "state-of-the-art", "existing", "previous", "prior", "evaluat", "benchmark",
    "dataset", "experiment", "achiev", "accuracy", "using", "use", "based", "leverag", "fine-tun",
    "build", "such", "e.g.", "including", "however", "recent", "task", "problem", "address",
)


def pair_features(
    entity_type: str,
    spans: list,
    cues: list[set[str]],
    rule_roles: Iterable[str],
    title_end: int,
    governed: set[str] | None = None,
    described: Iterable[str] = (),
) -> dict[str, float]:
    """Features of one (paper, entity) pair from its mention spans and their role cues; ``governed``
    is :func:`governors` of the spans (computed when not given), ``described`` what the rules know of
    its name (:func:`extractors.entity_model.name_descriptors`), each also crossed with the type."""
    doc = spans[0].doc
    f: dict[str, float] = {"bias": 1.0, f"type={entity_type}": 1.0}
    for cue in CUES:
        has = [cue in c for c in cues]
        if any(has):
            f[f"any:{cue}"] = 1.0
            f[f"{entity_type}&any:{cue}"] = 1.0
        if has and all(has):
            f[f"all:{cue}"] = 1.0
    for role in rule_roles:
        f[f"rule:{role}"] = 1.0
        f[f"{entity_type}&rule:{role}"] = 1.0
    in_title = any(s.start < title_end for s in spans)
    if in_title:
        f["in_title"] = 1.0
        f[f"{entity_type}&in_title"] = 1.0
    if any(s.start == 0 for s in spans):
        f["title_start"] = 1.0
    body = [s for s in spans if s.start >= title_end]
    if body:
        f["first_pos"] = (body[0].start - title_end) / max(1, len(doc) - title_end)
        f["first_sentence"] = float(any(s.sent.start <= title_end + 1 for s in body))
    f["log_mentions"] = math.log1p(len(spans))
    for w in sentence_prefixes(spans, SENTENCE_WORDS):
        f[f"word:{w}"] = 1.0
    for g in governors(spans) if governed is None else governed:
        f[f"gov:{g}"] = 1.0
    f.update(dict.fromkeys(neighbours(spans), 1.0))
    for d in described:
        f[d] = 1.0
        f[f"{entity_type}&{d}"] = 1.0
    return f


def neighbours(spans: list) -> set[str]:
    """The words just before and after each mention, as features ``prev:<word>`` and ``next:<word>``
    ("outperforms X on", "X achieves"): what a mention is next to tells its kind and its role.

    Example:
        >>> doc = nlp("Ours beats BERT on GLUE.")  # doctest: +SKIP
        >>> sorted(neighbours([doc[2:3]]))  # doctest: +SKIP
        ['next:on', 'prev:beats']
    """
    found = set()
    for s in spans:
        doc = s.doc
        if s.start > 0:
            found.add(f"prev:{doc[s.start - 1].lower_}")
        if s.end < len(doc):
            found.add(f"next:{doc[s.end].lower_}")
    return found


#: Dependency relations a mention's root climbs through to reach the word that governs it
#: (the items of a list, an apposition, the noun a name modifies).
_CLIMB = frozenset({"conj", "appos", "compound", "amod", "nmod", "npadvmod", "nummod"})


def stem(word: str) -> str:
    """A crude stem of a lower-case word (the pipeline has no lemmatizer): inflection off, six letters.

    Example:
        >>> [stem(w) for w in ("outperforms", "outperformed", "evaluating", "uses", "used")]
        ['outper', 'outper', 'evalua', 'us', 'us']
    """
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 2:
            word = word[: -len(end)]
            break
    return word.rstrip("e")[:6] if len(word) > 3 else word


def governors(spans: list) -> set[str]:
    """The words that govern a paper's mentions in the parse: the verb or noun a mention (or the
    list or apposition it belongs to) hangs from, with the preposition between them ("evaluate on
    X": ``evalua``, ``evalua_on``; "outperforms A, B and C": ``outper`` for each of A, B, C), and
    the relation it hangs by (``dep=dobj``; ``dep=prep`` through a preposition).

    Example:
        >>> doc = nlp("Our model outperforms BERT and RoBERTa.")  # doctest: +SKIP
        >>> governors([doc[5:6]])  # doctest: +SKIP
        {'outper', 'dep=dobj'}
    """
    out = set()
    for span in spans:
        tok = span.root
        prep = None
        for _ in range(5):
            head = tok.head
            if head.i == tok.i:
                break
            if tok.dep_ in _CLIMB:
                tok = head
                continue
            if head.pos_ == "ADP" and prep is None:
                prep, tok = head.lower_, head
                continue
            break
        head = tok.head
        if head.i == tok.i:
            continue
        out.add(f"dep={tok.dep_}")
        if head.pos_ in ("VERB", "AUX", "NOUN"):
            word = stem(head.lower_)
            out.add(word)
            if prep:
                out.add(f"{word}_{prep}")
    return out


def prefixes_found(words: Iterable[str], prefixes: Iterable[str]) -> set[str]:
    """The ``prefixes`` that begin at least one of ``words`` (one dictionary look-up per word
    and prefix length, rather than every word against every prefix).

    Example:
        >>> sorted(prefixes_found({"proposed", "we"}, ("propos", "we", "our")))
        ['propos', 'we']
    """
    wanted = set(prefixes)
    lengths = sorted({len(p) for p in wanted})
    found = set()
    for word in words:
        for n in lengths:
            if n > len(word):
                break
            if word[:n] in wanted:
                found.add(word[:n])
    return found


def sentence_prefixes(spans: list, prefixes: tuple[str, ...]) -> set[str]:
    """:func:`prefixes_found` over the words of the sentences ``spans`` stand in. Each sentence's
    finds are kept for the Doc last asked about, as both classifiers ask again for every entity
    of a paper (its words would otherwise be read once per mention and per classifier).

    Example:
        >>> sorted(sentence_prefixes([doc[2:3]], ("propos", "we")))  # "We propose X."  # doctest: +SKIP
        ['propos', 'we']
    """
    found: set[str] = set()
    if not spans:
        return found
    doc = spans[0].doc
    if _SENTENCES[0] is not doc:
        _SENTENCES[:] = [doc, {}]
    seen = _SENTENCES[1]
    for span in spans:
        sent = span.sent
        key = (sent.start, prefixes)
        hits = seen.get(key)
        if hits is None:
            hits = seen[key] = frozenset(prefixes_found({t.lower_ for t in sent}, prefixes))
        found |= hits
    return found


#: The Doc :func:`sentence_prefixes` last read and its finds by (sentence start, prefixes).
_SENTENCES: list = [None, {}]


class RoleModel:
    """One-vs-rest logistic regressions over :func:`pair_features`, from a JSON dict."""

    def __init__(self, data: dict):
        self.index = {name: i for i, name in enumerate(data["features"])}
        self.roles = list(data["roles"])
        self.W = numpy.array([data["roles"][r]["w"] for r in self.roles], dtype="float64")
        self.b = numpy.array([data["roles"][r]["b"] for r in self.roles], dtype="float64")
        self.threshold = float(data.get("threshold", 0.5))

    @classmethod
    def load(cls, path: Path) -> RoleModel:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        # only the columns of the features present (a few dozen out of thousands)
        index = self.index
        cols, values = [], []
        for name, value in features.items():
            i = index.get(name)
            if i is not None:
                cols.append(i)
                values.append(value)
        z = self.W[:, cols] @ numpy.array(values, dtype="float64") + self.b
        return dict(zip(self.roles, (1.0 / (1.0 + numpy.exp(-z))).tolist()))

    def predict(self, features: dict[str, float], entity_type: str) -> list[str]:
        """Roles above the threshold; the most probable one when none is."""
        probs = self.probabilities(features)
        roles = [r for r, p in probs.items() if p >= self.threshold]
        return roles or [max(probs, key=probs.get)]


def fit(
    rows: list[tuple[dict[str, float], set[str]]],
    *,
    l2: float = 1.0,
    epochs: int = 400,
    lr: float = 0.5,
    labels: Iterable[str] = ROLES,
) -> dict:
    """Train one logistic regression per label (full-batch gradient descent, deterministic).

    ``rows`` are (features, gold labels) pairs; ``labels`` the labels to fit (the roles by
    default; :mod:`extractors.entity_model` fits entity types). Returns the JSON dict
    :class:`RoleModel` reads, with one entry per label under ``"roles"``.
    """
    names = sorted({name for feats, _ in rows for name in feats})
    index = {n: i for i, n in enumerate(names)}
    # the feature matrix as its non-zero cells (rows hold a few dozen of thousands of features)
    cells = [(r, index[name], value) for r, (feats, _) in enumerate(rows) for name, value in feats.items()]
    row_of = numpy.array([c[0] for c in cells], dtype="int64")
    col_of = numpy.array([c[1] for c in cells], dtype="int64")
    val_of = numpy.array([c[2] for c in cells], dtype="float64")
    out = {"features": names, "roles": {}, "threshold": 0.5}
    n = max(1, len(rows))
    for role in labels:
        y = numpy.array([role in roles for _, roles in rows], dtype="float64")
        w, b = numpy.zeros(len(names)), 0.0
        for _ in range(epochs):
            z = numpy.bincount(row_of, weights=val_of * w[col_of], minlength=len(rows)) + b  # X @ w + b
            p = 1.0 / (1.0 + numpy.exp(-z))
            grad = numpy.bincount(col_of, weights=val_of * (p - y)[row_of], minlength=len(names)) / n + l2 * w / n
            w -= lr * grad
            b -= lr * float(numpy.mean(p - y))
        out["roles"][role] = {"w": [round(float(v), 5) for v in w], "b": round(b, 5)}
    return out
