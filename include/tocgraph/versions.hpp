#pragma once
// Versions and consultation: semantic diff, patching and three-way merge of
// theories of change, and the consultation record (docs/versions.md).
//
//   tocgraph::Diff d = tocgraph::diff(before, after);      // versions/diff.hpp
//   std::cout << tocgraph::to_text(d);                     // versions/diff_text.hpp
//   tocgraph::TheoryOfChange again = tocgraph::apply(before, d);
//   tocgraph::MergeResult m = tocgraph::merge(base, ours, theirs);
//   auto summary = tocgraph::consultation_summary(toc);    // versions/consultation.hpp

#include "versions/change.hpp"
#include "versions/path_text.hpp"
#include "versions/rename.hpp"
#include "versions/diff.hpp"
#include "versions/diff_json.hpp"
#include "versions/diff_text.hpp"
#include "versions/diff_html.hpp"
#include "versions/merge.hpp"
#include "versions/merge_result.hpp"
#include "versions/merge_format.hpp"
#include "versions/consultation.hpp"
