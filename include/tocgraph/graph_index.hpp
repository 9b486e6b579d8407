#pragma once
// GraphIndex: a compact, read-only index of a ToC's links by vertex number,
// so that a query costs in proportion to what it reaches, not to the graph.
//
//   const tocgraph::GraphIndex& index = toc.index();
//   for (auto w : index.predecessors(toc.vertex_of("oc1"))) ...  // direct contributors
//
// Links are kept as compressed sparse rows in both directions (the sources of
// the links into each vertex, the targets of the links out of it: 8 bytes a
// link), with each vertex's level rank and role, the vertices grouped by
// level and by role, and a topological order computed on first use.
//
// TheoryOfChange builds it on first use after an edit (index()), under a lock,
// so any number of threads may read one ToC at once; an edit drops it. A
// vertex number is a node's position in insertion order: valid until the next
// edit, like the index itself.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "enums.hpp"
#include "level_schema.hpp"

namespace tocgraph {

class GraphIndex {
public:
    using Vertex = std::uint32_t;

    /// The index of a Boost.Graph bidirectional graph whose vertex bundles
    /// have a `level` (read against `schema`).
    template <typename Graph>
    GraphIndex(const Graph& g, const LevelSchema& schema);

    GraphIndex(const GraphIndex&) = delete;
    GraphIndex& operator=(const GraphIndex&) = delete;

    std::size_t vertex_count() const noexcept { return rank_.size(); }
    std::size_t link_count() const noexcept { return targets_.size(); }

    /// Targets of the links out of v (what v contributes to directly), in link order.
    std::span<const Vertex> successors(std::size_t v) const noexcept {
        return {targets_.data() + out_begin_[v], targets_.data() + out_begin_[v + 1]};
    }
    /// Sources of the links into v (what contributes to v directly), in link order.
    std::span<const Vertex> predecessors(std::size_t v) const noexcept {
        return {sources_.data() + in_begin_[v], sources_.data() + in_begin_[v + 1]};
    }

    /// The rank of v's level in the schema (0 = top).
    std::size_t level_rank(std::size_t v) const noexcept { return rank_[v]; }
    LevelRole role(std::size_t v) const noexcept { return role_of_rank_[rank_[v]]; }
    /// The vertices at one level rank, ascending.
    std::span<const Vertex> at_level(std::size_t rank) const noexcept {
        return {by_level_.data() + level_begin_[rank], by_level_.data() + level_begin_[rank + 1]};
    }
    /// The vertices whose level has `role`, ascending.
    std::span<const Vertex> with_role(LevelRole role) const noexcept {
        const auto r = static_cast<std::size_t>(role);
        return {by_role_.data() + role_begin_[r], by_role_.data() + role_begin_[r + 1]};
    }

    /// Every vertex, causes before effects, or nullptr when the links form a
    /// cycle (cycle() then gives one). Computed once, on first use.
    const std::vector<Vertex>* topological_order() const {
        std::call_once(order_once_, [this] { compute_order(); });
        return cyclic_ ? nullptr : &order_;
    }
    /// position[v] in topological_order(); empty when cyclic.
    const std::vector<Vertex>& topological_position() const {
        topological_order();
        return position_;
    }
    /// A cycle, causes first, the first vertex repeated at the end; empty when acyclic.
    const std::vector<Vertex>& cycle() const {
        topological_order();
        return cycle_;
    }

private:
    static constexpr std::size_t role_count = static_cast<std::size_t>(LevelRole::input) + 1;

    void compute_order() const;
    void group_by_level_and_role(std::size_t levels);

    std::vector<std::uint32_t> out_begin_, in_begin_;  // n + 1 row starts
    std::vector<Vertex> targets_, sources_;            // one per link
    std::vector<std::uint16_t> rank_;                  // level rank per vertex
    std::vector<LevelRole> role_of_rank_;
    std::vector<std::uint32_t> level_begin_, role_begin_;
    std::vector<Vertex> by_level_, by_role_;

    mutable std::once_flag order_once_;
    mutable std::vector<Vertex> order_, position_, cycle_;
    mutable bool cyclic_ = false;
};

template <typename Graph>
GraphIndex::GraphIndex(const Graph& g, const LevelSchema& schema) {
    const std::size_t n = boost::num_vertices(g);
    // Level ids to ranks once, rather than a search of the schema per vertex.
    std::unordered_map<std::string_view, std::uint16_t> ranks;
    for (const Level& level : schema.levels()) {
        ranks.emplace(level.id, static_cast<std::uint16_t>(ranks.size()));
        role_of_rank_.push_back(level.role);
    }
    rank_.resize(n);
    out_begin_.assign(n + 1, 0);
    in_begin_.assign(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        rank_[v] = ranks.at(g[v].level);
        out_begin_[v + 1] = out_begin_[v] + static_cast<std::uint32_t>(boost::out_degree(v, g));
        in_begin_[v + 1] = in_begin_[v] + static_cast<std::uint32_t>(boost::in_degree(v, g));
    }
    targets_.resize(out_begin_[n]);
    sources_.resize(in_begin_[n]);
    for (std::size_t v = 0; v < n; ++v) {
        std::size_t k = out_begin_[v];
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
            targets_[k++] = static_cast<Vertex>(boost::target(*it, g));
        k = in_begin_[v];
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
            sources_[k++] = static_cast<Vertex>(boost::source(*it, g));
    }
    group_by_level_and_role(schema.levels().size());
}

/// Counting sort of the vertices by level rank and by role: both stay ascending.
inline void GraphIndex::group_by_level_and_role(std::size_t levels) {
    const std::size_t n = rank_.size();
    level_begin_.assign(levels + 1, 0);
    role_begin_.assign(role_count + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        ++level_begin_[rank_[v] + 1];
        ++role_begin_[static_cast<std::size_t>(role_of_rank_[rank_[v]]) + 1];
    }
    for (std::size_t r = 0; r < levels; ++r) level_begin_[r + 1] += level_begin_[r];
    for (std::size_t r = 0; r < role_count; ++r) role_begin_[r + 1] += role_begin_[r];
    by_level_.resize(n);
    by_role_.resize(n);
    std::vector<std::uint32_t> next_level(level_begin_.begin(), level_begin_.end() - 1);
    std::vector<std::uint32_t> next_role(role_begin_.begin(), role_begin_.end() - 1);
    for (std::size_t v = 0; v < n; ++v) {
        by_level_[next_level[rank_[v]]++] = static_cast<Vertex>(v);
        by_role_[next_role[static_cast<std::size_t>(role_of_rank_[rank_[v]])]++] = static_cast<Vertex>(v);
    }
}

/// Kahn's algorithm; on a cycle, a walk back from a vertex left over finds one.
inline void GraphIndex::compute_order() const {
    const std::size_t n = rank_.size();
    std::vector<std::uint32_t> indegree(n);
    order_.clear();
    order_.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        indegree[v] = in_begin_[v + 1] - in_begin_[v];
        if (indegree[v] == 0) order_.push_back(static_cast<Vertex>(v));
    }
    for (std::size_t head = 0; head < order_.size(); ++head)
        for (Vertex w : successors(order_[head]))
            if (--indegree[w] == 0) order_.push_back(w);
    if (order_.size() == n) {
        position_.resize(n);
        for (std::size_t i = 0; i < n; ++i) position_[order_[i]] = static_cast<Vertex>(i);
        return;
    }
    cyclic_ = true;
    order_.clear();
    // Every vertex left has a predecessor that is left too: walk back until one repeats.
    std::size_t v = 0;
    while (indegree[v] == 0) ++v;
    std::vector<std::size_t> seen_at(n, SIZE_MAX);
    std::vector<Vertex> walk;
    while (seen_at[v] == SIZE_MAX) {
        seen_at[v] = walk.size();
        walk.push_back(static_cast<Vertex>(v));
        for (Vertex u : predecessors(v))
            if (indegree[u] > 0) {
                v = u;
                break;
            }
    }
    // Walked against the links: reversed, so causes come first.
    for (std::size_t i = walk.size(); i-- > seen_at[v];) cycle_.push_back(walk[i]);
    cycle_.push_back(cycle_.front());
}

}  // namespace tocgraph
