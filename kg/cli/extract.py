"""``kg extract`` (papers -> gold-format entity records) and ``kg eval`` (scores against gold)."""

from __future__ import annotations

import contextlib
import json
import sys

import click

from kg.cli.options import extractor_option, min_confidence_option
from schema.errors import Diagnostics


def read_inputs(inputs, diag: Diagnostics, fmt=None):
    """Papers from INPUTS through :mod:`kg.sources`, as ``kg build`` reads them."""
    from kg.sources import read_papers

    return read_papers(inputs, fmt=fmt, diag=diag)


def _extract_records(papers, workers: int, extractor: str | None = None, min_confidence: float = 0.0):
    from extractors.pipeline import extract_papers
    from kg.sources.records import RECORD_ID

    for ext in extract_papers(papers, n_process=workers, extractor=extractor):
        record = ext.confident(min_confidence).to_gold()
        record["id"] = ext.paper.ids.get(RECORD_ID, ext.paper.id)  # ids taken from the input
        yield record


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", "--to", "output", default="-", show_default=True,
    help="Output JSON Lines file (- = stdout). (-o names the graph store in the other commands.)"
)
@click.option("--format", "fmt", default=None, help="Force the input format (jsonl, dailypapers, csv, ...).")
@click.option("--workers", type=int, default=1, show_default=True, help="spaCy processes.")
@min_confidence_option
@extractor_option
def extract(inputs, output, fmt, workers, min_confidence, extractor):
    """Extract entities and roles from INPUTS into gold-format JSON Lines."""
    diag = Diagnostics()
    records = _extract_records(read_inputs(inputs, diag, fmt), workers, extractor, min_confidence)
    with contextlib.ExitStack() as stack:
        out = sys.stdout if output == "-" else stack.enter_context(open(output, "w", encoding="utf-8"))
        n = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    click.echo(f"extracted {n} papers" + ("" if output == "-" else f" into {output}"), err=True)
    if n == 0:
        click.echo("error: no usable paper in the input: see the warnings above", err=True)
        sys.exit(2)


def _gold_and_pred(gold, split, pred, extractor=None, min_confidence=0.0):
    """The gold records (a file, or a split of the team annotations) and the predictions."""
    from extractors.evaluate import DEV_GOLD, gold_papers, load_annotations, read_records

    if split:
        gold_records = load_annotations(split)
    else:
        gold_records = read_records(gold or str(DEV_GOLD), "gold")
    if pred:
        return gold_records, read_records(pred, "prediction")
    if split:
        return gold_records, list(_extract_records(gold_papers(gold_records), 1, extractor, min_confidence))
    diag = Diagnostics()
    papers = read_inputs([gold or str(DEV_GOLD)], diag, "jsonl")
    return gold_records, list(_extract_records(papers, 1, extractor, min_confidence))


@click.command("eval")
@click.option(
    "--gold", default=None, type=click.Path(dir_okay=False), help="Gold JSON Lines file [default: ../shared/gold/dev.jsonl]."
)
@click.option(
    "--split",
    type=click.Choice(["train", "heldout"]),
    default=None,
    help="Score a split of the team annotations (extractors/training) instead of a gold file.",
)
@click.option(
    "--pred",
    default=None,
    type=click.Path(dir_okay=False),
    help="Predicted JSON Lines (from kg extract); extracted from the gold papers when omitted.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors", "show_errors", is_flag=True, help="Also list missed and spurious entities per paper."
)
@click.option("--agreement", is_flag=True, help="Print the agreement of the doubly annotated abstracts and stop.")
@min_confidence_option
@extractor_option
def evaluate(gold, split, pred, as_json, show_errors, agreement, min_confidence, extractor):
    """Entity P/R/F1 (untyped, typed, per type) and role F1 against the dev set, a gold file or a split."""
    from extractors.evaluate import agreement as annotator_agreement
    from extractors.evaluate import errors, format_scores, score

    if gold and split:
        raise click.UsageError("give --gold or --split, not both")
    if pred and min_confidence:
        raise click.UsageError("--min-confidence applies to what kg eval extracts: give it to kg extract with --pred")
    if agreement:
        scores = annotator_agreement()
        click.echo(json.dumps(scores.to_dict(), indent=2) if as_json else format_scores(scores))
        return
    gold_records, pred_records = _gold_and_pred(gold, split, pred, extractor, min_confidence)
    scores = score(gold_records, pred_records)
    if as_json:
        click.echo(json.dumps(scores.to_dict(), indent=2))
    else:
        click.echo(format_scores(scores))
    if show_errors:
        for e in errors(gold_records, pred_records):
            click.echo(f"\n## {e['id']}")
            click.echo("  missed:   " + "; ".join(e["missed"]))
            click.echo("  spurious: " + "; ".join(e["spurious"]))
            for w in e["wrong_roles"]:
                click.echo("  roles:    " + w)


commands = [extract, evaluate]
