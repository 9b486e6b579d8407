#pragma once
// What feeds a result and what a node feeds: transitive contributors and
// effects, one node at a time or many at once. Each query costs in proportion
// to what it reaches (the read index and a per-thread visit marker), so small
// queries on a large ToC stay small.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/graph/reach.hpp"
#include "../detail/graph/traversal.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

/// Vertex numbers (node insertion order) of the nodes that contribute to
/// vertex `v`, directly or further down, optionally only those at `level`;
/// `v` excluded. Throws ModelError on an unknown level.
inline std::vector<GraphIndex::Vertex> contributor_vertices(const TheoryOfChange& toc, std::size_t v,
                                                            std::optional<std::string_view> level = std::nullopt) {
    if (level) toc.schema().level(*level);  // throws on an unknown level
    const std::size_t rank = level ? *toc.schema().rank(*level) : 0;
    const GraphIndex& index = toc.index();
    detail::MarkerLease seen(index.vertex_count());
    const GraphIndex::Vertex start = static_cast<GraphIndex::Vertex>(v);
    auto found = detail::reach(index, {&start, 1}, detail::Direction::down, *seen);
    found.erase(found.begin());  // v itself
    seen->erase(v);
    if (level) {
        std::erase_if(found, [&](GraphIndex::Vertex u) {
            if (index.level_rank(u) == rank) return false;
            seen->erase(u);
            return true;
        });
    }
    return detail::in_insertion_order(std::move(found), *seen, index.vertex_count());
}

/// Vertex numbers of the nodes that vertex `v` contributes to, directly or
/// further up; `v` excluded.
inline std::vector<GraphIndex::Vertex> effect_vertices(const TheoryOfChange& toc, std::size_t v) {
    const GraphIndex& index = toc.index();
    detail::MarkerLease seen(index.vertex_count());
    const GraphIndex::Vertex start = static_cast<GraphIndex::Vertex>(v);
    auto found = detail::reach(index, {&start, 1}, detail::Direction::up, *seen);
    found.erase(found.begin());
    seen->erase(v);
    return detail::in_insertion_order(std::move(found), *seen, index.vertex_count());
}

/// Every node that contributes to `id` directly or through other results,
/// optionally only those at `level`; in node insertion order, `id` excluded.
inline std::vector<std::string> contributors(const TheoryOfChange& toc, std::string_view id,
                                             std::optional<std::string_view> level = std::nullopt) {
    std::vector<std::string> out;
    for (auto v : contributor_vertices(toc, toc.vertex_of(id), level)) out.push_back(toc.id_of(v));
    return out;
}

/// Every node that `id` contributes to, directly or further up; `id` excluded.
inline std::vector<std::string> effects(const TheoryOfChange& toc, std::string_view id) {
    std::vector<std::string> out;
    for (auto v : effect_vertices(toc, toc.vertex_of(id))) out.push_back(toc.id_of(v));
    return out;
}

namespace detail {

/// The ids `vertices_of(v)` gives for each of `ids`, one list per id in the
/// order given; every id is checked before any query runs.
template <typename VerticesOf>
std::vector<std::vector<std::string>> ids_per_node(const TheoryOfChange& toc, std::span<const std::string> ids,
                                                   VerticesOf vertices_of) {
    std::vector<std::size_t> vertices;
    for (const std::string& id : ids) vertices.push_back(toc.vertex_of(id));
    std::vector<std::vector<std::string>> out;
    out.reserve(vertices.size());
    for (std::size_t v : vertices) {
        auto& row = out.emplace_back();
        for (auto u : vertices_of(v)) row.push_back(toc.id_of(u));
    }
    return out;
}

}  // namespace detail

/// contributors() of many nodes in one call: one list of ids per id given,
/// in the same order. Throws ModelError on the first unknown id or level.
inline std::vector<std::vector<std::string>> contributors(const TheoryOfChange& toc,
                                                          std::span<const std::string> ids,
                                                          std::optional<std::string_view> level = std::nullopt) {
    return detail::ids_per_node(toc, ids, [&](std::size_t v) { return contributor_vertices(toc, v, level); });
}

/// effects() of many nodes in one call, one list per id given.
inline std::vector<std::vector<std::string>> effects(const TheoryOfChange& toc, std::span<const std::string> ids) {
    return detail::ids_per_node(toc, ids, [&](std::size_t v) { return effect_vertices(toc, v); });
}

}  // namespace tocgraph
