"""Drawing a theory of change: SVG, Graphviz DOT and Mermaid (docs/drawing.md).

    import tocgraph
    toc = tocgraph.load("toc.json")
    svg = toc.to_svg()                          # boxes coloured by level
    svg = toc.to_svg(as_of="2022-12-31")        # ... or by rolled-up status
    toc.render("toc.svg")                       # format from the suffix
    toc.render("toc.dot", show_ids=True)

The levels of the schema are horizontal bands, the goal on top, with arrows
from cause up to effect. Colours follow each node's level, or with
``color="status"`` its monitoring status: the ``statuses`` given, or else the
roll-up of progress ``as_of`` a date (with RollupOptions' ``method`` and
tolerances). Without ``color``, statuses or a date mean status colours.

The options and their defaults are those of the C++ structs SvgOptions,
DotOptions and MermaidOptions (include/tocgraph/render/), shown in each
function's signature. The layout and the writers run without the GIL.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Optional

from . import _core
from ._core.monitoring import RollupOptions
from ._core.render import DotOptions, MermaidOptions, SvgOptions
from ._files import format_from_suffix, write_text
from ._options import documented, split
from ._registry import core, present

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import DotDrawingKeywords, MermaidDrawingKeywords, SvgDrawingKeywords
    from ._toc import TheoryOfChange
    from ._types import DrawingFormatName, PathLike

__all__ = ["DRAWING_SUFFIXES", "DotOptions", "drawing_format", "MermaidOptions", "SvgOptions", "render", "to_dot", "to_mermaid", "to_svg"]

#: The drawing format each file suffix (in lower case) asks for.
DRAWING_SUFFIXES: dict[str, DrawingFormatName] = {".svg": "svg", ".dot": "dot", ".gv": "dot", ".mmd": "mermaid"}


#: The options _draw decides when they are not given (shown as None in signatures).
_DECIDED: dict[str, object] = {"color": None, "as_of": None}


def _draw(
    toc: TheoryOfChange, owner: str, cls: type[Any], write: Callable[..., str], options: dict[str, Any]
) -> str:
    """Checks the colour options against each other, then draws with the options split between
    the writer's struct and the roll-up that gives status colours."""
    statuses, as_of = options.get("statuses"), options.get("as_of")
    color = options.setdefault("color", "status" if statuses is not None or as_of is not None else "level")
    if color not in ("level", "status"):
        raise ValueError(f'unknown color {color!r}; expected "level" or "status"')
    if statuses is not None and not isinstance(statuses, Mapping):
        raise TypeError(f"statuses must be a mapping of node id to status, got {type(statuses).__name__}")
    if statuses is not None and as_of is not None:
        raise ValueError("give statuses or as_of, not both: as_of rolls the statuses up itself")
    if color == "level" and (statuses is not None or as_of is not None):
        given = "statuses" if statuses is not None else "as_of"
        raise ValueError(f'{given} is for color="status"; it has no effect with color="level"')
    if color == "status" and statuses is None and as_of is None:
        raise ValueError('color="status" needs statuses or an as_of date')
    if cls is SvgOptions and as_of is not None and "subtitle" not in options:
        day = as_of if isinstance(as_of, str) else as_of.isoformat()
        options["subtitle"] = f"Status as of {day}"
    drawing, rollup = split(owner, options, cls, RollupOptions)
    return write(core(toc), drawing, rollup if as_of is not None else None)


def to_svg(toc: TheoryOfChange, **options: Unpack[SvgDrawingKeywords]) -> str:
    """The theory of change drawn as a self-contained SVG image (a str).

    Every node is a ``<g class="node" data-id="...">`` group holding its box
    (a rect) and its title. ``subtitle`` defaults to "Status as of DATE" with
    ``as_of``. Raises ValueError for a bad option, ModelError for a status of
    an unknown node, CycleError when rolling up statuses over a cycle.
    """
    return _draw(toc, "to_svg", SvgOptions, _core.render.to_svg, dict(options))


documented(to_svg, SvgOptions, RollupOptions, shown=_DECIDED | {"subtitle": None})


def to_dot(toc: TheoryOfChange, **options: Unpack[DotDrawingKeywords]) -> str:
    """The theory of change in Graphviz's DOT language (a str), for ``dot -Tsvg``.

    Bottom-to-top ranks, one per level, boxes coloured as in ``to_svg``.
    Links that run down or within a level are dashed red.
    """
    return _draw(toc, "to_dot", DotOptions, _core.render.to_dot, dict(options))


documented(to_dot, DotOptions, RollupOptions, shown=_DECIDED)


def to_mermaid(toc: TheoryOfChange, **options: Unpack[MermaidDrawingKeywords]) -> str:
    """The theory of change as a Mermaid flowchart (a str), e.g. for Markdown pages.

    ``flowchart BT`` with a node per result or activity and an arrow per
    link, coloured as in ``to_svg``; titles wrap with ``<br/>``.
    """
    return _draw(toc, "to_mermaid", MermaidOptions, _core.render.to_mermaid, dict(options))


documented(to_mermaid, MermaidOptions, RollupOptions, shown=_DECIDED)


def drawing_format(path: PathLike) -> DrawingFormatName:
    """The drawing format a file name asks for: .svg, .dot or .gv, .mmd (any case); ValueError otherwise."""
    return format_from_suffix(path, DRAWING_SUFFIXES, "drawing")


def render(toc: TheoryOfChange, path: PathLike, *, format: Optional[DrawingFormatName] = None, **options: Any) -> str:
    """Writes the drawing to ``path``, replacing the file atomically; returns its text.

    The format is ``format`` ("svg", "dot" or "mermaid") or else the file's
    suffix: .svg, .dot or .gv, .mmd. ``options`` are those of ``to_svg``,
    ``to_dot`` or ``to_mermaid``; one the format lacks raises TypeError. A
    failed write leaves an existing file as it was and raises tocgraph.Error.
    """
    writers: dict[str, Callable[..., str]] = {"svg": to_svg, "dot": to_dot, "mermaid": to_mermaid}
    if format is None:
        format = drawing_format(path)
    elif format not in writers:
        raise ValueError(f'unknown drawing format {format!r}; expected "svg", "dot" or "mermaid"')
    text = writers[format](toc, **options)
    write_text(path, text)
    return text


present(globals())
