"""The package's exceptions and the collector of input problems.

Every error a user can cause is a :class:`KGError`; the CLI turns it into one line
on stderr and a non-zero exit. Problems in part of the input are not errors: they
are reported through :class:`Diagnostics` and the rest of the input is processed.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field

logger = logging.getLogger("kg")

__all__ = ["Diagnostics", "ExtractionError", "InputError", "KGError", "Problem", "QueryError", "SchemaError",
           "StoreError"]


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class SchemaError(KGError, ValueError):
    """A record does not fit the schema (a ValueError too, for callers that validate values)."""


class InputError(KGError):
    """An input file cannot be used at all."""


class StoreError(KGError):
    """The graph store in OUT is missing, damaged or refused an operation."""


class QueryError(KGError):
    """A Cypher query was invalid or refused."""


class ExtractionError(KGError):
    """The NLP pipeline could not be loaded or run."""


@dataclass
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Diagnostics:
    """Collects problems found in the input; prints each as one line on stderr.

    Example:
        >>> d = Diagnostics(echo=False)
        >>> d.warn("x.jsonl", 12, "no abstract: expected an 'abstract' field")
        >>> str(d.problems[0])
        "x.jsonl:12: no abstract: expected an 'abstract' field"
    """

    echo: bool = True
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    def warn(self, path: str, line: int | None, message: str, *, reason: str | None = None) -> None:
        problem = Problem(str(path), line, message)
        self.problems.append(problem)
        if reason:
            self.skipped[reason] = self.skipped.get(reason, 0) + 1
        if self.echo:
            print(f"warning: {problem}", file=sys.stderr)
