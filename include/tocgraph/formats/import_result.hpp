#pragma once
// What a reader of another tool's format returns: the theory of change and
// the findings about what it had to decide on the way (a cycle kept, an
// undirected link given a direction, a level chosen for an untyped element),
// so that nothing is changed silently. Finding codes are listed in
// docs/interop.md.

#include <vector>

#include "../lint/finding.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

struct ImportResult {
    TheoryOfChange toc;
    std::vector<Finding> findings;
};

}  // namespace tocgraph
