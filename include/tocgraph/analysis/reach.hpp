#pragma once
// What feeds a result and what a node feeds: transitive contributors and effects.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/traversal.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

namespace detail {

/// The vertices that contribute to `v` (optionally only those at `level`), `v` excluded.
inline std::vector<char> contributor_marks(const TheoryOfChange& toc, std::size_t v,
                                           std::optional<std::string_view> level = std::nullopt) {
    if (level) toc.schema().level(*level);  // throws on an unknown level
    auto marked = reachable(toc.graph(), {v}, Direction::down);
    marked[v] = 0;
    if (level)
        for (std::size_t u = 0; u < marked.size(); ++u)
            if (marked[u] && toc.graph()[u].level != *level) marked[u] = 0;
    return marked;
}

/// The vertices `v` contributes to, `v` excluded.
inline std::vector<char> effect_marks(const TheoryOfChange& toc, std::size_t v) {
    auto marked = reachable(toc.graph(), {v}, Direction::up);
    marked[v] = 0;
    return marked;
}

}  // namespace detail

/// Every node that contributes to `id` directly or through other results,
/// optionally only those at `level`; in node insertion order, `id` excluded.
inline std::vector<std::string> contributors(const TheoryOfChange& toc, std::string_view id,
                                             std::optional<std::string_view> level = std::nullopt) {
    return detail::ids_of(toc, detail::contributor_marks(toc, toc.vertex_of(id), level));
}

/// Every node that `id` contributes to, directly or further up; `id` excluded.
inline std::vector<std::string> effects(const TheoryOfChange& toc, std::string_view id) {
    return detail::ids_of(toc, detail::effect_marks(toc, toc.vertex_of(id)));
}

}  // namespace tocgraph
