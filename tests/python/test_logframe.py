"""Logframe tables: CSV and XLSX written and read, the DFID template and the V4C logframe."""

from __future__ import annotations

import importlib.util
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tocgraph
from conftest import EXAMPLE, ROOT, toc_of

SHARED = ROOT.parent / "shared" / "data" / "toc-logframes"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"{SHARED} is absent (the shared real-data folder)"
)


def test_csv_round_trip(toc, tmp_path):
    toc.to_logframe(tmp_path / "lf.csv")
    text = (tmp_path / "lf.csv").read_text(encoding="utf-8")
    assert text.startswith("Level,ID,Contributes to,Statement,")
    result = tocgraph.read_logframe(tmp_path / "lf.csv", schema="theory_of_change")
    back = result.toc
    assert [n.id for n in back] == ["goal", "p1", "oc1", "a1"]
    assert back.has_link("a1", "oc1") and back.has_link("oc1", "p1")
    assert back.indicator("i1").targets == toc.indicator("i1").targets
    assert back.indicator("i1").baselines == toc.indicator("i1").baselines
    statement = back.assumption(back.link("oc1", "p1").assumptions[0]).statement
    assert statement == "Member states stay engaged"


def test_xlsx_round_trip(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    toc = tocgraph.load(EXAMPLE)
    toc.to_logframe(tmp_path / "lf.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "lf.xlsx").active
    assert sheet.title == "Logframe"
    assert sheet["A1"].value == "Level" and sheet["A1"].font.bold
    back = tocgraph.read_logframe(tmp_path / "lf.xlsx").toc
    assert back.schema.name == "theory_of_change"
    assert len(back) == len(toc)
    assert len(back.links()) == len(toc.links())
    toc.to_logframe(tmp_path / "again.csv")
    back.to_logframe(tmp_path / "back.csv")
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "back.csv").read_bytes()


def test_xlsx_keeps_texts_that_python_reads_as_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    texts = ["nan", "inf", "-Infinity", "1_000", "\u0663", "tbc"]
    toc = _toc_from([("", None, t) for t in texts] + [("", 3, ""), ("", 0.25, "")])
    toc.to_logframe(tmp_path / "lf.xlsx")
    cells = [c.value for c in openpyxl.load_workbook(tmp_path / "lf.xlsx").active[3][10:18]]
    assert cells == [*texts, 3, 0.25]
    back = tocgraph.read_logframe(tmp_path / "lf.xlsx", schema="logframe").toc
    assert [(t.value, t.value_text) for t in back.indicator("i").targets] == [
        *((None, t) for t in texts), (3, ""), (0.25, "")
    ]


def test_xlsx_errors_name_sheet_and_cell(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "LF"
    sheet.append(["Level", "ID", "Contributes to", "Statement"])
    sheet.append(["goal", "g", None, "Goal"])
    sheet.append(["output", "o", "nowhere", "Output"])
    workbook.save(tmp_path / "bad.xlsx")
    with pytest.raises(tocgraph.FormatError, match=r"bad.xlsx: sheet 'LF', cell C3: unknown result \"nowhere\""):
        tocgraph.read_logframe(tmp_path / "bad.xlsx")
    with pytest.raises(tocgraph.FormatError, match="no sheet 'Other'"):
        tocgraph.read_logframe(tmp_path / "bad.xlsx", sheet="Other")


def test_csv_errors_name_line_and_column(tmp_path):
    (tmp_path / "bad.csv").write_text("Level,ID,Statement\ngoal,g,G\nsummit,s,S\n", encoding="utf-8")
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.read_logframe(tmp_path / "bad.csv")
    assert error.value.line == 3 and error.value.column == 1
    assert "unknown level \"summit\"" in str(error.value)


@needs_shared
def test_dfid_template_layout_is_recognised():
    pytest.importorskip("openpyxl")
    result = tocgraph.read_logframe(SHARED / "logframelab" / "DFID_Template.xlsx")
    # The template holds no programme data: its layout is read, no results.
    assert len(result.toc) == 0
    codes = {f.code for f in result.findings}
    assert "IMP207" in codes
    assert any(f.code == "IMP205" and '"Milestone 1"' in f.message for f in result.findings)


@needs_shared
def test_dfid_template_filled_in(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "dfid.xlsx"
    shutil.copy(SHARED / "logframelab" / "DFID_Template.xlsx", path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["RESULTS FRAMEWORK"]
    # Where a programme team types into the template.
    sheet["A3"] = "Fewer people are trafficked"
    sheet["B3"], sheet["C3"], sheet["F3"] = "Prosecutions per year", 120, 300
    sheet["C5"] = "National crime statistics"
    sheet["A7"] = "Victims are identified and protected"
    sheet["B7"], sheet["C7"], sheet["D7"], sheet["F7"] = "Victims referred", "1,200", 1500, 2500
    sheet["C9"] = "Shelter records"
    sheet["B11"], sheet["C11"] = "Share of victims in shelters", "40%"
    sheet["A11"] = "Protection"
    sheet["A19"] = "Officers trained in victim identification"
    sheet["B19"], sheet["C19"], sheet["F19"] = "Officers trained", 0, 400
    sheet["C21"] = "Training records"
    workbook.save(path)

    result = tocgraph.read_logframe(path)
    toc = result.toc
    assert toc.schema.name == "oecd_results_chain"
    titles = {n.level: n.title for n in toc}
    assert titles == {
        "impact": "Fewer people are trafficked",
        "outcome": "Victims are identified and protected",
        "output": "Officers trained in victim identification",
    }
    ids = {n.level: n.id for n in toc}
    assert toc.has_link(ids["outcome"], ids["impact"]) and toc.has_link(ids["output"], ids["outcome"])
    outcome = toc.indicators(ids["outcome"])
    assert [i.title for i in outcome] == ["Victims referred", "Share of victims in shelters"]
    assert outcome[0].baselines[0].value == 1200
    assert outcome[0].means_of_verification == "Shelter records"
    assert outcome[0].attributes["milestones"] == {"Milestone 1": 1500, "Target": 2500}
    assert outcome[1].baselines[0].value == 40
    impact = toc.indicators(ids["impact"])[0]
    assert impact.baselines[0].value == 120 and impact.means_of_verification == "National crime statistics"
    codes = {f.code for f in result.findings}
    assert {"IMP201", "IMP205", "IMP206"} <= codes  # links from row order, undated milestones, PRIMARY THEME


@needs_shared
def test_v4c_logframe():
    result = tocgraph.read_logframe(SHARED / "aptivate-v4c" / "v4c.json")
    toc = result.toc
    assert toc.schema.name == "logframe"
    assert [n.id for n in toc] == ["output-3", "output-1", "output-2"]  # by the tool's "order"
    assert toc["output-1"].title == "Adolescent girls and women with improved life skills"
    assert len(toc.indicators()) == 12
    first = toc.indicator("indicator-1.1")
    assert first.node == "output-1"
    assert first.title.startswith("Number of girls who receive CSAGE package")
    assert first.means_of_verification.startswith("A safe space monitoring tool to be developed by Population Council.")
    assert first.baselines[0].value == 0 and first.baselines[0].date.isoformat() == "2013-01-01"
    assert [(t.period.start.year, t.value) for t in first.targets] == [
        (2014, 10000), (2015, 40000), (2016, 80000), (2017, 100000)
    ]
    split = toc.indicator("indicator-1.3")
    council = [t for t in split.targets if t.dimensions == {"subindicator": "Population Council Targets (with at least 4/6 skills)"}]
    assert [t.value for t in council] == [10000, 35000, 70000, 72500]
    assert toc.indicator("indicator-2.3").title == "asdfff"  # the tool's junk description, kept as it is
    statements = [a.statement for a in toc.assumptions()]
    assert any(s.startswith("Changes in the three Streams occur at rates") for s in statements)
    codes = {f.code for f in result.findings}
    assert {"IMP202", "IMP203", "IMP206"} <= codes


def _toc_from(values: list[tuple[str, float | None, str]]) -> tocgraph.TheoryOfChange:
    toc = toc_of(
        [("g", "goal", "Goal"), ("o", "output", "Output, \"quoted\"\nand two lines")],
        [("o", "g")],
        schema="logframe",
    )
    targets = [
        tocgraph.PeriodValue(
            period=tocgraph.Period(f"{2020 + k}-01-01", f"{2020 + k}-12-31"),
            value=value,
            value_text="" if value is not None else comment,
            dimensions={"group": group} if group else {},
        )
        for k, (group, value, comment) in enumerate(values)
    ]
    toc.add_indicator(id="i", node="o", title="Count", targets=targets)
    return toc


def _csv_round_trip(toc: tocgraph.TheoryOfChange) -> tuple[str, tocgraph.TheoryOfChange, list[tocgraph.Finding]]:
    """The CSV text of a theory of change, and what the reader makes of it (in memory)."""
    formats = tocgraph._core.formats
    text = formats.to_logframe_csv(toc._toc, formats.LogframeWriteOptions())
    back = formats.loads_logframe_csv(text, "<h>", formats.LogframeReadOptions(schema="logframe"))
    return text, back.toc, list(back.findings)


def test_numbers_of_any_size_and_their_count_read_back(tmp_path):
    # The writer shows very small and very large numbers with an exponent.
    numbers = [1.5e-07, 1e16, -2.5e300, 5e-324, 0.1, 12345.678]
    toc = _toc_from([("", n, "") for n in numbers] + [("", None, "tbc")])
    text, back, findings = _csv_round_trip(toc)
    targets = back.indicator("i").targets
    assert [t.value for t in targets] == [*numbers, None]
    assert [f.message for f in findings if f.code == "IMP204"] == [
        "1 value is not a number; kept as the value's text (value_text)"
    ]
    if importlib.util.find_spec("openpyxl") is not None:
        toc.to_logframe(tmp_path / "lf.xlsx")
        again = tocgraph.read_logframe(tmp_path / "lf.xlsx", schema="logframe").toc
        assert [t.value for t in again.indicator("i").targets] == [*numbers, None]


def _reads_as_number(text: str) -> bool:
    """Whether the table reader takes a cell as a number (docs/logframe.md): ASCII digits
    with an optional sign, thousands separators or a decimal point, an exponent, a trailing %."""
    body = text[:-1].strip() if text.endswith("%") else text
    grouped = r"\d{1,3}(?:[, ]\d{3})+(?:\.\d*)?"
    plain = r"\d+\.?\d*|\.\d+"
    number = rf"[+-]?(?:(?:{grouped}|{plain})|(?:{plain})[eE][+-]?\d+)"
    return re.fullmatch(number, body, re.ASCII) is not None


# A value with no number but a text that reads as a number ("0") is read back as
# that number: the texts kept as texts are those that are not numbers.
NOT_NUMBERS = st.one_of(
    st.sampled_from(["tbc", "n/a", "<2", "22,5", "1,00", "1.2.3", "--1", "5%%", "1e", "e5", "1,000e3", "3e5 people"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
).filter(lambda s: s.strip() == s and not _reads_as_number(s))


def test_texts_that_are_numbers_are_read_as_numbers():
    assert all(_reads_as_number(t) for t in ["0", "10,000", "1 200", "45%", "-3.5", "1.5e-07", "1E+16", ".5", "7."])
    assert not any(_reads_as_number(t) for t in ["tbc", "22,5", "1,00", "e5", "1e", "1,000e3", "%", "-"])
    toc = _toc_from([("", None, t) for t in ["0", "10,000", "45%", "1.5e-07", "tbc", "22,5"]])
    _, back, _ = _csv_round_trip(toc)
    targets = back.indicator("i").targets
    assert [(t.value, t.value_text) for t in targets] == [
        (0, ""), (10000, ""), (45, ""), (1.5e-07, ""), (None, "tbc"), (None, "22,5")
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "f", "m"]),
            st.one_of(
                st.none(),
                st.integers(-10**6, 10**6).map(float),
                st.floats(0, 1e6, allow_nan=False).map(lambda x: round(x, 3)),
                st.floats(allow_nan=False, allow_infinity=False),
            ),
            NOT_NUMBERS,
        ),
        max_size=5,
    )
)
def test_written_tables_read_back(values):
    toc = _toc_from(values)
    text, back, _ = _csv_round_trip(toc)
    assert _csv_round_trip(back)[0] == text
    theirs = {(t.period.start, tuple(t.dimensions.items())): t.value for t in toc.indicator("i").targets}
    ours = back.indicator("i").targets
    for t in ours:
        assert t.value == theirs[(t.period.start, tuple(t.dimensions.items()))]
