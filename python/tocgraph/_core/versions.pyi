# tocgraph._core.versions (register_versions.cpp): diff, apply and merge, and
# the consultation record.

from collections.abc import Iterator
from typing import Any, Final

from typing_extensions import Self, Unpack

from .._keywords import DiffKeywords, FeedbackQueryKeywords, FeedbackResolutionKeywords, MergeKeywords
from .._toc import TheoryOfChange as PublicTheoryOfChange
from .._types import ChangeKindName, ConflictKindName, FeedbackStatusName, SubjectKindName
from .model import Feedback, TheoryOfChange, _Bound, _Options, _Value

class FieldChange(_Bound):
    path: Final[list[Any]]
    field: Final[str]
    kind: Final[ChangeKindName]
    old: Final[Any]
    new: Final[Any]
    after: Final[Any]

class ItemChange(_Bound):
    collection: Final[str]
    id: Final[str]
    key: Final[Any]
    kind: Final[ChangeKindName]
    new_id: Final[str]
    old: Final[Any]
    new: Final[Any]
    fields: Final[list[FieldChange]]
    after: Final[Any]
    reference: Final[str]

class DiffHtmlOptions(_Options):
    def __init__(self, *, title: str = ..., standalone: bool = ...) -> None: ...

class Diff(_Bound):
    changes: Final[list[ItemChange]]
    @staticmethod
    def from_json(document: dict[str, Any]) -> Diff: ...
    def counts(self) -> dict[str, dict[str, int]]: ...
    def apply(self, toc: PublicTheoryOfChange) -> PublicTheoryOfChange: ...
    def to_json(self) -> dict[str, Any]: ...
    def to_text(self) -> str: ...
    def to_markdown(self, *, heading_level: int | None = None) -> str: ...
    def to_html(self, *, title: str = ..., standalone: bool = ...) -> str: ...
    def _repr_html_(self) -> str: ...
    def __bool__(self) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[ItemChange]: ...
    def __copy__(self) -> Self: ...
    def __deepcopy__(self, memo: dict[int, object]) -> Self: ...

class DiffOptions(_Options):
    def __init__(self, **options: Unpack[DiffKeywords]) -> None: ...

class Conflict(_Bound):
    kind: Final[ConflictKindName]
    collection: Final[str]
    id: Final[str]
    field: Final[str]
    message: Final[str]
    resolution: Final[str]
    key: Final[Any]
    path: Final[list[Any]]
    base: Final[Any]
    ours: Final[Any]
    theirs: Final[Any]
    def to_json(self) -> dict[str, Any]: ...
    def to_text(self) -> str: ...

class MergeOptions(_Options):
    def __init__(self, **options: Unpack[MergeKeywords]) -> None: ...

class MergeResult(_Value):
    toc: Final[PublicTheoryOfChange]
    conflicts: Final[list[Conflict]]
    @property
    def clean(self) -> bool: ...
    def __iter__(self) -> Iterator[Any]: ...

class FeedbackEntry(_Bound):
    feedback: Final[Feedback]
    subject_kind: Final[SubjectKindName]
    subject_id: Final[str]
    subject_title: Final[str]
    version: Final[str]
    changes: Final[list[str]]

class PhaseSummary(_Bound):
    consultation: Final[str]
    consultation_title: Final[str]
    phase: Final[str]
    title: Final[str]
    declared: Final[bool]
    entries: Final[list[FeedbackEntry]]
    counts: Final[dict[str, int]]
    authors: Final[list[str]]
    subjects: Final[list[str]]

class ConsultationSummary(_Bound):
    phases: Final[list[PhaseSummary]]
    counts: Final[dict[str, int]]
    missing_subjects: Final[list[FeedbackEntry]]
    def to_json(self) -> dict[str, Any]: ...
    def to_markdown(self, *, heading_level: int | None = None) -> str: ...
    def to_html(self, *, heading_level: int | None = None) -> str: ...
    def _repr_html_(self) -> str: ...

class FeedbackQuery(_Options):
    def __init__(self, **options: Unpack[FeedbackQueryKeywords]) -> None: ...

class FeedbackResolution(_Options):
    def __init__(self, *, status: FeedbackStatusName, **options: Unpack[FeedbackResolutionKeywords]) -> None: ...

def apply(diff: Diff, toc: TheoryOfChange) -> PublicTheoryOfChange: ...
def diff(old: TheoryOfChange, new: TheoryOfChange, options: DiffOptions) -> Diff: ...
def detect_renames(old: TheoryOfChange, new: TheoryOfChange) -> list[tuple[str, str]]: ...
def merge(base: TheoryOfChange, ours: TheoryOfChange, theirs: TheoryOfChange, options: MergeOptions) -> MergeResult: ...
def find_feedback(toc: TheoryOfChange, query: FeedbackQuery) -> list[Feedback]: ...
def resolve_feedback(toc: TheoryOfChange, id: str, resolution: FeedbackResolution) -> None: ...
def consultation_summary(toc: TheoryOfChange, consultation: str | None) -> ConsultationSummary: ...
