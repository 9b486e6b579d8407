#pragma once
// Analysis results as JSON (for `tocgraph analyze --format json` and other
// tools), members named and ordered as described.hpp lists them; a level is
// written as its id. nlohmann/json finds these by argument-dependent lookup:
// `nlohmann::ordered_json j = coverage(toc);`.

#include <nlohmann/json.hpp>

#include "../detail/json/described_fields.hpp"
#include "described.hpp"

namespace tocgraph {

inline void to_json(nlohmann::ordered_json& out, const LevelCoverage& c) { detail::fields_to_json(out, c); }

inline void to_json(nlohmann::ordered_json& out, const Coverage& c) { detail::fields_to_json(out, c); }

}  // namespace tocgraph
