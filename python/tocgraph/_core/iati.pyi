# tocgraph._core.iati (register_iati.cpp): IATI activity XML.

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

from typing_extensions import Unpack

from .._keywords import IatiKeywords
from .._toc import TheoryOfChange as PublicTheoryOfChange
from .._types import SeverityName
from .model import TheoryOfChange, _Bound, _Options, _Value

finding_codes: dict[str, tuple[str, str]]

class ImportOptions(_Options):
    def __init__(self, **options: Unpack[IatiKeywords]) -> None: ...

class ImportFinding(_Value):
    file: Final[str]
    line: Final[int]
    column: Final[int]
    activity: Final[str]
    subject: Final[str]
    code: Final[str]
    severity: Final[SeverityName]
    message: Final[str]

class ImportResult(_Value):
    tocs: Final[list[PublicTheoryOfChange]]
    findings: Final[list[ImportFinding]]
    def __iter__(self) -> Iterator[Any]: ...

class ImportedActivity(_Value):
    toc: Final[PublicTheoryOfChange]
    findings: Final[list[ImportFinding]]
    identifier: Final[str]
    line: Final[int]

class ReadValue(_Value):
    kind: Final[str]
    number: Final[float | None]
    how: Final[str]

class ActivityReader(_Bound):
    def __init__(self, path: str, options: ImportOptions) -> None: ...
    def __iter__(self) -> ActivityReader: ...
    def __next__(self) -> ImportedActivity: ...
    @property
    def file_findings(self) -> list[ImportFinding]: ...
    @property
    def bytes_read(self) -> int: ...
    @property
    def size(self) -> int: ...

def read_iati(path: str, options: ImportOptions, progress: Callable[[int, int, int], None] | None) -> ImportResult: ...
def read_iati_string(text: str, source: str, options: ImportOptions) -> ImportResult: ...
def to_iati(tocs: Sequence[TheoryOfChange]) -> str: ...
def write_iati(tocs: Sequence[TheoryOfChange], path: str) -> None: ...
def read_value(text: str) -> ReadValue: ...
