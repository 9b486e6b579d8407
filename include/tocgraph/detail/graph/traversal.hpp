#pragma once
// Whole-graph reachability as marks by vertex (O(n) a call), for the callers
// that want every vertex marked or not; queries use detail/graph/reach.hpp,
// which costs O(what it reaches).

#include <cstddef>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "../../theory_of_change.hpp"
#include "reach.hpp"

namespace tocgraph::detail {

/// Marks every vertex reachable from `starts` (the starts included) in one direction.
/// `blocked` vertices, if given, are neither entered nor left.
inline std::vector<char> reachable(const TheoryOfChange::Graph& g,
                                   const std::vector<std::size_t>& starts, Direction direction,
                                   const std::vector<char>* blocked = nullptr) {
    std::vector<char> seen(boost::num_vertices(g), 0);
    std::vector<std::size_t> queue;
    queue.reserve(starts.size());
    for (std::size_t s : starts)
        if (!seen[s] && !(blocked && (*blocked)[s])) {
            seen[s] = 1;
            queue.push_back(s);
        }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t v = queue[head];
        auto visit = [&](std::size_t w) {
            if (!seen[w] && !(blocked && (*blocked)[w])) {
                seen[w] = 1;
                queue.push_back(w);
            }
        };
        if (direction == Direction::up) {
            for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) visit(boost::target(*it, g));
        } else {
            for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) visit(boost::source(*it, g));
        }
    }
    return seen;
}

/// Vertices whose level has the given role.
inline std::vector<std::size_t> vertices_with_role(const TheoryOfChange& toc, LevelRole role) {
    const auto vertices = toc.index().with_role(role);
    return {vertices.begin(), vertices.end()};
}

/// Ids of the marked vertices, in node insertion order.
inline std::vector<std::string> ids_of(const TheoryOfChange& toc, const std::vector<char>& marked) {
    std::vector<std::string> out;
    const auto& g = toc.graph();
    for (std::size_t v = 0; v < marked.size(); ++v)
        if (marked[v]) out.push_back(g[v].id);
    return out;
}

}  // namespace tocgraph::detail
