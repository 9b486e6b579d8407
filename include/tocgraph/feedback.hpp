#pragma once
// What stakeholders said during a consultation on the ToC, and what became of it.

#include <optional>
#include <string>

#include "attributes.hpp"
#include "date.hpp"
#include "enums.hpp"

namespace tocgraph {

struct Feedback {
    std::string id;
    std::string consultation;  ///< id of the consultation (may be empty)
    std::string phase;         ///< id of a phase of that consultation, e.g. "workshop"
    std::string author;        ///< actor id or a name
    /// Id of the node, indicator or assumption it is about, or "source->target"
    /// for a link; empty for the ToC as a whole. Not checked on load, so that
    /// feedback on results later removed stays on record.
    std::string subject;
    FeedbackKind kind = FeedbackKind::comment;
    std::string text;
    FeedbackStatus status = FeedbackStatus::open;
    std::string resolution;  ///< how it was addressed, accepted or rejected
    std::optional<Date> date;
    Attributes attributes;

    friend bool operator==(const Feedback&, const Feedback&) = default;
};

}  // namespace tocgraph
