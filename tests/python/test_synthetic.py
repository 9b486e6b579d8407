"""tocgraph.synthetic: deterministic, realistic theories of change of any size."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest

import tocgraph

LEVELS = [
    "goal",
    "pathway",
    "end_of_program_outcome",
    "intermediate_outcome",
    "immediate_outcome",
    "output",
    "activity",
]


def test_same_seed_same_toc_and_different_seed_different_toc() -> None:
    a = tocgraph.synthetic(500, seed=1)
    assert a == tocgraph.synthetic(500, seed=1)
    assert a.dumps() == tocgraph.synthetic(500, seed=1).dumps()
    b = tocgraph.synthetic(500, seed=2)
    assert a != b
    assert {(l.source, l.target) for l in a.links()} != {(l.source, l.target) for l in b.links()}
    assert a.metadata.title == "Synthetic theory of change (500 nodes, seed 1)"


def test_pinned_shape_of_a_small_one() -> None:
    # Level sizes follow from the node count alone: goal 1, 3 pathways, then
    # the remaining 96 split 1:3:9:27:81 with the rounding left to activities.
    toc = tocgraph.synthetic(100, seed=0)
    assert {level: len(ids) for level, ids in toc.levels().items()} == {
        "goal": 1,
        "pathway": 3,
        "end_of_program_outcome": 0,
        "intermediate_outcome": 2,
        "immediate_outcome": 7,
        "output": 21,
        "activity": 66,
    }
    assert toc["goal0"].level == "goal" and toc["act65"].level == "activity"
    assert toc["act0"].status == "ongoing" and toc["act0"].title == "Activity 0"


@pytest.mark.parametrize("nodes", [3, 4, 10, 1000, 20000])
def test_realistic_shape(nodes: int) -> None:
    toc = tocgraph.synthetic(nodes, seed=5)
    assert len(toc) == nodes
    levels = toc.levels()
    sizes = [len(levels[level]) for level in LEVELS]
    assert sizes[0] == 1  # one goal
    assert sizes[1] >= 1
    assert sum(sizes) == nodes
    non_empty = [s for s in sizes[2:] if s > 0]
    assert non_empty == sorted(non_empty)  # levels grow downwards
    rank = {level: i for i, level in enumerate(LEVELS)}
    out_degree: Counter[str] = Counter()
    in_degree: Counter[str] = Counter()
    for link in toc.links():
        source, target = toc[link.source], toc[link.target]
        assert rank[source.level] > rank[target.level]  # upwards only
        # to the nearest non-empty level above
        assert all(sizes[r] == 0 for r in range(rank[target.level] + 1, rank[source.level]))
        assert link.strength is not None and 0.5 <= link.strength <= 1.0
        out_degree[link.source] += 1
        in_degree[link.target] += 1
    for node in toc:
        if node.level == "goal":
            assert out_degree[node.id] == 0
        else:
            assert 1 <= out_degree[node.id] <= 3  # fan-out
    # Everything leads to the goal and nothing is cyclic.
    assert sorted(toc.contributors("goal0")) == sorted(n.id for n in toc if n.id != "goal0")
    assert toc.topological_order()[-1] == "goal0"
    assert [f for f in toc.lint(select="TOC1") if f.code in ("TOC101", "TOC102", "TOC103", "TOC104")] == []
    if nodes >= 1000:
        # fan-in: results above the activities gather about three contributors each
        fan_in = [in_degree[n] for n in levels["output"]]
        assert 3 <= statistics.mean(fan_in) <= 8
        fan_out = [out_degree[n] for n in levels["activity"]]
        assert 1.5 <= statistics.mean(fan_out) <= 2.5


def test_indicators_on_most_outcomes_and_outputs() -> None:
    toc = tocgraph.synthetic(2000, seed=9)
    measured_levels = {"end_of_program_outcome", "intermediate_outcome", "immediate_outcome", "output"}
    candidates = [n.id for n in toc if n.level in measured_levels]
    indicators = toc.indicators()
    measured = {i.node for i in indicators}
    assert measured <= set(candidates)
    assert 0.7 <= len(measured) / len(candidates) <= 0.9  # about four in five
    for ind in indicators[:50]:
        assert ind.unit == "count" and ind.accumulation == "cumulative"
        assert len(ind.baselines) == 1 and ind.baselines[0].value is not None
        assert [t.period.start.year for t in ind.targets] == [2021, 2022, 2023, 2024]
        assert [a.period.start.year for a in ind.actuals] == [2021, 2022, 2023]
        values = [t.value for t in ind.targets]
        assert values == sorted(values)  # targets rise year on year
        assert ind.title == f"Indicator of {ind.node}"
    cov = toc.coverage()
    assert cov.indicators == len(indicators) == cov.indicators_with_baseline == cov.indicators_with_targets


def test_bare_graph() -> None:
    toc = tocgraph.synthetic(300, seed=1, indicators=False, titles=False)
    assert toc.indicators() == []
    assert all(n.title == "" for n in toc)
    with_everything = tocgraph.synthetic(300, seed=1)
    # the same graph either way
    assert {(l.source, l.target) for l in toc.links()} == {(l.source, l.target) for l in with_everything.links()}


def test_pathways_and_cross_links() -> None:
    toc = tocgraph.synthetic(3000, seed=4, pathways=5)
    assert toc.levels()["pathway"] == ["pw0", "pw1", "pw2", "pw3", "pw4"]
    # Without cross links every node serves exactly one pathway.
    separate = tocgraph.synthetic(3000, seed=4, pathways=5, cross_links=0.0)
    assert all(len(separate.pathways_of(n)) == 1 for n in separate.levels()["activity"][:300])
    crossing = tocgraph.synthetic(3000, seed=4, pathways=5, cross_links=1.0)
    shared = sum(len(crossing.pathways_of(n)) > 1 for n in crossing.levels()["activity"][:300])
    assert shared > 100
    default = tocgraph.synthetic(3000, seed=4, pathways=5)
    some = sum(len(default.pathways_of(n)) > 1 for n in default.levels()["activity"][:300])
    assert 0 < some < shared


def test_default_pathways_grow_with_size() -> None:
    assert len(tocgraph.synthetic(1000).levels()["pathway"]) == 3
    assert len(tocgraph.synthetic(200000, indicators=False, titles=False).levels()["pathway"]) == 7


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="nodes must be at least 3, got 2"):
        tocgraph.synthetic(2)
    with pytest.raises(TypeError, match="nodes must be an int, got float"):
        tocgraph.synthetic(10.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="seed must be at least 0"):
        tocgraph.synthetic(10, seed=-1)
    with pytest.raises(ValueError, match="seed must be below 2\\*\\*64"):
        tocgraph.synthetic(10, seed=2**64)
    assert tocgraph.synthetic(10, seed=2**64 - 1) == tocgraph.synthetic(10, seed=2**64 - 1)
    with pytest.raises(ValueError, match="pathways must be at least 1"):
        tocgraph.synthetic(10, pathways=0)
    with pytest.raises(ValueError, match="cross_links must be between 0 and 1"):
        tocgraph.synthetic(10, cross_links=1.5)
    with pytest.raises(ValueError, match="cross_links must be between 0 and 1"):
        tocgraph.synthetic(10, cross_links=float("nan"))
