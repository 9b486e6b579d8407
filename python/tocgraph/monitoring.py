"""Monitoring: where each indicator and each result stands as of a date.

The figures are computed in C++ (docs/monitoring.md gives every rule and edge
case) with the GIL released. These functions return plain objects; the
TheoryOfChange methods of the same names return pandas DataFrames:

    import tocgraph
    from tocgraph import monitoring

    toc = tocgraph.load("examples/asean-act/toc.json")
    table = monitoring.progress(toc, as_of="2022-12-31")     # a list of IndicatorProgress
    table[0].achievement, table[0].status
    r = monitoring.rollup(toc, as_of="2022-12-31", method="weakest")
    r.node("goal").achievement
    print(r.explain("io_1_3"))
    monitoring.progress_by(toc, "country", as_of="2022-12-31").missing
    tocgraph.plot_indicator(toc, "ind_io11_plans", as_of="2022-12-31")

Dates are ``datetime.date`` or "YYYY-MM-DD" strings; ``as_of=None`` means
today. ``at_risk_below`` and ``off_track_below`` (default 0.9 and 0.6) are the
fractions of the expected progress below which a figure is at risk or off
track; ValueError unless 0 <= off_track_below <= at_risk_below.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Optional, Union, overload

from . import _core
from ._core import (
    Explanation,
    IndicatorBreakdown,
    IndicatorProgress,
    NodeProgress,
    PeriodProgress,
    RollupInput,
)

if TYPE_CHECKING:
    import pandas

    from ._toc import TheoryOfChange
    from ._types import DateLike, ProgressStatusName, RollupMethodName

__all__ = [
    "Breakdown",
    "Explanation",
    "IndicatorBreakdown",
    "IndicatorProgress",
    "NodeProgress",
    "PeriodProgress",
    "ProgressTable",
    "RollupInput",
    "RollupResult",
    "explain",
    "indicator_progress",
    "plot_indicator",
    "progress",
    "progress_by",
    "rollup",
    "status_for",
]

#: Default tolerances: at risk below 0.9, off track below 0.6 of expected.
AT_RISK_BELOW = 0.9
OFF_TRACK_BELOW = 0.6

#: How the statuses read in tables.
STATUS_LABELS: dict[str, str] = {
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
    "not_started": "not started",
    "no_data": "no data",
}


def _as_date(as_of: Optional[DateLike]) -> datetime.date:
    """The as-of date: today when None; strings exactly "YYYY-MM-DD", as in files."""
    if as_of is None:
        return datetime.date.today()
    if isinstance(as_of, datetime.datetime):
        raise TypeError('expected a datetime.date or a "YYYY-MM-DD" string, got datetime')
    if isinstance(as_of, datetime.date):
        return as_of
    if not isinstance(as_of, str):
        raise TypeError(
            f'expected a datetime.date or a "YYYY-MM-DD" string, got {type(as_of).__name__}'
        )
    if _ISO_DATE.fullmatch(as_of):
        try:
            return datetime.date.fromisoformat(as_of)
        except ValueError:
            pass
    raise ValueError(f'invalid date "{as_of}"; expected YYYY-MM-DD')


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _pandas(what: str) -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            f"{what} needs pandas, an optional dependency: pip install 'tocgraph[pandas]' "
            "(tocgraph.monitoring gives the same results as plain objects)"
        ) from None
    return pandas


def _percent(x: Optional[float]) -> str:
    return "–" if x is None else f"{x * 100:.0f}%"


def _number(x: Optional[float]) -> str:
    return "–" if x is None else f"{x:.6g}"


def _html_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = [f"<table><caption>{html.escape(caption)}</caption><thead><tr>"]
    out += [f"<th>{html.escape(h)}</th>" for h in header]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _progress_record(p: IndicatorProgress) -> dict[str, Any]:
    return {
        "node": p.node,
        "indicator": p.indicator,
        "title": p.title,
        "unit": p.unit,
        "measure": p.measure,
        "accumulation": p.accumulation,
        "aggregation": p.aggregation,
        "ascending": p.ascending,
        "baseline": p.baseline,
        "baseline_date": p.baseline_date,
        "target": p.target,
        "target_date": p.target_date,
        "actual": p.actual,
        "actual_date": p.actual_date,
        "evaluated_at": p.evaluated_at,
        "expected_value": p.expected_value,
        "achievement": p.achievement,
        "expected": p.expected,
        "status": p.status,
        "comment": p.comment,
        "notes": "; ".join(p.notes),
    }


_FLOAT_COLUMNS = ("baseline", "target", "actual", "expected_value", "achievement", "expected")


def _frame(records: list[dict[str, Any]], columns: Sequence[str], what: str) -> pandas.DataFrame:
    pd = _pandas(what)
    frame: pandas.DataFrame = pd.DataFrame.from_records(records, columns=list(columns))
    for column in _FLOAT_COLUMNS:  # None -> NaN even when every value is absent
        if column in frame.columns:
            frame[column] = frame[column].astype("float64")
    return frame


_PROGRESS_COLUMNS = tuple(_progress_record(IndicatorProgress()).keys())


class ProgressTable(Sequence[IndicatorProgress]):
    """The progress of every indicator as of a date: a sequence of IndicatorProgress.

    ``to_dataframe()`` gives one row per indicator; in a notebook it shows
    as a table.
    """

    __slots__ = ("_rows", "as_of", "at_risk_below", "off_track_below")

    def __init__(
        self,
        rows: list[IndicatorProgress],
        as_of: datetime.date,
        at_risk_below: float = AT_RISK_BELOW,
        off_track_below: float = OFF_TRACK_BELOW,
    ) -> None:
        self._rows = rows
        #: The date of the assessment.
        self.as_of = as_of
        #: Achievement below this share of the expected progress is at risk.
        self.at_risk_below = at_risk_below
        #: Achievement below this share of the expected progress is off track.
        self.off_track_below = off_track_below

    @overload
    def __getitem__(self, index: int) -> IndicatorProgress: ...
    @overload
    def __getitem__(self, index: slice) -> list[IndicatorProgress]: ...
    def __getitem__(
        self, index: Union[int, slice]
    ) -> Union[IndicatorProgress, list[IndicatorProgress]]:
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[IndicatorProgress]:
        return iter(self._rows)

    def indicator(self, indicator_id: str) -> IndicatorProgress:
        """The row of one indicator; KeyError if there is none."""
        for row in self._rows:
            if row.indicator == indicator_id:
                return row
        raise KeyError(f'no indicator "{indicator_id}"')

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per indicator (needs pandas); ``notes`` joined with "; "."""
        return _frame(
            [_progress_record(p) for p in self._rows], _PROGRESS_COLUMNS, "ProgressTable.to_dataframe()"
        )

    def counts(self) -> dict[str, int]:
        """How many indicators have each status."""
        out = dict.fromkeys(STATUS_LABELS, 0)
        for row in self._rows:
            out[row.status] += 1
        return out

    def _repr_html_(self) -> str:
        return _html_table(
            f"Indicator progress as of {self.as_of.isoformat()}",
            ["node", "indicator", "baseline", "target", "actual", "achieved", "expected", "status"],
            (
                [
                    p.node,
                    p.indicator,
                    _number(p.baseline),
                    _number(p.target),
                    _number(p.actual),
                    _percent(p.achievement),
                    _percent(p.expected),
                    STATUS_LABELS[p.status],
                ]
                for p in self._rows
            ),
        )

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {STATUS_LABELS[s]}" for s, n in self.counts().items() if n)
        return f"<ProgressTable as of {self.as_of.isoformat()}: {len(self)} indicators ({counts})>"


_ROLLUP_COLUMNS = (
    "node",
    "level",
    "title",
    "achievement",
    "expected",
    "status",
    "method",
    "scored_inputs",
    "inputs",
    "decisive",
)


class RollupResult:
    """Progress rolled up through a theory of change as of a date.

    ``nodes`` (NodeProgress, in node order) and ``indicators`` (a
    ProgressTable); ``node(id)`` and ``explain(id)`` for one node;
    ``to_dataframe()`` gives one row per node.
    """

    __slots__ = ("_rollup",)

    def __init__(self, rollup: _core.Rollup) -> None:
        self._rollup = rollup

    @property
    def as_of(self) -> datetime.date:
        """The date of the assessment."""
        return self._rollup.as_of

    @property
    def method(self) -> RollupMethodName:
        """How nodes combine their inputs."""
        return self._rollup.method

    @property
    def nodes(self) -> list[NodeProgress]:
        """The figure of every node, in node order."""
        return self._rollup.nodes

    @property
    def indicators(self) -> ProgressTable:
        """The progress of every indicator."""
        r = self._rollup
        return ProgressTable(r.indicators, r.as_of, r.at_risk_below, r.off_track_below)

    def node(self, node_id: str) -> NodeProgress:
        """The figure of one node; KeyError if there is none."""
        return self._rollup.node(node_id)

    def explain(self, node_id: str) -> Explanation:
        """Which indicators and contributors drove a node's figure; KeyError if unknown."""
        return self._rollup.explain(node_id)

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per node (needs pandas): its figure, status and inputs."""
        records = [
            {
                "node": n.node,
                "level": n.level,
                "title": n.title,
                "achievement": n.achievement,
                "expected": n.expected,
                "status": n.status,
                "method": n.method,
                "scored_inputs": n.scored_inputs,
                "inputs": len(n.inputs),
                "decisive": n.decisive or None,
            }
            for n in self._rollup.nodes
        ]
        return _frame(records, _ROLLUP_COLUMNS, "RollupResult.to_dataframe()")

    def _repr_html_(self) -> str:
        return _html_table(
            f"Progress roll-up ({self.method}) as of {self.as_of.isoformat()}",
            ["node", "level", "achieved", "expected", "status", "inputs"],
            (
                [
                    n.node,
                    n.level,
                    _percent(n.achievement),
                    _percent(n.expected),
                    STATUS_LABELS[n.status],
                    f"{n.scored_inputs} of {len(n.inputs)}",
                ]
                for n in self._rollup.nodes
            ),
        )

    def __repr__(self) -> str:
        return (
            f"<RollupResult as of {self.as_of.isoformat()} ({self.method}): "
            f"{len(self._rollup.nodes)} nodes>"
        )


_BREAKDOWN_COLUMNS = (
    "indicator",
    "node",
    "dimension",
    "value",
    "baseline",
    "target",
    "actual",
    "actual_date",
    "achievement",
    "expected",
    "status",
    "has_data",
)


class Breakdown(Sequence[IndicatorBreakdown]):
    """Indicators broken down by one dimension: a sequence of IndicatorBreakdown.

    ``missing`` maps each indicator to the dimension values with no data;
    ``to_dataframe()`` gives one row per indicator and value.
    """

    __slots__ = ("_items", "as_of", "dimension")

    def __init__(self, items: list[IndicatorBreakdown], dimension: str, as_of: datetime.date) -> None:
        self._items = items
        #: The dimension broken down by, e.g. "country".
        self.dimension = dimension
        #: The date of the assessment.
        self.as_of = as_of

    @overload
    def __getitem__(self, index: int) -> IndicatorBreakdown: ...
    @overload
    def __getitem__(self, index: slice) -> list[IndicatorBreakdown]: ...
    def __getitem__(
        self, index: Union[int, slice]
    ) -> Union[IndicatorBreakdown, list[IndicatorBreakdown]]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[IndicatorBreakdown]:
        return iter(self._items)

    @property
    def missing(self) -> dict[str, list[str]]:
        """For each indicator, the dimension values with no actual by the as-of date."""
        return {b.indicator: b.missing for b in self._items}

    def _records(self) -> Iterator[dict[str, Any]]:
        for b in self._items:
            missing = set(b.missing)
            for value, p in zip(b.values, b.rows):
                yield {
                    "indicator": b.indicator,
                    "node": b.node,
                    "dimension": b.dimension,
                    "value": value,
                    "baseline": p.baseline,
                    "target": p.target,
                    "actual": p.actual,
                    "actual_date": p.actual_date,
                    "achievement": p.achievement,
                    "expected": p.expected,
                    "status": p.status,
                    "has_data": value not in missing,
                }

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per indicator and dimension value (needs pandas)."""
        return _frame(list(self._records()), _BREAKDOWN_COLUMNS, "Breakdown.to_dataframe()")

    def _repr_html_(self) -> str:
        return _html_table(
            f"Progress by {self.dimension} as of {self.as_of.isoformat()}",
            ["indicator", self.dimension, "actual", "achieved", "expected", "status"],
            (
                [
                    r["indicator"],
                    r["value"],
                    _number(r["actual"]),
                    _percent(r["achievement"]),
                    _percent(r["expected"]),
                    STATUS_LABELS[r["status"]],
                ]
                for r in self._records()
            ),
        )

    def __repr__(self) -> str:
        return (
            f"<Breakdown by {self.dimension!r} as of {self.as_of.isoformat()}: "
            f"{len(self)} indicators>"
        )


# ---- the computations ------------------------------------------------------------


def progress(
    toc: TheoryOfChange,
    as_of: Optional[DateLike] = None,
    *,
    at_risk_below: float = AT_RISK_BELOW,
    off_track_below: float = OFF_TRACK_BELOW,
) -> ProgressTable:
    """The progress of every indicator as of a date (today by default)."""
    day = _as_date(as_of)
    rows = _core.progress(toc._toc, day, at_risk_below, off_track_below)
    return ProgressTable(rows, day, at_risk_below, off_track_below)


def indicator_progress(
    toc: TheoryOfChange,
    indicator: str,
    as_of: Optional[DateLike] = None,
    *,
    filter: Optional[dict[str, str]] = None,
    at_risk_below: float = AT_RISK_BELOW,
    off_track_below: float = OFF_TRACK_BELOW,
) -> IndicatorProgress:
    """The progress of one indicator: the whole of it, or the view ``filter``.

    ``filter={"country": "KH"}`` gives one Member State's progress. KeyError
    for an unknown indicator.
    """
    return _core.indicator_progress(
        toc._toc, indicator, _as_date(as_of), at_risk_below, off_track_below, filter or {}
    )


def rollup(
    toc: TheoryOfChange,
    as_of: Optional[DateLike] = None,
    *,
    method: RollupMethodName = "mean",
    at_risk_below: float = AT_RISK_BELOW,
    off_track_below: float = OFF_TRACK_BELOW,
) -> RollupResult:
    """Progress rolled up through the graph, each node from its indicators and contributors.

    ``method``: "mean", "weighted" (by link strength), "weakest", "strongest"
    or "logic" (each node by its own logic). CycleError if the links form a
    cycle.
    """
    return RollupResult(_core.rollup(toc._toc, _as_date(as_of), method, at_risk_below, off_track_below))


def explain(
    toc: TheoryOfChange,
    node: str,
    as_of: Optional[DateLike] = None,
    *,
    method: RollupMethodName = "mean",
    at_risk_below: float = AT_RISK_BELOW,
    off_track_below: float = OFF_TRACK_BELOW,
) -> Explanation:
    """Which indicators and contributors drove a node's rolled-up figure.

    ``str()`` of the result is a text; ``drivers`` and ``unscored`` the
    inputs. KeyError for an unknown node.
    """
    return _core.explain(toc._toc, node, _as_date(as_of), method, at_risk_below, off_track_below)


def progress_by(
    toc: TheoryOfChange,
    dimension: str,
    as_of: Optional[DateLike] = None,
    *,
    indicator: Optional[str] = None,
    values: Optional[Iterable[str]] = None,
    at_risk_below: float = AT_RISK_BELOW,
    off_track_below: float = OFF_TRACK_BELOW,
) -> Breakdown:
    """Indicators broken down by ``dimension`` (e.g. "country").

    Every indicator with values for that dimension, or only ``indicator``;
    over the values seen in each indicator, or exactly ``values``.
    """
    if isinstance(values, str):
        raise TypeError("values must be a list of dimension values, not a str")
    items = _core.progress_by(
        toc._toc,
        dimension,
        _as_date(as_of),
        at_risk_below,
        off_track_below,
        indicator,
        None if values is None else list(values),
    )
    return Breakdown(items, dimension, _as_date(as_of))


def status_for(
    achievement: float,
    expected: float,
    *,
    at_risk_below: float = AT_RISK_BELOW,
    off_track_below: float = OFF_TRACK_BELOW,
) -> ProgressStatusName:
    """The status of an achievement against the progress expected."""
    return _core.status_for(achievement, expected, at_risk_below, off_track_below)


# ---- drawing -------------------------------------------------------------------------


def plot_indicator(
    toc: TheoryOfChange,
    indicator: str,
    as_of: Optional[DateLike] = None,
    ax: Any = None,
) -> Any:
    """Draws an indicator's target trajectory and its actuals to date; returns the axes.

    The trajectory runs from the baseline through each target (running totals
    for incremental indicators), the actuals are the actual to date at the
    end of each period reported, and a vertical line marks ``as_of`` (by
    default the end of the indicator's last period). Needs matplotlib
    (``pip install 'tocgraph[plot]'``), imported only here. ValueError for a
    qualitative indicator, which has no numbers to draw.
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "plot_indicator needs matplotlib, an optional dependency: pip install 'tocgraph[plot]'"
        ) from None
    ind = toc.indicator(indicator)  # KeyError for an unknown id
    if ind.measure == "qualitative":
        raise ValueError(f'indicator "{indicator}" is qualitative: there are no numbers to draw')
    if as_of is None:
        ends = [v.period.end for v in (*ind.targets, *ind.actuals)]
        day = max(ends) if ends else datetime.date.today()
    else:
        day = _as_date(as_of)
    p = indicator_progress(toc, indicator, day)
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
        ax.plot(
            [r.period.end for r in actual_rows],
            [r.actual_to_date for r in actual_rows],
            marker="o",
            color="#1f77b4",
            label="actual to date",
        )
    if p.baseline is not None and p.baseline_date is not None:
        ax.plot([p.baseline_date], [p.baseline], marker="s", color="black", linestyle="none", label="baseline")
    ax.axvline(day, color="#d62728", linewidth=1, linestyle=":", label=f"as of {day.isoformat()}")
    status = STATUS_LABELS[p.status]
    figures = f"{_percent(p.achievement)} achieved, {_percent(p.expected)} expected" if p.achievement is not None else ""
    ax.set_title(f"{p.indicator}: {status}" + (f" ({figures})" if figures else ""), fontsize="medium")
    ax.set_ylabel(p.unit or "value")
    ax.legend(fontsize="small")
    ax.figure.autofmt_xdate()
    return ax
