"""``kg extract`` (papers -> gold-format entity records) and ``kg eval`` (scores against gold)."""

from __future__ import annotations

import contextlib
import gzip
import json
import sys
from pathlib import Path

import click

from kg.errors import Diagnostics, InputError


def _open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))


def read_jsonl_papers(path: Path, diag: Diagnostics):
    """Papers of a JSON Lines file whose records have ``title`` and ``abstract``; ids kept from ``id``.

    A record without an ``id`` gets ``<file stem>:<line>``; bad lines are reported and skipped.

    Example:
        >>> # {"id": "p1", "title": "T", "abstract": "A"} -> Paper(id="p1", ...)
    """
    from schema import Paper
    from schema.records import SchemaError

    try:
        fh = _open_text(path)
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}: check the path") from err
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                diag.warn(
                    str(path),
                    lineno,
                    f"not valid JSON ({err.msg}): fix or remove the line",
                    reason="bad json",
                )
                continue
            if not isinstance(record, dict):
                diag.warn(str(path), lineno, "expected a JSON object per line", reason="bad record")
                continue
            title = str(record.get("title") or "").strip()
            abstract = str(record.get("abstract") or record.get("summary") or "").strip()
            if not abstract:
                diag.warn(
                    str(path), lineno, "no abstract: expected an 'abstract' field", reason="no abstract"
                )
                continue
            pid = str(record.get("id") or f"{path.stem}:{lineno}")
            try:
                yield Paper(
                    id=pid, title=title or abstract[:80], abstract=abstract, sources=[f"{path}:{lineno}"]
                )
            except SchemaError as err:
                diag.warn(str(path), lineno, f"{err}", reason="bad record")


def _has_ids(path: Path) -> bool:
    """Whether the first record of a JSON Lines file has an ``id`` (then ids are kept as given)."""
    try:
        with _open_text(path) as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "id" in record
    except (OSError, ValueError):
        return False
    return False


def read_inputs(inputs, diag: Diagnostics, fmt=None):
    """Papers from INPUTS: JSON Lines read here (ids kept), other formats through :mod:`kg.readers`."""
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            diag.warn(raw, None, "no such file: check the path", reason="missing file")
            continue
        if fmt in (None, "jsonl") and _is_jsonl(path) and _has_ids(path):
            yield from read_jsonl_papers(path, diag)  # keep the records' own ids (gold files)
        else:
            from kg.readers import read_papers

            yield from read_papers([raw], fmt=fmt, diag=diag)


def _extract_records(papers, workers: int):
    from extractors.pipeline import extract_papers

    for ext in extract_papers(papers, n_process=workers):
        yield ext.to_gold()


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", "output", default="-", show_default=True, help="Output JSON Lines file (- = stdout)."
)
@click.option("--format", "fmt", default=None, help="Force the input format (jsonl, dailypapers, csv, ...).")
@click.option("--workers", type=int, default=1, show_default=True, help="spaCy processes.")
def extract(inputs, output, fmt, workers):
    """Extract entities and roles from INPUTS into gold-format JSON Lines."""
    diag = Diagnostics()
    records = _extract_records(read_inputs(inputs, diag, fmt), workers)
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


def _read_records(path: str, what: str) -> list[dict]:
    p = Path(path)
    try:
        fh = _open_text(p)
    except OSError as err:
        raise InputError(f"cannot read the {what} file {path}: {err.strerror}") from err
    records = []
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{lineno}: not valid JSON ({err.msg}): fix the {what} file") from err
            if not isinstance(record, dict) or "id" not in record:
                raise InputError(f"{path}:{lineno}: expected an object with an 'id' (gold record format)")
            records.append(record)
    return records


@click.command("eval")
@click.option("--gold", required=True, type=click.Path(dir_okay=False), help="Gold JSON Lines file.")
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
def evaluate(gold, pred, as_json, show_errors):
    """Entity P/R/F1 (untyped, typed, per type) and role F1 against GOLD."""
    from kg.evaluate import errors, format_scores, score

    gold_records = _read_records(gold, "gold")
    if pred:
        pred_records = _read_records(pred, "prediction")
    else:
        diag = Diagnostics()
        pred_records = list(_extract_records(read_jsonl_papers(Path(gold), diag), 1))
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
