#pragma once
// The statuses a drawing coloured by status shows: each node's rolled-up
// status from the monitoring API (monitoring/rollup.hpp).

#include "../monitoring/rollup.hpp"
#include "style.hpp"

namespace tocgraph {

/// Node id -> status of every node in a roll-up.
inline NodeStatuses node_statuses(const Rollup& rollup) {
    NodeStatuses out;
    for (const NodeProgress& n : rollup.nodes) out.emplace(n.node, n.status);
    return out;
}

/// Node id -> rolled-up status as of options.progress.as_of. Throws
/// CycleError if the links form a cycle (see rollup()).
inline NodeStatuses node_statuses(const TheoryOfChange& toc, const RollupOptions& options) {
    return node_statuses(rollup(toc, options));
}

}  // namespace tocgraph
