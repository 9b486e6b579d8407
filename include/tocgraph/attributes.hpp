#pragma once
// Free-form user data carried by every element and kept verbatim through
// every read and write, so tools can store what the model has no field for.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace tocgraph {

/// A JSON object (or null when empty) of user fields.
using Attributes = nlohmann::json;

/// Disaggregation of a value, e.g. {"country": "KH", "sex": "female"}.
using Dimensions = std::map<std::string, std::string>;

}  // namespace tocgraph
