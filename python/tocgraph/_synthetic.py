"""Synthetic theories of change of any size, for tests, benchmarks and demonstrations
(``tocgraph.synthetic``)."""

from __future__ import annotations

import math
import operator
from typing import TYPE_CHECKING, Optional, SupportsIndex

from . import _core

if TYPE_CHECKING:
    from ._toc import TheoryOfChange

__all__ = ["synthetic"]


def _count(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, SupportsIndex):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    number = operator.index(value)
    if number < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {number}")
    return number


def synthetic(
    nodes: int = 1000,
    *,
    seed: int = 0,
    pathways: Optional[int] = None,
    cross_links: float = 0.1,
    indicators: bool = True,
    titles: bool = True,
) -> TheoryOfChange:
    """A realistic, deterministic theory of change with ``nodes`` nodes.

    The same arguments give the same theory of change on every platform; a
    different ``seed`` gives a different one. Its shape, in the default
    schema: one goal; ``pathways`` pathways (None: 3 to 12, growing with the
    size); then end-of-program, intermediate and immediate outcomes, outputs
    and activities, each level about three times the one above. Every node
    below the goal links to 1-3 nodes of the level above, mostly in its own
    pathway; a share ``cross_links`` of the extra links crosses to another
    pathway. With ``indicators``, about four outcomes and outputs in five get
    an indicator with a baseline, yearly targets and actuals. ``titles=False``
    and ``indicators=False`` give the bare graph, for memory measurements.

    Raises ValueError for fewer than 3 nodes or cross_links outside 0..1.
    """
    node_count = _count(nodes, "nodes", 3)
    seed_value = _count(seed, "seed", 0)
    if seed_value >= 2**64:
        raise ValueError(f"seed must be below 2**64, got {seed_value}")
    pathway_count = 0 if pathways is None else _count(pathways, "pathways", 1)
    share = float(cross_links)
    if not (0.0 <= share <= 1.0) or math.isnan(share):
        raise ValueError(f"cross_links must be between 0 and 1, got {cross_links!r}")

    from ._toc import TheoryOfChange  # here: _toc imports this package's modules

    core = _core.synthetic(node_count, seed_value, pathway_count, share, bool(indicators), bool(titles))
    return TheoryOfChange._wrap(core)
