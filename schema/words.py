"""English words: telling a word from a typo or a word a PDF broke at a line end.

The list is the lower-case words of four or more letters in the English spaCy pipeline's vocabulary
(``scripts/english_words.py`` writes ``schema/data/english_words.txt.gz``); the readers
(:mod:`kg.sources.records`) and resolution (:mod:`kg.resolve.entities`) read it.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent / "data" / "english_words.txt.gz"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words of four or more letters (empty when the list is missing).

    Example:
        >>> "classification" in english_words(), "classfication" in english_words()
        (True, False)
    """
    try:
        with gzip.open(WORDS_FILE, "rt", encoding="ascii") as fh:
            return frozenset(fh.read().split())
    except OSError:
        return frozenset()
