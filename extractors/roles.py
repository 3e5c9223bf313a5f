"""Paper-level roles of entities: PROPOSES, USES, EVALUATES_ON, COMPARES_WITH, ADDRESSES, MEASURES, MENTIONS.

The component ``kg_roles`` reads ``doc.spans["kg_entities"]`` and sets
``doc.spans["kg_roles"]``: for each entity mention, one span per cue found in its
context, labelled with the cue (``PROPOSES``, ``COMPARES_WITH``, ``USES``,
``EVALUATES_ON``, ``BACKGROUND``). :func:`entity_roles` turns the cues of all the
mentions of one entity into its roles, by type:

* Task -> ADDRESSES; Metric -> MEASURES; Benchmark -> EVALUATES_ON (and PROPOSES
  when the paper introduces it);
* Method, Model, Dataset -> PROPOSES when the paper introduces it ("we propose X",
  the name before the title's colon), COMPARES_WITH when it follows "outperforms",
  "compared with", "than"..., MENTIONS when it only appears in background sentences
  before the paper says what it does, USES otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.abbreviations import abbreviation_map
from extractors.entities import SPAN_KEY as ENTITY_KEY
from extractors.entities import (
    NAMING_VERBS,
    gazetteer_type,
    is_name_like,
    merge_key,
    title_end_index,
    title_name_end,
    token_view,
    viewing,
)
from extractors.gazetteers import wordset as _wordset
from schema import RelType

SPAN_KEY = "kg_roles"

PROPOSES, USES, COMPARES, EVALUATES, BACKGROUND = (
    "PROPOSES",
    "USES",
    "COMPARES_WITH",
    "EVALUATES_ON",
    "BACKGROUND",
)
EXAMPLE = "EXAMPLE"
_EXAMPLE_WORDS = frozenset(["like", "including", "from"])

_PROPOSE_VERB = re.compile(
    r"^(propos|introduc|present|develop|design|build|construct|releas|contribut|curat|creat|devis|formulat|"
    r"offer|establish|pioneer|unveil)",
    re.IGNORECASE,
)
_PROPOSED_HEADS = _wordset(
    """
    framework method approach model benchmark dataset algorithm system agent pipeline architecture
    module mechanism technique strategy paradigm metric suite environment corpus
    """
)
_CLAUSE_BREAK = _wordset(
    """
    that which using use uses with by based on to via from leveraging built where while than replaces
    over compared against unlike including such
    """
)
_CUE_NOUNS = frozenset(["dataset", "benchmark", "corpus", "suite"])
_COMPARE_WORDS = re.compile(
    r"^(outperform\w*|surpass\w*|beat\w*|exceed\w*|than|over|against|versus|vs\.?|compar\w*|superior|inferior|"
    r"relative|rival\w*|baselines?|competitors?|competitive|matches|matching|unlike|favorably)$",
    re.IGNORECASE,
)
_USE_WORDS = re.compile(
    r"^(using|use|uses|used|based|built|leverag\w*|employ\w*|adopt\w*|fine-?tun\w*|appl\w*)$", re.IGNORECASE
)
_WE = re.compile(r"\b(we|our|this paper|this work|this study|this survey|in this|here,)\b", re.IGNORECASE)
_SUBJECT_WE = re.compile(r"\b(we|this (paper|work|study)|our)\b", re.IGNORECASE)
#: Words by which a sentence speaks of the paper's own work: :data:`_SUBJECT_WE`'s, and "us", "this article", "the
#: proposed", "here" (a sentence that shows a use need not have "we" for its subject); written in lower case or
#: capitalised, not in capitals ("US").
_OWN_WORK = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Tt]his (?:paper|work|article|study)|[Tt]he proposed|[Hh]ere)\b")


def speaks_of_own_work(sentence: str) -> bool:
    """Whether ``sentence`` speaks of the paper's own work ("We fine-tune BERT", "our method uses ...").

    Example:
        >>> speaks_of_own_work("We fine-tune BERT on it."), speaks_of_own_work("BERT is widely used.")
        (True, False)
    """
    return bool(_OWN_WORK.search(sentence))


def _first_own_sentence(doc: Doc, title_end: int) -> int:
    """Start token of the first abstract sentence where the authors speak ("We ...")."""
    view = token_view(doc)
    for sent in doc.sents:
        if sent.start < title_end:
            continue
        if _WE.search(view.span_text(sent.start, sent.end)):
            return sent.start
    return len(doc)


_TITLE_SUBJECT_END = frozenset(
    ["for", "with", "via", "through", ":", "in", "on", "towards", "toward", "using", "from", "by"]
)


def _names_title_subject(doc: Doc, title_end: int, name: str, long_form: str) -> bool:
    """Whether the title starts with this entity's name or long form ("Prior Prompt Engineering for X")."""
    if title_end <= 0:
        return False
    view = token_view(doc)
    end = next((k for k in range(min(title_end, view.n)) if view.lower[k] in _TITLE_SUBJECT_END), title_end)
    subject = view.span_text(0, end).strip()
    keys = {merge_key(name)} | ({merge_key(long_form)} if long_form else set())
    return bool(subject) and merge_key(subject) in keys


#: Nouns of the kind of a new work before its name ("a ... coding scheme called APM").
_KINDS_OF_WORK = _PROPOSED_HEADS | frozenset({"scheme", "network", "procedure", "protocol", "solver", "estimator"})


def _describes_the_name_after(after: list[str]) -> bool:
    """Whether the words ``after`` a mention (lower case, up to its sentence's end) are a noun of a new work's kind and
    the name it is given: "a graph matching *algorithm called* iterative spectral relaxation", "a novel clustering
    *method, named* SGCC", "a local search *algorithm termed as* X". The mention says what kind of work the paper
    proposes, not which.

    Example:
        >>> _describes_the_name_after(["algorithm", "called", "x"]), _describes_the_name_after(["method", ",", "named"])
        (True, True)
        >>> _describes_the_name_after(["-", "based", "method"]), _describes_the_name_after(["algorithm", "for"])
        (False, False)
    """
    if not after or after[0] not in _KINDS_OF_WORK:
        return False  # also "a CNN-based method called X", which names what the work uses
    k = 2 if len(after) > 1 and after[1] == "," else 1
    return k < len(after) and after[k] in NAMING_VERBS


def describes_a_named_work(span: Span) -> bool:
    """Whether the mention ``span`` is written in lower case and right before the noun of a new work's kind and the
    name the work is given ("we propose a graph matching algorithm called ISR", "an optimal transport-based feedback
    coding scheme called APM"): the kind of the work, not the work (:func:`_describes_the_name_after`)."""
    if not span.text.islower():
        return False
    doc = span.doc
    return _describes_the_name_after([doc[k].lower_ for k in range(span.end, min(span.end + 3, span.sent.end))])


def mention_cues(
    doc: Doc,
    span: Span,
    *,
    title_end: int,
    own_start: int,
    abbreviations: dict[str, str] | None = None,
    named: frozenset[int] = frozenset(),
) -> set[str]:
    """The role cues of one entity mention. ``named`` holds the tokens of every mention of ``doc``:
    a comparison word inside a name ("Confusions over Time (CoT)") is no cue for the names after it.

    Example:
        >>> sorted(mention_cues(doc, span, title_end=5, own_start=20))  # doctest: +SKIP
        ['COMPARES_WITH']
    """
    cues: set[str] = set()
    view = token_view(doc)
    text, lower, n = view.text, view.lower, view.n
    sent = span.sent
    sent_text = view.span_text(sent.start, sent.end)
    span_text = view.span_text(span.start, span.end)
    name = span.kb_id_ or span_text
    long_form = (abbreviations or {}).get(name, "")
    if long_form:  # the paper's own sense of a short form: "Confusions over Time (CoT)" is no chain of thought
        known = gazetteer_type(long_form) is not None
    else:
        known = gazetteer_type(span_text) is not None or gazetteer_type(name) is not None
    novel = not known and (
        is_name_like(name)
        or name.isupper()
        or span.label_ in {"Benchmark", "Dataset"}
        or any(text[k][:1].isupper() for k in range(span.start, span.end))
    )
    if _names_title_subject(doc, title_end, name, long_form) and not known:
        cues.add(PROPOSES)  # "Prior Prompt Engineering for ..." and the abstract defines it
    # title
    if span.start < title_end:
        if span.start == 0 and span.end == title_name_end(doc, title_end) and not known:
            cues.add(PROPOSES)
        return cues or {USES}
    # proposal sentence: mention after the verb, the entity is new
    verb = next(
        (
            k
            for k in range(span.start - 1, sent.start - 1, -1)
            if _PROPOSE_VERB.match(text[k]) and view.pos[k] in {"VERB", "NOUN", "AUX"}
        ),
        None,
    )
    subject_we = bool(_SUBJECT_WE.search(sent_text))
    if verb is not None and subject_we and not known:
        clause_break = any(lower[k] in _CLAUSE_BREAK and text[k - 1] != "-" for k in range(verb + 1, span.start))
        if span.label_ != "Task" and describes_a_named_work(span):
            pass  # "we propose a graph matching algorithm called ISR": the kind of the new work, not the work
        elif not clause_break and ((novel and span.start - verb <= 15) or span.start - verb - 1 <= 4):
            cues.add(PROPOSES)
        elif (
            long_form
            and span.end < n
            and text[span.end] == ")"
            and span.start > 0
            and text[span.start - 1] == "("
        ):
            cues.add(PROPOSES)  # a new component named where the paper introduces its method
    if (
        not known
        and novel
        and span.start > 1
        and span.end < n
        and text[span.start - 1] == "("
        and text[span.end] == ")"
        and lower[span.start - 2] in _PROPOSED_HEADS
    ):
        cues.add(PROPOSES)  # "a harmonized agent framework (UniAct)"
    near = lower[max(sent.start, span.start - 7) : span.start]
    if (
        not known
        and novel
        and any(w in {"new", "novel", "our"} for w in near)
        and any(w in _CUE_NOUNS for w in near)
    ):
        cues.add(PROPOSES)  # "compiled into a new preference dataset, X"
    if span.start > 0 and lower[span.start - 1] in NAMING_VERBS and not known:
        cues.add(PROPOSES)
    if (
        span.start > 1
        and lower[span.start - 2] in NAMING_VERBS
        and (view.is_punct[span.start - 1] or lower[span.start - 1] == "as")
        and not known
    ):
        cues.add(PROPOSES)  # 'named "X"', "named as X"
    # comparison, also for the later items of a list ("outperforms X, Y and Z")
    dep, head = view.dep, view.head
    first = span.root.i
    while dep[first] == "conj" and head[first] < first:
        first = head[first]
    window_start = min(span.start, first)
    window = [text[k] for k in range(max(sent.start, window_start - 8), window_start) if k not in named]
    if any(_COMPARE_WORDS.match(w) for w in window) or (
        span.end < sent.end and lower[span.end] in {"baseline", "baselines"}
    ):
        cues.add(COMPARES)
    if any(_USE_WORDS.match(w) for w in text[max(sent.start, span.start - 5) : span.start]):
        cues.add(USES)
    lead_start = max(sent.start, window_start - 4)
    lead_text = view.span_text(lead_start, window_start)
    if (
        any(w in _EXAMPLE_WORDS for w in lower[lead_start:window_start])
        or "such as" in lead_text.lower()
        or "e.g." in lead_text
    ):
        cues.add(EXAMPLE)
    if span.start < own_start and not (sent.start == title_end + 1 or sent.start == title_end):
        cues.add(BACKGROUND)  # the first sentence names the paper's own field: not background
    return cues


def entity_roles(entity_type: str, cues: Iterable[set[str]]) -> list[RelType]:
    """The roles of an entity from the cues of its mentions.

    Example:
        >>> [r.value for r in entity_roles("Method", [{"COMPARES_WITH"}, {"BACKGROUND"}])]
        ['COMPARES_WITH']
        >>> [r.value for r in entity_roles("Task", [set()])]
        ['ADDRESSES']
    """
    cues = list(cues)
    flat = set().union(*cues) if cues else set()
    if entity_type == "Task":
        if cues and all(EXAMPLE in c for c in cues):
            return [RelType.MENTIONS]  # "application areas like text generation and computer vision"
        return [RelType.ADDRESSES]
    if entity_type == "Metric":
        return [RelType.MEASURES]
    if entity_type == "Benchmark":
        return [RelType.PROPOSES, RelType.EVALUATES_ON] if PROPOSES in flat else [RelType.EVALUATES_ON]
    if PROPOSES in flat:
        return [RelType.PROPOSES]
    roles: list[RelType] = []
    if COMPARES in flat:
        roles.append(RelType.COMPARES_WITH)
        if any(COMPARES not in c and BACKGROUND not in c for c in cues):
            roles.insert(0, RelType.USES)
        return roles
    if cues and all(BACKGROUND in c for c in cues):
        return [RelType.MENTIONS]
    return [RelType.USES]


class RoleTagger:
    """Sets ``doc.spans["kg_roles"]`` (cue spans over entity mentions); needs ``kg_entities``."""

    def __init__(self, nlp: Language, name: str = "kg_roles"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        title_end = title_end_index(doc)
        abbreviations = abbreviation_map(doc)
        spans = []
        mentions = doc.spans.get(ENTITY_KEY, [])
        named = frozenset(i for s in mentions for i in range(s.start, s.end))
        with viewing(doc):  # one token view for every mention
            own_start = _first_own_sentence(doc, title_end)
            for span in mentions:
                cues = mention_cues(
                    doc, span, title_end=title_end, own_start=own_start, abbreviations=abbreviations, named=named
                )
                for cue in sorted(cues):
                    spans.append(Span(doc, span.start, span.end, label=cue, kb_id=span.kb_id_))
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory("kg_roles")
def make_role_tagger(nlp: Language, name: str) -> RoleTagger:
    return RoleTagger(nlp, name)
