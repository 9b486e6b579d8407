#pragma once
// A node: a result (goal, pathway, outcome, output) or an intervention
// (activity). Activities also carry the work-plan fields.

#include <optional>
#include <string>
#include <vector>

#include "attributes.hpp"
#include "boxed.hpp"
#include "date.hpp"
#include "enums.hpp"
#include "reference.hpp"

namespace tocgraph {

/// Money planned for an activity.
struct Budget {
    double amount = 0.0;
    std::string currency;  ///< ISO 4217 code such as "AUD"
    friend bool operator==(const Budget&, const Budget&) = default;
};

struct Node {
    std::string id;     ///< stable, unique within a ToC
    std::string level;  ///< a level id of the ToC's schema
    std::string title;
    std::string description;
    std::vector<std::string> tags;    ///< cross-cutting themes such as "victim_rights"
    std::vector<std::string> actors;  ///< ids of the actors responsible
    Logic logic = Logic::all;         ///< how the contributors below combine
    // Work-plan fields, normally set on activities only.
    std::optional<Date> start;
    std::optional<Date> end;
    std::optional<ActivityStatus> status;
    Boxed<Budget> budget;  ///< on the heap: most nodes have none
    Attributes attributes;
    /// Coded links to outside vocabularies (an SDG target, a results framework).
    std::vector<Reference> references{};

    friend bool operator==(const Node&, const Node&) = default;
};

}  // namespace tocgraph
