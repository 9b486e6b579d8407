"""`tocgraph convert`: formats by extension or by name, findings on stderr, errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_runner import ROOT, EXAMPLE, requires_cli, run_cli

SHARED = ROOT.parent / "shared" / "data" / "toc-logframes"
pytestmark = requires_cli


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=120)


def test_json_to_kumu_and_back(tmp_path: Path) -> None:
    r = run("convert", EXAMPLE, tmp_path / "toc.kumu.json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    blueprint = json.loads((tmp_path / "toc.kumu.json").read_text(encoding="utf-8"))
    assert blueprint["elements"][0]["id"] == "goal"
    r = run("convert", tmp_path / "toc.kumu.json", tmp_path / "back.json")
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "back.json").read_text(encoding="utf-8")) == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_writers_by_extension_and_by_name(tmp_path: Path) -> None:
    assert run("convert", EXAMPLE, tmp_path / "toc.graphml").returncode == 0
    assert (tmp_path / "toc.graphml").read_text(encoding="utf-8").startswith('<?xml version="1.0"')
    assert run("convert", EXAMPLE, tmp_path / "toc.dag").returncode == 0
    assert (tmp_path / "toc.dag").read_text(encoding="utf-8").startswith('dag {\n"goal" [outcome,')
    assert run("convert", "--to", "logframe-csv", EXAMPLE, tmp_path / "lf.txt").returncode == 0
    assert (tmp_path / "lf.txt").read_text(encoding="utf-8").startswith("Level,ID,Contributes to,")
    r = run("convert", "--from", "logframe-csv", "--schema", "theory_of_change", tmp_path / "lf.txt", tmp_path / "lf.json")
    assert r.returncode == 0, r.stderr


def test_errors_and_usage(tmp_path: Path) -> None:
    r = run("convert", EXAMPLE, tmp_path / "toc.txt")
    assert r.returncode == 1
    assert "cannot tell the format" in r.stderr
    r = run("convert", "--to", "pdf", EXAMPLE, tmp_path / "x")
    assert r.returncode == 2
    assert 'unknown format "pdf"' in r.stderr
    (tmp_path / "bad.csv").write_text("Level,ID,Statement\ngoal,g,G\nsummit,s,S\n", encoding="utf-8")
    r = run("convert", tmp_path / "bad.csv", tmp_path / "out.json")
    assert r.returncode == 1
    assert r.stderr.startswith(f"{tmp_path / 'bad.csv'}:3:1: unknown level \"summit\"")
    assert not (tmp_path / "out.json").exists()
    r = run("convert", EXAMPLE)
    assert r.returncode == 2


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is absent (the shared real-data folder)")
def test_real_kumu_map_findings_and_cycle(tmp_path: Path) -> None:
    source = SHARED / "kumu" / "kumu-omidyarnetwork-us-financial-inclusion-BACKUP.json"
    r = run("convert", source, tmp_path / "map.json")
    assert r.returncode == 0, r.stderr
    assert f"{source}: warning IMP102: 230 elements have no level and no element type" in r.stderr
    assert "warning IMP106: the links form a cycle" in r.stderr
    r = run("convert", source, tmp_path / "map.dagitty")
    assert r.returncode == 1
    assert "cannot write a DAGitty model: the links form a cycle" in r.stderr


@pytest.mark.parametrize(
    ("source", "option", "message"),
    [
        ("toc.json", "--schema=iati", "--schema applies to Kumu and logframe input, not to json"),
        ("toc.json", "--column=a=level", "--column applies to logframe input, not to json"),
        ("lf.csv", "--type-level=a=goal", "--type-level applies to Kumu input, not to logframe-csv"),
        ("toc.kumu.json", "--column=a=level", "--column applies to logframe input, not to kumu"),
    ],
)
def test_an_option_the_reader_does_not_take_is_a_usage_error(tmp_path: Path, source: str, option: str, message: str) -> None:
    if source != "toc.json":
        assert run("convert", EXAMPLE, tmp_path / source).returncode == 0
    path = EXAMPLE if source == "toc.json" else tmp_path / source
    r = run("convert", path, tmp_path / "out.graphml", option)
    assert r.returncode == 2
    assert r.stderr.startswith(f"tocgraph convert: error: {message} ({path})\n")
    assert not (tmp_path / "out.graphml").exists()


def test_a_kumu_option_on_a_json_file_that_holds_a_kumu_blueprint(tmp_path: Path) -> None:
    assert run("convert", EXAMPLE, tmp_path / "toc.kumu.json").returncode == 0
    blueprint = tmp_path / "blueprint.json"
    blueprint.write_bytes((tmp_path / "toc.kumu.json").read_bytes())
    r = run("convert", blueprint, tmp_path / "out.json", "--default-level", "output")
    assert r.returncode == 0, r.stderr
