// The analyses (include/tocgraph/analysis/): real values on small graphs
// worked out by hand, path counts past 2**64 on ladder graphs, and the
// bundled ASEAN-ACT theory of change. Betweenness values on the small graphs
// equal networkx's betweenness_centrality.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <tocgraph/analysis.hpp>
#include <tocgraph/json_io.hpp>

#include "model_fixtures.hpp"

namespace Catch {
template <>
struct StringMaker<tocgraph::BigCount> {
    static std::string convert(const tocgraph::BigCount& n) { return n.to_string(); }
};
}  // namespace Catch

namespace fs = std::filesystem;
namespace tocgraph::test {
using Ids = std::vector<std::string>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

namespace {

const fs::path example = fs::path(TOCGRAPH_TEST_DATA_DIR) / ".." / ".." / "examples" / "asean-act" / "toc.json";

/// goal <- p1, p2 (pathways) <- o1, o2 (immediate outcomes) <- out1..3 <- a1..a3:
///
///   p1 <- o1, o2;  p2 <- o2;  o1 <- out1, out2;  o2 <- out2, out3;
///   out1 <- a1, a2;  out2 <- a2;  out3 <- a3
TheoryOfChange two_pathways() {
    return toc_of({{"goal", "goal"}, {"p1", "pathway"}, {"p2", "pathway"}, {"o1", "immediate_outcome"},
                   {"o2", "immediate_outcome"}, {"out1", "output"}, {"out2", "output"}, {"out3", "output"},
                   {"a1", "activity"}, {"a2", "activity"}, {"a3", "activity"}},
                  {{"p1", "goal"}, {"p2", "goal"}, {"o1", "p1"}, {"o2", "p1"}, {"o2", "p2"}, {"out1", "o1"},
                   {"out2", "o1"}, {"out2", "o2"}, {"out3", "o2"}, {"a1", "out1"}, {"a2", "out1"}, {"a2", "out2"},
                   {"a3", "out3"}});
}

/// An activity, `rungs` pairs of outputs each linked to both of the next
/// pair, and the goal: 2**rungs paths from the activity to the goal.
TheoryOfChange ladder(int rungs) {
    std::vector<NodeSpec> nodes{{"start", "activity"}};
    Pairs links;
    std::string previous[2] = {"start", "start"};
    for (int i = 1; i <= rungs; ++i) {
        const std::string here[2] = {"u" + std::to_string(i), "v" + std::to_string(i)};
        for (const std::string& id : here) nodes.push_back({id, "output"});
        for (const std::string& id : here) {
            links.emplace_back(previous[0], id);
            if (previous[1] != previous[0]) links.emplace_back(previous[1], id);
        }
        previous[0] = here[0];
        previous[1] = here[1];
    }
    nodes.push_back({"goal", "goal"});
    links.emplace_back(previous[0], "goal");
    links.emplace_back(previous[1], "goal");
    return toc_of(nodes, links);
}

}  // namespace

TEST_CASE("Contributors and effects", "[analysis]") {
    const TheoryOfChange toc = two_pathways();
    CHECK(contributors(toc, "goal") == Ids{"p1", "p2", "o1", "o2", "out1", "out2", "out3", "a1", "a2", "a3"});
    CHECK(contributors(toc, "o1") == Ids{"out1", "out2", "a1", "a2"});
    CHECK(contributors(toc, "o1", "activity") == Ids{"a1", "a2"});
    CHECK(contributors(toc, "p2", "output") == Ids{"out2", "out3"});
    CHECK(contributors(toc, "a1").empty());
    CHECK(effects(toc, "a2") == Ids{"goal", "p1", "p2", "o1", "o2", "out1", "out2"});
    CHECK(effects(toc, "a3") == Ids{"goal", "p1", "p2", "o2", "out3"});
    CHECK(effects(toc, "goal").empty());
    CHECK_THROWS_WITH(contributors(toc, "nope"), R"(no node "nope")");
    CHECK_THROWS_AS(contributors(toc, "goal", "nope"), ModelError);
}

TEST_CASE("Paths are listed depth first and counted exactly", "[analysis][paths]") {
    const TheoryOfChange toc = two_pathways();
    CHECK(paths(toc, "a2", "goal") == std::vector<Ids>{{"a2", "out1", "o1", "p1", "goal"},
                                                       {"a2", "out2", "o1", "p1", "goal"},
                                                       {"a2", "out2", "o2", "p1", "goal"},
                                                       {"a2", "out2", "o2", "p2", "goal"}});
    CHECK(paths(toc, "a2", "goal", 2).size() == 2);
    CHECK(paths(toc, "a2", "goal", 0).empty());
    CHECK(paths(toc, "a1", "p2").empty());
    CHECK(paths(toc, "goal", "goal") == std::vector<Ids>{{"goal"}});

    CHECK(count_paths(toc, "a2", "goal") == BigCount(4));
    CHECK(count_paths(toc, "a3", "goal") == BigCount(2));
    CHECK(count_paths(toc, "a1", "p2") == BigCount(0));
    CHECK(count_paths(toc, "out2", "out2") == BigCount(1));
    CHECK(count_activity_paths(toc, "goal") == BigCount(7));  // a1: 1, a2: 4, a3: 2
    CHECK(count_activity_paths(toc, "o2") == BigCount(2));

    // The count agrees with the list.
    for (const char* a : {"a1", "a2", "a3"})
        for (const char* t : {"goal", "p1", "p2", "o1", "o2"})
            CHECK(count_paths(toc, a, t) == BigCount(paths(toc, a, t).size()));
}

TEST_CASE("Path counts pass 2**64 on a ladder", "[analysis][paths]") {
    const TheoryOfChange small = ladder(10);
    CHECK(count_paths(small, "start", "goal") == BigCount(1024));
    CHECK(paths(small, "start", "goal", 5000).size() == 1024);

    const TheoryOfChange toc = ladder(65);
    const BigCount n = count_paths(toc, "start", "goal");
    CHECK(n.to_string() == "36893488147419103232");  // 2**65
    CHECK_FALSE(n.fits_u64());
    CHECK(n > BigCount(UINT64_MAX));
    CHECK(n.to_double() == Approx(36893488147419103232.0));
    CHECK(count_activity_paths(toc, "goal") == n);
    CHECK(count_paths(toc, "u30", "goal").to_string() == "34359738368");  // 2**35

    CHECK(count_paths(ladder(200), "start", "goal").to_string() ==
          "1606938044258990275541962092341162602522202993782792835301376");  // 2**200
}

TEST_CASE("Counting paths through a cycle is an error naming it", "[analysis][paths]") {
    const TheoryOfChange toc = toc_of({{"goal", "goal"}, {"o1", "output"}, {"o2", "output"}, {"a1", "activity"}},
                                      {{"a1", "o1"}, {"o1", "o2"}, {"o2", "o1"}, {"o2", "goal"}});
    CHECK_THROWS_WITH(count_paths(toc, "a1", "goal"), "the links form a cycle: o1 -> o2 -> o1");
    try {
        count_activity_paths(toc, "goal");
        FAIL("no CycleError");
    } catch (const CycleError& e) {
        CHECK(e.cycle() == Ids{"o1", "o2", "o1"});
    }
    // Listing still works: a path never visits a node twice.
    CHECK(paths(toc, "a1", "goal") == std::vector<Ids>{{"a1", "o1", "o2", "goal"}});
    CHECK_THROWS_AS(count_paths(toc, "o2", "goal"), CycleError);  // o2 -> o1 -> o2 lies between
    // A cycle outside the part between source and target does not matter.
    const TheoryOfChange beside = toc_of({{"goal", "goal"}, {"o1", "output"}, {"o2", "output"}, {"a1", "activity"}},
                                         {{"a1", "goal"}, {"o1", "o2"}, {"o2", "o1"}});
    CHECK(count_paths(beside, "a1", "goal") == BigCount(1));
}

TEST_CASE("Critical nodes and links", "[analysis][critical]") {
    const TheoryOfChange toc = two_pathways();
    CHECK(critical_nodes(toc, "goal").empty());  // a1's paths avoid o2, a3's avoid o1
    CHECK(critical_links(toc, "goal").empty());
    CHECK(critical_nodes(toc, "p2") == Ids{"o2"});
    CHECK(critical_links(toc, "p2") == Pairs{{"o2", "p2"}});
    CHECK(critical_nodes(toc, "o1").empty());
    CHECK(critical_nodes(toc, "out3") == Ids{"a3"});  // only a3 supports out3
    CHECK(critical_links(toc, "out3") == Pairs{{"a3", "out3"}});
    CHECK(critical_nodes(toc, "a1").empty());

    // A chain: every node between the activities and the goal is critical.
    const TheoryOfChange chain =
        toc_of({{"goal", "goal"}, {"p", "pathway"}, {"o", "immediate_outcome"}, {"a1", "activity"}, {"a2", "activity"}},
               {{"p", "goal"}, {"o", "p"}, {"a1", "o"}, {"a2", "o"}});
    CHECK(critical_nodes(chain, "goal") == Ids{"p", "o"});
    CHECK(critical_links(chain, "goal") == Pairs{{"p", "goal"}, {"o", "p"}});

    // No activity reaches it: nothing is critical.
    const TheoryOfChange unreached = toc_of({{"goal", "goal"}, {"p", "pathway"}}, {{"p", "goal"}});
    CHECK(critical_nodes(unreached, "goal").empty());
    CHECK(critical_links(unreached, "goal").empty());

    // On a cycle, o2 is a predecessor of o1 that the activity reaches only
    // through o1 itself: a -> o1 is still the one way in.
    const TheoryOfChange loop = toc_of({{"o1", "immediate_outcome"}, {"o2", "immediate_outcome"}, {"a", "activity"}},
                                       {{"o1", "o2"}, {"o2", "o1"}, {"a", "o1"}});
    CHECK(critical_links(loop, "o1") == Pairs{{"a", "o1"}});
    CHECK(critical_links(loop, "o2") == Pairs{{"o1", "o2"}, {"a", "o1"}});
}

TEST_CASE("What-if removal", "[analysis][what-if]") {
    const TheoryOfChange toc = two_pathways();
    RemovalImpact a2 = what_if_removed(toc, {"a2"});
    CHECK(a2.removed == Ids{"a2"});
    CHECK(a2.unsupported == Ids{"out2"});
    CHECK(a2.paths_before == BigCount(7));
    CHECK(a2.paths_after == BigCount(3));
    CHECK(a2.share_of_paths_lost() == Approx(4.0 / 7.0));

    RemovalImpact o2 = what_if_removed(toc, {"o2", "o2"});
    CHECK(o2.removed == Ids{"o2"});
    CHECK(o2.unsupported == Ids{"p2"});
    CHECK(o2.paths_after == BigCount(3));  // a1: 1, a2: 2 through o1, a3: none

    RemovalImpact all = what_if_removed(toc, {"a1", "a2", "a3"});
    CHECK(all.unsupported == Ids{"goal", "p1", "p2", "o1", "o2", "out1", "out2", "out3"});
    CHECK(all.paths_after == BigCount(0));
    CHECK(all.share_of_paths_lost() == 1.0);

    RemovalImpact none = what_if_removed(toc, {});
    CHECK(none.unsupported.empty());
    CHECK(none.paths_after == none.paths_before);
    CHECK(none.share_of_paths_lost() == 0.0);

    CHECK_THROWS_WITH(what_if_removed(toc, {"a1", "zz"}), R"(no node "zz")");
    CHECK(toc == two_pathways());  // the ToC itself is untouched
}

TEST_CASE("Coverage per level and of indicators", "[analysis][coverage]") {
    TheoryOfChange toc = two_pathways();
    Indicator i1 = indicator("i1", "o1");
    i1.baselines.emplace_back();
    i1.targets.push_back({});
    i1.targets.back().period = Period{{2021, 1, 1}, {2021, 12, 31}};
    Indicator i2 = indicator("i2", "out1");
    i2.targets = i1.targets;
    Indicator i3 = indicator("i3", "o1");
    i3.actuals = i1.targets;
    for (const Indicator& i : {i1, i2, i3}) toc.add_indicator(i);

    const Coverage c = coverage(toc);
    CHECK(c.indicators == 3);
    CHECK(c.indicators_with_baseline == 1);
    CHECK(c.indicators_with_targets == 2);
    CHECK(c.indicators_with_actuals == 1);
    REQUIRE(c.levels.size() == 7);
    auto row = [&](std::size_t k) {
        const LevelCoverage& l = c.levels[k];
        return std::vector<std::size_t>{l.nodes, l.with_indicators, l.with_contributors, l.with_activities};
    };
    CHECK(c.levels[0].level.id == "goal");
    CHECK(row(0) == std::vector<std::size_t>{1, 0, 1, 1});
    CHECK(row(1) == std::vector<std::size_t>{2, 0, 2, 2});  // pathway
    CHECK(row(2) == std::vector<std::size_t>{0, 0, 0, 0});  // end_of_program_outcome
    CHECK(row(3) == std::vector<std::size_t>{0, 0, 0, 0});  // intermediate_outcome
    CHECK(row(4) == std::vector<std::size_t>{2, 1, 2, 2});  // immediate_outcome: o1 measured
    CHECK(row(5) == std::vector<std::size_t>{3, 1, 3, 3});  // output: out1 measured
    CHECK(row(6) == std::vector<std::size_t>{3, 0, 0, 3});  // activities count themselves

    // A result whose only contributor has no activity beneath it.
    toc.add_node([] {
        Node n;
        n.id = "o3";
        n.level = "immediate_outcome";
        return n;
    }());
    toc.add_link([] {
        Link l;
        l.source = "o3";
        l.target = "p2";
        return l;
    }());
    CHECK(coverage(toc).levels[4].nodes == 3);
    CHECK(coverage(toc).levels[4].with_activities == 2);
    CHECK(coverage(toc).levels[4].with_contributors == 2);
}

TEST_CASE("Pathways and the sub-ToC of one pathway", "[analysis][pathways]") {
    TheoryOfChange toc = two_pathways();
    CHECK(pathways_of(toc, "a2") == Ids{"p1", "p2"});
    CHECK(pathways_of(toc, "a1") == Ids{"p1"});
    CHECK(pathways_of(toc, "p2") == Ids{"p2"});
    CHECK(pathways_of(toc, "goal").empty());

    Assumption as1, as2;
    as1.id = "as1";
    as2.id = "as2";
    toc.add_assumption(as1);
    toc.add_assumption(as2);
    Link l = toc.link("o2", "p2");
    l.assumptions = {"as1"};
    toc.update_link(l);
    l = toc.link("o1", "p1");
    l.assumptions = {"as2"};
    toc.update_link(l);
    toc.add_indicator(indicator("i_o2", "o2"));
    toc.add_indicator(indicator("i_o1", "o1"));
    Feedback about_o2, about_o1, about_link;
    about_o2.id = "f1";
    about_o2.subject = "o2";
    about_o1.id = "f2";
    about_o1.subject = "o1";
    about_link.id = "f3";
    about_link.subject = "out3->o2";
    for (const Feedback& f : {about_o2, about_o1, about_link}) toc.add_feedback(f);

    const TheoryOfChange sub = subgraph(toc, "p2");
    Ids ids;
    for (const Node& n : sub.nodes()) ids.push_back(n.id);
    CHECK(ids == Ids{"goal", "p2", "o2", "out2", "out3", "a2", "a3"});
    CHECK(sub.link_count() == 6);
    CHECK(sub.has_link("a2", "out2"));
    CHECK_FALSE(sub.has_link("a2", "out1"));
    CHECK(sub.link("o2", "p2").assumptions == Ids{"as1"});
    CHECK(sub.assumption_count() == 1);
    CHECK(sub.has_assumption("as1"));
    CHECK(sub.indicator_count() == 1);
    CHECK(sub.has_indicator("i_o2"));
    CHECK(sub.feedback_count() == 2);
    CHECK(sub.has_feedback("f1"));
    CHECK(sub.has_feedback("f3"));
    CHECK(sub.schema() == toc.schema());
    CHECK(count_activity_paths(sub, "goal") == BigCount(2));  // a2 -> out2 -> o2 -> p2 -> goal, and a3's
}

TEST_CASE("Betweenness centrality on small graphs", "[analysis][centrality]") {
    // a -> b -> c: b lies on the one path a..c.
    const TheoryOfChange path = toc_of({{"a", "output"}, {"b", "output"}, {"c", "output"}}, {{"a", "b"}, {"b", "c"}});
    CHECK(betweenness(path) == std::vector<double>{0.0, 0.5, 0.0});  // 1 / ((n-1)(n-2))
    CentralityOptions raw;
    raw.normalized = false;
    CHECK(betweenness(path, raw) == std::vector<double>{0.0, 1.0, 0.0});

    // A diamond s -> x, y -> t: the two shortest paths s..t share the credit.
    const TheoryOfChange diamond = toc_of({{"s", "output"}, {"x", "output"}, {"y", "output"}, {"t", "output"}},
                                          {{"s", "x"}, {"s", "y"}, {"x", "t"}, {"y", "t"}});
    CHECK(betweenness(diamond, raw) == std::vector<double>{0.0, 0.5, 0.5, 0.0});
    CHECK(betweenness(diamond)[1] == Approx(0.5 / 6));

    // Two pathways (networkx: betweenness_centrality(g, normalized=False)).
    const TheoryOfChange toc = two_pathways();
    const auto score = betweenness(toc, raw);
    const std::vector<double> expected{0.0, 71.0 / 12, 25.0 / 12, 6.0, 10.0, 49.0 / 12, 47.0 / 12, 4.0, 0.0, 0.0, 0.0};
    REQUIRE(score.size() == expected.size());
    for (std::size_t v = 0; v < score.size(); ++v) CHECK(score[v] == Approx(expected[v]));

    const auto ranking = centrality(toc);
    CHECK(ranking[0].first == "o2");
    CHECK(ranking[0].second == Approx(10.0 / 90));
    CHECK(ranking[1].first == "o1");
    CHECK(ranking[2].first == "p1");
    CHECK(ranking.back().first == "a3");  // ties keep insertion order

    // Sampling every source is exact; a sample is reproducible by its seed.
    CentralityOptions all;
    all.samples = toc.node_count();
    CHECK(betweenness(toc, all) == betweenness(toc));
    CentralityOptions sample;
    sample.samples = 5;
    sample.seed = 42;
    CHECK(betweenness(toc, sample) == betweenness(toc, sample));
    CHECK(betweenness(toc_of({{"a", "output"}, {"b", "output"}}, {{"a", "b"}})) == std::vector<double>{0.0, 0.0});
}

TEST_CASE("Levels and topological order", "[analysis][order]") {
    const TheoryOfChange toc = two_pathways();
    const auto by_level = levels(toc);
    REQUIRE(by_level.size() == 7);
    CHECK(by_level[0].first.id == "goal");
    CHECK(by_level[0].second == Ids{"goal"});
    CHECK(by_level[1].second == Ids{"p1", "p2"});
    CHECK(by_level[2].second.empty());
    CHECK(by_level[4].second == Ids{"o1", "o2"});
    CHECK(by_level[6].first.id == "activity");
    CHECK(by_level[6].second == Ids{"a1", "a2", "a3"});

    const Ids order = topological_order(toc);
    CHECK(order == Ids{"a1", "a2", "a3", "out1", "out2", "out3", "o1", "o2", "p1", "p2", "goal"});
    auto position = [&](const std::string& id) { return std::ranges::find(order, id) - order.begin(); };
    for (const Link* l : toc.links()) CHECK(position(l->source) < position(l->target));

    const TheoryOfChange cycle = toc_of({{"g", "goal"}, {"a", "output"}, {"b", "output"}, {"c", "output"}},
                                        {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "g"}});
    CHECK_THROWS_WITH(topological_order(cycle), "the links form a cycle: a -> b -> c -> a");
}

TEST_CASE("Analyses of the ASEAN-ACT example", "[analysis][example]") {
    const TheoryOfChange toc = load(example);
    REQUIRE(toc.node_count() == 22);

    // Everything but the goal and the activity proposed at the workshop, not yet linked.
    const Ids all = contributors(toc, "goal");
    CHECK(all.size() == 20);
    CHECK(std::ranges::find(all, "act_cso_dialogue") == all.end());
    CHECK(contributors(toc, "eopo_1", "activity") ==
          Ids{"act_planning_workshops", "act_draft_guidance", "act_exchanges", "act_monitoring_template",
              "act_national_reporting", "act_translate_guidance", "act_regional_report_launch"});
    CHECK(effects(toc, "act_national_reporting") ==
          Ids{"goal", "pathway_1", "eopo_1", "io_1_2", "io_1_3", "out_progress_reports"});

    // One path from each activity, two from the two feeding the progress reports (io_1_2 and io_1_3).
    CHECK(count_activity_paths(toc, "goal") == BigCount(9));
    CHECK(count_paths(toc, "act_national_reporting", "goal") == BigCount(2));
    CHECK(paths(toc, "act_exchanges", "goal") ==
          std::vector<Ids>{{"act_exchanges", "out_knowledge_exchange", "io_1_2", "eopo_1", "pathway_1", "goal"}});

    // Only Pathway 1 has activities beneath it, so its chain is critical.
    CHECK(critical_nodes(toc, "goal") == Ids{"pathway_1", "eopo_1"});
    CHECK(critical_links(toc, "goal") == Pairs{{"pathway_1", "goal"}, {"eopo_1", "pathway_1"}});
    CHECK(critical_nodes(toc, "io_1_3").empty());

    const RemovalImpact reports = what_if_removed(toc, {"act_national_reporting", "act_regional_report_launch"});
    CHECK(reports.unsupported == Ids{"out_progress_reports"});
    CHECK(reports.paths_before == BigCount(9));
    CHECK(reports.paths_after == BigCount(5));
    const RemovalImpact eopo = what_if_removed(toc, {"eopo_1"});
    CHECK(eopo.unsupported == Ids{"goal", "pathway_1"});
    CHECK(eopo.share_of_paths_lost() == 1.0);

    const Coverage c = coverage(toc);
    auto row = [&](std::size_t k) {
        const LevelCoverage& l = c.levels[k];
        return std::vector<std::size_t>{l.nodes, l.with_indicators, l.with_contributors, l.with_activities};
    };
    CHECK(row(0) == std::vector<std::size_t>{1, 0, 1, 1});
    CHECK(row(1) == std::vector<std::size_t>{3, 0, 3, 1});  // pathways 2 and 3 have no activities
    CHECK(row(2) == std::vector<std::size_t>{3, 1, 1, 1});  // end-of-program outcomes 2 and 3 are bare
    CHECK(row(3) == std::vector<std::size_t>{0, 0, 0, 0});
    CHECK(row(4) == std::vector<std::size_t>{3, 3, 3, 3});
    CHECK(row(5) == std::vector<std::size_t>{4, 4, 4, 4});
    CHECK(row(6) == std::vector<std::size_t>{8, 0, 0, 8});
    CHECK(c.indicators == 10);
    CHECK(c.indicators_with_baseline == 7);
    CHECK(c.indicators_with_targets == 10);
    CHECK(c.indicators_with_actuals == 10);

    CHECK(pathways_of(toc, "out_progress_reports") == Ids{"pathway_1"});
    CHECK(pathways_of(toc, "eopo_2") == Ids{"pathway_2"});
    const TheoryOfChange one = subgraph(toc, "pathway_1");
    CHECK(one.node_count() == 17);
    CHECK(one.link_count() == 17);
    CHECK(one.indicator_count() == 10);
    CHECK(one.assumption_count() == 5);
    CHECK(one.feedback_count() == 6);
    CHECK(one.actor_count() == 14);
    CHECK(subgraph(toc, "pathway_2").node_count() == 3);

    // networkx: eopo_1 0.0666..., pathway_1 0.0357... (normalized).
    const auto ranking = centrality(toc);
    CHECK(ranking[0].first == "eopo_1");
    CHECK(ranking[0].second == Approx(28.0 / 420));
    CHECK(ranking[1].first == "pathway_1");
    CHECK(ranking[1].second == Approx(15.0 / 420));

    const Ids order = topological_order(toc);
    CHECK(order.size() == 22);
    CHECK(order.back() == "goal");
}

TEST_CASE("subgraph on a cycle keeps what lies above a node that is also below", "[analysis][pathways]") {
    // p <-> x -> y: x is both a contributor and an effect of p, and y lies above p only through x.
    const TheoryOfChange toc =
        toc_of({{"p", "pathway"}, {"x", "end_of_program_outcome"}, {"y", "goal"}, {"z", "activity"}},
               {{"p", "x"}, {"x", "p"}, {"x", "y"}});
    const TheoryOfChange sub = subgraph(toc, "p");
    CHECK(sub.node_count() == 3);
    CHECK(sub.contains("y"));
    CHECK_FALSE(sub.contains("z"));
    CHECK(sub.link_count() == 3);
}

}  // namespace tocgraph::test
