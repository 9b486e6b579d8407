#pragma once
// Who is responsible for or takes part in results and activities.

#include <string>

#include "attributes.hpp"

namespace tocgraph {

struct Actor {
    std::string id;
    std::string name;
    /// e.g. "member_state", "regional_body", "donor", "civil_society", "implementer"
    std::string type;
    Attributes attributes;

    friend bool operator==(const Actor&, const Actor&) = default;
};

}  // namespace tocgraph
