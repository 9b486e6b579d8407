#pragma once
// Causal paths from a cause to an effect: listed (bounded) or counted exactly.
//
// Counting does not enumerate: in a topological order of the nodes lying
// between source and target, paths(v) = sum of paths(u) over links u -> v.
// The sums are exact BigCounts, because layered graphs pass 2**64 paths at a
// few dozen levels.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "big_count.hpp"
#include "../detail/traversal.hpp"
#include "../theory_of_change.hpp"
#include "order.hpp"

namespace tocgraph {

namespace detail {

/// Number of paths from any of `sources` to `target`, with `blocked` vertices
/// removed. Only the part of the graph between them must be acyclic.
inline BigCount count_paths_between(const TheoryOfChange& toc, const std::vector<std::size_t>& sources,
                                    std::size_t target, const std::vector<char>* blocked = nullptr) {
    const auto& g = toc.graph();
    auto below = reachable(g, {target}, Direction::down, blocked);
    auto above = reachable(g, sources, Direction::up, blocked);
    std::vector<char> between(below.size());
    for (std::size_t v = 0; v < between.size(); ++v) between[v] = below[v] && above[v];
    if (!between[target]) return BigCount{};
    std::vector<BigCount> count(toc.node_count());
    for (std::size_t s : sources)
        if (between[s]) count[s] += 1;
    for (std::size_t v : topological_vertices(toc, between))
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
            const std::size_t w = boost::target(*it, g);
            if (between[w]) count[w] += count[v];
        }
    return count[target];
}

}  // namespace detail

/// The exact number of distinct paths from `source` to `target` along links.
/// Throws CycleError if a cycle lies between them.
inline BigCount count_paths(const TheoryOfChange& toc, std::string_view source, std::string_view target) {
    return detail::count_paths_between(toc, {toc.vertex_of(source)}, toc.vertex_of(target));
}

/// The number of paths from every activity to `target` (usually the goal).
inline BigCount count_activity_paths(const TheoryOfChange& toc, std::string_view target) {
    return detail::count_paths_between(toc, detail::vertices_with_role(toc, LevelRole::activity),
                                       toc.vertex_of(target));
}

/// Up to `limit` paths from `source` to `target`, each the list of ids along
/// it, in depth-first order following links in insertion order. Works on
/// cyclic graphs too: a path never visits a node twice.
inline std::vector<std::vector<std::string>> paths(const TheoryOfChange& toc, std::string_view source,
                                                   std::string_view target, std::size_t limit = 1000) {
    const auto& g = toc.graph();
    const std::size_t s = toc.vertex_of(source), t = toc.vertex_of(target);
    const auto useful = detail::reachable(g, {t}, detail::Direction::down);  // prune dead ends
    std::vector<std::vector<std::string>> out;
    if (!useful[s] || limit == 0) return out;
    // Iterative DFS: a stack of (vertex, next out-edge) frames, so long chains are fine.
    using OutIt = TheoryOfChange::Graph::out_edge_iterator;
    struct Frame {
        std::size_t v;
        OutIt next, end;
    };
    std::vector<Frame> stack;
    std::vector<char> on_path(toc.node_count(), 0);
    auto push = [&](std::size_t v) {
        auto [b, e] = boost::out_edges(v, g);
        stack.push_back({v, b, e});
        on_path[v] = 1;
    };
    push(s);
    while (!stack.empty() && out.size() < limit) {
        Frame& top = stack.back();
        if (top.v == t) {
            std::vector<std::string> path;
            path.reserve(stack.size());
            for (const Frame& f : stack) path.push_back(g[f.v].id);
            out.push_back(std::move(path));
        } else {
            bool pushed = false;
            while (top.next != top.end) {
                const std::size_t w = boost::target(*top.next++, g);
                if (useful[w] && !on_path[w]) {
                    push(w);  // invalidates `top`
                    pushed = true;
                    break;
                }
            }
            if (pushed) continue;
        }
        on_path[stack.back().v] = 0;
        stack.pop_back();
    }
    return out;
}

}  // namespace tocgraph
