"""Other tools' file formats: Kumu blueprints, GraphML, DAGitty, and conversion.

    result = tocgraph.read_kumu("map.json")        # ImportResult: toc, findings = result
    for f in result.findings: print(f.code, f.message)
    toc.to_graphml("toc.graphml")                  # Gephi, yEd, Cytoscape
    toc.to_dagitty("toc.dagitty")                  # dagitty.net, R's dagitty
    tocgraph.convert("logframe.csv", "toc.json")

What each format carries and what it leaves out: docs/interop.md. The
readers' options are KumuOptions and LogframeReadOptions
(include/tocgraph/formats/).
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _core
from ._core.formats import DagittyOptions, ImportResult, KumuOptions, LogframeReadOptions
from ._core.lint import Finding
from ._files import decode_utf8, encode_utf8, write_text
from .logframe import read_logframe
from ._options import documented, split
from ._registry import core, present

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import DagittyKeywords, KumuKeywords, ReadKeywords
    from ._toc import TheoryOfChange
    from ._types import FileFormatName, PathLike

__all__ = [
    "DagittyOptions",
    "ImportResult",
    "KumuOptions",
    "LogframeReadOptions",
    "convert",
    "loads_kumu",
    "read",
    "read_kumu",
    "to_dagitty",
    "to_graphml",
    "to_kumu",
]


def _written(text: str, path: Optional[PathLike]) -> str:
    if path is not None:
        write_text(path, text)
    return text


def to_graphml(toc: TheoryOfChange, path: Optional[PathLike] = None) -> str:
    """The GraphML document of a theory of change; also written to ``path`` if given."""
    return _written(_core.formats.to_graphml(core(toc)), path)


def to_dagitty(toc: TheoryOfChange, path: Optional[PathLike] = None, **options: Unpack[DagittyKeywords]) -> str:
    """The DAGitty model (``dag { ... }``) of a theory of change; also written to ``path`` if given.

    Raises ModelError naming a cycle if there is one.
    """
    return _written(_core.formats.to_dagitty(core(toc), DagittyOptions(**options)), path)


documented(to_dagitty, DagittyOptions)


def to_kumu(toc: TheoryOfChange, path: Optional[PathLike] = None) -> dict[str, Any]:
    """The Kumu import blueprint of a theory of change, as a dict (and a file if ``path``)."""
    blueprint: dict[str, Any] = json.loads(_written(_core.formats.dumps_kumu(core(toc)), path))
    return blueprint


def loads_kumu(text: Union[str, bytes], *, source: str = "<string>", **options: Unpack[KumuKeywords]) -> ImportResult:
    """Reads a Kumu blueprint or project backup from JSON text (see read_kumu)."""
    # UTF-8 bytes for the C++ reader: checked bytes, or text without lone surrogates
    data = decode_utf8(text, source).encode("utf-8") if isinstance(text, bytes) else encode_utf8(text, source)
    return _core.formats.loads_kumu(data, source, KumuOptions(**options))


documented(loads_kumu, KumuOptions)


def read_kumu(path: PathLike, **options: Unpack[KumuKeywords]) -> ImportResult:
    """Reads a Kumu blueprint or project backup (JSON).

    Elements get the level their "level" field or element type names
    (``type_levels`` maps types to level ids), else ``default_level``.
    Undirected connections, repeated connections and cycles are handled as
    docs/interop.md says and reported in ``findings``. Raises FormatError
    naming the file and JSON pointer.
    """
    return _core.formats.read_file_as(os.fspath(path), "kumu", KumuOptions(**options), LogframeReadOptions())


documented(read_kumu, KumuOptions)


def read(path: PathLike, *, format: Optional[FileFormatName] = None, **options: Unpack[ReadKeywords]) -> ImportResult:
    """Reads a file in any format tocgraph reads, chosen by ``format`` or the extension.

    ``.json`` (tocgraph, or a Kumu blueprint), ``.kumu.json``, ``.csv``
    (logframe); spreadsheets (.xlsx) go through ``read_logframe``. Each
    reader takes the options it knows (``schema`` goes to both).
    """
    if format is None and os.fspath(path).lower().endswith((".xlsx", ".xlsm")):
        return read_logframe(path, columns=options.get("columns"), schema=options.get("schema"))
    kumu, logframe = split("read", options, KumuOptions, LogframeReadOptions)
    return _core.formats.read_file_as(os.fspath(path), format, kumu, logframe)


documented(read, KumuOptions, LogframeReadOptions)


def convert(
    source: PathLike,
    target: PathLike,
    *,
    from_format: Optional[FileFormatName] = None,
    to_format: Optional[FileFormatName] = None,
    **options: Unpack[ReadKeywords],
) -> list[Finding]:
    """Converts a file between formats (as ``tocgraph convert`` does); returns the reader's findings.

    Formats: "json", "kumu", "graphml", "dagitty", "logframe-csv"; spreadsheets
    (.xlsx) are read and written through openpyxl. ``options`` go to ``read``.
    """
    result = read(source, format=from_format, **options)
    if to_format is None and os.fspath(target).lower().endswith(".xlsx"):
        result.toc.to_logframe(target)
    else:
        _core.formats.write_file_as(core(result.toc), os.fspath(target), to_format)
    return list(result.findings)


present(globals())
