#pragma once
// An indicator measures one node: its baseline(s), its targets and actual
// values per period, each possibly disaggregated by dimensions.

#include <optional>
#include <string>
#include <vector>

#include "attributes.hpp"
#include "date.hpp"
#include "enums.hpp"

namespace tocgraph {

/// The starting point of an indicator.
struct Baseline {
    std::optional<Date> date;
    std::optional<double> value;  ///< absent for qualitative indicators
    Dimensions dimensions;
    std::string comment;
    friend bool operator==(const Baseline&, const Baseline&) = default;
};

/// A target or an actual value for one period.
struct PeriodValue {
    Period period;
    std::optional<double> value;  ///< absent for qualitative indicators
    /// For ratio aggregation: the parts of the value, summed across dimensions.
    std::optional<double> numerator;
    std::optional<double> denominator;
    Dimensions dimensions;
    std::string comment;
    friend bool operator==(const PeriodValue&, const PeriodValue&) = default;
};

struct Indicator {
    std::string id;
    std::string node;  ///< id of the node it measures
    std::string title;
    std::string description;
    std::string unit;  ///< e.g. "people trained", "%"
    Measure measure = Measure::unit;
    bool ascending = true;  ///< is a higher value better
    Accumulation accumulation = Accumulation::level;
    Aggregation aggregation = Aggregation::sum;
    std::vector<Baseline> baselines;
    std::vector<PeriodValue> targets;
    std::vector<PeriodValue> actuals;
    std::string means_of_verification;
    std::string frequency;  ///< e.g. "annual", "six-monthly"
    Attributes attributes;

    friend bool operator==(const Indicator&, const Indicator&) = default;
};

}  // namespace tocgraph
