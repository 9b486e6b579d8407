#pragma once
// Pathways: which pathways a node serves, and the sub-ToC of one pathway.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "../detail/traversal.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

namespace detail {

/// The pathway-level vertices that `v` contributes to, itself included.
inline std::vector<char> pathway_marks(const TheoryOfChange& toc, std::size_t v) {
    const auto& g = toc.graph();
    auto marked = reachable(g, {v}, Direction::up);
    for (std::size_t u = 0; u < marked.size(); ++u)
        if (marked[u] && toc.schema().level(g[u].level).role != LevelRole::pathway) marked[u] = 0;
    return marked;
}

}  // namespace detail

/// Ids of the pathway-level nodes that `id` contributes to (itself included
/// when it is a pathway), in node insertion order.
inline std::vector<std::string> pathways_of(const TheoryOfChange& toc, std::string_view id) {
    return detail::ids_of(toc, detail::pathway_marks(toc, toc.vertex_of(id)));
}

/// The sub-ToC of one pathway: the pathway, everything that contributes to
/// it and everything it contributes to (the goal), with the links among them,
/// their indicators, the assumptions and actors those name, and the feedback
/// about them. Schema and metadata are copied.
inline TheoryOfChange subgraph(const TheoryOfChange& toc, std::string_view pathway) {
    const auto& g = toc.graph();
    const std::size_t p = toc.vertex_of(pathway);
    auto keep = detail::reachable(g, {p}, detail::Direction::down);
    const auto up = detail::reachable(g, {p}, detail::Direction::up);
    for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = keep[v] || up[v];

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
