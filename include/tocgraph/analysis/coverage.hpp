#pragma once
// Coverage: per level, how much of the ToC is measured and supported; and how
// complete the indicators are.

#include <vector>

#include "../detail/graph/reach.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

struct LevelCoverage {
    Level level;
    std::size_t nodes = 0;
    std::size_t with_indicators = 0;   ///< measured by at least one indicator
    std::size_t with_contributors = 0; ///< at least one link into it
    std::size_t with_activities = 0;   ///< some activity beneath it (activities count themselves)
    friend bool operator==(const LevelCoverage&, const LevelCoverage&) = default;
};

struct Coverage {
    std::vector<LevelCoverage> levels;  ///< top first, every level of the schema
    std::size_t indicators = 0;
    std::size_t indicators_with_baseline = 0;
    std::size_t indicators_with_targets = 0;
    std::size_t indicators_with_actuals = 0;
    friend bool operator==(const Coverage&, const Coverage&) = default;
};

inline Coverage coverage(const TheoryOfChange& toc) {
    Coverage out;
    for (const Level& level : toc.schema().levels()) out.levels.push_back({level});
    std::vector<char> measured(toc.node_count(), 0);
    for (const Indicator& i : toc.indicators()) {
        measured[toc.vertex_of(i.node)] = 1;
        ++out.indicators;
        out.indicators_with_baseline += i.baselines.empty() ? 0 : 1;
        out.indicators_with_targets += i.targets.empty() ? 0 : 1;
        out.indicators_with_actuals += i.actuals.empty() ? 0 : 1;
    }
    const GraphIndex& index = toc.index();
    detail::MarkerLease supported(index.vertex_count());
    detail::reach(index, index.with_role(LevelRole::activity), detail::Direction::up, *supported);
    for (std::size_t v = 0; v < toc.node_count(); ++v) {
        LevelCoverage& row = out.levels[index.level_rank(v)];
        ++row.nodes;
        row.with_indicators += measured[v];
        row.with_contributors += index.predecessors(v).empty() ? 0 : 1;
        row.with_activities += supported->contains(v) ? 1 : 0;
    }
    return out;
}

}  // namespace tocgraph
