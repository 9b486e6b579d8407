"""tocgraph.sdg: reading the SDG framework, references, portfolio coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tocgraph
from tocgraph import sdg

from conftest import DATA, ROOT

FIXTURES = DATA / "iati"
SHARED = ROOT.parent / "shared" / "data" / "sdg"
HAVE_SHARED = SHARED.exists()
needs_shared = pytest.mark.skipif(not HAVE_SHARED, reason="the shared real-data folder is absent")


def small_framework(tmp_path: Path) -> sdg.SdgFramework:
    """Two goals, four targets, three indicators, in two languages and three formats."""
    en = tmp_path / "en"
    fr = tmp_path / "fr"
    en.mkdir()
    fr.mkdir()
    (en / "global_goals.yml").write_text(
        "3-short: Good health\n3-title: Ensure healthy lives and promote well-being\n  for all at all ages\n"
        "16-title: Promote peaceful and inclusive societies\n", encoding="utf-8")
    (en / "global_targets.yml").write_text(
        "3-8-title: Achieve universal health coverage\n3-b-title: Support research\n"
        "16-2-title: 'End abuse, exploitation, trafficking: all forms'\n16-3-title: Promote the rule of law\n",
        encoding="utf-8")
    (en / "global_indicators.yml").write_text(
        '3-8-1-title: Coverage of essential health services\n16-2-2-title: "Victims of human trafficking"\n'
        "16-3-1-title: Victims who reported\n", encoding="utf-8")
    (fr / "global_targets.yml").write_text("3-8-title: Faire en sorte que chacun bénéficie d'une couverture\n",
                                           encoding="utf-8")
    (tmp_path / "UNSDG-Goals.xml").write_text(
        '<codelist name="UNSDG-Goals" xml:lang="en"><codelist-items>'
        "<codelist-item><code>16</code><name><narrative>Goal 16. Promote peaceful and inclusive societies</narrative>"
        '<narrative xml:lang="fr">Objectif 16. Promouvoir des sociétés pacifiques</narrative></name></codelist-item>'
        "</codelist-items></codelist>", encoding="utf-8")
    return sdg.load_framework(en / "global_goals.yml", en / "global_targets.yml", en / "global_indicators.yml",
                              fr / "global_targets.yml", tmp_path / "UNSDG-Goals.xml")


def test_framework_from_small_files(tmp_path: Path) -> None:
    fw = small_framework(tmp_path)
    assert (len(fw.goals), len(fw.targets), len(fw.indicators)) == (2, 4, 3)
    assert fw.goal("3").title == "Ensure healthy lives and promote well-being for all at all ages"
    assert fw.goal("3").short == {"en": "Good health"}
    assert fw.goal("16").titles["fr"] == "Promouvoir des sociétés pacifiques"  # "Objectif 16. " dropped
    assert fw.target("3.8").titles == {"en": "Achieve universal health coverage",
                                       "fr": "Faire en sorte que chacun bénéficie d'une couverture"}
    assert fw.target("16.2").title == "End abuse, exploitation, trafficking: all forms"
    assert fw.target("3.B").code == "3.b"
    assert fw.indicator("16.2.2").target == "16.2"
    assert [t.code for t in fw.targets_of("16")] == ["16.2", "16.3"]
    assert fw.reference("3.8") == tocgraph.Reference("sdg-target", "3.8")
    assert fw.reference("16") == tocgraph.Reference("sdg-goal", "16")
    assert fw.reference("3-8-1") == tocgraph.Reference("sdg-indicator", "3.8.1")
    with pytest.raises(KeyError, match="no SDG goal, target or indicator '9.9'"):
        fw.reference("9.9")
    assert fw.notes == []


def test_flat_yaml_reader_without_pyyaml(tmp_path: Path) -> None:
    path = tmp_path / "g.yml"
    path.write_text("1-title: End poverty\n  everywhere\n2-title: 'Zero ''hunger'''\n3-title: \"a\\tb\"\n# c\n",
                    encoding="utf-8")
    assert sdg._flat_yaml(path.read_text(encoding="utf-8"), str(path)) == {
        "1-title": "End poverty everywhere", "2-title": "Zero 'hunger'", "3-title": "a\tb"}
    with pytest.raises(tocgraph.FormatError, match=r"g.yml:1: value of 'x' is not a plain or quoted string; install PyYAML"):
        sdg._flat_yaml("x: |\n  block\n", str(path))
    with pytest.raises(tocgraph.FormatError, match=r"g.yml:2: key 'a' appears twice"):
        sdg._flat_yaml("a: 1\na: 2\n", str(path))


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("x.txt", "", "not an SDG framework file"),
        ("evil.xml", '<!DOCTYPE c [<!ENTITY a "b">]><codelist name="UNSDG-Goals"/>', "DOCTYPE is not allowed"),
        ("other.xml", '<codelist name="Sector"/>', "expected the IATI codelist UNSDG-Goals or UNSDG-Targets"),
        ("b.json", '{"sdgs": [{"title": "x"}]}', r'/sdgs/0: expected an object with "code"'),
    ],
)
def test_a_framework_file_that_is_not_one(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tocgraph.FormatError, match=message):
        sdg.load_framework(path)


def test_a_missing_framework_file_or_none(tmp_path: Path) -> None:
    with pytest.raises(tocgraph.FormatError, match="cannot open file"):
        sdg.load_framework(tmp_path / "missing.yml")
    with pytest.raises(ValueError, match="at least one file"):
        sdg.load_framework()


def portfolio() -> list[tocgraph.TheoryOfChange]:
    """Three ToCs: references on a node, on an indicator, and on a contributing activity."""
    a = tocgraph.TheoryOfChange()
    a.metadata = tocgraph.Metadata(title="Programme A")
    a.add_node(id="g", level="goal", title="Safer lives")
    a.add_node(id="oc", level="immediate_outcome", title="Referral works",
               references=[tocgraph.Reference("sdg-target", "16.2")])
    a.add_node(id="out", level="output", title="Training", references=[tocgraph.Reference("sdg-target", "3.8")])
    a.add_link(source="oc", target="g")
    a.add_indicator(id="i", node="oc", references=[tocgraph.Reference("9", "16.2.2"),
                                                   tocgraph.Reference("sdg-indicator", "99.9.9")])
    b = tocgraph.TheoryOfChange()
    b.metadata = tocgraph.Metadata(title="Programme B")
    b.add_node(id="oc", level="intermediate_outcome", title="Health coverage",
               references=[tocgraph.Reference("sdg-goal", "3")])
    b.add_node(id="act", level="activity", title="Clinics", references=[tocgraph.Reference("sdg-target", "3.8")])
    b.add_link(source="act", target="oc")
    c = tocgraph.TheoryOfChange()  # nothing about the SDGs
    c.add_node(id="oc", level="immediate_outcome", title="Other")
    return [a, b, c]


def test_portfolio_coverage_rows(tmp_path: Path) -> None:
    fw = small_framework(tmp_path)
    cov = sdg.portfolio_coverage(portfolio(), fw, as_dataframe=False)
    assert [(r.toc, r.node, r.goal, r.target, r.indicator, r.via, r.source) for r in cov.rows] == [
        ("Programme A", "g", "16", "16.2", "", "contributor", "oc"),
        ("Programme A", "oc", "16", "16.2", "", "node", "oc"),
        ("Programme A", "oc", "16", "16.2", "16.2.2", "indicator", "i"),
        ("Programme B", "oc", "3", "", "", "node", "oc"),
        ("Programme B", "oc", "3", "3.8", "", "contributor", "act"),
    ]
    assert cov.rows[1].target_title == "End abuse, exploitation, trafficking: all forms"
    assert cov.rows[3].target_title == "Ensure healthy lives and promote well-being for all at all ages"
    # The output's own reference does not count: outputs are not outcomes.
    assert [(t.target, t.tocs, t.outcomes) for t in cov.by_target] == [
        ("3.8", 1, 1), ("3.b", 0, 0), ("16.2", 1, 2), ("16.3", 0, 0)]
    assert [t.target for t in cov.unserved] == ["3.b", "16.3"]
    assert cov.unknown == [sdg.UnknownReference("Programme A", "oc", "i", "sdg-indicator:99.9.9")]
    wider = sdg.portfolio_coverage(portfolio(), fw, roles=("outcome", "goal", "output"), as_dataframe=False)
    assert ("Programme A", "out", "3.8") in [(r.toc, r.node, r.target) for r in wider.rows]


def test_portfolio_coverage_dataframe(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    cov = sdg.portfolio_coverage(portfolio(), small_framework(tmp_path))
    assert isinstance(cov.rows, pd.DataFrame)
    assert list(cov.rows.columns) == list(sdg.CoverageRow._fields)
    assert len(cov.rows) == 5
    assert list(cov.unserved["target"]) == ["3.b", "16.3"]


@needs_shared
def test_real_framework_files() -> None:
    en = SHARED / "open-sdg-translations" / "en"
    fr = SHARED / "open-sdg-translations" / "fr"
    fw = sdg.load_framework(en / "global_goals.yml", en / "global_targets.yml", en / "global_indicators.yml",
                            fr / "global_goals.yml", fr / "global_targets.yml", fr / "global_indicators.yml",
                            SHARED / "UNSDG-Goals.xml", SHARED / "UNSDG-Targets.xml")
    assert (len(fw.goals), len(fw.targets), len(fw.indicators)) == (17, 169, 252)
    assert fw.target("1.a").goal == "1"
    assert set(fw.goal("5").titles) == {"en", "fr"}
    assert fw.indicator("3.8.1").titles["fr"]
    repeated = [n for n in fw.notes if "same English title" in n]
    assert len(repeated) == 13  # indicators repeated under several targets
    # The CGIAR export is incomplete and names UNSD series codes.
    cgiar = sdg.load_framework(SHARED / "cgiar-toc" / "getSdgs.json")
    assert (len(cgiar.goals), len(cgiar.targets), len(cgiar.indicators)) == (17, 143, 208)
    assert cgiar.indicator("C010101").code == "1.1.1"
    missing = sorted(set(fw.targets) - set(cgiar.targets))
    assert len(missing) == 26


@needs_shared
def test_real_iati_portfolio() -> None:
    publishers = SHARED.parent / "iati-publishers"
    tocs: list[tocgraph.TheoryOfChange] = []
    for path in sorted(publishers.glob("*/*.xml")):
        tocs.extend(tocgraph.read_iati(path).tocs)
    fw = sdg.load_framework(SHARED / "UNSDG-Goals.xml", SHARED / "UNSDG-Targets.xml")
    cov = sdg.portfolio_coverage(tocs, fw, as_dataframe=False)
    served = {t.target for t in cov.by_target if t.tocs}
    assert served  # SDG tags and sectors of the activities reach their results
    assert all(r.via == "contributor" for r in cov.rows)  # the published files tag activities only
    assert len(cov.unserved) == 169 - len(served)
    assert {r.toc for r in cov.rows} <= {str((t.metadata.attributes or {})["iati"]["identifier"]) for t in tocs}
