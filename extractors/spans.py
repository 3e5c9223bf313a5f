"""A spaCy component that writes character spans found by a plain function into ``doc.spans``."""
from __future__ import annotations

from collections.abc import Iterable


class CharSpanFinder:
    """Base of the components that find ``(start, end, label)`` character spans in a Doc.

    Subclasses give ``default_key`` and :meth:`find`; spans are expanded to token
    boundaries and written to ``doc.spans[span_key]``.
    """

    default_key = "kg_spans"

    def __init__(self, nlp=None, name: str | None = None, span_key: str | None = None):
        self.name = name or self.default_key
        self.span_key = span_key or self.default_key

    def find(self, doc) -> Iterable[tuple[int, int, str]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc):
        spans = []
        for start, end, label in self.find(doc):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.span_key] = spans
        return doc
