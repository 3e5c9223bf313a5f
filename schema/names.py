"""The one name key, identifier normalisers and slugs: every stage calls these.

* :func:`name_key` is the matching key of GUIDELINES.md (case, spaces, hyphens,
  underscores and dots ignored): extraction, resolution, evaluation and lookups use it.
* ``normalize_*`` give one spelling per external id (arXiv without version, DOI in lower
  case without resolver, OpenAlex and Semantic Scholar ids); :func:`normalize_id` picks
  the one for a kind.
* :func:`title_slug` / :func:`slugify` make ids from titles and names; :func:`paper_id`
  is a paper's stable id.
"""
from __future__ import annotations

import re
import unicodedata

from schema.errors import SchemaError

#: Straight and typographic double quotes: no part of a name (:func:`name_key`, :func:`without_double_quotes`).
_DOUBLE_QUOTE_CHARS = '"\u201c\u201d'
_NAME_KEY = re.compile(r"[\s\-_." + _DOUBLE_QUOTE_CHARS + "]+")


def name_key(name: str) -> str:
    """The matching key of a name: lower case, no spaces, hyphens, underscores, dots or double
    quotes, and a typographic apostrophe read as the plain one ("THUMOS’14" is "THUMOS'14").

    Example:
        >>> name_key("Chain-of-Thought"), name_key("Llama-3.1 8B"), name_key("GPT_4o"), name_key("Mover’s")
        ('chainofthought', 'llama318b', 'gpt4o', "mover's")
        >>> name_key('"black box" variational inference') == name_key("black box variational inference")
        True
    """
    return _NAME_KEY.sub("", plain_apostrophes(str(name).lower()))


def listed_name(long: str) -> bool:
    """Whether ``long`` is a name listed with commas whose every item opens with a capital, as a coined name's items
    do ("Look, Listen, and Parse", "Adaptive Skills, Adaptive Partitions"): the long form of an abbreviation,
    not a list of names. A list of lower-case words describes a setting or a domain ("high dimension, low sample
    size", "environmental, social, and governance").

    Example:
        >>> listed_name("Look, Listen, and Parse"), listed_name("fully observable, non-deterministic")
        (True, False)
        >>> listed_name("Monte Carlo Tree Search")
        False
    """
    if "," not in long:
        return False
    items = [re.sub(r"^(?:and|or)\s+", "", item.strip()) for item in long.split(",")]
    return all(item[:1].isupper() for item in items)


def without_double_quotes(text: str) -> str:
    """``text`` without straight or typographic double quotes, spaces collapsed: a name the text
    writes in scare quotes, or whose quotes a mention cut in half.

    Example:
        >>> without_double_quotes('black box" variational inference'), without_double_quotes("“CHORE")
        ('black box variational inference', 'CHORE')
    """
    return " ".join(text.translate(_DOUBLE_QUOTES).split())


_DOUBLE_QUOTES = str.maketrans({q: " " for q in _DOUBLE_QUOTE_CHARS})


def plain_apostrophes(text: str) -> str:
    """``text`` with typographic apostrophes and single quotes written as the plain one.

    Example:
        >>> plain_apostrophes("THUMOS’14 and ‘Mover’s’")
        "THUMOS'14 and 'Mover's'"
    """
    return text.translate(_APOSTROPHES)


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


_NEW_ARXIV = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_OLD_ARXIV = re.compile(r"(?<![\w.-])([a-z][a-z\-]*(?:\.[A-Za-z]{2})?/\d{7})(?:v\d+)?(?!\d)")
_DOI = re.compile(r"(10\.\d{4,9}/\S+)", re.IGNORECASE)
_OPENALEX = re.compile(r"\b([WwAaIiSsCc]\d{4,})\b")
_S2 = re.compile(r"\b([0-9a-fA-F]{40})\b")
_NON_WORD = re.compile(r"[\W_]+")

#: Id prefixes, strongest first; the first one a paper has becomes its id
#: (after ``title:``, which comes between ``doi`` and ``openalex``).
ID_KINDS: tuple[str, ...] = ("arxiv", "doi", "openalex", "s2")



def normalize_arxiv_id(value: str | None) -> str | None:
    """The arXiv id in ``value`` without version, or None.

    Accepts bare ids, ``arXiv:`` prefixes, abs/pdf URLs and old-style ids.

    Example:
        >>> normalize_arxiv_id("https://arxiv.org/abs/2401.00001v3")
        '2401.00001'
        >>> normalize_arxiv_id("hep-th/9901001v2")
        'hep-th/9901001'
    """
    if not value:
        return None
    text = str(value).strip()
    text = re.sub(r"^(?:arxiv:)", "", text, flags=re.IGNORECASE)
    match = _NEW_ARXIV.search(text) or _OLD_ARXIV.search(text)
    return match.group(1) if match else None


def normalize_doi(value: str | None) -> str | None:
    """A DOI in lower case without resolver prefix, or None.

    Example:
        >>> normalize_doi("https://doi.org/10.1145/3292500.3330701")
        '10.1145/3292500.3330701'
    """
    if not value:
        return None
    match = _DOI.search(str(value).strip())
    if not match:
        return None
    return match.group(1).rstrip(".,;)]}'\"").lower()


def normalize_openalex_id(value: str | None) -> str | None:
    """An OpenAlex id such as ``W2741809807`` from an id or URL, or None.

    Example:
        >>> normalize_openalex_id("https://openalex.org/W2741809807")
        'W2741809807'
    """
    if not value:
        return None
    match = _OPENALEX.search(str(value).rsplit("/", 1)[-1])
    return match.group(1).upper() if match else None


def normalize_s2_id(value: str | None) -> str | None:
    """A Semantic Scholar paperId (40 hex digits, lower case), or None.

    Example:
        >>> normalize_s2_id("649DEF34F8BE52C8B66281AF98AE884C09AEF38B")
        '649def34f8be52c8b66281af98ae884c09aef38b'
    """
    if not value:
        return None
    match = _S2.search(str(value))
    return match.group(1).lower() if match else None


_NORMALIZERS = {
    "arxiv": normalize_arxiv_id,
    "doi": normalize_doi,
    "openalex": normalize_openalex_id,
    "s2": normalize_s2_id,
}


def normalize_ids(ids: dict[str, str]) -> dict[str, str]:
    """``ids`` with known kinds normalized and empty values dropped.

    An arXiv DOI (``10.48550/arxiv.<id>``) also gives the arXiv id.

    Example:
        >>> normalize_ids({"doi": "10.48550/arXiv.2401.00001"})
        {'doi': '10.48550/arxiv.2401.00001', 'arxiv': '2401.00001'}
    """
    out: dict[str, str] = {}
    for kind, value in ids.items():
        if value is None or value == "":
            continue
        norm = _NORMALIZERS.get(kind)
        value = norm(value) if norm else str(value)
        if value:
            out[kind] = value
    doi = out.get("doi", "")
    if "arxiv" not in out and doi.startswith("10.48550/arxiv."):
        arxiv = normalize_arxiv_id(doi[len("10.48550/arxiv."):])
        if arxiv:
            out["arxiv"] = arxiv
    return out


def title_slug(title: str | None) -> str:
    """The title key: accents dropped, case-folded, punctuation and spaces as ``-``.

    Example:
        >>> title_slug("  Self-Play   Fine-Tuning: Converts Weak LMs! ")
        'self-play-fine-tuning-converts-weak-lms'
    """
    if not title:
        return ""
    text = title
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub("-", text.casefold()).strip("-")


def paper_id(ids: dict[str, str], title: str | None) -> str:
    """The stable id of a paper with these (normalized) ``ids`` and ``title``.

    Example:
        >>> paper_id({"doi": "10.1/x", "arxiv": "2401.00001"}, "A")
        'arxiv:2401.00001'
        >>> paper_id({}, "Attention Is All You Need")
        'title:attention-is-all-you-need'
    """
    for kind in ("arxiv", "doi"):
        if ids.get(kind):
            return f"{kind}:{ids[kind]}"
    slug = title_slug(title)
    if slug:
        return f"title:{slug}"
    for kind in ("openalex", "s2"):
        if ids.get(kind):
            return f"{kind}:{ids[kind]}"
    raise SchemaError("a paper needs a title with a letter or digit, or an external id")


def ids_of(paper) -> dict[str, str]:
    """External ids of ``paper``, including one spelled in its ``id`` (``arxiv:...``)."""
    ids = dict(paper.ids)
    kind, _, value = paper.id.partition(":")
    if kind in _NORMALIZERS and value and kind not in ids:
        ids[kind] = value
    return normalize_ids(ids)




def normalize_id(kind: str, value: str) -> str:
    """One spelling of an identifier of ``kind`` (unknown kinds: the value, stripped).

    Example:
        >>> normalize_id("arxiv", "https://arxiv.org/abs/2401.12345v2")
        '2401.12345'
        >>> normalize_id("doi", "https://doi.org/10.1000/ABC")
        '10.1000/abc'
    """
    norm = _NORMALIZERS.get(kind)
    text = str(value).strip()
    return (norm(text) if norm else None) or text


def slugify(text: str, max_len: int = 60) -> str:
    """:func:`title_slug` cut to ``max_len`` characters ("x" when nothing is left).

    Example:
        >>> slugify("Self-Instruct: Aligning LMs!")
        'self-instruct-aligning-lms'
    """
    return title_slug(text)[:max_len].rstrip("-") or "x"
