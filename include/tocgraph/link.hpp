#pragma once
// A causal link: `source` (the lower result or activity) contributes to
// `target` (the higher result). Links always point from cause to effect.

#include <optional>
#include <string>
#include <vector>

#include "attributes.hpp"
#include "boxed.hpp"

namespace tocgraph {

/// What supports a causal claim.
struct Evidence {
    std::string strength;                 ///< e.g. "strong", "moderate", "weak", "anecdotal"
    std::vector<std::string> references;  ///< citations or URLs
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Link {
    std::string source;
    std::string target;
    std::vector<std::string> assumptions;  ///< ids of assumptions this link rests on
    std::string rationale;
    Boxed<Evidence> evidence;  ///< on the heap: most links have none
    std::optional<double> strength;  ///< 0..1: how much the source contributes
    Attributes attributes;

    friend bool operator==(const Link&, const Link&) = default;
};

}  // namespace tocgraph
