"""Scoring paper-level entity and role extraction against gold records.

Records are dicts in the gold format (``../shared/gold/GUIDELINES.md``):
``{"id", "title", "entities": [{"name", "type", "aliases", "roles"}]}``. A predicted
entity matches a gold entity of the same paper when its normalized name equals the
normalized gold name or one of the gold aliases (case-insensitive; spaces, hyphens,
underscores and dots ignored); each gold and each predicted entity matches at most
once. A role matches when its entity matches (typed) and the role is among the
gold entity's roles, i.e. (type, name, role) triples.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schema.errors import InputError
from schema.jsonl import iter_jsonl, open_text
from schema.names import name_key
from schema.types import ENTITY_TYPES


#: The team's annotations (``extractors/training/README.md``).
TRAINING_DIR = Path(__file__).resolve().parent / "training"
#: ``../shared`` beside the checkout, where the corpus is read in place.
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_FILE = Path("corpora/abstracts.jsonl.gz")
#: The dev set ``kg eval`` scores by default.
DEV_GOLD = DEFAULT_SHARED / "gold" / "dev.jsonl"
SPLITS = ("train", "heldout")


def read_sample(training_dir: Path = TRAINING_DIR) -> list[dict]:
    """The rows of ``sample.jsonl``: id, venue, year, split, batch, optional second_batch and line."""
    path = training_dir / "sample.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_records(path: str | Path, what: str) -> list[dict]:
    """Records in the gold format from a JSON Lines file (gzip read too); ``what`` names it in errors.

    Raises:
        InputError: the file cannot be read, a line is not JSON, or a record has no ``id``.
    """
    path = Path(path)
    try:
        fh = open_text(path)
    except OSError as err:
        raise InputError(f"cannot read the {what} file {path}: {err.strerror}") from err
    records = []
    with fh:
        for lineno, record in iter_jsonl(fh):
            if isinstance(record, json.JSONDecodeError):
                raise InputError(f"{path}:{lineno}: not valid JSON ({record.msg}): fix the {what} file") from record
            if not isinstance(record, dict) or "id" not in record:
                raise InputError(f"{path}:{lineno}: expected an object with an 'id' (gold record format)")
            records.append(record)
    return records


def read_batch(batch: str, training_dir: Path = TRAINING_DIR) -> dict[str, dict]:
    """One annotator's readings, by corpus id (``annotations/<batch>.jsonl``)."""
    return {r["id"]: r for r in read_records(training_dir / "annotations" / f"{batch}.jsonl", "annotation")}


def corpus_texts(rows: list[dict], shared: Path | None = None) -> dict[str, dict]:
    """Title and abstract of each sample row, read in place from the shared corpus.

    A row with ``line`` is read from that 0-based line (the corpus repeats its id);
    the others by id. Keyed by id.
    """
    path = (shared or DEFAULT_SHARED) / CORPUS_FILE
    if not path.is_file():
        raise InputError(f"{path} is absent: the annotated abstracts are read from the shared corpus")
    by_line = {r["line"]: r["id"] for r in rows if "line" in r}
    by_id = {r["id"] for r in rows if "line" not in r}
    out: dict[str, dict] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i in by_line:
                out[by_line[i]] = json.loads(line)
                continue
            head = line[:200]
            if '"id"' not in head:
                continue
            record = json.loads(line)
            if record.get("id") in by_id and record["id"] not in out:
                out[record["id"]] = record
    missing = [r["id"] for r in rows if r["id"] not in out]
    if missing:
        raise InputError(f"{path}: {len(missing)} annotated ids not found (first: {missing[0]}): check sample.jsonl")
    return out


def load_annotations(
    split: str, *, shared: Path | None = None, training_dir: Path = TRAINING_DIR, reader: str = "batch"
) -> list[dict]:
    """Gold records of one split of the team annotations, with their corpus text.

    ``reader="batch"`` takes the primary annotator's reading, ``"second_batch"`` the
    second reader's (only the doubly annotated abstracts). Each record is
    ``{"id", "title", "abstract", "venue", "year", "entities"}``.

    Example:
        >>> len(load_annotations("heldout"))  # doctest: +SKIP
        164
    """
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    rows = [r for r in read_sample(training_dir) if r["split"] == split and r.get(reader)]
    batches = {b: read_batch(b, training_dir) for b in sorted({r[reader] for r in rows})}
    texts = corpus_texts(rows, shared)
    records = []
    for row in rows:
        reading = batches[row[reader]].get(row["id"])
        if reading is None:
            raise InputError(f"annotations/{row[reader]}.jsonl: no reading of {row['id']}: annotate it")
        text = texts[row["id"]]
        records.append(
            {
                "id": row["id"],
                "title": text.get("title") or "",
                "abstract": text.get("abstract") or "",
                "venue": row.get("venue"),
                "year": row.get("year"),
                "entities": reading.get("entities") or [],
            }
        )
    return records


def gold_papers(records: Iterable[dict]) -> list:
    """The papers to extract from gold records that carry their text (:func:`load_annotations`).

    Example:
        >>> [p.title for p in gold_papers([{"id": "c:1", "title": "", "abstract": "We use BERT."}])]
        ['c:1']
    """
    from schema import Paper

    return [Paper(id=r["id"], title=r["title"] or r["id"], abstract=r["abstract"]) for r in records]


def agreement(*, shared: Path | None = None, training_dir: Path = TRAINING_DIR) -> Scores:
    """Entity agreement between the two independent readings of the doubly annotated abstracts.

    The primary reading is taken as gold and the second as prediction, so typed F1 is the
    symmetric pairwise agreement (precision and recall swap with the direction).
    """
    rows = [r for r in read_sample(training_dir) if r.get("second_batch")]
    batches = {b: read_batch(b, training_dir) for b in sorted({r["batch"] for r in rows} | {r["second_batch"] for r in rows})}
    first = [{"id": r["id"], "entities": batches[r["batch"]][r["id"]]["entities"]} for r in rows]
    second = [{"id": r["id"], "entities": batches[r["second_batch"]][r["id"]]["entities"]} for r in rows]
    return score(first, second)


@dataclass
class Counts:
    """True positives, predicted and gold totals; precision, recall, F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass
class Scores:
    """Corpus-level scores of :func:`score`."""

    untyped: Counts = field(default_factory=Counts)
    typed: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    roles: Counts = field(default_factory=Counts)
    papers: int = 0
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "papers": self.papers,
            "papers_without_prediction": len(self.missing),
            "entities": {
                "untyped": self.untyped.to_dict(),
                "typed": self.typed.to_dict(),
                "per_type": {t: c.to_dict() for t, c in self.per_type.items()},
            },
            "roles": self.roles.to_dict(),
        }


def _keys(entity: dict) -> set[str]:
    return {name_key(entity["name"])} | {name_key(a) for a in entity.get("aliases") or []}


def match_entities(gold: list[dict], pred: list[dict], *, typed: bool) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of matching entities, one-to-one, greedy in order.

    Example:
        >>> match_entities([{"name": "RL", "type": "Method", "aliases": ["reinforcement learning"]}],
        ...                [{"name": "reinforcement-learning", "type": "Method"}], typed=True)
        [(0, 0)]
    """
    gold_keys = [_keys(g) for g in gold]
    used: set[int] = set()
    pairs = []
    for pi, p in enumerate(pred):
        key = name_key(p["name"])
        for gi, g in enumerate(gold):
            if gi in used or key not in gold_keys[gi]:
                continue
            if typed and g.get("type") != p.get("type"):
                continue
            used.add(gi)
            pairs.append((gi, pi))
            break
    return pairs


def score_paper(gold: list[dict], pred: list[dict]) -> Scores:
    """Scores of one paper's predicted entities against its gold entities."""
    s = Scores(papers=1)
    pred = _dedupe(pred)
    untyped = match_entities(gold, pred, typed=False)
    typed = match_entities(gold, pred, typed=True)
    s.untyped = Counts(len(untyped), len(pred), len(gold))
    s.typed = Counts(len(typed), len(pred), len(gold))
    for t in ENTITY_TYPES:
        c = s.per_type[t]
        c.pred = sum(p.get("type") == t for p in pred)
        c.gold = sum(g.get("type") == t for g in gold)
        c.tp = sum(gold[gi].get("type") == t for gi, _ in typed)
    s.roles.pred = sum(len(set(p.get("roles") or [])) for p in pred)
    s.roles.gold = sum(len(set(g.get("roles") or [])) for g in gold)
    s.roles.tp = sum(
        len(set(gold[gi].get("roles") or []) & set(pred[pi].get("roles") or [])) for gi, pi in typed
    )
    return s


def _dedupe(pred: list[dict]) -> list[dict]:
    """One predicted entity per (type, normalized name); roles are merged."""
    out: dict[tuple[str, str], dict] = {}
    for p in pred:
        k = (p.get("type"), name_key(p["name"]))
        if k in out:
            out[k] = {**out[k], "roles": sorted(set(out[k].get("roles") or []) | set(p.get("roles") or []))}
        else:
            out[k] = p
    return list(out.values())


def score(gold: Iterable[dict], pred: Iterable[dict]) -> Scores:
    """Micro-averaged scores of predicted records against gold records, joined by ``id``.

    A gold paper without a predicted record counts as predicting nothing; predicted
    records of papers not in the gold are ignored.

    Example:
        >>> g = [{"id": "p1", "entities": [{"name": "GSM8K", "type": "Benchmark", "aliases": [],
        ...                                 "roles": ["EVALUATES_ON"]}]}]
        >>> p = [{"id": "p1", "entities": [{"name": "gsm8k", "type": "Benchmark", "roles": ["EVALUATES_ON"]}]}]
        >>> score(g, p).typed.f1, score(g, p).roles.f1
        (1.0, 1.0)
    """
    by_id = {r["id"]: r for r in pred}
    total = Scores()
    for record in gold:
        predicted = by_id.get(record["id"])
        if predicted is None:
            total.missing.append(record["id"])
        s = score_paper(record.get("entities") or [], (predicted or {}).get("entities") or [])
        total.papers += 1
        total.untyped.add(s.untyped)
        total.typed.add(s.typed)
        total.roles.add(s.roles)
        for t in ENTITY_TYPES:
            total.per_type[t].add(s.per_type[t])
    return total


def errors(gold: Iterable[dict], pred: Iterable[dict]) -> list[dict]:
    """Per paper: missed gold entities, spurious predictions and type confusions (typed matching).

    Example:
        >>> errors([{"id": "p1", "entities": [{"name": "A", "type": "Task"}]}], [{"id": "p1", "entities": []}])
        [{'id': 'p1', 'missed': ['Task:A'], 'spurious': [], 'wrong_roles': []}]
    """
    by_id = {r["id"]: r for r in pred}
    out = []
    for record in gold:
        g = record.get("entities") or []
        p = _dedupe((by_id.get(record["id"]) or {}).get("entities") or [])
        pairs = match_entities(g, p, typed=True)
        gi_ok = {gi for gi, _ in pairs}
        pi_ok = {pi for _, pi in pairs}
        wrong_roles = [
            f"{g[gi]['type']}:{g[gi]['name']} gold={sorted(g[gi].get('roles') or [])} pred={sorted(p[pi].get('roles') or [])}"
            for gi, pi in pairs
            if set(g[gi].get("roles") or []) != set(p[pi].get("roles") or [])
        ]
        out.append(
            {
                "id": record["id"],
                "missed": [f"{e['type']}:{e['name']}" for i, e in enumerate(g) if i not in gi_ok],
                "spurious": [f"{e['type']}:{e['name']}" for i, e in enumerate(p) if i not in pi_ok],
                "wrong_roles": wrong_roles,
            }
        )
    return out


def format_scores(s: Scores) -> str:
    """A plain-text table of :class:`Scores`."""
    rows = [("entities (untyped)", s.untyped), ("entities (typed)", s.typed)]
    rows += [(f"  {t}", c) for t, c in s.per_type.items()]
    rows.append(("roles", s.roles))
    lines = [
        f"papers: {s.papers}" + (f" ({len(s.missing)} without prediction)" if s.missing else ""),
        f"{'':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}",
    ]
    for label, c in rows:
        lines.append(
            f"{label:<20}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.pred:>6}{c.gold:>6}"
        )
    return "\n".join(lines)


def prediction_record(extraction) -> dict:
    """A :class:`schema.PaperExtraction` as a predicted gold-format record; each entity also
    carries ``source``, the component that found its first mention (``kg_ner``, ``kg_entities``),
    and ``extractors``, those of all its mentions."""
    record = extraction.to_gold()
    for entity, out in zip(extraction.entities, record["entities"]):
        out["extractors"] = [ev.extractor for ev in entity.evidence]
        out["source"] = out["extractors"][0] if out["extractors"] else "unknown"
    return record


def precision_by_source(gold: Iterable[dict], pred: Iterable[dict]) -> dict[str, Counts]:
    """Typed precision of the predicted entities grouped by their ``source`` (recall is not defined here).

    Example:
        >>> g = [{"id": "p1", "entities": [{"name": "A", "type": "Task"}]}]
        >>> p = [{"id": "p1", "entities": [{"name": "A", "type": "Task", "source": "kg_ner"},
        ...                                {"name": "B", "type": "Task", "source": "kg_entities"}]}]
        >>> {k: round(c.precision, 2) for k, c in precision_by_source(g, p).items()}
        {'kg_ner': 1.0, 'kg_entities': 0.0}
    """
    by_id = {r["id"]: r for r in pred}
    out: dict[str, Counts] = {}
    for record in gold:
        g = record.get("entities") or []
        p = _dedupe((by_id.get(record["id"]) or {}).get("entities") or [])
        matched = {pi for _, pi in match_entities(g, p, typed=True)}
        for pi, entity in enumerate(p):
            c = out.setdefault(entity.get("source", "unknown"), Counts())
            c.pred += 1
            c.tp += pi in matched
    return out
