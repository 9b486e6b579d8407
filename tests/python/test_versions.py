"""Versions and consultation through the Python API (docs/versions.md): diff
of every kind of change and its renderings, apply, three-way merge and its
conflicts, and the consultation record."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tocgraph
from conftest import EXAMPLE, make_toc, year_value

AFTER_WORKSHOP = EXAMPLE.parent / "toc-after-workshop.json"


def changes_of(d: tocgraph.Diff) -> list[tuple[str, str, str]]:
    """(collection, id, kind) of every change, in order."""
    return [(c.collection, c.id, c.kind) for c in d]


def fields_of(change: tocgraph.ItemChange) -> list[tuple[str, str, Any, Any]]:
    """(field, kind, old, new) of every field change of an element."""
    return [(f.field, f.kind, f.old, f.new) for f in change.fields]


def only_change(d: tocgraph.Diff) -> tocgraph.ItemChange:
    assert len(d) == 1, changes_of(d)
    return d.changes[0]


def check_round_trip(old: tocgraph.TheoryOfChange, new: tocgraph.TheoryOfChange) -> tocgraph.Diff:
    """diff(old, new), after checking it turns old into new, also from its JSON form."""
    d = tocgraph.diff(old, new)
    assert d.apply(old) == new
    assert tocgraph.Diff.from_json(d.to_json()).apply(old) == new
    return d


def rename_node(toc: tocgraph.TheoryOfChange, old: str, new: str) -> tocgraph.TheoryOfChange:
    """The theory of change with node ``old`` called ``new`` everywhere, the
    feedback about it or about one of its links included."""
    doc = toc.to_dict()
    for n in doc.get("nodes", []):
        if n["id"] == old:
            n["id"] = new
    for link in doc.get("links", []):
        link["source"] = new if link["source"] == old else link["source"]
        link["target"] = new if link["target"] == old else link["target"]
    for i in doc.get("indicators", []):
        i["node"] = new if i["node"] == old else i["node"]
    for f in doc.get("feedback", []):
        f["subject"] = "->".join(new if end == old else end for end in f.get("subject", "").split("->"))
    return tocgraph.from_dict(doc)


def _with_extra_node(title: str = "Exchange visits") -> tocgraph.TheoryOfChange:
    """make_toc() with one more activity, a2, that leads to oc1."""
    toc = make_toc()
    toc.add_node(id="a2", level="activity", title=title)
    toc.add_link(source="a2", target="oc1")
    return toc


# ---- diff: nodes -----------------------------------------------------------------------


def test_a_version_compared_with_itself_has_no_changes() -> None:
    toc = make_toc()
    d = tocgraph.diff(toc, make_toc())
    assert not d
    assert len(d) == 0
    assert list(d) == []
    assert d.counts() == {}
    assert str(d) == "no changes\n"
    assert repr(d) == "<Diff: no changes>"
    assert d.apply(toc) == toc


def test_node_added() -> None:
    old = make_toc()
    new = _with_extra_node()
    d = check_round_trip(old, new)
    assert changes_of(d) == [("nodes", "a2", "added"), ("links", "a2->oc1", "added")]
    node = d.changes[0]
    assert node.old is None
    assert node.new == {"id": "a2", "level": "activity", "title": "Exchange visits"}
    assert node.after == "a1"  # it follows a1 in the new version
    assert node.reference == "nodes/a2"
    assert d.changes[1].key == {"source": "a2", "target": "oc1"}
    assert d.changes[1].reference == "links/a2->oc1"
    assert d.counts() == {
        "nodes": {"added": 1, "removed": 0, "changed": 0, "renamed": 0, "total": 1},
        "links": {"added": 1, "removed": 0, "changed": 0, "renamed": 0, "total": 1},
    }
    assert repr(d) == "<Diff: 2 added>"


def test_node_removed_takes_its_links_and_indicators() -> None:
    old = make_toc()
    new = make_toc()
    new.remove_node("a1")
    d = check_round_trip(old, new)
    assert changes_of(d) == [
        ("nodes", "a1", "removed"),
        ("links", "a1->oc1", "removed"),
        ("indicators", "i2", "removed"),
    ]
    assert d.changes[0].new is None
    assert d.changes[0].old["title"] == "Regional workshop"
    assert d.changes[0].old["budget"] == {"amount": 120000, "currency": "AUD"}


def test_node_fields_changed() -> None:
    old = make_toc()
    new = make_toc()
    new.update_node("a1", title="Regional workshops", budget=tocgraph.Budget(90000, "AUD"))
    new.update_node("oc1", tags=["victim_rights", "gender"])
    d = check_round_trip(old, new)
    assert changes_of(d) == [("nodes", "oc1", "changed"), ("nodes", "a1", "changed")]
    assert fields_of(d.changes[0]) == [("tags[gender]", "added", None, "gender")]
    assert d.changes[0].fields[0].path == ["tags", {"value": "gender"}]
    assert fields_of(d.changes[1]) == [
        ("title", "changed", "Regional workshop", "Regional workshops"),
        ("budget.amount", "changed", 120000, 90000),
    ]
    assert d.changes[1].fields[1].path == ["budget", "amount"]


def test_node_moved_to_another_level() -> None:
    old = make_toc()
    new = make_toc()
    new.update_node("a1", level="output")
    change = only_change(check_round_trip(old, new))
    assert (change.collection, change.id, change.kind) == ("nodes", "a1", "changed")
    assert fields_of(change) == [("level", "changed", "activity", "output")]


def test_node_logic_changed() -> None:
    old = make_toc()
    new = make_toc()
    new.update_node("oc1", logic="any")  # from the default "all", which the file leaves out
    new.update_node("p1", logic="all")  # back to the default
    d = check_round_trip(old, new)
    assert [fields_of(c) for c in d] == [
        [("logic", "removed", "any", None)],
        [("logic", "added", None, "any")],
    ]
    assert [c.id for c in d] == ["p1", "oc1"]


def test_renamed_node_is_one_change() -> None:
    old = make_toc()
    new = rename_node(old, "oc1", "oc_planning")
    assert tocgraph.versions.detect_renames(old, new) == [("oc1", "oc_planning")]
    d = check_round_trip(old, new)
    change = only_change(d)
    assert (change.kind, change.id, change.new_id) == ("renamed", "oc1", "oc_planning")
    assert change.fields == []
    assert repr(change) == "<ItemChange renamed node oc1 -> oc_planning>"
    assert "> oc1 -> oc_planning (immediate_outcome) \"Effective planning\"" in str(d)
    assert d.counts()["nodes"]["renamed"] == 1

    # Without detection: a removal, an addition, and every reference to the node.
    plain = tocgraph.diff(old, new, detect_renames=False)
    assert plain.apply(old) == new
    assert changes_of(plain) == [
        ("nodes", "oc1", "removed"),
        ("nodes", "oc_planning", "added"),
        ("links", "oc1->p1", "removed"),
        ("links", "a1->oc1", "removed"),
        ("links", "oc_planning->p1", "added"),
        ("links", "a1->oc_planning", "added"),
        ("indicators", "i1", "changed"),
        ("feedback", "f1", "changed"),
    ]


def test_a_renamed_node_with_another_change_lists_the_change() -> None:
    old = make_toc()
    new = rename_node(old, "oc1", "oc_planning")
    new.update_node("oc_planning", description="Plans agreed by all Member States")
    change = only_change(check_round_trip(old, new))
    assert change.kind == "renamed"
    assert fields_of(change) == [("description", "added", None, "Plans agreed by all Member States")]


def test_a_reworded_title_is_not_a_rename() -> None:
    old = make_toc()
    new = rename_node(old, "oc1", "oc_planning")
    new.update_node("oc_planning", title="Better planning")
    assert tocgraph.versions.detect_renames(old, new) == []
    d = check_round_trip(old, new)
    assert ("nodes", "oc1", "removed") in changes_of(d)
    assert ("nodes", "oc_planning", "added") in changes_of(d)


# ---- diff: links, indicators, assumptions, metadata ------------------------------------


def test_link_added_and_removed() -> None:
    old = make_toc()
    new = make_toc()
    new.remove_link("a1", "oc1")
    new.add_link(source="a1", target="p1")
    d = check_round_trip(old, new)
    assert changes_of(d) == [("links", "a1->oc1", "removed"), ("links", "a1->p1", "added")]
    assert d.changes[0].old["rationale"] == "Workshops build planning skills"
    assert d.changes[1].new == {"source": "a1", "target": "p1"}


def test_link_strength_and_assumptions_changed() -> None:
    old = make_toc()
    old.add_assumption(id="as2", statement="Travel is possible")
    new = copy.deepcopy(old)
    new.update_link("oc1", "p1", strength=0.4, assumptions=["as2"])
    change = only_change(check_round_trip(old, new))
    assert (change.collection, change.id, change.key) == ("links", "oc1->p1", {"source": "oc1", "target": "p1"})
    assert fields_of(change) == [  # in the file's member order
        ("assumptions[as1]", "removed", "as1", None),
        ("assumptions[as2]", "added", None, "as2"),
        ("strength", "changed", 0.7, 0.4),
    ]


def test_indicator_targets_moved_baseline_revised_and_new_actuals() -> None:
    old = make_toc()
    new = make_toc()
    i = new.indicator("i1")
    i.targets = [year_value(2020, 5, dimensions={"country": "KH"})]
    i.baselines = [tocgraph.Baseline(date="2019-12-31", value=1)]
    i.actuals = [*i.actuals, year_value(2021, 4)]
    new.update_indicator(i)
    change = only_change(check_round_trip(old, new))
    assert (change.collection, change.id, change.kind) == ("indicators", "i1", "changed")
    assert fields_of(change) == [
        ("baselines[2019-12-31].value", "changed", 0, 1),
        ("targets[2020-01-01..2020-12-31 country=KH].value", "changed", 3, 5),
        (
            "actuals[2021-01-01..2021-12-31]",
            "added",
            None,
            {"period": {"start": "2021-01-01", "end": "2021-12-31"}, "value": 4},
        ),
    ]
    assert change.fields[1].path == [
        "targets",
        {"key": {"period": {"start": "2020-01-01", "end": "2020-12-31"}, "dimensions": {"country": "KH"}}},
        "value",
    ]
    # The new actual follows the existing one.
    assert change.fields[2].after == {"period": {"start": "2020-01-01", "end": "2020-12-31"}}


def test_indicator_target_moved_to_another_period() -> None:
    old = make_toc()
    new = make_toc()
    i = new.indicator("i1")
    i.targets = [year_value(2021, 3, dimensions={"country": "KH"})]
    new.update_indicator(i)
    change = only_change(check_round_trip(old, new))
    assert [(f.field, f.kind) for f in change.fields] == [
        ("targets[2020-01-01..2020-12-31 country=KH]", "removed"),
        ("targets[2021-01-01..2021-12-31 country=KH]", "added"),
    ]


def test_assumption_changed_added_and_removed() -> None:
    old = make_toc()
    new = make_toc()
    new.update_assumption("as1", likelihood=0.3, risk="high")
    new.add_assumption(id="as2", statement="Funding continues")
    d = check_round_trip(old, new)
    assert changes_of(d) == [("assumptions", "as1", "changed"), ("assumptions", "as2", "added")]
    assert fields_of(d.changes[0]) == [("likelihood", "changed", 0.8, 0.3), ("risk", "changed", "medium", "high")]

    fewer = make_toc()
    fewer.update_link("oc1", "p1", assumptions=[])
    fewer.remove_assumption("as1")
    d = check_round_trip(old, fewer)
    assert changes_of(d) == [("assumptions", "as1", "removed"), ("links", "oc1->p1", "changed")]


def test_metadata_and_schema_changes() -> None:
    old = make_toc()
    new = make_toc()
    m = new.metadata
    m.version = "2.2"
    m.attributes = {"programme_code": "ACT-02", "review": {"round": 2}}
    new.metadata = m
    new.schema = tocgraph.LevelSchema.builtin(new.schema.name)  # the same schema again: no change
    change = only_change(check_round_trip(old, new))
    assert (change.collection, change.id, change.key, change.kind) == ("metadata", "", None, "changed")
    assert change.reference == "metadata"
    assert fields_of(change) == [
        ("version", "changed", "2.1", "2.2"),
        ("attributes.programme_code", "changed", "ACT-01", "ACT-02"),
        ("attributes.review", "added", None, {"round": 2}),
    ]


def test_actor_and_feedback_changes() -> None:
    old = make_toc()
    new = make_toc()
    new.update_actor("kh", name="Kingdom of Cambodia")
    new.update_feedback("f1", status="accepted", resolution="Targets halved")
    d = check_round_trip(old, new)
    assert changes_of(d) == [("actors", "kh", "changed"), ("feedback", "f1", "changed")]
    assert fields_of(d.changes[0]) == [("name", "changed", "Cambodia", "Kingdom of Cambodia")]
    assert fields_of(d.changes[1]) == [
        ("status", "added", None, "accepted"),
        ("resolution", "added", None, "Targets halved"),
    ]


def test_apply_refuses_a_theory_of_change_that_does_not_hold_the_old_values() -> None:
    old = make_toc()
    new = make_toc()
    new.update_node("oc1", title="Planning")
    d = tocgraph.diff(old, new)
    other = make_toc()
    other.update_node("oc1", title="Someone else's title")
    with pytest.raises(tocgraph.Error, match=r"nodes\[oc1\]\.title.*Someone else's title"):
        d.apply(other)
    added = tocgraph.diff(make_toc(), _with_extra_node())
    with pytest.raises(tocgraph.Error, match=r"nodes\[a2\]: the element is already there"):
        added.apply(_with_extra_node())
    with pytest.raises(TypeError):
        d.apply("toc.json")  # type: ignore[arg-type]


# ---- renderings ------------------------------------------------------------------------


def test_text_markdown_html_and_json_forms() -> None:
    old = make_toc()
    new = _with_extra_node()
    new.update_node("oc1", title="Effective <planning>")
    new.remove_link("a1", "oc1")
    d = tocgraph.diff(old, new)

    text = str(d)
    assert text == d.to_text()
    # A mark per change, grouped: + added, - removed, ~ changed, > renamed.
    assert text.splitlines()[:3] == [" nodes | 2 +~", " links | 2 +-", " 4 changes: 2 added, 1 removed, 1 changed"]
    assert '  ~ oc1 (immediate_outcome) "Effective <planning>"' in text
    assert '      title: "Effective planning" -> "Effective <planning>"' in text
    assert "  - a1->oc1" in text

    md = d.to_markdown()
    assert md.startswith("## Changes\n")
    assert "| nodes | 1 | 0 | 1 | 0 |" in md
    assert "| links | 1 | 1 | 0 | 0 |" in md
    assert "### Nodes" in md and "### Links" in md
    assert d.to_markdown(heading_level=3).startswith("### Changes\n")

    html = d.to_html(title="v1 → v2")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>v1 → v2</title>" in html
    assert "Effective &lt;planning&gt;" in html
    assert "<planning>" not in html
    fragment = d.to_html(standalone=False)
    assert "<html" not in fragment
    assert d._repr_html_() == fragment

    doc = d.to_json()
    assert (doc["format"], doc["version"]) == ("tocgraph-diff", 1)
    assert doc["counts"] == {"added": 2, "removed": 1, "changed": 1, "renamed": 0, "total": 4}
    assert [(c["collection"], c["id"], c["change"]) for c in doc["changes"]] == changes_of(d)
    json.dumps(doc)  # plain JSON values
    assert tocgraph.Diff.from_json(doc) == d
    assert pickle.loads(pickle.dumps(d)) == d


def test_diff_from_malformed_json_is_a_format_error() -> None:
    with pytest.raises(tocgraph.FormatError):
        tocgraph.Diff.from_json({"format": "something else", "version": 1, "changes": []})
    with pytest.raises(TypeError):
        tocgraph.Diff("not a diff")  # type: ignore[arg-type]


def test_the_bundled_example_after_the_workshop() -> None:
    before = tocgraph.load(EXAMPLE)
    after = tocgraph.load(AFTER_WORKSHOP)
    d = tocgraph.diff(before, after)
    assert changes_of(d) == [
        ("metadata", "", "changed"),
        ("assumptions", "asm_cso_participation", "added"),
        ("nodes", "act_translate_guidance", "removed"),
        ("nodes", "out_monitoring_template", "changed"),
        ("nodes", "out_progress_reports", "renamed"),
        ("nodes", "act_cso_dialogue", "changed"),
        ("links", "act_translate_guidance->out_planning_guidance", "removed"),
        ("links", "act_cso_dialogue->io_1_2", "added"),
        ("links", "act_exchanges->out_knowledge_exchange", "changed"),
        ("indicators", "ind_eopo1_victim_provisions", "added"),
        ("indicators", "ind_io13_months_to_report", "changed"),
        ("feedback", "fb_ws_2", "changed"),
        ("feedback", "fb_ws_3", "changed"),
        ("feedback", "fb_ws_4", "changed"),
        ("feedback", "fb_fin_3", "added"),
    ]
    assert d.changes[4].new_id == "out_regional_progress_report"
    assert fields_of(d.changes[10]) == [
        ("targets[2022-01-01..2022-12-31].value", "changed", 8, 7),
        ("targets[2023-01-01..2023-12-31].value", "changed", 6, 4),
    ]
    assert fields_of(d.changes[8]) == [
        (
            "rationale",
            "added",
            None,
            "Exchanges are held online while travel is restricted (feedback fb_ws_1), which reaches fewer officials.",
        ),
        ("strength", "changed", 0.9, 0.7),
    ]
    assert repr(d) == "<Diff: 4 added, 2 removed, 8 changed, 1 renamed>"
    assert d.apply(before) == after
    assert tocgraph.diff(after, before).apply(after) == before


# ---- merge -----------------------------------------------------------------------------


def marks(toc: tocgraph.TheoryOfChange, node_id: str) -> Any:
    attributes = toc.node(node_id).attributes or {}
    return attributes.get("merge_conflicts")


def title_conflict() -> tuple[tocgraph.TheoryOfChange, tocgraph.TheoryOfChange, tocgraph.TheoryOfChange]:
    """base, ours and theirs, where both sides retitle oc1: "Ours" and "Theirs"."""
    base, ours, theirs = make_toc(), make_toc(), make_toc()
    ours.update_node("oc1", title="Ours")
    theirs.update_node("oc1", title="Theirs")
    return base, ours, theirs


def test_changes_to_different_elements_and_fields_combine() -> None:
    base = make_toc()
    ours = _with_extra_node()
    ours.update_node("oc1", title="Ours")
    theirs = make_toc()
    theirs.update_node("oc1", tags=["victim_rights", "gender"])
    theirs.update_link("oc1", "p1", strength=0.5)
    m = tocgraph.merge(base, ours, theirs)
    assert m.clean
    assert m.conflicts == []
    assert repr(m).startswith("<MergeResult: clean, <TheoryOfChange 'ASEAN-ACT (test)': 5 nodes")
    oc1 = m.toc.node("oc1")
    assert (oc1.title, oc1.tags) == ("Ours", ["victim_rights", "gender"])
    assert m.toc.link("oc1", "p1").strength == 0.5
    assert m.toc.has_link("a2", "oc1")
    toc, conflicts = m  # unpacks
    assert toc == m.toc and conflicts == []
    assert tocgraph.merge(base, theirs, ours).toc == m.toc


def test_merge_with_an_unchanged_side_gives_the_other_side() -> None:
    base = make_toc()
    x = make_toc()
    x.remove_node("a1")
    x.update_assumption("as1", likelihood=0.2)
    assert tocgraph.merge(base, x, base).toc == x
    assert tocgraph.merge(base, base, x).toc == x
    assert tocgraph.merge(base, x, x).toc == x


def test_the_same_change_on_both_sides_is_taken_once() -> None:
    base = make_toc()
    ours = _with_extra_node()
    ours.update_node("oc1", title="Shared title")
    theirs = _with_extra_node()
    theirs.update_node("oc1", title="Shared title")
    m = tocgraph.merge(base, ours, theirs)
    assert m.clean
    assert m.toc == ours
    assert [n.id for n in m.toc.nodes()].count("a2") == 1


def test_both_changed_keeps_ours_and_marks_it() -> None:
    base, ours, theirs = title_conflict()
    m = tocgraph.merge(base, ours, theirs)
    assert not m.clean
    assert repr(m).startswith("<MergeResult: 1 conflict, ")
    [c] = m.conflicts
    assert (c.kind, c.collection, c.id, c.key, c.field, c.path) == (
        "both_changed",
        "nodes",
        "oc1",
        "oc1",
        "title",
        ["title"],
    )
    assert (c.base, c.ours, c.theirs, c.resolution) == ("Effective planning", "Ours", "Theirs", "kept ours")
    assert c.message == 'node "oc1": title changed to "Ours" on ours and to "Theirs" on theirs'
    assert repr(c) == "<Conflict both_changed: node oc1, title>"
    assert c.to_text() == (
        "both_changed: node oc1, title\n"
        '    node "oc1": title changed to "Ours" on ours and to "Theirs" on theirs\n'
        '    base:   "Effective planning"\n'
        '    ours:   "Ours"\n'
        '    theirs: "Theirs"\n'
        "    -> kept ours\n"
    )
    assert c.to_json()["kind"] == "both_changed"
    assert m.toc.node("oc1").title == "Ours"
    assert marks(m.toc, "oc1") == [
        {
            "kind": "both_changed",
            "field": "title",
            "base": "Effective planning",
            "ours": "Ours",
            "theirs": "Theirs",
            "message": 'node "oc1": title changed to "Ours" on ours and to "Theirs" on theirs',
            "resolution": "kept ours",
        }
    ]
    # From the other side the values swap places.
    [swapped] = tocgraph.merge(base, theirs, ours).conflicts
    assert (swapped.ours, swapped.theirs) == ("Theirs", "Ours")
    assert swapped.message == 'node "oc1": title changed to "Theirs" on ours and to "Ours" on theirs'


def test_both_added_keeps_ours_and_marks_it() -> None:
    base = make_toc()
    ours = _with_extra_node()
    theirs = _with_extra_node(title="Study tours")
    m = tocgraph.merge(base, ours, theirs)
    [c] = m.conflicts
    assert (c.kind, c.collection, c.id, c.field, c.base, c.resolution) == (
        "both_added",
        "nodes",
        "a2",
        "",
        None,
        "kept ours",
    )
    assert c.ours == {"id": "a2", "level": "activity", "title": "Exchange visits"}
    assert c.theirs == {"id": "a2", "level": "activity", "title": "Study tours"}
    assert c.message == (
        'node "a2": added on ours and on theirs, with title "Exchange visits" on ours and "Study tours" on theirs'
    )
    assert m.toc.node("a2").title == "Exchange visits"
    assert marks(m.toc, "a2")[0]["kind"] == "both_added"


def test_delete_modify_keeps_the_modified_element() -> None:
    base = make_toc()
    ours = make_toc()
    ours.remove_indicator("i2")
    theirs = make_toc()
    theirs.update_indicator("i2", title="Participants (share)")
    m = tocgraph.merge(base, ours, theirs)
    [c] = m.conflicts
    assert (c.kind, c.collection, c.id, c.ours) == ("delete_modify", "indicators", "i2", None)
    assert c.theirs["title"] == "Participants (share)"
    assert c.resolution == "kept it as theirs changed it (ours removed it)"
    assert c.message == 'indicator "i2": removed on ours, title changed to "Participants (share)" on theirs'
    kept = m.toc.indicator("i2")
    assert kept.title == "Participants (share)"
    assert (kept.attributes or {})["merge_conflicts"][0]["kind"] == "delete_modify"


def test_a_node_removed_on_one_side_and_linked_on_the_other_is_kept() -> None:
    base = make_toc()
    ours = _with_extra_node()  # links a2 -> oc1
    theirs = make_toc()
    theirs.remove_node("oc1")
    m = tocgraph.merge(base, ours, theirs)
    places = [(c.kind, c.collection, c.id) for c in m.conflicts]
    assert places == [
        ("dangling_reference", "nodes", "oc1"),
        ("dangling_reference", "links", "oc1->p1"),
        ("dangling_reference", "links", "a1->oc1"),
        ("dangling_reference", "indicators", "i1"),
    ]
    assert m.conflicts[0].message == 'theirs removed node "oc1", which link a2->oc1 still refers to'
    assert m.conflicts[0].resolution == 'kept node "oc1"'
    assert "oc1" in m.toc
    assert m.toc.has_link("a2", "oc1") and m.toc.has_link("a1", "oc1") and m.toc.has_link("oc1", "p1")
    assert m.toc.has_indicator("i1")
    assert marks(m.toc, "oc1")[0]["kind"] == "dangling_reference"


def test_a_change_that_no_longer_fits_the_other_sides_schema_is_dropped() -> None:
    base = make_toc()
    ours = make_toc()
    ours.remove_node("a1")  # no output in use, so ours can drop the level
    ours.schema = tocgraph.LevelSchema(
        "short",
        [
            tocgraph.Level("goal", "Goal", "goal"),
            tocgraph.Level("pathway", "Pathway", "outcome"),
            tocgraph.Level("immediate_outcome", "Immediate outcome", "outcome"),
            tocgraph.Level("activity", "Activity", "activity"),
        ],
    )
    theirs = make_toc()
    theirs.add_node(id="out1", level="output", title="Guidance")
    theirs.add_link(source="out1", target="oc1")
    m = tocgraph.merge(base, ours, theirs)
    assert [(c.kind, c.collection, c.id) for c in m.conflicts][0] == ("invalid", "nodes", "out1")
    assert m.conflicts[0].message.startswith('unknown level "output"; schema "short" has ')
    assert "out1" not in m.toc
    assert m.toc.schema.name == "short"
    assert (m.toc.metadata.attributes or {})["merge_conflicts"][0]["kind"] == "invalid"


def test_a_cycle_made_of_one_link_from_each_side_is_a_lint_conflict() -> None:
    base = _with_extra_node()  # a1 and a2 both lead to oc1
    ours = _with_extra_node()
    ours.add_link(source="a1", target="a2")
    theirs = _with_extra_node()
    theirs.add_link(source="a2", target="a1")
    assert not any(f.code == "TOC101" for t in (ours, theirs) for f in t.lint())
    m = tocgraph.merge(base, ours, theirs)
    [c] = m.conflicts
    assert (c.kind, c.collection, c.id, c.resolution) == ("lint", "links", "a2->a1", "dropped theirs' change")
    assert c.message.startswith("TOC101 ")
    assert m.toc.has_link("a1", "a2")
    assert not m.toc.has_link("a2", "a1")
    assert marks(m.toc, "a2")[0]["link"] == "a2->a1"
    assert all(f.code != "TOC101" for f in m.toc.lint())

    unchecked = tocgraph.merge(base, ours, theirs, lint=False)
    assert unchecked.clean
    assert unchecked.toc.has_link("a2", "a1")


def test_conflicts_survive_a_save_and_load(tmp_path: Path) -> None:
    m = tocgraph.merge(*title_conflict())
    path = tmp_path / "merged.json"
    m.toc.save(path)
    again = tocgraph.load(path)
    assert again == m.toc
    assert marks(again, "oc1")[0]["theirs"] == "Theirs"


def test_merge_refuses_what_is_not_a_theory_of_change() -> None:
    with pytest.raises(TypeError, match="theirs must be a tocgraph.TheoryOfChange"):
        tocgraph.merge(make_toc(), make_toc(), {})  # type: ignore[arg-type]


def test_merging_the_bundled_example_with_a_monitoring_update() -> None:
    base = tocgraph.load(EXAMPLE)
    after = tocgraph.load(AFTER_WORKSHOP)
    monitoring = tocgraph.load(EXAMPLE)
    i = monitoring.indicator("ind_io13_months_to_report")
    i.actuals = [*i.actuals, year_value(2023, 7)]
    monitoring.update_indicator(i)
    monitoring.update_assumption("asm_travel", likelihood=0.5)
    m = tocgraph.merge(base, after, monitoring)
    assert m.clean
    merged = m.toc.indicator("ind_io13_months_to_report")
    assert [a.value for a in merged.actuals][-1] == 7
    assert [t.value for t in merged.targets][1:] == [7, 4]
    assert m.toc.assumption("asm_travel").likelihood == 0.5
    assert "out_regional_progress_report" in m.toc
    assert tocgraph.merge(base, monitoring, after).toc == m.toc


# ---- the consultation record -----------------------------------------------------------


def consultation_toc() -> tocgraph.TheoryOfChange:
    toc = make_toc()  # holds f1: kh, workshop, about link a1->oc1, challenge
    m = toc.metadata
    consultation = m.consultations[0]  # a copy: assigned back below
    consultation.phases = [
        tocgraph.ConsultationPhase(id="survey", title="Online survey"),
        tocgraph.ConsultationPhase(id="workshop", title="Workshop"),
        tocgraph.ConsultationPhase(id="validation", title="Validation"),
    ]
    m.consultations = [consultation]
    toc.metadata = m
    toc.add_feedback(
        id="f2", consultation="somtc", phase="survey", author="asean_sec", subject="oc1",
        kind="priority", text="Planning first", date="2020-01-20",
    )
    toc.add_feedback(
        id="f3", consultation="somtc", phase="workshop", author="asean_sec", subject="i1",
        kind="solution", text="Count plans adopted by cabinet", status="accepted",
    )
    toc.add_feedback(
        id="f4", consultation="somtc", phase="workshop", author="kh", subject="old_activity",
        kind="proposed_change", text="Drop the study tour",
    )
    toc.add_feedback(id="f5", author="kh", kind="comment", text="The whole plan is clear")
    return toc


def ids(items: list[tocgraph.Feedback]) -> list[str]:
    return [f.id for f in items]


def test_feedback_is_added_and_listed_in_order() -> None:
    toc = consultation_toc()
    assert ids(toc.feedback()) == ["f1", "f2", "f3", "f4", "f5"]
    assert ids(toc.feedback_items()) == ["f1", "f2", "f3", "f4", "f5"]
    f2 = toc.feedback_item("f2")
    assert (f2.phase, f2.author, f2.subject, f2.kind, f2.status, f2.date) == (
        "survey", "asean_sec", "oc1", "priority", "open", datetime.date(2020, 1, 20),
    )


def test_feedback_filters() -> None:
    toc = consultation_toc()
    assert ids(toc.feedback_items(phase="workshop")) == ["f1", "f3", "f4"]
    assert ids(toc.feedback_items(phase="survey")) == ["f2"]
    assert ids(toc.feedback_items(author="kh")) == ["f1", "f4", "f5"]
    assert ids(toc.feedback_items(subject="a1->oc1")) == ["f1"]
    assert ids(toc.feedback_items(subject="oc1")) == ["f2"]  # exact: not the link a1->oc1
    assert ids(toc.feedback_items(status="accepted")) == ["f3"]
    assert ids(toc.feedback_items(status="open")) == ["f1", "f2", "f4", "f5"]
    assert ids(toc.feedback_items(kind="proposed_change")) == ["f4"]
    assert ids(toc.feedback_items(consultation="somtc")) == ["f1", "f2", "f3", "f4"]
    assert ids(toc.feedback_items(phase="workshop", author="kh", status="open")) == ["f1", "f4"]
    assert toc.feedback_items(phase="no such phase") == []
    assert ids(tocgraph.versions.feedback_items(toc, author="asean_sec")) == ["f2", "f3"]
    with pytest.raises(ValueError, match='unknown value "closed"'):
        toc.feedback_items(status="closed")  # type: ignore[arg-type]


def test_resolving_feedback_records_status_resolution_and_changes() -> None:
    old = consultation_toc()
    new = consultation_toc()
    new.update_node("a1", title="Regional workshops (halved)")
    d = tocgraph.diff(old, new)
    new.resolve_feedback(
        "f1", status="addressed", resolution="Fewer workshops", version="2.2", changes=list(d),
        date=datetime.date(2020, 5, 1),
    )
    f1 = new.feedback_item("f1")
    assert (f1.status, f1.resolution) == ("addressed", "Fewer workshops")
    assert f1.attributes == {"resolved_in": {"version": "2.2", "changes": ["nodes/a1"], "date": "2020-05-01"}}
    new.resolve_feedback("f4", status="rejected", resolution="The study tour stays", changes=["nodes/a1"])
    assert new.feedback_item("f4").status == "rejected"
    assert ids(new.feedback_items(status="open")) == ["f2", "f5"]

    entry = next(e for p in new.consultation_summary().phases for e in p.entries if e.feedback.id == "f1")
    assert (entry.version, entry.changes) == ("2.2", ["nodes/a1"])

    with pytest.raises(KeyError, match="no feedback"):
        new.resolve_feedback("f9", status="accepted")
    with pytest.raises(tocgraph.ModelError, match='"accepted", "rejected" or "addressed"'):
        new.resolve_feedback("f2", status="open")
    with pytest.raises(TypeError, match="got datetime"):
        new.resolve_feedback("f2", status="accepted", date=datetime.datetime(2020, 5, 1, 12, 0))
    with pytest.raises(TypeError, match="changes must be str or ItemChange"):
        new.resolve_feedback("f2", status="accepted", changes=[3])  # type: ignore[list-item]
    assert new.feedback_item("f2").status == "open"  # the refusals changed nothing


def test_consultation_summary_per_phase_with_missing_subjects_flagged() -> None:
    s = consultation_toc().consultation_summary()
    assert s.counts == {"open": 4, "accepted": 1, "rejected": 0, "addressed": 0, "total": 5}
    assert [(p.consultation, p.phase, p.title, p.declared) for p in s.phases] == [
        ("somtc", "survey", "Online survey", True),
        ("somtc", "workshop", "Workshop", True),
        ("somtc", "validation", "Validation", True),  # declared, without feedback
        ("", "", "No phase", False),
    ]
    survey, workshop, validation, no_phase = s.phases
    assert [e.feedback.id for e in workshop.entries] == ["f1", "f3", "f4"]
    assert [(e.subject_kind, e.subject_id, e.subject_title) for e in workshop.entries] == [
        ("link", "a1->oc1", "a1 -> oc1"),
        ("indicator", "i1", "Plans adopted"),
        ("missing", "old_activity", ""),
    ]
    assert workshop.counts == {"open": 2, "accepted": 1, "rejected": 0, "addressed": 0, "total": 3}
    assert workshop.authors == ["kh", "asean_sec"]
    assert workshop.subjects == ["a1->oc1", "i1", "old_activity"]
    assert (survey.entries[0].subject_kind, survey.entries[0].subject_title) == ("node", "Effective planning")
    assert validation.entries == []
    assert no_phase.entries[0].subject_kind == "programme"
    assert [e.feedback.id for e in s.missing_subjects] == ["f4"]

    md = s.to_markdown()
    assert md.startswith("## Consultation record\n")
    assert "### Online survey" in md
    assert "**no longer in the theory of change:** `old_activity`" in md
    assert "- `f4` (workshop) is about `old_activity`, which this version does not have; open." in md
    assert s.to_markdown(heading_level=3).startswith("### Consultation record\n")
    html = s.to_html()
    assert html.startswith('<section class="tocgraph-consultation">')
    assert "old_activity" in html
    doc = s.to_json()
    assert doc["missing_subjects"] == ["f4"]
    assert [p["phase"] for p in doc["phases"]] == ["survey", "workshop", "validation", ""]
    assert tocgraph.versions.consultation_summary(consultation_toc(), consultation="somtc").phases[-1].phase == (
        "validation"
    )


def test_feedback_about_a_node_removed_in_a_later_version_is_flagged() -> None:
    toc = consultation_toc()
    assert consultation_toc().consultation_summary().missing_subjects[0].feedback.id == "f4"
    toc.remove_node("oc1")  # f2 is about it, f1 about one of its links, f3 about its indicator
    missing = toc.consultation_summary().missing_subjects
    assert [(e.feedback.id, e.subject_kind, e.subject_id) for e in missing] == [
        ("f1", "missing", "a1->oc1"),
        ("f2", "missing", "oc1"),
        ("f3", "missing", "i1"),
        ("f4", "missing", "old_activity"),
    ]
    assert toc.feedback_item("f2").subject == "oc1"  # the record itself stays as written


def test_the_bundled_example_resolves_the_workshop_feedback() -> None:
    before = tocgraph.load(EXAMPLE)
    after = tocgraph.load(AFTER_WORKSHOP)
    assert ids(before.feedback_items(phase="workshop", status="open")) == ["fb_ws_3", "fb_ws_4"]
    assert after.feedback_items(phase="workshop", status="open") == []
    s = after.consultation_summary()
    assert s.missing_subjects == []
    assert [p.phase for p in s.phases] == ["pre_workshop", "workshop", "finalisation"]
    assert s.phases[1].title == "Workshop via videoconference"
    ws3 = next(e for e in s.phases[1].entries if e.feedback.id == "fb_ws_3")
    assert ws3.version == "1.1"
    assert ws3.changes == [
        "links/act_cso_dialogue->io_1_2",
        "assumptions/asm_cso_participation",
        "nodes/act_cso_dialogue",
    ]
    # Every change a resolution names is a change between the two versions.
    references = {c.reference for c in tocgraph.diff(before, after)}
    for p in s.phases:
        for e in p.entries:
            if e.version == "1.1":
                assert set(e.changes) <= references, e.feedback.id


# ---- properties over random theories of change and random edits ------------------------

LEVELS = ["goal", "pathway", "end_of_program_outcome", "immediate_outcome", "output", "activity"]
TITLES = ["Planning", "Reporting", "Knowledge sharing", "Workshops", "Data", "Victim support"]
# No deadline: the machine running the suite may be busy.
PROPERTIES = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def tocs(draw: st.DrawFn) -> tocgraph.TheoryOfChange:
    """A random theory of change with every kind of element."""
    toc = tocgraph.TheoryOfChange(
        metadata=tocgraph.Metadata(
            title="Random programme",
            version="1.0",
            consultations=[
                tocgraph.Consultation(
                    id="c1", title="Consultation", phases=[tocgraph.ConsultationPhase(id="workshop", title="Workshop")]
                )
            ],
        )
    )
    for k in range(draw(st.integers(0, 2))):
        toc.add_assumption(id=f"as{k}", statement=f"Assumption {k}", likelihood=draw(st.sampled_from([0.2, 0.5, 0.9])))
    n = draw(st.integers(1, 7))
    for k in range(n):
        toc.add_node(
            id=f"n{k}",
            level=draw(st.sampled_from(LEVELS)),
            title=draw(st.sampled_from(TITLES)) + f" {draw(st.integers(0, 3))}",
            logic=draw(st.sampled_from(["all", "any"])),
        )
    assumptions = [a.id for a in toc.assumptions()]
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    for s, t in draw(st.lists(pairs, max_size=2 * n, unique=True)) if n > 1 else []:
        toc.add_link(
            source=f"n{s}",
            target=f"n{t}",
            strength=draw(st.sampled_from([0.3, 0.6, 1.0])),
            assumptions=draw(st.lists(st.sampled_from(assumptions), unique=True)) if assumptions else [],
        )
    for k in range(draw(st.integers(0, 2))):
        toc.add_indicator(
            id=f"ind{k}",
            node=f"n{draw(st.integers(0, n - 1))}",
            title=f"Indicator {k}",
            baselines=[tocgraph.Baseline(date="2019-12-31", value=draw(st.integers(0, 3)))],
            targets=[
                tocgraph.PeriodValue(period=tocgraph.Period(f"{y}-01-01", f"{y}-12-31"), value=draw(st.integers(1, 9)))
                for y in draw(st.lists(st.sampled_from([2020, 2021, 2022]), unique=True))
            ],
        )
    for k in range(draw(st.integers(0, 2))):
        toc.add_feedback(
            id=f"fb{k}",
            consultation="c1",
            phase="workshop",
            author=draw(st.sampled_from(["A", "B"])),
            subject=f"n{draw(st.integers(0, n - 1))}",
            text=f"Feedback {k}",
        )
    return toc


@st.composite
def edited(draw: st.DrawFn, toc: tocgraph.TheoryOfChange) -> tocgraph.TheoryOfChange:
    """``toc`` after a random edit script; edits the model refuses are skipped."""
    out = copy.deepcopy(toc)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(
            st.sampled_from(
                [
                    "add_node", "remove_node", "retitle", "relevel", "logic", "rename", "add_link",
                    "remove_link", "strength", "link_assumptions", "target", "baseline", "actual",
                    "assumption", "add_assumption", "metadata", "feedback_status", "add_feedback",
                ]
            )
        )
        ids = [n.id for n in out.nodes()]
        if not ids:
            break
        node = draw(st.sampled_from(ids))
        other = draw(st.sampled_from(ids))
        links = [(l.source, l.target) for l in out.links()]
        link = draw(st.sampled_from(links)) if links else None
        indicators = [i.id for i in out.indicators()]
        indicator = draw(st.sampled_from(indicators)) if indicators else None
        try:
            if op == "add_node":
                out.add_node(
                    id=f"new{draw(st.integers(0, 2))}",
                    level=draw(st.sampled_from(LEVELS)),
                    title=draw(st.sampled_from(TITLES)),
                )
            elif op == "remove_node":
                out.remove_node(node)
            elif op == "retitle":
                out.update_node(node, title=draw(st.sampled_from(TITLES)))
            elif op == "relevel":
                out.update_node(node, level=draw(st.sampled_from(LEVELS)))
            elif op == "logic":
                out.update_node(node, logic=draw(st.sampled_from(["all", "any"])))
            elif op == "rename":
                out = rename_node(out, node, f"renamed{draw(st.integers(0, 2))}")
            elif op == "add_link":
                out.add_link(source=node, target=other, strength=draw(st.sampled_from([0.2, 0.6])))
            elif op == "remove_link" and link:
                out.remove_link(*link)
            elif op == "strength" and link:
                out.update_link(*link, strength=draw(st.sampled_from([0.1, 0.6, 1.0])))
            elif op == "link_assumptions" and link:
                choices = [a.id for a in out.assumptions()]
                out.update_link(*link, assumptions=draw(st.lists(st.sampled_from(choices), unique=True)) if choices else [])
            elif op == "target" and indicator:
                i = out.indicator(indicator)
                year = draw(st.sampled_from([2020, 2021, 2022, 2023]))
                kept = [t for t in i.targets if t.period.start.year != year]
                if draw(st.booleans()):
                    kept.append(
                        tocgraph.PeriodValue(
                            period=tocgraph.Period(f"{year}-01-01", f"{year}-12-31"), value=draw(st.integers(1, 9))
                        )
                    )
                i.targets = kept
                out.update_indicator(i)
            elif op == "baseline" and indicator:
                i = out.indicator(indicator)
                i.baselines = [tocgraph.Baseline(date="2019-12-31", value=draw(st.integers(0, 5)))]
                out.update_indicator(i)
            elif op == "actual" and indicator:
                i = out.indicator(indicator)
                year = draw(st.sampled_from([2020, 2021]))
                if all(a.period.start.year != year for a in i.actuals):
                    i.actuals = [
                        *i.actuals,
                        tocgraph.PeriodValue(
                            period=tocgraph.Period(f"{year}-01-01", f"{year}-12-31"), value=draw(st.integers(0, 9))
                        ),
                    ]
                    out.update_indicator(i)
            elif op == "assumption" and out.assumptions():
                a = draw(st.sampled_from([a.id for a in out.assumptions()]))
                out.update_assumption(a, likelihood=draw(st.sampled_from([0.1, 0.5, 0.7])))
            elif op == "add_assumption":
                k = draw(st.integers(0, 3))
                out.add_assumption(id=f"as{k}", statement=draw(st.sampled_from(["Travel", "Funding", "Data"])))
            elif op == "metadata":
                m = out.metadata
                m.version = draw(st.sampled_from(["1.1", "2.0"]))
                out.metadata = m
            elif op == "feedback_status" and out.feedback():
                f = draw(st.sampled_from([f.id for f in out.feedback()]))
                out.update_feedback(f, status=draw(st.sampled_from(["accepted", "rejected", "addressed"])))
            elif op == "add_feedback":
                out.add_feedback(id=f"fb_new{draw(st.integers(0, 1))}", subject=node, text=draw(st.sampled_from(["x", "y"])))
        except (KeyError, tocgraph.Error):
            pass  # an edit the model refuses (a repeated id, a self-link...) leaves ``out`` as it was
    return out


@st.composite
def versions(draw: st.DrawFn, sides: int) -> list[tocgraph.TheoryOfChange]:
    """A random base and ``sides`` random edits of it."""
    base = draw(tocs())
    return [base, *(draw(edited(base)) for _ in range(sides))]


@PROPERTIES
@given(versions(1))
def test_applying_the_diff_gives_the_new_version(pair: list[tocgraph.TheoryOfChange]) -> None:
    a, b = pair
    d = tocgraph.diff(a, b)
    assert d.apply(a) == b
    assert tocgraph.Diff.from_json(d.to_json()).apply(a) == b
    assert tocgraph.diff(a, b, detect_renames=False).apply(a) == b
    assert tocgraph.diff(b, a).apply(b) == a
    assert bool(d) == (a != b)
    assert not tocgraph.diff(a, a)
    assert len(d) == sum(c["total"] for c in d.counts().values())


@PROPERTIES
@given(versions(1))
def test_merging_with_an_unchanged_side_gives_the_other_side(pair: list[tocgraph.TheoryOfChange]) -> None:
    base, x = pair
    for m in (tocgraph.merge(base, x, base), tocgraph.merge(base, base, x), tocgraph.merge(base, x, x)):
        assert m.clean, [c.to_text() for c in m.conflicts]
        assert m.toc == x


def places(c: tocgraph.Conflict) -> tuple[str, str, str, str]:
    return (c.kind, c.collection, c.id, c.field)


@PROPERTIES
@given(versions(2))
def test_merge_does_not_depend_on_which_side_is_ours(triple: list[tocgraph.TheoryOfChange]) -> None:
    base, x, y = triple
    xy = tocgraph.merge(base, x, y, lint=False)
    yx = tocgraph.merge(base, y, x, lint=False)
    assert sorted(map(places, xy.conflicts)) == sorted(map(places, yx.conflicts))
    if xy.clean:
        assert xy.toc == yx.toc
    checked_xy = tocgraph.merge(base, x, y)
    checked_yx = tocgraph.merge(base, y, x)
    assert checked_xy.clean == checked_yx.clean
    if checked_xy.clean:
        assert checked_xy.toc == checked_yx.toc


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def change_places(d: tocgraph.Diff) -> list[tuple[str, str, tuple[str, ...]]]:
    """(collection, element key, path) of every value a diff changes."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for c in d:
        if c.kind in ("added", "removed"):
            out.append((c.collection, _key(c.key), ()))
        else:
            out.extend((c.collection, _key(c.key), tuple(_key(s) for s in f.path)) for f in c.fields)
    return out


def related(p: tuple[str, str, tuple[str, ...]], q: tuple[str, str, tuple[str, ...]]) -> bool:
    """True when p and q are in the same element and one path lies inside the other."""
    if p[:2] != q[:2]:
        return False
    n = min(len(p[2]), len(q[2]))
    return p[2][:n] == q[2][:n]


def check_nothing_lost(
    base: tocgraph.TheoryOfChange,
    side: tocgraph.TheoryOfChange,
    other: tocgraph.TheoryOfChange,
    m: tocgraph.MergeResult,
) -> None:
    """Where the merged result differs from ``side``, the other side changed
    the base there, or a conflict names the element."""
    own = change_places(tocgraph.diff(base, side, detect_renames=False))
    others = change_places(tocgraph.diff(base, other, detect_renames=False))
    in_conflict = {(c.collection, _key(c.key)) for c in m.conflicts}
    for p in change_places(tocgraph.diff(side, m.toc, detect_renames=False)):
        if p[:2] in in_conflict:
            continue
        assert not any(related(p, q) for q in own), f"a change of this side was lost at {p}"
        assert any(related(p, q) for q in others), f"the merged result differs from both sides at {p}"


@PROPERTIES
@given(versions(2))
def test_no_change_is_lost_in_a_merge(triple: list[tocgraph.TheoryOfChange]) -> None:
    base, x, y = triple
    m = tocgraph.merge(base, x, y, lint=False)
    check_nothing_lost(base, x, y, m)
    check_nothing_lost(base, y, x, m)
    for c in m.conflicts:
        assert c.kind in ("both_changed", "both_added", "delete_modify", "dangling_reference", "invalid")
        assert c.resolution
        assert c.message
        if c.kind in ("both_changed", "both_added", "delete_modify"):
            # One sentence naming the element and both sides.
            assert (c.id == "" or f'"{c.id}"' in c.message) and " ours" in c.message and " theirs" in c.message
