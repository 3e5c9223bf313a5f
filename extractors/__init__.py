"""spaCy components that turn abstracts into typed mentions, roles and links.

Each extractor is a spaCy component in its own file, registered with
``@Language.factory("kg_...")``; :mod:`extractors.pipeline` assembles them.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

#: The extractors ``kg build --extractor`` offers (:data:`extractors.pipeline.EXTRACTORS`);
#: written here so that a command can name them without loading spaCy.
EXTRACTOR_NAMES = ("learned", "rules")
DEFAULT_EXTRACTOR = "learned"


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """A digest of the extractors' code and shipped weights: an extraction cache written by another
    version is extracted again (``kg build``), so an upgrade never mixes old and new extractions.

    Example:
        >>> len(extraction_version())
        12
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = [*root.glob("*.py"), *(p for p in (root / "weights").rglob("*") if p.is_file())]
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
