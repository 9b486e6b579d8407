#pragma once
// Breadth-first reachability over a GraphIndex, upwards (along links, to
// effects) or downwards (against links, to contributors), costing O(what it
// reaches): the visited set is a VisitMarker, the answer a list of vertices.

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "../../graph_index.hpp"
#include "visit_marker.hpp"

namespace tocgraph::detail {

enum class Direction { up, down };

using VertexList = std::vector<GraphIndex::Vertex>;

/// Marks in `seen` every vertex reachable from `starts` (the starts included)
/// and returns them in visit order. Vertices already marked in `seen`, and
/// those marked in `blocked` if given, are neither entered nor left; with
/// `within`, only vertices marked there are entered.
inline VertexList reach(const GraphIndex& index, std::span<const GraphIndex::Vertex> starts, Direction direction,
                        VisitMarker& seen, const VisitMarker* blocked = nullptr,
                        const VisitMarker* within = nullptr) {
    auto enterable = [&](std::size_t v) {
        return !(blocked && blocked->contains(v)) && !(within && !within->contains(v));
    };
    VertexList queue;
    for (GraphIndex::Vertex s : starts)
        if (enterable(s) && seen.insert(s)) queue.push_back(s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const auto next = direction == Direction::up ? index.successors(queue[head]) : index.predecessors(queue[head]);
        for (GraphIndex::Vertex w : next)
            if (enterable(w) && seen.insert(w)) queue.push_back(w);
    }
    return queue;
}

/// The vertices of `found` (all marked in `seen`) in ascending order, i.e. in
/// node insertion order: a sort for a small answer, a scan of the marks for a
/// large one, whichever is cheaper.
inline VertexList in_insertion_order(VertexList found, const VisitMarker& seen, std::size_t vertex_count) {
    if (found.size() * 16 < vertex_count) {
        std::sort(found.begin(), found.end());
        return found;
    }
    VertexList out;
    out.reserve(found.size());
    for (std::size_t v = 0; v < vertex_count; ++v)
        if (seen.contains(v)) out.push_back(static_cast<GraphIndex::Vertex>(v));
    return out;
}

}  // namespace tocgraph::detail
