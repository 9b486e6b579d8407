#pragma once
// Small builders for the monitoring tests: indicators, values and options
// written in one line each, so every test case reads as its hand computation
// (the general builders, day(), year() and baseline() among them, are in
// model_fixtures.hpp).

#include <optional>
#include <string>
#include <utility>

#include <tocgraph/indicator.hpp>
#include <tocgraph/monitoring.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

inline ProgressOptions as_of(const char* iso, Tolerances tolerances = {}) { return {day(iso), tolerances}; }

/// A value for a period, optionally disaggregated.
inline PeriodValue value(const char* start, const char* end, std::optional<double> v, Dimensions dimensions = {},
                         std::string comment = {}) {
    PeriodValue out;
    out.period = {day(start), day(end)};
    out.value = v;
    out.dimensions = std::move(dimensions);
    out.comment = std::move(comment);
    return out;
}

/// A ratio value for a calendar year: numerator / denominator.
inline PeriodValue ratio_year(int y, double numerator, double denominator, Dimensions dimensions = {}) {
    PeriodValue out = year(y, std::nullopt, std::move(dimensions));
    out.numerator = numerator;
    out.denominator = denominator;
    return out;
}

inline Indicator indicator(Accumulation accumulation, Aggregation aggregation = Aggregation::sum,
                           Measure measure = Measure::unit, bool ascending = true) {
    Indicator out;
    out.id = "i";
    out.node = "n";
    out.accumulation = accumulation;
    out.aggregation = aggregation;
    out.measure = measure;
    out.ascending = ascending;
    return out;
}

inline Dimensions country(const char* code) { return {{"country", code}}; }

inline bool has_note(const IndicatorProgress& p, const std::string& fragment) {
    for (const std::string& n : p.notes)
        if (n.find(fragment) != std::string::npos) return true;
    return false;
}

}  // namespace tocgraph::test
