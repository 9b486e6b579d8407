#pragma once
// Marginals: P(achieved | observations) of every node and P(holds | observations)
// of every assumption, from exact inference or from Monte Carlo.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../errors.hpp"

namespace tocgraph {

struct Marginals {
    /// Node ids (ToC insertion order), then assumption ids.
    std::vector<std::string> ids;
    /// P(achieved | observations) per id; for an assumption P(holds | observations).
    std::vector<double> probability;
    /// Standard error per id: 0 when exact.
    std::vector<double> std_error;
    std::size_t node_count = 0;  ///< the first node_count ids are nodes
    /// Exact: P(observations) (1 without any). Monte Carlo: the share of
    /// samples consistent with them.
    double evidence_probability = 1.0;
    /// Monte Carlo: samples drawn and samples kept (consistent with the
    /// observations); 0 when exact.
    std::size_t samples = 0;
    std::size_t accepted = 0;

    /// The probability of one id; ModelError if absent.
    double of(std::string_view id) const {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == id) return probability[i];
        throw ModelError(std::string(id), "no node or assumption \"" + std::string(id) + "\"");
    }
};

}  // namespace tocgraph
