#pragma once
// The errors of probabilistic analysis.

#include <cstddef>
#include <string>

#include "../errors.hpp"

namespace tocgraph {

/// Exact inference would need a table larger than the limit
/// (ProbabilityParameters::max_table_entries): the model's treewidth is too
/// high. what() names the variable whose elimination needs it; Monte Carlo
/// works on any size.
class InferenceTooLarge : public Error {
public:
    InferenceTooLarge(std::string variable, std::size_t clique_size, std::size_t limit)
        : Error("exact inference needs a table over " + std::to_string(clique_size) + " variables (treewidth at least " +
                std::to_string(clique_size - 1) + ") when eliminating \"" + variable + "\", more than the limit of " +
                std::to_string(limit) + " entries; use method \"monte_carlo\" or raise max_table_entries"),
          variable_(std::move(variable)), clique_size_(clique_size) {}
    const std::string& variable() const noexcept { return variable_; }
    /// Variables in the largest clique (treewidth + 1) when inference gave up.
    std::size_t clique_size() const noexcept { return clique_size_; }

private:
    std::string variable_;
    std::size_t clique_size_;
};

/// The observations cannot happen together under the model (probability 0),
/// or Monte Carlo accepted no sample consistent with them.
class ImpossibleObservations : public Error {
public:
    using Error::Error;
};

}  // namespace tocgraph
