"""How alike the words of two papers are: the resolver's check that a paper's bare acronym means what other papers
of the input define it as.

A paper that writes "NPR" without defining it joins the meaning other papers define ("Neural Procedural
Reconstruction") only when its title and abstract share words with one of theirs (:data:`BARE_SENSE_SIMILARITY`):
a data-collection paper that gathers transcripts "from NPR and CNN" shares none. The words are weighted by TF-IDF,
the document frequencies counted over the whole input at the first question (a statistic of the user's own papers).

Example:
    >>> words = PaperWords({"a": "Tensor decomposition with canonical polyadic factors for sparse tensors",
    ...                     "b": "Fast sparse tensor decomposition with CP factors",
    ...                     "c": "Mining frequent itemsets with constraint solvers and CP models",
    ...                     "d": "A survey of graph neural networks", "e": "Speech recognition with transducers"})
    >>> words.similarity("b", ["a"], drop={"cp"}) > words.similarity("c", ["a"], drop={"cp"})
    True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

#: A bare acronym joins another paper's meaning when its paper's words are at least this alike (cosine of TF-IDF
#: vectors, the best over the defining papers). Read off 60 bare uses of the whole corpus judged by hand (all 12
#: wrong joins under 0.026, 2 of 48 right ones under 0.03) and checked on 80 more (docs/resolution_bare_uses.md).
BARE_SENSE_SIMILARITY = 0.03
#: A bare use unlike every defining paper still joins when its words are this alike to another bare use's that
#: is like them (one step, no chain): read off the whole corpus, where the Lasso's 24 bare uses in statistics
#: papers, which two papers define, were 11 kept apart without it.
BARE_USER_SIMILARITY = 0.05
#: At most this many defining papers are compared (the first by id): a meaning defined by more is established.
MAX_COMPARED = 50

_WORD = re.compile(r"[a-z][a-z0-9-]+")
#: Words every abstract uses, whatever its subject.
_STOP = frozenset(
    """
    the and for with from this that these their which our are its using use based show results method methods
    approach propose proposed paper model models new can has have been data learning
    """.split()
)


def words_of(text: str) -> list[str]:
    """The content words of ``text``, lower-cased.

    Example:
        >>> words_of("We propose DiffNet, a model for 3D point clouds.")
        ['diffnet', 'point', 'clouds']
    """
    return [w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP]


class PaperWords:
    """TF-IDF vectors of the papers of one input (``texts``: paper id -> title and abstract)."""

    def __init__(self, texts: Mapping[str, str]):
        self.texts = texts
        self._df: Counter | None = None
        self._words: dict[str, Counter] = {}
        #: (paper, words left out) -> its vector: one bare use's defining papers are compared with each of its users
        self._vectors: dict[tuple[str, frozenset[str]], dict[str, float]] = {}

    def _counts(self, paper_id: str) -> Counter:
        if paper_id not in self._words:
            self._words[paper_id] = Counter(words_of(self.texts.get(paper_id, "")))
        return self._words[paper_id]

    def _vector(self, paper_id: str, drop: frozenset[str]) -> dict[str, float]:
        known = self._vectors.get((paper_id, drop))
        if known is None:
            known = self._vectors[(paper_id, drop)] = self._weigh(paper_id, drop)
        return known

    def _weigh(self, paper_id: str, drop: frozenset[str]) -> dict[str, float]:
        if self._df is None:
            self._df = Counter(w for text in self.texts.values() for w in set(words_of(text)))
        n = len(self.texts)
        vec = {}
        for word, count in self._counts(paper_id).items():
            idf = math.log(n / (1 + self._df[word]))
            if word not in drop and idf > 0:
                vec[word] = (1 + math.log(count)) * idf
        norm = math.sqrt(sum(x * x for x in vec.values()))
        return {w: x / norm for w, x in vec.items()} if norm else {}

    def similarity(self, paper_id: str, others: Iterable[str], drop: Iterable[str] = ()) -> float | None:
        """The highest cosine between ``paper_id``'s words and one of ``others``' (the words in ``drop``, the
        acronym's and its meaning's own, left out); None when either side has no weighted word to compare."""
        drop = frozenset(drop)
        mine = self._vector(paper_id, drop)
        if not mine:
            return None
        best = None
        for other in sorted(others)[:MAX_COMPARED]:
            theirs = self._vector(other, drop)
            if theirs:
                cos = sum(x * theirs.get(w, 0.0) for w, x in mine.items())
                best = cos if best is None else max(best, cos)
        return best
