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

The work runs in C++ (include/tocgraph/versions/) with the GIL released.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from . import _core
from ._core.versions import (
    Conflict,
    ConsultationSummary,
    Diff,
    DiffOptions,
    FeedbackEntry,
    FeedbackQuery,
    FeedbackResolution,
    FieldChange,
    ItemChange,
    MergeOptions,
    MergeResult,
    PhaseSummary,
)
from ._options import documented
from ._registry import attach, core, present

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._core.model import Feedback
    from ._keywords import DiffKeywords, FeedbackQueryKeywords, FeedbackResolutionKeywords, MergeKeywords
    from ._toc import TheoryOfChange
    from ._types import FeedbackStatusName

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


def diff(old: TheoryOfChange, new: TheoryOfChange, **options: Unpack[DiffKeywords]) -> Diff:
    """What changed from ``old`` to ``new``, element by element and field by field.

    Elements are matched by id (links by source and target). With
    ``detect_renames`` a node whose id changed but whose level, title (after
    normalisation) and neighbours did not is reported as renamed.
    """
    return _core.versions.diff(core(old, "old"), core(new, "new"), DiffOptions(**options))


documented(diff, DiffOptions)


def _apply(self: Diff, toc: TheoryOfChange) -> TheoryOfChange:
    """The theory of change ``toc`` becomes with these changes: ``diff(a, b).apply(a) == b``.

    Raises tocgraph.Error naming the element and field when ``toc`` does not
    hold what the diff expects there.
    """
    return _core.versions.apply(self, core(toc))


attach(Diff, apply=_apply)


def detect_renames(old: TheoryOfChange, new: TheoryOfChange) -> list[tuple[str, str]]:
    """The (old id, new id) pairs of nodes renamed between two versions."""
    return _core.versions.detect_renames(core(old, "old"), core(new, "new"))


def merge(
    base: TheoryOfChange, ours: TheoryOfChange, theirs: TheoryOfChange, **options: Unpack[MergeKeywords]
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
    cores = core(base, "base"), core(ours, "ours"), core(theirs, "theirs")
    return _core.versions.merge(*cores, MergeOptions(**options))


documented(merge, MergeOptions)


# ---- the consultation record ----------------------------------------------------------


def feedback_items(toc: TheoryOfChange, **query: Unpack[FeedbackQueryKeywords]) -> list[Feedback]:
    """The feedback items that match every filter given, in the order recorded.

    ``subject`` matches exactly as written: a node, indicator or assumption
    id, or "source->target" for a link.
    """
    return _core.versions.find_feedback(core(toc), FeedbackQuery(**query))


documented(feedback_items, FeedbackQuery)


def resolve_feedback(
    toc: TheoryOfChange, feedback_id: str, *, status: FeedbackStatusName, **resolution: Unpack[FeedbackResolutionKeywords]
) -> None:
    """Records what became of a feedback item (in place).

    ``status`` is "accepted", "rejected" or "addressed". ``changes`` names the
    changes that addressed it: ItemChange values of a Diff, or their
    references such as "nodes/act_x" and "links/a->b"; with ``version`` and
    ``date`` they are kept in the item's ``attributes["resolved_in"]``.
    KeyError if there is no such item; ModelError for status "open".
    """
    _core.versions.resolve_feedback(core(toc), feedback_id, FeedbackResolution(status=status, **resolution))


documented(resolve_feedback, FeedbackResolution)


def consultation_summary(toc: TheoryOfChange, *, consultation: Optional[str] = None) -> ConsultationSummary:
    """The consultation record phase by phase: what was raised, by whom, about
    which result, and what became of it; items about ids no longer in the
    theory of change are in ``missing_subjects``. ``consultation`` keeps one
    consultation ("": all). ``to_markdown()`` and ``to_html()`` give fragments
    for reports."""
    return _core.versions.consultation_summary(core(toc), consultation)


present(globals())
