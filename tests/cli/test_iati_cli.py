"""`tocgraph import-iati` and `tocgraph export-iati`: files, findings on stderr, progress, errors."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from cli_runner import ROOT, requires_cli, run_cli

FIXTURES = ROOT / "tests" / "data" / "iati"
SHARED = ROOT.parent / "shared" / "data" / "iati-publishers"
pytestmark = requires_cli


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=300)


def test_import_to_a_directory(tmp_path: Path) -> None:
    out = tmp_path / "tocs"
    r = run("import-iati", FIXTURES / "mixed.xml", "-o", out)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["XM-MIX-1.json", "XM-MIX-2.json", "XM-MIX-3.json"]
    doc = json.loads((out / "XM-MIX-2.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "iati"
    assert [n["id"] for n in doc["nodes"]] == ["activity", "result-1"]
    lines = r.stderr.splitlines()
    assert lines[0].endswith("mixed.xml:37:3: info: [XM-MIX-3] activity reports no results (no-results)")
    assert lines[-1].startswith(f"{FIXTURES / 'mixed.xml'}: 3 activities read, 3 written to {out}; 0 errors, "
                                "0 warnings, 1 info (")


def test_identifiers_become_safe_unique_file_names(tmp_path: Path) -> None:
    r = run("import-iati", FIXTURES / "messy.xml", "-o", tmp_path)
    assert r.returncode == 0, r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["XM-MESSY-1_-_Kenya_-_Covid_19.json"]
    assert "value \"17,300\" read as 17300" in r.stderr
    assert "1 error, 18 warnings, 10 info" in r.stderr.splitlines()[-1]


def test_import_one_activity_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    r = run("import-iati", FIXTURES / "mixed.xml", "--activity", "XM-MIX-1", "-o", out)
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["attributes"]["iati"]["identifier"] == "XM-MIX-1"
    r = run("import-iati", FIXTURES / "mixed.xml", "-o", out)
    assert r.returncode == 2
    assert "holds more than one activity; write them to a directory, or choose one with --activity ID" in r.stderr
    r = run("import-iati", FIXTURES / "mixed.xml", "--activity", "nope", "-o", out)
    assert r.returncode == 1
    assert r.stderr.splitlines()[-1].endswith('mixed.xml: no activity with identifier "nope"')


def test_language_and_progress(tmp_path: Path) -> None:
    out = tmp_path / "l.json"
    r = run("import-iati", FIXTURES / "languages.xml", "-o", out, "--language", "es", "--progress")
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["nodes"][0]["title"] == "Agua limpia"
    # Progress counts the bytes read so far: after the one activity's end tag
    # only the line end and the closing </iati-activities> are left.
    progress = re.fullmatch(
        re.escape(f"{FIXTURES / 'languages.xml'}: 1 activity read (") + r"(\d+)% of the file\)", r.stderr.splitlines()[0]
    )
    assert progress is not None, r.stderr
    size = (FIXTURES / "languages.xml").stat().st_size
    tail = len("\n</iati-activities>\n")
    assert int(progress.group(1)) == 100 * (size - tail) // size


def test_import_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<iati-activities>\n<iati-activity>\n", encoding="utf-8")
    r = run("import-iati", bad, "-o", tmp_path / "out")
    assert r.returncode == 1
    assert r.stderr == f"{bad}:3:1: unexpected end of file: element <iati-activity> opened at 2:1 is not closed\n"
    r = run("import-iati", FIXTURES / "v203.xml")
    assert r.returncode == 2
    assert "missing -o DIR or -o OUT.json" in r.stderr


def test_export_and_import_again(tmp_path: Path) -> None:
    out = tmp_path / "tocs"
    assert run("import-iati", FIXTURES / "v203.xml", "-o", out).returncode == 0
    assert run("import-iati", FIXTURES / "v105.xml", "-o", out).returncode == 0
    xml = tmp_path / "all.xml"
    r = run("export-iati", out / "XM-TEST-203-1.json", out / "XM-TEST-105-1.json", "-o", xml)
    assert r.returncode == 0, r.stderr
    assert r.stderr == f"{xml}: 2 activities written\n"
    again = tmp_path / "again"
    r = run("import-iati", xml, "-o", again)
    assert r.returncode == 0, r.stderr
    first = json.loads((out / "XM-TEST-203-1.json").read_text(encoding="utf-8"))
    second = json.loads((again / "XM-TEST-203-1.json").read_text(encoding="utf-8"))
    assert second == first
    r = run("export-iati", tmp_path / "missing.json", "-o", xml)
    assert r.returncode == 1
    assert "missing.json" in r.stderr


@pytest.mark.skipif(not SHARED.exists(), reason="the shared real-data folder is absent")
def test_real_file(tmp_path: Path) -> None:
    file = SHARED / "ocha-dportal-multi-publisher-extract" / "dportal_results_sample.xml"
    r = run("import-iati", file, "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert len(list((tmp_path / "out").iterdir())) == 59
    assert "59 activities read, 59 written" in r.stderr.splitlines()[-1]
    assert "0 errors, 242 warnings, 26 info" in r.stderr.splitlines()[-1]
