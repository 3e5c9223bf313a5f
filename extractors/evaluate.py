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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from schema.names import name_key

ENTITY_TYPES = ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric")




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
