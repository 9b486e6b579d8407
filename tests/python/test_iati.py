"""tocgraph.read_iati / iter_iati / to_iati / write_iati and the new model fields."""

from __future__ import annotations

import copy
import pickle
import threading
from pathlib import Path

import pytest

import tocgraph
from tocgraph.iati import ImportFinding

from conftest import DATA, ROOT, toc_of, year_value

FIXTURES = DATA / "iati"
SHARED = ROOT.parent / "shared" / "data"


def test_references_and_value_fields_are_values() -> None:
    ref = tocgraph.Reference("sdg-target", "3.8", "https://unstats.un.org")
    assert ref == tocgraph.Reference(vocabulary="sdg-target", code="3.8", uri="https://unstats.un.org")
    assert eval(repr(ref), vars(tocgraph)) == ref  # noqa: S307
    assert pickle.loads(pickle.dumps(ref)) == ref
    b = tocgraph.Baseline(year=2019, value_text="TBD", locations=["KH-PNH", ""], attributes={"iati": {"x": 1}})
    assert (b.year, b.value, b.value_text, b.locations) == (2019, None, "TBD", ["KH-PNH", ""])
    assert copy.deepcopy(b) == b and pickle.loads(pickle.dumps(b)) == b
    pv = year_value(2020, 22.5, value_text="22,5", locations=["AF-KAN"])
    assert pickle.loads(pickle.dumps(pv)) == pv
    node = tocgraph.Node(id="o", level="outcome", references=[ref])
    assert node.references == [ref]
    ind = tocgraph.Indicator(id="i", node="o", references=[tocgraph.Reference("9", "3.8.1")])
    assert ind.references[0].vocabulary == "9"


def test_new_fields_survive_json() -> None:
    toc = tocgraph.TheoryOfChange("iati")
    toc.add_node(id="o", level="outcome", references=[tocgraph.Reference("sdg-target", "3.8")])
    toc.add_indicator(
        id="i", node="o", references=[tocgraph.Reference("9", "3.8.1", "u")],
        baselines=[tocgraph.Baseline(year=2019, value_text="<2", locations=["KH"])],
        targets=[year_value(2021, 5, value_text="5,0", attributes={"iati": {"k": [1]}})],
    )
    back = tocgraph.loads(toc.dumps())
    assert back == toc
    doc = toc.to_dict()
    assert doc["schema"] == "iati"
    assert doc["indicators"][0]["baselines"] == [{"year": 2019, "value_text": "<2", "locations": ["KH"]}]
    assert doc["nodes"][0]["references"] == [{"vocabulary": "sdg-target", "code": "3.8"}]


def test_read_iati_returns_tocs_and_findings() -> None:
    result = tocgraph.read_iati(FIXTURES / "messy.xml")
    tocs, findings = result  # unpacks
    assert result.tocs is tocs and len(tocs) == 1
    toc = tocs[0]
    assert toc.schema.name == "iati"
    ind = toc.indicator("result-1-indicator-1")
    assert [t.value_text for t in ind.targets] == ["17,300", "<2", "45%", "9,91"]
    assert [t.value for t in ind.targets] == [17300.0, None, 45.0, 9.91]
    assert all(isinstance(f, ImportFinding) for f in findings)
    converted = [f for f in findings if f.code == "value-converted"]
    assert len(converted) == 4
    first = converted[0]
    assert (first.line, first.column, first.severity, first.subject) == (17, 9, "info", "result-1-indicator-1")
    assert str(first).endswith(
        ':17:9: info: [XM-MESSY-1 - Kenya - Covid 19] result 1 indicator 1 baseline 2 value "22,5" read as 22.5 '
        "(decimal comma); the text is kept (value-converted)")
    assert {f.code for f in findings} <= set(tocgraph.iati.FINDING_CODES)
    assert tocgraph.iati.FINDING_CODES["period-invalid"][0] == "error"


def test_language_option_and_progress() -> None:
    calls: list[tuple[int, int, int]] = []
    tocs, _ = tocgraph.read_iati(FIXTURES / "languages.xml", language="en",
                                 on_progress=lambda n, done, size: calls.append((n, done, size)))
    assert tocs[0]["activity"].title == "Clean water"
    size = (FIXTURES / "languages.xml").stat().st_size
    assert calls == [(1, calls[0][1], size)] and 0 < calls[0][1] <= size
    assert tocgraph.read_iati(FIXTURES / "languages.xml").tocs[0]["activity"].title == "Eau propre"


def test_progress_callback_errors_propagate() -> None:
    def fail(*_: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        tocgraph.read_iati(FIXTURES / "mixed.xml", on_progress=fail)


def test_iter_iati_streams_activities() -> None:
    stream = tocgraph.iter_iati(FIXTURES / "mixed.xml")
    got = [(a.identifier, a.line, len(a.toc), len(a.findings)) for a in stream]
    assert got == [("XM-MIX-1", 4, 2, 0), ("XM-MIX-2", 20, 2, 0), ("XM-MIX-3", 37, 1, 1)]
    assert stream.file_findings == []
    assert stream.bytes_read == stream.size == (FIXTURES / "mixed.xml").stat().st_size


def test_errors_name_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<iati-activities>\n  <iati-activity>\n</iati-activities>", encoding="utf-8")
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.read_iati(bad)
    assert str(info.value).endswith(
        "bad.xml:3:1: end tag </iati-activities> does not match start tag <iati-activity> opened at 2:3")
    assert info.value.line == 3 and info.value.column == 1
    with pytest.raises(tocgraph.FormatError, match="undefined entity &xxe;"):
        tocgraph.read_iati_string('<!DOCTYPE a SYSTEM "file:///etc/passwd"><iati-activities>&xxe;</iati-activities>')
    with pytest.raises(tocgraph.FormatError, match="internal subset is refused"):
        tocgraph.read_iati_string('<!DOCTYPE a [<!ENTITY x "y">]><iati-activities/>')
    with pytest.raises(tocgraph.FormatError, match="cannot open file"):
        tocgraph.read_iati(tmp_path / "absent.xml")
    stream = tocgraph.iter_iati(FIXTURES / "v203.xml")
    assert next(stream).identifier == "XM-TEST-203-1"


@pytest.mark.parametrize("name", ["v203.xml", "v105.xml", "mixed.xml", "messy.xml", "languages.xml"])
def test_round_trip_through_iati_xml(name: str, tmp_path: Path) -> None:
    tocs, _ = tocgraph.read_iati(FIXTURES / name)
    out = tmp_path / "out.xml"
    tocgraph.write_iati(tocs, out)
    back, _ = tocgraph.read_iati(out)
    assert len(back) == len(tocs)
    for a, b in zip(tocs, back):
        ma, mb = a.metadata, b.metadata
        assert mb.attributes is not None and mb.attributes["iati"]["version"] == "2.03"
        for m in (ma, mb):
            attrs = dict(m.attributes or {})
            attrs["iati"] = {k: v for k, v in attrs["iati"].items() if k != "version"}
            m.attributes = attrs
        a.metadata, b.metadata = ma, mb
        assert a == b
    assert tocs[0].to_iati() == tocgraph.iati.to_iati(tocs[:1])


def test_to_iati_on_a_hand_built_toc() -> None:
    toc = tocgraph.TheoryOfChange(metadata=tocgraph.Metadata(title="P"))
    toc.add_node(id="o", level="immediate_outcome", title="O",
                 references=[tocgraph.Reference("sdg-target", "16.2")])
    toc.add_indicator(id="i", node="o", title="I", measure="percentage",
                      baselines=[tocgraph.Baseline(year=2020, value=1.5)])
    xml = toc.to_iati()
    assert '<result type="2">' in xml
    assert '<reference vocabulary="sdg-target" code="16.2"/>' in xml
    assert '<baseline year="2020" value="1.5"/>' in xml
    assert tocgraph.read_iati_string(xml).tocs[0].indicator("result-1-indicator-1").baselines[0].year == 2020
    with pytest.raises(TypeError, match="each of tocs must be a tocgraph.TheoryOfChange, got str"):
        tocgraph.write_iati(["x"], "out.xml")  # type: ignore[list-item]


def test_write_is_atomic(tmp_path: Path) -> None:
    toc = toc_of([("g", "goal", "bad \x00 title")])  # XML cannot carry NUL
    target = tmp_path / "out.xml"
    target.write_text("before", encoding="utf-8")
    with pytest.raises(tocgraph.Error, match="control character 0"):
        tocgraph.write_iati([toc], target)
    assert target.read_text(encoding="utf-8") == "before"


def value(text: str) -> tuple[str, float | None, str]:
    read = tocgraph.iati.read_value(text)
    return read.kind, read.number, read.how


def test_read_value_rules() -> None:
    assert value("22,5") == ("converted", 22.5, "decimal comma")
    assert value("17,300") == ("converted", 17300.0, "comma as thousands separator")
    assert value("776.00") == ("plain", 776.0, "")
    assert value("<2") == ("text", None, "")
    assert value(" ") == ("empty", None, "")


def test_parsing_releases_the_gil() -> None:
    # Another thread runs Python while the C++ parser works on a large input.
    body = "".join(
        f'<iati-activity><iati-identifier>A{k}</iati-identifier><result type="1"><title><narrative>R</narrative>'
        f'</title><indicator measure="1"><title><narrative>I</narrative></title><baseline year="2020" value="{k}"/>'
        "</indicator></result></iati-activity>" for k in range(20000))
    text = f'<iati-activities version="2.03">{body}</iati-activities>'
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    thread = threading.Thread(target=count)
    thread.start()
    try:
        tocs, _ = tocgraph.read_iati_string(text)
    finally:
        done.set()
        thread.join()
    assert len(tocs) == 20000
    assert ticks > 1000


@pytest.mark.skipif(not (SHARED / "iati-publishers").exists(), reason="the shared real-data folder is absent")
def test_real_published_files() -> None:
    file = SHARED / "iati-publishers" / "ocha-dportal-multi-publisher-extract" / "dportal_results_sample.xml"
    tocs, findings = tocgraph.read_iati(file)
    assert len(tocs) == 59
    assert sum(len(t.indicators()) for t in tocs) == 751
    codes = [f.code for f in findings]
    assert codes.count("period-reversed") == 7
    assert codes.count("value-converted") == 6
    back, _ = tocgraph.read_iati_string(tocgraph.iati.to_iati(tocs))
    assert [len(t.indicators()) for t in back] == [len(t.indicators()) for t in tocs]
