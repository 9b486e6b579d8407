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
its styles inline and loads nothing from elsewhere. The writers and the
options (ReportOptions) are the C++ library's (include/tocgraph/report/).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from . import _core
from ._core.report import ReportOptions
from ._files import format_from_suffix, write_text
from ._options import documented
from ._registry import core, present

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import ReportKeywords
    from ._toc import TheoryOfChange
    from ._types import DateLike, PathLike, ReportFormatName

__all__ = ["REPORT_SUFFIXES", "ReportOptions", "report", "report_format"]

#: The report format each file suffix (in lower case) asks for.
REPORT_SUFFIXES: dict[str, ReportFormatName] = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def report_format(path: PathLike) -> ReportFormatName:
    """The report format a file name asks for: .html or .htm, .md or .markdown (any case); ValueError otherwise."""
    return format_from_suffix(path, REPORT_SUFFIXES, "report")


def report(
    toc: TheoryOfChange,
    path: Optional[PathLike] = None,
    *,
    as_of: DateLike,
    format: Optional[ReportFormatName] = None,
    **options: Unpack[ReportKeywords],
) -> str:
    """The report as of a date (a str); also written to ``path`` if given.

    ``path`` is replaced atomically (a failed write leaves an existing file
    as it was and raises tocgraph.Error). ``format`` is "html" or
    "markdown"; None: from the suffix of ``path`` (.html, .htm, .md,
    .markdown), or "html" without a path. Raises ValueError for a bad
    option. Links forming a cycle do not raise: the report says that
    progress cannot be rolled up.
    """
    if format is None:
        format = report_format(path) if path is not None else "html"
    elif format not in ("html", "markdown"):
        raise ValueError(f'unknown report format {format!r}; expected "html" or "markdown"')
    text = _core.report.report(core(toc), format, ReportOptions(as_of=as_of, **options))
    if path is not None:
        write_text(path, text)
    return text


documented(report, ReportOptions, skip=("as_of",))


present(globals())
