"""``kg audit -o OUT --to FOLDER``: what a curator should look at first (:mod:`kg.views.audit`)."""
from __future__ import annotations

import click

from kg.cli.options import out_option


@click.command()
@out_option
@click.option("--to", "folder", default=None, help="Folder for the audit files (default: OUT/audit).")
def audit(out: str, folder: str | None) -> None:
    """List acronyms with several meanings, most-merged nodes, names shared by several nodes and possible twins."""
    from pathlib import Path

    from kg.out import load_graph, read_merge_log
    from kg.views.audit import write_audit

    target = Path(folder) if folder else Path(out) / "audit"
    counts = write_audit(load_graph(out), read_merge_log(out), target)
    for name, n in counts.items():
        click.echo(f"{name.replace('_', ' ')}: {n}")
    click.echo(f"written to {target}")


commands = [audit]
