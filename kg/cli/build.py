"""``kg build INPUTS -o OUT``: read, extract, resolve and save the graph (:func:`kg.pipeline.build`)."""
from __future__ import annotations

import click

from kg.cli.options import (
    extractor_option, finish, min_confidence_option, out_option, reader_kwargs, reader_options,
)
from schema.errors import Diagnostics


@click.command()
@reader_options
@out_option
@click.option("--workers", type=int, default=None, help="spaCy processes (default: 2 for large inputs).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--infer-citations", is_flag=True,
              help="Also link a paper to the proposer of an entity it names (INFERRED_CITES, left out of default views).")
@click.option("--curation", type=click.Path(dir_okay=False), default=None,
              help="CSV or YAML file of curator decisions (same/different) applied to entity resolution.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the extraction on a Dask cluster: a scheduler address, or local:N for N local worker processes.")
@min_confidence_option
@extractor_option
def build(inputs, fmt, year, title_field, abstract_field, strict, out, workers, quiet, infer_citations, curation,
          scheduler, min_confidence, extractor):
    """Read INPUTS, extract, resolve and save the graph in OUT."""
    from kg.pipeline import build as run_build

    if scheduler:
        from extractors.distributed import parse_scheduler

        parse_scheduler(scheduler)  # a bad value is refused even when nothing is left to extract
    diag = Diagnostics()
    summary = run_build(inputs, out, fmt=fmt, year=year, diag=diag, n_process=workers, progress=not quiet,
                        reader_options=reader_kwargs(title_field, abstract_field), infer_citations=infer_citations,
                        curation=curation, scheduler=scheduler, extractor=extractor,
                        min_confidence=min_confidence)
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.saved:
        click.echo(f"graph saved in {out}", err=True)
    finish(diag, summary.papers_read, strict)


commands = [build]
