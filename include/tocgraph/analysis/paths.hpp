#pragma once
// Causal paths from a cause to an effect: listed (bounded) or counted exactly.
//
// Counting does not enumerate: in a topological order of the nodes lying
// between source and target, paths(v) = sum of paths(u) over links u -> v.
// The sums are exact BigCounts, because layered graphs pass 2**64 paths at a
// few dozen levels.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "big_count.hpp"
#include "../detail/graph/reach.hpp"
#include "../theory_of_change.hpp"
#include "order.hpp"

namespace tocgraph {

namespace detail {

/// The vertices lying on some path from `sources` to `target` (both ends
/// included), none of them `blocked`, marked in `between` and listed causes
/// first. Throws CycleError if the links among them form a cycle.
inline VertexList vertices_between(const TheoryOfChange& toc, std::span<const GraphIndex::Vertex> sources,
                                   GraphIndex::Vertex target, VisitMarker& between,
                                   const VisitMarker* blocked = nullptr) {
    const GraphIndex& index = toc.index();
    MarkerLease below(index.vertex_count());
    reach(index, {&target, 1}, Direction::down, *below, blocked);
    // Upwards from the sources, entering only what lies below the target.
    VertexList found = reach(index, sources, Direction::up, between, blocked, &*below);
    if (!between.contains(target)) return {};
    if (const auto* all = index.topological_order()) {
        if (found.size() * 16 < all->size()) {
            const auto& position = index.topological_position();
            std::sort(found.begin(), found.end(), [&](auto a, auto b) { return position[a] < position[b]; });
            return found;
        }
        VertexList order;
        order.reserve(found.size());
        for (auto v : *all)
            if (between.contains(v)) order.push_back(v);
        return order;
    }
    return topological_subset(toc, found);  // only this part must be acyclic
}

/// Number of paths from any of `sources` to `target`, with `blocked` vertices
/// removed. Only the part of the graph between them must be acyclic. Counts
/// in 64 bits while they fit (nearly always), exactly beyond.
inline BigCount count_paths_between(const TheoryOfChange& toc, std::span<const GraphIndex::Vertex> sources,
                                    GraphIndex::Vertex target, const VisitMarker* blocked = nullptr) {
    const GraphIndex& index = toc.index();
    MarkerLease between(index.vertex_count());
    between->reserve_values();
    const VertexList order = vertices_between(toc, sources, target, *between, blocked);
    if (order.empty()) return BigCount{};
    MarkerLease source(index.vertex_count());
    for (auto s : sources) source->insert(s);

    bool overflow = false;
    for (auto v : order) {
        std::uint64_t paths = source->contains(v) ? 1 : 0;
        for (auto u : index.predecessors(v))
            if (between->contains(u)) overflow |= __builtin_add_overflow(paths, between->value(u), &paths);
        between->value(v) = paths;
        if (overflow) break;
    }
    if (!overflow) return BigCount(between->value(target));

    // Layered graphs pass 2**64 paths at a few dozen levels: count exactly.
    std::vector<BigCount> count(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) between->value(order[i]) = i;  // slot: position in order
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (source->contains(order[i])) count[i] += 1;
        for (auto u : index.predecessors(order[i]))
            if (between->contains(u)) count[i] += count[between->value(u)];
    }
    return count.back();  // the target comes last: everything between lies below it
}

/// count_paths_between for a vertex list given as size_t.
inline BigCount count_paths_between(const TheoryOfChange& toc, const std::vector<std::size_t>& sources,
                                    std::size_t target, const VisitMarker* blocked = nullptr) {
    const VertexList narrow(sources.begin(), sources.end());
    return count_paths_between(toc, std::span<const GraphIndex::Vertex>(narrow),
                               static_cast<GraphIndex::Vertex>(target), blocked);
}

}  // namespace detail

/// The exact number of distinct paths from `source` to `target` along links.
/// Throws CycleError if a cycle lies between them.
inline BigCount count_paths(const TheoryOfChange& toc, std::string_view source, std::string_view target) {
    const auto s = static_cast<GraphIndex::Vertex>(toc.vertex_of(source));
    return detail::count_paths_between(toc, std::span<const GraphIndex::Vertex>(&s, 1),
                                       static_cast<GraphIndex::Vertex>(toc.vertex_of(target)));
}

/// The number of paths from every activity to `target` (usually the goal).
inline BigCount count_activity_paths(const TheoryOfChange& toc, std::string_view target) {
    return detail::count_paths_between(toc, toc.index().with_role(LevelRole::activity),
                                       static_cast<GraphIndex::Vertex>(toc.vertex_of(target)));
}

/// Up to `limit` paths from `source` to `target`, each the list of ids along
/// it, in depth-first order following links in insertion order. Works on
/// cyclic graphs too: a path never visits a node twice.
inline std::vector<std::vector<std::string>> paths(const TheoryOfChange& toc, std::string_view source,
                                                   std::string_view target, std::size_t limit = 1000) {
    const GraphIndex& index = toc.index();
    const auto s = static_cast<GraphIndex::Vertex>(toc.vertex_of(source));
    const auto t = static_cast<GraphIndex::Vertex>(toc.vertex_of(target));
    detail::MarkerLease useful(index.vertex_count());  // what reaches the target: prunes dead ends
    detail::reach(index, {&t, 1}, detail::Direction::down, *useful);
    std::vector<std::vector<std::string>> out;
    if (!useful->contains(s) || limit == 0) return out;
    // Iterative DFS: a stack of (vertex, next out-link) frames, so long chains are fine.
    struct Frame {
        GraphIndex::Vertex v;
        std::size_t next;
    };
    std::vector<Frame> stack;
    detail::MarkerLease on_path(index.vertex_count());
    auto push = [&](GraphIndex::Vertex v) {
        stack.push_back({v, 0});
        on_path->insert(v);
    };
    push(s);
    while (!stack.empty() && out.size() < limit) {
        Frame& top = stack.back();
        if (top.v == t) {
            std::vector<std::string> path;
            path.reserve(stack.size());
            for (const Frame& f : stack) path.push_back(toc.id_of(f.v));
            out.push_back(std::move(path));
        } else {
            const auto next = index.successors(top.v);
            bool pushed = false;
            while (top.next < next.size()) {
                const GraphIndex::Vertex w = next[top.next++];
                if (useful->contains(w) && !on_path->contains(w)) {
                    push(w);  // invalidates `top`
                    pushed = true;
                    break;
                }
            }
            if (pushed) continue;
        }
        on_path->erase(stack.back().v);
        stack.pop_back();
    }
    return out;
}

}  // namespace tocgraph
