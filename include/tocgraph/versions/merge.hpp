#pragma once
// Three-way merge of theories of change:
//
//   tocgraph::MergeResult m = tocgraph::merge(base, ours, theirs);
//   if (!m.clean()) for (const tocgraph::Conflict& c : m.conflicts) ...
//
// Both sides are diffed against the base (without rename detection: a rename
// is a removal plus an addition here). Changes on different elements or
// different fields combine; the same change made on both sides is taken
// once. Where the two sides' changes touch the same value (one path is the
// other's or inside it) and differ, the merge reports a Conflict and decides:
//
//   both_changed        both changed the same field differently: ours is kept
//   both_added          both added an element with the same id, differently: ours
//   delete_modify       one side removed what the other changed (an element,
//                       or a value inside it): the changed version is kept,
//                       since a removal is easy to redo and lost edits are not
//                       (a kept node keeps the links and indicators the
//                       removal took with it, each reported as a conflict too)
//   dangling_reference  one side removed a node (or actor) that the other
//                       side's link, indicator or node still refers to: the
//                       removed element is kept (a node with its links and
//                       indicators, as above)
//   invalid             the combined changes do not form a valid theory of
//                       change (e.g. a node's level missing from a schema the
//                       other side changed): theirs' change to it is dropped
//   lint                the combined changes break a lint rule that neither
//                       input broke (a cycle made of one link from each side,
//                       a node left without links): at warning or error
//                       severity, the change of theirs (else of ours) whose
//                       dropping clears it is dropped; at info severity both
//                       changes are kept and the conflict reports it
//
// Nothing is dropped silently: every conflict is in MergeResult::conflicts
// with the base, ours and theirs values, and the merged element carries it in
// attributes["merge_conflicts"] (a link that is not in the result marks its
// source node; a schema conflict, or an element not in the result, marks the
// metadata). The merged result loads, and lints with no finding at warning or
// error severity that none of the three inputs had (unless a conflict says
// it could not be cleared).

#include "../fwd.hpp"
#include "detail/merger.hpp"
#include "merge_result.hpp"

namespace tocgraph {

/// Merges the changes `ours` and `theirs` made to `base` (see the top of
/// this file). Throws Error only if the inputs cannot be written as files.
inline MergeResult merge(const TheoryOfChange& base, const TheoryOfChange& ours, const TheoryOfChange& theirs,
                         const MergeOptions& options = {}) {
    return detail::Merger(base, ours, theirs, options).run();
}

}  // namespace tocgraph
