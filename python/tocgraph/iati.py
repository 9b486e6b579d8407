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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Callable, Optional, Union

from . import _core
from ._core.iati import ActivityReader, ImportedActivity, ImportFinding, ImportOptions, ImportResult, ReadValue
from ._options import documented
from ._registry import core, is_toc, present

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import IatiKeywords
    from ._toc import TheoryOfChange
    from ._types import PathLike

__all__ = [
    "FINDING_CODES",
    "ActivityReader",
    "ImportFinding",
    "ImportOptions",
    "ImportResult",
    "ImportedActivity",
    "ReadValue",
    "iter_iati",
    "read_iati",
    "read_iati_string",
    "read_value",
    "to_iati",
    "write_iati",
]

#: Every finding code: {code: (severity, what it means)}.
FINDING_CODES: dict[str, tuple[str, str]] = _core.iati.finding_codes


def read_iati(
    path: PathLike,
    *,
    on_progress: Optional[Callable[[int, int, int], None]] = None,
    **options: Unpack[IatiKeywords],
) -> ImportResult:
    """Reads an IATI activity file: one TheoryOfChange per activity, and the findings.

    ``language`` is the language titles, descriptions and comments are shown
    in ("fr"); by default the activity's own (xml:lang), then English, then
    the first given. Every narrative is kept either way. ``on_progress`` is
    called after each activity as ``on_progress(activities_read, bytes_read,
    file_size)``. ``tocs, findings = read_iati(...)``.

    Raises FormatError when the file cannot be opened, is not well-formed
    XML, or its root is not <iati-activities> or <iati-activity>.
    """
    return _core.iati.read_iati(os.fspath(path), ImportOptions(**options), on_progress)


documented(read_iati, ImportOptions)


def read_iati_string(text: str, *, source: str = "<string>", **options: Unpack[IatiKeywords]) -> ImportResult:
    """Reads IATI activity XML from a string; ``source`` names it in findings and errors."""
    return _core.iati.read_iati_string(text, source, ImportOptions(**options))


documented(read_iati_string, ImportOptions)


def iter_iati(path: PathLike, **options: Unpack[IatiKeywords]) -> ActivityReader:
    """Reads an IATI file activity by activity, in the memory of one activity.

        for activity in tocgraph.iter_iati("huge.xml"):
            print(activity.identifier, len(activity.toc), len(activity.findings))

    Once the iteration ends, ``file_findings`` of the reader holds the
    findings about the file itself. Malformed XML raises FormatError when
    the iteration reaches it.
    """
    return ActivityReader(os.fspath(path), ImportOptions(**options))


documented(iter_iati, ImportOptions)


def _cores(tocs: Union[TheoryOfChange, Iterable[TheoryOfChange]]) -> list[_core.model.TheoryOfChange]:
    if is_toc(tocs):
        return [core(tocs)]
    return [core(t, "each of tocs") for t in tocs]


def to_iati(tocs: Union[TheoryOfChange, Iterable[TheoryOfChange]]) -> str:
    """IATI 2.03 XML with one <iati-activity> per theory of change.

    Raises tocgraph.Error for values XML cannot carry (text that is not
    UTF-8 or holds control characters, a value that is not finite).
    """
    return _core.iati.to_iati(_cores(tocs))


def write_iati(tocs: Union[TheoryOfChange, Iterable[TheoryOfChange]], path: PathLike) -> None:
    """Writes IATI 2.03 XML to ``path``, replacing it atomically (or leaving it as it was)."""
    _core.iati.write_iati(_cores(tocs), os.fspath(path))


def read_value(text: str) -> ReadValue:
    """How the importer reads a value attribute: its ``kind``, ``number`` and ``how``.

    kind is "plain" (a number, text not kept), "converted" (a number read
    from another writing such as "22,5"; text kept), "text" (no number; text
    kept) or "empty"; ``how`` names the rule applied ("decimal comma").
    """
    return _core.iati.read_value(text)


present(globals())
