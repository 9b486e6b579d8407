#pragma once
// What every monitoring computation is asked: as of which date, with which
// tolerances.

#include "../date.hpp"
#include "status.hpp"

namespace tocgraph {

struct ProgressOptions {
    /// The date of the assessment. Actual values count once their period has
    /// ended on or before it; baselines count when dated on or before it.
    Date as_of;
    Tolerances tolerances;
    friend bool operator==(const ProgressOptions&, const ProgressOptions&) = default;
};

}  // namespace tocgraph
