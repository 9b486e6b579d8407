"""Versions and consultation: diff, patch and merge theories of change, and
keep the consultation record (docs/versions.md).

    import tocgraph

    before = tocgraph.load("examples/asean-act/toc.json")
    after = tocgraph.load("examples/asean-act/toc-after-workshop.json")
    d = tocgraph.diff(before, after)
    print(d)                       # counts per collection, then every change
    d.to_json(); d.to_markdown(); d.to_html()
    assert d.apply(before) == after

    m = tocgraph.merge(base, ours, theirs)
    m.toc, m.conflicts

    after.feedback_items(phase="workshop", status="open")
    after.resolve_feedback("fb_ws_3", status="addressed", resolution="...", changes=[...])
    after.consultation_summary().to_markdown()

The work runs in C++ (include/tocgraph/versions.hpp) with the GIL released.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _core
from ._core import (
    Conflict,
    ConsultationSummary,
    FeedbackEntry,
    FieldChange,
    ItemChange,
    PhaseSummary,
)

if TYPE_CHECKING:
    from ._core import Feedback
    from ._toc import TheoryOfChange
    from ._types import DateLike, FeedbackKindName, FeedbackStatusName

__all__ = [
    "Conflict",
    "ConsultationSummary",
    "Diff",
    "FeedbackEntry",
    "FieldChange",
    "ItemChange",
    "MergeResult",
    "PhaseSummary",
    "consultation_summary",
    "detect_renames",
    "diff",
    "feedback_items",
    "merge",
    "resolve_feedback",
]

#: The version number in a pickled Diff's state.
DIFF_PICKLE_VERSION = 1


def _core_toc(toc: TheoryOfChange, name: str) -> _core.TheoryOfChange:
    from ._toc import TheoryOfChange

    if not isinstance(toc, TheoryOfChange):
        raise TypeError(f"{name} must be a tocgraph.TheoryOfChange, got {type(toc).__name__}")
    return toc._toc


class Diff:
    """What changed between two versions of a theory of change.

    ``bool(d)`` is False when there is no change; ``len(d)`` counts the changed
    elements and iterating yields them as ItemChange values (collection, id,
    kind, old and new JSON forms, and the changed fields). ``print(d)`` shows
    the text form; notebooks show the HTML form.
    """

    __slots__ = ("_diff",)
    _diff: _core.Diff

    def __init__(self, core: _core.Diff) -> None:
        if not isinstance(core, _core.Diff):
            raise TypeError("Diff objects come from tocgraph.diff() or Diff.from_json()")
        self._diff = core

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Diff:
        """A diff from its JSON form (``to_json()``); FormatError if it is malformed."""
        return cls(_core.diff_from_json(document))

    @property
    def changes(self) -> list[ItemChange]:
        """The changed elements, collection by collection in the file's order."""
        return self._diff.changes

    def counts(self) -> dict[str, dict[str, int]]:
        """Per collection: {"added", "removed", "changed", "renamed", "total"}."""
        return self._diff.counts()

    def apply(self, toc: TheoryOfChange) -> TheoryOfChange:
        """The theory of change ``toc`` becomes with these changes.

        ``diff(a, b).apply(a) == b``. Raises tocgraph.Error naming the element
        and field when ``toc`` does not hold what the diff expects there.
        """
        from ._toc import TheoryOfChange

        return TheoryOfChange._wrap(_core.apply_diff(_core_toc(toc, "toc"), self._diff))

    def to_json(self) -> dict[str, Any]:
        """The JSON form: {"format": "tocgraph-diff", "version": 1, "counts", "collections", "changes"}."""
        return self._diff.to_json()

    def to_text(self) -> str:
        """Counts per collection like ``git diff --stat``, then every change with its fields."""
        return self._diff.to_text()

    def to_markdown(self, *, heading_level: int = 2) -> str:
        """A Markdown section: a table of counts, then the changes per collection."""
        return self._diff.to_markdown(heading_level)

    def to_html(self, *, title: str = "Changes", standalone: bool = True) -> str:
        """A self-contained HTML page (or a <section> when ``standalone`` is False)."""
        return self._diff.to_html(title, standalone)

    def _repr_html_(self) -> str:
        return self._diff.to_html("Changes", False)

    def __bool__(self) -> bool:
        return not self._diff.empty()

    def __len__(self) -> int:
        return len(self._diff)

    def __iter__(self) -> Iterator[ItemChange]:
        return iter(self._diff.changes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diff):
            return NotImplemented
        return self._diff == other._diff

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return self._diff.to_text()

    def __repr__(self) -> str:
        if not self:
            return "<Diff: no changes>"
        totals = {"added": 0, "removed": 0, "changed": 0, "renamed": 0}
        for counts in self.counts().values():
            for key in totals:
                totals[key] += counts[key]
        parts = ", ".join(f"{n} {kind}" for kind, n in totals.items() if n)
        return f"<Diff: {parts}>"

    def __getstate__(self) -> tuple[int, dict[str, Any]]:
        return (DIFF_PICKLE_VERSION, self.to_json())

    def __setstate__(self, state: object) -> None:
        if not isinstance(state, tuple) or len(state) != 2 or state[0] != DIFF_PICKLE_VERSION:
            raise ValueError("cannot unpickle Diff: unsupported state")
        self._diff = _core.diff_from_json(state[1])


def diff(old: TheoryOfChange, new: TheoryOfChange, *, detect_renames: bool = True) -> Diff:
    """What changed from ``old`` to ``new``, element by element and field by field.

    Elements are matched by id (links by source and target). With
    ``detect_renames`` a node whose id changed but whose level, title (after
    normalisation) and neighbours did not is reported as renamed.
    """
    return Diff(_core.diff(_core_toc(old, "old"), _core_toc(new, "new"), detect_renames))


def detect_renames(old: TheoryOfChange, new: TheoryOfChange) -> list[tuple[str, str]]:
    """The (old id, new id) pairs of nodes renamed between two versions."""
    return _core.detect_renames(_core_toc(old, "old"), _core_toc(new, "new"))


class MergeResult:
    """The outcome of a three-way merge: the merged ``toc`` and its ``conflicts``.

    Each conflict is also marked in the merged element's
    ``attributes["merge_conflicts"]``.
    """

    __slots__ = ("conflicts", "toc")

    def __init__(self, toc: TheoryOfChange, conflicts: list[Conflict]) -> None:
        self.toc = toc
        self.conflicts = conflicts

    @property
    def clean(self) -> bool:
        """True when the two sides' changes combined without conflict."""
        return not self.conflicts

    def __iter__(self) -> Iterator[Any]:
        """``toc, conflicts = tocgraph.merge(...)``."""
        return iter((self.toc, self.conflicts))

    def __repr__(self) -> str:
        n = len(self.conflicts)
        state = "clean" if n == 0 else f"{n} conflict{'s' if n != 1 else ''}"
        return f"<MergeResult: {state}, {self.toc!r}>"


def merge(
    base: TheoryOfChange, ours: TheoryOfChange, theirs: TheoryOfChange, *, lint: bool = True
) -> MergeResult:
    """Merges the changes ``ours`` and ``theirs`` made to ``base``.

    Changes to different elements or fields combine and the same change on
    both sides is taken once. Conflicts (kinds: both_changed, both_added,
    delete_modify, dangling_reference, invalid, lint) are listed and marked in
    the merged element's ``attributes["merge_conflicts"]``; docs/versions.md
    says what the merged result holds for each. With ``lint`` the merged
    result breaks no lint rule at warning or error severity that none of the
    inputs broke.
    """
    from ._toc import TheoryOfChange

    toc, conflicts = _core.merge(
        _core_toc(base, "base"), _core_toc(ours, "ours"), _core_toc(theirs, "theirs"), lint
    )
    return MergeResult(TheoryOfChange._wrap(toc), conflicts)


# ---- the consultation record ----------------------------------------------------------


def feedback_items(
    toc: TheoryOfChange,
    *,
    phase: Optional[str] = None,
    author: Optional[str] = None,
    subject: Optional[str] = None,
    status: Optional[FeedbackStatusName] = None,
    kind: Optional[FeedbackKindName] = None,
    consultation: Optional[str] = None,
) -> list[Feedback]:
    """The feedback items that match every filter given, in the order recorded.

    ``subject`` matches exactly as written: a node, indicator or assumption
    id, or "source->target" for a link.
    """
    return _core.find_feedback(
        _core_toc(toc, "toc"),
        consultation or "",
        phase or "",
        author or "",
        subject or "",
        status,
        kind,
    )


def resolve_feedback(
    toc: TheoryOfChange,
    feedback_id: str,
    *,
    status: FeedbackStatusName,
    resolution: str = "",
    version: str = "",
    changes: Iterable[Union[str, ItemChange]] = (),
    date: Optional[DateLike] = None,
) -> None:
    """Records what became of a feedback item (in place).

    ``status`` is "accepted", "rejected" or "addressed". ``changes`` names the
    changes that addressed it: ItemChange values of a Diff, or their
    references such as "nodes/act_x" and "links/a->b"; with ``version`` and
    ``date`` they are kept in the item's ``attributes["resolved_in"]``.
    KeyError if there is no such item; ModelError for status "open".
    """
    references = [c.reference if isinstance(c, ItemChange) else c for c in changes]
    for r in references:
        if not isinstance(r, str):
            raise TypeError(f"changes must be str or ItemChange, got {type(r).__name__}")
    if isinstance(date, datetime.datetime):
        raise TypeError("date must be a datetime.date or a 'YYYY-MM-DD' string, not a datetime")
    _core.resolve_feedback(
        _core_toc(toc, "toc"), feedback_id, status, resolution, version, references, date
    )


def consultation_summary(
    toc: TheoryOfChange, *, consultation: Optional[str] = None
) -> ConsultationSummary:
    """The consultation record phase by phase: what was raised, by whom, about
    which result, and what became of it; items about ids no longer in the
    theory of change are in ``missing_subjects``. ``to_markdown()`` and
    ``to_html()`` give fragments for reports."""
    return _core.consultation_summary(_core_toc(toc, "toc"), consultation or "")


for _cls in (Conflict, ConsultationSummary, FeedbackEntry, FieldChange, ItemChange, PhaseSummary):
    _cls.__module__ = "tocgraph.versions"
del _cls
