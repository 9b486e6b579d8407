#pragma once
// The probabilistic model as a Bayesian network for other libraries (pyAgrum,
// pgmpy): one conditional table per node, over the node itself, its causes
// and the assumptions its incoming links rest on.
//
//   for (std::size_t v = 0; v < model.node_count(); ++v) {
//       ConditionalTable t = conditional_table(model, v);
//       // t.values[i]: the probability of the assignment whose bit j is the value of t.variables[j]
//   }

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "detail/cpt.hpp"
#include "model.hpp"

namespace tocgraph {

/// A node's full conditional table. Variables are numbered as
/// ProbabilityModel::variable_name numbers them (nodes, then assumptions),
/// ascending; values has 2**variables.size() entries.
struct ConditionalTable {
    std::vector<std::uint32_t> variables;
    std::vector<double> values;
};

/// The conditional table of node `v` (its prior alone when it has no causes).
inline ConditionalTable conditional_table(const ProbabilityModel& model, std::size_t v) {
    detail::Factor f = detail::full_table(model, v);
    return {std::move(f.vars), std::move(f.table)};
}

}  // namespace tocgraph
