#pragma once
// Orderings of a ToC: a topological order (causes before effects) and the
// nodes grouped by level.

#include <string>
#include <utility>
#include <vector>

#include "../errors.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

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

/// Kahn's algorithm over the vertices flagged in `include` (all when empty).
/// Returns the order, or a cycle through the vertices left over.
inline std::vector<std::size_t> topological_vertices(const TheoryOfChange& toc,
                                                     const std::vector<char>& include = {}) {
    const auto& g = toc.graph();
    const std::size_t n = toc.node_count();
    auto in = [&](std::size_t v) { return include.empty() || include[v]; };
    std::vector<std::size_t> indegree(n, 0), order;
    order.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        if (!in(v)) continue;
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
            if (in(boost::source(*it, g))) ++indegree[v];
        if (indegree[v] == 0) order.push_back(v);
    }
    for (std::size_t head = 0; head < order.size(); ++head)
        for (auto [it, end] = boost::out_edges(order[head], g); it != end; ++it) {
            const std::size_t w = boost::target(*it, g);
            if (in(w) && --indegree[w] == 0) order.push_back(w);
        }
    std::size_t expected = 0;
    for (std::size_t v = 0; v < n; ++v) expected += in(v) ? 1 : 0;
    if (order.size() == expected) return order;
    // Every vertex left has a predecessor that is left too: walk back until one repeats.
    std::size_t v = 0;
    while (!(in(v) && indegree[v] > 0)) ++v;
    std::vector<std::size_t> position(n, SIZE_MAX), walk;
    while (position[v] == SIZE_MAX) {
        position[v] = walk.size();
        walk.push_back(v);
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
            const std::size_t u = boost::source(*it, g);
            if (in(u) && indegree[u] > 0) {
                v = u;
                break;
            }
        }
    }
    std::vector<std::string> cycle;
    for (std::size_t i = walk.size(); i-- > position[v];) cycle.push_back(g[walk[i]].id);
    cycle.push_back(cycle.front());  // walked against the links: reversed, so causes come first
    throw CycleError(std::move(cycle));
}

}  // namespace detail

/// Node ids with every cause before its effects; throws CycleError on a cycle.
inline std::vector<std::string> topological_order(const TheoryOfChange& toc) {
    std::vector<std::string> out;
    for (std::size_t v : detail::topological_vertices(toc)) out.push_back(toc.graph()[v].id);
    return out;
}

/// The schema's levels, top first, each with the ids of its nodes.
inline std::vector<std::pair<Level, std::vector<std::string>>> levels(const TheoryOfChange& toc) {
    std::vector<std::pair<Level, std::vector<std::string>>> out;
    for (const Level& level : toc.schema().levels()) out.push_back({level, {}});
    for (const Node& n : toc.nodes()) out[*toc.schema().rank(n.level)].second.push_back(n.id);
    return out;
}

}  // namespace tocgraph
