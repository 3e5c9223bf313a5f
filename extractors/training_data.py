"""Turning paper-level annotations into token spans a spaCy ``ner`` can learn from.

The team annotations (``extractors/training``) list each paper's entities with the
surface forms the title or abstract uses (name and aliases). :func:`locate_spans`
puts them back on the tokens: every case-insensitive occurrence at token boundaries,
longest surface form first, never two overlapping spans. :func:`annotated_doc` does
this for one record, tokenized with the project's tokenizer
(:mod:`extractors.tokenizer`) so that the spans align with what the pipeline reads.

External sets with their own spans (SciREX abstracts, TDMSci sentences) are read by
:func:`scirex_docs` and :func:`tdmsci_docs`, with their types mapped to ours.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

#: External types -> kg types (types absent from a map are left unlabelled).
SCIREX_TYPES = {"Method": "Method", "Task": "Task", "Metric": "Metric"}
TDMSCI_TYPES = {"TASK": "Task", "DATASET": "Dataset", "METRIC": "Metric"}


def surface_forms(entities: list[dict]) -> list[tuple[str, str]]:
    """(surface form, type) of every name and alias, longest first.

    Example:
        >>> surface_forms([{"name": "RL", "type": "Method", "aliases": ["reinforcement learning"]}])
        [('reinforcement learning', 'Method'), ('RL', 'Method')]
    """
    forms: dict[str, tuple[str, str]] = {}
    for entity in entities:
        for form in [entity["name"], *(entity.get("aliases") or [])]:
            form = " ".join(form.split())
            if form and form.lower() not in forms:
                forms[form.lower()] = (form, entity["type"])
    return sorted(forms.values(), key=lambda ft: (-len(ft[0]), ft[0]))


def locate_spans(doc: Doc, entities: list[dict]) -> list[Span]:
    """Labelled spans of every occurrence of the entities' surface forms in ``doc``.

    Matching is case-insensitive on the text with whitespace runs collapsed; an
    occurrence counts only when it starts and ends on token boundaries. Longer forms
    win; a span never overlaps another.

    Example:
        >>> [(s.text, s.label_) for s in locate_spans(nlp("We use RL and PPO."), ents)]  # doctest: +SKIP
        [('RL', 'Method'), ('PPO', 'Method')]
    """
    starts = {t.idx: t.i for t in doc}
    ends = {t.idx + len(t.text): t.i + 1 for t in doc}
    lowered = doc.text.lower()
    taken = [False] * len(doc)
    spans: list[Span] = []
    for form, label in surface_forms(entities):
        for begin, end in _occurrences(lowered, form.lower()):
            if begin not in starts or end not in ends:
                continue
            first, last = starts[begin], ends[end]
            if first >= last or any(taken[first:last]):
                continue
            for i in range(first, last):
                taken[i] = True
            spans.append(Span(doc, first, last, label=label))
    return sorted(spans, key=lambda s: s.start)


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Character ranges of ``form`` in ``text``, any whitespace run matching a space."""
    pattern = re.compile(r"\s+".join(re.escape(part) for part in form.split()))
    for m in pattern.finditer(text):
        yield m.start(), m.end()


def annotated_doc(nlp, record: dict) -> Doc:
    """The record's title + abstract as a Doc with its annotated entities as ``doc.ents``."""
    text = f"{record['title']}\n\n{record['abstract']}" if record.get("title") else record["abstract"]
    doc = nlp.make_doc(text)
    doc.ents = locate_spans(doc, record.get("entities") or [])
    doc.user_data["id"] = record["id"]
    return doc


def validation_ids(ids: Iterable[str], fraction: float = 0.15) -> set[str]:
    """A fixed slice of the train split for decisions: the ids whose hash falls below
    ``fraction`` (no RNG). Each id's membership depends on that id alone, so extending the
    sample adds to the slice without moving an earlier abstract in or out of it.

    Example:
        >>> validation_ids(["a", "b", "c"], 0.0)
        set()
    """
    return {i for i in set(ids) if _hash32(i) < fraction * 2**32}


def fold_of(paper_id: str, folds: int, salt: str = "fold") -> int:
    """The cross-validation fold (0 .. folds-1) of a train abstract, by a hash of its id
    (another ``salt`` gives another partition: the recognisers' folds and the classifiers' differ).

    Example:
        >>> fold_of("a", 2) in (0, 1)
        True
    """
    return _hash32(f"{salt}:{paper_id}") % folds


def title_key(text: str) -> str:
    """A title (or abstract) reduced to its lower-case letters and digits, for matching copies.

    Example:
        >>> title_key("Chain-of-Thought: A Study!")
        'chainofthoughtastudy'
    """
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def seed_title_keys(shared: Path) -> set[str]:
    """:func:`title_key` of every line of the seed pages in ``shared/seeds`` long enough to be a
    title (12 characters or more): papers never drawn for annotation nor read in training."""
    keys = set()
    for path in sorted((shared / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            key = title_key(line)
            if len(key) >= 12:
                keys.add(key)
    return keys


def _hash32(text: str) -> int:
    """A fixed 32-bit hash of ``text`` (the first 8 hex digits of its SHA-1): the same on every run."""
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


def scirex_docs(nlp, path: Path) -> Iterator[Doc]:
    """SciREX abstracts (tokens and typed spans) as Docs; Material and unmapped types are dropped."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            words = record["words"]
            doc = Doc(nlp.vocab, words=words)
            spans = [
                Span(doc, start, end, label=SCIREX_TYPES[label])
                for start, end, label in record.get("ner") or []
                if label in SCIREX_TYPES and 0 <= start < end <= len(words)
            ]
            doc.ents = filter_spans(spans)
            yield doc


def tdmsci_docs(nlp, path: Path) -> Iterator[Doc]:
    """TDMSci sentences (BIO CoNLL: token, offset, tag) as Docs with mapped types."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in [*fh, ""]:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                words.append(parts[0])
                tags.append(parts[-1])
                continue
            if words:
                yield _bio_doc(nlp, words, tags)
                words, tags = [], []


def _bio_doc(nlp, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    spans = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix != "I" or kind != label):
            if label in TDMSCI_TYPES:
                spans.append(Span(doc, start, i, label=TDMSCI_TYPES[label]))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, kind
    doc.ents = filter_spans(spans)
    return doc
