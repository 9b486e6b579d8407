#pragma once
// The coverage results field by field (described.hpp): the one list of their
// members that their JSON (json.hpp) and their Python classes read.

#include <tuple>

#include "../described.hpp"
#include "coverage.hpp"

namespace tocgraph {

template <>
struct Described<LevelCoverage> {
    using L = LevelCoverage;
    static constexpr std::tuple fields{
        Field{"level", &L::level, "The level of the schema."},
        Field{"nodes", &L::nodes, "Its number of nodes."},
        Field{"with_indicators", &L::with_indicators, "Nodes measured by at least one indicator."},
        Field{"with_contributors", &L::with_contributors, "Nodes with at least one link into them."},
        Field{"with_activities", &L::with_activities,
              "Nodes with some activity beneath them (activities count themselves)."}};
};

template <>
struct Described<Coverage> {
    using C = Coverage;
    static constexpr std::tuple fields{
        Field{"levels", &C::levels, "One LevelCoverage per level of the schema, top first."},
        Field{"indicators", &C::indicators, "The number of indicators."},
        Field{"indicators_with_baseline", &C::indicators_with_baseline, "Indicators with a baseline."},
        Field{"indicators_with_targets", &C::indicators_with_targets, "Indicators with a target."},
        Field{"indicators_with_actuals", &C::indicators_with_actuals, "Indicators with an actual value."}};
};

}  // namespace tocgraph
