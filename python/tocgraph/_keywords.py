"""The keyword arguments of the value classes and of the option structs, for type checkers.

Each TypedDict is the one declaration of a set of keywords: the stubs of
``tocgraph._core`` use them for the classes' constructors, and the functions
of the package for their ``**options`` (``Unpack[SvgKeywords]``). The values
and defaults themselves come from the C++ structs at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Optional, TypedDict, Union

if TYPE_CHECKING:
    from ._core.model import Baseline, Budget, Evidence, PeriodValue, Reference
    from ._core.versions import ItemChange
    from ._types import (
        AccumulationName,
        ActivityStatusName,
        AggregationName,
        AssumptionStatusName,
        ColorModeName,
        DateLike,
        FeedbackKindName,
        FeedbackStatusName,
        LinkPolicyName,
        LogicName,
        MeasureName,
        ProgressStatusName,
        RiskName,
        RollupMethodName,
        SeverityName,
    )

# ---- the elements of a theory of change ------------------------------------------------


class NodeFields(TypedDict, total=False):
    id: str
    level: str
    title: str
    description: str
    tags: Sequence[str]
    actors: Sequence[str]
    logic: LogicName
    start: Optional[DateLike]
    end: Optional[DateLike]
    status: Optional[ActivityStatusName]
    budget: Optional[Budget]
    attributes: Optional[dict[str, Any]]
    references: Sequence[Reference]


class LinkFields(TypedDict, total=False):
    source: str
    target: str
    assumptions: Sequence[str]
    rationale: str
    evidence: Optional[Evidence]
    strength: Optional[float]
    attributes: Optional[dict[str, Any]]


class IndicatorFields(TypedDict, total=False):
    id: str
    node: str
    title: str
    description: str
    unit: str
    measure: Union[MeasureName, int]
    ascending: bool
    accumulation: AccumulationName
    aggregation: AggregationName
    baselines: Sequence[Baseline]
    targets: Sequence[PeriodValue]
    actuals: Sequence[PeriodValue]
    means_of_verification: str
    frequency: str
    attributes: Optional[dict[str, Any]]
    references: Sequence[Reference]


class AssumptionFields(TypedDict, total=False):
    id: str
    statement: str
    likelihood: Optional[float]
    risk: Optional[RiskName]
    status: AssumptionStatusName
    attributes: Optional[dict[str, Any]]


class ActorFields(TypedDict, total=False):
    id: str
    name: str
    type: str
    attributes: Optional[dict[str, Any]]


class _FeedbackContext(TypedDict, total=False):
    """Where a feedback item was raised, by whom and about what: fields of the
    item, and the filters of feedback_items that match them exactly."""

    consultation: str
    phase: str
    author: str
    subject: str


class FeedbackFields(_FeedbackContext, total=False):
    id: str
    kind: FeedbackKindName
    text: str
    status: FeedbackStatusName
    resolution: str
    date: Optional[DateLike]
    attributes: Optional[dict[str, Any]]


# ---- options -------------------------------------------------------------------------------


class ToleranceKeywords(TypedDict, total=False):
    at_risk_below: float
    off_track_below: float


class RollupKeywords(ToleranceKeywords, total=False):
    method: RollupMethodName


class LayoutKeywords(TypedDict, total=False):
    font_size: float
    max_text_width: float
    goal_text_width: float
    max_lines: int
    show_ids: bool
    show_empty_levels: bool
    max_width: float
    node_gap: float
    level_gap: float
    ordering_iterations: int


class _ColourKeywords(TypedDict, total=False):
    color: ColorModeName
    statuses: Mapping[str, ProgressStatusName]
    title: Optional[str]


class SvgKeywords(LayoutKeywords, _ColourKeywords, total=False):
    subtitle: str
    legend: bool
    level_labels: bool
    id_prefix: str


class _TextKeywords(_ColourKeywords, total=False):
    font_size: float
    max_text_width: float
    show_ids: bool


class DotKeywords(_TextKeywords, total=False):
    level_labels: bool


class MermaidKeywords(_TextKeywords, total=False):
    level_subgraphs: bool


class _StatusKeywords(RollupKeywords, total=False):
    as_of: DateLike


class SvgDrawingKeywords(SvgKeywords, _StatusKeywords, total=False):
    """to_svg's keywords: SvgOptions, and the roll-up that colours by status."""


class DotDrawingKeywords(DotKeywords, _StatusKeywords, total=False):
    """to_dot's keywords: DotOptions, and the roll-up that colours by status."""


class MermaidDrawingKeywords(MermaidKeywords, _StatusKeywords, total=False):
    """to_mermaid's keywords: MermaidOptions, and the roll-up that colours by status."""


class LintKeywords(TypedDict, total=False):
    select: Union[str, Iterable[str], None]
    ignore: Union[str, Iterable[str], None]
    severity: Mapping[str, SeverityName]
    min_severity: SeverityName
    downward_links: Optional[LinkPolicyName]
    same_level_links: Optional[LinkPolicyName]


class ReportKeywords(RollupKeywords, LayoutKeywords, LintKeywords, total=False):
    title: Optional[str]


class CentralityKeywords(TypedDict, total=False):
    samples: Optional[int]
    seed: int
    normalized: bool


class SyntheticKeywords(TypedDict, total=False):
    seed: int
    pathways: Optional[int]
    cross_links: float
    indicators: bool
    titles: bool


class KumuKeywords(TypedDict, total=False):
    schema: str
    default_level: str
    type_levels: Mapping[str, str]


class LogframeKeywords(TypedDict, total=False):
    schema: str
    columns: Mapping[str, str]


class ReadKeywords(KumuKeywords, LogframeKeywords, total=False):
    """The keywords of tocgraph.read: those of the Kumu and logframe readers."""


class LogframeWriteKeywords(TypedDict, total=False):
    bom: bool


class DagittyKeywords(TypedDict, total=False):
    mark_roles: bool
    labels: bool
    positions: bool


class IatiKeywords(TypedDict, total=False):
    language: str
    max_depth: int


class DiffKeywords(TypedDict, total=False):
    detect_renames: bool


class MergeKeywords(TypedDict, total=False):
    lint: bool


class FeedbackQueryKeywords(_FeedbackContext, total=False):
    status: Optional[FeedbackStatusName]
    kind: Optional[FeedbackKindName]


class FeedbackResolutionKeywords(TypedDict, total=False):
    resolution: str
    version: str
    changes: Iterable[Union[str, ItemChange]]
    date: Optional[DateLike]


class ProbabilityKeywords(TypedDict, total=False):
    link_probability: float
    assumption_likelihood: float
    activity_prior: float
    threshold: float
    leak: float
    max_table_entries: int


class MonteCarloKeywords(TypedDict, total=False):
    samples: int
    seed: int
    threads: int


class ContributionKeywords(TypedDict, total=False):
    exact_limit: int
    permutations: int
    seed: int
