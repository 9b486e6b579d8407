"""`tocgraph portfolio`: the C++ command hands its arguments to the Python
package's command line (python -m tocgraph.portfolio), which writes one table
for many files.

The tool is found as in test_cli.py: TOCGRAPH_CLI, else PATH. The Python it
runs is the one beside it (a virtual environment's bin/), which must have
tocgraph and pandas."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import ROOT, requires_cli, run_cli

PROGRAMMES = ROOT / "tests" / "data" / "portfolio" / "programmes"
GOOD = [PROGRAMMES / "tocs" / "water.json", PROGRAMMES / "tocs" / "counter-trafficking.json",
        PROGRAMMES / "iati" / "activities.xml", PROGRAMMES / "logframe.csv"]
pytestmark = requires_cli


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("portfolio", *args, env=env, timeout=120)


def test_lint_to_csv(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "lint.csv"
    r = run("lint", *GOOD, "-o", out)
    assert r.returncode == 0, r.stderr
    table = pd.read_csv(out, keep_default_na=False)
    assert table.columns.tolist()[:7] == ["file", "offset", "identifier", "programme", "publisher", "countries", "code"]
    assert table["file"].unique().tolist() == [str(p) for p in GOOD]  # in the order given
    assert r.stderr == f"{out}: {len(table)} rows from 4 files\n"


def test_progress_in_two_processes_to_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from tocgraph.portfolio import Portfolio

    out = tmp_path / "progress.parquet"
    r = run("progress", "--as-of", "2022-06-30", "-j", "2", str(PROGRAMMES / "tocs" / "*.json"),
            PROGRAMMES / "iati" / "activities.xml", "-o", out)
    assert r.returncode == 1, r.stderr  # tocs/broken.json cannot be read
    expected = Portfolio([str(PROGRAMMES / "tocs" / "*.json"), PROGRAMMES / "iati" / "activities.xml"])
    frame = expected.progress(as_of="2022-06-30")
    # Parquet gives text back as pandas strings and dates in milliseconds: the same values.
    pd.testing.assert_frame_equal(pd.read_parquet(out).astype(frame.dtypes.to_dict()), frame)
    broken = PROGRAMMES / "tocs" / "broken.json"
    assert r.stderr.splitlines() == [
        f'{broken}: /links/0/target: unknown node "oc9" (FormatError)',
        f"{out}: 4 rows from 4 files; 1 file could not be read in full",
    ]


def test_indicators_to_standard_output_and_the_failures_table(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    failures = tmp_path / "failures.csv"
    r = run("indicators", PROGRAMMES, "--failures", failures)
    assert r.returncode == 1
    table = pd.read_csv(io.StringIO(r.stdout), keep_default_na=False)
    assert set(table["kind"]) == {"baseline", "target", "actual"}
    assert pd.read_csv(failures)[["file", "error"]].values.tolist() == [
        [str(PROGRAMMES / "iati" / "damaged.xml"), "FormatError"],
        [str(PROGRAMMES / "tocs" / "broken.json"), "FormatError"],
    ]
    assert r.stderr.splitlines()[-1] == f"<stdout>: {len(table)} rows from 6 files; 2 files could not be read in full"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["progress", "x.json"], "progress needs --as-of DATE"),
        (["lint", "x.json", "--as-of", "2022-01-01"], "--as-of applies to progress, not lint"),
        (["progress", "x.json", "--as-of", "2022-13-01"], 'invalid date "2022-13-01"'),
        (["lint", "x.json", "-o", "out.txt"], "option -o: out.txt: expected a .csv or .parquet file"),
        (["lint", "x.json", "-j", "2", "--scheduler", "tcp://127.0.0.1:8786"], "not allowed with argument"),
        (["summarise", "x.json"], "invalid choice: 'summarise'"),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    r = run(*args)
    assert r.returncode == 2
    assert "tocgraph portfolio: error: " in r.stderr and message in r.stderr, r.stderr


def test_unknown_option_is_refused_before_python_runs() -> None:
    r = run("lint", "x.json", "--colour")
    assert r.returncode == 2
    assert r.stderr.startswith("tocgraph portfolio: error: unknown option --colour\n")


def test_a_python_without_tocgraph_is_named(tmp_path: Path) -> None:
    python = tmp_path / "python"
    # -I -S: no site-packages, no PYTHONPATH, so tocgraph cannot be imported.
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" -I -S "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    r = run("lint", *GOOD, env={**os.environ, "TOCGRAPH_PYTHON": str(python)})
    assert r.returncode == 1
    assert r.stderr.startswith("tocgraph portfolio: error: the tocgraph Python package cannot be imported by "), \
        r.stderr
    assert "TOCGRAPH_PYTHON" in r.stderr

    r = run("lint", *GOOD, env={**os.environ, "TOCGRAPH_PYTHON": str(tmp_path / "missing")})
    assert r.returncode == 1
    assert r.stderr == (f"tocgraph portfolio: error: TOCGRAPH_PYTHON={tmp_path / 'missing'} cannot be run: "
                        "No such file or directory\n")


def test_help_comes_from_the_tool() -> None:
    r = run("--help")
    assert r.returncode == 0
    assert r.stdout.startswith("usage: tocgraph portfolio lint|progress|indicators GLOB...")
