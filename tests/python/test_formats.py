"""GraphML, Kumu and DAGitty from Python: files other tools read, real Kumu maps, conversion."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import tocgraph
from conftest import EXAMPLE, ROOT, VALID

SHARED = ROOT.parent / "shared" / "data" / "toc-logframes"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"{SHARED} is absent (the shared real-data folder)"
)
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def test_graphml_structure_is_valid(toc, tmp_path):
    text = toc.to_graphml(tmp_path / "toc.graphml")
    assert (tmp_path / "toc.graphml").read_text(encoding="utf-8") == text
    root = ET.fromstring(text)
    assert root.tag == GRAPHML + "graphml"
    children = [c.tag for c in root]
    # GraphML: every <key> before the <graph>.
    assert children == [GRAPHML + "key"] * (len(children) - 1) + [GRAPHML + "graph"]
    keys = {k.get("id"): k for k in root.iter(GRAPHML + "key")}
    assert len({(k.get("for"), k.get("attr.name")) for k in keys.values()}) == len(keys)
    casts = {"boolean": lambda s: s in ("true", "false"), "long": int, "double": float, "string": str}
    for owner in ("graph", "node", "edge"):
        for element in root.iter(GRAPHML + owner):
            for data in element.findall(GRAPHML + "data"):
                key = keys[data.get("key")]
                assert key.get("for") == owner
                assert casts[key.get("attr.type")](data.text or "") is not False
    graph = root.find(GRAPHML + "graph")
    assert graph.get("edgedefault") == "directed"
    node_ids = {n.get("id") for n in graph.iter(GRAPHML + "node")}
    for edge in graph.iter(GRAPHML + "edge"):
        assert edge.get("source") in node_ids and edge.get("target") in node_ids


def test_graphml_is_read_by_networkx_with_types():
    nx = pytest.importorskip("networkx")
    toc = tocgraph.load(VALID / "full.json")
    g = nx.parse_graphml(toc.to_graphml())
    assert g.number_of_nodes() == len(toc) and g.number_of_edges() == len(toc.links())
    act = g.nodes["act1"]
    assert act["budget.amount"] == 125000.5
    assert act["label"] == toc["act1"].title
    assert json.loads(act["actors"]) == ["asean_sec"]
    link = toc.links()[0]
    if link.strength is not None:
        assert g.edges[link.source, link.target]["strength"] == link.strength


def test_dagitty(toc, tmp_path):
    text = toc.to_dagitty(tmp_path / "toc.dagitty")
    assert text.startswith("dag {\n\"goal\" [outcome,label=\"Effective justice systems\",pos=\"0,0\"]\n")
    assert '"a1" -> "oc1"\n' in text
    assert '"a1" [exposure,' in text
    toc.add_link(source="goal", target="a1")
    with pytest.raises(tocgraph.ModelError, match="the links form a cycle"):
        toc.to_dagitty()


def test_kumu_round_trip_and_blueprint(toc, tmp_path):
    blueprint = toc.to_kumu(tmp_path / "toc.kumu.json")
    assert {e["id"] for e in blueprint["elements"]} == {"goal", "p1", "oc1", "a1"}
    assert blueprint["elements"][3]["cost_centre"] == 7
    result = tocgraph.read_kumu(tmp_path / "toc.kumu.json")
    assert result.findings == []
    assert result.toc == toc
    assert tocgraph.loads_kumu(json.dumps(blueprint)).toc == toc


def test_kumu_decisions_are_findings():
    text = json.dumps(
        {
            "elements": [{"label": "A", "type": "Stakeholder"}, {"label": "B", "type": "Output"}],
            "connections": [{"from": "A", "to": "B", "direction": "undirected"}],
        }
    )
    result = tocgraph.loads_kumu(text, type_levels={"Stakeholder": "activity"})
    assert result.toc["A"].level == "activity"
    assert result.toc.has_link("A", "B")
    assert [f.code for f in result.findings] == ["IMP101", "IMP103"]
    assert result.findings[1].ids == ["A->B"]
    with pytest.raises(tocgraph.FormatError, match=r"<string>: /connections/0/from: unknown element \"Z\""):
        tocgraph.loads_kumu('{"elements": [], "connections": [{"from": "Z", "to": "Z"}]}')


@needs_shared
def test_real_kumu_map_with_cycles_and_undirected_links():
    result = tocgraph.read_kumu(SHARED / "kumu" / "kumu-omidyarnetwork-us-financial-inclusion-BACKUP.json")
    toc = result.toc
    assert len(toc) == 230
    assert len(toc.links()) == 230
    assert toc.metadata.title == "US Financial Inclusion"
    loops = toc.metadata.attributes["kumu_loops"]
    assert len(loops) == 42
    assert any(loop["label"] == '33C "Short-Term Debt Cycle"' and len(loop["links"]) == 6 for loop in loops)
    codes = {f.code for f in result.findings}
    assert {"IMP102", "IMP103", "IMP104", "IMP106"} <= codes
    assert toc["elem-JmLNfNrb"].description.startswith("This factor is meant to be the same")
    with pytest.raises(tocgraph.ModelError, match="cycle"):
        toc.to_dagitty()
    # The cycles survive to Kumu and back.
    assert tocgraph.loads_kumu(json.dumps(toc.to_kumu())).toc == toc


@needs_shared
def test_real_kumu_template_with_element_types():
    result = tocgraph.read_kumu(SHARED / "kumu" / "kumu-changelabs-template.json")
    levels = {n.title: n.level for n in result.toc}
    assert levels["Resource A"] == "activity" if "Resource A" in levels else True
    types = {n.attributes.get("element type") for n in result.toc if n.attributes}
    assert {"Stakeholder", "Interviewee", "Phenomenon"} <= types
    stakeholder = next(f for f in result.findings if "Stakeholder" in f.message)
    assert stakeholder.code == "IMP102" and stakeholder.severity == "warning"


def test_convert(tmp_path):
    findings = tocgraph.convert(EXAMPLE, tmp_path / "toc.kumu.json")
    assert findings == []
    tocgraph.convert(tmp_path / "toc.kumu.json", tmp_path / "back.json")
    assert tocgraph.load(tmp_path / "back.json") == tocgraph.load(EXAMPLE)
    tocgraph.convert(EXAMPLE, tmp_path / "toc.graphml")
    assert (tmp_path / "toc.graphml").read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(tocgraph.Error, match="cannot tell the format"):
        tocgraph.convert(EXAMPLE, tmp_path / "toc.txt")
