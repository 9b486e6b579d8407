"""Synthetic theories of change of any size, for tests, benchmarks and demonstrations
(``tocgraph.synthetic``; include/tocgraph/synthetic.hpp)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _core
from ._core.model import SyntheticOptions
from ._options import documented

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import SyntheticKeywords
    from ._toc import TheoryOfChange

__all__ = ["synthetic"]


def synthetic(nodes: int = SyntheticOptions().nodes, **options: Unpack[SyntheticKeywords]) -> TheoryOfChange:
    """A realistic, deterministic theory of change with ``nodes`` nodes, for tests and benchmarks.

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
    Defaults: SyntheticOptions. ValueError for fewer than 3 nodes or
    cross_links outside 0..1.
    """
    return _core.model.synthetic(SyntheticOptions(nodes=nodes, **options))


documented(synthetic, SyntheticOptions)
