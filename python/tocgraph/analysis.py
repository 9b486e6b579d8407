"""Analyses of a theory of change: reach, order, paths, critical results,
what-if removal, coverage, pathways and centrality.

Each function takes a :class:`~tocgraph.TheoryOfChange` and runs in C++ with
the GIL released; the same analyses are methods of TheoryOfChange
(``toc.contributors("oc1")`` is ``analysis.contributors(toc, "oc1")``).
Node ids that are absent raise KeyError naming the id; a cycle where an
analysis needs causes before effects raises :class:`~tocgraph.CycleError`.

Links point from cause to effect, upwards: the *contributors* of a result
are below it, its *effects* above it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Union

from . import _core
from ._core import Level

if TYPE_CHECKING:
    import pandas

    from ._toc import TheoryOfChange

__all__ = [
    "Centrality",
    "Coverage",
    "LevelCoverage",
    "RemovalImpact",
    "centrality",
    "contributors",
    "count_activity_paths",
    "count_paths",
    "coverage",
    "critical_links",
    "critical_nodes",
    "effects",
    "levels",
    "pathways_of",
    "paths",
    "subgraph",
    "topological_order",
    "what_if_removed",
]

_PANDAS_MISSING = "{what} needs pandas, an optional dependency: pip install tocgraph[pandas]"


def _import_pandas(what: str) -> None:
    """Raises ImportError with the install hint when pandas is missing."""
    try:
        import pandas  # noqa: F401
    except ImportError as error:
        raise ImportError(_PANDAS_MISSING.format(what=what)) from error


# ---- reach and order ---------------------------------------------------------------


def contributors(toc: TheoryOfChange, node: str, *, level: Optional[str] = None) -> list[str]:
    """Ids of every node that contributes to ``node``, directly or through other results.

    In node insertion order, ``node`` itself excluded. ``level`` keeps only
    the contributors at that level (ModelError if the schema lacks it).
    """
    return _core.contributors(toc._toc, node, level)


def effects(toc: TheoryOfChange, node: str) -> list[str]:
    """Ids of every node that ``node`` contributes to, directly or further up.

    In node insertion order, ``node`` itself excluded.
    """
    return _core.effects(toc._toc, node)


def topological_order(toc: TheoryOfChange) -> list[str]:
    """Every node id, each cause before its effects (activities first, the goal last).

    Raises CycleError, spelling the cycle, if the links form one.
    """
    return _core.topological_order(toc._toc)


def levels(toc: TheoryOfChange) -> dict[str, list[str]]:
    """The ids of the nodes of each level, keyed by level id, top level first.

    Every level of the schema is present, an empty list when it has no node.
    """
    return {level.id: ids for level, ids in _core.levels(toc._toc)}


# ---- paths -----------------------------------------------------------------------------


def paths(toc: TheoryOfChange, source: str, target: str, *, limit: int = 1000) -> list[list[str]]:
    """Up to ``limit`` causal paths from ``source`` to ``target``, each a list of ids.

    Depth-first, following links in insertion order; a path never visits a
    node twice, so this works on cyclic graphs too. Use :func:`count_paths`
    to know how many there are without listing them.
    """
    if limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    return _core.paths(toc._toc, source, target, limit)


def count_paths(toc: TheoryOfChange, source: str, target: str) -> int:
    """The exact number of distinct paths from ``source`` to ``target``.

    Counted without listing them, by dynamic programming over a topological
    order of the nodes between the two with arbitrary-precision sums, so the
    result is exact however large (layered graphs pass 2**64 paths at a few
    dozen levels). A path from a node to itself counts as one. Raises
    CycleError if a cycle lies between source and target.
    """
    return _core.count_paths(toc._toc, source, target)


def count_activity_paths(toc: TheoryOfChange, target: str) -> int:
    """The exact number of paths from any activity to ``target`` (usually the goal).

    The sum of :func:`count_paths` over the activities, computed in one pass.
    """
    return _core.count_activity_paths(toc._toc, target)


# ---- critical results and what-if removal --------------------------------------------


def critical_nodes(toc: TheoryOfChange, target: str) -> list[str]:
    """Ids of the nodes that every path from any activity to ``target`` passes through.

    Nearest the target first; losing one of them cuts the target off from
    every activity. They are the dominators of the target in the graph with
    a virtual root joined to every activity (Lengauer-Tarjan). Empty when no
    activity reaches the target, or when no single node is unavoidable.
    """
    return _core.critical_nodes(toc._toc, target)


def critical_links(toc: TheoryOfChange, target: str) -> list[tuple[str, str]]:
    """The links ``(source, target)`` that every path from any activity to ``target`` uses.

    Nearest the target first.
    """
    return _core.critical_links(toc._toc, target)


@dataclass(frozen=True)
class RemovalImpact:
    """What removing some nodes would do (see :func:`what_if_removed`).

    Attributes:
        removed: the ids removed, each once, in the order given.
        unsupported: the results some activity fed before the removal and none
            feeds after it (the removed nodes excluded), in node insertion order.
        paths_before: activity-to-goal paths before the removal, summed over the goals.
        paths_after: the same after the removal.
        share_of_paths_lost: ``1 - paths_after / paths_before``, 0.0 when there
            were no paths.
    """

    removed: list[str]
    unsupported: list[str]
    paths_before: int
    paths_after: int
    share_of_paths_lost: float

    @property
    def paths_lost(self) -> int:
        """The number of activity-to-goal paths the removal cuts."""
        return self.paths_before - self.paths_after


def what_if_removed(toc: TheoryOfChange, ids: Union[str, Iterable[str]]) -> RemovalImpact:
    """The effect of removing the nodes ``ids`` (one id or several); ``toc`` is not changed.

    Raises KeyError for an unknown id, CycleError if a cycle lies below a goal.
    """
    id_list = [ids] if isinstance(ids, str) else list(ids)
    removed, unsupported, before, after, share = _core.what_if_removed(toc._toc, id_list)
    return RemovalImpact(removed, unsupported, before, after, share)


# ---- coverage --------------------------------------------------------------------------


@dataclass(frozen=True)
class LevelCoverage:
    """How much of one level is measured and supported.

    Attributes:
        level: the level of the schema.
        nodes: its number of nodes.
        with_indicators: nodes measured by at least one indicator.
        with_contributors: nodes with at least one link into them.
        with_activities: nodes with some activity beneath them (activities count themselves).
    """

    level: Level
    nodes: int
    with_indicators: int
    with_contributors: int
    with_activities: int


@dataclass(frozen=True)
class Coverage:
    """Coverage of a theory of change, per level (top first) and for its indicators.

    ``coverage["immediate_outcome"]`` is the row of one level; iterating
    yields the rows; ``to_pandas()`` gives them as a DataFrame.

    Attributes:
        levels: one LevelCoverage per level of the schema, top first.
        indicators: the number of indicators.
        indicators_with_baseline: indicators with at least one baseline.
        indicators_with_targets: indicators with at least one target.
        indicators_with_actuals: indicators with at least one actual value.
    """

    levels: list[LevelCoverage]
    indicators: int
    indicators_with_baseline: int
    indicators_with_targets: int
    indicators_with_actuals: int

    def __getitem__(self, level: str) -> LevelCoverage:
        """The row of the level with this id; KeyError if the schema lacks it."""
        for row in self.levels:
            if row.level.id == level:
                return row
        raise KeyError(f'no level "{level}"')

    def __iter__(self) -> Iterator[LevelCoverage]:
        """The rows, top level first."""
        return iter(self.levels)

    def __len__(self) -> int:
        """The number of levels."""
        return len(self.levels)

    def to_pandas(self) -> pandas.DataFrame:
        """One row per level (indexed by level id, top first): label, role and the counts."""
        _import_pandas("Coverage.to_pandas()")
        import pandas as pd

        frame = pd.DataFrame(
            {
                "label": [r.level.label for r in self.levels],
                "role": [r.level.role for r in self.levels],
                "nodes": [r.nodes for r in self.levels],
                "with_indicators": [r.with_indicators for r in self.levels],
                "with_contributors": [r.with_contributors for r in self.levels],
                "with_activities": [r.with_activities for r in self.levels],
            },
            index=pd.Index([r.level.id for r in self.levels], name="level"),
        )
        return frame


def coverage(toc: TheoryOfChange) -> Coverage:
    """Per level, how many nodes are measured, have contributors and have activities beneath."""
    rows, indicators, with_baseline, with_targets, with_actuals = _core.coverage(toc._toc)
    return Coverage(
        [LevelCoverage(*row) for row in rows],
        indicators,
        with_baseline,
        with_targets,
        with_actuals,
    )


# ---- pathways --------------------------------------------------------------------------


def pathways_of(toc: TheoryOfChange, node: str) -> list[str]:
    """Ids of the pathway-level nodes that ``node`` contributes to (itself if a pathway)."""
    return _core.pathways_of(toc._toc, node)


def subgraph(toc: TheoryOfChange, pathway: str) -> TheoryOfChange:
    """The sub-theory of change of one pathway, as a new TheoryOfChange.

    The pathway, everything that contributes to it and everything it
    contributes to (the goal), with the links among them, their indicators,
    the assumptions and actors those name and the feedback about them;
    schema and metadata are copied.
    """
    from ._toc import TheoryOfChange  # here: _toc imports this module

    return TheoryOfChange._wrap(_core.subgraph(toc._toc, pathway))


# ---- centrality ------------------------------------------------------------------------


class Centrality(dict[str, float]):
    """Betweenness centrality by node id, highest first (a dict; see :func:`centrality`)."""

    def to_pandas(self) -> pandas.Series[float]:
        """The scores as a pandas Series named "betweenness", indexed by node id, highest first."""
        _import_pandas("Centrality.to_pandas()")
        import pandas as pd

        return pd.Series(
            list(self.values()),
            index=pd.Index(list(self.keys()), name="node"),
            name="betweenness",
            dtype=float,
        )


def centrality(
    toc: TheoryOfChange,
    *,
    samples: Optional[int] = None,
    seed: int = 0,
    normalized: bool = True,
) -> Centrality:
    """Betweenness centrality of every node: the share of shortest cause-to-effect
    paths between other nodes that run through it.

    Brandes' algorithm on the directed graph; ``normalized`` divides by
    (n-1)(n-2) as networkx does for directed graphs, so the exact values equal
    ``networkx.betweenness_centrality``. ``samples`` estimates it from that
    many source nodes drawn with ``seed`` (the same sample on every platform),
    scaled by n / samples; None, or a number at least the node count, is exact.
    """
    if samples is not None and samples < 1:
        raise ValueError(f"samples must be at least 1 (or None for the exact value), got {samples}")
    if not 0 <= seed < 2**64:
        raise ValueError(f"seed must be between 0 and 2**64 - 1, got {seed}")
    return Centrality(_core.betweenness(toc._toc, normalized, samples or 0, seed))
