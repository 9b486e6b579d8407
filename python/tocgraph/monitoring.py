"""Monitoring: where each indicator and each result stands as of a date.

The figures are computed in C++ (docs/monitoring.md gives every rule and edge
case) with the GIL released. These functions return result objects with a
``to_dataframe()`` and a notebook display; the TheoryOfChange methods
``progress``, ``rollup`` and ``progress_by`` return those DataFrames:

    import tocgraph
    from tocgraph import monitoring

    toc = tocgraph.load("examples/asean-act/toc.json")
    table = monitoring.progress(toc, as_of="2022-12-31")     # a ProgressTable of IndicatorProgress
    table[0].achievement, table[0].status
    r = monitoring.rollup(toc, as_of="2022-12-31", method="weakest")
    r.node("goal").achievement
    print(r.explain("io_1_3"))
    monitoring.progress_by(toc, "country", as_of="2022-12-31").missing
    tocgraph.plot_indicator(toc, "ind_io11_plans", as_of="2022-12-31")

Dates are ``datetime.date`` or "YYYY-MM-DD" strings; ``as_of=None`` means
today. ``at_risk_below`` and ``off_track_below`` (RollupOptions; defaults in
monitoring/status.hpp) are the fractions of the expected progress below
which a figure is at risk or off track; ValueError unless
0 <= off_track_below <= at_risk_below.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Optional

from . import _core
from ._display import html_table, number, percent, status_label
from ._optional import optional_module, pandas_module
from ._options import documented
from ._registry import attach, core, present
from ._core.monitoring import (
    Breakdown,
    Explanation,
    IndicatorBreakdown,
    IndicatorProgress,
    NodeProgress,
    PeriodProgress,
    ProgressOptions,
    ProgressTable,
    Rollup,
    RollupInput,
    RollupOptions,
    Tolerances,
)

if TYPE_CHECKING:
    import pandas
    from typing_extensions import Unpack

    from ._keywords import RollupKeywords, ToleranceKeywords
    from ._toc import TheoryOfChange
    from ._types import DateLike, ProgressStatusName

__all__ = [
    "Breakdown",
    "Explanation",
    "IndicatorBreakdown",
    "IndicatorProgress",
    "NodeProgress",
    "PeriodProgress",
    "ProgressOptions",
    "ProgressTable",
    "Rollup",
    "RollupInput",
    "RollupOptions",
    "Tolerances",
    "explain",
    "indicator_progress",
    "plot_indicator",
    "progress",
    "progress_by",
    "rollup",
    "status_for",
]


def _day(as_of: Optional[DateLike]) -> DateLike:
    """The as-of date: today when None (the compiled core checks the rest)."""
    return datetime.date.today() if as_of is None else as_of


# ---- the computations ------------------------------------------------------------


def progress(toc: TheoryOfChange, as_of: Optional[DateLike] = None, **options: Unpack[ToleranceKeywords]) -> ProgressTable:
    """The progress of every indicator as of a date (today by default): a ProgressTable."""
    return _core.monitoring.progress(core(toc), ProgressOptions(as_of=_day(as_of), **options))


documented(progress, Tolerances)


def indicator_progress(
    toc: TheoryOfChange,
    indicator: str,
    as_of: Optional[DateLike] = None,
    *,
    filter: Optional[dict[str, str]] = None,
    **options: Unpack[ToleranceKeywords],
) -> IndicatorProgress:
    """The progress of one indicator: the whole of it, or the view ``filter``.

    ``filter={"country": "KH"}`` gives one Member State's progress. KeyError
    for an unknown indicator.
    """
    settings = ProgressOptions(as_of=_day(as_of), **options)
    return _core.monitoring.indicator_progress(core(toc), indicator, settings, filter or {})


documented(indicator_progress, Tolerances)


def rollup(toc: TheoryOfChange, as_of: Optional[DateLike] = None, **options: Unpack[RollupKeywords]) -> Rollup:
    """Progress rolled up through the graph, each node from its indicators and contributors.

    ``method``: "mean", "weighted" (by link strength), "weakest", "strongest"
    or "logic" (each node by its own logic). CycleError if the links form a
    cycle. Nodes without data have no figure and status "no_data"
    ("not_started" or "no_target" when every input has that status).
    """
    return _core.monitoring.rollup(core(toc), RollupOptions(as_of=_day(as_of), **options))


documented(rollup, RollupOptions, skip=("as_of",))


def explain(
    toc: TheoryOfChange, node: str, as_of: Optional[DateLike] = None, **options: Unpack[RollupKeywords]
) -> Explanation:
    """Which indicators and contributors drove a node's rolled-up figure.

    ``print()`` it for a text; ``drivers`` and ``unscored`` list the inputs.
    KeyError for an unknown node.
    """
    return _core.monitoring.explain(core(toc), node, RollupOptions(as_of=_day(as_of), **options))


documented(explain, RollupOptions, skip=("as_of",))


def progress_by(
    toc: TheoryOfChange,
    dimension: str,
    as_of: Optional[DateLike] = None,
    *,
    indicator: Optional[str] = None,
    values: Optional[Iterable[str]] = None,
    **options: Unpack[ToleranceKeywords],
) -> Breakdown:
    """Indicators broken down by ``dimension`` (e.g. "country"): a Breakdown.

    Every indicator with values for that dimension, or only ``indicator``;
    over the values seen in each indicator, or exactly ``values`` (e.g.
    every Member State, so that the ones without data show).
    """
    if isinstance(values, str):
        raise TypeError("values must be a list of dimension values, not a str")
    settings = ProgressOptions(as_of=_day(as_of), **options)
    chosen = None if values is None else list(values)
    return _core.monitoring.progress_by(core(toc), dimension, settings, indicator, chosen)


documented(progress_by, Tolerances)


def status_for(achievement: float, expected: float, **options: Unpack[ToleranceKeywords]) -> ProgressStatusName:
    """The status of an achievement against the progress expected."""
    return _core.monitoring.status_for(achievement, expected, Tolerances(**options))


documented(status_for, Tolerances)


# ---- tables for pandas and notebooks -----------------------------------------------------
_FLOAT_COLUMNS = ("baseline", "target", "actual", "expected_value", "achievement", "expected")


def _frame(records: list[dict[str, Any]], columns: Sequence[str], what: str) -> pandas.DataFrame:
    """A DataFrame of the records; absent figures are NaN even in a column without any."""
    frame: pandas.DataFrame = pandas_module(what).DataFrame.from_records(records, columns=list(columns))
    for column in _FLOAT_COLUMNS:
        if column in frame.columns:
            frame[column] = frame[column].astype("float64")
    return frame


_PROGRESS_COLUMNS = (
    "node", "indicator", "title", "unit", "measure", "accumulation", "aggregation", "ascending",
    "baseline", "baseline_date", "target", "target_date", "actual", "actual_date", "evaluated_at",
    "expected_value", "achievement", "expected", "status", "comment",
)


def _progress_record(p: IndicatorProgress) -> dict[str, Any]:
    record = {column: getattr(p, column) for column in _PROGRESS_COLUMNS}
    record["notes"] = "; ".join(p.notes)
    return record


def _progress_frame(self: ProgressTable) -> pandas.DataFrame:
    """One row per indicator (needs pandas); ``notes`` joined with "; "."""
    records = [_progress_record(p) for p in self]
    return _frame(records, (*_PROGRESS_COLUMNS, "notes"), "ProgressTable.to_dataframe()")


def _progress_html(self: ProgressTable) -> str:
    rows = (
        [p.node, p.indicator, number(p.baseline), number(p.target), number(p.actual),
         percent(p.achievement), percent(p.expected), status_label(p.status)]
        for p in self
    )
    header = ["node", "indicator", "baseline", "target", "actual", "achieved", "expected", "status"]
    return html_table(f"Indicator progress as of {self.as_of.isoformat()}", header, rows)


def _indicator_html(self: IndicatorProgress) -> str:
    where = ", ".join(f"{k}={v}" for k, v in self.filter.items())
    rows = [
        ["node", self.node], ["title", self.title], ["baseline", number(self.baseline)], ["target", number(self.target)],
        ["actual", number(self.actual)], ["achievement", percent(self.achievement)],
        ["expected", percent(self.expected)], ["status", status_label(self.status)],
        *([["comment", self.comment]] if self.comment else []), *(["note", n] for n in self.notes),
    ]
    caption = self.indicator + (f" ({where})" if where else "") + f" as of {self.as_of.isoformat()}"
    return html_table(caption, ["", ""], rows)


_ROLLUP_COLUMNS = ("node", "level", "title", "achievement", "expected", "status", "method", "scored_inputs")


def _rollup_frame(self: Rollup) -> pandas.DataFrame:
    """One row per node (needs pandas): its figure, status and inputs."""
    records = [
        {**{c: getattr(n, c) for c in _ROLLUP_COLUMNS}, "inputs": len(n.inputs), "decisive": n.decisive or None}
        for n in self.nodes
    ]
    return _frame(records, (*_ROLLUP_COLUMNS, "inputs", "decisive"), "Rollup.to_dataframe()")


def _rollup_html(self: Rollup) -> str:
    rows = (
        [n.node, n.level, percent(n.achievement), percent(n.expected), status_label(n.status),
         f"{n.scored_inputs} of {len(n.inputs)}"]
        for n in self.nodes
    )
    caption = f"Progress roll-up ({self.method}) as of {self.as_of.isoformat()}"
    return html_table(caption, ["node", "level", "achieved", "expected", "status", "inputs"], rows)


def _explanation_html(self: Explanation) -> str:
    n = self.node
    rows = [
        [i.id, i.kind, percent(i.achievement), percent(i.expected), status_label(i.status), percent(i.share)]
        for i in self.drivers
    ] + [[i.id, i.kind, f"left out: {i.reason}", "", "", ""] for i in self.unscored]
    caption = (f"{n.node} {n.title}: {percent(n.achievement)} achieved, {percent(n.expected)} expected, "
               f"{status_label(n.status)} ({n.method})")
    return html_table(caption, ["input", "kind", "achievement", "expected", "status", "share"], rows)


_BREAKDOWN_COLUMNS = ("baseline", "target", "actual", "actual_date", "achievement", "expected", "status")


def _breakdown_records(self: Breakdown) -> list[dict[str, Any]]:
    return [
        {"indicator": b.indicator, "node": b.node, "dimension": b.dimension, "value": value,
         **{c: getattr(p, c) for c in _BREAKDOWN_COLUMNS}, "has_data": value not in b.missing}
        for b in self
        for value, p in zip(b.values, b.rows)
    ]


def _breakdown_frame(self: Breakdown) -> pandas.DataFrame:
    """One row per indicator and dimension value (needs pandas)."""
    columns = ("indicator", "node", "dimension", "value", *_BREAKDOWN_COLUMNS, "has_data")
    return _frame(_breakdown_records(self), columns, "Breakdown.to_dataframe()")


def _breakdown_html(self: Breakdown) -> str:
    rows = (
        [r["indicator"], r["value"], number(r["actual"]), percent(r["achievement"]),
         percent(r["expected"]), status_label(r["status"])]
        for r in _breakdown_records(self)
    )
    caption = f"Progress by {self.dimension} as of {self.as_of.isoformat()}"
    return html_table(caption, ["indicator", self.dimension, "actual", "achieved", "expected", "status"], rows)


attach(ProgressTable, to_dataframe=_progress_frame, _repr_html_=_progress_html)
attach(Rollup, to_dataframe=_rollup_frame, _repr_html_=_rollup_html)
attach(Breakdown, to_dataframe=_breakdown_frame, _repr_html_=_breakdown_html)
attach(IndicatorProgress, _repr_html_=_indicator_html)
attach(Explanation, _repr_html_=_explanation_html)


# ---- drawing -------------------------------------------------------------------------


def plot_indicator(toc: TheoryOfChange, indicator: str, as_of: Optional[DateLike] = None, ax: Any = None) -> Any:
    """Draws an indicator's target trajectory and its actuals to date; returns the axes.

    The trajectory runs from the baseline through each target (running totals
    for incremental indicators), the actuals are the actual to date at the
    end of each period reported, and a vertical line marks ``as_of`` (by
    default the end of the indicator's last period). Needs matplotlib
    (``pip install 'tocgraph[plot]'``), imported only here. ValueError for a
    qualitative indicator, which has no numbers to draw.
    """
    plt = optional_module("matplotlib.pyplot", "plot", "plot_indicator")
    ind = toc.indicator(indicator)  # KeyError for an unknown id
    if ind.measure == "qualitative":
        raise ValueError(f'indicator "{indicator}" is qualitative: there are no numbers to draw')
    ends = [v.period.end for v in (*ind.targets, *ind.actuals)]
    p = indicator_progress(toc, indicator, as_of if as_of is not None else max(ends, default=None))
    day = p.as_of
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))

    start_value = 0.0 if p.accumulation == "incremental" else p.baseline
    target_rows = [r for r in p.periods if r.target_to_date is not None]
    trajectory_x: list[datetime.date] = []
    trajectory_y: list[float] = []
    start = p.baseline_date or (min(r.period.start for r in target_rows) if target_rows else None)
    if start is not None and start_value is not None:
        trajectory_x.append(start)
        trajectory_y.append(start_value)
    for r in target_rows:
        assert r.target_to_date is not None
        trajectory_x.append(r.period.end)
        trajectory_y.append(r.target_to_date)
    if trajectory_x:
        ax.plot(trajectory_x, trajectory_y, linestyle="--", marker="o", color="0.45", label="target trajectory")
    actual_rows = [r for r in p.periods if r.actual_to_date is not None and r.actual is not None]
    if actual_rows:
        ax.plot([r.period.end for r in actual_rows], [r.actual_to_date for r in actual_rows],
                marker="o", color="#1f77b4", label="actual to date")
    if p.baseline is not None and p.baseline_date is not None:
        ax.plot([p.baseline_date], [p.baseline], marker="s", color="black", linestyle="none", label="baseline")
    ax.axvline(day, color="#d62728", linewidth=1, linestyle=":", label=f"as of {day.isoformat()}")
    figures = f"{percent(p.achievement)} achieved, {percent(p.expected)} expected" if p.achievement is not None else ""
    ax.set_title(f"{p.indicator}: {status_label(p.status)}" + (f" ({figures})" if figures else ""), fontsize="medium")
    ax.set_ylabel(p.unit or "value")
    ax.legend(fontsize="small")
    ax.figure.autofmt_xdate()
    return ax


present(globals())
