"""The TheoryOfChange class and the file functions (load, loads, from_dict).

TheoryOfChange wraps the compiled ``_core.TheoryOfChange`` (kept in the
private ``_toc`` attribute, as boost-histogram keeps ``_hist``) and gives it
the Pythonic surface: keyword fields, ``toc["id"]``, iteration, pickling.
"""

from __future__ import annotations

import copy as _copy
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union

from . import _core
from ._core import (
    Actor,
    Assumption,
    Baseline,
    Budget,
    Evidence,
    Feedback,
    Indicator,
    LevelSchema,
    Link,
    Metadata,
    Node,
    PeriodValue,
)

if TYPE_CHECKING:
    from typing_extensions import TypedDict, Unpack

    from .analysis import Centrality, Coverage, RemovalImpact
    from .lint import Findings

    from ._pandas import Frames

    from ._core import Reference

    import pandas

    from ._core import Explanation

    from ._core import ConsultationSummary, ItemChange

    from ._types import (
        AccumulationName,
        ActivityStatusName,
        AggregationName,
        AssumptionStatusName,
        ColorModeName,
        DateLike,
        DrawingFormatName,
        FeedbackKindName,
        FeedbackStatusName,
        LogicName,
        MeasureName,
        ProgressStatusName,
        ReportFormatName,
        RiskName,
        RollupMethodName,
        SeverityName,
    )

    class NodeFields(TypedDict, total=False):
        """The keyword fields of a Node."""

        id: str
        level: str
        title: str
        description: str
        tags: list[str]
        actors: list[str]
        logic: LogicName
        start: DateLike | None
        end: DateLike | None
        status: ActivityStatusName | None
        budget: Budget | None
        attributes: dict[str, Any] | None
        references: list[Reference]

    class LinkFields(TypedDict, total=False):
        """The keyword fields of a Link."""

        source: str
        target: str
        assumptions: list[str]
        rationale: str
        evidence: Evidence | None
        strength: float | None
        attributes: dict[str, Any] | None

    class IndicatorFields(TypedDict, total=False):
        """The keyword fields of an Indicator."""

        id: str
        node: str
        title: str
        description: str
        unit: str
        measure: MeasureName | int
        ascending: bool
        accumulation: AccumulationName
        aggregation: AggregationName
        baselines: list[Baseline]
        targets: list[PeriodValue]
        actuals: list[PeriodValue]
        means_of_verification: str
        frequency: str
        attributes: dict[str, Any] | None
        references: list[Reference]

    class AssumptionFields(TypedDict, total=False):
        """The keyword fields of an Assumption."""

        id: str
        statement: str
        likelihood: float | None
        risk: RiskName | None
        status: AssumptionStatusName
        attributes: dict[str, Any] | None

    class ActorFields(TypedDict, total=False):
        """The keyword fields of an Actor."""

        id: str
        name: str
        type: str
        attributes: dict[str, Any] | None

    class FeedbackFields(TypedDict, total=False):
        """The keyword fields of a Feedback."""

        id: str
        consultation: str
        phase: str
        author: str
        subject: str
        kind: FeedbackKindName
        text: str
        status: FeedbackStatusName
        resolution: str
        date: DateLike | None
        attributes: dict[str, Any] | None


__all__ = ["PICKLE_VERSION", "TheoryOfChange", "from_dict", "load", "loads"]

#: The version number in a pickled TheoryOfChange's state.
PICKLE_VERSION = 1

_V = TypeVar("_V", Node, Link, Indicator, Assumption, Actor, Feedback)


def _apply(value: _V, fields: Mapping[str, object]) -> _V:
    """Sets keyword fields on a value, refusing names the class lacks."""
    names: tuple[str, ...] = type(value)._fields
    for name, field in fields.items():
        if name not in names:
            raise TypeError(
                f"{type(value).__name__} has no field {name!r}; its fields are "
                + ", ".join(names)
            )
        setattr(value, name, field)
    return value


def _build(cls: type[_V], base: object, fields: Mapping[str, object]) -> _V:
    """A value from an optional base value (copied) and keyword fields."""
    if base is None:
        return _apply(cls(), fields)
    if not isinstance(base, cls):
        raise TypeError(f"expected a {cls.__name__}, got {type(base).__name__}")
    return _apply(_copy.copy(base), fields)


def _keep_key(kind: str, value: object, fields: Mapping[str, object], keys: Sequence[str]) -> None:
    """Refuses keyword fields that would change what identifies the value."""
    for key in keys:
        if key in fields and fields[key] != getattr(value, key):
            raise ValueError(
                f"update_{kind} cannot change the {key} of a {kind}; "
                f"remove it and add a new one"
            )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class TheoryOfChange:
    """A programme's theory of change: results and activities linked cause to effect.

    ``TheoryOfChange(schema="theory_of_change")`` starts an empty one with a
    built-in level schema named by ``schema``, or with a ``LevelSchema``.

    Nodes are reached like a mapping of node ids: ``len(toc)`` counts nodes,
    ``"oc1" in toc`` tests an id, ``toc["oc1"]`` returns the node (KeyError if
    absent) and ``iter(toc)`` yields the nodes in insertion order.

    Value semantics: everything read from a theory of change is a copy.
    ``toc["oc1"].title = "x"`` changes the copy only; write changes back with
    ``toc.update_node("oc1", title="x")`` or ``toc.update_node(node)``. The
    same holds for links, indicators, assumptions, actors, feedback and
    ``toc.metadata`` (assign a changed Metadata back to ``toc.metadata``).

    Edits check the model first and raise ModelError (a ValueError) without
    changing anything if they would break it; looking up, updating or removing
    an id that is absent raises KeyError.
    """

    __slots__ = ("_toc",)
    _toc: _core.TheoryOfChange

    def __init__(
        self,
        schema: Union[str, LevelSchema] = "theory_of_change",
        *,
        metadata: Optional[Metadata] = None,
    ) -> None:
        if isinstance(schema, str):
            schema = LevelSchema.builtin(schema)
        elif not isinstance(schema, LevelSchema):
            raise TypeError(
                f"schema must be a built-in schema name or a LevelSchema, "
                f"got {type(schema).__name__}"
            )
        self._toc = _core.TheoryOfChange(schema)
        if metadata is not None:
            self._toc.metadata = metadata

    @classmethod
    def _wrap(cls, core: _core.TheoryOfChange) -> TheoryOfChange:
        """A TheoryOfChange around a compiled one (no copy)."""
        self = cls.__new__(cls)
        self._toc = core
        return self

    # ---- schema and metadata -----------------------------------------------------

    @property
    def schema(self) -> LevelSchema:
        """The level schema. Assigning one checks every node's level is in it."""
        return self._toc.schema

    @schema.setter
    def schema(self, schema: Union[str, LevelSchema]) -> None:
        if isinstance(schema, str):
            schema = LevelSchema.builtin(schema)
        self._toc.schema = schema

    @property
    def metadata(self) -> Metadata:
        """Facts about the programme (a copy: assign a changed Metadata back)."""
        return self._toc.metadata

    @metadata.setter
    def metadata(self, metadata: Metadata) -> None:
        self._toc.metadata = metadata

    # ---- nodes -------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of nodes."""
        return self._toc.node_count()

    def __contains__(self, node_id: object) -> bool:
        """True if a node has this id."""
        return isinstance(node_id, str) and self._toc.has_node(node_id)

    def __getitem__(self, node_id: str) -> Node:
        """The node with this id (a copy); KeyError if there is none."""
        return self._toc.node(node_id)

    def __iter__(self) -> Iterator[Node]:
        """The nodes (copies) in insertion order."""
        return iter(self._toc.nodes())

    def node(self, node_id: str) -> Node:
        """The node with this id (a copy); KeyError if there is none."""
        return self._toc.node(node_id)

    def nodes(self, level: Optional[str] = None) -> list[Node]:
        """The nodes in insertion order, or those of one level (ModelError if unknown)."""
        if level is None:
            return self._toc.nodes()
        return self._toc.nodes_at(level)

    def add_node(self, node: Optional[Node] = None, /, **fields: Unpack[NodeFields]) -> None:
        """Adds a node, given as a Node or as keyword fields (or a Node plus overrides).

        ``toc.add_node(id="g", level="goal", title="...")``. Raises ModelError
        for an empty or repeated id, a level the schema lacks or an unknown actor.
        """
        self._toc.add_node(_build(Node, node, fields))

    def update_node(
        self, node: Union[Node, str], /, **fields: Unpack[NodeFields]
    ) -> None:
        """Replaces a node, given as a Node or as its id plus the fields to change.

        ``toc.update_node("oc1", title="new")`` or ``toc.update_node(node)``.
        Its links and indicators stay. KeyError if there is no such node.
        """
        if isinstance(node, str):
            value = self._toc.node(node)
            _keep_key("node", value, fields, ("id",))
            self._toc.update_node(_apply(value, fields))
        else:
            self._toc.update_node(_build(Node, node, fields))

    def remove_node(self, node_id: str) -> None:
        """Removes a node with its links and the indicators that measure it.

        Feedback about it stays on record. KeyError if there is no such node.
        """
        self._toc.remove_node(node_id)

    # ---- links -------------------------------------------------------------------

    def has_link(self, source: str, target: str) -> bool:
        """True if there is a link from source to target."""
        return self._toc.has_link(source, target)

    def link(self, source: str, target: str) -> Link:
        """The link from source to target (a copy); KeyError if there is none."""
        return self._toc.link(source, target)

    def links(self) -> list[Link]:
        """All links (copies), grouped by source in node insertion order."""
        return self._toc.links()

    def links_to(self, node_id: str) -> list[Link]:
        """The links into a node: what contributes to it directly."""
        return self._toc.links_to(node_id)

    def links_from(self, node_id: str) -> list[Link]:
        """The links out of a node: what it contributes to directly."""
        return self._toc.links_from(node_id)

    def add_link(self, link: Optional[Link] = None, /, **fields: Unpack[LinkFields]) -> None:
        """Adds a link, given as a Link or as keyword fields.

        ``toc.add_link(source="a1", target="op1", strength=0.8)``. Raises
        ModelError for an unknown node or assumption, a link joining a node to
        itself, a repeated link or a strength outside 0..1.
        """
        self._toc.add_link(_build(Link, link, fields))

    def update_link(
        self,
        link: Union[Link, str],
        target: Optional[str] = None,
        /,
        **fields: Unpack[LinkFields],
    ) -> None:
        """Replaces a link, given as a Link or as source, target plus the fields to change.

        ``toc.update_link("a1", "op1", strength=0.5)`` or ``toc.update_link(link)``.
        KeyError if there is no such link.
        """
        if isinstance(link, str):
            if target is None:
                raise TypeError("update_link(source, target, **fields) needs a target")
            value = self._toc.link(link, target)
            _keep_key("link", value, fields, ("source", "target"))
            self._toc.update_link(_apply(value, fields))
        else:
            if target is not None:
                raise TypeError("update_link(link) takes no target")
            self._toc.update_link(_build(Link, link, fields))

    def remove_link(self, source: str, target: str) -> None:
        """Removes the link from source to target; KeyError if there is none."""
        self._toc.remove_link(source, target)

    # ---- indicators --------------------------------------------------------------

    def indicators(self, node: Optional[str] = None) -> list[Indicator]:
        """All indicators (copies), or those measuring one node (KeyError if unknown)."""
        if node is None:
            return self._toc.indicators()
        return self._toc.indicators_of(node)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id (a copy); KeyError if there is none."""
        return self._toc.indicator(indicator_id)

    def has_indicator(self, indicator_id: str) -> bool:
        """True if an indicator has this id."""
        return self._toc.has_indicator(indicator_id)

    def add_indicator(
        self, indicator: Optional[Indicator] = None, /, **fields: Unpack[IndicatorFields]
    ) -> None:
        """Adds an indicator, given as an Indicator or as keyword fields.

        Raises ModelError for an empty or repeated id, an unknown node or a
        period ending before it starts.
        """
        self._toc.add_indicator(_build(Indicator, indicator, fields))

    def update_indicator(
        self, indicator: Union[Indicator, str], /, **fields: Unpack[IndicatorFields]
    ) -> None:
        """Replaces an indicator, given as an Indicator or as its id plus the fields to change."""
        if isinstance(indicator, str):
            value = self._toc.indicator(indicator)
            _keep_key("indicator", value, fields, ("id",))
            self._toc.update_indicator(_apply(value, fields))
        else:
            self._toc.update_indicator(_build(Indicator, indicator, fields))

    def remove_indicator(self, indicator_id: str) -> None:
        """Removes an indicator; KeyError if there is none."""
        self._toc.remove_indicator(indicator_id)

    # ---- assumptions -------------------------------------------------------------

    def assumptions(self) -> list[Assumption]:
        """All assumptions (copies) in insertion order."""
        return self._toc.assumptions()

    def assumption(self, assumption_id: str) -> Assumption:
        """The assumption with this id (a copy); KeyError if there is none."""
        return self._toc.assumption(assumption_id)

    def has_assumption(self, assumption_id: str) -> bool:
        """True if an assumption has this id."""
        return self._toc.has_assumption(assumption_id)

    def add_assumption(
        self, assumption: Optional[Assumption] = None, /, **fields: Unpack[AssumptionFields]
    ) -> None:
        """Adds an assumption, given as an Assumption or as keyword fields."""
        self._toc.add_assumption(_build(Assumption, assumption, fields))

    def update_assumption(
        self, assumption: Union[Assumption, str], /, **fields: Unpack[AssumptionFields]
    ) -> None:
        """Replaces an assumption, given as an Assumption or as its id plus the fields to change."""
        if isinstance(assumption, str):
            value = self._toc.assumption(assumption)
            _keep_key("assumption", value, fields, ("id",))
            self._toc.update_assumption(_apply(value, fields))
        else:
            self._toc.update_assumption(_build(Assumption, assumption, fields))

    def remove_assumption(self, assumption_id: str) -> None:
        """Removes an assumption and every link's reference to it; KeyError if absent."""
        self._toc.remove_assumption(assumption_id)

    # ---- actors ------------------------------------------------------------------

    def actors(self) -> list[Actor]:
        """All actors (copies) in insertion order."""
        return self._toc.actors()

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (a copy); KeyError if there is none."""
        return self._toc.actor(actor_id)

    def has_actor(self, actor_id: str) -> bool:
        """True if an actor has this id."""
        return self._toc.has_actor(actor_id)

    def add_actor(self, actor: Optional[Actor] = None, /, **fields: Unpack[ActorFields]) -> None:
        """Adds an actor, given as an Actor or as keyword fields."""
        self._toc.add_actor(_build(Actor, actor, fields))

    def update_actor(self, actor: Union[Actor, str], /, **fields: Unpack[ActorFields]) -> None:
        """Replaces an actor, given as an Actor or as its id plus the fields to change."""
        if isinstance(actor, str):
            value = self._toc.actor(actor)
            _keep_key("actor", value, fields, ("id",))
            self._toc.update_actor(_apply(value, fields))
        else:
            self._toc.update_actor(_build(Actor, actor, fields))

    def remove_actor(self, actor_id: str) -> None:
        """Removes an actor and every node's reference to it; KeyError if absent."""
        self._toc.remove_actor(actor_id)

    # ---- consultation feedback ---------------------------------------------------

    def feedback(self) -> list[Feedback]:
        """All consultation feedback (copies) in insertion order."""
        return self._toc.feedback()

    def feedback_item(self, feedback_id: str) -> Feedback:
        """The feedback with this id (a copy); KeyError if there is none."""
        return self._toc.feedback_item(feedback_id)

    def has_feedback(self, feedback_id: str) -> bool:
        """True if a feedback item has this id."""
        return self._toc.has_feedback(feedback_id)

    def add_feedback(
        self, feedback: Optional[Feedback] = None, /, **fields: Unpack[FeedbackFields]
    ) -> None:
        """Adds consultation feedback, given as a Feedback or as keyword fields."""
        self._toc.add_feedback(_build(Feedback, feedback, fields))

    def update_feedback(
        self, feedback: Union[Feedback, str], /, **fields: Unpack[FeedbackFields]
    ) -> None:
        """Replaces feedback, given as a Feedback or as its id plus the fields to change."""
        if isinstance(feedback, str):
            value = self._toc.feedback_item(feedback)
            _keep_key("feedback", value, fields, ("id",))
            self._toc.update_feedback(_apply(value, fields))
        else:
            self._toc.update_feedback(_build(Feedback, feedback, fields))

    def remove_feedback(self, feedback_id: str) -> None:
        """Removes a feedback item; KeyError if there is none."""
        self._toc.remove_feedback(feedback_id)

    # ---- analysis and validation -------------------------------------------------
    # Thin delegations to tocgraph.analysis and tocgraph.lint, which document them.

    def lint(
        self,
        *,
        select: Union[str, Iterable[str], None] = None,
        ignore: Union[str, Iterable[str], None] = None,
        severity: Optional[Mapping[str, SeverityName]] = None,
        min_severity: Optional[SeverityName] = None,
    ) -> Findings:
        """Checks the logic and the measurement plan; returns the findings (a list).

        ``select`` / ``ignore`` name rules by code ("TOC201"), code prefix
        ("TOC2") or name; ``severity`` re-grades rules (``{"TOC103": "error"}``);
        ``min_severity`` drops lesser findings. ``.to_pandas()`` gives a
        DataFrame; ``tocgraph.rules()`` lists the rules.
        """
        from .lint import lint

        return lint(self, select=select, ignore=ignore, severity=severity, min_severity=min_severity)

    def contributors(self, node: str, *, level: Optional[str] = None) -> list[str]:
        """Ids of every node contributing to ``node``, directly or not (optionally at one level)."""
        from .analysis import contributors

        return contributors(self, node, level=level)

    def effects(self, node: str) -> list[str]:
        """Ids of every node that ``node`` contributes to, directly or further up."""
        from .analysis import effects

        return effects(self, node)

    def topological_order(self) -> list[str]:
        """Every node id, causes before effects; CycleError (naming the cycle) if there is one."""
        from .analysis import topological_order

        return topological_order(self)

    def levels(self) -> dict[str, list[str]]:
        """The node ids of each level, keyed by level id, top level first."""
        from .analysis import levels

        return levels(self)

    def paths(self, source: str, target: str, *, limit: int = 1000) -> list[list[str]]:
        """Up to ``limit`` causal paths from ``source`` to ``target``, each a list of ids."""
        from .analysis import paths

        return paths(self, source, target, limit=limit)

    def count_paths(self, source: str, target: str) -> int:
        """The exact number of paths from ``source`` to ``target`` (a Python int of any size)."""
        from .analysis import count_paths

        return count_paths(self, source, target)

    def count_activity_paths(self, target: str) -> int:
        """The exact number of paths from any activity to ``target`` (usually the goal)."""
        from .analysis import count_activity_paths

        return count_activity_paths(self, target)

    def critical_nodes(self, target: str) -> list[str]:
        """Ids of the nodes every path from the activities to ``target`` passes through."""
        from .analysis import critical_nodes

        return critical_nodes(self, target)

    def critical_links(self, target: str) -> list[tuple[str, str]]:
        """The links (source, target) every path from the activities to ``target`` uses."""
        from .analysis import critical_links

        return critical_links(self, target)

    def what_if_removed(self, ids: Union[str, Iterable[str]]) -> RemovalImpact:
        """What removing these nodes would cut: results left unsupported, share of paths lost.

        The theory of change itself is not changed.
        """
        from .analysis import what_if_removed

        return what_if_removed(self, ids)

    def coverage(self) -> Coverage:
        """Per level, how many nodes have indicators, contributors and activities beneath."""
        from .analysis import coverage

        return coverage(self)

    def pathways_of(self, node: str) -> list[str]:
        """Ids of the pathways that ``node`` contributes to (itself if it is one)."""
        from .analysis import pathways_of

        return pathways_of(self, node)

    def subgraph(self, pathway: str) -> TheoryOfChange:
        """The sub-theory of change of one pathway, as a new TheoryOfChange."""
        from .analysis import subgraph

        return subgraph(self, pathway)

    def centrality(
        self, *, samples: Optional[int] = None, seed: int = 0, normalized: bool = True
    ) -> Centrality:
        """Betweenness centrality by node id, highest first (a dict with ``.to_pandas()``).

        Exact by default (equal to networkx's); ``samples`` estimates it from
        that many source nodes drawn with ``seed``.
        """
        from .analysis import centrality

        return centrality(self, samples=samples, seed=seed, normalized=normalized)

    # ---- monitoring --------------------------------------------------------------
    # Thin delegations to tocgraph.monitoring (docs/monitoring.md), which also
    # gives the results as plain objects for use without pandas.

    def progress(
        self,
        as_of: Optional[DateLike] = None,
        *,
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
    ) -> pandas.DataFrame:
        """Every indicator's progress as of a date (today by default): a DataFrame, one row each.

        Columns: node, indicator, title, unit, measure, accumulation,
        aggregation, ascending, baseline, baseline_date, target, target_date,
        actual, actual_date, evaluated_at, expected_value, achievement,
        expected, status, comment, notes. Achievement and expected are
        fractions of the way from baseline to final target; status is
        "on_track", "at_risk", "off_track", "not_started" or "no_data".
        Needs pandas; ``tocgraph.monitoring.progress`` gives plain objects.
        """
        from .monitoring import progress

        return progress(
            self, as_of, at_risk_below=at_risk_below, off_track_below=off_track_below
        ).to_dataframe()

    def rollup(
        self,
        as_of: Optional[DateLike] = None,
        *,
        method: RollupMethodName = "mean",
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
    ) -> pandas.DataFrame:
        """Progress rolled up through the graph: a DataFrame, one row per node.

        ``method``: "mean", "weighted" (by link strength), "weakest",
        "strongest" or "logic" (each node by its own logic). Nodes without
        data have no figure (NaN) and status "no_data". CycleError if the
        links form a cycle. ``tocgraph.monitoring.rollup`` gives plain objects.
        """
        from .monitoring import rollup

        return rollup(
            self, as_of, method=method, at_risk_below=at_risk_below, off_track_below=off_track_below
        ).to_dataframe()

    def explain(
        self,
        node: str,
        as_of: Optional[DateLike] = None,
        *,
        method: RollupMethodName = "mean",
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
    ) -> Explanation:
        """Which indicators and contributors drove a node's rolled-up figure.

        ``print()`` it for a text; ``drivers`` and ``unscored`` list the inputs.
        """
        from .monitoring import explain

        return explain(
            self, node, as_of, method=method, at_risk_below=at_risk_below, off_track_below=off_track_below
        )

    def progress_by(
        self,
        dimension: str,
        as_of: Optional[DateLike] = None,
        *,
        indicator: Optional[str] = None,
        values: Optional[Iterable[str]] = None,
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
    ) -> pandas.DataFrame:
        """Indicators broken down by a dimension (e.g. "country"): a DataFrame.

        One row per indicator and dimension value, with ``has_data`` False for
        the values with no actual by the as-of date. ``values`` fixes the
        dimension values (e.g. every Member State); ``indicator`` picks one.
        """
        from .monitoring import progress_by

        return progress_by(
            self,
            dimension,
            as_of,
            indicator=indicator,
            values=values,
            at_risk_below=at_risk_below,
            off_track_below=off_track_below,
        ).to_dataframe()

    # ---- drawing -----------------------------------------------------------------
    # Thin delegations to tocgraph.drawing and tocgraph.report, which document
    # every option (docs/drawing.md, docs/reports.md).

    def to_svg(
        self,
        *,
        color: Optional[ColorModeName] = None,
        statuses: Optional[Mapping[str, ProgressStatusName]] = None,
        as_of: Optional[DateLike] = None,
        method: RollupMethodName = "mean",
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
        title: Optional[str] = None,
        subtitle: Optional[str] = None,
        font_size: float = 12,
        max_text_width: float = 168,
        goal_text_width: float = 320,
        max_width: float = 2400,
        max_lines: int = 0,
        show_ids: bool = False,
        show_empty_levels: bool = False,
        legend: bool = True,
        level_labels: bool = True,
        id_prefix: str = "tocgraph",
    ) -> str:
        """The diagram as a self-contained SVG image: levels as bands, the goal on top.

        Boxes are coloured by level, or by monitoring status with ``statuses``
        (node id -> status) or ``as_of`` (the roll-up on that date, by
        ``method``). See ``tocgraph.drawing.to_svg`` for every option.
        """
        from .drawing import to_svg

        return to_svg(
            self,
            color=color,
            statuses=statuses,
            as_of=as_of,
            method=method,
            at_risk_below=at_risk_below,
            off_track_below=off_track_below,
            title=title,
            subtitle=subtitle,
            font_size=font_size,
            max_text_width=max_text_width,
            goal_text_width=goal_text_width,
            max_width=max_width,
            max_lines=max_lines,
            show_ids=show_ids,
            show_empty_levels=show_empty_levels,
            legend=legend,
            level_labels=level_labels,
            id_prefix=id_prefix,
        )

    def to_dot(
        self,
        *,
        color: Optional[ColorModeName] = None,
        statuses: Optional[Mapping[str, ProgressStatusName]] = None,
        as_of: Optional[DateLike] = None,
        method: RollupMethodName = "mean",
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
        title: Optional[str] = None,
        font_size: float = 12,
        max_text_width: float = 168,
        show_ids: bool = False,
        level_labels: bool = True,
    ) -> str:
        """The diagram in Graphviz's DOT language (see ``tocgraph.drawing.to_dot``)."""
        from .drawing import to_dot

        return to_dot(
            self,
            color=color,
            statuses=statuses,
            as_of=as_of,
            method=method,
            at_risk_below=at_risk_below,
            off_track_below=off_track_below,
            title=title,
            font_size=font_size,
            max_text_width=max_text_width,
            show_ids=show_ids,
            level_labels=level_labels,
        )

    def to_mermaid(
        self,
        *,
        color: Optional[ColorModeName] = None,
        statuses: Optional[Mapping[str, ProgressStatusName]] = None,
        as_of: Optional[DateLike] = None,
        method: RollupMethodName = "mean",
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
        title: Optional[str] = None,
        font_size: float = 12,
        max_text_width: float = 168,
        show_ids: bool = False,
        level_subgraphs: bool = False,
    ) -> str:
        """The diagram as a Mermaid flowchart (see ``tocgraph.drawing.to_mermaid``)."""
        from .drawing import to_mermaid

        return to_mermaid(
            self,
            color=color,
            statuses=statuses,
            as_of=as_of,
            method=method,
            at_risk_below=at_risk_below,
            off_track_below=off_track_below,
            title=title,
            font_size=font_size,
            max_text_width=max_text_width,
            show_ids=show_ids,
            level_subgraphs=level_subgraphs,
        )

    def render(
        self,
        path: Union[str, os.PathLike[str]],
        *,
        format: Optional[DrawingFormatName] = None,
        **options: Any,
    ) -> str:
        """Writes the diagram to ``path`` (replaced atomically) and returns its text.

        The format is ``format`` ("svg", "dot", "mermaid") or the suffix:
        .svg, .dot or .gv, .mmd; any other raises ValueError. ``options`` are
        those of ``to_svg``, ``to_dot`` or ``to_mermaid``.
        """
        from .drawing import render

        return render(self, path, format=format, **options)

    def report(
        self,
        path: Optional[Union[str, os.PathLike[str]]] = None,
        *,
        as_of: DateLike,
        format: Optional[ReportFormatName] = None,
        method: RollupMethodName = "mean",
        at_risk_below: float = 0.9,
        off_track_below: float = 0.6,
        title: Optional[str] = None,
    ) -> str:
        """A self-contained progress report as of a date; also written to ``path`` if given.

        ``format`` "html" or "markdown" (None: from the suffix .html/.htm or
        .md/.markdown, or "html" without a path). It holds the header, the
        diagram coloured by status, the indicator table, the roll-up by
        pathway, the validation findings, the assumptions and the
        consultation feedback by phase. See ``tocgraph.report.report``.
        """
        from .report import report

        return report(
            self,
            path,
            as_of=as_of,
            format=format,
            method=method,
            at_risk_below=at_risk_below,
            off_track_below=off_track_below,
            title=title,
        )

    def _repr_svg_(self) -> str:
        """The diagram coloured by level, so that a notebook shows a ToC as its drawing."""
        return self.to_svg()

    # ---- interoperability --------------------------------------------------------

    def to_pandas(self) -> Frames:
        """The theory of change as pandas DataFrames (nodes, links, indicators, values...).

        See ``tocgraph._pandas`` for the columns; ``tocgraph.from_pandas`` builds
        it back. Needs pandas (``pip install 'tocgraph[pandas]'``).
        """
        from ._pandas import to_pandas

        return to_pandas(self)

    def to_networkx(self) -> Any:
        """The theory of change as a networkx.DiGraph with every attribute.

        Indicators are attached to their nodes (``g.nodes[id]["indicators"]``);
        ``tocgraph.from_networkx`` builds it back. Needs networkx.
        """
        from ._networkx import to_networkx

        return to_networkx(self)

    def to_graphml(self, path: Optional[Union[str, os.PathLike[str]]] = None) -> str:
        """The GraphML document (Gephi, yEd, Cytoscape); written to ``path`` if given."""
        from .formats import to_graphml

        return to_graphml(self, path)

    def to_kumu(self, path: Optional[Union[str, os.PathLike[str]]] = None) -> dict[str, Any]:
        """The Kumu import blueprint as a dict; written to ``path`` if given."""
        from .formats import to_kumu

        return to_kumu(self, path)

    def to_dagitty(
        self,
        path: Optional[Union[str, os.PathLike[str]]] = None,
        *,
        mark_roles: bool = True,
        labels: bool = True,
        positions: bool = True,
    ) -> str:
        """The DAGitty model ``dag { ... }``; raises ModelError naming a cycle if there is one."""
        from .formats import to_dagitty

        return to_dagitty(self, path, mark_roles=mark_roles, labels=labels, positions=positions)

    def to_logframe(self, path: Union[str, os.PathLike[str]], *, bom: bool = False) -> None:
        """Writes the logframe table (docs/logframe.md) to a .csv file or an .xlsx workbook."""
        from .logframe import to_logframe

        to_logframe(self, path, bom=bom)

    def to_iati(self) -> str:
        """The IATI 2.03 activity XML of this theory of change (docs/iati.md).

        ``tocgraph.write_iati(tocs, path)`` writes several to a file.
        """
        from .iati import to_iati

        return to_iati(self)


    # ---- versions ----------------------------------------------------------------

    def feedback_items(
        self,
        *,
        phase: Optional[str] = None,
        author: Optional[str] = None,
        subject: Optional[str] = None,
        status: Optional[FeedbackStatusName] = None,
        kind: Optional[FeedbackKindName] = None,
        consultation: Optional[str] = None,
    ) -> list[Feedback]:
        """The feedback items matching every filter given (tocgraph.versions.feedback_items)."""
        from . import versions

        return versions.feedback_items(
            self,
            phase=phase,
            author=author,
            subject=subject,
            status=status,
            kind=kind,
            consultation=consultation,
        )

    def resolve_feedback(
        self,
        feedback_id: str,
        *,
        status: FeedbackStatusName,
        resolution: str = "",
        version: str = "",
        changes: Iterable[Union[str, ItemChange]] = (),
        date: Optional[DateLike] = None,
    ) -> None:
        """Records what became of a feedback item (tocgraph.versions.resolve_feedback)."""
        from . import versions

        versions.resolve_feedback(
            self,
            feedback_id,
            status=status,
            resolution=resolution,
            version=version,
            changes=changes,
            date=date,
        )

    def consultation_summary(self, *, consultation: Optional[str] = None) -> ConsultationSummary:
        """The consultation record phase by phase (tocgraph.versions.consultation_summary)."""
        from . import versions

        return versions.consultation_summary(self, consultation=consultation)

    # ---- files -------------------------------------------------------------------

    def save(self, path: Union[str, os.PathLike[str]], *, indent: int = 2) -> None:
        """Writes the theory of change to a JSON file, replacing it atomically.

        A failed save leaves an existing file as it was. Raises tocgraph.Error.
        """
        _core.save(self._toc, path, indent)

    def dumps(self, *, indent: int = 2) -> str:
        """The JSON text of the file format, ending with a newline (indent < 0: one line)."""
        return _core.dumps(self._toc, indent)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document as dicts and lists (what ``json.loads(toc.dumps())`` gives)."""
        return _core.toc_to_json(self._toc)

    # ---- value protocol ----------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        """Same schema, metadata and elements by id, whatever the insertion order."""
        if not isinstance(other, TheoryOfChange):
            return NotImplemented
        return self._toc == other._toc

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __copy__(self) -> TheoryOfChange:
        """An independent copy (the model holds values only, so copy is deep)."""
        return TheoryOfChange._wrap(_copy.copy(self._toc))

    def __deepcopy__(self, memo: dict[int, object]) -> TheoryOfChange:
        """An independent copy."""
        return TheoryOfChange._wrap(_copy.copy(self._toc))

    def __getstate__(self) -> tuple[int, str]:
        """Pickled state: (PICKLE_VERSION, the file-format JSON text)."""
        return (PICKLE_VERSION, _core.dumps(self._toc, -1))

    def __setstate__(self, state: object) -> None:
        """Restores a pickled state, refusing a version this library does not read."""
        if (
            not isinstance(state, tuple)
            or len(state) != 2
            or not isinstance(state[0], int)
            or not isinstance(state[1], str)
        ):
            raise ValueError("cannot unpickle TheoryOfChange: unrecognised state")
        if state[0] != PICKLE_VERSION:
            raise ValueError(
                f"cannot unpickle TheoryOfChange: state version {state[0]} is not "
                f"supported (this version of tocgraph reads {PICKLE_VERSION})"
            )
        self._toc = _core.loads(state[1], "<pickle>")

    def __repr__(self) -> str:
        """<TheoryOfChange 'title': N nodes, N links, N indicators>."""
        title = self._toc.metadata.title
        name = f"TheoryOfChange {title!r}" if title else "TheoryOfChange"
        return (
            f"<{name}: {_plural(self._toc.node_count(), 'node')}, "
            f"{_plural(self._toc.link_count(), 'link')}, "
            f"{_plural(self._toc.indicator_count(), 'indicator')}>"
        )


def load(path: Union[str, os.PathLike[str]]) -> TheoryOfChange:
    """Reads a theory of change from a JSON file.

    Raises FormatError (a ValueError) naming the file, the JSON pointer or
    line and column, and the problem, also when the file cannot be read.
    """
    return TheoryOfChange._wrap(_core.load(path))


def loads(text: Union[str, bytes], *, source: str = "<string>") -> TheoryOfChange:
    """Reads a theory of change from JSON text (str, or bytes holding UTF-8).

    ``source`` is the file name FormatError messages name.
    """
    return TheoryOfChange._wrap(_core.loads(text, source))


def from_dict(document: Mapping[str, Any], *, source: str = "<string>") -> TheoryOfChange:
    """Reads a theory of change from a parsed JSON document (e.g. ``json.load``'s result).

    Raises FormatError as ``loads`` does (pointers but no line numbers).
    """
    if not isinstance(document, dict):
        document = dict(document)
    return TheoryOfChange._wrap(_core.toc_from_json(document, source))

