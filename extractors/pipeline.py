"""Assembles the extractor pipeline and turns Docs into :class:`PaperExtraction`.

Public interface used by ``kg build``/``kg extract``:

* :func:`load_nlp` -> a ``spacy.Language`` with the kg components;
* :func:`extract_papers` -> one :class:`PaperExtraction` per paper, streamed.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from extractors.model import load_english
from schema import Paper, PaperExtraction, paper_text

logger = logging.getLogger(__name__)


def load_nlp():
    """The English pipeline with what the extractors do not read disabled."""
    return load_english(exclude=["ner", "lemmatizer"])


def doc_to_extraction(doc, paper: Paper) -> PaperExtraction:
    """Read the kg spans of ``doc`` into a :class:`PaperExtraction`."""
    return PaperExtraction(paper=paper)


def extract_papers(
    papers: Iterable[Paper], *, nlp=None, n_process: int = 1, batch_size: int = 64
) -> Iterator[PaperExtraction]:
    """Run the pipeline over ``papers``; yields in input order, holds no list of Docs."""
    nlp = nlp or load_nlp()
    pairs = ((paper_text(p), p) for p in papers)
    for doc, paper in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield doc_to_extraction(doc, paper)
