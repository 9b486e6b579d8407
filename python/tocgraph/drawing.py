"""Drawing a theory of change: SVG, Graphviz DOT and Mermaid (docs/drawing.md).

    import tocgraph
    toc = tocgraph.load("toc.json")
    svg = toc.to_svg()                          # boxes coloured by level
    svg = toc.to_svg(as_of="2022-12-31")        # ... or by rolled-up status
    toc.render("toc.svg")                       # format from the suffix
    toc.render("toc.dot", show_ids=True)

The levels of the schema are horizontal bands, the goal on top, with arrows
from cause up to effect. Colours follow each node's level, or with
``color="status"`` its monitoring status: the statuses given, or else the
roll-up of progress as of a date (tocgraph.monitoring). The layout and the
writers are the C++ library's (include/tocgraph/render/), run without the GIL.

The functions here take the theory of change as their first argument; the
TheoryOfChange methods of the same names call them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Optional

from . import _core

if TYPE_CHECKING:
    from ._toc import TheoryOfChange
    from ._types import (
        ColorModeName,
        DateLike,
        DrawingFormatName,
        PathLike,
        ProgressStatusName,
        RollupMethodName,
    )

__all__ = ["DRAWING_SUFFIXES", "drawing_format", "render", "to_dot", "to_mermaid", "to_svg"]

#: The drawing format each file suffix (in lower case) asks for.
DRAWING_SUFFIXES: dict[str, DrawingFormatName] = {
    ".svg": "svg",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
}

_FORMATS = ("svg", "dot", "mermaid")


def _status_inputs(
    color: Optional[ColorModeName],
    statuses: Optional[Mapping[str, ProgressStatusName]],
    as_of: Optional[DateLike],
) -> tuple[ColorModeName, Optional[dict[str, ProgressStatusName]], Optional[DateLike]]:
    """The colour mode and the status source, checked against each other.

    Without ``color``, statuses or a date mean status colours. Status
    inputs with ``color="level"`` are refused rather than ignored, and
    status colours need statuses or a date.
    """
    if color is None:
        color = "status" if statuses is not None or as_of is not None else "level"
    if color not in ("level", "status"):
        raise ValueError(f'unknown color {color!r}; expected "level" or "status"')
    if color == "level" and (statuses is not None or as_of is not None):
        given = "statuses" if statuses is not None else "as_of"
        raise ValueError(f'{given} is for color="status"; it has no effect with color="level"')
    if color == "status" and statuses is None and as_of is None:
        raise ValueError('color="status" needs statuses or an as_of date')
    if statuses is not None and as_of is not None:
        raise ValueError("give statuses or as_of, not both: as_of rolls the statuses up itself")
    if statuses is not None and not isinstance(statuses, Mapping):
        raise TypeError(
            f"statuses must be a mapping of node id to status, got {type(statuses).__name__}"
        )
    return color, (dict(statuses) if statuses is not None else None), as_of


def to_svg(
    toc: TheoryOfChange,
    *,
    color: Optional[ColorModeName] = None,
    statuses: Optional[Mapping[str, ProgressStatusName]] = None,
    as_of: Optional[DateLike] = None,
    method: RollupMethodName = "mean",
    at_risk_below: float = 0.9,
    off_track_below: float = 0.6,
    title: Optional[str] = None,
    subtitle: Optional[str] = None,
    font_size: float = 12,
    max_text_width: float = 168,
    goal_text_width: float = 320,
    max_width: float = 2400,
    max_lines: int = 0,
    show_ids: bool = False,
    show_empty_levels: bool = False,
    legend: bool = True,
    level_labels: bool = True,
    id_prefix: str = "tocgraph",
) -> str:
    """The theory of change drawn as a self-contained SVG image (a str).

    Colours:
        color: "level" (a colour per level) or "status" (each node's
            monitoring status). None: "status" when ``statuses`` or
            ``as_of`` is given, else "level".
        statuses: node id -> "on_track", "at_risk", "off_track",
            "not_started" or "no_data"; nodes left out show "no_data". An
            unknown node id raises ModelError.
        as_of: instead of ``statuses``, roll progress up to every node as of
            this date (a datetime.date or "YYYY-MM-DD"), with ``method``
            ("mean", "weighted", "weakest", "strongest", "logic") and the
            tolerances ``at_risk_below`` / ``off_track_below``
            (docs/monitoring.md). CycleError if the links form a cycle.

    Text:
        title: a heading; None: the programme title; "": none.
        subtitle: a second line; None: "Status as of DATE" with ``as_of``,
            else none.
        font_size: pixels, for node titles (level labels and the heading
            scale with it).
        max_text_width, goal_text_width: titles wrap at this width (pixels);
            the second for goal-level boxes.
        max_lines: cut titles to this many lines with an ellipsis (0: never).
        show_ids: print each node's id above its title.

    Layout:
        max_width: a band wider than this (pixels) is staggered over two
            rows; 0: never.
        show_empty_levels: draw a band for levels without nodes too.
        legend: draw the legend of colours.
        level_labels: name each band in a column on the left.
        id_prefix: prefix of the ids inside the SVG (letters, digits, "-",
            "_"), so several drawings can share one HTML page.

    Every node is a ``<g class="node" data-id="...">`` group holding its box
    (a rect) and its title. Raises ValueError for a bad option.
    """
    color, status_map, as_of = _status_inputs(color, statuses, as_of)
    if subtitle is None:
        subtitle = f"Status as of {_iso(as_of)}" if as_of is not None else ""
    return _core.to_svg(
        toc._toc,
        color=color,
        statuses=status_map,
        as_of=as_of,
        method=method,
        at_risk_below=at_risk_below,
        off_track_below=off_track_below,
        title=title,
        subtitle=subtitle,
        font_size=font_size,
        max_text_width=max_text_width,
        goal_text_width=goal_text_width,
        max_width=max_width,
        max_lines=_count(max_lines, "max_lines"),
        show_ids=show_ids,
        show_empty_levels=show_empty_levels,
        legend=legend,
        level_labels=level_labels,
        id_prefix=id_prefix,
    )


def to_dot(
    toc: TheoryOfChange,
    *,
    color: Optional[ColorModeName] = None,
    statuses: Optional[Mapping[str, ProgressStatusName]] = None,
    as_of: Optional[DateLike] = None,
    method: RollupMethodName = "mean",
    at_risk_below: float = 0.9,
    off_track_below: float = 0.6,
    title: Optional[str] = None,
    font_size: float = 12,
    max_text_width: float = 168,
    show_ids: bool = False,
    level_labels: bool = True,
) -> str:
    """The theory of change in Graphviz's DOT language (a str), for ``dot -Tsvg``.

    Bottom-to-top ranks, one per level, boxes coloured as in ``to_svg``
    (``color``, ``statuses``, ``as_of``, ``method`` and the tolerances mean
    the same). ``title``: the graph label (None: the programme title; "":
    none); ``font_size`` in points; titles wrap at about ``max_text_width``;
    ``show_ids`` puts each id on a first line; ``level_labels`` names each
    rank on its left. Links that run down or within a level are dashed red.
    Raises ValueError for a bad option.
    """
    color, status_map, as_of = _status_inputs(color, statuses, as_of)
    return _core.to_dot(
        toc._toc,
        color=color,
        statuses=status_map,
        as_of=as_of,
        method=method,
        at_risk_below=at_risk_below,
        off_track_below=off_track_below,
        title=title,
        font_size=font_size,
        max_text_width=max_text_width,
        show_ids=show_ids,
        level_labels=level_labels,
    )


def to_mermaid(
    toc: TheoryOfChange,
    *,
    color: Optional[ColorModeName] = None,
    statuses: Optional[Mapping[str, ProgressStatusName]] = None,
    as_of: Optional[DateLike] = None,
    method: RollupMethodName = "mean",
    at_risk_below: float = 0.9,
    off_track_below: float = 0.6,
    title: Optional[str] = None,
    font_size: float = 12,
    max_text_width: float = 168,
    show_ids: bool = False,
    level_subgraphs: bool = False,
) -> str:
    """The theory of change as a Mermaid flowchart (a str), e.g. for Markdown pages.

    ``flowchart BT`` with a node per result or activity and an arrow per
    link, coloured as in ``to_svg`` (same ``color``, ``statuses``, ``as_of``,
    ``method`` and tolerances). ``title``: a front-matter title (None: the
    programme title; "": none); titles wrap with ``<br/>`` at about
    ``max_text_width`` pixels of ``font_size``; ``show_ids`` puts each id on
    a first line; ``level_subgraphs`` groups each level in a titled subgraph.
    Raises ValueError for a bad option.
    """
    color, status_map, as_of = _status_inputs(color, statuses, as_of)
    return _core.to_mermaid(
        toc._toc,
        color=color,
        statuses=status_map,
        as_of=as_of,
        method=method,
        at_risk_below=at_risk_below,
        off_track_below=off_track_below,
        title=title,
        font_size=font_size,
        max_text_width=max_text_width,
        show_ids=show_ids,
        level_subgraphs=level_subgraphs,
    )


def drawing_format(path: PathLike) -> DrawingFormatName:
    """The drawing format a file name asks for: .svg, .dot or .gv, .mmd (any case).

    Raises ValueError naming the file otherwise.
    """
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    try:
        return DRAWING_SUFFIXES[suffix]
    except KeyError:
        raise ValueError(
            f"cannot tell the drawing format of {os.fspath(path)!r}: use a .svg, .dot, .gv or "
            f".mmd file name, or give format= (svg, dot or mermaid)"
        ) from None


def render(
    toc: TheoryOfChange,
    path: PathLike,
    *,
    format: Optional[DrawingFormatName] = None,
    **options: Any,
) -> str:
    """Writes the drawing to ``path``, replacing the file atomically; returns its text.

    The format is ``format`` ("svg", "dot" or "mermaid") or else the file's
    suffix (``drawing_format``). ``options`` are those of ``to_svg``,
    ``to_dot`` or ``to_mermaid``; one the format lacks raises TypeError. A
    failed write leaves an existing file as it was and raises tocgraph.Error.
    """
    if format is None:
        format = drawing_format(path)
    elif format not in _FORMATS:
        raise ValueError(f'unknown drawing format {format!r}; expected "svg", "dot" or "mermaid"')
    writers: dict[str, Callable[..., str]] = {"svg": to_svg, "dot": to_dot, "mermaid": to_mermaid}
    text = writers[format](toc, **options)
    write_text_atomically(path, text)
    return text


def write_text_atomically(path: PathLike, text: str) -> None:
    """Writes UTF-8 text through a temporary file beside ``path`` and a rename.

    A failure leaves an existing file as it was and raises tocgraph.Error
    naming the file.
    """
    from ._errors import Error

    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    temporary = os.path.join(directory, f".{os.path.basename(target)}.tmp-{os.getpid()}")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    except OSError as e:
        _remove_quietly(temporary)
        raise Error(f"cannot write {target!r}: {e.strerror or e}") from e
    except BaseException:
        _remove_quietly(temporary)
        raise


def _remove_quietly(path: str) -> None:
    """Removes a temporary file if it is there; the error being raised matters more."""
    try:
        os.remove(path)
    except OSError:
        pass


def _iso(day: DateLike) -> str:
    """A date as "YYYY-MM-DD" (strings are checked by the compiled core)."""
    return day if isinstance(day, str) else day.isoformat()


def _count(value: int, name: str) -> int:
    """A non-negative int option (bool refused: it is an int to Python)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
    return value
