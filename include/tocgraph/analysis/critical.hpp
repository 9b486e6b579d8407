#pragma once
// Critical results and links: those every path from the activities to a
// target passes through, so that losing one cuts the target off entirely.
//
// With a virtual root joined to every activity, the critical nodes are the
// dominators of the target (Lengauer-Tarjan, Boost.Graph). A link u -> v is
// critical when v is the target or a critical node and u is the only
// predecessor of v that the activities reach.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/graph/dominator_tree.hpp>

#include "../detail/traversal.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

namespace detail {

/// The dominator chain of `target` from the activities: critical vertices
/// from the target's immediate dominator downwards, and the set of vertices
/// the activities reach on their way to it.
struct DominatorChain {
    std::vector<std::size_t> chain;
    std::vector<char> relevant;
};

inline DominatorChain activity_dominators(const TheoryOfChange& toc, std::size_t target) {
    const auto& g = toc.graph();
    const auto activities = vertices_with_role(toc, LevelRole::activity);
    const auto below = reachable(g, {target}, Direction::down);
    const auto above = reachable(g, activities, Direction::up);
    DominatorChain out;
    out.relevant.assign(toc.node_count(), 0);
    for (std::size_t v = 0; v < out.relevant.size(); ++v) out.relevant[v] = below[v] && above[v];
    if (!out.relevant[target]) return out;

    // Compact copy of the relevant part, with vertex 0 the virtual root.
    using Compact = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    std::vector<std::size_t> local(toc.node_count(), 0), global{SIZE_MAX};
    for (std::size_t v = 0; v < out.relevant.size(); ++v)
        if (out.relevant[v]) {
            local[v] = global.size();
            global.push_back(v);
        }
    Compact c(global.size());
    for (std::size_t a : activities)
        if (out.relevant[a]) boost::add_edge(0, local[a], c);
    for (std::size_t i = 1; i < global.size(); ++i)
        for (auto [it, end] = boost::out_edges(global[i], g); it != end; ++it) {
            const std::size_t w = boost::target(*it, g);
            if (out.relevant[w]) boost::add_edge(i, local[w], c);
        }
    std::vector<Compact::vertex_descriptor> idom(global.size(), boost::graph_traits<Compact>::null_vertex());
    boost::lengauer_tarjan_dominator_tree(
        c, 0, boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, c)));
    for (auto d = idom[local[target]]; d != 0 && d != boost::graph_traits<Compact>::null_vertex(); d = idom[d])
        out.chain.push_back(global[d]);
    return out;
}

}  // namespace detail

/// Ids of the nodes that every path from any activity to `target` passes
/// through, nearest the target first. Empty when no activity reaches it.
inline std::vector<std::string> critical_nodes(const TheoryOfChange& toc, std::string_view target) {
    const auto dom = detail::activity_dominators(toc, toc.vertex_of(target));
    std::vector<std::string> out;
    for (std::size_t v : dom.chain) out.push_back(toc.graph()[v].id);
    return out;
}

/// Links (source, target) that every path from any activity to `target` uses,
/// nearest the target first.
inline std::vector<std::pair<std::string, std::string>> critical_links(const TheoryOfChange& toc,
                                                                        std::string_view target) {
    const auto& g = toc.graph();
    const std::size_t t = toc.vertex_of(target);
    const auto dom = detail::activity_dominators(toc, t);
    std::vector<std::pair<std::string, std::string>> out;
    if (!dom.relevant[t]) return out;
    std::vector<std::size_t> heads{t};
    heads.insert(heads.end(), dom.chain.begin(), dom.chain.end());
    for (std::size_t v : heads) {
        // A path may start at an activity, so no link into one is unavoidable.
        if (toc.schema().level(g[v].level).role == LevelRole::activity) continue;
        std::size_t only = SIZE_MAX, count = 0;
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
            if (dom.relevant[boost::source(*it, g)]) {
                only = boost::source(*it, g);
                ++count;
            }
        if (count == 1) out.emplace_back(g[only].id, g[v].id);
    }
    return out;
}

}  // namespace tocgraph
