#pragma once
// Pathways: which pathways a node serves, and the sub-ToC of one pathway.

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "../detail/graph/reach.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

/// Vertex numbers of the pathway-level nodes that vertex `v` contributes to
/// (itself included when it is a pathway), in node insertion order.
inline std::vector<GraphIndex::Vertex> pathway_vertices(const TheoryOfChange& toc, std::size_t v) {
    const GraphIndex& index = toc.index();
    detail::MarkerLease seen(index.vertex_count());
    const auto start = static_cast<GraphIndex::Vertex>(v);
    auto found = detail::reach(index, {&start, 1}, detail::Direction::up, *seen);
    std::erase_if(found, [&](auto u) { return index.role(u) != LevelRole::pathway; });
    std::sort(found.begin(), found.end());
    return found;
}

/// Ids of the pathway-level nodes that `id` contributes to (itself included
/// when it is a pathway), in node insertion order.
inline std::vector<std::string> pathways_of(const TheoryOfChange& toc, std::string_view id) {
    std::vector<std::string> out;
    for (auto v : pathway_vertices(toc, toc.vertex_of(id))) out.push_back(toc.id_of(v));
    return out;
}

/// The sub-ToC of one pathway: the pathway, everything that contributes to
/// it and everything it contributes to (the goal), with the links among them,
/// their indicators, the assumptions and actors those name, and the feedback
/// about them. Schema and metadata are copied.
inline TheoryOfChange subgraph(const TheoryOfChange& toc, std::string_view pathway) {
    const auto& g = toc.graph();
    const GraphIndex& index = toc.index();
    const auto p = static_cast<GraphIndex::Vertex>(toc.vertex_of(pathway));
    // Two markers: on a cyclic graph a node can be both above and below the
    // pathway, and the upward search must still go on through it.
    detail::MarkerLease below(index.vertex_count()), above(index.vertex_count());
    detail::reach(index, {&p, 1}, detail::Direction::down, *below);
    detail::reach(index, {&p, 1}, detail::Direction::up, *above);
    std::vector<char> keep(toc.node_count(), 0);
    for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = below->contains(v) || above->contains(v);

    TheoryOfChange out(toc.schema());
    out.set_metadata(toc.metadata());
    std::unordered_set<std::string> actors, assumptions, subjects;
    for (std::size_t v = 0; v < keep.size(); ++v)
        if (keep[v]) actors.insert(g[v].actors.begin(), g[v].actors.end());
    std::vector<const Link*> links;
    for (const Link* l : toc.links())
        if (keep[toc.vertex_of(l->source)] && keep[toc.vertex_of(l->target)]) {
            links.push_back(l);
            assumptions.insert(l->assumptions.begin(), l->assumptions.end());
            subjects.insert(l->source + "->" + l->target);
        }
    for (const Actor& a : toc.actors())
        if (actors.contains(a.id)) out.add_actor(a);
    for (const Assumption& a : toc.assumptions())
        if (assumptions.contains(a.id)) {
            out.add_assumption(a);
            subjects.insert(a.id);
        }
    for (std::size_t v = 0; v < keep.size(); ++v)
        if (keep[v]) {
            out.add_node(g[v]);
            subjects.insert(g[v].id);
        }
    for (const Link* l : links) out.add_link(*l);
    for (const Indicator& i : toc.indicators())
        if (keep[toc.vertex_of(i.node)]) {
            out.add_indicator(i);
            subjects.insert(i.id);
        }
    for (const Feedback& f : toc.feedback())
        if (subjects.contains(f.subject)) out.add_feedback(f);
    return out;
}

}  // namespace tocgraph
