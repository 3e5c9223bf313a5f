"""Typed mentions from the trained recogniser, one type per entity per paper.

The trained ``ner`` (shipped in ``extractors/weights/ner``, rebuilt by
``scripts/train.py``) runs in the pipeline as ``kg_ner`` and sets ``doc.ents``.
The component ``kg_learned_entities`` runs after ``kg_entities`` (the rules) and
rewrites ``doc.spans["kg_entities"]``:

* every ``doc.ents`` span is a mention; the long form of an abbreviation definition
  (``doc.spans["kg_abbreviations"]``) takes the short form as its canonical name, so
  both spellings are one entity;
* per-paper type decision: all the mentions of one entity get the type most of them
  were given (ties go to the earliest mention);
* rule mentions are kept only where they measurably add precision on the validation
  slice of the train split (``rules``, chosen by ``scripts/train.py``'s measurements):
  a type name (``"Benchmark"``) keeps the rule mentions of that type, which replace the
  learned mentions they overlap; ``"abbreviation"`` adds the rule mentions that are
  abbreviation short or long forms and ``"all"`` every rule mention, where they overlap
  no learned mention;
* ``"rules-first"`` turns this round: every rule mention is kept and the learned mentions
  only fill the gaps (those that overlap no rule mention), restricted to the types named
  as ``"fill:<Type>"`` when any is given (``("rules-first", "fill:Method")``).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.abbreviations import SPAN_KEY as ABBREVIATION_KEY
from extractors.entities import SPAN_KEY as ENTITY_KEY
from extractors.entities import (
    ANAPHORIC,
    CONJUNCTIONS,
    EVALUATIVE,
    GENERIC_CLASSES,
    GENERIC_MODIFIERS,
    METHOD,
    METRIC,
    TASK,
    TITLE_VERBS,
    degree_pair_start,
    fixed_lead,
    head_type,
    is_a_verb_here,
    is_degree_modifier,
    is_language_pair,
    opens_the_title_as_its_verb,
    measure_start,
    merge_key,
    no_measure,
    spells_an_acronym,
)
from extractors.gazetteers import FIELDS, LANGUAGES, MODEL_CLASSES, NEVER_ALONE, NO_NAMES, NO_THINGS
from extractors.spans import SENTENCE_ADVERBS, numbered_part_end, pieces_of_a_clause, trimmed
from schema.types import DATA_TYPES, ENTITY_TYPES

#: The kg entity types; other labels a sourced English ``ner`` may still emit are ignored.
#: Prefix of a type whose learned mentions fill the gaps of the rules in ``"rules-first"`` mode.
FILL = "fill:"
#: ``span.id_`` of a mention: which component found it (kept as the evidence's extractor).
LEARNED, RULES = "kg_ner", "kg_entities"
#: ``doc.spans`` key of every kg-typed mention the trained recogniser found (kept or not),
#: which the entity decision reads (:func:`extractors.entity_model.candidate_features`).
NER_KEY = "kg_ner"


class LearnedEntities:
    """Sets ``doc.spans["kg_entities"]`` from ``doc.ents``; needs ``kg_ner`` and ``kg_abbreviations``."""

    def __init__(self, nlp: Language, name: str = "kg_learned_entities", rules: tuple[str, ...] = ()):
        self.name = name
        self.rules = tuple(rules)

    def __call__(self, doc: Doc) -> Doc:
        long_forms = {(s.start, s.end): s.label_ for s in doc.spans.get(ABBREVIATION_KEY, [])}
        shorts = {merge_key(short): short for short in long_forms.values()}
        spans = [_canonical(doc, e, long_forms, shorts) for e in doc.ents if e.label_ in ENTITY_TYPES]
        spans = [s for s in spans if s is not None]
        doc.spans[NER_KEY] = spans
        if "rules-first" in self.rules:
            doc.spans[ENTITY_KEY] = paper_types(self._fill_gaps(doc, spans))
            return doc
        spans = self._typed_by_rules(doc, spans)
        spans += self._rule_spans(doc, spans, long_forms, shorts)
        doc.spans[ENTITY_KEY] = paper_types(sorted(spans, key=lambda s: s.start))
        return doc

    def _fill_gaps(self, doc: Doc, learned: list[Span]) -> list[Span]:
        """Every rule mention, plus the learned mentions (of the ``fill:`` types) that overlap none."""
        types = {r[len(FILL):] for r in self.rules if r.startswith(FILL)} or ENTITY_TYPES
        kept = [
            Span(doc, s.start, s.end, label=s.label_, kb_id=s.kb_id_, span_id=RULES)
            for s in doc.spans.get(ENTITY_KEY, [])
        ]
        taken = {i for s in kept for i in range(s.start, s.end)}
        for span in learned:
            if span.label_ in types and not any(i in taken for i in range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
        return sorted(kept, key=lambda s: s.start)

    def _trusted(self, span: Span) -> bool:
        return span.label_ in self.rules

    def _typed_by_rules(self, doc: Doc, learned: list[Span]) -> list[Span]:
        """A rule mention of a trusted type (``rules`` holds type names) replaces the learned
        mentions it overlaps: its span and type win."""
        trusted = [s for s in doc.spans.get(ENTITY_KEY, []) if self._trusted(s)]
        if not trusted:
            return learned
        at = {i: s for s in trusted for i in range(s.start, s.end)}
        kept = [s for s in learned if not any(i in at for i in range(s.start, s.end))]
        kept += [Span(doc, s.start, s.end, label=s.label_, kb_id=s.kb_id_, span_id=RULES) for s in trusted]
        return kept

    def _rule_spans(self, doc: Doc, learned: list[Span], long_forms: dict, shorts: dict) -> list[Span]:
        if not {"abbreviation", "all"} & set(self.rules):
            return []
        taken = {i for s in learned for i in range(s.start, s.end)}
        kept = []
        for span in doc.spans.get(ENTITY_KEY, []):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            from_abbreviation = (span.start, span.end) in long_forms or merge_key(span.text) in shorts
            if "all" in self.rules or ("abbreviation" in self.rules and from_abbreviation):
                kept.append(Span(doc, span.start, span.end, label=span.label_, kb_id=span.kb_id_, span_id=RULES))
                taken.update(range(span.start, span.end))
        return kept


#: Words that open a title or a sentence and never start a name: "Rethinking InfoNCE", "Whilst deep ...".
_LEADING_WORDS = TITLE_VERBS | CONJUNCTIONS | ANAPHORIC
#: Words of :data:`extractors.entities.GENERIC_MODIFIERS` that open the name of a kind of problem ("robust mean
#: estimation", "automatic speech recognition", "dynamic link prediction", "deep clustering", "global optimization",
#: "weak supervision", "wide area surveillance", "diverse planning").
_TASK_LEADS = frozenset(
    "robust automatic automated dynamic deep global adaptive novel large multiple proper partial holistic whole "
    "intelligent efficient joint minimal fundamental systematic essential relative best competitive strong high "
    "learned real-world open-source weak wide diverse stable".split()
)


def _generic_task_lead(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a Task mention with a generic modifier that names no kind of problem ("Unified" of
    "Unified Collision Avoidance", "Lightweight" of "Lightweight Pansharpening"), not the first part of a hyphenated
    compound ("few-shot concept learning", "extensive-form games")."""
    word = doc[i].lower_
    if word not in GENERIC_MODIFIERS or word in _TASK_LEADS:
        return False
    return not (i + 1 < len(doc) and doc[i + 1].text in {"-", "‐", "–"} and not doc[i].whitespace_)


def _canonical(doc: Doc, ent: Span, long_forms: dict, shorts: dict) -> Span | None:
    """The mention with its canonical name: the short form for an abbreviation's long form; its
    edges trimmed of whitespace, percent and LaTeX tokens (:func:`extractors.spans.trimmed`), of words of
    praise (:data:`extractors.entities.EVALUATIVE`), of verbs that open a title ("Rethinking") and of
    conjunctions ("Whilst"), None when nothing is left, only a language's name, a class of model ("VLMs"),
    or an organisation or a venue the paper does not define (:data:`extractors.gazetteers.NEVER_ALONE`:
    "IBM", "MIT" of "MIT-States")."""
    start, end = trimmed(doc, ent.start, ent.end)
    if ent.label_ in DATA_TYPES and start < end:
        end = numbered_part_end(doc, start, end)  # "SemEval-2010 Task 8", not "SemEval-2010 Task"
    while end - start > 1 and (
        doc[start].text in EVALUATIVE
        or doc[start].lower_ in _LEADING_WORDS
        or (ent.label_ == METHOD and opens_the_title_as_its_verb(doc, start, end))  # "Stabilizing Adversarial Nets"
        or (ent.label_ == TASK and _generic_task_lead(doc, start))  # "Lightweight Pansharpening"
    ) and not fixed_lead(doc, start):
        start += 1  # "celebrated" of "the celebrated Sinkhorn algorithm", "Rethinking" of "Rethinking InfoNCE"
    if start == end or pieces_of_a_clause(doc, start, end, long_forms):
        return None  # "how accuracy" of "for how accuracy and ... are", "margin - enjoying F1 score": a clause's pieces
    start = degree_pair_start(doc, start, end)  # "high dimensional data clustering", not "dimensional ..."
    if fixed_lead(doc, start - 1):
        start -= 1  # "Best Arm Identification", "novel class discovery": the first word is the name's
    if end - start == 1 and doc[start].lower_ in SENTENCE_ADVERBS:
        return None  # "Perhaps" of 'Perhaps surprisingly, ...'
    if end - start == 1 and is_a_verb_here(doc[start]):
        return None  # "recall" of "agents could recall their surroundings"
    if doc[end - 1].tag_ == "POS" and end < len(doc) and doc[end].tag_ in ("NN", "NNS"):
        end += 1  # "Newton's" of "Newton's method": the possessive names the noun after it
    elif end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end - 1].tag_ == "NNP" and _named_head(doc[end + 1]):
        end += 2  # "Earth Mover" of "the Earth Mover’s Distance"
    if doc[end - 1].tag_ == "POS":
        return None  # "Google's" of "Google's BERT": the owner, not the thing named
    if ent.label_ == METRIC:
        start = measure_start(doc, start, end)  # "published F1 score"
    text = doc[start:end].text
    low = text.lower()
    if _no_name(text) or low in NEVER_ALONE and merge_key(text) not in shorts:
        return None  # a paper's own "STEM (Spatio-Temporal Event Mapping)" stays
    if ent.label_ == METRIC and no_measure(doc, start, end):
        return None  # "in-depth error" of "an in-depth error analysis", "4-bit precision"
    name = long_forms.get((start, end)) or shorts.get(merge_key(text)) or text
    if name.lower() in MODEL_CLASSES or any(
        b == end and a > start and short.lower() in MODEL_CLASSES for (a, b), short in long_forms.items()
    ):
        # "VLMs"; "Vision-Language Model" of "a Vision-Language Model (VLM)": generic however spelled, and with a word
        # before it ("hierarchical Vision-Language-Action" of "a hierarchical Vision-Language-Action (VLA) policy")
        return None
    if _names_no_thing(doc, text, long_forms, shorts):
        return None  # "SotA" of "outperforms SotA CNN-based methods", "GT" of "a ground truth (GT)"
    return Span(doc, start, end, label=ent.label_, kb_id=name, span_id=LEARNED)


def _names_no_thing(doc: Doc, text: str, long_forms: dict, shorts: dict) -> bool:
    """Whether a recognised mention stands for no method, model or data however a recogniser types it (the state of
    the art a paper compares with, the ground truth it is scored against: :data:`extractors.gazetteers.NO_THINGS`; a
    modifier of degree, "high-resolution": :func:`extractors.entities.is_degree_modifier`), or is a short form the
    paper defines as one ("a ground truth (GT)", "high-quality (HQ) images"); a short form defined otherwise ("Graph
    Transformer (GT)") is a name."""
    key = merge_key(text)
    if key not in shorts:
        return text.lower() in NO_THINGS or is_degree_modifier(text)
    return any(doc[a:b].text.lower() in NO_THINGS or is_degree_modifier(doc[a:b].text)
               for (a, b), short in long_forms.items() if merge_key(short) == key)


def _no_name(text: str) -> bool:
    """Whether a recognised mention's text can name nothing: a language ("English" of "six English
    benchmarks"), a translation direction ("English-German"), a unit or a word in capitals
    (:data:`extractors.gazetteers.NO_NAMES`: "dB", "NOT" of "does NOT depend"), a broad field
    ("Machine Learning" of "... for Machine Learning"), a broad kind of model ("A Bayesian Model for ...":
    :data:`extractors.entities.GENERIC_CLASSES`), a size alone ("7B" of "7B and 8B parameter models"), a quantity in
    big-O notation ("$O(kp)$ memory")."""
    low = text.lower()
    if low in LANGUAGES or text in NO_NAMES or low in FIELDS or low in GENERIC_CLASSES or spells_an_acronym(text):
        return True  # ... or a word spelling an acronym's letters ("grAdient")
    if _SIZE_ALONE.fullmatch(text):
        return True  # a count of parameters or of examples names no model or data by itself
    if _BIG_O.search(text):
        return True  # "$O(kp)$ memory", "O(n log n) time": a complexity, a quantity
    return is_language_pair(text)


#: A count alone: "7B", "1.5B", "350M", "100K".
_SIZE_ALONE = re.compile(r"\d+(?:\.\d+)?\s?[KkMBT]")
#: Big-O notation, plain or in LaTeX: "O(kp)", "$\mathcal{O}(n)$", "\tilde{O}(\sqrt{T})", "Θ(n)".
_BIG_O = re.compile(r"(?:\\(?:mathcal\{O\}|tilde\{O\}|widetilde\{O\}|Theta|Omega)|(?<![A-Za-z\\])O|Θ|Ω)\s*\(")


def _named_head(tok) -> bool:
    """A noun that a person's or thing's name owns in a fixed name: "method", "Distance", "Theorem"."""
    return tok.tag_ in ("NN", "NNS", "NNP") and (tok.lower_ in _OWNED_HEADS or head_type([tok.text]) is not None)


_OWNED_HEADS = frozenset(
    {"distance", "divergence", "theorem", "identity", "inequality", "lemma", "law", "rule", "test", "criterion",
     "coefficient", "index", "kernel", "equation", "bound", "estimator", "correlation"}
)


def typed_as_data_by_rules(span: Span) -> bool:
    """Whether a mention is the rules' and typed as data: a gazetteer name or one a cue of its sentence
    calls a dataset or benchmark ("the X dataset", "We introduce X, a benchmark for ...")."""
    return span.id_ != LEARNED and span.label_ in DATA_TYPES


def paper_types(spans: list[Span]) -> list[Span]:
    """One type per entity of the paper: the majority over its mentions, earliest on ties; but a rule
    mention typed as data (a known benchmark or dataset, or one its sentence calls so: "We introduce
    X, a benchmark for ...") gives its type to every mention of the entity, however many the
    recogniser typed otherwise.

    Example:
        >>> [s.label_ for s in paper_types(spans)]  # doctest: +SKIP
        ['Benchmark', 'Benchmark', 'Benchmark']
    """
    votes: dict[str, Counter] = {}
    first: dict[tuple[str, str], int] = {}
    data: dict[str, str] = {}
    for span in spans:
        key = merge_key(span.kb_id_ or span.text)
        votes.setdefault(key, Counter())[span.label_] += 1
        first.setdefault((key, span.label_), span.start)
        if typed_as_data_by_rules(span):
            data.setdefault(key, span.label_)
    out = []
    for span in spans:
        key = merge_key(span.kb_id_ or span.text)
        label = data.get(key) or max(votes[key], key=lambda t: (votes[key][t], -first[(key, t)]))
        if label != span.label_:
            span = Span(span.doc, span.start, span.end, label=label, kb_id=span.kb_id, span_id=span.id)
        out.append(span)
    return out


@Language.factory("kg_learned_entities", default_config={"rules": []})
def make_learned_entities(nlp: Language, name: str, rules: list[str]) -> LearnedEntities:
    return LearnedEntities(nlp, name, tuple(rules))
