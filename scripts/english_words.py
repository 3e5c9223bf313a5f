"""Write ``schema/data/english_words.txt.gz``: the lower-case words of four or more letters in the
English spaCy pipeline's vocabulary (its ``vocab/strings.json``, MIT), one a line, sorted.

:func:`kg.sources.records.clean_text` reads it to tell a word a PDF broke at the end of a line
("meth- ods" -> "methods") from a hyphenated compound ("low- rank" -> "low-rank").

    python scripts/english_words.py
"""
from __future__ import annotations

import gzip
import importlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.model import english_model_name  # noqa: E402
from schema.words import WORDS_FILE  # noqa: E402


def main() -> None:
    package = Path(importlib.import_module(english_model_name()).__file__).parent
    strings = json.loads(next(package.glob("*/vocab/strings.json")).read_text(encoding="utf-8"))
    words = sorted({s for s in strings if re.fullmatch(r"[a-z]{4,}", s)})
    with gzip.GzipFile(WORDS_FILE, "wb", mtime=0) as fh:
        fh.write(("\n".join(words) + "\n").encode("ascii"))
    print(f"{len(words):,} words -> {WORDS_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
