#pragma once
// Exact inference: P(achieved | observations) of every node by junction-tree
// propagation (detail/junction_tree.hpp).
//
//   Marginals m = exact_probabilities(toc, {{"oc1", true}});
//   m.of("goal")
//
// The cost is exponential in the treewidth of the model's moral graph
// (causes of one node and the assumptions of its links are all joined);
// InferenceTooLarge says when it would pass ProbabilityParameters::max_table_entries.

#include <cmath>

#include "../theory_of_change.hpp"
#include "detail/junction_tree.hpp"
#include "errors.hpp"
#include "marginals.hpp"
#include "model.hpp"

namespace tocgraph {

namespace detail {

/// Marginals from one calibration; ImpossibleObservations when P(evidence) is 0.
inline Marginals to_marginals(const ProbabilityModel& m, const Calibration& c) {
    if (!std::isfinite(c.log_evidence))
        throw ImpossibleObservations("the observations are impossible under the model (probability 0)");
    Marginals out;
    out.node_count = m.node_count();
    out.ids.reserve(m.variable_count());
    for (std::size_t x = 0; x < m.variable_count(); ++x) out.ids.push_back(m.variable_name(x));
    out.probability = c.marginal;
    out.std_error.assign(c.marginal.size(), 0.0);
    out.evidence_probability = std::exp(c.log_evidence);
    return out;
}

}  // namespace detail

/// Exact marginals of a built model given `observed`.
inline Marginals exact_probabilities(const ProbabilityModel& model, const Observations& observed = {}) {
    const detail::JunctionTree tree(model);
    return detail::to_marginals(model, tree.calibrate(model, model.evidence(observed)));
}

/// Exact marginals of `toc` given `observed` (ids of nodes or assumptions).
inline Marginals exact_probabilities(const TheoryOfChange& toc, const Observations& observed = {},
                                     const ProbabilityParameters& parameters = {}) {
    return exact_probabilities(build_model(toc, parameters), observed);
}

}  // namespace tocgraph
