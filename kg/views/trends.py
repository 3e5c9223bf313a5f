"""Trends over time: how often entities are named, month by month.

Every function takes the graph ``G`` and returns a pandas DataFrame. A mention is one
(paper, entity) pair joined by any role edge; its month is the paper's date. Papers
without a usable month are left out and counted by :func:`date_coverage`: no date,
a year only ("2024"), or no year ("--01-15", from pages that did not print one).
With ``by_upvotes=True`` a mention weighs the paper's upvotes (0 when unknown)
instead of 1.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from schema import ENTITY_LABELS, ROLE_TYPES, NodeLabel
from schema.errors import KGError

logger = logging.getLogger(__name__)

_ROLES = {r.value for r in ROLE_TYPES}
_ENTITY_LABELS = {lab.value for lab in ENTITY_LABELS}
PAPER = NodeLabel.PAPER.value


def paper_month(date: str | None) -> str | None:
    """``YYYY-MM`` of an ISO date, None without year or month.

    Example:
        >>> paper_month("2024-03-22"), paper_month("2024"), paper_month("--01-15")
        ('2024-03', None, None)
    """
    if not date or date.startswith("--") or len(date) < 7:
        return None
    return date[:7]


def paper_months(G: nx.MultiDiGraph) -> dict[str, str]:
    """The month (``YYYY-MM``) of every non-stub paper dated to the month.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("p", label="Paper", date="2024-03-02"); G.add_node("q", label="Paper", date="2024")
        >>> paper_months(G)
        {'p': '2024-03'}
    """
    months = {}
    for node, data in G.nodes(data=True):
        if data.get("label") == PAPER and not data.get("stub"):
            month = paper_month(data.get("date"))
            if month is not None:
                months[node] = month
    return months


def date_coverage(G: nx.MultiDiGraph) -> dict[str, int]:
    """How many (non-stub) papers have a month, and why the others are excluded.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("p", label="Paper", date="--01-15")
        >>> date_coverage(G)["no_year"]
        1
    """
    out = {"papers": 0, "with_month": 0, "no_year": 0, "year_only": 0, "no_date": 0}
    for _, data in G.nodes(data=True):
        if data.get("label") != PAPER or data.get("stub"):
            continue
        out["papers"] += 1
        date = data.get("date")
        if not date:
            out["no_date"] += 1
        elif date.startswith("--"):
            out["no_year"] += 1
        elif len(date) < 7:
            out["year_only"] += 1
        else:
            out["with_month"] += 1
    out["excluded"] = out["papers"] - out["with_month"]
    return out


def mentions(G: nx.MultiDiGraph, label: str | None = None, by_upvotes: bool = False):
    """One row per (paper, entity) mention with a month.

    Columns: ``month``, ``paper``, ``entity`` (node id), ``name``, ``label``, ``weight``.

    Example:
        >>> mentions(nx.MultiDiGraph()).columns.tolist()
        ['month', 'paper', 'entity', 'name', 'label', 'weight']
    """
    import pandas as pd

    months = paper_months(G)
    rows = []
    seen: set[tuple[str, str]] = set()
    for u, v, key in G.edges(keys=True):
        if key not in _ROLES or (u, v) in seen or u not in months:
            continue
        ent = G.nodes[v]
        if ent.get("label") not in _ENTITY_LABELS or (label is not None and ent["label"] != label):
            continue
        seen.add((u, v))
        weight = (G.nodes[u].get("upvotes") or 0) if by_upvotes else 1
        rows.append((months[u], u, v, ent.get("name", v), ent["label"], weight))
    return pd.DataFrame(rows, columns=["month", "paper", "entity", "name", "label", "weight"])


def counts_by_month(G: nx.MultiDiGraph, labels: Iterable[NodeLabel | str] = ENTITY_LABELS):
    """Papers per month and the distinct entities of each label they name.

    Papers dated to the month (``YYYY-MM`` or ``YYYY-MM-DD``) count; stubs, year-only and
    year-less dates (``--MM-DD``) do not. Columns: ``month``, ``papers``, then one per label
    (entity labels: what role edges reach).

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("p", label="Paper", name="P", date="2024-03-02"); G.add_node("m", label="Method", name="M")
        >>> _ = G.add_edge("p", "m", key="USES")
        >>> counts_by_month(G, ["Method"]).values.tolist()
        [['2024-03', 1, 1]]
    """
    import pandas as pd

    wanted = [NodeLabel(lab).value for lab in labels]
    papers = Counter(paper_months(G).values())
    seen = mentions(G).groupby(["month", "label"])["entity"].nunique().to_dict()
    rows = [{"month": m, "papers": papers[m], **{lab: int(seen.get((m, lab), 0)) for lab in wanted}}
            for m in sorted(papers)]
    return pd.DataFrame(rows, columns=["month", "papers", *wanted])


def counts_by_label(G: nx.MultiDiGraph, by_upvotes: bool = False):
    """Mentions per month (rows) and entity label (columns), plus ``papers`` with a month.

    Example:
        >>> counts_by_label(nx.MultiDiGraph()).empty
        True
    """
    import pandas as pd

    df = mentions(G, by_upvotes=by_upvotes)
    if df.empty:
        return pd.DataFrame()
    table = df.pivot_table(index="month", columns="label", values="weight", aggfunc="sum", fill_value=0)
    table["papers"] = df.groupby("month")["paper"].nunique()
    return table.sort_index()


def counts_by_entity(G: nx.MultiDiGraph, label: str | None = None, top: int | None = 10, by_upvotes: bool = False):
    """Mentions per month (rows) of the ``top`` entities by total (columns, named).

    Example:
        >>> counts_by_entity(nx.MultiDiGraph()).empty
        True
    """
    import pandas as pd

    df = mentions(G, label=label, by_upvotes=by_upvotes)
    if df.empty:
        return pd.DataFrame()
    totals = df.groupby("entity")["weight"].sum().sort_values(ascending=False, kind="stable")
    keep = totals.index[:top] if top else totals.index
    df = df[df["entity"].isin(keep)]
    table = df.pivot_table(index="month", columns="entity", values="weight", aggfunc="sum", fill_value=0)
    table = table[[e for e in keep if e in table.columns]]
    names = dict(zip(df["entity"], df["name"], strict=True))
    table.columns = [names[e] for e in table.columns]
    return table.sort_index()


def new_entities(G: nx.MultiDiGraph, label: str | None = None, since: str | None = None):
    """Entities by the month they first appear, newest first.

    Columns: ``entity``, ``name``, ``label``, ``first_month``, ``papers_first_month``, ``papers``.
    ``since`` (``YYYY-MM``) keeps entities first seen in or after that month.

    Example:
        >>> new_entities(nx.MultiDiGraph()).empty
        True
    """
    import pandas as pd

    df = mentions(G, label=label)
    cols = ["entity", "name", "label", "first_month", "papers_first_month", "papers"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    first = df.groupby("entity")["month"].min().rename("first_month")
    df = df.join(first, on="entity")
    in_first = df[df["month"] == df["first_month"]].groupby("entity")["paper"].nunique().rename("papers_first_month")
    info = df.groupby("entity").agg(name=("name", "first"), label=("label", "first"), papers=("paper", "nunique"))
    out = info.join(first).join(in_first).reset_index()[cols]
    if since:
        out = out[out["first_month"] >= since]
    out = out.sort_values(["first_month", "papers", "name"], ascending=[False, False, True], kind="stable")
    return out.reset_index(drop=True)


def fastest_growing(
    G: nx.MultiDiGraph, label: str | None = None, window: int = 3, top: int = 10, by_upvotes: bool = False,
    end: str | None = None,
):
    """Entities whose mentions grew most: the last ``window`` months against the ``window`` before.

    ``end`` (``YYYY-MM``) is the last month counted (default: the latest month in ``G``).
    Columns: ``entity``, ``name``, ``label``, ``recent``, ``previous``, ``growth``
    (recent - previous), ``ratio`` ((recent + 1) / (previous + 1)); sorted by growth.

    Example:
        >>> fastest_growing(nx.MultiDiGraph()).empty
        True
    """
    import pandas as pd

    cols = ["entity", "name", "label", "recent", "previous", "growth", "ratio"]
    df = mentions(G, label=label, by_upvotes=by_upvotes)
    if df.empty:
        return pd.DataFrame(columns=cols)
    periods = pd.PeriodIndex(df["month"], freq="M")
    last = pd.Period(end, freq="M") if end else periods.max()
    age = [(last - p).n for p in periods]
    df = df.assign(age=age)
    df = df[(df["age"] >= 0) & (df["age"] < 2 * window)]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df = df.assign(recent=df["weight"].where(df["age"] < window, 0), previous=df["weight"].where(df["age"] >= window, 0))
    out = df.groupby("entity").agg(name=("name", "first"), label=("label", "first"),
                                   recent=("recent", "sum"), previous=("previous", "sum")).reset_index()
    out["growth"] = out["recent"] - out["previous"]
    out["ratio"] = (out["recent"] + 1) / (out["previous"] + 1)
    out = out[out["growth"] > 0]
    out = out.sort_values(["growth", "ratio", "name"], ascending=[False, False, True], kind="stable")
    return out[cols].head(top).reset_index(drop=True)


def report(G: nx.MultiDiGraph, *, label: str | None = None, top: int = 10, window: int = 3,
           by_upvotes: bool = False) -> str:
    """The text ``kg trends`` prints: date coverage, mentions by month and type, the newest
    and the fastest-growing entities (of ``label``, default all).

    Example:
        >>> report(nx.MultiDiGraph()).splitlines()[0]
        'papers with a month: 0 of 0; excluded 0 (0 without year, 0 with a year only, 0 undated)'
    """
    import pandas as pd

    def table(frame, **kwargs) -> str:
        return frame.to_string(**kwargs) if not frame.empty else "  (none)"

    cov = date_coverage(G)
    what = label or "entities"
    by_label = counts_by_label(G, by_upvotes=by_upvotes)
    new = new_entities(G, label=label).head(top)
    grow = fastest_growing(G, label=label, window=window, top=top, by_upvotes=by_upvotes)
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_colwidth", 40):
        return "\n".join([
            (f"papers with a month: {cov['with_month']} of {cov['papers']}; excluded {cov['excluded']} "
             f"({cov['no_year']} without year, {cov['year_only']} with a year only, {cov['no_date']} undated)"),
            "\nmentions by month and type" + (" (weighted by upvotes)" if by_upvotes else ""),
            table(by_label),
            f"\nnewest {what} (first month seen)",
            table(new.drop(columns=["entity"]), index=False),
            f"\nfastest-growing {what} (last {window} months against the {window} before)",
            table(grow.drop(columns=["entity"]), index=False),
        ])


def _monthly_axis(table):
    """``table`` indexed by every month from its first to its last (zeros filled), as timestamps."""
    import pandas as pd

    periods = pd.PeriodIndex(table.index, freq="M")
    full = pd.period_range(periods.min(), periods.max(), freq="M")
    table = table.set_axis(periods).reindex(full, fill_value=0)
    return table.set_axis(full.to_timestamp())


def plot_trends(G: nx.MultiDiGraph, path: str | Path, label: str | None = None, top: int = 8,
                by_upvotes: bool = False) -> Path:
    """Write a PNG: mentions per month by label (top) and of the ``top`` entities (bottom).

    Months without mentions count as 0; the x axis is a time axis.

    Example:
        >>> plot_trends(G, "trends.png", label="Method")  # doctest: +SKIP
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    path = Path(path)
    by_label = counts_by_label(G, by_upvotes=by_upvotes)
    by_entity = counts_by_entity(G, label=label, top=top, by_upvotes=by_upvotes)
    unit = "upvote-weighted mentions" if by_upvotes else "mentions (papers naming them)"
    fig, axes = plt.subplots(2, 1, figsize=(11, 8))
    if by_label.empty:
        for ax in axes:
            ax.text(0.5, 0.5, "no dated mentions", ha="center", va="center", transform=ax.transAxes)
    else:
        labels = [c for c in by_label.columns if c != "papers"]
        _monthly_axis(by_label[labels]).plot(ax=axes[0], marker=".", linewidth=1.2)
        axes[0].set_title("Entities named per month, by type")
        if not by_entity.empty:
            _monthly_axis(by_entity).plot(ax=axes[1], marker=".", linewidth=1.2)
            axes[1].legend(fontsize=8, ncol=2)
        axes[1].set_title(f"The {len(by_entity.columns)} most named {label + ' entities' if label else 'entities'}, per month")
        for ax in axes:
            ax.set_xlabel("month")
            ax.set_ylabel(unit)
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.grid(alpha=0.3)
    fig.tight_layout()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=110)
    except OSError as err:
        raise KGError(f"cannot write the chart to {path} ({err.strerror or err}): choose another --png path") from err
    finally:
        plt.close(fig)
    logger.info("wrote %s", path)
    return path
