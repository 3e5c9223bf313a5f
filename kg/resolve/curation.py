"""A curator's decisions: which names are the same entity and which are not.

A curation file is CSV (columns ``decision,a,b`` and an optional ``label``; ``#`` starts a
comment line) or YAML (a list of mappings with the same keys, or ``same:``/``different:``
lists of pairs). ``a`` and ``b`` are names as papers write them ("MS COCO") or node ids
(``dataset:coco``). ``label`` (e.g. ``Dataset``) limits a decision to one label.

* ``same``: the two names become one node (rule ``curation_same`` in the merge log);
* ``different``: they are never joined by an abbreviation, alias or spelling rule
  (rule ``curation_different``; each join the rules wanted is logged as ``curation_refused``).

Example (CSV)::

    decision,a,b,label
    same,MS COCO,COCO,Dataset
    different,CLIP,clip,
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from schema.errors import InputError

DECISIONS = ("same", "different")


@dataclass(frozen=True)
class Decision:
    """One curator decision; ``line`` says where it was written."""

    decision: str
    a: str
    b: str
    label: str | None = None
    line: str = ""


def _decision(raw: dict, where: str) -> Decision:
    kind = str(raw.get("decision") or "").strip().lower()
    a, b = str(raw.get("a") or "").strip(), str(raw.get("b") or "").strip()
    if kind not in DECISIONS:
        raise InputError(f"{where}: decision {kind!r} is not one of {', '.join(DECISIONS)}: write 'same' or 'different'")
    if not a or not b:
        raise InputError(f"{where}: a decision needs two names (columns a and b)")
    label = str(raw.get("label") or "").strip() or None
    return Decision(kind, a, b, label, where)


def _from_csv(path: Path) -> list[Decision]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    if not reader.fieldnames or not {"decision", "a", "b"} <= {f.strip() for f in reader.fieldnames}:
        raise InputError(f"{path}: a curation CSV needs the header 'decision,a,b' (and optionally ',label')")
    return [_decision({k.strip(): v for k, v in row.items() if k}, f"{path}:{i + 2}") for i, row in enumerate(reader)]


def _from_yaml(path: Path) -> list[Decision]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if isinstance(data, dict):  # same: [[a, b], ...], different: [[a, b], ...]
        rows = [{"decision": kind, "a": pair[0], "b": pair[1]} if isinstance(pair, (list, tuple)) and len(pair) == 2
                else {"decision": kind} for kind in DECISIONS for pair in data.get(kind) or []]
    elif isinstance(data, list):
        rows = data
    else:
        raise InputError(f"{path}: a curation YAML is a list of {{decision, a, b}} or has 'same'/'different' lists")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise InputError(f"{path}: entry {i + 1} is not a mapping with decision, a and b")
        out.append(_decision(row, f"{path}: entry {i + 1}"))
    return out


def load_curation(path: str | Path) -> list[Decision]:
    """The decisions of a CSV or YAML curation file.

    Raises:
        InputError: the file is missing or a row is not a valid decision (names file and row).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"curation file {path} not found: give a CSV or YAML file of same/different decisions")
    if path.suffix.lower() in {".yaml", ".yml"}:
        return _from_yaml(path)
    return _from_csv(path)
