"""Reading and writing: round trips on the shared fixtures, user attributes,
atomic save, FormatError details and the malformed-input corpus shared with
the C++ tests (tests/data/malformed/NAME.json fails with NAME.expected)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import tocgraph

from conftest import EXAMPLE, MALFORMED, make_toc, toc_of, valid_files

VALID = valid_files()


def test_the_valid_samples_are_there() -> None:
    assert [p.name for p in VALID] == ["custom_schema.json", "full.json"]


def corpus() -> list[Path]:
    return sorted(MALFORMED.glob("*.json"))


# ---- round trips --------------------------------------------------------------------


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_round_trip_valid_files(path: Path, tmp_path: Path) -> None:
    toc = tocgraph.load(path)
    assert len(toc) > 0
    assert tocgraph.load(str(path)) == toc  # str or os.PathLike
    text = toc.dumps()
    again = tocgraph.loads(text)
    assert again == toc
    assert again.dumps() == text  # the writer is deterministic
    assert tocgraph.loads(text.encode("utf-8")) == toc
    assert tocgraph.loads(toc.dumps(indent=-1)) == toc
    assert "\n" not in toc.dumps(indent=-1).rstrip("\n")
    target = tmp_path / "copy.json"
    toc.save(target)
    assert target.read_text(encoding="utf-8") == text
    assert tocgraph.load(target) == toc
    # to_dict / from_dict agree with the text
    assert toc.to_dict() == json.loads(text)
    assert tocgraph.from_dict(json.loads(path.read_text(encoding="utf-8"))) == toc
    # copies and pickles of a loaded file
    assert pickle.loads(pickle.dumps(toc)) == toc


def test_full_fixture_content() -> None:
    full = [p for p in VALID if p.name == "full.json"]
    if not full:
        pytest.skip("tests/data/valid/full.json not written yet")
    toc = tocgraph.load(full[0])
    assert toc.schema.name == "theory_of_change"
    assert toc.metadata.title.startswith("ASEAN")
    assert {n.level for n in toc} <= {lv.id for lv in toc.schema.levels}


def test_custom_schema_survives(tmp_path: Path) -> None:
    schema = tocgraph.LevelSchema(
        "three_tier",
        [tocgraph.Level("vision", "Vision", "goal"), tocgraph.Level("change"),
         tocgraph.Level("work", "Work", "activity")],
    )
    toc = toc_of([("v", "vision"), ("w", "work")], [("w", "v")], schema=schema)
    again = tocgraph.loads(toc.dumps())
    assert again == toc and again.schema == schema
    assert json.loads(toc.dumps())["schema"]["name"] == "three_tier"
    # a built-in schema is written by name; the default one not at all
    assert json.loads(tocgraph.TheoryOfChange(schema="logframe").dumps())["schema"] == "logframe"
    assert "schema" not in json.loads(tocgraph.TheoryOfChange().dumps())


def test_round_trip_built_model(tmp_path: Path) -> None:
    toc = make_toc()
    assert tocgraph.loads(toc.dumps()) == toc
    path = tmp_path / "toc.json"
    toc.save(path)
    assert tocgraph.load(path) == toc
    assert tocgraph.from_dict(toc.to_dict()) == toc


def test_user_attributes_survive(tmp_path: Path) -> None:
    attrs = {
        "zeta": "last", "alpha": "first", "unicode": "Hà Nội ✓", "big": 2**63 + 5,
        "neg": -(2**62), "half": 0.5, "whole": 5.0, "flag": True, "nothing": None,
        "nested": {"list": [1, "two", [3.25, {"deep": []}]], "empty": {}},
    }
    toc = make_toc()
    toc.update_node("oc1", attributes=attrs)
    toc.update_link("a1", "oc1", attributes={"reviewed": True})
    toc.update_indicator("i1", attributes={})
    md = toc.metadata
    md.attributes = {"iati_identifier": "AU-5-INI123"}
    toc.metadata = md
    path = tmp_path / "attrs.json"
    toc.save(path)
    again = tocgraph.load(path)
    assert again == toc
    got = again["oc1"].attributes
    assert got == attrs
    assert again.link("a1", "oc1").attributes == {"reviewed": True}
    assert again.indicator("i1").attributes == {}  # an empty object survives
    assert again.indicator("i2").attributes is None
    assert again.metadata.attributes == {"iati_identifier": "AU-5-INI123"}
    written = json.loads(path.read_text(encoding="utf-8"))
    node = next(n for n in written["nodes"] if n["id"] == "oc1")
    assert list(node["attributes"]) == sorted(attrs)  # members sorted by name


# ---- save ------------------------------------------------------------------------------


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    toc = make_toc()
    path = tmp_path / "toc.json"
    path.write_text("old content", encoding="utf-8")
    toc.save(path)
    toc.save(os.fspath(path), indent=4)
    assert sorted(os.listdir(tmp_path)) == ["toc.json"]
    assert tocgraph.load(path) == toc

    # A model the format cannot carry: the old file stays as it was.
    before = path.read_bytes()
    bad = make_toc()
    ind = bad.indicator("i1")
    target = ind.targets[0]
    target.value = float("nan")
    ind.targets = [target]
    bad.update_indicator(ind)
    with pytest.raises(tocgraph.Error) as info:
        bad.save(path)
    assert str(info.value) == "cannot write /indicators/0/targets/0/value: not a finite number"
    assert not isinstance(info.value, tocgraph.FormatError)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["toc.json"]
    with pytest.raises(tocgraph.Error, match="not a finite number"):
        bad.dumps()


def test_save_into_missing_directory(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "toc.json"
    with pytest.raises(tocgraph.Error) as info:
        make_toc().save(path)
    assert str(info.value).startswith(f'cannot save "{path}": ')
    assert not path.parent.exists()


# ---- FormatError -------------------------------------------------------------------------


def test_format_error_attributes_for_a_pointer() -> None:
    text = '{"format": "tocgraph", "version": 1, "nodes": [{"id": "a", "level": "goal", "titel": "x"}]}'
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.loads(text, source="toc.json")
    e = info.value
    assert str(e) == 'toc.json: /nodes/0: unknown member "titel"'
    assert (e.file, e.pointer, e.problem, e.line, e.column) == (
        "toc.json", "/nodes/0", 'unknown member "titel"', None, None)
    assert isinstance(e, ValueError) and isinstance(e, tocgraph.Error)
    clone = pickle.loads(pickle.dumps(e))
    assert (str(clone), clone.file, clone.pointer, clone.problem, clone.line) == (
        str(e), e.file, e.pointer, e.problem, e.line)


def test_format_error_attributes_for_a_syntax_error() -> None:
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.loads('{\n  "format": "tocgraph",\n  "version": 1,\n}')
    e = info.value
    assert e.file == "<string>" and e.pointer == ""
    assert (e.line, e.column) == (4, 1)
    assert str(e).startswith("<string>:4:1: syntax error: ")
    assert e.problem.startswith("syntax error: ")


def test_load_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.load(path)
    assert str(info.value) == f"{path}: cannot open file: No such file or directory"
    assert info.value.file == str(path)


def test_from_dict_reports_pointers() -> None:
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.from_dict({"format": "tocgraph", "version": 2}, source="d.json")
    assert str(info.value) == "d.json: /version: file format version 2 is newer than this library reads (1)"
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.from_dict({"format": "tocgraph", "version": 1, "nodes": {1}}, source="d.json")
    assert str(info.value) == ("d.json: /nodes: cannot convert set to JSON: "
                               "expected dict, list, tuple, str, int, float, bool or None")
    assert info.value.pointer == "/nodes"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("\ud800", "text '\\ud800' holds a lone surrogate, which UTF-8 cannot encode"),
        (float("inf"), "inf is not a finite number"),
        (float("nan"), "nan is not a finite number"),
        (2**70, "integer 1180591620717411303424 is out of range"),
    ],
)
def test_from_dict_refuses_values_json_cannot_carry(value: object, problem: str) -> None:
    document = {"format": "tocgraph", "version": 1,
                "nodes": [{"id": "g", "level": "goal", "attributes": {"a/b": [value]}}]}
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.from_dict(document)
    assert info.value.pointer == "/nodes/0/attributes/a~1b/0"
    assert info.value.problem == problem


def test_from_dict_refuses_nesting_deeper_than_the_file_format() -> None:
    deep: list[object] = []
    for _ in range(3000):
        deep = [deep]
    with pytest.raises(tocgraph.FormatError, match="nesting deeper than 256 levels"):
        tocgraph.from_dict({"format": "tocgraph", "version": 1, "metadata": {"attributes": {"x": deep}}})


def test_loads_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        tocgraph.loads(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", corpus(), ids=lambda p: p.stem)
def test_malformed_corpus(path: Path) -> None:
    expected_file = path.with_suffix(".expected")
    assert expected_file.exists(), f"{expected_file.name} is missing"
    expected = expected_file.read_text(encoding="utf-8").strip()
    data = path.read_bytes()  # bytes: some files are not valid UTF-8 on purpose
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.loads(data, source=path.name)
    assert str(info.value) == expected
    assert info.value.file == path.name
    # Through a file, the message names the path as given.
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.load(path)
    assert str(info.value) == str(path) + expected[len(path.name):]
    # Where the text is valid UTF-8, a str gives the same message.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    with pytest.raises(tocgraph.FormatError) as info:
        tocgraph.loads(text, source=path.name)
    assert str(info.value) == expected


def test_corpus_is_present() -> None:
    assert len(corpus()) >= 25


# ---- the GIL is released around load, loads, dumps and save --------------------------------


def test_io_from_several_threads(tmp_path: Path) -> None:
    toc = make_toc()
    text = toc.dumps()
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for _ in range(20):
                assert tocgraph.loads(text) == toc
                assert toc.dumps() == text
            path = tmp_path / f"t{i}.json"
            toc.save(path)
            assert tocgraph.load(path) == toc
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


@pytest.mark.skipif(not EXAMPLE.exists(), reason="examples/asean-act/toc.json not written yet")
def test_example_round_trip() -> None:
    toc = tocgraph.load(EXAMPLE)
    assert tocgraph.loads(toc.dumps()) == toc


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux writes the temporary file unnamed (O_TMPFILE)")
def test_a_process_killed_while_saving_leaves_no_partial_file(tmp_path: Path) -> None:
    # 50 MB writes back to back: a kill lands inside a write almost every time.
    path = tmp_path / "big.bin"
    child = (
        "import sys, tocgraph._files as f\n"
        "data = b'x' * 50_000_000\n"
        "f.write_bytes(sys.argv[1], data)\n"
        "print('ready', flush=True)\n"
        "while True: f.write_bytes(sys.argv[1], data)\n"
    )
    for delay in (0.05, 0.13, 0.21, 0.34, 0.55):
        process = subprocess.Popen([sys.executable, "-c", child, os.fspath(path)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=os.environ)
        assert process.stdout is not None and process.stderr is not None
        ready = process.stdout.readline()
        time.sleep(delay)
        process.kill()
        process.wait()
        assert ready == b"ready\n", process.stderr.read().decode(errors="replace")
        assert os.listdir(tmp_path) == ["big.bin"], f"killed after {delay} s"
        assert path.stat().st_size == 50_000_000
