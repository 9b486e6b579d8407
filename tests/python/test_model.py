"""The model API: value classes, TheoryOfChange edits, errors, value
semantics, equality, copies and pickling."""

from __future__ import annotations

import ast
import copy
import datetime
import inspect
import pickle
import re
from pathlib import Path

import pytest

import tocgraph
from tocgraph import _core

from conftest import make_toc, toc_of

VALUE_CLASSES = [
    tocgraph.Period,
    tocgraph.Level,
    tocgraph.Budget,
    tocgraph.Node,
    tocgraph.Evidence,
    tocgraph.Link,
    tocgraph.Baseline,
    tocgraph.PeriodValue,
    tocgraph.Indicator,
    tocgraph.Assumption,
    tocgraph.Actor,
    tocgraph.Feedback,
    tocgraph.Source,
    tocgraph.ConsultationPhase,
    tocgraph.ConsultationEvent,
    tocgraph.Consultation,
    tocgraph.Metadata,
]


def sample(cls: type) -> object:
    """A value of each class with non-default fields."""
    period = tocgraph.Period("2020-01-01", "2020-12-31")
    samples: dict[type, object] = {
        tocgraph.Period: period,
        tocgraph.Level: tocgraph.Level("tier", "Tier", "output"),
        tocgraph.Budget: tocgraph.Budget(10.5, "AUD"),
        tocgraph.Node: tocgraph.Node(
            id="n", level="goal", tags=["t"], start="2020-01-01", budget=tocgraph.Budget(1),
            attributes={"k": [1, 2]},
        ),
        tocgraph.Evidence: tocgraph.Evidence(strength="weak", references=["r"]),
        tocgraph.Link: tocgraph.Link(source="a", target="b", strength=0.5,
                                     evidence=tocgraph.Evidence(strength="weak")),
        tocgraph.Baseline: tocgraph.Baseline(date="2020-01-01", value=1, dimensions={"sex": "f"}),
        tocgraph.PeriodValue: tocgraph.PeriodValue(period=period, value=2, numerator=1,
                                                   denominator=2),
        tocgraph.Indicator: tocgraph.Indicator(
            id="i", node="n", measure="ordinal",
            targets=[tocgraph.PeriodValue(period=period, value=3)],
        ),
        tocgraph.Assumption: tocgraph.Assumption(id="a", likelihood=0.2, risk="high",
                                                 status="at_risk"),
        tocgraph.Actor: tocgraph.Actor(id="x", name="X", type="donor"),
        tocgraph.Feedback: tocgraph.Feedback(id="f", kind="priority", status="accepted",
                                             date="2021-01-01"),
        tocgraph.Source: tocgraph.Source(id="s", url="u"),
        tocgraph.ConsultationPhase: tocgraph.ConsultationPhase(id="p", title="P"),
        tocgraph.ConsultationEvent: tocgraph.ConsultationEvent(date="2020-05-05", title="E"),
        tocgraph.Consultation: tocgraph.Consultation(
            id="c", phases=[tocgraph.ConsultationPhase(id="p")], objectives=["o"]
        ),
        tocgraph.Metadata: tocgraph.Metadata(title="T", period=period,
                                             sources=[tocgraph.Source(id="s")]),
    }
    return samples[cls]


# ---- value classes --------------------------------------------------------------


@pytest.mark.parametrize("cls", VALUE_CLASSES, ids=lambda c: c.__name__)
def test_value_protocol(cls: type) -> None:
    value = sample(cls)
    assert value == copy.copy(value)
    assert value == copy.deepcopy(value)
    assert value is not copy.copy(value)
    assert pickle.loads(pickle.dumps(value)) == value
    assert repr(value).startswith(cls.__name__ + "(")
    assert eval(repr(value), {**vars(tocgraph), "datetime": datetime}) == value  # noqa: S307
    assert cls.__module__ == "tocgraph"
    if cls is tocgraph.Period:
        other = tocgraph.Period("1999-01-01", "1999-01-02")
    elif cls is tocgraph.PeriodValue:
        other = tocgraph.PeriodValue(period=sample(tocgraph.Period))
    else:
        other = cls()
    assert other != value and not (other == value)


@pytest.mark.parametrize("cls", VALUE_CLASSES, ids=lambda c: c.__name__)
def test_value_pickle_refuses_unknown_version(cls: type) -> None:
    value = sample(cls)
    state = value.__getstate__()
    assert state[0] == 1
    bad = (2,) + tuple(state[1:])
    fresh = cls.__new__(cls)  # what pickle does before __setstate__
    with pytest.raises(ValueError, match=f"cannot unpickle {cls.__name__}: unsupported state version 2"):
        fresh.__setstate__(bad)


def test_defaults_and_repr() -> None:
    node = tocgraph.Node(id="g", level="goal", title="Goal")
    assert repr(node) == "Node(id='g', level='goal', title='Goal')"
    assert node.logic == "all" and node.tags == [] and node.start is None
    assert node.attributes is None and node.budget is None and node.status is None
    assert repr(tocgraph.Link(source="a", target="b")) == "Link(source='a', target='b')"
    ind = tocgraph.Indicator()
    assert (ind.measure, ind.ascending, ind.accumulation, ind.aggregation) == (
        "unit", True, "level", "sum")
    assert tocgraph.Assumption().status == "untested"
    assert (tocgraph.Feedback().kind, tocgraph.Feedback().status) == ("comment", "open")
    assert tocgraph.Level("x").role == "outcome"


def test_value_classes_take_keyword_arguments_only() -> None:
    with pytest.raises(TypeError):
        tocgraph.Node("g", "goal")  # type: ignore[misc]
    assert tocgraph.Period("2020-01-01", "2020-01-02").end == datetime.date(2020, 1, 2)


def test_dates() -> None:
    node = tocgraph.Node(start="2020-02-29", end=datetime.date(2020, 3, 1))
    assert node.start == datetime.date(2020, 2, 29)
    with pytest.raises(ValueError, match=re.escape('invalid date "2021-02-30"; expected YYYY-MM-DD')):
        node.start = "2021-02-30"
    with pytest.raises(ValueError, match="invalid date"):
        node.start = "1/2/2020"
    with pytest.raises(TypeError, match="got datetime"):
        node.start = datetime.datetime(2020, 1, 1, 12, 0)
    with pytest.raises(TypeError, match="got int"):
        node.start = 2020  # type: ignore[assignment]
    node.start = None
    assert node.start is None
    assert datetime.date(2020, 6, 1) in tocgraph.Period("2020-01-01", "2020-12-31")


def test_enums() -> None:
    node = tocgraph.Node()
    node.logic = "weighted"
    assert node.logic == "weighted"
    with pytest.raises(ValueError) as info:
        node.logic = "most"  # type: ignore[assignment]
    assert str(info.value) == 'unknown value "most"; expected "all", "any" or "weighted"'
    with pytest.raises(TypeError, match="expected a str"):
        node.status = 3  # type: ignore[assignment]
    ind = tocgraph.Indicator(measure=5)
    assert ind.measure == "qualitative"
    with pytest.raises(ValueError, match="unknown IATI measure code 7; expected 1 to 5"):
        ind.measure = 7
    with pytest.raises(ValueError, match='"low", "medium" or "high"'):
        tocgraph.Assumption(risk="huge")  # type: ignore[arg-type]


def test_attributes() -> None:
    attrs = {"s": "é", "i": 2**62, "u": 2**64 - 1, "f": 0.25, "b": False, "n": None,
             "l": [1, [2, {"x": ()}]], "t": (1, 2)}
    node = tocgraph.Node(attributes=attrs)
    assert node.attributes == {**attrs, "l": [1, [2, {"x": []}]], "t": [1, 2]}
    with pytest.raises(TypeError, match="attributes must be a dict or None, got list"):
        node.attributes = [1]  # type: ignore[assignment]
    with pytest.raises(TypeError, match="cannot convert set to JSON"):
        node.attributes = {"x": {1}}
    with pytest.raises(TypeError, match="object keys must be str, got int"):
        node.attributes = {"x": {1: 2}}
    with pytest.raises(ValueError, match="out of range"):
        node.attributes = {"x": 2**70}
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="nesting deeper than 256 levels"):
        node.attributes = {"x": loop}
    node.attributes = {}
    assert node.attributes == {}
    node.attributes = None
    assert node.attributes is None


def test_nested_values_write_back() -> None:
    """A change to a list, dict or value read from a field changes the field."""
    node = tocgraph.Node(tags=["a"])
    node.tags.append("b")
    assert node.tags == ["a", "b"]
    node.tags += ["c"]
    del node.tags[0]
    assert node.tags == ["b", "c"] and node.tags is node.tags
    link = tocgraph.Link(source="a", target="b")
    link.assumptions.append("as1")
    assert link.assumptions == ["as1"]

    ind = tocgraph.Indicator()
    pv = tocgraph.PeriodValue(period=tocgraph.Period("2020-01-01", "2020-12-31"), value=1)
    ind.targets = [pv]
    ind.targets[0].value = 99
    ind.targets[0].period.end = "2021-01-31"
    ind.targets[0].dimensions["country"] = "KH"
    assert ind.targets[0] == tocgraph.PeriodValue(
        period=tocgraph.Period("2020-01-01", "2021-01-31"), value=99, dimensions={"country": "KH"})
    assert pv.value == 1  # assigning a field stored a copy
    ind.actuals.append(pv)
    pv.value = 7  # ... and so does putting a value into a list field
    assert ind.actuals[0].value == 1
    node.attributes = {"notes": ["x"]}
    node.attributes["notes"].append({"y": 1})
    node.attributes["notes"][1]["y"] = 2
    assert node.attributes == {"notes": ["x", {"y": 2}]}
    node.budget = tocgraph.Budget(10, "AUD")
    node.budget.amount = 20
    assert node.budget == tocgraph.Budget(20, "AUD")


def test_values_read_before_a_field_is_assigned_are_on_their_own() -> None:
    """As with any Python object: replacing a field detaches what was read from it."""
    ind = tocgraph.Indicator(targets=[tocgraph.PeriodValue(period=tocgraph.Period("2020-01-01", "2020-12-31"))])
    first = ind.targets[0]
    old = ind.targets
    ind.targets = []
    first.value = 5
    old.append(first)
    assert ind.targets == [] and first.value == 5 and len(old) == 2
    fresh = ind.targets  # a new list, attached again
    fresh.append(tocgraph.PeriodValue(period=tocgraph.Period("2021-01-01", "2021-12-31")))
    assert len(ind.targets) == 1


def test_the_metadata_of_a_theory_of_change_writes_back(toc: tocgraph.TheoryOfChange) -> None:
    toc.metadata.title = "Renamed"
    toc.metadata.sources[0].title = "Slides"
    toc.metadata.consultations[0].phases.append(tocgraph.ConsultationPhase(id="after"))
    assert toc.metadata.title == "Renamed" and toc.metadata.sources[0].title == "Slides"
    assert [p.id for p in tocgraph.loads(toc.dumps()).metadata.consultations[0].phases] == ["workshop", "after"]
    meta = toc.metadata  # the read-change-assign way still works
    meta.funder = "DFAT and partners"
    toc.metadata = meta
    assert toc.metadata.funder == "DFAT and partners"


def test_elements_read_from_a_theory_of_change_are_copies(toc: tocgraph.TheoryOfChange) -> None:
    node = toc["oc1"]
    node.tags.append("gender")
    assert toc["oc1"].tags == ["victim_rights"]
    toc.update_node(node)
    assert toc["oc1"].tags == ["victim_rights", "gender"]


def test_computed_results_refuse_changes_saying_how(toc: tocgraph.TheoryOfChange) -> None:
    rollup = tocgraph.monitoring.rollup(toc, "2020-12-31")
    with pytest.raises(AttributeError):
        rollup.nodes[0].status = "on_track"  # type: ignore[misc]
    with pytest.raises(TypeError, match=r"Rollup.nodes is read-only; change a copy instead: .*list\(\.\.\.\)"):
        rollup.nodes.append(rollup.nodes[0])
    with pytest.raises(TypeError, match="IndicatorProgress.notes is read-only"):
        rollup.indicators[0].notes.append("x")
    schema = toc.schema
    with pytest.raises(AttributeError, match="LevelSchema.levels is read-only"):
        schema.levels[0].label = "Top"
    entry = toc.consultation_summary().phases[0].entries[0]
    with pytest.raises(AttributeError, match="FeedbackEntry.feedback is read-only; change a copy instead: copy.copy"):
        entry.feedback.text = "x"
    mine = copy.copy(entry.feedback)
    mine.text = "x"
    assert mine.text == "x" and entry.feedback.text == "Too ambitious"


def test_level_schema() -> None:
    assert tocgraph.LevelSchema.builtin_names() == [
        "theory_of_change", "logframe", "oecd_results_chain", "usaid_results_framework", "iati"]
    toc_schema = tocgraph.LevelSchema.builtin("theory_of_change")
    assert [lv.id for lv in toc_schema.levels] == [
        "goal", "pathway", "end_of_program_outcome", "intermediate_outcome",
        "immediate_outcome", "output", "activity"]
    assert toc_schema.rank("goal") == 0 and toc_schema.rank("activity") == 6
    assert toc_schema.level("output").role == "output"
    assert "pathway" in toc_schema and "purpose" not in toc_schema and 3 not in toc_schema
    assert len(toc_schema) == 7 and [lv.id for lv in toc_schema][0] == "goal"
    assert toc_schema.is_builtin and repr(toc_schema) == "LevelSchema.builtin('theory_of_change')"
    with pytest.raises(KeyError, match="unknown level"):
        toc_schema.rank("purpose")
    with pytest.raises(ValueError, match='unknown schema "nope"; built-in schemas are "theory_of_change"'):
        tocgraph.LevelSchema.builtin("nope")

    custom = tocgraph.LevelSchema(
        "mine", levels=[tocgraph.Level(id="top", label="Top", role="goal"),
                        tocgraph.Level(id="work", role="activity")])
    assert custom.name == "mine" and not custom.is_builtin
    assert eval(repr(custom), vars(tocgraph)) == custom  # noqa: S307
    assert pickle.loads(pickle.dumps(custom)) == custom == copy.deepcopy(custom)
    with pytest.raises(tocgraph.ModelError, match='repeats level "top"') as info:
        tocgraph.LevelSchema("bad", [tocgraph.Level("top"), tocgraph.Level("top")])
    assert info.value.id == "top"
    with pytest.raises(tocgraph.ModelError, match="has no levels"):
        tocgraph.LevelSchema("empty", [])


# ---- TheoryOfChange ---------------------------------------------------------------


def test_construct_with_schema() -> None:
    assert tocgraph.TheoryOfChange().schema.name == "theory_of_change"
    assert tocgraph.TheoryOfChange(schema="logframe").schema == tocgraph.LevelSchema.builtin("logframe")
    custom = tocgraph.LevelSchema("mine", [tocgraph.Level("top", role="goal")])
    toc = tocgraph.TheoryOfChange(schema=custom)
    assert toc.schema == custom
    toc.add_node(id="t", level="top")
    with pytest.raises(ValueError, match="unknown schema"):
        tocgraph.TheoryOfChange(schema="nope")
    with pytest.raises(TypeError, match="schema must be"):
        tocgraph.TheoryOfChange(schema=3)  # type: ignore[arg-type]
    with pytest.raises(tocgraph.ModelError, match='node "t" has level "top", which schema "logframe" lacks'):
        toc.schema = "logframe"  # type: ignore[assignment]
    assert toc.schema == custom


def test_repr_len_contains_iter(toc: tocgraph.TheoryOfChange) -> None:
    assert repr(toc) == "<TheoryOfChange 'ASEAN-ACT (test)': 4 nodes, 3 links, 2 indicators>"
    assert repr(tocgraph.TheoryOfChange()) == "<TheoryOfChange: 0 nodes, 0 links, 0 indicators>"
    assert len(toc) == 4
    assert "oc1" in toc and "nope" not in toc and 3 not in toc
    assert [n.id for n in toc] == ["goal", "p1", "oc1", "a1"]
    assert toc["oc1"].title == "Effective planning"
    with pytest.raises(KeyError, match='no node "nope"'):
        toc["nope"]


def test_nodes_by_level(toc: tocgraph.TheoryOfChange) -> None:
    assert [n.id for n in toc.nodes()] == ["goal", "p1", "oc1", "a1"]
    assert [n.id for n in toc.nodes(level="activity")] == ["a1"]
    assert toc.nodes(level="output") == []
    with pytest.raises(tocgraph.ModelError, match='unknown level "purpose"'):
        toc.nodes(level="purpose")
    by_level = {level.id: [n.id for n in toc.nodes(level.id)] for level in toc.schema.levels}
    assert by_level["goal"] == ["goal"] and by_level["immediate_outcome"] == ["oc1"]


def test_value_semantics(toc: tocgraph.TheoryOfChange) -> None:
    node = toc["oc1"]
    node.title = "changed"
    assert toc["oc1"].title == "Effective planning"  # a copy
    toc.update_node(node)
    assert toc["oc1"].title == "changed"
    md = copy.copy(toc.metadata)  # a copy of its own; toc.metadata itself is live
    md.title = "other"
    assert toc.metadata.title == "ASEAN-ACT (test)"
    toc.metadata = md
    assert toc.metadata.title == "other"


def test_nodes_add_update_remove(toc: tocgraph.TheoryOfChange) -> None:
    toc.add_node(tocgraph.Node(id="o1", level="output", title="Output"))
    toc.add_node(toc["o1"], id="o2")  # a Node plus overrides
    assert toc["o2"].title == "Output" and toc["o2"].level == "output"
    toc.update_node("o1", title="New", tags=["x"])
    assert toc["o1"].title == "New" and toc["o1"].tags == ["x"]
    with pytest.raises(ValueError, match="update_node cannot change the id of a node"):
        toc.update_node("o1", id="o3")
    with pytest.raises(KeyError, match='no node "zz"'):
        toc.update_node("zz", title="x")
    with pytest.raises(KeyError, match='no node "zz"'):
        toc.update_node(tocgraph.Node(id="zz", level="goal"))
    with pytest.raises(TypeError, match="unexpected keyword argument 'titel'"):
        toc.add_node(id="o4", level="output", titel="typo")  # type: ignore[call-arg]
    assert "o4" not in toc
    with pytest.raises(TypeError, match="expected a Node, got Link"):
        toc.add_node(tocgraph.Link())  # type: ignore[arg-type]

    with pytest.raises(tocgraph.ModelError) as info:
        toc.add_node(id="o1", level="output")
    assert str(info.value) == 'duplicate node id "o1"' and info.value.id == "o1"
    with pytest.raises(tocgraph.ModelError, match="node id must not be empty"):
        toc.add_node(level="output")
    with pytest.raises(tocgraph.ModelError) as info:
        toc.add_node(id="x", level="purpose")
    assert str(info.value).startswith('node "x" has unknown level "purpose"; schema "theory_of_change" has "goal"')
    with pytest.raises(tocgraph.ModelError, match='node "x" names unknown actor "who"'):
        toc.add_node(id="x", level="output", actors=["who"])
    with pytest.raises(tocgraph.ModelError, match="budget that is not a number"):
        toc.add_node(id="x", level="activity", budget=tocgraph.Budget(float("nan")))
    assert "x" not in toc

    # remove_node takes its links and indicators along; feedback stays.
    assert toc.has_link("a1", "oc1") and toc.has_indicator("i2")
    toc.remove_node("a1")
    assert "a1" not in toc and not toc.has_link("a1", "oc1") and not toc.has_indicator("i2")
    assert toc.has_feedback("f1")
    with pytest.raises(KeyError, match='no node "a1"'):
        toc.remove_node("a1")


def test_links(toc: tocgraph.TheoryOfChange) -> None:
    assert [(l.source, l.target) for l in toc.links()] == [("p1", "goal"), ("oc1", "p1"), ("a1", "oc1")]
    assert [l.source for l in toc.links_to("oc1")] == ["a1"]
    assert [l.target for l in toc.links_from("oc1")] == ["p1"]
    with pytest.raises(KeyError, match='no node "zz"'):
        toc.links_to("zz")
    with pytest.raises(KeyError, match='no node "zz"'):
        toc.links_from("zz")
    link = toc.link("oc1", "p1")
    assert link.strength == 0.7 and link.assumptions == ["as1"]
    with pytest.raises(KeyError, match='no link "goal" -> "p1"'):
        toc.link("goal", "p1")

    toc.update_link("oc1", "p1", strength=0.4, rationale="why")
    assert toc.link("oc1", "p1").strength == 0.4 and toc.link("oc1", "p1").rationale == "why"
    link = toc.link("a1", "oc1")
    link.strength = None
    link.evidence = None
    toc.update_link(link)
    assert toc.link("a1", "oc1") == tocgraph.Link(source="a1", target="oc1",
                                                   rationale="Workshops build planning skills")
    with pytest.raises(ValueError, match="update_link cannot change the target of a link"):
        toc.update_link("a1", "oc1", target="goal")
    with pytest.raises(KeyError, match='no link "goal" -> "p1"'):
        toc.update_link("goal", "p1", strength=0.1)
    with pytest.raises(TypeError, match="needs a target"):
        toc.update_link("goal")

    with pytest.raises(tocgraph.ModelError, match='duplicate link "a1" -> "oc1"'):
        toc.add_link(source="a1", target="oc1")
    with pytest.raises(tocgraph.ModelError, match='link "a1" -> "a1" joins a node to itself'):
        toc.add_link(source="a1", target="a1")
    with pytest.raises(tocgraph.ModelError, match='link "a1" -> "zz" names unknown node "zz"') as info:
        toc.add_link(source="a1", target="zz")
    assert info.value.id == "zz"
    with pytest.raises(tocgraph.ModelError, match="strength of link .* must be between 0 and 1, got 1.5"):
        toc.add_link(source="a1", target="goal", strength=1.5)
    toc.add_link(source="a1", target="goal", assumptions=["as9"])  # undeclared: lint rule TOC304
    toc.remove_link("a1", "goal")
    toc.add_link(tocgraph.Link(source="a1", target="goal"), strength=0.2)
    assert toc.link("a1", "goal").strength == 0.2

    toc.remove_link("a1", "goal")
    assert not toc.has_link("a1", "goal")
    with pytest.raises(KeyError, match='no link "a1" -> "goal"'):
        toc.remove_link("a1", "goal")


def test_indicators(toc: tocgraph.TheoryOfChange) -> None:
    assert [i.id for i in toc.indicators()] == ["i1", "i2"]
    assert [i.id for i in toc.indicators(node="oc1")] == ["i1"]
    assert toc.indicators(node="goal") == []
    with pytest.raises(KeyError, match='no node "zz"'):
        toc.indicators(node="zz")
    ind = toc.indicator("i1")
    assert ind.targets[0].dimensions == {"country": "KH"}
    assert ind.baselines[0].date == datetime.date(2019, 12, 31)
    with pytest.raises(KeyError, match='no indicator "zz"'):
        toc.indicator("zz")

    period = tocgraph.Period("2021-01-01", "2021-12-31")
    ind.actuals = [*ind.actuals, tocgraph.PeriodValue(period=period, value=3)]
    toc.update_indicator(ind)
    assert len(toc.indicator("i1").actuals) == 2
    toc.update_indicator("i2", measure="qualitative", ascending=False)
    assert toc.indicator("i2").measure == "qualitative" and not toc.indicator("i2").ascending

    with pytest.raises(tocgraph.ModelError, match='indicator "i3" measures unknown node "zz"'):
        toc.add_indicator(id="i3", node="zz")
    with pytest.raises(tocgraph.ModelError, match='duplicate indicator id "i1"'):
        toc.add_indicator(id="i1", node="goal")
    bad = tocgraph.PeriodValue(period=tocgraph.Period("2021-01-01", "2020-01-01"))
    toc.add_indicator(id="i3", node="goal", targets=[bad])  # reversed: lint rule TOC206
    toc.remove_indicator("i3")
    with pytest.raises(tocgraph.ModelError, match="indicator id must not be empty"):
        toc.add_indicator(node="goal")
    toc.add_indicator(id="i3", node="goal")
    toc.remove_indicator("i3")
    assert not toc.has_indicator("i3")
    with pytest.raises(KeyError, match='no indicator "i3"'):
        toc.remove_indicator("i3")
    with pytest.raises(KeyError, match='no indicator "i3"'):
        toc.update_indicator(tocgraph.Indicator(id="i3", node="goal"))


def test_assumptions(toc: tocgraph.TheoryOfChange) -> None:
    assert [a.id for a in toc.assumptions()] == ["as1"]
    assert toc.assumption("as1").risk == "medium"
    toc.update_assumption("as1", status="holding", likelihood=None)
    assert toc.assumption("as1").status == "holding" and toc.assumption("as1").likelihood is None
    with pytest.raises(tocgraph.ModelError, match='likelihood of assumption "as2" must be between 0 and 1'):
        toc.add_assumption(id="as2", likelihood=-0.1)
    toc.add_assumption(tocgraph.Assumption(id="as2", statement="s"))
    with pytest.raises(tocgraph.ModelError, match='duplicate assumption id "as2"'):
        toc.add_assumption(id="as2")
    with pytest.raises(KeyError, match='no assumption "zz"'):
        toc.assumption("zz")
    # Removing an assumption removes every link's reference to it.
    toc.remove_assumption("as1")
    assert toc.link("oc1", "p1").assumptions == []
    with pytest.raises(KeyError, match='no assumption "as1"'):
        toc.remove_assumption("as1")


def test_actors(toc: tocgraph.TheoryOfChange) -> None:
    assert [a.id for a in toc.actors()] == ["asean_sec", "kh"]
    toc.update_actor("kh", name="Kingdom of Cambodia")
    assert toc.actor("kh").name == "Kingdom of Cambodia"
    toc.update_actor(tocgraph.Actor(id="kh", name="KH"))
    assert toc.actor("kh") == tocgraph.Actor(id="kh", name="KH")
    with pytest.raises(tocgraph.ModelError, match="actor id must not be empty"):
        toc.add_actor(name="nobody")
    toc.remove_actor("kh")  # and every node's reference to it
    assert toc["a1"].actors == ["asean_sec"]
    with pytest.raises(KeyError, match='no actor "kh"'):
        toc.actor("kh")


def test_feedback(toc: tocgraph.TheoryOfChange) -> None:
    assert [f.id for f in toc.feedback()] == ["f1"]
    assert toc.feedback_item("f1").subject == "a1->oc1"
    toc.update_feedback("f1", status="addressed", resolution="Scope reduced")
    assert toc.feedback_item("f1").status == "addressed"
    toc.add_feedback(id="f2", kind="proposed_change", subject="gone")  # not checked
    with pytest.raises(tocgraph.ModelError, match='duplicate feedback id "f2"'):
        toc.add_feedback(id="f2")
    toc.remove_feedback("f2")
    with pytest.raises(KeyError, match='no feedback "f2"'):
        toc.feedback_item("f2")
    with pytest.raises(KeyError, match='no feedback "f2"'):
        toc.update_feedback("f2", text="x")


def test_failed_edit_changes_nothing(toc: tocgraph.TheoryOfChange) -> None:
    before = copy.deepcopy(toc)
    with pytest.raises(tocgraph.ModelError):
        toc.update_node("oc1", level="purpose")
    with pytest.raises(tocgraph.ModelError):
        toc.update_link("oc1", "p1", strength=2.0)
    assert toc == before


def test_equality_ignores_insertion_order() -> None:
    a = toc_of([("g", "goal"), ("o", "output")])
    b = toc_of([("o", "output"), ("g", "goal")])
    assert a == b
    b.update_node("g", title="x")
    assert a != b
    assert a != "not a toc"


def test_copy_and_deepcopy_are_independent(toc: tocgraph.TheoryOfChange) -> None:
    for clone in (copy.copy(toc), copy.deepcopy(toc)):
        assert clone == toc and clone is not toc
        clone.update_node("oc1", title="changed")
        clone.remove_indicator("i1")
        assert toc["oc1"].title == "Effective planning" and toc.has_indicator("i1")
        assert clone != toc


def test_pickle(toc: tocgraph.TheoryOfChange) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        clone = pickle.loads(pickle.dumps(toc, protocol=protocol))
        assert clone == toc and type(clone) is tocgraph.TheoryOfChange
    state = toc.__getstate__()
    assert state[0] == 1 and tocgraph.loads(state[1]) == toc


def test_pickle_refuses_unknown_version(toc: tocgraph.TheoryOfChange) -> None:
    fresh = tocgraph.TheoryOfChange.__new__(tocgraph.TheoryOfChange)
    with pytest.raises(ValueError) as info:
        fresh.__setstate__((2, toc.dumps()))
    assert str(info.value) == ("cannot unpickle TheoryOfChange: state version 2 is not supported "
                               "(this version of tocgraph reads 1)")
    with pytest.raises(ValueError, match="unrecognised state"):
        fresh.__setstate__("garbage")


def test_errors_are_value_errors_and_pickle() -> None:
    assert issubclass(tocgraph.FormatError, ValueError) and issubclass(tocgraph.ModelError, ValueError)
    assert issubclass(tocgraph.FormatError, tocgraph.Error)
    err = tocgraph.ModelError('duplicate node id "x"', id="x")
    clone = pickle.loads(pickle.dumps(err))
    assert (str(clone), clone.id) == ('duplicate node id "x"', "x")


# ---- documentation and stubs ---------------------------------------------------------


def test_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", tocgraph.__version__)
    assert tocgraph.FILE_FORMAT_VERSION == 1


def _documented_in_source(cls: type, attr: str) -> bool:
    """Whether a plain attribute (a slot or a dataclass field, which carry no
    docstring of their own) is documented: named in ``double backquotes`` in
    the class docstring, or by a ``#:`` comment above it."""
    if f"``{attr}``" in (cls.__doc__ or ""):
        return True
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return False
    return re.search(rf"#:[^\n]*\n\s*(self\.)?{attr}\s*[:=]", source) is not None


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for name in tocgraph.__all__:
        obj = getattr(tocgraph, name)
        if not (inspect.isclass(obj) or callable(obj)):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            fields = getattr(obj, "__dataclass_fields__", {})
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if inspect.ismemberdescriptor(member) or attr in fields:
                    if not _documented_in_source(obj, attr):
                        missing.append(f"{name}.{attr}")
                elif not (getattr(member, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{attr}")
    assert missing == []
