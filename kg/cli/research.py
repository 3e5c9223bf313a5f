"""``kg leaderboard`` and ``kg trends``: reported results and entities over time."""
from __future__ import annotations

import click

from kg.cli.options import out_option
from schema import ENTITY_LABELS


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


@click.command()
@click.argument("benchmark")
@out_option
@click.option("--metric", default=None, help="Keep only results with this metric (e.g. accuracy).")
@click.option("--ascending/--descending", default=None,
              help="Lowest value first, or highest (default: lowest first for errors, perplexity, FID...).")
@click.option("--full", is_flag=True, help="Do not shorten titles and evidence sentences.")
def leaderboard(benchmark, out, metric, ascending, full):
    """Results reported on BENCHMARK, highest value first, with their evidence."""
    from kg.out import load_graph
    from kg.views.analytics import leaderboard as results_on

    board = results_on(load_graph(out), benchmark, metric, ascending=ascending)
    rows = board.to_dict("records")
    others = ", ".join(f"{m} ({n})" for m, n in board.attrs["other_metrics"].items())
    if not rows:
        click.echo(f"no result on {benchmark!r}" + (f" with metric {metric!r}" if metric else "")
                   + (f"; reported metrics: {others}" if others else "")
                   + ": see 'kg stats' for the number of Result nodes", err=True)
        return
    order = "lowest" if board.attrs["ascending"] else "highest"
    click.echo(f"{benchmark}, ranked by {board.attrs['metric']} ({order} first)"
               + (f"; also reported: {others} (use --metric)" if others else ""), err=True)
    clip = (lambda t, w: " ".join(str(t).split())) if full else _clip
    click.echo(f"{'value':>9} {'unit':<6} {'metric':<20} {'model':<24} {'paper':<40} evidence")
    for r in rows:
        click.echo(f"{r['value']:>9g} {r['unit']:<6} {clip(r['metric'], 20):<20} {clip(r['model'], 24):<24} "
                   f"{clip(r['paper'], 40):<40} {clip(r['evidence'], 100)}")


@click.command()
@out_option
@click.option("--label", type=click.Choice([lab.value for lab in ENTITY_LABELS], case_sensitive=False), default=None,
              help="Only entities of this type (any case).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows per table.")
@click.option("--window", type=click.IntRange(min=1), default=3, show_default=True,
              help="Months compared for growth: the last WINDOW against the WINDOW before.")
@click.option("--by-upvotes", is_flag=True, help="Weigh each mention by the paper's upvotes.")
@click.option("--period", type=click.Choice(["auto", "month", "year"]), default="auto", show_default=True,
              help="auto: by month when most dated papers have one, else by year.")
@click.option("--png", type=click.Path(dir_okay=False), default=None,
              help="Also write a chart (one small panel per entity: share of papers) to this PNG file.")
def trends(out, label, top, window, by_upvotes, period, png):
    """Entities over time: share of papers by month or year, newest, fastest-growing and emerging entities."""
    from kg.out import load_graph
    from kg.views import trends as tr
    from schema import NodeLabel

    G = load_graph(out)
    label = NodeLabel(next(lab.value for lab in NodeLabel if lab.value.lower() == label.lower())).value if label else None
    period = None if period == "auto" else period
    click.echo(tr.report(G, label=label, top=top, window=window, by_upvotes=by_upvotes, period=period))
    if png:
        path = tr.plot_trends(G, png, label=label, top=min(top, 12), by_upvotes=by_upvotes, period=period)
        click.echo(f"\nchart written to {path}", err=True)


commands = [leaderboard, trends]
