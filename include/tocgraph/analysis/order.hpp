#pragma once
// Orderings of a ToC: a topological order (causes before effects) and the
// nodes grouped by level.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "../errors.hpp"
#include "../detail/graph/reach.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

inline const std::vector<GraphIndex::Vertex>& topological_vertex_order(const TheoryOfChange& toc);

/// A cycle was found where the analysis needs an acyclic graph.
class CycleError : public ModelError {
public:
    explicit CycleError(std::vector<std::string> cycle)
        : ModelError(cycle.empty() ? std::string() : cycle.front(), describe(cycle)),
          cycle_(std::move(cycle)) {}
    /// The ids along the cycle, first id repeated at the end.
    const std::vector<std::string>& cycle() const noexcept { return cycle_; }

private:
    static std::string describe(const std::vector<std::string>& cycle) {
        std::string out = "the links form a cycle: ";
        for (std::size_t i = 0; i < cycle.size(); ++i) out += (i ? " -> " : "") + cycle[i];
        return out;
    }
    std::vector<std::string> cycle_;
};

namespace detail {

[[noreturn]] inline void throw_cycle(const TheoryOfChange& toc, const std::vector<GraphIndex::Vertex>& cycle) {
    std::vector<std::string> ids;
    ids.reserve(cycle.size());
    for (auto v : cycle) ids.push_back(toc.id_of(v));
    throw CycleError(std::move(ids));
}

/// `vertices` (each once) ordered causes first, by Kahn's algorithm on the
/// links among them; throws CycleError on a cycle among them. O(their links).
inline VertexList topological_subset(const TheoryOfChange& toc, const VertexList& vertices) {
    const GraphIndex& index = toc.index();
    MarkerLease member(index.vertex_count());
    member->reserve_values();
    for (auto v : vertices) member->insert(v);
    for (auto v : vertices) {
        std::uint64_t indegree = 0;
        for (auto u : index.predecessors(v)) indegree += member->contains(u);
        member->value(v) = indegree;
    }
    VertexList order;
    order.reserve(vertices.size());
    for (auto v : vertices)
        if (member->value(v) == 0) order.push_back(v);
    for (std::size_t head = 0; head < order.size(); ++head)
        for (auto w : index.successors(order[head]))
            if (member->contains(w) && --member->value(w) == 0) order.push_back(w);
    if (order.size() == vertices.size()) return order;
    // Every vertex left has a predecessor that is left too: walk back until one repeats.
    // Start from the lowest vertex left, so the cycle named does not depend on search order.
    auto v = static_cast<GraphIndex::Vertex>(index.vertex_count());
    for (auto u : vertices)
        if (member->value(u) > 0) v = std::min(v, u);
    std::vector<GraphIndex::Vertex> walk;
    MarkerLease on_walk(index.vertex_count());
    on_walk->reserve_values();
    while (on_walk->insert(v)) {
        on_walk->value(v) = walk.size();
        walk.push_back(v);
        for (auto u : index.predecessors(v))
            if (member->contains(u) && member->value(u) > 0) {
                v = u;
                break;
            }
    }
    std::vector<GraphIndex::Vertex> cycle;  // walked against the links: reversed, so causes come first
    for (std::size_t i = walk.size(); i-- > on_walk->value(v);) cycle.push_back(walk[i]);
    cycle.push_back(cycle.front());
    throw_cycle(toc, cycle);
}

}  // namespace detail

/// Vertex numbers with every cause before its effects (topological_order by
/// vertex), kept with the read index until the next edit; throws CycleError
/// on a cycle. The reference is valid until the ToC is edited.
inline const std::vector<GraphIndex::Vertex>& topological_vertex_order(const TheoryOfChange& toc) {
    const GraphIndex& index = toc.index();
    if (const auto* order = index.topological_order()) return *order;
    detail::throw_cycle(toc, index.cycle());
}

/// Node ids with every cause before its effects; throws CycleError on a cycle.
inline std::vector<std::string> topological_order(const TheoryOfChange& toc) {
    std::vector<std::string> out;
    const auto& order = topological_vertex_order(toc);
    out.reserve(order.size());
    for (auto v : order) out.push_back(toc.id_of(v));
    return out;
}

/// The schema's levels, top first, each with the ids of its nodes.
inline std::vector<std::pair<Level, std::vector<std::string>>> levels(const TheoryOfChange& toc) {
    const GraphIndex& index = toc.index();
    std::vector<std::pair<Level, std::vector<std::string>>> out;
    for (std::size_t rank = 0; rank < toc.schema().levels().size(); ++rank) {
        auto& [level, ids] = out.emplace_back(toc.schema().levels()[rank], std::vector<std::string>{});
        for (auto v : index.at_level(rank)) ids.push_back(toc.id_of(v));
    }
    return out;
}

}  // namespace tocgraph
