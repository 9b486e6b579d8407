# tocgraph._core.model (register_model.cpp): the model's values, the compiled
# TheoryOfChange and the synthetic generator.

import datetime
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar, TypeVar

from typing_extensions import Self, Unpack

from .._keywords import ActorFields, AssumptionFields, FeedbackFields, IndicatorFields, LinkFields, NodeFields
from .._toc import TheoryOfChange as PublicTheoryOfChange
from .._keywords import SyntheticKeywords
from .._types import (
    AccumulationName,
    ActivityStatusName,
    AggregationName,
    AssumptionStatusName,
    DateLike,
    FeedbackKindName,
    FeedbackStatusName,
    LevelRoleName,
    LogicName,
    MeasureName,
    RiskName,
)

_T = TypeVar("_T")
_K = TypeVar("_K")
_V = TypeVar("_V")

class FieldList(list[_T]): ...
class FieldDict(dict[_K, _V]): ...

class _BoundType(type):
    """pybind11's metaclass of the compiled classes."""

class _Bound(metaclass=_BoundType):
    """A class of the compiled module."""

class _Value(_Bound):
    """The value protocol every bound struct has (bind/fields.hpp)."""

    _fields: ClassVar[tuple[str, ...]]
    def replace(self, **fields: Any) -> Self: ...
    def __copy__(self) -> Self: ...
    def __deepcopy__(self, memo: dict[int, object]) -> Self: ...

class _Options(_Value):
    """An option struct: its fields are the keywords of its constructor, declared
    once as a TypedDict of tocgraph/_keywords.py; read or set as attributes."""

    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any) -> None: ...

class Period(_Value):
    def __init__(self, start: DateLike, end: DateLike) -> None: ...
    @property
    def start(self) -> datetime.date: ...
    @start.setter
    def start(self, value: DateLike) -> None: ...
    @property
    def end(self) -> datetime.date: ...
    @end.setter
    def end(self, value: DateLike) -> None: ...
    def __contains__(self, date: DateLike) -> bool: ...

class Level(_Value):
    id: str
    label: str
    role: LevelRoleName
    def __init__(self, id: str = ..., label: str = ..., role: LevelRoleName = ...) -> None: ...

class LevelSchema(_Bound):
    def __init__(self, name: str, levels: Sequence[Level]) -> None: ...
    @staticmethod
    def builtin(name: str) -> LevelSchema: ...
    @staticmethod
    def builtin_names() -> list[str]: ...
    @property
    def name(self) -> str: ...
    @property
    def levels(self) -> list[Level]: ...
    @property
    def is_builtin(self) -> bool: ...
    def rank(self, level_id: str) -> int: ...
    def level(self, level_id: str) -> Level: ...
    def __len__(self) -> int: ...
    def __contains__(self, level_id: object) -> bool: ...
    def __iter__(self) -> Iterator[Level]: ...
    def __copy__(self) -> LevelSchema: ...
    def __deepcopy__(self, memo: dict[int, object]) -> LevelSchema: ...

class Reference(_Value):
    vocabulary: str
    code: str
    uri: str
    def __init__(self, vocabulary: str = ..., code: str = ..., uri: str = ...) -> None: ...

class Budget(_Value):
    amount: float
    currency: str
    def __init__(self, amount: float = ..., currency: str = ...) -> None: ...

class _Dated:
    @property
    def date(self) -> datetime.date | None: ...
    @date.setter
    def date(self, value: DateLike | None) -> None: ...

class _Attributed:
    attributes: dict[str, Any] | None

class Node(_Value, _Attributed):
    id: str
    level: str
    title: str
    description: str
    tags: list[str]
    actors: list[str]
    logic: LogicName
    status: ActivityStatusName | None
    budget: Budget | None
    references: list[Reference]
    def __init__(self, **fields: Unpack[NodeFields]) -> None: ...
    @property
    def start(self) -> datetime.date | None: ...
    @start.setter
    def start(self, value: DateLike | None) -> None: ...
    @property
    def end(self) -> datetime.date | None: ...
    @end.setter
    def end(self, value: DateLike | None) -> None: ...

class Evidence(_Value):
    strength: str
    references: list[str]
    def __init__(self, *, strength: str = ..., references: Sequence[str] = ...) -> None: ...

class Link(_Value, _Attributed):
    source: str
    target: str
    assumptions: list[str]
    rationale: str
    evidence: Evidence | None
    strength: float | None
    def __init__(self, **fields: Unpack[LinkFields]) -> None: ...

class _Measured(_Value, _Attributed):
    value: float | None
    dimensions: dict[str, str]
    comment: str
    value_text: str
    locations: list[str]

class Baseline(_Measured, _Dated):
    year: int | None
    def __init__(
        self,
        *,
        date: DateLike | None = ...,
        value: float | None = ...,
        dimensions: dict[str, str] = ...,
        comment: str = ...,
        year: int | None = ...,
        value_text: str = ...,
        locations: Sequence[str] = ...,
        attributes: dict[str, Any] | None = ...,
    ) -> None: ...

class PeriodValue(_Measured):
    period: Period
    numerator: float | None
    denominator: float | None
    def __init__(
        self,
        *,
        period: Period,
        value: float | None = ...,
        numerator: float | None = ...,
        denominator: float | None = ...,
        dimensions: dict[str, str] = ...,
        comment: str = ...,
        value_text: str = ...,
        locations: Sequence[str] = ...,
        attributes: dict[str, Any] | None = ...,
    ) -> None: ...

class Indicator(_Value, _Attributed):
    id: str
    node: str
    title: str
    description: str
    unit: str
    measure: MeasureName
    ascending: bool
    accumulation: AccumulationName
    aggregation: AggregationName
    baselines: list[Baseline]
    targets: list[PeriodValue]
    actuals: list[PeriodValue]
    means_of_verification: str
    frequency: str
    references: list[Reference]
    def __init__(self, **fields: Unpack[IndicatorFields]) -> None: ...

class Assumption(_Value, _Attributed):
    id: str
    statement: str
    likelihood: float | None
    risk: RiskName | None
    status: AssumptionStatusName
    def __init__(self, **fields: Unpack[AssumptionFields]) -> None: ...

class Actor(_Value, _Attributed):
    id: str
    name: str
    type: str
    def __init__(self, **fields: Unpack[ActorFields]) -> None: ...

class Feedback(_Value, _Attributed, _Dated):
    id: str
    consultation: str
    phase: str
    author: str
    subject: str
    kind: FeedbackKindName
    text: str
    status: FeedbackStatusName
    resolution: str
    def __init__(self, **fields: Unpack[FeedbackFields]) -> None: ...

class Source(_Value):
    id: str
    title: str
    url: str
    note: str
    def __init__(self, *, id: str = ..., title: str = ..., url: str = ..., note: str = ...) -> None: ...

class ConsultationPhase(_Value):
    id: str
    title: str
    def __init__(self, *, id: str = ..., title: str = ...) -> None: ...

class ConsultationEvent(_Value, _Dated):
    title: str
    description: str
    def __init__(self, *, date: DateLike | None = ..., title: str = ..., description: str = ...) -> None: ...

class Consultation(_Value, _Dated):
    id: str
    title: str
    venue: str
    objectives: list[str]
    phases: list[ConsultationPhase]
    events: list[ConsultationEvent]
    sources: list[str]
    def __init__(
        self,
        *,
        id: str = ...,
        title: str = ...,
        date: DateLike | None = ...,
        venue: str = ...,
        objectives: Sequence[str] = ...,
        phases: Sequence[ConsultationPhase] = ...,
        events: Sequence[ConsultationEvent] = ...,
        sources: Sequence[str] = ...,
    ) -> None: ...

class Metadata(_Value, _Attributed, _Dated):
    title: str
    description: str
    funder: str
    period: Period | None
    version: str
    sources: list[Source]
    consultations: list[Consultation]
    def __init__(
        self,
        *,
        title: str = ...,
        description: str = ...,
        funder: str = ...,
        period: Period | None = ...,
        version: str = ...,
        date: DateLike | None = ...,
        sources: Sequence[Source] = ...,
        consultations: Sequence[Consultation] = ...,
        attributes: dict[str, Any] | None = ...,
    ) -> None: ...

class TheoryOfChange(_Bound):
    schema: LevelSchema
    metadata: Metadata
    def __init__(self, schema: LevelSchema) -> None: ...
    def node_count(self) -> int: ...
    def link_count(self) -> int: ...
    def indicator_count(self) -> int: ...
    def has_node(self, id: str) -> bool: ...
    def node(self, id: str) -> Node: ...
    def nodes(self) -> list[Node]: ...
    def nodes_at(self, level: str) -> list[Node]: ...
    def add_node(self, value: Node) -> None: ...
    def update_node(self, value: Node) -> None: ...
    def patch_node(self, id: str, changes: dict[str, Any]) -> None: ...
    def remove_node(self, id: str) -> None: ...
    def has_link(self, source: str, target: str) -> bool: ...
    def link(self, source: str, target: str) -> Link: ...
    def links(self) -> list[Link]: ...
    def links_to(self, id: str) -> list[Link]: ...
    def links_from(self, id: str) -> list[Link]: ...
    def add_link(self, value: Link) -> None: ...
    def update_link(self, value: Link) -> None: ...
    def patch_link(self, source: str, target: str, changes: dict[str, Any]) -> None: ...
    def remove_link(self, source: str, target: str) -> None: ...
    def indicators_of(self, node: str) -> list[Indicator]: ...
    def has_indicator(self, id: str) -> bool: ...
    def indicator(self, id: str) -> Indicator: ...
    def indicators(self) -> list[Indicator]: ...
    def add_indicator(self, value: Indicator) -> None: ...
    def update_indicator(self, value: Indicator) -> None: ...
    def patch_indicator(self, id: str, changes: dict[str, Any]) -> None: ...
    def remove_indicator(self, id: str) -> None: ...
    def has_assumption(self, id: str) -> bool: ...
    def assumption(self, id: str) -> Assumption: ...
    def assumptions(self) -> list[Assumption]: ...
    def add_assumption(self, value: Assumption) -> None: ...
    def update_assumption(self, value: Assumption) -> None: ...
    def patch_assumption(self, id: str, changes: dict[str, Any]) -> None: ...
    def remove_assumption(self, id: str) -> None: ...
    def has_actor(self, id: str) -> bool: ...
    def actor(self, id: str) -> Actor: ...
    def actors(self) -> list[Actor]: ...
    def add_actor(self, value: Actor) -> None: ...
    def update_actor(self, value: Actor) -> None: ...
    def patch_actor(self, id: str, changes: dict[str, Any]) -> None: ...
    def remove_actor(self, id: str) -> None: ...
    def has_feedback(self, id: str) -> bool: ...
    def feedback_item(self, id: str) -> Feedback: ...
    def feedback(self) -> list[Feedback]: ...
    def add_feedback(self, value: Feedback) -> None: ...
    def update_feedback(self, value: Feedback) -> None: ...
    def patch_feedback(self, id: str, changes: dict[str, Any]) -> None: ...
    def remove_feedback(self, id: str) -> None: ...
    def __copy__(self) -> TheoryOfChange: ...

class SyntheticOptions(_Options):
    def __init__(self, *, nodes: int = ..., **options: Unpack[SyntheticKeywords]) -> None: ...

def synthetic(options: SyntheticOptions) -> PublicTheoryOfChange: ...
def set_public_class(wrap: Callable[[TheoryOfChange], PublicTheoryOfChange]) -> None: ...
