#pragma once
// Disaggregated progress: an indicator's progress for each value of one
// dimension (e.g. each Member State under "country"), and which values have
// no data. The values expected are those seen anywhere in the indicator's
// baselines, targets and actuals, or a list the caller gives.
//
// Each row is the indicator's progress for the view {dimension: value}
// (indicator_progress with that filter): a value broken down further (by
// country and sex) is combined by the indicator's aggregation rule, and a
// value without a baseline or targets of its own uses those of the whole
// indicator unless the aggregation is "sum" (a part cannot be held to the
// target of the whole).

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../theory_of_change.hpp"
#include "indicator_progress.hpp"
#include "options.hpp"

namespace tocgraph {

/// One indicator broken down by one dimension.
struct IndicatorBreakdown {
    std::string indicator;
    std::string node;
    std::string dimension;
    std::vector<std::string> values;      ///< the dimension values, in row order
    std::vector<IndicatorProgress> rows;  ///< one per value
    /// The values with no actual counted by the as-of date (no data).
    std::vector<std::string> missing;
    friend bool operator==(const IndicatorBreakdown&, const IndicatorBreakdown&) = default;
};

/// The values a dimension takes in an indicator's baselines, targets and
/// actuals, sorted.
inline std::vector<std::string> dimension_values(const Indicator& indicator, std::string_view dimension) {
    std::vector<std::string> out;
    auto consider = [&](const Dimensions& d) {
        auto it = d.find(std::string(dimension));
        if (it != d.end() && std::ranges::find(out, it->second) == out.end()) out.push_back(it->second);
    };
    for (const Baseline& b : indicator.baselines) consider(b.dimensions);
    for (const PeriodValue& v : indicator.targets) consider(v.dimensions);
    for (const PeriodValue& v : indicator.actuals) consider(v.dimensions);
    std::ranges::sort(out);
    return out;
}

/// One indicator by `dimension`, over `values` (default: the values it
/// takes in the indicator). Throws std::invalid_argument for an empty
/// dimension name or tolerances out of order.
inline IndicatorBreakdown progress_by(const Indicator& indicator, std::string_view dimension,
                                      const ProgressOptions& options,
                                      const std::optional<std::vector<std::string>>& values = std::nullopt) {
    if (dimension.empty()) throw std::invalid_argument("the dimension name must not be empty");
    options.tolerances.check();
    IndicatorBreakdown out;
    out.indicator = indicator.id;
    out.node = indicator.node;
    out.dimension = std::string(dimension);
    out.values = values ? *values : dimension_values(indicator, dimension);
    for (const std::string& value : out.values) {
        IndicatorProgress row =
            detail::IndicatorProgressBuilder(indicator, options, {{out.dimension, value}}).run();
        const bool has_data = indicator.measure == Measure::qualitative ? row.actual_date.has_value()
                                                                         : row.actual.has_value();
        if (!has_data) out.missing.push_back(value);
        out.rows.push_back(std::move(row));
    }
    return out;
}

/// One indicator of a theory of change by `dimension`; throws ModelError for
/// an unknown indicator.
inline IndicatorBreakdown progress_by(const TheoryOfChange& toc, std::string_view indicator_id,
                                      std::string_view dimension, const ProgressOptions& options,
                                      const std::optional<std::vector<std::string>>& values = std::nullopt) {
    return progress_by(toc.indicator(indicator_id), dimension, options, values);
}

/// Every indicator of a theory of change that uses `dimension` (has a value
/// for it somewhere), in indicator order. With `values` given, each is
/// broken down over that list.
inline std::vector<IndicatorBreakdown> progress_by(const TheoryOfChange& toc, std::string_view dimension,
                                                   const ProgressOptions& options,
                                                   const std::optional<std::vector<std::string>>& values = std::nullopt) {
    if (dimension.empty()) throw std::invalid_argument("the dimension name must not be empty");
    options.tolerances.check();
    std::vector<IndicatorBreakdown> out;
    for (const Indicator& indicator : toc.indicators())
        if (!dimension_values(indicator, dimension).empty())
            out.push_back(progress_by(indicator, dimension, options, values));
    return out;
}

}  // namespace tocgraph
