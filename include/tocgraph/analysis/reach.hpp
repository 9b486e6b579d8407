#pragma once
// What feeds a result and what a node feeds: transitive contributors and effects.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/traversal.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

/// Every node that contributes to `id` directly or through other results,
/// optionally only those at `level`; in node insertion order, `id` excluded.
inline std::vector<std::string> contributors(const TheoryOfChange& toc, std::string_view id,
                                             std::optional<std::string_view> level = std::nullopt) {
    const std::size_t v = toc.vertex_of(id);
    if (level) toc.schema().level(*level);  // throws on an unknown level
    auto marked = detail::reachable(toc.graph(), {v}, detail::Direction::down);
    marked[v] = 0;
    if (level)
        for (std::size_t u = 0; u < marked.size(); ++u)
            if (marked[u] && toc.graph()[u].level != *level) marked[u] = 0;
    return detail::ids_of(toc, marked);
}

/// Every node that `id` contributes to, directly or further up; `id` excluded.
inline std::vector<std::string> effects(const TheoryOfChange& toc, std::string_view id) {
    const std::size_t v = toc.vertex_of(id);
    auto marked = detail::reachable(toc.graph(), {v}, detail::Direction::up);
    marked[v] = 0;
    return detail::ids_of(toc, marked);
}

}  // namespace tocgraph
