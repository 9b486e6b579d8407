"""The analyses on the bundled ASEAN-ACT example and on small hand-built
theories of change, with values worked out by hand from the graphs."""

from __future__ import annotations

import copy
import pickle
import sys
from collections.abc import Callable

import pytest

import tocgraph
from conftest import EXAMPLE, in_threads, toc_of

# The example's activities and how they reach the goal (examples/asean-act/toc.json):
#   3 planning activities -> out_planning_guidance -> io_1_1 -> eopo_1
#   act_exchanges -> out_knowledge_exchange -> io_1_2 -> eopo_1
#   act_monitoring_template -> out_monitoring_template -> io_1_3 -> eopo_1
#   act_national_reporting, act_regional_report_launch -> out_progress_reports -> io_1_2 and io_1_3
#   eopo_1 -> pathway_1 -> goal; act_cso_dialogue has no links.
# So 3 + 1 + 1 + 2 + 2 = 9 activity-to-goal paths, all through eopo_1 and pathway_1.
ACTIVITIES_ON_PATHWAY_1 = [
    "act_planning_workshops",
    "act_draft_guidance",
    "act_exchanges",
    "act_monitoring_template",
    "act_national_reporting",
    "act_translate_guidance",
    "act_regional_report_launch",
]


@pytest.fixture(scope="module")
def example() -> tocgraph.TheoryOfChange:
    return tocgraph.load(EXAMPLE)


def chain(*ids: str) -> tocgraph.TheoryOfChange:
    """goal <- ... <- activity: ids given top first, one node per level of a logframe."""
    levels = ["goal", "purpose", "output", "activity"]
    links = [(lower, upper) for upper, lower in zip(ids, ids[1:])]
    return toc_of(zip(ids, levels), links, schema="logframe")


def diamond() -> tocgraph.TheoryOfChange:
    """g <- p <- {o1, o2} <- a1 (both), a2 -> o2 only."""
    return toc_of(
        [("g", "goal"), ("p", "purpose"), ("o1", "output"), ("o2", "output"),
         ("a1", "activity"), ("a2", "activity")],
        [("p", "g"), ("o1", "p"), ("o2", "p"), ("a1", "o1"), ("a1", "o2"), ("a2", "o2")],
        schema="logframe",
    )


# ---- reach ----------------------------------------------------------------------------


def test_contributors_of_an_outcome(example: tocgraph.TheoryOfChange) -> None:
    assert example.contributors("eopo_1") == [
        "io_1_1",
        "io_1_2",
        "io_1_3",
        "out_planning_guidance",
        "out_knowledge_exchange",
        "out_monitoring_template",
        "out_progress_reports",
        *ACTIVITIES_ON_PATHWAY_1,
    ]


def test_contributors_at_one_level(example: tocgraph.TheoryOfChange) -> None:
    assert example.contributors("goal", level="activity") == ACTIVITIES_ON_PATHWAY_1
    assert example.contributors("io_1_2", level="output") == [
        "out_knowledge_exchange",
        "out_progress_reports",
    ]
    assert example.contributors("goal", level="intermediate_outcome") == []


def test_contributors_of_an_unknown_level_is_a_model_error(example: tocgraph.TheoryOfChange) -> None:
    with pytest.raises(tocgraph.ModelError, match='unknown level "outcome"'):
        example.contributors("goal", level="outcome")


def test_effects(example: tocgraph.TheoryOfChange) -> None:
    assert example.effects("act_national_reporting") == [
        "goal",
        "pathway_1",
        "eopo_1",
        "io_1_2",
        "io_1_3",
        "out_progress_reports",
    ]
    assert example.effects("goal") == []
    assert example.effects("act_cso_dialogue") == []


def test_contributors_and_effects_of_many_nodes_in_one_call(example: tocgraph.TheoryOfChange) -> None:
    asked = ["io_1_2", "goal", "out_progress_reports"]
    assert example.contributors_of(asked) == {node: example.contributors(node) for node in asked}
    assert example.contributors_of(asked, level="output") == {
        node: example.contributors(node, level="output") for node in asked
    }
    assert example.effects_of(["act_national_reporting", "goal"]) == {
        "act_national_reporting": example.effects("act_national_reporting"),
        "goal": [],
    }
    assert example.contributors_of([]) == {}


def test_many_nodes_as_a_frame_and_as_a_sparse_matrix(example: tocgraph.TheoryOfChange) -> None:
    frame = tocgraph.analysis.contributors_of(example, ["io_1_2", "out_progress_reports"], form="frame")
    assert list(frame.columns) == ["node", "contributor"]
    expected = [("io_1_2", c) for c in example.contributors("io_1_2")] + [
        ("out_progress_reports", c) for c in example.contributors("out_progress_reports")
    ]
    assert list(frame.itertuples(index=False, name=None)) == expected
    effects = tocgraph.analysis.effects_of(example, ["act_national_reporting"], form="frame")
    assert list(effects["effect"]) == example.effects("act_national_reporting")

    pytest.importorskip("scipy")
    reach = tocgraph.analysis.contributors_of(example, ["io_1_2", "goal"], form="matrix")
    assert reach.rows == ["io_1_2", "goal"]
    assert reach.columns == [n.id for n in example]
    assert reach.matrix.shape == (2, len(example))
    for row, node in enumerate(reach.rows):
        marked = [reach.columns[c] for c in reach.matrix.getrow(row).indices]
        assert marked == example.contributors(node)


def test_many_nodes_refuse_bad_input(example: tocgraph.TheoryOfChange) -> None:
    with pytest.raises(KeyError, match='no node "nope"'):
        example.contributors_of(["goal", "nope"])
    with pytest.raises(ValueError, match='form must be "dict", "frame" or "matrix"'):
        example.contributors_of(["goal"], form="list")  # type: ignore[call-overload]


def test_queries_see_every_edit(example: tocgraph.TheoryOfChange) -> None:
    toc = copy.deepcopy(example)
    before = toc.contributors("io_1_2")
    toc.add_node(id="act_new", level="activity", title="New")
    toc.add_link(source="act_new", target="out_progress_reports")
    assert toc.contributors("io_1_2") == before + ["act_new"]
    order = [n.id for n in toc]
    above = {"out_progress_reports", *toc.effects("out_progress_reports")}
    assert toc.effects("act_new") == sorted(above, key=order.index)
    toc.remove_node("act_new")
    assert toc.contributors("io_1_2") == before
    assert toc.topological_order().index("out_progress_reports") < toc.topological_order().index("io_1_2")


@pytest.mark.parametrize(
    "call",
    [
        lambda t: t.contributors("nope"),
        lambda t: t.effects("nope"),
        lambda t: t.paths("nope", "goal"),
        lambda t: t.paths("goal", "nope"),
        lambda t: t.count_paths("act_exchanges", "nope"),
        lambda t: t.count_activity_paths("nope"),
        lambda t: t.critical_nodes("nope"),
        lambda t: t.critical_links("nope"),
        lambda t: t.what_if_removed(["act_exchanges", "nope"]),
        lambda t: t.pathways_of("nope"),
        lambda t: t.subgraph("nope"),
    ],
)
def test_unknown_ids_raise_key_error_naming_them(
    example: tocgraph.TheoryOfChange, call: Callable[[tocgraph.TheoryOfChange], object]
) -> None:
    with pytest.raises(KeyError, match='no node "nope"'):
        call(example)


# ---- order ----------------------------------------------------------------------------


def test_topological_order(example: tocgraph.TheoryOfChange) -> None:
    order = example.topological_order()
    assert sorted(order) == sorted(n.id for n in example)
    position = {node_id: i for i, node_id in enumerate(order)}
    for link in example.links():
        assert position[link.source] < position[link.target]
    assert order[-1] == "goal"


def test_levels(example: tocgraph.TheoryOfChange) -> None:
    levels = example.levels()
    assert list(levels) == [level.id for level in example.schema.levels]
    assert levels["goal"] == ["goal"]
    assert levels["pathway"] == ["pathway_1", "pathway_2", "pathway_3"]
    assert levels["intermediate_outcome"] == []
    assert len(levels["activity"]) == 8


def test_a_cycle_is_a_typed_error_that_spells_it() -> None:
    toc = chain("g", "p", "o", "a")
    toc.add_link(source="p", target="o")  # o -> p -> o
    with pytest.raises(tocgraph.CycleError) as caught:
        toc.topological_order()
    error = caught.value
    assert isinstance(error, tocgraph.ModelError)
    assert isinstance(error, tocgraph.Error)
    assert isinstance(error, ValueError)
    assert error.cycle in (["o", "p", "o"], ["p", "o", "p"])
    assert str(error) == "the links form a cycle: " + " -> ".join(error.cycle)
    assert error.id == error.cycle[0]
    with pytest.raises(tocgraph.CycleError):
        toc.count_paths("a", "g")
    with pytest.raises(tocgraph.CycleError):
        toc.what_if_removed("a")
    # A cycle that does not lie between source and target is no obstacle.
    toc.add_node(id="a2", level="activity")
    toc.add_link(source="a2", target="g")
    assert toc.count_paths("a2", "g") == 1


def test_cycle_error_pickles() -> None:
    error = tocgraph.CycleError("the links form a cycle: a -> b -> a", id="a", cycle=["a", "b", "a"])
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is tocgraph.CycleError
    assert (str(copy), copy.id, copy.cycle) == (str(error), "a", ["a", "b", "a"])


# ---- paths ----------------------------------------------------------------------------


def test_paths_and_counts(example: tocgraph.TheoryOfChange) -> None:
    assert example.paths("act_national_reporting", "goal") == [
        ["act_national_reporting", "out_progress_reports", "io_1_2", "eopo_1", "pathway_1", "goal"],
        ["act_national_reporting", "out_progress_reports", "io_1_3", "eopo_1", "pathway_1", "goal"],
    ]
    assert example.count_paths("act_national_reporting", "goal") == 2
    assert example.count_paths("out_planning_guidance", "goal") == 1
    assert example.count_paths("goal", "act_exchanges") == 0  # links point upwards
    assert example.count_paths("act_cso_dialogue", "goal") == 0
    assert example.paths("act_cso_dialogue", "goal") == []
    assert example.count_activity_paths("goal") == 9
    assert example.count_activity_paths("io_1_3") == 3
    assert example.count_activity_paths("pathway_2") == 0


def test_a_path_from_a_node_to_itself_counts_once(example: tocgraph.TheoryOfChange) -> None:
    assert example.count_paths("eopo_1", "eopo_1") == 1
    assert example.paths("eopo_1", "eopo_1") == [["eopo_1"]]


def test_paths_limit(example: tocgraph.TheoryOfChange) -> None:
    everything = example.paths("act_national_reporting", "goal")
    assert example.paths("act_national_reporting", "goal", limit=1) == everything[:1]
    assert example.paths("act_national_reporting", "goal", limit=0) == []
    with pytest.raises(ValueError, match="limit must not be negative"):
        example.paths("act_national_reporting", "goal", limit=-1)


def ladder(width: int, layers: int) -> tocgraph.TheoryOfChange:
    """`layers` layers of `width` activities/outputs, each node linked to every
    node of the layer above; the top layer links to one goal. From any bottom
    node there are width**(layers-1) paths to the goal."""
    toc = tocgraph.TheoryOfChange(schema="logframe")
    toc.add_node(id="goal", level="goal")
    for layer in range(layers):
        for i in range(width):
            toc.add_node(id=f"n{layer}_{i}", level="activity" if layer == 0 else "output")
    for layer in range(layers - 1):
        for i in range(width):
            for j in range(width):
                toc.add_link(source=f"n{layer}_{i}", target=f"n{layer + 1}_{j}")
    for i in range(width):
        toc.add_link(source=f"n{layers - 1}_{i}", target="goal")
    return toc


@pytest.mark.parametrize(("width", "layers"), [(2, 70), (3, 60), (2, 200), (5, 40)])
def test_count_paths_is_exact_beyond_64_bits(width: int, layers: int) -> None:
    toc = ladder(width, layers)
    assert toc.count_paths("n0_0", "goal") == width ** (layers - 1)
    assert toc.count_paths("n0_0", "goal") > 2**64
    assert toc.count_activity_paths("goal") == width**layers
    assert toc.count_paths("n0_0", f"n{layers - 1}_0") == width ** (layers - 2)
    assert type(toc.count_paths("n0_0", "goal")) is int


def test_what_if_share_is_exact_for_huge_counts() -> None:
    # Cutting one of the two nodes of a middle layer halves the paths.
    toc = ladder(2, 1100)  # 2**1100 paths: beyond the range of a double
    impact = toc.what_if_removed("n500_1")
    assert impact.paths_before == 2**1100
    assert impact.paths_after == 2**1099
    assert impact.paths_lost == 2**1099
    assert impact.share_of_paths_lost == 0.5


# ---- critical results -------------------------------------------------------------------


def test_critical_nodes_and_links(example: tocgraph.TheoryOfChange) -> None:
    assert example.critical_nodes("goal") == ["pathway_1", "eopo_1"]
    assert example.critical_links("goal") == [("pathway_1", "goal"), ("eopo_1", "pathway_1")]
    assert example.critical_nodes("io_1_1") == ["out_planning_guidance"]
    assert example.critical_links("io_1_1") == [("out_planning_guidance", "io_1_1")]
    assert example.critical_nodes("eopo_1") == []  # three immediate outcomes feed it
    assert example.critical_nodes("io_1_2") == []
    assert example.critical_nodes("pathway_2") == []  # no activity reaches it
    assert example.critical_links("pathway_2") == []


def test_critical_nodes_of_a_chain_include_the_single_activity() -> None:
    toc = chain("g", "p", "o", "a")
    assert toc.critical_nodes("g") == ["p", "o", "a"]
    assert toc.critical_links("g") == [("p", "g"), ("o", "p"), ("a", "o")]
    assert toc.critical_nodes("a") == []  # a path may start at the activity itself
    assert toc.critical_links("a") == []


def test_critical_in_a_diamond() -> None:
    toc = diamond()
    assert toc.critical_nodes("g") == ["p"]
    assert toc.critical_links("g") == [("p", "g")]
    assert toc.critical_nodes("o1") == ["a1"]
    assert toc.critical_nodes("o2") == []


# ---- what-if removal ------------------------------------------------------------------


def test_what_if_removed(example: tocgraph.TheoryOfChange) -> None:
    impact = example.what_if_removed("out_progress_reports")
    assert impact == tocgraph.RemovalImpact(removed=["out_progress_reports"], unsupported=[], paths_before=9, paths_after=5)
    assert impact.share_of_paths_lost == pytest.approx(4 / 9)
    assert impact.paths_lost == 4

    impact = example.what_if_removed(["act_exchanges"])
    assert impact.unsupported == ["out_knowledge_exchange"]
    assert (impact.paths_before, impact.paths_after) == (9, 8)

    impact = example.what_if_removed(
        ["act_monitoring_template", "act_national_reporting", "act_regional_report_launch", "act_national_reporting"]
    )
    assert impact.removed == ["act_monitoring_template", "act_national_reporting", "act_regional_report_launch"]
    assert impact.unsupported == ["io_1_3", "out_monitoring_template", "out_progress_reports"]
    assert (impact.paths_before, impact.paths_after) == (9, 4)
    assert impact.share_of_paths_lost == pytest.approx(5 / 9)

    impact = example.what_if_removed("goal")
    assert impact.paths_after == 0 and impact.share_of_paths_lost == 1.0
    assert impact.unsupported == []  # the goal itself is removed, nothing else loses support

    assert len(example) == 22  # unchanged


def test_what_if_nothing_is_removed(example: tocgraph.TheoryOfChange) -> None:
    impact = example.what_if_removed([])
    assert impact == tocgraph.RemovalImpact(removed=[], unsupported=[], paths_before=9, paths_after=9)
    assert impact.share_of_paths_lost == 0.0
    empty = tocgraph.TheoryOfChange()
    assert empty.what_if_removed([]) == tocgraph.RemovalImpact(removed=[], unsupported=[], paths_before=0, paths_after=0)


# ---- coverage -------------------------------------------------------------------------


def test_coverage(example: tocgraph.TheoryOfChange) -> None:
    cov = example.coverage()
    rows = {
        row.level.id: (row.nodes, row.with_indicators, row.with_contributors, row.with_activities)
        for row in cov
    }
    assert rows == {
        "goal": (1, 0, 1, 1),
        "pathway": (3, 0, 3, 1),
        "end_of_program_outcome": (3, 1, 1, 1),
        "intermediate_outcome": (0, 0, 0, 0),
        "immediate_outcome": (3, 3, 3, 3),
        "output": (4, 4, 4, 4),
        "activity": (8, 0, 0, 8),
    }
    assert [row.level.id for row in cov] == [level.id for level in example.schema.levels]
    assert len(cov) == 7
    assert cov["output"].level.label == "Output"
    with pytest.raises(KeyError):
        cov["outcome"]
    assert (cov.indicators, cov.indicators_with_baseline, cov.indicators_with_targets,
            cov.indicators_with_actuals) == (10, 7, 10, 10)


def test_coverage_to_pandas(example: tocgraph.TheoryOfChange) -> None:
    pytest.importorskip("pandas")
    frame = example.coverage().to_pandas()
    assert list(frame.index) == [level.id for level in example.schema.levels]
    assert frame.index.name == "level"
    assert list(frame.columns) == [
        "label", "role", "nodes", "with_indicators", "with_contributors", "with_activities",
    ]
    assert frame.loc["immediate_outcome", "with_indicators"] == 3
    assert frame.loc["activity", "role"] == "activity"
    assert int(frame["nodes"].sum()) == 22


# ---- pathways -------------------------------------------------------------------------


def test_pathways_of(example: tocgraph.TheoryOfChange) -> None:
    assert example.pathways_of("act_national_reporting") == ["pathway_1"]
    assert example.pathways_of("pathway_2") == ["pathway_2"]
    assert example.pathways_of("eopo_3") == ["pathway_3"]
    assert example.pathways_of("goal") == []
    assert example.pathways_of("act_cso_dialogue") == []


def test_subgraph(example: tocgraph.TheoryOfChange) -> None:
    sub = example.subgraph("pathway_1")
    assert isinstance(sub, tocgraph.TheoryOfChange)
    assert sorted(n.id for n in sub) == sorted(
        ["goal", "pathway_1", "eopo_1", "io_1_1", "io_1_2", "io_1_3", "out_planning_guidance",
         "out_knowledge_exchange", "out_monitoring_template", "out_progress_reports",
         *ACTIVITIES_ON_PATHWAY_1]
    )
    assert len(sub.links()) == 17  # all but the four links of pathways 2 and 3
    assert len(sub.indicators()) == 10
    assert {a.id for a in sub.assumptions()} == {
        "asm_commitment", "asm_data_sharing", "asm_guidance_used", "asm_travel", "asm_secretariat_capacity",
    }
    assert sub.metadata == example.metadata
    assert sub.schema == example.schema
    assert sub.count_activity_paths("goal") == 9

    sub2 = example.subgraph("pathway_2")
    assert sorted(n.id for n in sub2) == ["eopo_2", "goal", "pathway_2"]
    assert sub2.indicators() == [] and sub2.assumptions() == []


# ---- centrality -----------------------------------------------------------------------


def test_centrality_of_a_chain() -> None:
    # In a -> o -> p -> g the shortest paths a..p, a..g and o..g pass through
    # o and p: o lies on a->p and a->g (2), p on a->g and o->g (2).
    toc = chain("g", "p", "o", "a")
    assert toc.centrality(normalized=False) == {"o": 2.0, "p": 2.0, "g": 0.0, "a": 0.0}
    scores = toc.centrality()
    assert scores == {"o": pytest.approx(2 / 6), "p": pytest.approx(2 / 6), "g": 0.0, "a": 0.0}
    assert list(scores) == ["p", "o", "g", "a"]  # highest first, ties in insertion order
    assert isinstance(scores, dict) and isinstance(scores, tocgraph.Centrality)


def test_centrality_of_the_example(example: tocgraph.TheoryOfChange) -> None:
    scores = example.centrality()
    assert set(scores) == {n.id for n in example}
    top = next(iter(scores))
    assert top == "eopo_1"  # every route from the work plan to the goal passes it
    assert scores["act_cso_dialogue"] == 0.0


def test_centrality_sampling(example: tocgraph.TheoryOfChange) -> None:
    exact = example.centrality()
    assert example.centrality(samples=len(example)) == exact
    assert example.centrality(samples=1000) == exact
    sampled = example.centrality(samples=5, seed=7)
    assert sampled == example.centrality(samples=5, seed=7)  # same seed, same sample
    assert set(sampled) == set(exact)
    with pytest.raises(ValueError, match="samples must be at least 1"):
        example.centrality(samples=0)
    with pytest.raises(ValueError, match="seed must be"):
        example.centrality(samples=3, seed=-1)


def test_centrality_to_pandas(example: tocgraph.TheoryOfChange) -> None:
    pytest.importorskip("pandas")
    series = example.centrality().to_pandas()
    assert series.name == "betweenness"
    assert series.index.name == "node"
    assert series.index[0] == "eopo_1"
    assert series["eopo_1"] == example.centrality()["eopo_1"]
    assert len(series) == 22


def test_to_pandas_without_pandas_names_the_extra(
    example: tocgraph.TheoryOfChange, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"pip install 'tocgraph\[pandas\]'"):
        example.coverage().to_pandas()
    with pytest.raises(ImportError, match=r"pip install 'tocgraph\[pandas\]'"):
        example.centrality().to_pandas()
    with pytest.raises(ImportError, match=r"pip install 'tocgraph\[pandas\]'"):
        example.lint().to_pandas()
    with pytest.raises(ImportError, match=r"pip install 'tocgraph\[pandas\]'"):
        tocgraph.rules().to_pandas()


# ---- module functions and threads -------------------------------------------------------


def test_module_functions_equal_the_methods(example: tocgraph.TheoryOfChange) -> None:
    from tocgraph import analysis

    assert analysis.contributors(example, "eopo_1", level="output") == example.contributors(
        "eopo_1", level="output"
    )
    assert analysis.count_paths(example, "act_exchanges", "goal") == 1
    assert analysis.coverage(example) == example.coverage()


def test_analyses_run_in_parallel_threads() -> None:
    # The GIL is released during the C++ work: several threads analysing one
    # ToC at once get the same results as one thread.
    toc = tocgraph.synthetic(20000, seed=3, indicators=False)
    expected = toc.count_activity_paths("goal0")
    assert in_threads(lambda: toc.count_activity_paths("goal0")) == [expected] * 4
