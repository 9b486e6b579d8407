"""Progress reports of a theory of change: one self-contained HTML or Markdown file.

    import tocgraph
    toc = tocgraph.load("toc.json")
    toc.report("report.html", as_of="2022-12-31")   # format from the suffix
    text = toc.report(as_of="2022-12-31", format="markdown")

A report holds, as of a date: the programme's header (funder, period,
version, sources), a summary (the goal's status and the indicators by
status), the diagram coloured by status (inline SVG in HTML, a Mermaid
block in Markdown), the indicator table (baseline, target, latest actual,
achievement, status), progress rolled up by pathway, the validation
findings, the assumptions with the links resting on them, and the
consultation feedback phase by phase (docs/reports.md). An HTML report has
its styles inline and loads nothing from elsewhere. The writers are the C++
library's (include/tocgraph/report/), run without the GIL.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Optional

from . import _core
from .drawing import write_text_atomically

if TYPE_CHECKING:
    from ._toc import TheoryOfChange
    from ._types import DateLike, PathLike, ReportFormatName, RollupMethodName

__all__ = ["REPORT_SUFFIXES", "report", "report_format"]

#: The report format each file suffix (in lower case) asks for.
REPORT_SUFFIXES: dict[str, ReportFormatName] = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}


def report_format(path: PathLike) -> ReportFormatName:
    """The report format a file name asks for: .html or .htm, .md or .markdown (any case).

    Raises ValueError naming the file otherwise.
    """
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    try:
        return REPORT_SUFFIXES[suffix]
    except KeyError:
        raise ValueError(
            f"cannot tell the report format of {os.fspath(path)!r}: use a .html, .htm, .md or "
            f'.markdown file name, or give format= ("html" or "markdown")'
        ) from None


def report(
    toc: TheoryOfChange,
    path: Optional[PathLike] = None,
    *,
    as_of: DateLike,
    format: Optional[ReportFormatName] = None,
    method: RollupMethodName = "mean",
    at_risk_below: float = 0.9,
    off_track_below: float = 0.6,
    title: Optional[str] = None,
) -> str:
    """The report as of a date (a str); also written to ``path`` if given.

    Args:
        path: the file to write, replaced atomically (a failed write leaves
            an existing file as it was and raises tocgraph.Error).
        as_of: the date progress is assessed at (datetime.date or "YYYY-MM-DD").
        format: "html" or "markdown"; None: from the suffix of ``path``
            (``report_format``), or "html" without a path.
        method: how progress rolls up the graph ("mean", "weighted",
            "weakest", "strongest", "logic"; docs/monitoring.md).
        at_risk_below, off_track_below: the tolerances between on track,
            at risk and off track.
        title: the heading; None: the programme title.

    Raises ValueError for a bad option. Links forming a cycle do not raise:
    the report says that progress cannot be rolled up.
    """
    if format is None:
        format = report_format(path) if path is not None else "html"
    elif format not in ("html", "markdown"):
        raise ValueError(f'unknown report format {format!r}; expected "html" or "markdown"')
    text = _core.report(
        toc._toc,
        format=format,
        as_of=as_of,
        method=method,
        at_risk_below=at_risk_below,
        off_track_below=off_track_below,
        title=title,
    )
    if path is not None:
        write_text_atomically(path, text)
    return text
