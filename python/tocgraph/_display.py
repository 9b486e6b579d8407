"""How results show in a notebook: small HTML tables, percentages and numbers.

The one place the package writes HTML for ``_repr_html_`` (reports and diffs
are written by the C++ library).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Optional

__all__ = ["html_table", "number", "percent", "status_label"]


def percent(x: Optional[float]) -> str:
    """0.63 -> "63%"; "–" when absent."""
    return "–" if x is None else f"{x * 100:.0f}%"


def number(x: Optional[float]) -> str:
    """A value as a table shows it; "–" when absent."""
    return "–" if x is None else f"{x:.6g}"


def status_label(status: str) -> str:
    """"on_track" -> "on track", as running text writes a status."""
    return status.replace("_", " ")


def html_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A captioned table, every cell escaped."""
    out = [f"<table><caption>{html.escape(caption)}</caption><thead><tr>"]
    out += [f"<th>{html.escape(h)}</th>" for h in header]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)

