#pragma once
// How the Kumu reader decides what a Kumu map leaves open (docs/interop.md).

#include <map>
#include <string>

namespace tocgraph {

/// What the Kumu reader does where a map does not say.
struct KumuOptions {
    /// Built-in level schema for a map that does not name one.
    std::string schema = "theory_of_change";
    /// Level of elements whose level cannot be told; empty: the middle
    /// outcome level of the schema (intermediate_outcome by default).
    std::string default_level;
    /// Kumu element type -> level id, compared without regard to case;
    /// consulted before the built-in matching.
    std::map<std::string, std::string> type_levels;
};

}  // namespace tocgraph
