"""Print the abstracts an annotator's batch holds, for annotating by hand.

    python scripts/annotation_batch.py A            # all of batch A (own and second readings)
    python scripts/annotation_batch.py A --from 40 --count 20

Each abstract is printed with its corpus id, venue, year, title and text. Annotations go
to ``extractors/training/annotations/A.jsonl`` (see ``extractors/training/README.md``).
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "abstracts.jsonl.gz"
SAMPLE = ROOT / "extractors" / "training" / "sample.jsonl"


def batch_ids(batch: str, sample: Path = SAMPLE) -> list[str]:
    ids = []
    for line in sample.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["batch"] == batch or rec.get("second_batch") == batch:
            ids.append(rec["id"])
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batch")
    ap.add_argument("--from", dest="start", type=int, default=0)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--sample", type=Path, default=SAMPLE, help="a draw not yet merged into sample.jsonl")
    args = ap.parse_args()
    ids = batch_ids(args.batch, args.sample)[args.start: args.start + args.count]
    wanted = set(ids)
    found = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                found[rec["id"]] = rec
    for i, pid in enumerate(ids, start=args.start):
        rec = found[pid]
        print(f"### [{i}] {pid}  ({rec['venue']} {rec['year']})")
        print(f"TITLE: {rec['title']}")
        print(f"ABSTRACT: {rec['abstract']}\n")


if __name__ == "__main__":
    main()
