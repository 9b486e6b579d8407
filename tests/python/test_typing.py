"""The type stubs are checked: `mypy.stubtest` compares the stubs of the
compiled module (python/tocgraph/_core/*.pyi) with the module itself, and
`mypy --strict` passes on the package and on a small program using the API
(typed_usage.py). mypy is a test dependency (pyproject.toml's `test` extra),
so a missing mypy fails here rather than skipping."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "python" / "tocgraph"
USAGE = Path(__file__).parent / "typed_usage.py"
#: What stubtest cannot see as the stubs say, each with the reason.
ALLOWLIST = Path(__file__).parent / "stubtest-allowlist.txt"


def mypy(tmp_path: Path, *targets: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": str(ROOT / "python")}  # the source package and its stubs
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         "--config-file", os.devnull, "--cache-dir", str(tmp_path / "cache"),
         *map(str, targets)],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )


def test_mypy_is_installed() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "mypy is a test dependency: pip install .[test]"


@pytest.mark.parametrize("target", [PACKAGE, USAGE], ids=["package", "typed_usage"])
def test_mypy_strict(target: Path, tmp_path: Path) -> None:
    result = mypy(tmp_path, target)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_catches_misuse(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import tocgraph\n"
        "toc = tocgraph.TheoryOfChange()\n"
        "toc.add_node(id='g', level='goal', logic='most')\n"
        "toc.add_node(id='g', level='goal', titel='x')\n"
        "n: int = toc['g']\n",
        encoding="utf-8",
    )
    result = mypy(tmp_path, bad)
    assert result.returncode == 1
    assert result.stdout.count("error:") == 3, result.stdout


def test_stubs_match_the_compiled_module(tmp_path: Path) -> None:
    env = {**os.environ, "MYPYPATH": str(ROOT / "python")}
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "tocgraph._core", "--allowlist", str(ALLOWLIST),
         "--mypy-config-file", os.devnull],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
