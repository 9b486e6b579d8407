"""Other tools' file formats: Kumu blueprints, GraphML, DAGitty, and conversion.

    result = tocgraph.read_kumu("map.json")        # ImportResult(toc, findings)
    for f in result.findings: print(f.code, f.message)
    toc.to_graphml("toc.graphml")                  # Gephi, yEd, Cytoscape
    toc.to_dagitty("toc.dagitty")                  # dagitty.net, R's dagitty
    tocgraph.convert("logframe.csv", "toc.json")

What each format carries and what it leaves out: docs/interop.md.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, Union

from . import _core

if TYPE_CHECKING:
    from ._toc import TheoryOfChange

__all__ = [
    "ImportFinding",
    "ImportResult",
    "convert",
    "loads_kumu",
    "read",
    "read_kumu",
    "to_dagitty",
    "to_graphml",
    "to_kumu",
]

PathLike = Union[str, "os.PathLike[str]"]


class ImportFinding(NamedTuple):
    """Something a reader decided or noticed (codes in docs/interop.md)."""

    code: str  #: stable code, e.g. "IMP102"
    severity: str  #: "info", "warning" or "error"
    message: str
    ids: list[str]  #: the nodes, links ("a->b") or assumptions it concerns
    hint: str


class ImportResult(NamedTuple):
    """What a reader of another tool's format returns."""

    toc: TheoryOfChange
    findings: list[ImportFinding]


def _result(pair: tuple[Any, list[dict[str, Any]]]) -> ImportResult:
    from ._toc import TheoryOfChange

    core, findings = pair
    return ImportResult(TheoryOfChange._wrap(core), [ImportFinding(**f) for f in findings])


def _write_text(path: PathLike, text: str) -> None:
    """Writes text atomically: a temporary file beside the target, then a rename."""
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    temporary = os.path.join(directory, f".{os.path.basename(target)}.tmp-{os.getpid()}")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def to_graphml(toc: TheoryOfChange, path: Optional[PathLike] = None) -> str:
    """The GraphML document of a theory of change; also written to ``path`` if given."""
    text: str = _core.to_graphml(toc._toc)
    if path is not None:
        _write_text(path, text)
    return text


def to_dagitty(
    toc: TheoryOfChange,
    path: Optional[PathLike] = None,
    *,
    mark_roles: bool = True,
    labels: bool = True,
    positions: bool = True,
) -> str:
    """The DAGitty model (``dag { ... }``) of a theory of change.

    Goal-level nodes are marked ``outcome`` and activities ``exposure`` unless
    ``mark_roles`` is False. Raises ModelError naming a cycle if there is one.
    """
    text: str = _core.to_dagitty(toc._toc, mark_roles, labels, positions)
    if path is not None:
        _write_text(path, text)
    return text


def to_kumu(toc: TheoryOfChange, path: Optional[PathLike] = None) -> dict[str, Any]:
    """The Kumu import blueprint of a theory of change, as a dict (and a file if ``path``)."""
    text: str = _core.dumps_kumu(toc._toc)
    if path is not None:
        _write_text(path, text)
    result: dict[str, Any] = json.loads(text)
    return result


def loads_kumu(
    text: Union[str, bytes],
    *,
    source: str = "<string>",
    schema: str = "theory_of_change",
    default_level: Optional[str] = None,
    type_levels: Optional[dict[str, str]] = None,
) -> ImportResult:
    """Reads a Kumu blueprint or project backup from JSON text (see read_kumu)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return _result(_core.loads_kumu(text, source, schema, default_level or "", dict(type_levels or {})))


def read_kumu(
    path: PathLike,
    *,
    schema: str = "theory_of_change",
    default_level: Optional[str] = None,
    type_levels: Optional[dict[str, str]] = None,
) -> ImportResult:
    """Reads a Kumu blueprint or project backup (JSON).

    Elements get the level their "level" field or element type names
    (``type_levels`` maps types to level ids), else ``default_level`` (the
    schema's middle outcome level when None). Undirected connections, repeated
    connections and cycles are handled as docs/interop.md says and reported in
    ``findings``. Raises FormatError naming the file and JSON pointer.
    """
    return _result(
        _core.read_file_as(path, "kumu", schema, default_level or "", dict(type_levels or {}), {})
    )


def read(
    path: PathLike,
    *,
    format: Optional[str] = None,
    schema: Optional[str] = None,
    default_level: Optional[str] = None,
    type_levels: Optional[dict[str, str]] = None,
    columns: Optional[dict[str, str]] = None,
) -> ImportResult:
    """Reads a file in any format tocgraph reads, chosen by ``format`` or the extension.

    ``.json`` (tocgraph, or a Kumu blueprint), ``.kumu.json``, ``.csv`` (logframe);
    spreadsheets and the aptivate logframe fixture go through ``read_logframe``.
    """
    target = os.fspath(path).lower()
    if format is None and (target.endswith((".xlsx", ".xlsm"))):
        from .logframe import read_logframe

        return read_logframe(path, columns=columns, schema=schema)
    return _result(
        _core.read_file_as(
            path,
            format or "",
            schema or "",
            default_level or "",
            dict(type_levels or {}),
            dict(columns or {}),
        )
    )


def convert(
    source: PathLike,
    target: PathLike,
    *,
    from_format: Optional[str] = None,
    to_format: Optional[str] = None,
    **options: Any,
) -> list[ImportFinding]:
    """Converts a file between formats (as ``tocgraph convert`` does); returns the findings.

    Formats: "json", "kumu", "graphml", "dagitty", "logframe-csv"; spreadsheets
    (.xlsx) are read and written through openpyxl. ``options`` go to ``read``.
    """
    result = read(source, format=from_format, **options)
    if to_format is None and os.fspath(target).lower().endswith(".xlsx"):
        result.toc.to_logframe(target)
    else:
        _core.write_file_as(result.toc._toc, target, to_format or "")
    return result.findings
