"""Analyses of a theory of change: reach, order, paths, critical results,
what-if removal, coverage, pathways and centrality.

Each function takes a :class:`~tocgraph.TheoryOfChange` first and runs in C++
with the GIL released; the same analyses are methods of TheoryOfChange
(``toc.contributors("oc1")`` is ``analysis.contributors(toc, "oc1")``).
Node ids that are absent raise KeyError naming the id; a cycle where an
analysis needs causes before effects raises :class:`~tocgraph.CycleError`.

Links point from cause to effect, upwards: the *contributors* of a result
are below it, its *effects* above it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Optional, Union, overload

from . import _core
from ._core.analysis import CentralityOptions, Coverage, LevelCoverage, RemovalImpact
from ._optional import optional_module, pandas_module
from ._options import documented
from ._registry import attach, core, present

if TYPE_CHECKING:
    import pandas
    from typing_extensions import Unpack

    from ._keywords import CentralityKeywords
    from ._toc import TheoryOfChange

__all__ = [
    "Centrality",
    "Coverage",
    "LevelCoverage",
    "RemovalImpact",
    "centrality",
    "ReachMatrix",
    "contributors",
    "contributors_of",
    "count_activity_paths",
    "count_paths",
    "coverage",
    "critical_links",
    "critical_nodes",
    "effects",
    "effects_of",
    "levels",
    "pathways_of",
    "paths",
    "subgraph",
    "topological_order",
    "what_if_removed",
]


# ---- reach and order ---------------------------------------------------------------


def contributors(toc: TheoryOfChange, node: str, *, level: Optional[str] = None) -> list[str]:
    """Ids of every node that contributes to ``node``, directly or through other results.

    In node insertion order, ``node`` itself excluded. ``level`` keeps only
    the contributors at that level (ModelError if the schema lacks it).
    """
    return _core.analysis.contributors(core(toc), node, level)


def effects(toc: TheoryOfChange, node: str) -> list[str]:
    """Ids of every node that ``node`` contributes to, directly or further up (insertion order)."""
    return _core.analysis.effects(core(toc), node)


class ReachMatrix(NamedTuple):
    """What ``form="matrix"`` returns: a scipy.sparse CSR matrix with a row per node
    asked about and a column per node of the ToC, 1 where the column node is reached."""

    matrix: Any  #: a scipy.sparse.csr_matrix of int8
    rows: list[str]
    columns: list[str]


def _reach_many(
    toc: TheoryOfChange, nodes: Iterable[str], up: bool, level: Optional[str], form: str, column: str
) -> Union[dict[str, list[str]], pandas.DataFrame, ReachMatrix]:
    ids = [nodes] if isinstance(nodes, str) else list(nodes)
    if form == "dict":
        rows: list[list[str]] = _core.analysis.reach_many(core(toc), ids, up, level)
        return dict(zip(ids, rows))
    if form == "frame":
        pd = pandas_module('form="frame"')
        rows = _core.analysis.reach_many(core(toc), ids, up, level)
        reached = [r for row in rows for r in row]
        node_column = [node for node, row in zip(ids, rows) for _ in row]
        frame: pandas.DataFrame = pd.DataFrame({"node": node_column, column: reached})
        return frame
    if form == "matrix":
        np = optional_module("numpy", "scipy", 'form="matrix"')
        sparse = optional_module("scipy.sparse", "scipy", 'form="matrix"')
        offsets, columns = _core.analysis.reach_many_csr(core(toc), ids, up, level)
        indptr = np.frombuffer(offsets, dtype=np.int64)
        indices = np.frombuffer(columns, dtype=np.uint32).astype(np.int32)
        names = _core.analysis.node_ids(core(toc))
        data = np.ones(len(indices), dtype=np.int8)
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(ids), len(names)))
        return ReachMatrix(matrix, ids, names)
    raise ValueError(f'form must be "dict", "frame" or "matrix", got {form!r}')


@overload
def contributors_of(
    toc: TheoryOfChange, nodes: Iterable[str], *, level: Optional[str] = None, form: Literal["dict"] = "dict"
) -> dict[str, list[str]]: ...
@overload
def contributors_of(
    toc: TheoryOfChange, nodes: Iterable[str], *, level: Optional[str] = None, form: Literal["frame"]
) -> pandas.DataFrame: ...
@overload
def contributors_of(
    toc: TheoryOfChange, nodes: Iterable[str], *, level: Optional[str] = None, form: Literal["matrix"]
) -> ReachMatrix: ...
def contributors_of(
    toc: TheoryOfChange, nodes: Iterable[str], *, level: Optional[str] = None, form: str = "dict"
) -> Union[dict[str, list[str]], pandas.DataFrame, ReachMatrix]:
    """:func:`contributors` of many nodes in one call (one C++ pass, no Python loop).

    ``form="dict"`` (default): ``{node: [contributor ids]}`` in the order given;
    ``"frame"``: a pandas DataFrame with columns ``node`` and ``contributor``,
    one row per pair; ``"matrix"``: a :class:`ReachMatrix` whose scipy.sparse
    CSR matrix has a row per node given and a column per node of the ToC
    (insertion order). KeyError names the first unknown id.
    """
    return _reach_many(toc, nodes, False, level, form, "contributor")


@overload
def effects_of(toc: TheoryOfChange, nodes: Iterable[str], *, form: Literal["dict"] = "dict") -> dict[str, list[str]]: ...
@overload
def effects_of(toc: TheoryOfChange, nodes: Iterable[str], *, form: Literal["frame"]) -> pandas.DataFrame: ...
@overload
def effects_of(toc: TheoryOfChange, nodes: Iterable[str], *, form: Literal["matrix"]) -> ReachMatrix: ...
def effects_of(
    toc: TheoryOfChange, nodes: Iterable[str], *, form: str = "dict"
) -> Union[dict[str, list[str]], pandas.DataFrame, ReachMatrix]:
    """:func:`effects` of many nodes in one call; ``form`` as in :func:`contributors_of`
    (the frame's columns are ``node`` and ``effect``)."""
    return _reach_many(toc, nodes, True, None, form, "effect")


def topological_order(toc: TheoryOfChange) -> list[str]:
    """Every node id, each cause before its effects (activities first, the goal last).

    Raises CycleError, spelling the cycle, if the links form one.
    """
    return _core.analysis.topological_order(core(toc))


def levels(toc: TheoryOfChange) -> dict[str, list[str]]:
    """The ids of the nodes of each level, keyed by level id, top level first.

    Every level of the schema is present, an empty list when it has no node.
    """
    return _core.analysis.levels(core(toc))


# ---- paths -----------------------------------------------------------------------------


def paths(toc: TheoryOfChange, source: str, target: str, *, limit: Optional[int] = None) -> list[list[str]]:
    """Up to ``limit`` causal paths from ``source`` to ``target``, each a list of ids.

    Depth-first, following links in insertion order; a path never visits a
    node twice, so this works on cyclic graphs too. ``limit`` None: the C++
    library's default (1000). :func:`count_paths` counts them all.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    return _core.analysis.paths(core(toc), source, target, limit)


def count_paths(toc: TheoryOfChange, source: str, target: str) -> int:
    """The exact number of distinct paths from ``source`` to ``target``, however large.

    Counted without listing them, over a topological order with
    arbitrary-precision sums. A path from a node to itself counts as one.
    Raises CycleError if a cycle lies between source and target.
    """
    return _core.analysis.count_paths(core(toc), source, target)


def count_activity_paths(toc: TheoryOfChange, target: str) -> int:
    """The exact number of paths from any activity to ``target`` (usually the goal), in one pass."""
    return _core.analysis.count_activity_paths(core(toc), target)


# ---- critical results and what-if removal --------------------------------------------


def critical_nodes(toc: TheoryOfChange, target: str) -> list[str]:
    """Ids of the nodes that every path from any activity to ``target`` passes through.

    Nearest the target first: losing one of them cuts the target off from
    every activity (the dominators of the target). Empty
    when no activity reaches the target, or no single node is unavoidable.
    """
    return _core.analysis.critical_nodes(core(toc), target)


def critical_links(toc: TheoryOfChange, target: str) -> list[tuple[str, str]]:
    """The links ``(source, target)`` that every path from any activity to ``target`` uses, nearest first."""
    return _core.analysis.critical_links(core(toc), target)


def what_if_removed(toc: TheoryOfChange, ids: Union[str, Iterable[str]]) -> RemovalImpact:
    """The effect of removing the nodes ``ids`` (one id or several); ``toc`` is not changed.

    Raises KeyError for an unknown id, CycleError if a cycle lies below a goal.
    """
    return _core.analysis.what_if_removed(core(toc), [ids] if isinstance(ids, str) else list(ids))


# ---- coverage and pathways -------------------------------------------------------------


def coverage(toc: TheoryOfChange) -> Coverage:
    """Per level, how many nodes are measured, have contributors and have activities beneath."""
    return _core.analysis.coverage(core(toc))


def _coverage_frame(self: Coverage) -> pandas.DataFrame:
    """One row per level (indexed by level id, top first): label, role and the counts."""
    pd = pandas_module("Coverage.to_pandas()")
    counts = ("nodes", "with_indicators", "with_contributors", "with_activities")
    columns = {"label": [r.level.label for r in self], "role": [r.level.role for r in self]}
    columns.update({c: [getattr(r, c) for r in self] for c in counts})
    frame: pandas.DataFrame = pd.DataFrame(columns, index=pd.Index([r.level.id for r in self], name="level"))
    return frame


attach(Coverage, to_pandas=_coverage_frame)


def pathways_of(toc: TheoryOfChange, node: str) -> list[str]:
    """Ids of the pathway-level nodes that ``node`` contributes to (itself if a pathway)."""
    return _core.analysis.pathways_of(core(toc), node)


def subgraph(toc: TheoryOfChange, pathway: str) -> TheoryOfChange:
    """The sub-theory of change of one pathway, as a new TheoryOfChange.

    The pathway, everything that contributes to it and everything it
    contributes to (the goal), with the links among them, their indicators,
    the assumptions and actors those name and the feedback about them;
    schema and metadata are copied.
    """
    return _core.analysis.subgraph(core(toc), pathway)


# ---- centrality ------------------------------------------------------------------------


class Centrality(dict[str, float]):
    """Betweenness centrality by node id, highest first (a dict; see :func:`centrality`)."""

    def to_pandas(self) -> pandas.Series[float]:
        """The scores as a pandas Series named "betweenness", indexed by node id, highest first."""
        pd = pandas_module("Centrality.to_pandas()")
        index = pd.Index(list(self.keys()), name="node")
        series: pandas.Series[float] = pd.Series(list(self.values()), index=index, name="betweenness", dtype=float)
        return series


def centrality(toc: TheoryOfChange, **options: Unpack[CentralityKeywords]) -> Centrality:
    """Betweenness centrality of every node: the share of shortest cause-to-effect
    paths between other nodes that run through it.

    Brandes' algorithm on the directed graph, equal to
    ``networkx.betweenness_centrality`` when exact and normalised. ``samples``
    estimates it from that many source nodes drawn with ``seed`` (the same
    sample on every platform), scaled by n / samples.
    """
    return Centrality(_core.analysis.betweenness(core(toc), CentralityOptions(**options)))


documented(centrality, CentralityOptions)


present(globals())
