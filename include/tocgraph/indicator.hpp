#pragma once
// An indicator measures one node: its baseline(s), its targets and actual
// values per period, each possibly disaggregated by dimensions.

#include <optional>
#include <string>
#include <vector>

#include "attributes.hpp"
#include "date.hpp"
#include "enums.hpp"
#include "reference.hpp"

namespace tocgraph {

/// The starting point of an indicator.
struct Baseline {
    std::optional<Date> date;
    std::optional<double> value;  ///< absent for qualitative indicators
    Dimensions dimensions;
    std::string comment;
    /// The year of the baseline, when a source gives one (IATI baseline/@year);
    /// it may be all that is known of `date`.
    std::optional<int> year{};
    /// The value as the source wrote it, when that is not a plain number:
    /// "TBD", "<2", "22,5". `value` holds the number read from it, if any.
    std::string value_text{};
    std::vector<std::string> locations{};  ///< location references, e.g. IATI location/@ref
    Attributes attributes{};
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
    /// The value as the source wrote it, when that is not a plain number
    /// (see Baseline::value_text).
    std::string value_text{};
    std::vector<std::string> locations{};  ///< location references, e.g. IATI location/@ref
    Attributes attributes{};
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
    /// Coded links to outside indicator vocabularies (e.g. IATI vocabulary
    /// "9", the SDG indicators).
    std::vector<Reference> references{};

    friend bool operator==(const Indicator&, const Indicator&) = default;
};

}  // namespace tocgraph
