"""The example notebook runs from top to bottom, so it cannot rot."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "notebooks" / "asean-act.ipynb"


def test_the_example_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    # The notebook finds the example beside it; give it one in a scratch
    # directory so the report it writes lands there too.
    (tmp_path / "asean-act").symlink_to(ROOT / "examples" / "asean-act", target_is_directory=True)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()

    outputs = {i: cell.get("outputs", []) for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"}
    errors = [o for cell in outputs.values() for o in cell if o.get("output_type") == "error"]
    assert errors == []
    text = "\n".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for cell in outputs.values() for o in cell
    )
    assert "22 nodes, 21 links, 10 indicators" in text
    assert "TOC108 warning" in text
    # The diagram and the progress table are rich outputs, as a notebook shows them.
    mimes = {m for cell in outputs.values() for o in cell for m in o.get("data", {})}
    assert {"image/svg+xml", "text/html", "image/png"} <= mimes
    report = tmp_path / "asean-act-report.html"
    assert report.stat().st_size > 10_000
    assert "<svg" in report.read_text(encoding="utf-8")
