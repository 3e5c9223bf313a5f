"""Draw the abstracts the team annotates for training and held-out evaluation.

Writes ``extractors/training/sample.jsonl``: one line per drawn abstract with its corpus
id, venue, year, split (``train`` or ``heldout``), the batch (annotator) it goes to and,
for the doubly annotated ones, the second batch. The abstract text stays in
``../shared/corpora/abstracts.jsonl.gz``; annotations are keyed by the corpus id.

The draw is fixed by its seed: venues drawn with weight sqrt(size) within two eras
(before 2020, 2020 onwards) so that every venue is represented and more than 40% of the papers are
from 2020-2025. Papers whose title occurs in a seed page are never drawn.

    python scripts/sample_annotation.py [--n 840] [--heldout 170] [--double 60]
    python scripts/sample_annotation.py --repair --top-up 45
    python scripts/sample_annotation.py --extend 440 --new-batches H,I,J,K

Repair (done once, after the first annotation round): a few corpus ids carry no paper
key (``cvpr2019:``) and are shared by hundreds of records. Such an id is kept once, with
``line`` (the corpus line of the record the annotators read: the last one of that id);
its repeats are dropped, and ``--top-up`` new abstracts with unique ids (batch ``G``,
split ``train``) replace them.

Extend (a later round): ``--extend N`` appends N new train abstracts with unique ids, none
already drawn and none a seed paper, 60% from 2020-2025, dealt in turn to the new batches.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from extractors.training_data import seed_title_keys, title_key as _key  # noqa: E402


def seed_titles() -> set[str]:
    return seed_title_keys(SHARED)


def _corpus_records() -> tuple[list[dict], dict[str, int]]:
    """Every corpus record (id, venue, year, line, drawable or not) and how often each id occurs."""
    counts: dict[str, int] = defaultdict(int)
    records: list[dict] = []
    seeds = seed_titles()
    with gzip.open(SHARED / "corpora/abstracts.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            counts[rec["id"]] += 1
            records.append({"id": rec["id"], "venue": rec["venue"], "year": rec["year"], "line": i,
                            "ok": len((rec.get("abstract") or "").split()) >= 40
                            and _key(rec.get("title") or "") not in seeds})
    return records, counts


def repair(path: Path, top_up: int, seed: int) -> None:
    records, counts = _corpus_records()
    last = {rec["id"]: rec["line"] for rec in records}
    sample = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    kept, seen = [], set()
    for rec in sample:
        if rec["id"] in seen:
            continue
        if counts[rec["id"]] > 1:
            rec["line"] = last[rec["id"]]
        seen.add(rec["id"])
        kept.append(rec)
    kept += _fresh(records, counts, seen, top_up, ["G"], random.Random(seed + 1))
    path.write_text("".join(json.dumps(r) + "\n" for r in kept), encoding="utf-8")
    print(f"{len(sample)} -> {len(kept)} abstracts ({len(sample) - len(seen)} repeats dropped, {top_up} added)")


def _fresh(records: list[dict], counts: dict[str, int], seen: set[str], n: int, batches: list[str],
           rng: random.Random) -> list[dict]:
    """``n`` new train abstracts with unique ids, 60% from 2020-2025, dealt to ``batches`` in turn."""
    pool = [r for r in records if r["ok"] and counts[r["id"]] == 1 and r["id"] not in seen]
    rng.shuffle(pool)
    recent = [r for r in pool if r["year"] and r["year"] >= 2020]
    older = [r for r in pool if not (r["year"] and r["year"] >= 2020)]
    n_recent = round(n * 0.6)
    return [
        {"id": rec["id"], "venue": rec["venue"], "year": rec["year"], "split": "train", "batch": batches[i % len(batches)]}
        for i, rec in enumerate(recent[:n_recent] + older[: n - n_recent])
    ]


def extend(path: Path, n: int, batches: list[str], seed: int) -> None:
    """Append ``n`` new train abstracts for the new ``batches`` (a later annotation round)."""
    records, counts = _corpus_records()
    sample = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    seen = {r["id"] for r in sample}
    added = _fresh(records, counts, seen, n, batches, random.Random(f"{seed}:{','.join(batches)}"))
    with path.open("a", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in added))
    print(f"{len(sample)} -> {len(sample) + len(added)} abstracts (batches {', '.join(batches)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=840)
    ap.add_argument("--heldout", type=int, default=170)
    ap.add_argument("--double", type=int, default=60)
    ap.add_argument("--batches", type=int, default=6)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--out", type=Path, default=ROOT / "extractors/training/sample.jsonl")
    ap.add_argument("--repair", action="store_true", help="drop repeated keyless ids and top the sample up")
    ap.add_argument("--top-up", type=int, default=45)
    ap.add_argument("--extend", type=int, default=0, help="append this many new train abstracts")
    ap.add_argument("--new-batches", default="H,I,J,K", help="the batches --extend deals them to")
    args = ap.parse_args()
    if args.extend:
        extend(args.out, args.extend, args.new_batches.split(","), args.seed)
        return
    if args.repair:
        repair(args.out, args.top_up, args.seed)
        return

    seeds = seed_titles()
    pools: dict[tuple[bool, str], list[dict]] = defaultdict(list)
    with gzip.open(SHARED / "corpora/abstracts.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            abstract = rec.get("abstract") or ""
            if len(abstract.split()) < 40 or _key(rec.get("title") or "") in seeds:
                continue
            recent = bool(rec.get("year")) and rec["year"] >= 2020
            pools[(recent, rec["venue"])].append(
                {"id": rec["id"], "venue": rec["venue"], "year": rec["year"]})

    rng = random.Random(args.seed)
    for pool in pools.values():
        rng.shuffle(pool)
    quota = {True: round(args.n * 0.6), False: args.n - round(args.n * 0.6)}
    drawn: list[dict] = []
    for recent, want in quota.items():
        venues = sorted(v for (r, v) in pools if r == recent)
        for _ in range(want):
            # venue drawn with weight sqrt(size): big venues lead, small ones still appear
            live = [v for v in venues if pools[(recent, v)]]
            weights = [len(pools[(recent, v)]) ** 0.5 for v in live]
            v = rng.choices(live, weights)[0]
            drawn.append(pools[(recent, v)].pop())
    rng.shuffle(drawn)
    for i, rec in enumerate(drawn):
        rec["split"] = "heldout" if i < args.heldout else "train"
        rec["batch"] = chr(ord("A") + i % args.batches)
    # doubly annotated: spread over both splits, each given to the next batch's annotator
    for k, rec in enumerate(drawn[::max(1, len(drawn) // args.double)][: args.double]):
        second = k % args.batches
        if second == ord(rec["batch"]) - ord("A"):
            second = (second + 1) % args.batches
        rec["second_batch"] = chr(ord("A") + second)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in drawn:
            fh.write(json.dumps(rec) + "\n")
    recent = sum(1 for r in drawn if r["year"] and r["year"] >= 2020)
    print(f"{len(drawn)} abstracts ({recent / len(drawn):.0%} from 2020-2025), "
          f"{sum(r['split'] == 'heldout' for r in drawn)} held out, "
          f"{sum('second_batch' in r for r in drawn)} doubly annotated -> {args.out}")


if __name__ == "__main__":
    main()
