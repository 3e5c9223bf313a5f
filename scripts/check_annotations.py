"""Check annotation files against the sample and the guidelines' vocabulary.

    python scripts/check_annotations.py [A B ...] [--sample FILE]

Reports, per batch: abstracts annotated out of those assigned, entities, and every
problem (unknown id, type or role, a name or alias not found in the abstract, a
duplicate). Exits 1 when there is a problem.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

from schema.types import ENTITY_TYPES, ROLE_TYPES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "abstracts.jsonl.gz"
TRAINING = ROOT / "extractors" / "training"
TYPES = set(ENTITY_TYPES)
ROLES = {role.value for role in ROLE_TYPES}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def main(batches: list[str], sample_path: Path = TRAINING / "sample.jsonl") -> int:
    sample = [json.loads(l) for l in sample_path.read_text().splitlines()]
    if not batches:
        batches = sorted({r["batch"] for r in sample})
    texts = {}
    wanted = {r["id"] for r in sample}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                texts[rec["id"]] = _norm(rec["title"] + " " + rec["abstract"])
    bad = 0
    for batch in batches:
        assigned = {r["id"] for r in sample if batch in (r["batch"], r.get("second_batch"))}
        # a repaired keyless id (``line``) was read by every annotator it was listed to before the repair
        extra = {r["id"] for r in sample if "line" in r} - assigned
        path = TRAINING / "annotations" / f"{batch}.jsonl"
        if not path.exists():
            print(f"{batch}: no file {path}")
            continue
        seen, n_ent = set(), 0
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{i}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{where}: not JSON ({exc})"); bad += 1; continue
            pid = rec.get("id")
            if pid not in assigned and pid not in extra:
                print(f"{where}: id {pid!r} is not in batch {batch}"); bad += 1; continue
            if pid in seen:
                print(f"{where}: {pid} annotated twice"); bad += 1
            seen.add(pid)
            names = set()
            for ent in rec.get("entities", []):
                n_ent += 1
                if ent.get("type") not in TYPES:
                    print(f"{where}: {ent.get('name')!r} has type {ent.get('type')!r}"); bad += 1
                for role in ent.get("roles", []):
                    if role not in ROLES:
                        print(f"{where}: {ent.get('name')!r} has role {role!r}"); bad += 1
                if not ent.get("roles"):
                    print(f"{where}: {ent.get('name')!r} has no role"); bad += 1
                for surface in [ent.get("name", "")] + list(ent.get("aliases", [])):
                    if not surface or _norm(surface) not in texts[pid]:
                        print(f"{where}: {surface!r} does not occur in the title or abstract"); bad += 1
                key = (ent.get("type"), _norm(ent.get("name", "")))
                if key in names:
                    print(f"{where}: {ent.get('name')!r} listed twice"); bad += 1
                names.add(key)
        print(f"{batch}: {len(seen & assigned)}/{len(assigned)} abstracts, {n_ent} entities")
    return 1 if bad else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batches", nargs="*", help="the batches to check (all of the sample's when none)")
    ap.add_argument("--sample", type=Path, default=TRAINING / "sample.jsonl", help="a draw not yet merged into sample.jsonl")
    args = ap.parse_args()
    sys.exit(main(args.batches, args.sample))
