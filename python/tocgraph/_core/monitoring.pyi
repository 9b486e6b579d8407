# tocgraph._core.monitoring (register_monitoring.cpp): progress, roll-up,
# explanations and breakdowns, with their options.

import datetime
from collections.abc import Iterator, Sequence
from typing import Final, Generic, TypeVar, overload

import pandas
from typing_extensions import Unpack

from .._keywords import RollupKeywords, ToleranceKeywords
from .._types import (
    AccumulationName,
    AggregationName,
    DateLike,
    InputKindName,
    MeasureName,
    ProgressStatusName,
    RollupMethodName,
)
from .model import Indicator, Period, TheoryOfChange, _Options, _Value

_I = TypeVar("_I")

class Tolerances(_Options):
    def __init__(self, **options: Unpack[ToleranceKeywords]) -> None: ...
    def check(self) -> None: ...

class ProgressOptions(_Options):
    def __init__(self, *, as_of: DateLike = ..., **options: Unpack[ToleranceKeywords]) -> None: ...

class RollupOptions(_Options):
    def __init__(self, *, as_of: DateLike = ..., **options: Unpack[RollupKeywords]) -> None: ...

class _Scored(_Value):
    """What an indicator's progress, a roll-up input and a node's figure all
    carry: the achievement against what was expected, and the status it gives."""

    title: Final[str]
    achievement: Final[float | None]
    expected: Final[float | None]
    status: Final[ProgressStatusName]

class PeriodProgress(_Value):
    period: Final[Period]
    target: Final[float | None]
    target_to_date: Final[float | None]
    actual: Final[float | None]
    actual_to_date: Final[float | None]
    achievement: Final[float | None]
    due: Final[bool]
    target_comment: Final[str]
    actual_comment: Final[str]

class IndicatorProgress(_Scored):
    indicator: Final[str]
    node: Final[str]
    unit: Final[str]
    measure: Final[MeasureName]
    accumulation: Final[AccumulationName]
    aggregation: Final[AggregationName]
    ascending: Final[bool]
    filter: Final[dict[str, str]]
    as_of: Final[datetime.date]
    baseline: Final[float | None]
    baseline_date: Final[datetime.date | None]
    target: Final[float | None]
    target_date: Final[datetime.date | None]
    actual: Final[float | None]
    actual_date: Final[datetime.date | None]
    evaluated_at: Final[datetime.date | None]
    expected_value: Final[float | None]
    comment: Final[str]
    unreported: Final[list[dict[str, str]]]
    notes: Final[list[str]]
    periods: Final[list[PeriodProgress]]
    parts: Final[list[IndicatorProgress]]
    def _repr_html_(self) -> str: ...

class _Sequence(Generic[_I]):
    @overload
    def __getitem__(self, index: int) -> _I: ...
    @overload
    def __getitem__(self, index: slice) -> list[_I]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_I]: ...
    def to_dataframe(self) -> pandas.DataFrame: ...
    def _repr_html_(self) -> str: ...

class ProgressTable(_Value, _Sequence[IndicatorProgress]):
    as_of: Final[datetime.date]
    at_risk_below: Final[float]
    off_track_below: Final[float]
    rows: Final[list[IndicatorProgress]]
    def indicator(self, id: str) -> IndicatorProgress: ...
    def counts(self) -> dict[ProgressStatusName, int]: ...

class RollupInput(_Scored):
    kind: Final[InputKindName]
    id: Final[str]
    weight: Final[float]
    scored: Final[bool]
    share: Final[float]
    reason: Final[str]

class NodeProgress(_Scored):
    node: Final[str]
    level: Final[str]
    method: Final[RollupMethodName]
    inputs: Final[list[RollupInput]]
    decisive: Final[str]
    @property
    def scored_inputs(self) -> int: ...

class Explanation(_Value):
    node: Final[NodeProgress]
    drivers: Final[list[RollupInput]]
    unscored: Final[list[RollupInput]]
    text: Final[str]
    def _repr_html_(self) -> str: ...

class Rollup(_Value):
    as_of: Final[datetime.date]
    at_risk_below: Final[float]
    off_track_below: Final[float]
    method: Final[RollupMethodName]
    indicators: Final[ProgressTable]
    nodes: Final[list[NodeProgress]]
    def node(self, id: str) -> NodeProgress: ...
    def explain(self, node: str) -> Explanation: ...
    def to_dataframe(self) -> pandas.DataFrame: ...
    def _repr_html_(self) -> str: ...

class IndicatorBreakdown(_Value):
    indicator: Final[str]
    node: Final[str]
    dimension: Final[str]
    values: Final[list[str]]
    rows: Final[list[IndicatorProgress]]
    missing: Final[list[str]]

class Breakdown(_Value, _Sequence[IndicatorBreakdown]):
    dimension: Final[str]
    as_of: Final[datetime.date]
    items: Final[list[IndicatorBreakdown]]
    @property
    def missing(self) -> dict[str, list[str]]: ...

def progress(toc: TheoryOfChange, options: ProgressOptions) -> ProgressTable: ...
def indicator_progress(
    toc: TheoryOfChange, indicator: str, options: ProgressOptions, filter: dict[str, str]
) -> IndicatorProgress: ...
def rollup(toc: TheoryOfChange, options: RollupOptions) -> Rollup: ...
def explain(toc: TheoryOfChange, node: str, options: RollupOptions) -> Explanation: ...
def progress_by(
    toc: TheoryOfChange,
    dimension: str,
    options: ProgressOptions,
    indicator: str | None,
    values: Sequence[str] | None,
) -> Breakdown: ...
def dimension_values(indicator: Indicator, dimension: str) -> list[str]: ...
def status_for(achievement: float, expected: float, tolerances: Tolerances) -> ProgressStatusName: ...
