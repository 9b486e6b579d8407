#pragma once
// Observations from monitoring: which nodes the indicators say are achieved,
// or clearly not, as of a date.
//
// A node is observed *achieved* when it has indicators with a measured
// achievement and every one of them has reached its final target
// (achievement >= 1); *not achieved* when one of them is off track. Nodes
// on track, at risk, not started or without data stay unobserved: they are
// what the model estimates. Only a node's own indicators count, never the
// roll-up of its contributors (that would count the same evidence twice).

#include <map>
#include <string>

#include "../monitoring/indicator_progress.hpp"
#include "../theory_of_change.hpp"
#include "model.hpp"

namespace tocgraph {

inline Observations observations_as_of(const TheoryOfChange& toc, const ProgressOptions& options) {
    struct Seen {
        bool measured = false, all_reached = true, off_track = false;
    };
    std::map<std::string, Seen> by_node;
    for (const IndicatorProgress& p : progress(toc, options)) {
        Seen& s = by_node[p.node];
        if (p.status == ProgressStatus::off_track) s.off_track = true;
        if (p.achievement) {
            s.measured = true;
            if (*p.achievement < 1.0) s.all_reached = false;
        } else {
            s.all_reached = false;
        }
    }
    Observations out;
    for (const auto& [node, s] : by_node) {
        if (s.off_track)
            out.emplace(node, false);
        else if (s.measured && s.all_reached)
            out.emplace(node, true);
    }
    return out;
}

}  // namespace tocgraph
