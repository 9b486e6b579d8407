#pragma once
// What-if removal: cut some nodes (usually activities) and see which results
// lose all support and what share of the activity-to-goal paths is lost.

#include <string>
#include <string_view>
#include <vector>

#include "big_count.hpp"
#include "../detail/traversal.hpp"
#include "../theory_of_change.hpp"
#include "paths.hpp"

namespace tocgraph {

struct RemovalImpact {
    std::vector<std::string> removed;
    /// Nodes that some activity fed before the removal and none feeds after
    /// (the removed nodes themselves excluded), in node insertion order.
    std::vector<std::string> unsupported;
    BigCount paths_before;  ///< activity-to-goal paths, summed over the goals
    BigCount paths_after;
    /// paths lost / paths before, 0 when there were none.
    double share_of_paths_lost() const {
        return paths_before.is_zero() ? 0.0 : 1.0 - ratio(paths_after, paths_before);
    }
};

/// The effect of removing the nodes `ids` from the ToC, which is not changed.
/// Throws ModelError on an unknown id, CycleError if a cycle lies below a goal.
inline RemovalImpact what_if_removed(const TheoryOfChange& toc, const std::vector<std::string>& ids) {
    const auto& g = toc.graph();
    std::vector<char> cut(toc.node_count(), 0);
    RemovalImpact impact;
    for (const std::string& id : ids) {
        const std::size_t v = toc.vertex_of(id);
        if (!cut[v]) impact.removed.push_back(id);
        cut[v] = 1;
    }
    const auto activities = detail::vertices_with_role(toc, LevelRole::activity);
    const auto before = detail::reachable(g, activities, detail::Direction::up);
    const auto after = detail::reachable(g, activities, detail::Direction::up, &cut);
    for (std::size_t v = 0; v < before.size(); ++v)
        if (before[v] && !after[v] && !cut[v]) impact.unsupported.push_back(g[v].id);
    for (std::size_t goal : detail::vertices_with_role(toc, LevelRole::goal)) {
        impact.paths_before += detail::count_paths_between(toc, activities, goal);
        if (!cut[goal]) impact.paths_after += detail::count_paths_between(toc, activities, goal, &cut);
    }
    return impact;
}

}  // namespace tocgraph
