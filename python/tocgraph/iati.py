"""IATI activity XML: one theory of change per ``<iati-activity>``, and back.

    tocs, findings = tocgraph.read_iati("activities.xml")
    for f in findings:
        print(f)                       # file:line:column: warning: [ACTIVITY] ... (code)
    for activity in tocgraph.iter_iati("huge.xml"):   # one activity at a time
        ...
    xml = tocs[0].to_iati()
    tocgraph.write_iati(tocs, "results.xml")

Versions 1.05 to 2.03 are read, also mixed in one file. Each activity becomes
a node ``"activity"``; each result a node at the level its type gives in the
``"iati"`` level schema (impact, outcome, output, other), linked from the
activity; indicators keep their measure, baselines, targets and actuals with
dimensions, locations and comments. Values that are not plain numbers
("TBD", "22,5", "17,300") are kept as ``value_text`` with the number read from
them where that is unambiguous. Everything else the standard carries for
results (narratives in every language, document links, codes that could not
be read) is kept under ``attributes["iati"]``, so ``write_iati`` gives back
what was read. The mapping and the findings catalogue: docs/iati.md.

Parsing runs in C++ with the GIL released; malformed XML raises FormatError
with the line and column.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Optional, Union

from . import _core

if TYPE_CHECKING:
    from ._toc import TheoryOfChange

__all__ = [
    "FINDING_CODES",
    "IatiActivity",
    "IatiImport",
    "IatiStream",
    "IatiFinding",
    "iter_iati",
    "read_iati",
    "read_iati_string",
    "read_value",
    "to_iati",
    "write_iati",
]

PathLike = Union[str, "os.PathLike[str]"]

#: Every finding code: {code: (severity, what it means)}.
FINDING_CODES: dict[str, tuple[str, str]] = {
    code: (severity, summary) for code, severity, summary in _core.iati_finding_catalogue()
}


class IatiFinding(NamedTuple):
    """Something the IATI importer could not read as the standard says, and what it did."""

    file: str
    line: int  #: 1-based line of the element concerned (0 if unknown)
    column: int  #: 1-based column, in characters
    activity: str  #: iati-identifier of the activity ("" if unknown)
    subject: str  #: tocgraph id of the node or indicator concerned ("" if none)
    code: str  #: stable code, e.g. "value-not-number" (see FINDING_CODES)
    severity: str  #: "info", "warning" or "error"
    message: str

    def __str__(self) -> str:
        where = self.file or "<string>"
        if self.line:
            where += f":{self.line}:{self.column}"
        activity = f"[{self.activity}] " if self.activity else ""
        return f"{where}: {self.severity}: {activity}{self.message} ({self.code})"


class IatiImport(NamedTuple):
    """What ``read_iati`` returns; unpacks as ``tocs, findings = ...``."""

    tocs: list[TheoryOfChange]
    findings: list[IatiFinding]


class IatiActivity(NamedTuple):
    """One activity read by ``iter_iati``."""

    toc: TheoryOfChange
    findings: list[IatiFinding]
    identifier: str  #: its iati-identifier ("" if it has none)
    line: int  #: where its <iati-activity> starts


def _findings(raw: list[dict[str, Any]]) -> list[IatiFinding]:
    return [IatiFinding(**f) for f in raw]


def _wrap_all(tocs: list[Any]) -> list[TheoryOfChange]:
    from ._toc import TheoryOfChange

    return [TheoryOfChange._wrap(t) for t in tocs]


def read_iati(
    path: PathLike,
    *,
    language: Optional[str] = None,
    on_progress: Optional[Callable[[int, int, int], None]] = None,
) -> IatiImport:
    """Reads an IATI activity file: one TheoryOfChange per activity, and the findings.

    Args:
        path: the XML file.
        language: the language titles, descriptions and comments are shown in
            ("fr"); by default the activity's own (xml:lang), then English, then
            the first given. Every narrative is kept either way.
        on_progress: called after each activity as
            ``on_progress(activities_read, bytes_read, file_size)``.

    Raises:
        FormatError: the file cannot be opened, is not well-formed XML, or its
            root is not <iati-activities> or <iati-activity>. Nothing is
            returned then.
    """
    tocs, findings = _core.read_iati(path, language or "", on_progress)
    return IatiImport(_wrap_all(tocs), _findings(findings))


def read_iati_string(text: str, *, source: str = "<string>", language: Optional[str] = None) -> IatiImport:
    """Reads IATI activity XML from a string; ``source`` names it in findings and errors."""
    tocs, findings = _core.read_iati_string(text, source, language or "")
    return IatiImport(_wrap_all(tocs), _findings(findings))


class IatiStream:
    """The activities of an IATI file, read one at a time (see ``iter_iati``).

    Iterating yields IatiActivity values. Once it is exhausted,
    ``file_findings`` holds the findings about the file itself (elements under
    the root that are not activities).
    """

    def __init__(self, path: PathLike, *, language: Optional[str] = None) -> None:
        self._reader = _core.IatiReader(path, language or "")
        self.file_findings: list[IatiFinding] = []

    def __iter__(self) -> Iterator[IatiActivity]:
        return self

    def __next__(self) -> IatiActivity:
        from ._toc import TheoryOfChange

        item = self._reader.next()
        if item is None:
            self.file_findings.extend(_findings(self._reader.file_findings()))
            raise StopIteration
        toc, findings, identifier, line = item
        return IatiActivity(TheoryOfChange._wrap(toc), _findings(findings), identifier, line)

    @property
    def bytes_read(self) -> int:
        """Bytes of the file read so far."""
        return int(self._reader.bytes_read)

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return int(self._reader.size)


def iter_iati(path: PathLike, *, language: Optional[str] = None) -> IatiStream:
    """Reads an IATI file activity by activity, in the memory of one activity.

        for activity in tocgraph.iter_iati("huge.xml"):
            print(activity.identifier, len(activity.toc), len(activity.findings))

    Malformed XML raises FormatError when the iteration reaches it.
    """
    return IatiStream(path, language=language)


def _cores(tocs: Union[TheoryOfChange, Iterable[TheoryOfChange]]) -> list[Any]:
    from ._toc import TheoryOfChange

    if isinstance(tocs, TheoryOfChange):
        return [tocs._toc]
    out = []
    for t in tocs:
        if not isinstance(t, TheoryOfChange):
            raise TypeError(f"expected TheoryOfChange values, got {type(t).__name__}")
        out.append(t._toc)
    return out


def to_iati(tocs: Union[TheoryOfChange, Iterable[TheoryOfChange]]) -> str:
    """IATI 2.03 XML with one <iati-activity> per theory of change.

    Raises tocgraph.Error for values XML cannot carry (text that is not
    UTF-8 or holds control characters, a value that is not finite).
    """
    return str(_core.to_iati(_cores(tocs)))


def write_iati(tocs: Union[TheoryOfChange, Iterable[TheoryOfChange]], path: PathLike) -> None:
    """Writes IATI 2.03 XML to ``path``, replacing it atomically (or leaving it as it was)."""
    _core.write_iati(_cores(tocs), path)


def read_value(text: str) -> tuple[str, Optional[float], str]:
    """How the importer reads a value attribute: (kind, number, rule).

    kind is "plain" (a number, text not kept), "converted" (a number read from
    another writing such as "22,5"; text kept), "text" (no number; text
    kept) or "empty"; rule names what was applied ("decimal comma").
    """
    kind, number, how = _core.read_iati_value(text)
    return str(kind), number, str(how)
