"""``kg_pos``: coarse part-of-speech tags from fine tags, fast.

The English pipeline's ``attribute_ruler`` sets ``token.pos`` (and morphology and
lemma exceptions) with a Matcher over 179 patterns; measured here it costs about 7 ms
an abstract, more than the parser. The extractors read ``token.pos_`` only, so this
component compiles the ruler's patterns that set ``POS`` into dictionary look-ups
(by fine tag, by lower-case form) plus the few patterns that also test the
dependency label, and applies them with the ruler's precedence (a later pattern
wins). It gives the same ``pos_`` as the ruler (see tests/extractors/test_pos.py) at a fraction
of the cost; ``morph`` and ``lemma`` are left unset.

Sets token.pos; needs token.tag and token.dep (put it after the parser).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from spacy import parts_of_speech
from spacy.attrs import DEP, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

_ATTR = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space", "ORTH": "text"}


def _predicate(attr: str, spec: Any) -> Callable[[Token], bool]:
    """One Matcher token condition (``{"TAG": "NN"}``, ``{"DEP": {"IN": [...]}}``...) as a function."""
    name = _ATTR[attr]
    if isinstance(spec, dict):
        checks: list[Callable[[Any], bool]] = []
        for op, arg in spec.items():
            if op == "IN":
                values = frozenset(arg)
                checks.append(lambda v, values=values: v in values)
            elif op == "NOT_IN":
                values = frozenset(arg)
                checks.append(lambda v, values=values: v not in values)
            elif op == "REGEX":
                rx = re.compile(arg)
                checks.append(lambda v, rx=rx: bool(rx.search(v)))
            else:
                raise ValueError(f"unsupported attribute_ruler operator {op!r}")
        return lambda tok: all(check(getattr(tok, name)) for check in checks)
    return lambda tok: getattr(tok, name) == spec


def _values(spec: Any) -> list[str] | None:
    """The values a condition accepts when it is an equality or an IN list, else None."""
    if isinstance(spec, dict):
        return list(spec["IN"]) if set(spec) == {"IN"} else None
    return [spec]


class FastPOS:
    """Applies the POS-setting patterns of an ``attribute_ruler``.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> ruler = nlp.add_pipe("attribute_ruler")
        >>> ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
        >>> FastPOS.from_patterns(ruler.patterns).rules  # doctest: +ELLIPSIS
        1
    """

    def __init__(self) -> None:
        self.by_tag: dict[str, list[tuple[int, str, list]]] = defaultdict(list)
        self.by_lower: dict[str, list[tuple[int, str, list]]] = defaultdict(list)
        self.other: list[tuple[int, str, list]] = []
        self.multi: list[tuple[int, str, int, list[list]]] = []
        self.rules = 0
        self._memo: dict[tuple[int, int, int], tuple[int, str, tuple[bool, ...]]] = {}

    @classmethod
    def from_patterns(cls, patterns: Sequence[dict]) -> "FastPOS":
        fast = cls()
        for order, entry in enumerate(patterns):
            pos = entry.get("attrs", {}).get("POS")
            if pos is None:
                continue
            for pattern in entry["patterns"]:
                fast.rules += 1
                preds = [[_predicate(a, s) for a, s in tok.items()] for tok in pattern]
                if len(pattern) > 1:
                    fast.multi.append((order, pos, entry.get("index", 0), preds))
                    continue
                tok = pattern[0]
                rule = (order, pos, preds[0])
                lowers = _values(tok["LOWER"]) if "LOWER" in tok else None
                tags = _values(tok["TAG"]) if "TAG" in tok else None
                if lowers is not None:
                    for value in lowers:
                        fast.by_lower[value].append(rule)
                elif tags is not None:
                    for value in tags:
                        fast.by_tag[value].append(rule)
                else:
                    fast.other.append(rule)
        return fast

    def _decide(self, tok: Token) -> tuple[int, str, tuple[bool, ...]]:
        """The single-token rule that wins on TOK, and whether TOK meets each multi-token condition."""
        chosen = (-1, "")
        for rules in (self.by_tag.get(tok.tag_, ()), self.by_lower.get(tok.lower_, ()), self.other):
            for order, pos, preds in rules:
                if order > chosen[0] and all(p(tok) for p in preds):
                    chosen = (order, pos)
        meets = tuple(all(p(tok) for p in tp) for _, _, _, preds in self.multi for tp in preds)
        return chosen[0], chosen[1], meets

    def __call__(self, doc: Doc) -> Doc:
        # every condition reads the tag, the form (text, lower case, is_space) and the dependency
        # label only: the verdicts are memoised by those three, so each distinct token is tested once
        # (the attributes are read and written as arrays: ``doc[i]`` makes a Token each time)
        memo = self._memo
        if len(memo) > 200_000:
            memo.clear()
        decided = []
        for i, key in enumerate(map(tuple, doc.to_array([TAG, ORTH, DEP]).tolist())):
            verdict = memo.get(key)
            if verdict is None:
                verdict = memo[key] = self._decide(doc[i])
            decided.append(verdict)
        best = {i: (order, pos) for i, (order, pos, _) in enumerate(decided) if order >= 0}
        n, column = len(doc), 0
        for order, pos, index, preds in self.multi:
            width = len(preds)
            # the starts where every token of the pattern meets its condition
            matched = [True] * max(n - width + 1, 0)
            for k in range(width):
                meets = [verdict[2][column + k] for verdict in decided[k:]]
                matched = [m and met for m, met in zip(matched, meets)]
            for start, found in enumerate(matched):
                if found:
                    i = start + index
                    if order > best.get(i, (-1, ""))[0]:
                        best[i] = (order, pos)
            column += width
        if best:
            pos_ids = doc.to_array(POS)
            for i, (_, pos) in best.items():
                if pos not in parts_of_speech.IDS:
                    raise ValueError(f"unknown part of speech {pos!r}")
                pos_ids[i] = parts_of_speech.IDS[pos]
            doc.from_array([POS], pos_ids)
        return doc


@Language.factory("kg_pos", default_config={"patterns": []})
def make_fast_pos(nlp: Language, name: str, patterns: list[dict]) -> FastPOS:
    """Factory of ``kg_pos``; ``patterns`` are ``attribute_ruler.patterns``."""
    return FastPOS.from_patterns(patterns)


def use_fast_pos(nlp: Language) -> Language:
    """Replace ``nlp``'s ``attribute_ruler`` by ``kg_pos`` built from its patterns (in place)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", "kg_pos", config={"patterns": patterns})
    nlp.rename_pipe("attribute_ruler", "kg_pos")
    return nlp
