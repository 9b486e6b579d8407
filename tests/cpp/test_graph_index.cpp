// The read index (graph_index.hpp) and the analyses built on it, checked
// against plain searches of the Boost graph on random ToCs, with random edits
// between queries: the index must never be stale, and a query's answer must
// not depend on what earlier queries (in this thread) left in the markers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <tocgraph/analysis.hpp>
#include <tocgraph/detail/random/split_mix.hpp>
#include <tocgraph/synthetic.hpp>

namespace tocgraph::test {

using Ids = std::vector<std::string>;

namespace {

/// Ids reachable from `start` by a plain depth-first search of the Boost
/// graph, `start` excluded, in node insertion order.
Ids naive_reach(const TheoryOfChange& toc, const std::string& start, bool up) {
    const auto& g = toc.graph();
    std::vector<char> seen(toc.node_count(), 0);
    std::vector<std::size_t> stack{toc.vertex_of(start)};
    seen[stack[0]] = 1;
    while (!stack.empty()) {
        const std::size_t v = stack.back();
        stack.pop_back();
        auto visit = [&](std::size_t w) {
            if (!seen[w]) {
                seen[w] = 1;
                stack.push_back(w);
            }
        };
        if (up)
            for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) visit(boost::target(*it, g));
        else
            for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) visit(boost::source(*it, g));
    }
    seen[toc.vertex_of(start)] = 0;
    Ids out;
    for (std::size_t v = 0; v < seen.size(); ++v)
        if (seen[v]) out.push_back(g[v].id);
    return out;
}

/// Paths from `source` to `target` by plain recursion over the Boost graph
/// (acyclic graphs, small counts).
std::uint64_t naive_paths(const TheoryOfChange& toc, std::size_t source, std::size_t target) {
    if (source == target) return 1;
    std::uint64_t total = 0;
    for (auto [it, end] = boost::out_edges(source, toc.graph()); it != end; ++it)
        total += naive_paths(toc, boost::target(*it, toc.graph()), target);
    return total;
}

/// Nodes every activity-to-target path goes through: those whose removal cuts
/// the target off from every activity (the target itself excluded).
Ids naive_critical(const TheoryOfChange& toc, const std::string& target) {
    auto reaches_target = [&](const std::string& cut) {
        for (const Node& n : toc.nodes()) {
            if (toc.schema().level(n.level).role != tocgraph::LevelRole::activity || n.id == cut) continue;
            if (n.id == target) return true;
            // search up from the activity avoiding `cut`
            std::vector<char> seen(toc.node_count(), 0);
            std::vector<std::size_t> stack{toc.vertex_of(n.id)};
            seen[stack[0]] = 1;
            while (!stack.empty()) {
                const std::size_t v = stack.back();
                stack.pop_back();
                if (toc.graph()[v].id == target) return true;
                for (auto [it, end] = boost::out_edges(v, toc.graph()); it != end; ++it) {
                    const std::size_t w = boost::target(*it, toc.graph());
                    if (!seen[w] && toc.graph()[w].id != cut) {
                        seen[w] = 1;
                        stack.push_back(w);
                    }
                }
            }
        }
        return false;
    };
    Ids out;
    if (!reaches_target("")) return out;
    for (const Node& n : toc.nodes())
        if (n.id != target && !reaches_target(n.id)) out.push_back(n.id);
    return out;
}

/// The index against the graph it indexes: the same links both ways, ranks,
/// roles and a valid topological order.
void check_index_matches_graph(const TheoryOfChange& toc) {
    const GraphIndex& index = toc.index();
    const auto& g = toc.graph();
    REQUIRE(index.vertex_count() == toc.node_count());
    REQUIRE(index.link_count() == toc.link_count());
    for (std::size_t v = 0; v < toc.node_count(); ++v) {
        std::vector<std::size_t> out, in;
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) out.push_back(boost::target(*it, g));
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) in.push_back(boost::source(*it, g));
        const auto succ = index.successors(v), pred = index.predecessors(v);
        CHECK(std::vector<std::size_t>(succ.begin(), succ.end()) == out);
        CHECK(std::vector<std::size_t>(pred.begin(), pred.end()) == in);
        CHECK(index.level_rank(v) == *toc.schema().rank(g[v].level));
        CHECK(index.role(v) == toc.schema().level(g[v].level).role);
    }
    if (const auto* order = index.topological_order()) {
        REQUIRE(order->size() == toc.node_count());
        const auto& position = index.topological_position();
        for (const Link* l : toc.links())
            CHECK(position[toc.vertex_of(l->source)] < position[toc.vertex_of(l->target)]);
    }
}

/// One random edit of the kinds that change the index.
void random_edit(TheoryOfChange& toc, tocgraph::detail::SplitMix64& rng, int& fresh) {
    const auto nodes = toc.node_count();
    const std::size_t kind = rng.below(5);
    const auto pick = [&] { return toc.graph()[rng.below(toc.node_count())].id; };
    try {
        if (kind == 0 || nodes < 8) {
            Node n;
            n.id = "new" + std::to_string(fresh++);
            n.level = toc.schema().levels()[1 + rng.below(toc.schema().size() - 1)].id;
            toc.add_node(n);
            Link l;
            l.source = n.id;
            l.target = pick();
            if (*toc.schema().rank(toc.node(l.target).level) < *toc.schema().rank(n.level)) toc.add_link(l);
        } else if (kind == 1) {
            toc.remove_node(pick());
        } else if (kind == 2) {
            Link l;
            l.source = pick();
            l.target = pick();
            // keep it acyclic: links only point to a higher level
            if (*toc.schema().rank(toc.node(l.target).level) < *toc.schema().rank(toc.node(l.source).level))
                toc.add_link(l);
        } else if (kind == 3) {
            const auto links = toc.links();
            if (!links.empty()) {
                const Link* l = links[rng.below(links.size())];
                toc.remove_link(std::string(l->source), std::string(l->target));
            }
        } else {
            Node n = toc.node(pick());
            if (!toc.links_to(n.id).empty() || !toc.links_from(n.id).empty()) return;
            n.level = toc.schema().levels()[rng.below(toc.schema().size())].id;
            toc.update_node(n);
        }
    } catch (const tocgraph::ModelError&) {
        // a duplicate link or the like: nothing changed
    }
}

}  // namespace

TEST_CASE("The read index matches the graph after every kind of edit", "[index]") {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        TheoryOfChange toc = tocgraph::synthetic({.nodes = 60, .seed = seed, .indicators = false});
        tocgraph::detail::SplitMix64 rng(seed * 7919);
        int fresh = 0;
        for (int step = 0; step < 40; ++step) {
            const std::uint64_t before = toc.generation();
            random_edit(toc, rng, fresh);
            CHECK(toc.generation() >= before);
            check_index_matches_graph(toc);
        }
    }
}

TEST_CASE("Queries over the index equal plain searches, with edits in between", "[index][analysis]") {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        TheoryOfChange toc = tocgraph::synthetic({.nodes = 80, .seed = seed, .indicators = false});
        tocgraph::detail::SplitMix64 rng(seed);
        int fresh = 0;
        for (int step = 0; step < 25; ++step) {
            random_edit(toc, rng, fresh);
            for (int q = 0; q < 6; ++q) {
                const std::string id = toc.graph()[rng.below(toc.node_count())].id;
                INFO("seed " << seed << " step " << step << " node " << id);
                CHECK(tocgraph::contributors(toc, id) == naive_reach(toc, id, false));
                CHECK(tocgraph::effects(toc, id) == naive_reach(toc, id, true));
                Ids outputs;
                for (const std::string& c : naive_reach(toc, id, false))
                    if (toc.node(c).level == "output") outputs.push_back(c);
                CHECK(tocgraph::contributors(toc, id, "output") == outputs);
                const std::string other = toc.graph()[rng.below(toc.node_count())].id;
                CHECK(tocgraph::count_paths(toc, other, id) ==
                      BigCount(naive_paths(toc, toc.vertex_of(other), toc.vertex_of(id))));
                auto critical = tocgraph::critical_nodes(toc, id);
                std::sort(critical.begin(), critical.end());
                auto expected = naive_critical(toc, id);
                std::sort(expected.begin(), expected.end());
                CHECK(critical == expected);
            }
        }
    }
}

TEST_CASE("Many queries at once give what one query at a time gives", "[index][analysis]") {
    const TheoryOfChange toc = tocgraph::synthetic({.nodes = 300, .seed = 3, .indicators = false});
    Ids ids;
    for (const Node& n : toc.nodes()) ids.push_back(n.id);
    const auto all_contributors = tocgraph::contributors(toc, ids);
    const auto all_effects = tocgraph::effects(toc, ids);
    REQUIRE(all_contributors.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(all_contributors[i] == tocgraph::contributors(toc, ids[i]));
        CHECK(all_effects[i] == tocgraph::effects(toc, ids[i]));
    }
    CHECK_THROWS_WITH(tocgraph::contributors(toc, Ids{"goal0", "nope"}), "no node \"nope\"");
}

TEST_CASE("Threads reading one ToC after an edit build one index and agree", "[index][threads]") {
    TheoryOfChange toc = tocgraph::synthetic({.nodes = 3000, .seed = 5, .indicators = false});
    const Ids expected = naive_reach(toc, "goal0", false);
    for (int round = 0; round < 5; ++round) {
        Node n;
        n.id = "extra" + std::to_string(round);
        n.level = "activity";
        toc.add_node(n);  // drops the index: the threads below race to build it
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 20; ++i)
                    if (tocgraph::contributors(toc, "goal0") != expected) ++wrong;
            });
        for (auto& t : threads) t.join();
        CHECK(wrong == 0);
    }
}

TEST_CASE("A cycle outside the part counted does not stop path counts", "[index][paths]") {
    TheoryOfChange toc;
    for (auto [id, level] : {std::pair{"g", "goal"}, {"o1", "immediate_outcome"}, {"o2", "immediate_outcome"},
                             {"x", "output"}, {"y", "output"}, {"a", "activity"}}) {
        Node n;
        n.id = id;
        n.level = level;
        toc.add_node(n);
    }
    for (auto [s, t] : {std::pair{"o1", "g"}, {"a", "o1"}, {"x", "y"}, {"y", "x"}}) {
        Link l;
        l.source = s;
        l.target = t;
        toc.add_link(l);
    }
    REQUIRE(toc.index().topological_order() == nullptr);
    CHECK(toc.index().cycle().size() == 3);
    CHECK(tocgraph::count_paths(toc, "a", "g") == BigCount(1));
    CHECK(tocgraph::count_activity_paths(toc, "g") == BigCount(1));
    CHECK(tocgraph::critical_nodes(toc, "g") == Ids{"o1", "a"});  // the only activity is unavoidable too
    CHECK_THROWS_AS(tocgraph::topological_order(toc), tocgraph::CycleError);
}

}  // namespace tocgraph::test
