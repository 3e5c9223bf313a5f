"""``kg leaderboard`` and ``kg trends``: reported results and entities over time."""
from __future__ import annotations

import click

from kg.cli.options import out_option
from schema import ENTITY_LABELS



def leaderboard_rows(G, benchmark: str, metric: str | None = None, ascending: bool = False) -> list[dict]:
    """Results reported on ``benchmark`` (name or alias, matched normalized), highest first.

    ``ascending=True`` puts the lowest value first (perplexity, error rates).

    Example:
        >>> leaderboard_rows(G, "AlpacaEval 2.0")[0]["value"]  # doctest: +SKIP
        29.44
    """
    from schema.names import name_key
    from schema import NodeLabel, RelType

    want = name_key(benchmark)
    want_metric = name_key(metric) if metric else None
    rows = []
    for node_id, data in G.nodes(data=True):
        if data.get("label") != NodeLabel.RESULT.value:
            continue
        names = {name_key(data.get("benchmark") or "")}
        for _, target, key in G.out_edges(node_id, keys=True):
            if key == RelType.ON_BENCHMARK.value:
                bench = G.nodes[target]
                names.update(name_key(n) for n in [bench.get("name", ""), *bench.get("aliases", [])])
        if want not in names:
            continue
        if want_metric and name_key(data.get("metric") or "") != want_metric:
            continue
        paper_id = data.get("paper_id")
        title = G.nodes[paper_id].get("title", "") if paper_id in G else ""
        rows.append({
            "value": data.get("value"), "unit": data.get("unit") or "", "metric": data.get("metric") or "",
            "model": data.get("subject") or "", "paper": title, "paper_id": paper_id,
            "evidence": data.get("sentence") or "",
        })
    sign = 1.0 if ascending else -1.0
    rows.sort(key=lambda r: (sign * (r["value"] or 0.0), r["paper"]))
    return rows


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


@click.command()
@click.argument("benchmark")
@out_option
@click.option("--metric", default=None, help="Keep only results with this metric (e.g. accuracy).")
@click.option("--ascending", is_flag=True, help="Lowest value first (for perplexity, error rates...).")
@click.option("--full", is_flag=True, help="Do not shorten titles and evidence sentences.")
def leaderboard(benchmark, out, metric, ascending, full):
    """Results reported on BENCHMARK, highest value first, with their evidence."""
    from kg.out import load_graph

    G = load_graph(out)
    rows = leaderboard_rows(G, benchmark, metric, ascending=ascending)
    if not rows:
        click.echo(f"no result on {benchmark!r}" + (f" with metric {metric!r}" if metric else "")
                   + ": see 'kg stats' for the number of Result nodes", err=True)
        return
    clip = (lambda t, w: " ".join(str(t).split())) if full else _clip
    click.echo(f"{'value':>9} {'unit':<6} {'metric':<20} {'model':<24} {'paper':<40} evidence")
    for r in rows:
        click.echo(f"{r['value']:>9g} {r['unit']:<6} {clip(r['metric'], 20):<20} {clip(r['model'], 24):<24} "
                   f"{clip(r['paper'], 40):<40} {clip(r['evidence'], 100)}")


@click.command()
@out_option
@click.option("--label", type=click.Choice([lab.value for lab in ENTITY_LABELS]), default=None,
              help="Only entities of this type.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows per table.")
@click.option("--window", type=click.IntRange(min=1), default=3, show_default=True,
              help="Months compared for growth: the last WINDOW against the WINDOW before.")
@click.option("--by-upvotes", is_flag=True, help="Weigh each mention by the paper's upvotes.")
@click.option("--png", type=click.Path(dir_okay=False), default=None, help="Also write a chart to this PNG file.")
def trends(out, label, top, window, by_upvotes, png):
    """Entities over time: mentions by month, newly appearing and fastest-growing entities."""
    import pandas as pd

    from kg.views import trends as tr
    from kg.out import load_graph

    G = load_graph(out)
    cov = tr.date_coverage(G)
    click.echo(
        f"papers with a month: {cov['with_month']} of {cov['papers']}; excluded {cov['excluded']} "
        f"({cov['no_year']} without year, {cov['year_only']} with a year only, {cov['no_date']} undated)"
    )
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_colwidth", 40):
        by_label = tr.counts_by_label(G, by_upvotes=by_upvotes)
        click.echo("\nmentions by month and type" + (" (weighted by upvotes)" if by_upvotes else ""))
        click.echo(by_label.to_string() if not by_label.empty else "  (none)")
        new = tr.new_entities(G, label=label).head(top)
        click.echo(f"\nnewest {label or 'entities'} (first month seen)")
        click.echo(new.drop(columns=["entity"]).to_string(index=False) if not new.empty else "  (none)")
        grow = tr.fastest_growing(G, label=label, window=window, top=top, by_upvotes=by_upvotes)
        click.echo(f"\nfastest-growing {label or 'entities'} (last {window} months against the {window} before)")
        click.echo(grow.drop(columns=["entity"]).to_string(index=False) if not grow.empty else "  (none)")
    if png:
        path = tr.plot_trends(G, png, label=label, top=min(top, 10), by_upvotes=by_upvotes)
        click.echo(f"\nchart written to {path}", err=True)


commands = [leaderboard, trends]
