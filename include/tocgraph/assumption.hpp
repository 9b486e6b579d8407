#pragma once
// An assumption: a condition outside the programme's control on which links rest.

#include <optional>
#include <string>

#include "attributes.hpp"
#include "enums.hpp"

namespace tocgraph {

struct Assumption {
    std::string id;
    std::string statement;
    std::optional<double> likelihood;  ///< 0..1: chance that it holds
    std::optional<Risk> risk;
    AssumptionStatus status = AssumptionStatus::untested;
    Attributes attributes;

    friend bool operator==(const Assumption&, const Assumption&) = default;
};

}  // namespace tocgraph
