"""Bad input to the Python-side readers and constructors: a FormatError naming the source and where.

Each case is one a user can hit with real data (text from a broken export, a
fixture edited by hand, a cell holding something the file format cannot
carry); none may leak a TypeError, UnicodeDecodeError, RecursionError or a
parser's own exception.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import tocgraph
from conftest import EXAMPLE

BASE = {"format": "tocgraph", "version": 1}


def deep_list(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


def test_loads_refuses_a_lone_surrogate_naming_where() -> None:
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.loads('{"format":"tocgraph","version":1,"metadata":{"title":"\ud800"}}')
    assert str(error.value) == "<string>: text holds a lone surrogate '\\ud800' at character 54, which UTF-8 cannot encode"


def test_from_networkx_refuses_nesting_deeper_than_the_file_format() -> None:
    nx = pytest.importorskip("networkx")
    graph = nx.DiGraph()
    graph.add_node("a", level="goal", attributes={"x": deep_list(3000)})
    with pytest.raises(tocgraph.FormatError, match=r"^<networkx>: node 'a', attribute 'attributes': nesting deeper than 256 levels"):
        tocgraph.from_networkx(graph)


def test_from_networkx_keeps_nesting_the_file_format_allows() -> None:
    nx = pytest.importorskip("networkx")
    graph = nx.DiGraph()
    graph.add_node("a", level="goal", attributes={"x": deep_list(100)})
    assert tocgraph.from_networkx(graph).node("a").attributes["x"] == deep_list(100)


def test_loads_kumu_refuses_bytes_that_are_not_utf8() -> None:
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.loads_kumu(b'{"elements":[{"label":"\xff"}]}')
    assert str(error.value) == "<string>: not UTF-8 text (invalid start byte at byte 23)"


def test_loads_kumu_refuses_a_lone_surrogate() -> None:
    with pytest.raises(tocgraph.FormatError, match="lone surrogate '\\\\ud800' at character 24"):
        tocgraph.loads_kumu('{"elements":[{"label":"a\ud800"}]}')


def test_from_pandas_refuses_a_period_column_in_values() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(tocgraph.FormatError, match=r"^<pandas>: values frame, row 0 \(index 0\), column 'period'"):
        tocgraph.from_pandas(
            nodes=pd.DataFrame([{"id": "a", "level": "goal"}]),
            indicators=pd.DataFrame([{"id": "i", "node": "a"}]),
            values=pd.DataFrame([{"kind": "target", "indicator": "i", "period": "x", "start": "2021-01-01",
                                  "end": "2021-12-31", "value": 1}]),
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'[{"model":"logframe.logframe","pk":1,"fields":{"name":"\xff"}}]',
         "bad.json: not UTF-8 text (invalid start byte at byte 55)"),
        (b'[{"model":"logframe.output","pk":1,"fields":{"name":"o"}},{"model":"logframe.milestone","pk":1,"fields":1.5}]',
         "bad.json: /1/fields: expected an object, not float"),
        (b'[{"model":"logframe.output","pk":[1],"fields":{}}]', "bad.json: /0/pk: expected a number or a text, not list"),
        (b"[" * 100000 + b"]" * 100000, "bad.json: arrays or objects nested too deeply"),
        (b'{"model": "x"}', 'bad.json: not a logframe fixture: expected a list of Django objects with "model"'),
        (b'[{"model":"logframe.output","pk":1,"fields":{"name":"o","assumptions":"<p>a</p><![ls x"}}]',
         "bad.json: /0/fields/assumptions: not readable as HTML: unknown status keyword 'ls ' in marked section"),
    ],
    ids=["not-utf8", "fields-not-object", "list-pk", "deep", "not-a-list", "html-marked-section"],
)
def test_aptivate_fixture_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.json").write_bytes(content)
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.read_logframe("bad.json")
    assert str(error.value) == message


def test_read_logframe_names_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.read_logframe(missing)
    assert str(error.value) == f"{missing}: cannot open file: No such file or directory"


def xlsx_with_sheet_xml(tmp_path: Path, edit: Callable[[bytes], bytes], part: str = "xl/worksheets/sheet1.xml") -> Path:
    """The example's logframe workbook with one part's XML (the first sheet's by default) changed by ``edit``."""
    pytest.importorskip("openpyxl")
    tocgraph.load(EXAMPLE).to_logframe(tmp_path / "lf.xlsx")
    out = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "lf.xlsx") as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, edit(data) if name == part else data)
    (tmp_path / "bad.xlsx").write_bytes(out.getvalue())
    return tmp_path / "bad.xlsx"


def test_xlsx_with_malformed_sheet_xml(tmp_path: Path) -> None:
    row = b"<row><c t='inlineStr'><is><t>&bogus;</t></is></c></row>"
    path = xlsx_with_sheet_xml(tmp_path, lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + row, 1))
    with pytest.raises(tocgraph.FormatError, match=r"bad\.xlsx: sheet 'Logframe' is not readable: undefined entity"):
        tocgraph.read_logframe(path)


def test_xlsx_with_a_document_type_is_refused(tmp_path: Path) -> None:
    path = xlsx_with_sheet_xml(tmp_path, lambda xml: b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + xml)
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.read_logframe(path)
    assert str(error.value) == f"{path}: xl/worksheets/sheet1.xml: a DOCTYPE is not allowed in a workbook"


def test_xlsx_listing_no_sheets(tmp_path: Path) -> None:
    path = xlsx_with_sheet_xml(tmp_path, lambda xml: re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", xml), "xl/workbook.xml")
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.read_logframe(path)
    assert str(error.value) == f"{path}: the workbook has no sheets"


def test_sdg_framework_with_indicators_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "sdg.json"
    path.write_text('{"sdgs":[{"code":"1","targets":[{"code":"1.1","indicators":5}]}]}')
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.sdg.load_framework(path)
    assert str(error.value) == f"{path}: /sdgs/0/targets/0/indicators: expected a list, not int"


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")], ids=["inf", "-inf", "nan"])
def test_from_dict_refuses_what_json_cannot_carry(value: float) -> None:
    with pytest.raises(tocgraph.FormatError, match=r"^<string>: /nodes/0/attributes/x: .* is not a finite number"):
        tocgraph.from_dict({**BASE, "nodes": [{"id": "a", "level": "goal", "attributes": {"x": value}}]})


def test_aptivate_fixture_mixing_number_text_and_null_keys(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text('[{"model":"logframe.output","pk":null,"fields":{"name":"Second"}},'
                    '{"model":"logframe.output","pk":"x","fields":{"name":"Third"}},'
                    '{"model":"logframe.output","pk":1,"fields":{"name":"First"}}]')
    # numbers first, then texts, then missing keys
    assert [n.id for n in tocgraph.read_logframe(path).toc] == ["first", "third", "second"]
