#pragma once
// Critical results and links: those every path from the activities to a
// target passes through, so that losing one cuts the target off entirely.
//
// With a virtual root joined to every activity, the critical nodes are the
// dominators of the target. A link u -> v is
// critical when v is the target or a critical node and u is the only
// predecessor of v that the activities reach without passing through v.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/dominator_tree.hpp>

#include "../detail/graph/reach.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

namespace detail {

/// The dominator chain of `target` from the activities: critical vertices
/// from the target's immediate dominator downwards.
struct DominatorChain {
    std::vector<std::size_t> chain;
};

/// Lengauer-Tarjan (Boost.Graph) on a compact copy of the relevant part, with
/// vertex 0 the virtual root: for graphs with cycles.
inline std::vector<std::size_t> dominators_with_cycles(const TheoryOfChange& toc, std::size_t target,
                                                       const VertexList& relevant_list,
                                                       const VisitMarker& relevant) {
    const GraphIndex& index = toc.index();
    using Compact = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    std::unordered_map<std::size_t, std::size_t> local;
    std::vector<std::size_t> global{SIZE_MAX};
    for (auto v : relevant_list) {
        local[v] = global.size();
        global.push_back(v);
    }
    Compact c(global.size());
    for (auto a : index.with_role(LevelRole::activity))
        if (relevant.contains(a)) boost::add_edge(0, local[a], c);
    for (std::size_t i = 1; i < global.size(); ++i)
        for (auto w : index.successors(global[i]))
            if (relevant.contains(w)) boost::add_edge(i, local[w], c);
    std::vector<Compact::vertex_descriptor> idom(global.size(), boost::graph_traits<Compact>::null_vertex());
    boost::lengauer_tarjan_dominator_tree(
        c, 0, boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, c)));
    std::vector<std::size_t> chain;
    for (auto d = idom[local[target]]; d != 0 && d != boost::graph_traits<Compact>::null_vertex(); d = idom[d])
        chain.push_back(global[d]);
    return chain;
}

/// The vertices that lie on a path from some activity to `target`, marked in
/// `relevant` and listed.
inline VertexList activity_paths_to(const TheoryOfChange& toc, GraphIndex::Vertex target, VisitMarker& relevant) {
    const GraphIndex& index = toc.index();
    MarkerLease below(index.vertex_count());
    reach(index, {&target, 1}, Direction::down, *below);
    return reach(index, index.with_role(LevelRole::activity), Direction::up, relevant, nullptr, &*below);
}

/// The dominators of `target` from a virtual root joined to every activity.
/// On an acyclic graph (the usual ToC): Cooper, Harvey and Kennedy's
/// intersection of the predecessors' dominators, in one pass over the
/// relevant vertices in topological order, O(their links x depth).
inline DominatorChain activity_dominators(const TheoryOfChange& toc, std::size_t target) {
    const GraphIndex& index = toc.index();
    const auto t = static_cast<GraphIndex::Vertex>(target);
    MarkerLease relevant(index.vertex_count());
    VertexList found = activity_paths_to(toc, t, *relevant);
    DominatorChain out;
    if (!relevant->contains(t)) return out;
    const auto* all = index.topological_order();
    if (!all) {
        out.chain = dominators_with_cycles(toc, target, found, *relevant);
        return out;
    }
    // Number the relevant vertices 1..k in topological order (0: the root);
    // a dominator then always has a smaller number than what it dominates.
    if (found.size() * 16 < all->size()) {
        const auto& position = index.topological_position();
        std::sort(found.begin(), found.end(), [&](auto a, auto b) { return position[a] < position[b]; });
    } else {
        found.clear();
        for (auto v : *all)
            if (relevant->contains(v)) found.push_back(v);
    }
    relevant->reserve_values();
    for (std::size_t i = 0; i < found.size(); ++i) relevant->value(found[i]) = i + 1;
    std::vector<std::uint32_t> idom(found.size() + 1, 0);
    auto intersect = [&](std::uint32_t a, std::uint32_t b) {
        while (a != b) {
            while (a > b) a = idom[a];
            while (b > a) b = idom[b];
        }
        return a;
    };
    for (std::size_t i = 1; i <= found.size(); ++i) {
        const GraphIndex::Vertex v = found[i - 1];
        // The root is a predecessor of every relevant activity.
        std::uint32_t dom = index.role(v) == LevelRole::activity ? 0 : UINT32_MAX;
        for (auto u : index.predecessors(v))
            if (relevant->contains(u)) {
                const auto p = static_cast<std::uint32_t>(relevant->value(u));
                dom = dom == UINT32_MAX ? p : intersect(p, dom);
            }
        idom[i] = dom;
    }
    for (auto d = idom[relevant->value(t)]; d != 0; d = idom[d]) out.chain.push_back(found[d - 1]);
    return out;
}

}  // namespace detail

/// Vertex numbers of the nodes that every path from any activity to vertex
/// `target` passes through, nearest the target first (critical_nodes by vertex).
inline std::vector<std::size_t> critical_vertices(const TheoryOfChange& toc, std::size_t target) {
    return detail::activity_dominators(toc, target).chain;
}

/// Ids of the nodes that every path from any activity to `target` passes
/// through, nearest the target first. Empty when no activity reaches it.
inline std::vector<std::string> critical_nodes(const TheoryOfChange& toc, std::string_view target) {
    std::vector<std::string> out;
    for (std::size_t v : critical_vertices(toc, toc.vertex_of(target))) out.push_back(toc.id_of(v));
    return out;
}

/// Links (source, target) that every path from any activity to `target` uses,
/// nearest the target first.
inline std::vector<std::pair<std::string, std::string>> critical_links(const TheoryOfChange& toc,
                                                                        std::string_view target) {
    const GraphIndex& index = toc.index();
    const std::size_t t = toc.vertex_of(target);
    const auto dom = detail::activity_dominators(toc, t);
    detail::MarkerLease relevant(index.vertex_count());
    detail::activity_paths_to(toc, static_cast<GraphIndex::Vertex>(t), *relevant);
    std::vector<std::pair<std::string, std::string>> out;
    if (!relevant->contains(t)) return out;
    const bool cyclic = index.topological_order() == nullptr;
    std::vector<std::size_t> heads{t};
    heads.insert(heads.end(), dom.chain.begin(), dom.chain.end());
    for (std::size_t v : heads) {
        // A path may start at an activity, so no link into one is unavoidable.
        if (index.role(v) == LevelRole::activity) continue;
        // The link that every path first enters v by. On a cycle a relevant
        // predecessor may be reachable only through v itself, so it counts
        // only if the activities reach it with v taken out.
        const detail::VisitMarker* entering = &*relevant;
        detail::MarkerLease without_v(cyclic ? index.vertex_count() : 0);
        if (cyclic) {
            detail::MarkerLease blocked(index.vertex_count());
            blocked->insert(static_cast<GraphIndex::Vertex>(v));
            detail::reach(index, index.with_role(LevelRole::activity), detail::Direction::up, *without_v, &*blocked, &*relevant);
            entering = &*without_v;
        }
        std::size_t only = SIZE_MAX, count = 0;
        for (auto u : index.predecessors(v))
            if (entering->contains(u)) {
                only = u;
                ++count;
            }
        if (count == 1) out.emplace_back(toc.id_of(only), toc.id_of(v));
    }
    return out;
}

}  // namespace tocgraph
