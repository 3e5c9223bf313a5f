"""Opening one input: gzip by magic bytes, binary and empty files, text decoding.

Every problem becomes one :class:`~schema.errors.Diagnostics` warning naming the file
(and line); nothing here raises for a bad file.
"""
from __future__ import annotations

import gzip
import io
import logging
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from schema.errors import Diagnostics

logger = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 65536
#: More than this share of control bytes in the head makes a file binary.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
_GZIP_ERRORS = (EOFError, OSError, zlib.error)


class Report:
    """Warnings about one file, at most ``cap`` per reason, then one summary line.

    Example:
        >>> d = Diagnostics(echo=False)
        >>> r = Report(d, "x.jsonl", cap=1)
        >>> r.warn(1, "bad", reason="invalid JSON"); r.warn(2, "bad", reason="invalid JSON"); r.close()
        >>> [str(p) for p in d.problems], d.skipped
        (['x.jsonl:1: bad', 'x.jsonl: 1 more warning(s) of the same kind (invalid JSON)'], {'invalid JSON': 2})
    """

    def __init__(self, diag: Diagnostics, path: str, cap: int = 20) -> None:
        self.diag = diag
        self.path = path
        self.cap = cap
        self.count = 0
        #: Set by a reader that found a valid but empty result page (OpenAlex ``results: []``, arXiv 0 entries).
        self.empty_page = False
        self._by_reason: dict[str, int] = {}
        self._hidden: dict[str, int] = {}

    def warn(self, line: int | None, message: str, *, reason: str | None = None) -> None:
        self.count += 1
        key = reason or message
        seen = self._by_reason.get(key, 0)
        self._by_reason[key] = seen + 1
        if seen < self.cap:
            self.diag.warn(self.path, line, message, reason=reason)
            return
        self._hidden[key] = self._hidden.get(key, 0) + 1
        if reason:
            self.diag.skipped[reason] = self.diag.skipped.get(reason, 0) + 1

    def close(self) -> None:
        for key, n in self._hidden.items():
            self.diag.warn(self.path, None, f"{n} more warning(s) of the same kind ({key})")
        self._hidden.clear()


@dataclass
class Source:
    """A readable input: where it is, whether it is gzipped, and its first bytes."""

    path: str
    gz: bool = False
    head: bytes = b""
    data: bytes | None = None  # whole content when it could not be reopened (stdin)
    encoding_warned: bool = field(default=False, repr=False)

    @property
    def name(self) -> str:
        """File name without a trailing ``.gz``, lower-cased (for extension hints)."""
        name = Path(self.path).name.lower()
        return name.removesuffix(".gz")

    def head_text(self) -> str:
        """The head decoded leniently, for format sniffing."""
        return decode_bytes(self.head)[0]

    def _open_binary(self):
        if self.data is not None:
            raw = io.BytesIO(self.data)
        else:
            raw = open(self.path, "rb")  # noqa: SIM115 - closed by the caller
        return gzip.GzipFile(fileobj=raw, mode="rb") if self.gz else raw

    def lines(self, report: Report) -> Iterator[tuple[int, str]]:
        """Yield ``(line number, text without line ending)``, decoding each line.

        Lines that are not UTF-8 are read as Windows-1252 / Latin-1, with one
        warning for the file. A truncated gzip stream ends the file with a warning.
        """
        if self.head.startswith((b"\xff\xfe", b"\xfe\xff")):
            with self._open_binary() as fh:
                text = fh.read().decode("utf-16")
            yield from enumerate(text.splitlines(), start=1)
            return
        lineno = 0
        try:
            with self._open_binary() as fh:
                for raw in fh:
                    lineno += 1
                    text, fallback = decode_bytes(raw)
                    if fallback and not self.encoding_warned:
                        self.encoding_warned = True
                        report.warn(lineno, "not valid UTF-8: read as Latin-1/Windows-1252; "
                                    "re-save the file as UTF-8 if characters look wrong", reason=None)
                    if lineno == 1 and text.startswith("\ufeff"):
                        text = text[1:]
                    yield lineno, text.rstrip("\r\n")
        except _GZIP_ERRORS as err:
            report.warn(lineno or None, f"cannot read past line {lineno} ({err}): the file is truncated or damaged; "
                        "the lines before were used", reason="damaged file")

    def text(self, report: Report) -> str:
        """The whole content as one string (for JSON documents, BibTeX)."""
        return "\n".join(line for _, line in self.lines(report))


def decode_bytes(raw: bytes) -> tuple[str, bool]:
    """Decode UTF-8, else Windows-1252, else Latin-1; the flag says a fallback was used.

    Example:
        >>> decode_bytes("café".encode("latin-1"))
        ('café', True)
    """
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), True
    except UnicodeDecodeError:
        return raw.decode("latin-1"), True


def looks_binary(head: bytes) -> bool:
    """Whether ``head`` is from a binary (non-text) file.

    Example:
        >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"), looks_binary(b"Title\\nAbstract.")
        (True, False)
    """
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head) > MAX_CONTROL_SHARE


def expand_inputs(inputs, diag: Diagnostics) -> Iterator[str]:
    """Input paths with folders replaced by the files they hold, sub-folders included (sorted;
    hidden files and folders and ``*.md`` notes skipped)."""
    for item in inputs:
        path = Path(item)
        if str(item) != "-" and path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts)
                           and p.suffix.lower() != ".md")
            if not files:
                diag.warn(str(item), None, "folder holds no file to read: give files or a folder of them",
                          reason="empty folder")
            for p in files:
                yield str(p)
        else:
            yield str(item)


def open_source(path: str, diag: Diagnostics) -> Source | None:
    """A :class:`Source` for ``path`` ("-" is stdin), or None after one warning.

    Example:
        >>> open_source("/nonexistent.txt", Diagnostics(echo=False)) is None
        True
    """
    data = None
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            magic = data[:2]
        else:
            with open(path, "rb") as fh:
                magic = fh.read(2)
    except FileNotFoundError:
        diag.warn(path, None, "no such file: check the path", reason="missing file")
        return None
    except OSError as err:
        diag.warn(path, None, f"cannot open ({err.strerror or err}): check the path and permissions",
                  reason="unreadable file")
        return None
    source = Source(path=path, gz=magic == GZIP_MAGIC, data=data)
    chunks: list[bytes] = []
    try:
        with source._open_binary() as fh:
            size = 0
            while size < HEAD_BYTES:
                chunk = fh.read(8192)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except _GZIP_ERRORS as err:
        if not chunks:  # nothing readable; otherwise the line reader reports where it stops
            diag.warn(path, None, f"not a readable gzip file ({err}): re-compress it or give it uncompressed",
                      reason="damaged file")
            return None
    source.head = b"".join(chunks)[:HEAD_BYTES]
    if not source.head.strip():
        diag.warn(path, None, "empty file: nothing to read", reason="empty file")
        return None
    if looks_binary(source.head):
        diag.warn(path, None, "binary file, not text: give titles and abstracts as text, JSON Lines, JSON, "
                  "CSV/TSV, arXiv Atom XML or BibTeX (gzip is fine)", reason="binary file")
        return None
    return source
