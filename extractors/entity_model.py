"""A learned per-paper entity decision: keep each candidate entity with a type, or drop it.

Candidates are the entities of one paper as the pipeline groups them (the mentions of
``doc.spans["kg_entities"]`` under one canonical name). :func:`candidate_features`
describes one candidate: the type the rules gave it, which rule kinds found its
mentions (abbreviation definition, defined short form, gazetteer, name-like spelling,
noun chunk with a typed head), the gazetteer and head-word types, its spelling (shape,
length in tokens, plural), how often and where it appears (title, first sentence), the
role cues of its mentions and the cue words of its sentences. One logistic regression
per type (one-vs-rest, fitted by :func:`extractors.role_model.fit`) gives
P(an annotator keeps it with type T); :meth:`EntityModel.decide` keeps the most probable
type when its probability reaches that type's threshold (chosen on the validation slice by
``scripts/train.py``) and drops the candidate otherwise. Applied with numpy
in :func:`extractors.pipeline.doc_to_extraction`; shipped as
``extractors/weights/entities.json``.

Example:
    >>> model = EntityModel({"features": ["bias", "type=Task"], "threshold": 0.5,
    ...                      "types": {"Task": {"w": [-1.0, 3.0], "b": 0.0}, "Method": {"w": [-1.0, -3.0], "b": 0.0}}})
    >>> model.decide({"bias": 1.0, "type=Task": 1.0}), model.decide({"bias": 1.0, "type=Method": 1.0})
    ('Task', None)
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from pathlib import Path

from extractors.abbreviations import abbreviation_map
from extractors.entities import (
    GENERIC_HEADS,
    SPAN_KEY,
    gazetteer_type,
    head_type,
    is_name_like,
    name_type,
    text_words,
)
from extractors.learned import LEARNED, NER_KEY
from extractors.role_model import CUES, SENTENCE_WORDS, RoleModel, governors, neighbours, sentence_prefixes
from extractors.role_model import fit as fit_one_vs_rest
from schema.names import name_key
from schema.types import ENTITY_TYPES

#: Extra cue words of the sentences a candidate appears in (on top of the role model's).
TYPE_WORDS = ("metric", "measure", "score", "model", "method", "approach", "framework", "algorithm", "corpus")
_CANDIDATE_WORDS = (*SENTENCE_WORDS, *TYPE_WORDS)


def mention_kind(span, long_forms: set[tuple[int, int]], shorts: set[str]) -> str:
    """Which rule kind most plausibly found a rule mention (the rules do not record it).

    Example:
        >>> mention_kind(doc[0:1], set(), {"RL"})  # doctest: +SKIP
        'short'
    """
    text = span.text
    if span.id_ == LEARNED:
        return "learned"
    if (span.start, span.end) in long_forms:
        return "definition"
    if text in shorts or text.rstrip("s") in shorts:
        return "short"
    if gazetteer_type(text):
        return "gazetteer"
    if any(is_name_like(t.text) for t in span):
        return "name"
    if head_type(text_words(text)):
        return "head"
    return "other"


def mention_kinds(spans: list, long_forms: set[tuple[int, int]], shorts: set[str]) -> set[str]:
    """The :func:`mention_kind` of each of a candidate's mentions."""
    return {mention_kind(s, long_forms, shorts) for s in spans}


def name_descriptors(name: str, kinds: set[str]) -> list[str]:
    """What the rules know of a candidate's name, as role features (:func:`extractors.role_model.pair_features`):
    the rule kinds that found its mentions (``kinds``, :func:`mention_kinds`), whether a gazetteer knows
    the name, and its spelling class (:func:`shape`). A known name ("BERT") is seldom what a paper
    proposes; a name the abstract defines or coins often is.

    Example:
        >>> name_descriptors("BERT", {"gazetteer"})
        ['kind:gazetteer', 'known', 'shape=caps']
    """
    return [*sorted(f"kind:{k}" for k in kinds), "known" if gazetteer_type(name) else "unknown", f"shape={shape(name)}"]


@functools.lru_cache(maxsize=1 << 16)
def shape(name: str) -> str:
    """A coarse spelling class of a name.

    Example:
        >>> [shape(n) for n in ("GSM8K", "BERT", "WebShop", "Transformer", "semantic parsing", "Chain of Thought")]
        ['digit', 'caps', 'innercap', 'capital', 'lower', 'titlecase']
    """
    letters = [c for c in name if c.isalpha()]
    if any(c.isdigit() for c in name):
        return "digit"
    if letters and all(c.isupper() for c in letters):
        return "caps"
    words = name.split()
    if any(any(c.isupper() for c in w[1:]) for w in words):
        return "innercap"
    if len(words) > 1 and sum(w[:1].isupper() for w in words) >= len(words) - 1:
        return "titlecase"
    if name[:1].isupper():
        return "capital"
    return "lower"


def candidate_features(
    entity_type: str,
    name: str,
    spans: list,
    cues: list[set[str]],
    title_end: int,
    long_forms: set[tuple[int, int]],
    shorts: set[str],
    listed: dict[tuple[int, int], set[str]] | None = None,
    governed: set[str] | None = None,
    kinds: set[str] | None = None,
    long_of: dict[str, str] | None = None,
    context: set[str] | None = None,
) -> dict[str, float]:
    """Features of one candidate entity of a paper (see the module docstring).

    ``spans`` are its mentions, ``cues`` their role cues (``doc.spans["kg_roles"]``),
    ``long_forms`` the token ranges of abbreviation long forms and ``shorts`` the short forms;
    ``listed`` is :func:`listed_types` of the Doc, ``governed`` :func:`extractors.role_model.governors`,
    ``kinds`` :func:`mention_kinds` of the spans and ``long_of`` the paper's short -> long forms
    (:func:`extractors.abbreviations.abbreviation_map`; each computed when not given).
    """
    t = entity_type
    f: dict[str, float] = {"bias": 1.0, f"type={t}": 1.0}

    def add(key: str, crossed: bool = True) -> None:
        f[key] = 1.0
        if crossed:
            f[f"{t}&{key}"] = 1.0

    for kind in mention_kinds(spans, long_forms, shorts) if kinds is None else kinds:
        add(f"kind:{kind}")
    if name in shorts:
        add("abbreviation")
    known = gazetteer_type(name)
    add(f"gazetteer={known}" if known else "gazetteer=none")
    words = text_words(name)
    head = head_type(words)
    add(f"head={head}" if head else "head=none")
    if words and words[-1].lower() in GENERIC_HEADS:
        add("generic_head")
    if any(is_name_like(w) for w in name.split()):
        add(f"name_type={name_type(name)}")
    add(f"shape={shape(name)}")
    if words:
        add(f"last:{words[-1].lower()}")
        f[f"first:{words[0].lower()}"] = 1.0
        f[f"name:{name_key(name)}"] = 1.0
    add(f"tokens={min(len(words), 4)}")
    if len(words) == 1 and name.lower().endswith("s") and not name.isupper():
        add("plural")
    doc = spans[0].doc
    long_words = text_words((abbreviation_map(doc) if long_of is None else long_of).get(name, ""))
    if long_words:  # a defined short form ("MDD") is known by its long form's words ("... disorder")
        long_head = head_type(long_words)
        add(f"long_head={long_head}" if long_head else "long_head=none")
        add(f"long_last:{long_words[-1].lower()}")
        if long_words[-1].lower() in GENERIC_HEADS:
            add("long_generic_head")
    add(f"mentions={min(len(spans), 3)}")
    f["log_mentions"] = math.log1p(len(spans))
    if any(s.start < title_end for s in spans):
        add("in_title")
    body = [s for s in spans if s.start >= title_end]
    if not body:
        add("title_only")
    elif any(s.sent.start <= title_end + 1 for s in body):
        add("first_sentence")
    for cue in CUES:
        if any(cue in c for c in cues):
            add(f"cue:{cue}")
    if NER_KEY in doc.spans:
        for key in _recogniser_agreement(spans, doc.spans[NER_KEY]):
            add(key)
    if listed is None:
        listed = listed_types(doc)
    for kind in {k for s in spans for k in listed.get((s.start, s.end), ())}:
        add(f"listed_with={kind}")
    for g in governors(spans) if governed is None else governed:
        f[f"gov:{g}"] = 1.0
    f.update(dict.fromkeys(neighbours(spans), 1.0))
    for w in sentence_prefixes(spans, _CANDIDATE_WORDS):
        f[f"word:{w}"] = 1.0
    for key in context or ():
        add(key)
    return f


def paper_context(entries: dict[str, dict]) -> dict[str, set[str]]:
    """What a paper's other candidates say of each (grouped entries by key, each with "name", "type", "spans"):
    how many candidates of its type the paper has, whether it is the most mentioned of them, whether another of
    them is its name with words more or fewer before ("segmentation" beside "semantic segmentation")."""
    by_type: dict[str, list[str]] = {}
    for key, entry in entries.items():
        by_type.setdefault(entry["type"], []).append(key)
    out: dict[str, set[str]] = {}
    for typ, keys in by_type.items():
        most = max(len(entries[k]["spans"]) for k in keys)
        n = len(keys)
        peers = "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"
        words = {k: entries[k]["name"].lower().split() for k in keys}
        for k in keys:
            ctx = {f"peers={peers}"}
            if len(entries[k]["spans"]) == most and n > 1:
                ctx.add("most_mentioned")
            w = words[k]
            for other in keys:
                o = words[other]
                if other != k and len(o) > len(w) and o[-len(w):] == w:
                    ctx.add("inside_longer")
                if other != k and len(o) < len(w) and w[-len(o):] == o:
                    ctx.add("holds_shorter")
            out[k] = ctx
    return out


#: Tokens that join the items of a list of names: "A, B and C", "A or B", "A/B".
_LIST_JOINS = frozenset({",", "and", "or", "&", "/"})


def listed_types(doc) -> dict[tuple[int, int], set[str]]:
    """For each rule mention of ``doc`` listed with others ("question answering, textual entailment
    and sentiment analysis"), the types its neighbours in the list have on their own (gazetteer,
    else head word): a list holds one kind of thing, so a name the vocabulary does not know takes
    its neighbours' kind.

    Example:
        >>> doc = nlp("tasks including question answering, textual entailment and sentiment analysis")  # doctest: +SKIP
        >>> listed_types(doc)[(4, 6)]  # doctest: +SKIP
        {'Task'}
    """
    mentions = sorted({(s.start, s.end): s.text for s in doc.spans.get(SPAN_KEY, [])}.items())
    lists: list[list[tuple[tuple[int, int], str]]] = []
    for (start, end), text in mentions:
        if lists:
            (prev_start, prev_end), _ = lists[-1][-1]
            between = [t.text for t in doc[prev_end:start]] if prev_end <= start else None
            if between and len(between) <= 2 and all(w in _LIST_JOINS for w in between):
                lists[-1].append(((start, end), text))
                continue
        lists.append([((start, end), text)])
    table: dict[tuple[int, int], set[str]] = {}
    for items in lists:
        if len(items) < 2:
            continue
        kinds = [gazetteer_type(text) or head_type(text_words(text)) for _, text in items]
        for i, (key, _) in enumerate(items):
            table[key] = {k for j, k in enumerate(kinds) if j != i and k}
    return table


def _recogniser_agreement(spans: list, recognised) -> set[str]:
    """What the trained recogniser said about a candidate's mentions: ``ner_exact=<type>`` for a
    mention it found with the same boundaries, ``ner_overlap=<type>`` for one it found with other
    boundaries, ``ner_none`` when it found none of them."""
    keys = set()
    for s in spans:
        for r in recognised:
            if r.start < s.end and s.start < r.end:
                same = (r.start, r.end) == (s.start, s.end)
                keys.add(f"ner_{'exact' if same else 'overlap'}={r.label_}")
    return keys or {"ner_none"}


class EntityModel:
    """One-vs-rest logistic regressions per entity type over :func:`candidate_features`, from a JSON dict."""

    def __init__(self, data: dict):
        self.model = RoleModel({"features": data["features"], "roles": data["types"]})
        self.threshold = float(data.get("threshold", 0.5))
        #: per-type thresholds (chosen on the validation slice), else the common one
        self.thresholds = {t: float(v) for t, v in (data.get("thresholds") or {}).items()}

    @classmethod
    def load(cls, path: Path) -> EntityModel:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """P(kept with type T) for each type T."""
        return self.model.probabilities(features)

    def best(self, features: dict[str, float]) -> tuple[str, float]:
        """The most probable type and its probability."""
        probs = self.probabilities(features)
        best = max(probs, key=probs.get)
        return best, probs[best]

    def kept(self) -> None:
        """Told by :func:`extractors.pipeline.doc_to_extraction` that the candidate it decided last became an entity
        (some are dropped after the decision: a kind of measure, a qualifier, ...). Nothing to do here; the recorders
        of ``scripts/train.py`` pair what they record with the entities by it."""

    def decide(self, features: dict[str, float]) -> str | None:
        """The most probable type when its probability reaches that type's threshold, else None (drop)."""
        return self.decision(features)[0]

    def decision(self, features: dict[str, float]) -> tuple[str | None, float]:
        """:meth:`decide` with the probability it read: (type or None, P(kept with that type))."""
        best, p = self.best(features)
        return (best if p >= self.threshold_of(best) else None), p

    def threshold_of(self, entity_type: str) -> float:
        """The probability a candidate of ``entity_type`` needs to be kept."""
        return self.thresholds.get(entity_type, self.threshold)


def fit(
    rows: list[tuple[dict[str, float], str | None]],
    *,
    l2: float = 1.0,
    epochs: int = 400,
    lr: float = 0.5,
    min_count: int = 3,
) -> dict:
    """Fit the per-type regressions on (features, gold type or None for a dropped candidate).

    Features seen in fewer than ``min_count`` candidates are left out (mostly one-off words).

    Reuses :func:`extractors.role_model.fit` (one-vs-rest, one regression per type).
    Returns the JSON dict :class:`EntityModel` reads.

    Example:
        >>> data = fit([({"bias": 1.0, "type=Task": 1.0}, "Task"), ({"bias": 1.0}, None)], epochs=50)
        >>> sorted(data["types"]) == sorted(ENTITY_TYPES)
        True
    """
    seen = Counter(name for feats, _ in rows for name in feats)
    rows = [({k: v for k, v in feats.items() if seen[k] >= min_count}, typ) for feats, typ in rows]
    data = fit_one_vs_rest(
        [(feats, {typ} if typ else set()) for feats, typ in rows], l2=l2, epochs=epochs, lr=lr, labels=ENTITY_TYPES
    )
    return {"features": data["features"], "types": data["roles"], "threshold": 0.5}
