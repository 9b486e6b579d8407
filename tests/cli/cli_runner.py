"""What every command-line test module shares: the tool, a way to run it, the example.

The tool is taken from the TOCGRAPH_CLI environment variable, else from PATH;
modules set ``pytestmark = requires_cli`` so that they skip without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "asean-act" / "toc.json"
AFTER = ROOT / "examples" / "asean-act" / "toc-after-workshop.json"
CLI = os.environ.get("TOCGRAPH_CLI") or shutil.which("tocgraph")
requires_cli = pytest.mark.skipif(CLI is None, reason="tocgraph CLI not found (set TOCGRAPH_CLI or put it on PATH)")


def run_cli(*args: str | Path, stdin: str | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Runs ``tocgraph ARGS...`` and returns what it printed, as text."""
    assert CLI is not None
    return subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, cwd=cwd, env=env)
