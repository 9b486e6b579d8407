#pragma once
// What-if removal: cut some nodes (usually activities) and see which results
// lose all support and what share of the activity-to-goal paths is lost.

#include <string>
#include <string_view>
#include <vector>

#include "big_count.hpp"
#include "../detail/graph/reach.hpp"
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
    const GraphIndex& index = toc.index();
    detail::MarkerLease cut(index.vertex_count());
    RemovalImpact impact;
    for (const std::string& id : ids)
        if (cut->insert(toc.vertex_of(id))) impact.removed.push_back(id);
    const auto activities = index.with_role(LevelRole::activity);
    detail::MarkerLease before(index.vertex_count()), after(index.vertex_count());
    auto lost = detail::reach(index, activities, detail::Direction::up, *before);
    detail::reach(index, activities, detail::Direction::up, *after, &*cut);
    std::erase_if(lost, [&](auto v) { return after->contains(v) || cut->contains(v); });
    std::sort(lost.begin(), lost.end());
    for (auto v : lost) impact.unsupported.push_back(toc.id_of(v));
    for (auto goal : index.with_role(LevelRole::goal)) {
        impact.paths_before += detail::count_paths_between(toc, activities, goal);
        if (!cut->contains(goal)) impact.paths_after += detail::count_paths_between(toc, activities, goal, &*cut);
    }
    return impact;
}

}  // namespace tocgraph
