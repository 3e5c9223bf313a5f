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
    return _paper_keys(G, paper_month)


def _paper_keys(G: nx.MultiDiGraph, key_of) -> dict[str, str]:
    """``key_of(date)`` of every non-stub paper for which it is not None."""
    out = {}
    for node, data in G.nodes(data=True):
        if data.get("label") == PAPER and not data.get("stub"):
            key = key_of(data.get("date"))
            if key is not None:
                out[node] = key
    return out


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


PERIODS = ("month", "year")


def paper_year(date: str | None) -> str | None:
    """``YYYY`` of an ISO date, None without a year.

    Example:
        >>> paper_year("2024-03-22"), paper_year("2024"), paper_year("--01-15")
        ('2024', '2024', None)
    """
    if not date or date.startswith("--") or len(date) < 4 or not date[:4].isdigit():
        return None
    return date[:4]


def paper_periods(G: nx.MultiDiGraph, period: str) -> dict[str, str]:
    """The ``period`` (``month``: ``YYYY-MM``, ``year``: ``YYYY``) of every non-stub paper that has one."""
    return _paper_keys(G, paper_month if period == "month" else paper_year)


def choose_period(G: nx.MultiDiGraph) -> str:
    """``month`` when at least half the papers with a year also have a month, else ``year``.

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("p", label="Paper", date="2021")
        >>> choose_period(G)
        'year'
    """
    cov = date_coverage(G)
    with_year = cov["with_month"] + cov["year_only"]
    return "month" if with_year and cov["with_month"] * 2 >= with_year else "year"


def _period_mentions(G: nx.MultiDiGraph, period: str, label: str | None):
    """One row per (paper, entity) mention: ``period``, ``paper``, ``entity``, ``name``."""
    import pandas as pd

    when = paper_periods(G, period)
    rows, seen = [], set()
    for u, v, key in G.edges(keys=True):
        if key not in _ROLES or (u, v) in seen or u not in when:
            continue
        ent = G.nodes[v]
        if ent.get("label") not in _ENTITY_LABELS or (label is not None and ent["label"] != label):
            continue
        seen.add((u, v))
        rows.append((when[u], u, v, ent.get("name", v)))
    return pd.DataFrame(rows, columns=["period", "paper", "entity", "name"]), Counter(when.values())


def shares(G: nx.MultiDiGraph, label: str | None = None, top: int | None = 10, period: str | None = None):
    """Share of each period's papers naming each of the ``top`` entities (rows: periods, columns: names).

    ``period`` is ``month`` or ``year`` (default: :func:`choose_period`). Counting shares
    rather than papers keeps a busy year from looking like a trend.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> for p, y in [("p", "2021"), ("q", "2022"), ("r", "2022")]:
        ...     G.add_node(p, label="Paper", date=y)
        >>> G.add_node("m", label="Method", name="M")
        >>> _ = G.add_edge("q", "m", key="USES")
        >>> shares(G).to_dict()
        {'M': {'2021': 0.0, '2022': 0.5}}
    """
    import pandas as pd

    period = period or choose_period(G)
    df, papers = _period_mentions(G, period, label)
    if df.empty:
        return pd.DataFrame()
    totals = df.groupby("entity")["paper"].nunique().sort_values(ascending=False, kind="stable")
    keep = list(totals.index[:top] if top else totals.index)
    counts = df[df["entity"].isin(keep)].pivot_table(index="period", columns="entity", values="paper",
                                                      aggfunc="nunique", fill_value=0)
    counts = counts.reindex(sorted(papers), fill_value=0)[[e for e in keep if e in counts.columns]]
    table = counts.div(pd.Series(papers).reindex(counts.index), axis=0).astype(float)
    names = dict(zip(df["entity"], df["name"]))
    table.columns = [str(names[e]) for e in table.columns]
    table.index.name = period
    return table.round(4)


def emerging(G: nx.MultiDiGraph, label: str | None = None, top: int = 10, recent: int | None = None,
             period: str | None = None, min_papers: int = 3):
    """Entities whose share of papers grew fastest: the last ``recent`` periods against all before.

    A burst score in the manner of CiteSpace's burst detection, kept simple:
    ``burst = recent_share - earlier_share`` (shares of the papers of those periods), with
    ``ratio = (recent_share + e) / (earlier_share + e)`` (``e`` = one paper's share) and
    ``first`` (the first period seen). ``recent`` defaults to 2 years or 3 months;
    entities in fewer than ``min_papers`` papers are left out. Sorted by burst.

    Example:
        >>> emerging(nx.MultiDiGraph()).empty
        True
    """
    import pandas as pd

    cols = ["name", "first", "papers", "recent_share", "earlier_share", "burst", "ratio"]
    period = period or choose_period(G)
    recent = recent or (2 if period == "year" else 3)
    df, papers = _period_mentions(G, period, label)
    order = sorted(papers)
    if df.empty or len(order) <= recent:
        return pd.DataFrame(columns=cols)
    late = set(order[-recent:])
    n_late = sum(papers[p] for p in late)
    n_early = sum(papers[p] for p in order if p not in late)
    df = df.assign(late=df["period"].isin(late))
    out = df.groupby("entity").agg(name=("name", "first"), first=("period", "min"), papers=("paper", "nunique"),
                                   recent=("late", "sum"), total=("late", "size")).reset_index()
    out = out[out["papers"] >= min_papers]
    out["recent_share"] = out["recent"] / max(n_late, 1)
    out["earlier_share"] = (out["total"] - out["recent"]) / max(n_early, 1)
    out["burst"] = out["recent_share"] - out["earlier_share"]
    eps = 1.0 / max(n_late + n_early, 1)
    out["ratio"] = (out["recent_share"] + eps) / (out["earlier_share"] + eps)
    out = out[out["burst"] > 0].sort_values(["burst", "ratio", "name"], ascending=[False, False, True], kind="stable")
    return out[cols].head(top).round({"recent_share": 4, "earlier_share": 4, "burst": 4, "ratio": 2}).reset_index(drop=True)


def report(G: nx.MultiDiGraph, *, label: str | None = None, top: int = 10, window: int = 3,
           by_upvotes: bool = False, period: str | None = None) -> str:
    """The text ``kg trends`` prints: date coverage, then by month (when most dated papers
    have one) or by year (otherwise, or ``period="year"``): counts, the share of papers
    naming the top entities, and the emerging (fastest-growing) ones, of ``label``.

    Example:
        >>> report(nx.MultiDiGraph()).splitlines()[0]
        'papers with a month: 0 of 0; excluded 0 (0 without year, 0 with a year only, 0 undated)'
    """
    import pandas as pd

    def table(frame, **kwargs) -> str:
        return frame.to_string(**kwargs) if not frame.empty else "  (none)"

    cov = date_coverage(G)
    what = label or "entities"
    period = period or choose_period(G)
    if period not in PERIODS:
        raise KGError(f"unknown period {period!r}: use month or year")
    lines = [(f"papers with a month: {cov['with_month']} of {cov['papers']}; excluded {cov['excluded']} "
              f"({cov['no_year']} without year, {cov['year_only']} with a year only, {cov['no_date']} undated)")]
    burst = emerging(G, label=label, top=top, period=period)
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_colwidth", 40):
        if period == "year":
            years = Counter(paper_periods(G, "year").values())
            lines += [
                f"papers with a year: {sum(years.values())} of {cov['papers']}: trends by year (too few months)",
                "\npapers per year",
                table(pd.DataFrame({"year": sorted(years), "papers": [years[y] for y in sorted(years)]}), index=False),
                f"\nshare of each year's papers naming the {top} most named {what} (rows: years)",
                table((100 * shares(G, label=label, top=top, period="year")).round(1).astype(str) + "%"),
            ]
        else:
            lines += [
                "\nmentions by month and type" + (" (weighted by upvotes)" if by_upvotes else ""),
                table(counts_by_label(G, by_upvotes=by_upvotes)),
                f"\nnewest {what} (first month seen)",
                table(new_entities(G, label=label).head(top).drop(columns=["entity"]), index=False),
                f"\nfastest-growing {what} (last {window} months against the {window} before)",
                table(fastest_growing(G, label=label, window=window, top=top, by_upvotes=by_upvotes)
                      .drop(columns=["entity"]), index=False),
            ]
        lines += [f"\nemerging {what} (share of papers in the last {2 if period == 'year' else 3} {period}s "
                  f"against the {period}s before)", table(burst, index=False)]
    return "\n".join(lines)


def plot_trends(G: nx.MultiDiGraph, path: str | Path, label: str | None = None, top: int = 8,
                by_upvotes: bool = False, period: str | None = None) -> Path:
    """Write a PNG of small multiples: the share of papers naming each of the ``top`` entities
    and of the three most emerging ones (:func:`emerging`, in red), per month or per year
    (:func:`choose_period`), one panel each, titled with its name. ``by_upvotes`` is kept for the
    callers of the month chart and ignored here.

    Example:
        >>> plot_trends(G, "trends.png", label="Method")  # doctest: +SKIP

    Raises:
        KGError: no paper with a date names an entity (nothing to draw), or the file cannot be written.
    """
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    period = period or choose_period(G)
    table = shares(G, label=label, top=None, period=period)
    if table.empty or len(table.index) < 1:
        cov = date_coverage(G)
        raise KGError(
            f"nothing to chart: no dated paper names {'a ' + label if label else 'an entity'} "
            f"({cov['papers'] - cov['no_date'] - cov['no_year']} of {cov['papers']} papers have a year); "
            "give inputs with dates, or --year for dates without one")
    burst = [name for name in emerging(G, label=label, top=3, period=period)["name"] if name in table.columns]
    rising = set(burst)  # the three strongest bursts get a panel even when not among the top
    columns = list(dict.fromkeys(list(table.columns[:top]) + burst))
    table = table.loc[:, ~table.columns.duplicated()][columns]
    x = list(range(len(table.index)))
    cols = min(4, len(table.columns))
    rows = math.ceil(len(table.columns) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(max(3.4 * cols + 0.6, 8.0), max(2.5 * rows + 1.0, 5.0)), sharex=True, sharey=True,
                             squeeze=False)
    peak = float(table.values.max()) or 1.0
    ticks = x if len(x) <= 8 else x[:: max(1, len(x) // 6)]
    for ax, name in zip(axes.flat, table.columns):
        values = table[name].tolist()
        colour = "#d62728" if name in rising else "#3b6fd8"
        ax.fill_between(x, values, color=colour, alpha=0.15)
        ax.plot(x, values, color=colour, marker="o", markersize=3, linewidth=1.6)
        ax.set_title(name[:32] + ("  \u2197 emerging" if name in rising else ""), fontsize=10, color=colour, loc="left")
        ax.set_ylim(0, peak * 1.1)
        ax.grid(alpha=0.3)
        ax.set_xticks(ticks, [str(table.index[i]) for i in ticks], rotation=45 if period == "month" else 0, fontsize=8)
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        ax.tick_params(labelbottom=True)
    for ax in list(axes.flat)[len(table.columns):]:
        ax.set_visible(False)
    what = f"{label} entities" if label else "entities"
    fig.suptitle(f"Share of each {period}'s papers naming the {min(top, len(table.columns))} most named {what}"
                 " and, in red, the 3 most emerging", fontsize=12)
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
