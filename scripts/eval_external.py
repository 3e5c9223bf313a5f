#!/usr/bin/env python
"""Mention-level scores of the kg entity extractor on external annotated sets.

Runs the real pipeline (:func:`extractors.pipeline.load_nlp`) over the sentences of

* SciER dev (``../shared/external/scier/dev.jsonl``, Zhang et al. 2024): Dataset,
  Method, Task. kg ``Model`` counts as Method and ``Benchmark`` as Dataset; kg
  ``Metric`` is not scored (SciER has no such type);
* TDMSci (``../shared/external/tdmsci/train_1500_v2.conll``, Hou et al. 2021): Task,
  Dataset, Metric in BIO. kg ``Benchmark`` counts as Dataset; Method and Model are not
  scored (TDMSci has no such types),

reads ``doc.spans["kg_entities"]`` and prints precision, recall and F1 per type, for
exact spans and for partial overlap (a prediction is right when it overlaps a gold
mention of the same type; a gold mention is found when a prediction of its type
overlaps it), with the published reference figures beside them.

SciER sentences are given as space-separated tokens; they are detokenized (no space
before ``, . ) ;`` ..., none after ``(``, none around ``-``) so the pipeline reads
ordinary text, and gold mentions are placed on the token sequence (longest first,
each on the first occurrence not already taken). TDMSci tokens carry character
offsets, so the original spacing is restored.

Usage::

    python scripts/eval_external.py [--limit N] [--dataset scier|tdmsci|all] [--json] [--shared DIR]

Nothing is copied from ../shared: the files are read in place, and the script says so
and exits 0 when they are absent.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
SCIER_FILE = Path("external/scier/dev.jsonl")
TDMSCI_FILE = Path("external/tdmsci/train_1500_v2.conll")
ENTITY_SPAN_KEY = "kg_entities"

#: kg label -> the dataset's type (labels absent from a map are not scored).
SCIER_MAP = {"Method": "Method", "Model": "Method", "Dataset": "Dataset", "Benchmark": "Dataset", "Task": "Task"}
TDMSCI_MAP = {"Task": "Task", "Dataset": "Dataset", "Benchmark": "Dataset", "Metric": "Metric"}
TDMSCI_TAGS = {"TASK": "Task", "DATASET": "Dataset", "METRIC": "Metric"}

REFERENCES = {
    "scier": [
        "SciER (Zhang et al. 2024): fine-tuned state of the art, NER F1 86.85 (exact spans)",
        "LLM prompting on a comparable ML set: F1 about 44",
    ],
    "tdmsci": ["TDMSci: no reference figure is given in ../shared/README.md"],
}

Span = tuple[int, int, str]  # start char, end char, type


@dataclass
class Sentence:
    """One annotated sentence: its text, gold mentions and where it was read."""

    text: str
    gold: list[Span] = field(default_factory=list)
    source: str = ""


@dataclass
class Dataset:
    name: str
    types: tuple[str, ...]
    label_map: dict[str, str]
    sentences: list[Sentence]
    problems: list[str] = field(default_factory=list)


# --- readers ---------------------------------------------------------------------

_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "}", "%", "?", "!", "'s", "n't", "-"}
_NO_SPACE_AFTER = {"(", "[", "{", "-"}


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text of space-separated tokens, and each token's character span in it.

    Example:
        >>> detokenize(["pre", "-", "existing", "2D", "CNNs", "(", "CNNs", ")", "."])[0]
        'pre-existing 2D CNNs (CNNs).'
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for tok in tokens:
        if prev is not None and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(parts), offsets


def place_mentions(tokens: Sequence[str], mentions: Sequence[tuple[str, str]]) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Token spans ``(start, end, type)`` of mentions given as text, and those not found.

    Longest mentions are placed first, each on the first occurrence that no placed
    mention overlaps (so "CNNs" does not land inside "2D CNNs" when it also occurs alone).

    Example:
        >>> place_mentions("2D CNNs and CNNs".split(), [("CNNs", "Method"), ("2D CNNs", "Method")])
        ([(0, 2, 'Method'), (3, 4, 'Method')], [])
    """
    order = sorted(range(len(mentions)), key=lambda i: (-len(mentions[i][0].split(" ")), i))
    taken: list[tuple[int, int]] = []
    placed: list[tuple[int, int, str]] = []
    missing: list[str] = []
    for i in order:
        text, typ = mentions[i]
        words = text.split(" ")
        n = len(words)
        occurrences = [s for s in range(len(tokens) - n + 1) if list(tokens[s:s + n]) == words]
        free = [s for s in occurrences if all(s + n <= a or s >= b for a, b in taken)]
        if not occurrences:
            missing.append(text)
            continue
        start = (free or occurrences)[0]
        if not free and (start, start + n, typ) in placed:
            continue  # listed twice but there is one occurrence: count it once
        taken.append((start, start + n))
        placed.append((start, start + n, typ))
    return sorted(placed), missing


def read_scier(path: Path, limit: int | None = None) -> tuple[list[Sentence], list[str]]:
    """SciER sentences (``sentence`` + ``ner`` [[text, type], ...]) with character-level gold spans."""
    sentences: list[Sentence] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if limit is not None and len(sentences) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                tokens = record["sentence"].split(" ")
                mentions = [(m[0], m[1]) for m in record.get("ner", [])]
            except (json.JSONDecodeError, KeyError, TypeError, IndexError) as err:
                problems.append(f"{path}:{lineno}: not a SciER record ({err}): skipped")
                continue
            text, offsets = detokenize(tokens)
            placed, missing = place_mentions(tokens, mentions)
            for m in missing:
                problems.append(f"{path}:{lineno}: mention {m!r} not found in the sentence: not scored")
            gold = [(offsets[s][0], offsets[e - 1][1], typ) for s, e, typ in placed]
            sentences.append(Sentence(text=text, gold=gold, source=f"{path}:{lineno}"))
    return sentences, problems


def read_tdmsci(path: Path, limit: int | None = None) -> tuple[list[Sentence], list[str]]:
    """TDMSci sentences (``token<TAB>offset<TAB>BIO tag`` lines, blank line between sentences)."""
    sentences: list[Sentence] = []
    problems: list[str] = []
    block: list[tuple[str, int, str, int]] = []

    def flush() -> None:
        if not block:
            return
        base = block[0][1]
        text = ""
        spans: list[list[Any]] = []  # [start, end, type]
        open_span: list[Any] | None = None
        for tok, offset, tag, _ in block:
            pos = offset - base
            if pos < len(text):  # offsets out of order: keep the tokens apart
                pos = len(text) + (1 if text else 0)
            text += " " * (pos - len(text))
            start = len(text)
            text += tok
            kind, _, name = tag.partition("-")
            typ = TDMSCI_TAGS.get(name)
            if kind == "I" and open_span is not None and open_span[2] == typ:
                open_span[1] = len(text)
            elif kind in ("B", "I") and typ:
                open_span = [start, len(text), typ]
                spans.append(open_span)
            else:
                open_span = None
        sentences.append(Sentence(text=text, gold=[tuple(sp) for sp in spans], source=f"{path}:{block[0][3]}"))
        block.clear()

    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if limit is not None and len(sentences) >= limit:
                block.clear()
                break
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            fields = line.split("\t")
            if len(fields) != 3 or not fields[1].isdigit():
                problems.append(f"{path}:{lineno}: expected 'token<TAB>offset<TAB>tag': line skipped")
                continue
            block.append((fields[0], int(fields[1]), fields[2], lineno))
        if limit is None or len(sentences) < limit:
            flush()
    return sentences, problems


# --- prediction and scoring ------------------------------------------------------


def predict(nlp, sentences: Sequence[Sentence], label_map: dict[str, str], batch_size: int = 64) -> list[list[Span]]:
    """The ``kg_entities`` mentions of each sentence, relabelled with ``label_map`` (others dropped)."""
    out: list[list[Span]] = []
    for doc in nlp.pipe((s.text for s in sentences), batch_size=batch_size):
        spans = doc.spans[ENTITY_SPAN_KEY] if ENTITY_SPAN_KEY in doc.spans else []
        out.append(sorted({(sp.start_char, sp.end_char, label_map[sp.label_]) for sp in spans
                           if sp.label_ in label_map}))
    return out


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float | int]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "predicted": n_pred, "gold": n_gold, "correct_predicted": tp_pred, "found_gold": tp_gold}


def _overlaps(a: Span, b: Span) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def score(gold: Sequence[Iterable[Span]], pred: Sequence[Iterable[Span]], types: Sequence[str]) -> dict[str, dict]:
    """Exact and partial-overlap P/R/F1 per type and micro-averaged over ``types`` (key ``all``).

    Example:
        >>> s = score([[(0, 4, "Task")]], [[(0, 4, "Task"), (10, 12, "Task")]], ["Task"])
        >>> s["Task"]["exact"]["precision"], s["Task"]["exact"]["recall"]
        (0.5, 1.0)
    """
    counts: dict[str, dict[str, list[int]]] = {t: {"exact": [0, 0, 0, 0], "partial": [0, 0, 0, 0]}
                                               for t in [*types, "all"]}
    for g_spans, p_spans in zip(gold, pred, strict=True):
        g_set = {s for s in g_spans if s[2] in types}
        p_set = {s for s in p_spans if s[2] in types}
        for typ in (*types, "all"):
            g = [s for s in g_set if typ == "all" or s[2] == typ]
            p = [s for s in p_set if typ == "all" or s[2] == typ]
            exact = len(set(g) & set(p))
            c = counts[typ]["exact"]
            c[0] += exact
            c[1] += len(p)
            c[2] += exact
            c[3] += len(g)
            c = counts[typ]["partial"]
            c[0] += sum(any(_overlaps(x, y) for y in g) for x in p)
            c[1] += len(p)
            c[2] += sum(any(_overlaps(y, x) for x in p) for y in g)
            c[3] += len(g)
    return {t: {m: _prf(*v) for m, v in by.items()} for t, by in counts.items()}


def evaluate(nlp, dataset: Dataset) -> dict[str, Any]:
    """Scores of the pipeline on one dataset, as a JSON-ready dict."""
    pred = predict(nlp, dataset.sentences, dataset.label_map)
    scores = score([s.gold for s in dataset.sentences], pred, dataset.types)
    return {"dataset": dataset.name, "sentences": len(dataset.sentences), "types": list(dataset.types),
            "label_map": dataset.label_map, "scores": scores, "references": REFERENCES.get(dataset.name, []),
            "problems": len(dataset.problems)}


def load_datasets(shared: Path, which: str, limit: int | None) -> list[Dataset]:
    out = []
    if which in ("scier", "all"):
        sents, problems = read_scier(shared / SCIER_FILE, limit)
        out.append(Dataset("scier", ("Dataset", "Method", "Task"), SCIER_MAP, sents, problems))
    if which in ("tdmsci", "all"):
        sents, problems = read_tdmsci(shared / TDMSCI_FILE, limit)
        out.append(Dataset("tdmsci", ("Task", "Dataset", "Metric"), TDMSCI_MAP, sents, problems))
    return out


def format_result(result: dict[str, Any]) -> list[str]:
    lines = [f"{result['dataset']}: {result['sentences']} sentences "
             f"(kg labels scored as: {', '.join(f'{k}->{v}' for k, v in result['label_map'].items())})"]
    lines.append(f"  {'type':<9}{'exact P':>9}{'R':>7}{'F1':>7}   {'partial P':>9}{'R':>7}{'F1':>7}   {'gold':>6}{'pred':>6}")
    for typ in [*result["types"], "all"]:
        e, p = result["scores"][typ]["exact"], result["scores"][typ]["partial"]
        lines.append(f"  {typ:<9}{e['precision']:>9.3f}{e['recall']:>7.3f}{e['f1']:>7.3f}   "
                     f"{p['precision']:>9.3f}{p['recall']:>7.3f}{p['f1']:>7.3f}   {e['gold']:>6}{e['predicted']:>6}")
    lines.append(f"  (F1 x 100, exact, all types: {100 * result['scores']['all']['exact']['f1']:.2f})")
    lines.extend(f"  reference: {ref}" for ref in result["references"])
    if result["problems"]:
        lines.append(f"  {result['problems']} input problem(s): see stderr")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="Sentences read from each dataset.")
    parser.add_argument("--dataset", choices=("scier", "tdmsci", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="Print one JSON object instead of tables.")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="The shared data folder (../shared).")
    parser.add_argument(
        "--learned",
        choices=("default", "on", "off"),
        default="default",
        help="Type mentions with the trained recogniser (on), the rules (off) or as load_nlp does by default.",
    )
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    needed = [args.shared / f for name, f in (("scier", SCIER_FILE), ("tdmsci", TDMSCI_FILE))
              if args.dataset in (name, "all")]
    absent = [p for p in needed if not p.is_file()]
    if absent:
        print(f"skipped: {', '.join(map(str, absent))} not found: the external sets live in ../shared "
              "beside the checkout (use --shared DIR)", file=sys.stderr)
        return 0

    sys.path.insert(0, str(ROOT))
    from extractors.pipeline import load_nlp

    datasets = load_datasets(args.shared, args.dataset, args.limit)
    for ds in datasets:
        for problem in ds.problems:
            print(f"warning: {problem}", file=sys.stderr)
    nlp = load_nlp(learned={"default": None, "on": True, "off": False}[args.learned])
    if ENTITY_SPAN_KEY not in nlp.pipe_names:
        print(f"warning: the pipeline has no '{ENTITY_SPAN_KEY}' component yet: every score will be 0",
              file=sys.stderr)
    results = [evaluate(nlp, ds) for ds in datasets]
    try:
        if args.json:
            print(json.dumps({"results": results}, indent=None))
        else:
            print("\n\n".join("\n".join(format_result(result)) for result in results))
        sys.stdout.flush()
    except BrokenPipeError:  # `... | head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
