"""Drawings from Python: SVG, DOT and Mermaid (tocgraph.drawing, docs/drawing.md).

The SVG is parsed as XML and checked node by node; the layout is checked
geometrically (no two boxes overlap) on the bundled example and on a
300-node synthetic theory of change.
"""

from __future__ import annotations

import itertools
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import tocgraph
from tocgraph import monitoring
from tocgraph.drawing import drawing_format

from conftest import EXAMPLE, cyclic_toc, make_toc, toc_of

SVG = "{http://www.w3.org/2000/svg}"
AS_OF = "2022-12-31"


@pytest.fixture(scope="module")
def example() -> tocgraph.TheoryOfChange:
    return tocgraph.load(EXAMPLE)


def node_groups(svg: str) -> dict[str, ET.Element]:
    """The <g class="node"> elements of an SVG by data-id; fails on a duplicate id."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    groups: dict[str, ET.Element] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            node_id = g.get("data-id")
            assert node_id is not None, "a node group without data-id"
            assert node_id not in groups, f"two groups for node {node_id!r}"
            groups[node_id] = g
    return groups


def boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    """(x, y, width, height) of the rect of every node group."""
    out = {}
    for node_id, g in node_groups(svg).items():
        rect = g.find(f"{SVG}rect")
        assert rect is not None, f"node {node_id!r} has no rect"
        out[node_id] = tuple(float(rect.get(a, "nan")) for a in ("x", "y", "width", "height"))
    return out  # type: ignore[return-value]


def overlapping(rects: dict[str, tuple[float, float, float, float]]) -> list[tuple[str, str]]:
    """Pairs of boxes whose interiors intersect (touching edges are fine)."""
    pairs = []
    for (a, (ax, ay, aw, ah)), (b, (bx, by, bw, bh)) in itertools.combinations(rects.items(), 2):
        if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
            pairs.append((a, b))
    return pairs


def all_text(element: ET.Element) -> str:
    return " ".join(t.strip() for t in element.itertext() if t.strip())


# ---- SVG ----------------------------------------------------------------------------


def test_svg_has_a_node_group_per_node(example: tocgraph.TheoryOfChange) -> None:
    svg = example.to_svg()
    groups = node_groups(svg)
    assert set(groups) == {n.id for n in example}
    for node in example:
        g = groups[node.id]
        assert g.get("data-level") == node.level
        assert g.find(f"{SVG}rect") is not None
        # The title is in the box (wrapped over lines) and in the tooltip.
        tooltip = g.find(f"{SVG}title")
        assert tooltip is not None and node.title in (tooltip.text or "")
        shown = " ".join(t.text or "" for t in g.iter(f"{SVG}tspan"))
        assert node.title.split()[0] in shown
    root = ET.fromstring(svg)
    assert float(root.get("width", "0")) > 0 and float(root.get("height", "0")) > 0
    assert example.metadata.title in all_text(root)  # the default heading


def test_svg_draws_every_link(example: tocgraph.TheoryOfChange) -> None:
    root = ET.fromstring(example.to_svg())
    links = [g for g in root.iter(f"{SVG}g") if g.get("class") == "links"]
    assert len(links) == 1
    drawn = [p for p in links[0].iter(f"{SVG}path") if (p.get("marker-end") or "").startswith("url(#tocgraph-arrow")]
    assert len(drawn) == len(list(example.links()))


def test_level_colours_follow_the_levels(example: tocgraph.TheoryOfChange) -> None:
    fills: dict[str, set[str]] = {}
    for node_id, g in node_groups(example.to_svg()).items():
        assert g.get("data-status") is None
        fills.setdefault(example[node_id].level, set()).add(g.find(f"{SVG}rect").get("fill"))  # type: ignore[union-attr]
    assert all(len(f) == 1 for f in fills.values()), fills
    assert len({next(iter(f)) for f in fills.values()}) == len(fills)  # a colour per level


def test_status_colours_as_of_a_date(example: tocgraph.TheoryOfChange) -> None:
    svg = example.to_svg(as_of=AS_OF)
    expected = {n.node: n.status for n in monitoring.rollup(example, AS_OF).nodes}
    groups = node_groups(svg)
    assert {i: g.get("data-status") for i, g in groups.items()} == expected
    assert expected["goal"] == "at_risk" and "off_track" in expected.values()
    # One fill per status, and not the level colouring.
    fill_of: dict[str, set[str]] = {}
    for node_id, g in groups.items():
        fill_of.setdefault(expected[node_id], set()).add(g.find(f"{SVG}rect").get("fill"))  # type: ignore[union-attr]
    assert all(len(f) == 1 for f in fill_of.values())
    assert len({next(iter(f)) for f in fill_of.values()}) == len(fill_of)
    assert f"Status as of {AS_OF}" in all_text(ET.fromstring(svg))
    # color="status" with as_of is the same drawing; another method changes the statuses.
    assert example.to_svg(color="status", as_of=AS_OF) == svg
    weakest = node_groups(example.to_svg(as_of=AS_OF, method="weakest"))
    expected_weakest = {n.node: n.status for n in monitoring.rollup(example, AS_OF, method="weakest").nodes}
    assert {i: g.get("data-status") for i, g in weakest.items()} == expected_weakest


def test_status_colours_from_a_mapping(example: tocgraph.TheoryOfChange) -> None:
    groups = node_groups(example.to_svg(statuses={"goal": "off_track", "eopo_1": "on_track"}, subtitle="Q4"))
    assert groups["goal"].get("data-status") == "off_track"
    assert groups["eopo_1"].get("data-status") == "on_track"
    assert {g.get("data-status") for i, g in groups.items() if i not in ("goal", "eopo_1")} == {"no_data"}


def test_svg_options(example: tocgraph.TheoryOfChange) -> None:
    def outside_nodes(svg: str) -> str:
        """The text of the drawing less that of the node boxes."""
        root = ET.fromstring(svg)
        for nodes in [g for g in root.iter(f"{SVG}g") if g.get("class") == "nodes"]:
            nodes.clear()
        return all_text(root)

    plain = outside_nodes(example.to_svg(title="", legend=False, level_labels=False))
    assert example.metadata.title not in plain
    assert "Immediate outcome" not in plain  # no band labels, no legend
    assert "Immediate outcome" in outside_nodes(example.to_svg(title="", legend=False))
    assert "Immediate outcome" in outside_nodes(example.to_svg(title="", level_labels=False))
    ids = example.to_svg(show_ids=True, title="My heading")
    assert "My heading" in ids

    def box_texts(svg: str, node_id: str) -> list[str]:
        return [all_text(t) for t in node_groups(svg)[node_id].findall(f"{SVG}text")]

    assert "io_1_1" in box_texts(ids, "io_1_1")
    assert "io_1_1" not in box_texts(example.to_svg(), "io_1_1")
    big = boxes(example.to_svg(font_size=18))
    small = boxes(example.to_svg(font_size=10))
    assert big["goal"][3] > small["goal"][3]
    narrow = boxes(example.to_svg(max_text_width=90))
    assert narrow["io_1_1"][2] < boxes(example.to_svg())["io_1_1"][2]
    short = node_groups(example.to_svg(max_lines=1))
    assert all(len(g.findall(f".//{SVG}tspan")) == 1 for g in short.values())
    assert 'id="chart2-arrow"' in example.to_svg(id_prefix="chart2")


def test_empty_levels_get_a_band_on_request(toc: tocgraph.TheoryOfChange) -> None:
    def bands(svg: str) -> set[str]:
        return {r.get("data-level", "") for r in ET.fromstring(svg).iter(f"{SVG}rect")} - {""}

    used = {n.level for n in toc}
    assert bands(toc.to_svg()) == used
    every = {level.id for level in toc.schema.levels}
    assert bands(toc.to_svg(show_empty_levels=True)) == every
    assert every > used


def test_svg_escapes_text() -> None:
    toc = toc_of(
        [("g", "goal", 'Rights & <dignity> "for all"'), ("a", "activity", "Train <staff>")],
        [("a", "g")],
    )
    groups = node_groups(toc.to_svg())  # parses: the text is escaped
    assert 'Rights & <dignity> "for all"' in (groups["g"].find(f"{SVG}title").text or "")  # type: ignore[union-attr]


def test_repr_svg_shows_the_diagram(example: tocgraph.TheoryOfChange) -> None:
    svg = example._repr_svg_()
    assert svg == example.to_svg()
    assert set(node_groups(svg)) == {n.id for n in example}


# ---- DOT and Mermaid ------------------------------------------------------------------


def test_dot_has_every_node_and_link(example: tocgraph.TheoryOfChange) -> None:
    dot = example.to_dot()
    assert dot.startswith("digraph ") and dot.rstrip().endswith("}")
    assert dot.count("{") == dot.count("}")
    for node in example:
        assert re.search(rf"^\s+{re.escape(node.id)} \[label=", dot, re.M), node.id
    edges = set(re.findall(r"^\s+(\w+) -> (\w+)(?: \[[^\]]*\])?;$", dot, re.M))
    assert edges == {(link.source, link.target) for link in example.links()}


def test_dot_quotes_ids_and_colours_statuses() -> None:
    toc = toc_of(
        [("goal", "goal", "Goal"), ("out-1", "output", 'Say "yes"'), ("2nd", "activity", "Second")],
        [("out-1", "goal"), ("2nd", "out-1")],
    )
    dot = toc.to_dot(statuses={"goal": "off_track"}, show_ids=True)
    assert '"out-1" -> goal;' in dot and '"2nd" -> "out-1";' in dot
    assert r'Say \"yes\"' in dot
    goal_line = next(line for line in dot.splitlines() if line.strip().startswith("goal ["))
    assert 'tooltip="Off track"' in goal_line
    assert "[out-1]" in dot  # show_ids
    assert toc.to_dot(title="").startswith('digraph "theory_of_change"')


def test_mermaid_has_every_link(example: tocgraph.TheoryOfChange) -> None:
    mermaid = example.to_mermaid()
    assert "flowchart BT" in mermaid
    assert f'title: "{example.metadata.title}"' in mermaid
    edges = set(re.findall(r"^\s+(\w+) -(?:-|\.)+> (\w+)$", mermaid, re.M))
    assert edges == {(link.source, link.target) for link in example.links()}
    for node in example:
        assert re.search(rf"^\s+{re.escape(node.id)}\[", mermaid, re.M), node.id
    grouped = example.to_mermaid(level_subgraphs=True)
    assert grouped.count("subgraph ") == len({n.level for n in example})
    coloured = example.to_mermaid(as_of=AS_OF)
    assert coloured != mermaid and "classDef" in coloured


# ---- files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("toc.svg", "svg"), ("toc.dot", "dot"), ("toc.gv", "dot"), ("toc.mmd", "mermaid"), ("TOC.SVG", "svg")],
)
def test_render_chooses_the_format_by_suffix(
    example: tocgraph.TheoryOfChange, tmp_path: Path, name: str, fmt: str
) -> None:
    path = tmp_path / name
    text = example.render(path, show_ids=True)
    expected = {"svg": example.to_svg, "dot": example.to_dot, "mermaid": example.to_mermaid}[fmt](show_ids=True)
    assert text == expected
    assert path.read_text(encoding="utf-8") == expected
    assert drawing_format(name) == fmt
    assert os.listdir(tmp_path) == [name]  # no temporary file left behind


def test_render_replaces_a_file_and_takes_a_format(example: tocgraph.TheoryOfChange, tmp_path: Path) -> None:
    path = tmp_path / "diagram.txt"
    path.write_text("old", encoding="utf-8")
    example.render(str(path), format="mermaid", as_of=AS_OF)
    assert path.read_text(encoding="utf-8") == example.to_mermaid(as_of=AS_OF)
    example.render(path, format="dot")
    assert path.read_text(encoding="utf-8").startswith("digraph ")


def test_render_refuses_an_unknown_suffix(example: tocgraph.TheoryOfChange, tmp_path: Path) -> None:
    for name in ("toc.png", "toc", "toc.svg.bak"):
        with pytest.raises(ValueError, match=re.escape(name) + r".*\.svg, \.dot, \.gv or \.mmd"):
            example.render(tmp_path / name)
    with pytest.raises(ValueError, match="unknown drawing format 'png'"):
        example.render(tmp_path / "toc.svg", format="png")  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == []


def test_render_refuses_options_of_another_format(example: tocgraph.TheoryOfChange, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="legend"):
        example.render(tmp_path / "toc.dot", legend=False)
    with pytest.raises(TypeError, match="level_subgraphs"):
        example.render(tmp_path / "toc.svg", level_subgraphs=True)
    assert os.listdir(tmp_path) == []


def test_render_failure_names_the_file(example: tocgraph.TheoryOfChange, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "toc.svg"
    with pytest.raises(tocgraph.Error, match="toc.svg"):
        example.render(target)
    assert not (tmp_path / "missing").exists()


# ---- bad options ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"color": "colour"}, ValueError, "unknown color 'colour'"),
        ({"color": "status"}, ValueError, "needs statuses or an as_of date"),
        ({"color": "level", "as_of": AS_OF}, ValueError, "as_of is for color=\"status\""),
        ({"statuses": {"goal": "on_track"}, "as_of": AS_OF}, ValueError, "not both"),
        ({"statuses": {"nowhere": "on_track"}}, tocgraph.ModelError, "nowhere"),
        ({"statuses": {"goal": "fine"}}, ValueError, "fine"),
        ({"statuses": ["goal"]}, TypeError, "mapping"),
        ({"as_of": "2022-13-01"}, ValueError, "2022-13-01"),
        ({"as_of": AS_OF, "method": "median"}, ValueError, "median"),
        ({"as_of": AS_OF, "at_risk_below": 0.5}, ValueError, "off_track_below"),
        ({"font_size": 0}, ValueError, "font_size"),
        ({"max_text_width": -5}, ValueError, "max_text_width"),
        ({"max_width": -1}, ValueError, "max_width"),
        ({"max_lines": -1}, ValueError, "max_lines"),
        ({"id_prefix": "a b"}, ValueError, "id_prefix"),
        ({"colour": "level"}, TypeError, "colour"),
    ],
)
def test_bad_svg_options(
    example: tocgraph.TheoryOfChange, options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        example.to_svg(**options)  # type: ignore[arg-type]


def test_bad_dot_and_mermaid_options(example: tocgraph.TheoryOfChange) -> None:
    with pytest.raises(ValueError, match="font_size"):
        example.to_dot(font_size=-1)
    with pytest.raises(ValueError, match="needs statuses or an as_of date"):
        example.to_mermaid(color="status")
    with pytest.raises(TypeError):
        example.to_dot("level")  # type: ignore[misc]  # options are keyword-only


def test_status_colours_need_an_acyclic_graph() -> None:
    toc = cyclic_toc()
    assert set(node_groups(toc.to_svg())) == {"goal", "o1", "o2"}  # level colours: no roll-up needed
    with pytest.raises(tocgraph.CycleError):
        toc.to_svg(as_of=AS_OF)


# ---- geometry ------------------------------------------------------------------------


def check_layout(svg: str, node_ids: set[str]) -> None:
    rects = boxes(svg)
    assert set(rects) == node_ids
    assert overlapping(rects) == []
    root = ET.fromstring(svg)
    width, height = float(root.get("width", "0")), float(root.get("height", "0"))
    for node_id, (x, y, w, h) in rects.items():
        assert w > 0 and h > 0, node_id
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, node_id


def test_no_boxes_overlap_in_the_example(example: tocgraph.TheoryOfChange) -> None:
    check_layout(example.to_svg(), {n.id for n in example})
    check_layout(example.to_svg(show_ids=True, font_size=16, max_width=600), {n.id for n in example})


@pytest.mark.parametrize("seed", [0, 7])
def test_no_boxes_overlap_in_a_300_node_toc(seed: int) -> None:
    toc = tocgraph.synthetic(300, seed=seed)
    svg = toc.to_svg()
    check_layout(svg, {n.id for n in toc})
    # The goal sits above every other node, and each level's band below the one above.
    rects = boxes(svg)
    goal_bottom = max(y + h for i, (x, y, w, h) in rects.items() if toc[i].level == "goal")
    assert all(y >= goal_bottom for i, (x, y, w, h) in rects.items() if toc[i].level != "goal")


def test_the_overlap_check_can_fail() -> None:
    assert overlapping({"a": (0, 0, 10, 10), "b": (9, 9, 10, 10)}) == [("a", "b")]
    assert overlapping({"a": (0, 0, 10, 10), "b": (10, 0, 10, 10)}) == []


def test_make_toc_draws() -> None:
    toc = make_toc()
    assert set(node_groups(toc.to_svg(as_of="2020-12-31"))) == {n.id for n in toc}
