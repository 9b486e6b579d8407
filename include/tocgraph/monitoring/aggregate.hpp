#pragma once
// Combining the values of one period reported for several dimension values
// (e.g. one per Member State) into one figure, by the indicator's
// aggregation rule, as far as its measure allows.
//
//   sum      the values added up                 unit only
//   mean     their arithmetic mean               unit, percentage, ordinal
//   ratio    sum of numerators / sum of denominators (x100 for a percentage)
//                                                unit, percentage
//   latest   the last value listed               every numeric measure
//   min/max  the smallest / largest value        unit, percentage, ordinal
//   none     no total: the values are reported per dimension only
//
// Percentages and scores on an ordinal scale do not add up, and the codes of
// a nominal measure have neither order nor arithmetic, so those combinations
// give no figure and say why.

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>

#include "../enums.hpp"

namespace tocgraph {

/// One value to combine: a number, and for ratios its two parts.
struct ValuePart {
    std::optional<double> value;
    std::optional<double> numerator;
    std::optional<double> denominator;
};

/// A combined figure, or why there is none.
struct Aggregate {
    std::optional<double> value;
    std::string problem;  ///< empty when `value` is set
};

/// True if the aggregation rule gives a figure for values of this measure.
inline bool aggregation_applies(Aggregation aggregation, Measure measure) {
    switch (measure) {
        case Measure::unit: return aggregation != Aggregation::none;
        case Measure::percentage:
            return aggregation != Aggregation::none && aggregation != Aggregation::sum;
        case Measure::ordinal:
            return aggregation == Aggregation::mean || aggregation == Aggregation::latest ||
                   aggregation == Aggregation::min || aggregation == Aggregation::max;
        case Measure::nominal: return aggregation == Aggregation::latest;
        case Measure::qualitative: return false;
    }
    return false;
}

/// Combines `parts` (in the order they are listed) by `aggregation`. Parts
/// must carry a finite value, or for ratio a finite numerator and denominator;
/// an empty span, a part without one, or a zero sum of denominators gives no
/// figure.
inline Aggregate aggregate(std::span<const ValuePart> parts, Aggregation aggregation, Measure measure) {
    const std::string rule(to_string(aggregation));
    if (measure == Measure::qualitative) return {std::nullopt, "a qualitative indicator has no numbers to combine"};
    if (aggregation == Aggregation::none)
        return {std::nullopt, "aggregation \"none\": values are reported per dimension only"};
    if (!aggregation_applies(aggregation, measure))
        return {std::nullopt, "aggregation \"" + rule + "\" does not apply to a " +
                                  std::string(to_string(measure)) + " measure"};
    if (parts.empty()) return {std::nullopt, "no values to combine"};
    auto finite = [](const std::optional<double>& x) { return x && std::isfinite(*x); };

    if (aggregation == Aggregation::ratio) {
        double numerators = 0.0, denominators = 0.0;
        for (const ValuePart& p : parts) {
            if (!finite(p.numerator) || !finite(p.denominator))
                return {std::nullopt, "aggregation \"ratio\" needs a numerator and a denominator on every value"};
            numerators += *p.numerator;
            denominators += *p.denominator;
        }
        if (denominators == 0.0) return {std::nullopt, "the denominators add up to 0"};
        const double ratio = numerators / denominators;
        return {measure == Measure::percentage ? 100.0 * ratio : ratio, {}};
    }
    for (const ValuePart& p : parts)
        if (!finite(p.value)) return {std::nullopt, "a value to combine is not a number"};
    switch (aggregation) {
        case Aggregation::sum: {
            double total = 0.0;
            for (const ValuePart& p : parts) total += *p.value;
            return {total, {}};
        }
        case Aggregation::mean: {
            double total = 0.0;
            for (const ValuePart& p : parts) total += *p.value;
            return {total / static_cast<double>(parts.size()), {}};
        }
        case Aggregation::latest: return {*parts.back().value, {}};
        case Aggregation::min:
            return {*std::ranges::min(parts, {}, [](const ValuePart& p) { return *p.value; }).value, {}};
        case Aggregation::max:
            return {*std::ranges::max(parts, {}, [](const ValuePart& p) { return *p.value; }).value, {}};
        case Aggregation::ratio:
        case Aggregation::none: break;  // handled above
    }
    return {std::nullopt, "aggregation \"" + rule + "\" is not supported"};
}

}  // namespace tocgraph
