#pragma once
// The numbers the probabilistic model assumes where the file is silent, and
// the record of where it had to assume them. docs/probability.md explains
// the model.

#include <cstddef>
#include <string>
#include <vector>

namespace tocgraph {

/// Defaults and limits of the probabilistic model.
struct ProbabilityParameters {
    /// P(link works) for a link with neither a `probability` attribute nor a strength.
    double link_probability = 1.0;
    /// P(assumption holds) for an assumption without likelihood (or named by a
    /// link but not written down).
    double assumption_likelihood = 1.0;
    /// P(achieved) of an activity that is planned, ongoing or has no status
    /// (completed: 1, cancelled: 0), unless its `probability` attribute says otherwise.
    double activity_prior = 0.5;
    /// Share of the incoming weight that a `weighted` node needs, unless its
    /// `threshold` attribute says otherwise.
    double threshold = 0.5;
    /// P(achieved from causes outside the ToC), unless a `leak` attribute says otherwise.
    double leak = 0.0;
    /// Exact inference refuses a clique table of more entries than this
    /// (2**24 doubles: 128 MiB), throwing InferenceTooLarge.
    std::size_t max_table_entries = std::size_t{1} << 24;
};

/// One number of the model that came from ProbabilityParameters rather than from the file.
struct DefaultedParameter {
    std::string kind;       ///< "link", "assumption" or "node"
    std::string id;         ///< the element: a node or assumption id, "source->target" for a link
    std::string parameter;  ///< "probability", "likelihood", "prior"
    double value = 0.0;     ///< the value used
    friend bool operator==(const DefaultedParameter&, const DefaultedParameter&) = default;
};

}  // namespace tocgraph
