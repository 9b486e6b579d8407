"""Property tests: the analyses of random theories of change agree with
networkx (or with brute force where networkx has no equivalent)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pytest

nx = pytest.importorskip("networkx")
hypothesis = pytest.importorskip("hypothesis")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import tocgraph  # noqa: E402

LEVELS = ["goal", "pathway", "end_of_program_outcome", "immediate_outcome", "output", "activity"]
ROOT = ("virtual root",)  # a node id no ToC node can have
# No deadline: the machine running the suite may be busy.
RELAXED = settings(deadline=None, max_examples=60)


@dataclass
class Case:
    toc: tocgraph.TheoryOfChange
    graph: nx.DiGraph  # the same nodes and links, added in the same order
    ids: list[str]  # node ids in insertion order


@st.composite
def cases(draw: st.DrawFn, max_nodes: int = 12, acyclic: bool = True) -> Case:
    """A random ToC: nodes at random levels, links between random pairs.

    Acyclic cases link only from a lower to a higher position of a random
    order (so links may point "down" the levels: the analyses do not assume
    otherwise). Nodes and links are added in random order.
    """
    n = draw(st.integers(min_value=1, max_value=max_nodes))
    levels = draw(st.lists(st.sampled_from(LEVELS), min_size=n, max_size=n))
    order = draw(st.permutations(range(n)))  # position of each node in the causal order
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    if acyclic:
        pairs = pairs.filter(lambda p: order[p[0]] < order[p[1]])
    links = draw(st.lists(pairs, max_size=3 * n, unique=True)) if n > 1 else []
    insertion = draw(st.permutations(range(n)))
    ids = [f"n{i}" for i in insertion]
    toc = tocgraph.TheoryOfChange()
    graph = nx.DiGraph()
    for i in insertion:
        toc.add_node(id=f"n{i}", level=levels[i])
        graph.add_node(f"n{i}", level=levels[i])
    for s, t in links:
        toc.add_link(source=f"n{s}", target=f"n{t}")
        graph.add_edge(f"n{s}", f"n{t}")
    return Case(toc, graph, ids)


def in_insertion_order(case: Case, ids: Iterable[str]) -> list[str]:
    chosen = set(ids)
    return [i for i in case.ids if i in chosen]


def activities(case: Case) -> list[str]:
    return [n for n, level in case.graph.nodes(data="level") if level == "activity"]


def nodes_of(case: Case) -> st.SearchStrategy[str]:
    return st.sampled_from(case.ids)


# ---- reach and order -------------------------------------------------------------------


@RELAXED
@given(data=st.data(), case=cases(acyclic=False))
def test_contributors_are_ancestors_and_effects_descendants(data: st.DataObject, case: Case) -> None:
    node = data.draw(nodes_of(case))
    assert case.toc.contributors(node) == in_insertion_order(case, nx.ancestors(case.graph, node))
    assert case.toc.effects(node) == in_insertion_order(case, nx.descendants(case.graph, node))
    level = data.draw(st.sampled_from(LEVELS))
    assert case.toc.contributors(node, level=level) == in_insertion_order(
        case, (a for a in nx.ancestors(case.graph, node) if case.graph.nodes[a]["level"] == level)
    )


@RELAXED
@given(case=cases())
def test_topological_order_is_valid(case: Case) -> None:
    order = case.toc.topological_order()
    assert sorted(order) == sorted(case.ids)
    position = {node: i for i, node in enumerate(order)}
    assert all(position[s] < position[t] for s, t in case.graph.edges)


@RELAXED
@given(case=cases(acyclic=False, max_nodes=8))
def test_cycles_are_reported_as_real_cycles(case: Case) -> None:
    if nx.is_directed_acyclic_graph(case.graph):
        case.toc.topological_order()
        return
    with pytest.raises(tocgraph.CycleError) as caught:
        case.toc.topological_order()
    cycle = caught.value.cycle
    assert len(cycle) >= 3 and cycle[0] == cycle[-1]
    assert len(set(cycle[:-1])) == len(cycle) - 1  # a simple cycle
    assert all(case.graph.has_edge(a, b) for a, b in zip(cycle, cycle[1:]))
    assert str(caught.value) == "the links form a cycle: " + " -> ".join(cycle)


# ---- paths ---------------------------------------------------------------------------------


@RELAXED
@given(data=st.data(), case=cases())
def test_paths_and_counts_equal_all_simple_paths(data: st.DataObject, case: Case) -> None:
    source = data.draw(nodes_of(case))
    target = data.draw(nodes_of(case))
    if source == target:
        assert case.toc.count_paths(source, target) == 1
        return
    expected = list(nx.all_simple_paths(case.graph, source, target))
    assert case.toc.count_paths(source, target) == len(expected)
    assert case.toc.paths(source, target) == expected  # same depth-first order, links in insertion order
    limit = data.draw(st.integers(0, 5))
    assert case.toc.paths(source, target, limit=limit) == expected[:limit]


@RELAXED
@given(data=st.data(), case=cases(acyclic=False, max_nodes=7))
def test_paths_are_simple_paths_on_cyclic_graphs_too(data: st.DataObject, case: Case) -> None:
    source = data.draw(nodes_of(case))
    target = data.draw(nodes_of(case))
    if source != target:
        assert case.toc.paths(source, target) == list(nx.all_simple_paths(case.graph, source, target))


def count_by_dp(graph: nx.DiGraph, sources: Iterable[str], target: str) -> int:
    count = dict.fromkeys(graph, 0)
    for s in sources:
        count[s] += 1
    for node in nx.topological_sort(graph):
        for successor in graph.successors(node):
            count[successor] += count[node]
    return count[target]


@RELAXED
@given(data=st.data(), case=cases(max_nodes=16))
def test_activity_path_counts(data: st.DataObject, case: Case) -> None:
    target = data.draw(nodes_of(case))
    assert case.toc.count_activity_paths(target) == count_by_dp(case.graph, activities(case), target)


# ---- critical nodes and links ---------------------------------------------------------------


def reaches(graph: nx.DiGraph, sources: Iterable[str], target: str) -> bool:
    return any(s == target or nx.has_path(graph, s, target) for s in sources if s in graph)


@RELAXED
@given(data=st.data(), case=cases(acyclic=False))
def test_critical_nodes_are_dominators_from_the_activities(data: st.DataObject, case: Case) -> None:
    target = data.draw(nodes_of(case))
    # The C++ definition: dominators of the target in the graph with a
    # virtual root joined to every activity, nearest the target first.
    rooted = case.graph.copy()
    rooted.add_node(ROOT)  # also when there is no activity to join
    rooted.add_edges_from((ROOT, a) for a in activities(case))
    idom = nx.immediate_dominators(rooted, ROOT)
    expected = []
    if target in idom:
        node = idom[target]
        while node != ROOT:
            expected.append(node)
            node = idom[node]
    assert case.toc.critical_nodes(target) == expected
    # and by brute force: removing any one of them cuts the target off
    acts = activities(case)
    if reaches(case.graph, acts, target):
        for node in case.ids:
            if node == target:
                continue
            cut = case.graph.copy()
            cut.remove_node(node)
            assert (not reaches(cut, acts, target)) == (node in expected)


@RELAXED
@given(data=st.data(), case=cases(acyclic=False))
def test_critical_links_by_brute_force(data: st.DataObject, case: Case) -> None:
    target = data.draw(nodes_of(case))
    acts = activities(case)
    expected = set()
    if reaches(case.graph, acts, target):
        for link in case.graph.edges:
            cut = case.graph.copy()
            cut.remove_edge(*link)
            if not reaches(cut, acts, target):
                expected.add(link)
    found = case.toc.critical_links(target)
    assert set(found) == expected
    assert len(found) == len(expected)


# ---- what-if removal, pathways, coverage ---------------------------------------------------------


@RELAXED
@given(data=st.data(), case=cases(max_nodes=14))
def test_what_if_removed_by_brute_force(data: st.DataObject, case: Case) -> None:
    removed = data.draw(st.lists(nodes_of(case), max_size=4))
    impact = case.toc.what_if_removed(removed)
    assert impact.removed == list(dict.fromkeys(removed))
    acts = activities(case)
    after = case.graph.copy()
    after.remove_nodes_from(removed)

    def supported(graph: nx.DiGraph) -> set[str]:
        out: set[str] = set()
        for a in acts:
            if a in graph:
                out |= {a} | nx.descendants(graph, a)
        return out

    lost = supported(case.graph) - supported(after) - set(removed)
    assert impact.unsupported == in_insertion_order(case, lost)
    goals = [n for n, level in case.graph.nodes(data="level") if level == "goal"]
    before_count = sum(count_by_dp(case.graph, acts, g) for g in goals)
    after_count = sum(count_by_dp(after, [a for a in acts if a in after], g) for g in goals if g in after)
    assert (impact.paths_before, impact.paths_after) == (before_count, after_count)
    expected_share = 1 - after_count / before_count if before_count else 0.0
    assert impact.share_of_paths_lost == pytest.approx(expected_share)
    assert len(case.toc) == len(case.ids)  # not changed


@RELAXED
@given(data=st.data(), case=cases(acyclic=False))
def test_pathways_of(data: st.DataObject, case: Case) -> None:
    node = data.draw(nodes_of(case))
    above = nx.descendants(case.graph, node) | {node}
    assert case.toc.pathways_of(node) == in_insertion_order(
        case, (n for n in above if case.graph.nodes[n]["level"] == "pathway")
    )


@RELAXED
@given(data=st.data(), case=cases(acyclic=False))
def test_subgraph_keeps_what_is_above_and_below(data: st.DataObject, case: Case) -> None:
    node = data.draw(nodes_of(case))
    keep = nx.ancestors(case.graph, node) | nx.descendants(case.graph, node) | {node}
    sub = case.toc.subgraph(node)
    assert sorted(n.id for n in sub) == sorted(keep)
    assert {(l.source, l.target) for l in sub.links()} == set(case.graph.subgraph(keep).edges)


@RELAXED
@given(case=cases(acyclic=False))
def test_coverage_counts(case: Case) -> None:
    acts = activities(case)
    supported: set[str] = set()
    for a in acts:
        supported |= {a} | nx.descendants(case.graph, a)
    for row in case.toc.coverage():
        members = [n for n, level in case.graph.nodes(data="level") if level == row.level.id]
        assert row.nodes == len(members)
        assert row.with_contributors == sum(case.graph.in_degree(n) > 0 for n in members)
        assert row.with_activities == sum(n in supported for n in members)
        assert row.with_indicators == 0


# ---- centrality ---------------------------------------------------------------------------


@RELAXED
@given(case=cases(acyclic=False, max_nodes=14), normalized=st.booleans())
def test_exact_betweenness_equals_networkx(case: Case, normalized: bool) -> None:
    expected = nx.betweenness_centrality(case.graph, normalized=normalized)
    found = case.toc.centrality(normalized=normalized)
    assert set(found) == set(expected)
    for node, value in expected.items():
        assert found[node] == pytest.approx(value, abs=1e-12)
    values = list(found.values())
    assert values == sorted(values, reverse=True)


def splitmix64_sample(n: int, samples: int, seed: int) -> list[int]:
    """The sources the C++ code samples: the first steps of a Fisher-Yates
    shuffle driven by SplitMix64 with Lemire's multiply-shift, reimplemented
    to pin down that the sample is the same on every platform."""
    mask = 2**64 - 1
    state = seed

    def below(bound: int) -> int:
        nonlocal state
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        return ((z ^ (z >> 31)) * bound) >> 64

    sources = list(range(n))
    for i in range(samples):
        j = i + below(n - i)
        sources[i], sources[j] = sources[j], sources[i]
    return sources[:samples]


@RELAXED
@given(
    case=cases(acyclic=False, max_nodes=14),
    samples=st.integers(1, 20),
    seed=st.integers(0, 2**64 - 1),
    normalized=st.booleans(),
)
def test_sampled_betweenness(case: Case, samples: int, seed: int, normalized: bool) -> None:
    found = case.toc.centrality(samples=samples, seed=seed, normalized=normalized)
    assert found == case.toc.centrality(samples=samples, seed=seed, normalized=normalized)
    n = len(case.ids)
    if samples >= n:
        assert found == case.toc.centrality(normalized=normalized)
        return
    # The estimate: the exact dependencies of the sampled sources, scaled by n / samples.
    expected = dict.fromkeys(case.ids, 0.0)
    for index in splitmix64_sample(n, samples, seed):
        source = case.ids[index]
        dependency = nx.betweenness_centrality_subset(
            case.graph, sources=[source], targets=list(case.graph), normalized=False
        )
        for node, value in dependency.items():
            expected[node] += value
    scale = n / samples / ((n - 1) * (n - 2) if normalized and n > 2 else 1)
    for node in case.ids:
        assert found[node] == pytest.approx(expected[node] * scale, abs=1e-9)


# ---- large counts --------------------------------------------------------------------------


@settings(max_examples=10, deadline=None)
@given(width=st.integers(2, 4), layers=st.integers(30, 70))
def test_ladder_counts_are_exact(width: int, layers: int) -> None:
    toc = tocgraph.TheoryOfChange(schema="logframe")
    toc.add_node(id="top", level="goal")
    for layer in range(layers):
        for i in range(width):
            toc.add_node(id=f"{layer}.{i}", level="activity" if layer == 0 else "output")
            if layer:
                for j in range(width):
                    toc.add_link(source=f"{layer - 1}.{j}", target=f"{layer}.{i}")
    for i in range(width):
        toc.add_link(source=f"{layers - 1}.{i}", target="top")
    assert toc.count_paths("0.0", "top") == width ** (layers - 1)
    assert toc.count_activity_paths("top") == width**layers
    assert toc.count_paths(f"{layers // 2}.1", "top") == width ** (layers - 1 - layers // 2)


# ---- queries between edits -------------------------------------------------------------


@RELAXED
@given(data=st.data(), case=cases(acyclic=False))
def test_queries_after_edits_see_the_edited_graph(data: st.DataObject, case: Case) -> None:
    """Answers read from the graph's index (and the id strings the bindings
    keep for it) follow every edit between queries: nodes removed and added
    (a new id may take a freed vertex number), links added and removed."""
    fresh = 0
    for _ in range(data.draw(st.integers(1, 6))):
        case.ids = [node.id for node in case.toc]  # the order answers are listed in
        assert sorted(case.ids) == sorted(case.graph.nodes)
        for node in data.draw(st.lists(st.sampled_from(case.ids), max_size=3)) if case.ids else []:
            assert case.toc.contributors(node) == in_insertion_order(case, nx.ancestors(case.graph, node))
            assert case.toc.effects(node) == in_insertion_order(case, nx.descendants(case.graph, node))
        if nx.is_directed_acyclic_graph(case.graph):
            order = case.toc.topological_order()
            position = {node: i for i, node in enumerate(order)}
            assert sorted(order) == sorted(case.ids)
            assert all(position[s] < position[t] for s, t in case.graph.edges)
        edit = data.draw(st.sampled_from(["remove node", "add node", "add link", "remove link"]))
        if edit == "remove node" and case.ids:
            node = data.draw(st.sampled_from(case.ids))
            case.toc.remove_node(node)
            case.graph.remove_node(node)
        elif edit == "add node":
            node, fresh = f"new{fresh}", fresh + 1
            level = data.draw(st.sampled_from(LEVELS))
            case.toc.add_node(id=node, level=level)
            case.graph.add_node(node, level=level)
        elif edit == "add link" and len(case.ids) > 1:
            source, target = data.draw(st.lists(st.sampled_from(case.ids), min_size=2, max_size=2, unique=True))
            if not case.graph.has_edge(source, target):
                case.toc.add_link(source=source, target=target)
                case.graph.add_edge(source, target)
        elif edit == "remove link" and case.graph.number_of_edges():
            source, target = data.draw(st.sampled_from(sorted(case.graph.edges)))
            case.toc.remove_link(source, target)
            case.graph.remove_edge(source, target)
