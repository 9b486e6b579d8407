"""The linter from Python: findings as values, rule selection, re-grading,
the severity floor, the catalogue and the pandas conversions. The rules
themselves are tested rule by rule in C++; here the findings of small
hand-built theories of change check that each option does what it says."""

from __future__ import annotations

import pickle

import pytest

import tocgraph
from conftest import EXAMPLE, toc_of


def small() -> tocgraph.TheoryOfChange:
    """goal <- purpose <- output <- activity, plus a downward link, a
    same-level link and an isolated activity; no indicators."""
    return toc_of(
        [("g", "goal"), ("p", "purpose"), ("o", "output"), ("o2", "output"),
         ("a", "activity"), ("lonely", "activity")],
        [
            ("p", "g"),
            ("o", "p"),
            ("a", "o"),
            ("o2", "o"),  # same level
            ("p", "o2"),  # points down
        ],
        schema="logframe",
    )


def codes(findings: list[tocgraph.Finding]) -> set[str]:
    return {f.code for f in findings}


def test_findings_are_values() -> None:
    findings = small().lint()
    assert isinstance(findings, tocgraph.Findings) and isinstance(findings, list)
    isolated = [f for f in findings if f.code == "TOC110"]
    assert len(isolated) == 1
    f = isolated[0]
    assert f.name == "isolated-node"
    assert f.severity == "warning"
    assert f.ids == ["lonely"]
    assert '"lonely"' in f.message
    assert f.hint  # every rule says how to fix what it finds
    assert str(f) == f"TOC110 warning: {f.message}"
    assert pickle.loads(pickle.dumps(f)) == f
    with pytest.raises(AttributeError):  # findings are read-only results
        f.code = "TOC999"  # type: ignore[misc]


def test_structure_findings_name_the_links() -> None:
    findings = small().lint(select="TOC1")
    downward = [f for f in findings if f.code == "TOC102"]
    same_level = [f for f in findings if f.code == "TOC103"]
    assert [f.ids for f in downward] == [["p->o2"]]
    assert [f.ids for f in same_level] == [["o2->o"]]
    assert downward[0].severity == "error" and downward[0].name == "downward-link"
    assert same_level[0].severity == "warning"
    # p -> o2 -> o -> p is a cycle too
    cycles = [f for f in findings if f.code == "TOC101"]
    assert len(cycles) == 1 and set(cycles[0].ids) == {"p", "o2", "o"}


def test_select_by_code_prefix_and_name() -> None:
    toc = small()
    assert codes(toc.lint(select="TOC110")) == {"TOC110"}
    assert codes(toc.lint(select=["isolated-node", "TOC102"])) == {"TOC110", "TOC102"}
    assert codes(toc.lint(select="TOC2")) <= {c for c in codes(toc.lint()) if c.startswith("TOC2")}
    assert "TOC201" in codes(toc.lint(select="TOC2"))  # the output has no indicator
    assert all(f.code.startswith("TOC1") for f in toc.lint(select=("TOC1",)))


def test_ignore() -> None:
    toc = small()
    everything = codes(toc.lint())
    assert {"TOC110", "TOC102", "TOC201"} <= everything
    # Without TOC110 the lonely activity is reported by the rule it then
    # breaks: it feeds nothing (TOC109); see docs/rules.md.
    without_isolated = toc.lint(ignore="TOC110")
    assert codes(without_isolated) == (everything - {"TOC110"}) | {"TOC109"}
    assert [tuple(f.ids) for f in without_isolated if f.code == "TOC109"] == [("lonely",)]
    assert codes(toc.lint(ignore=["TOC2", "downward-link"])) == {
        c for c in everything if not c.startswith("TOC2") and c != "TOC102"
    }
    assert toc.lint(select="TOC110", ignore="isolated-node") == []


def test_severity_overrides_and_floor() -> None:
    toc = small()
    regraded = toc.lint(select="TOC110", severity={"isolated-node": "error"})
    assert [(f.code, f.severity) for f in regraded] == [("TOC110", "error")]
    regraded = toc.lint(select="TOC102", severity={"TOC102": "info"})
    assert [f.severity for f in regraded] == ["info"]

    errors = toc.lint(min_severity="error")
    assert errors and all(f.severity == "error" for f in errors)
    assert "TOC110" not in codes(errors)
    assert "TOC110" in codes(toc.lint(min_severity="error", severity={"TOC110": "error"}))
    assert "TOC102" not in codes(toc.lint(min_severity="error", severity={"TOC102": "warning"}))
    warnings = toc.lint(min_severity="warning")
    assert all(f.severity in ("warning", "error") for f in warnings)
    assert len(toc.lint(min_severity="info")) == len(toc.lint())


def test_bad_options() -> None:
    toc = small()
    with pytest.raises(ValueError, match='unknown lint rule "TOC999"'):
        toc.lint(select="TOC999")
    with pytest.raises(ValueError, match='unknown lint rule "no-such-rule"'):
        toc.lint(ignore=["no-such-rule"])
    with pytest.raises(ValueError, match='unknown lint rule "TOC1"'):
        toc.lint(severity={"TOC1": "error"})  # a severity names one rule, not a prefix
    with pytest.raises(ValueError, match='unknown value "fatal"; expected "info", "warning" or "error"'):
        toc.lint(min_severity="fatal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match='unknown value "fatal"'):
        toc.lint(severity={"TOC110": "fatal"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="select takes rule codes or names"):
        toc.lint(select=[101])  # type: ignore[list-item]


def test_a_clean_theory_of_change_has_no_structure_findings() -> None:
    toc = tocgraph.TheoryOfChange(schema="logframe")
    toc.add_node(id="g", level="goal")
    toc.add_node(id="p", level="purpose", logic="any")
    toc.add_node(id="o", level="output", logic="any")
    toc.add_node(id="a", level="activity")
    toc.add_link(source="p", target="g")
    toc.add_link(source="o", target="p")
    toc.add_link(source="a", target="o")
    assert toc.lint(select="TOC1", ignore="TOC111") == []


def test_the_example_lints_without_errors() -> None:
    example = tocgraph.load(EXAMPLE)
    findings = example.lint()
    assert [f for f in findings if f.severity == "error"] == []
    # act_cso_dialogue is linked to nothing yet
    assert any(f.code == "TOC110" and f.ids == ["act_cso_dialogue"] for f in findings)


def test_findings_to_pandas() -> None:
    pytest.importorskip("pandas")
    findings = small().lint()
    frame = findings.to_pandas()
    assert list(frame.columns) == ["code", "name", "severity", "message", "hint", "ids"]
    assert len(frame) == len(findings)
    row = frame[frame["code"] == "TOC110"].iloc[0]
    assert row["ids"] == ["lonely"] and row["severity"] == "warning"
    empty = small().lint(select="TOC303").to_pandas()  # no assumptions at all
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)


def test_rule_catalogue() -> None:
    rules = tocgraph.rules()
    assert isinstance(rules, tocgraph.Rules)
    by_code = {r.code: r for r in rules}
    assert len(by_code) == len(rules)  # codes are unique
    assert len({r.name for r in rules}) == len(rules)  # and so are names
    assert by_code["TOC101"] == tocgraph.RuleInfo(code="TOC101")  # entries are named by their code
    assert (by_code["TOC101"].name, by_code["TOC101"].severity, by_code["TOC101"].category) == (
        "cycle", "error", "structure")
    assert by_code["TOC201"].name == "result-without-indicator"
    assert by_code["TOC201"].category == "measurement"
    for r in rules:
        assert r.severity in ("info", "warning", "error")
        assert r.category in ("structure", "measurement", "plan")
        assert r.summary and r.hint
        assert r.code[:4] == "TOC" + {"structure": "1", "measurement": "2", "plan": "3"}[r.category]
    assert [r.code for r in rules] == sorted(r.code for r in rules)


def test_rule_catalogue_to_pandas() -> None:
    pytest.importorskip("pandas")
    frame = tocgraph.rules().to_pandas()
    assert frame.index.name == "code"
    assert list(frame.columns) == ["name", "severity", "category", "summary", "hint"]
    assert frame.loc["TOC110", "name"] == "isolated-node"
    assert len(frame) == len(tocgraph.rules())
