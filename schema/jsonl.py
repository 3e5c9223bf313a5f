"""Reading JSON Lines: one opener and one line loop for every reader of the project.

:func:`iter_jsonl` parses and numbers the lines but decides nothing: a line that is not
JSON comes back as its :class:`json.JSONDecodeError`, and each caller applies its own
policy (raise, or report the line and go on).
"""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = ["iter_jsonl", "open_text"]


def open_text(path: str | os.PathLike[str]) -> TextIO:
    """Open ``path`` to read UTF-8 text, through gzip when its name ends in ``.gz``.

    Raises:
        OSError: the file cannot be opened (the caller says what to do about it).
    """
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_jsonl(source: str | os.PathLike[str] | Iterable[str]) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line; ``value`` is the JSONDecodeError of a bad line.

    ``source`` is a path (opened with :func:`open_text` and closed at the end) or lines
    already open (left open). Line numbers start at 1 and count blank lines too.

    Example:
        >>> lines = ['{"id": "a"}\\n', "\\n", "not json\\n", "[1, 2]\\n"]
        >>> [(n, v.msg if isinstance(v, json.JSONDecodeError) else v) for n, v in iter_jsonl(lines)]
        [(1, {'id': 'a'}), (3, 'Expecting value'), (4, [1, 2])]
    """
    if isinstance(source, (str, os.PathLike)):
        with open_text(source) as fh:
            yield from iter_jsonl(fh)
        return
    for lineno, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            value = err
        yield lineno, value
