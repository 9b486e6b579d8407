"""toc.to_networkx() and tocgraph.from_networkx: every attribute, exact round trips, errors."""

from __future__ import annotations

import pytest

import tocgraph
from conftest import EXAMPLE, VALID

nx = pytest.importorskip("networkx")


@pytest.mark.parametrize("path", [EXAMPLE, VALID / "full.json"], ids=lambda p: p.name)
def test_round_trip_is_exact(path):
    toc = tocgraph.load(path)
    assert tocgraph.from_networkx(toc.to_networkx()) == toc


def test_attributes(toc):
    g = toc.to_networkx()
    assert isinstance(g, nx.DiGraph)
    assert set(g.nodes) == {"goal", "p1", "oc1", "a1"}
    assert g.nodes["a1"]["level"] == "activity"
    assert g.nodes["a1"]["budget"] == {"amount": 120000, "currency": "AUD"}
    assert g.nodes["a1"]["start"] == "2020-06-01"
    assert [i["id"] for i in g.nodes["oc1"]["indicators"]] == ["i1"]
    assert g.nodes["oc1"]["indicators"][0]["targets"][0]["dimensions"] == {"country": "KH"}
    assert g.nodes["goal"]["indicators"] == []
    assert g.edges["oc1", "p1"]["strength"] == 0.7
    assert g.edges["oc1", "p1"]["assumptions"] == ["as1"]
    assert g.graph["metadata"]["title"] == "ASEAN-ACT (test)"
    assert [a["id"] for a in g.graph["assumptions"]] == ["as1"]
    assert "schema" not in g.graph  # the default schema is left out, as in the file
    assert list(nx.topological_sort(g))[-1] == "goal"


def test_graph_built_by_hand():
    g = nx.DiGraph(schema="logframe")
    g.add_node("g", level="goal", title="Goal")
    g.add_node("o", level="output", indicators=[{"id": "i", "title": "Count"}])
    g.add_edge("o", "g", strength=0.4)
    toc = tocgraph.from_networkx(g)
    assert toc.schema.name == "logframe"
    assert toc.indicator("i").node == "o"
    assert toc.link("o", "g").strength == 0.4


def test_errors_name_the_node_or_edge():
    g = nx.DiGraph()
    g.add_node("g", level="summit")
    with pytest.raises(tocgraph.FormatError, match=r"<networkx>: node 'g', attribute 'level': unknown level \"summit\""):
        tocgraph.from_networkx(g)
    g = nx.DiGraph()
    g.add_node("g", level="goal")
    g.add_node("a", level="activity")
    g.add_edge("a", "g", strength=3)
    with pytest.raises(tocgraph.FormatError, match=r"edge 'a' -> 'g', attribute 'strength': must be between 0 and 1"):
        tocgraph.from_networkx(g)
    with pytest.raises(ValueError, match="directed graph"):
        tocgraph.from_networkx(nx.Graph())
    with pytest.raises(TypeError, match="expected a networkx graph"):
        tocgraph.from_networkx({"nodes": []})
