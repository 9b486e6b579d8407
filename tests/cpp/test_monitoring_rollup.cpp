// Roll-up of progress through the graph: each method with hand-computed
// figures, inputs without data left out, explanations, cycles and a deep
// chain.
#include <catch2/catch.hpp>

#include <string>

#include <tocgraph/analysis/order.hpp>
#include <tocgraph/monitoring.hpp>
#include <tocgraph/theory_of_change.hpp>

#include "monitoring_fixtures.hpp"

namespace tocgraph::test {

namespace {

void add_node(TheoryOfChange& toc, const std::string& id, const std::string& level, Logic logic = Logic::all) {
    Node n;
    n.id = id;
    n.level = level;
    n.title = "Node " + id;
    n.logic = logic;
    toc.add_node(n);
}

void add_link(TheoryOfChange& toc, const std::string& source, const std::string& target,
              std::optional<double> strength = std::nullopt) {
    Link l;
    l.source = source;
    l.target = target;
    l.strength = strength;
    toc.add_link(l);
}

/// A level indicator from 0 at the end of 2020 to 100 at the end of
/// `target_year`, with `actual` reported for 2021. As of 2021-12-31 its
/// achievement is actual / 100 and its expected progress 1 / (target_year - 2020).
void add_scored(TheoryOfChange& toc, const std::string& id, const std::string& node, double actual, int target_year) {
    Indicator i = indicator(Accumulation::level);
    i.id = id;
    i.node = node;
    i.baselines = {baseline("2020-12-31", 0)};
    i.targets = {year(target_year, 100)};
    i.actuals = {year(2021, actual)};
    toc.add_indicator(i);
}

/// goal <- p1 <- {o1, o2}; goal <- p2 (nothing beneath).
/// o1: 0.5 achieved of 1.0 expected (off track); o2: 0.46 of 0.5 (on track).
TheoryOfChange two_outcomes(Logic p1_logic = Logic::all) {
    TheoryOfChange toc;
    add_node(toc, "goal", "goal");
    add_node(toc, "p1", "pathway", p1_logic);
    add_node(toc, "p2", "pathway");
    add_node(toc, "o1", "immediate_outcome");
    add_node(toc, "o2", "immediate_outcome");
    add_link(toc, "p1", "goal");
    add_link(toc, "p2", "goal");
    add_link(toc, "o1", "p1", 0.8);
    add_link(toc, "o2", "p1", 0.2);
    add_scored(toc, "i1", "o1", 50, 2021);
    add_scored(toc, "i2", "o2", 46, 2022);
    return toc;
}

RollupOptions options(RollupMethod method) { return {as_of("2021-12-31"), method}; }

}  // namespace

TEST_CASE("indicators give their node its figure") {
    const Rollup r = rollup(two_outcomes(), options(RollupMethod::mean));
    const NodeProgress& o1 = r.node("o1");
    CHECK(*o1.achievement == Approx(0.5));
    CHECK(*o1.expected == Approx(1.0));
    CHECK(o1.status == ProgressStatus::off_track);
    const NodeProgress& o2 = r.node("o2");
    CHECK(*o2.achievement == Approx(0.46));
    CHECK(*o2.expected == Approx(0.5));
    CHECK(o2.status == ProgressStatus::on_track);
    REQUIRE(o2.inputs.size() == 1);
    CHECK(o2.inputs[0].kind == InputKind::indicator);
    CHECK(o2.inputs[0].id == "i2");
    CHECK(r.indicator("i2").status == ProgressStatus::on_track);
    CHECK(r.nodes.size() == 5);
    CHECK(r.nodes[0].node == "goal");  // node order
}

TEST_CASE("mean: achievements and expectations averaged side by side") {
    const Rollup r = rollup(two_outcomes(), options(RollupMethod::mean));
    const NodeProgress& p1 = r.node("p1");
    CHECK(*p1.achievement == Approx(0.48));  // (0.5 + 0.46) / 2
    CHECK(*p1.expected == Approx(0.75));     // (1.0 + 0.5) / 2
    CHECK(p1.status == ProgressStatus::at_risk);  // 0.64 of expected
    CHECK(p1.method == RollupMethod::mean);
    CHECK(p1.inputs[0].share == Approx(0.5));
    // The goal: p2 has no data and is left out, not counted as 0.
    const NodeProgress& goal = r.node("goal");
    CHECK(*goal.achievement == Approx(0.48));
    CHECK(goal.scored_inputs() == 1);
    REQUIRE(goal.inputs.size() == 2);
    CHECK_FALSE(goal.inputs[1].scored);
    CHECK(goal.inputs[1].reason == "no data");
    CHECK(r.node("p2").status == ProgressStatus::no_data);
    CHECK_FALSE(r.node("p2").achievement);
}

TEST_CASE("weighted: contributors weigh their link strength") {
    const Rollup r = rollup(two_outcomes(), options(RollupMethod::weighted));
    const NodeProgress& p1 = r.node("p1");
    CHECK(*p1.achievement == Approx(0.492));  // 0.8 x 0.5 + 0.2 x 0.46
    CHECK(*p1.expected == Approx(0.9));       // 0.8 x 1.0 + 0.2 x 0.5
    CHECK(p1.status == ProgressStatus::off_track);  // 0.547 of expected
    CHECK(p1.inputs[0].weight == Approx(0.8));
    CHECK(p1.inputs[0].share == Approx(0.8));
    // A link without strength weighs 1.
    CHECK(r.node("goal").inputs[0].weight == 1.0);
}

TEST_CASE("weighted: a link of strength 0 is left out") {
    TheoryOfChange toc = two_outcomes();
    Link l = toc.link("o2", "p1");
    l.strength = 0.0;
    toc.update_link(l);
    const Rollup r = rollup(toc, options(RollupMethod::weighted));
    CHECK(*r.node("p1").achievement == Approx(0.5));
    CHECK(r.node("p1").inputs[1].reason == "link strength 0");
    // Under mean the strength does not matter.
    CHECK(*rollup(toc, options(RollupMethod::mean)).node("p1").achievement == Approx(0.48));
}

TEST_CASE("weakest and strongest take one input's figure") {
    Rollup r = rollup(two_outcomes(), options(RollupMethod::weakest));
    CHECK(r.node("p1").decisive == "o1");  // off track, though o2's achievement is lower
    CHECK(*r.node("p1").achievement == Approx(0.5));
    CHECK(*r.node("p1").expected == Approx(1.0));
    CHECK(r.node("p1").status == ProgressStatus::off_track);
    CHECK(r.node("p1").inputs[0].share == 1.0);
    CHECK(r.node("p1").inputs[1].share == 0.0);

    r = rollup(two_outcomes(), options(RollupMethod::strongest));
    CHECK(r.node("p1").decisive == "o2");
    CHECK(*r.node("p1").achievement == Approx(0.46));
    CHECK(r.node("p1").status == ProgressStatus::on_track);
}

TEST_CASE("logic: each node by its own logic") {
    Rollup r = rollup(two_outcomes(Logic::any), options(RollupMethod::logic));
    CHECK(r.node("p1").method == RollupMethod::strongest);
    CHECK(r.node("p1").decisive == "o2");
    r = rollup(two_outcomes(Logic::all), options(RollupMethod::logic));
    CHECK(r.node("p1").method == RollupMethod::weakest);
    CHECK(r.node("p1").decisive == "o1");
    r = rollup(two_outcomes(Logic::weighted), options(RollupMethod::logic));
    CHECK(r.node("p1").method == RollupMethod::weighted);
    CHECK(*r.node("p1").achievement == Approx(0.492));
}

TEST_CASE("own indicators and contributors combine; unscored inputs are left out") {
    TheoryOfChange toc = two_outcomes();
    add_scored(toc, "i3", "p1", 100, 2021);  // 1.0 of 1.0
    Indicator q = indicator(Accumulation::level, Aggregation::none, Measure::qualitative);
    q.id = "q";
    q.node = "p1";
    q.actuals = {year(2021, std::nullopt, {}, "Good progress")};
    toc.add_indicator(q);
    const Rollup r = rollup(toc, options(RollupMethod::mean));
    const NodeProgress& p1 = r.node("p1");
    REQUIRE(p1.inputs.size() == 4);
    CHECK(p1.inputs[0].id == "i3");  // own indicators first, in indicator order
    CHECK(p1.inputs[1].id == "q");
    CHECK_FALSE(p1.inputs[1].scored);
    CHECK(p1.inputs[1].reason == "qualitative: not scored");
    CHECK(*p1.achievement == Approx((1.0 + 0.5 + 0.46) / 3));
    CHECK(*p1.expected == Approx((1.0 + 1.0 + 0.5) / 3));
}

TEST_CASE("a node whose inputs are all not started is not started") {
    TheoryOfChange toc = two_outcomes();
    add_scored(toc, "later", "p2", 10, 2023);
    Indicator i = toc.indicator("later");
    i.actuals.clear();
    i.targets = {year(2023, 100)};
    toc.update_indicator(i);
    const Rollup r = rollup(toc, RollupOptions{as_of("2021-12-31"), RollupMethod::mean});
    // The target period has not ended and nothing is reported: not started.
    CHECK(r.indicator("later").status == ProgressStatus::not_started);
    CHECK(r.node("p2").status == ProgressStatus::not_started);
    CHECK_FALSE(r.node("p2").achievement);
    CHECK(r.node("goal").inputs[1].reason == "not started");
}

TEST_CASE("an indicator with data but no target is left out of the arithmetic") {
    TheoryOfChange toc = two_outcomes();
    // o1 gets a second indicator with an actual and no target: o1 keeps its
    // figure from i1 alone.
    Indicator untargeted = indicator(Accumulation::level);
    untargeted.id = "untargeted";
    untargeted.node = "o1";
    untargeted.baselines = {baseline("2020-12-31", 0)};
    untargeted.actuals = {year(2021, 7)};
    toc.add_indicator(untargeted);
    // p2, empty so far, gets only such an indicator: data, but no target.
    Indicator alone = untargeted;
    alone.id = "alone";
    alone.node = "p2";
    toc.add_indicator(alone);
    const Rollup r = rollup(toc, options(RollupMethod::mean));
    CHECK(r.indicator("untargeted").status == ProgressStatus::no_target);
    const NodeProgress& o1 = r.node("o1");
    REQUIRE(o1.inputs.size() == 2);
    CHECK_FALSE(o1.inputs[1].scored);
    CHECK(o1.inputs[1].reason == "no target");
    CHECK(o1.scored_inputs() == 1);
    CHECK(*o1.achievement == Approx(0.5));
    CHECK(*o1.expected == Approx(1.0));
    CHECK(o1.status == ProgressStatus::off_track);
    // A node whose every input is no target says so, with no figure.
    CHECK(r.node("p2").status == ProgressStatus::no_target);
    CHECK_FALSE(r.node("p2").achievement);
    // The goal: p1 scored, p2 left out as "no target"; a mix is no data.
    const NodeProgress& goal = r.node("goal");
    CHECK(goal.scored_inputs() == 1);
    CHECK(goal.inputs[1].reason == "no target");
    CHECK(*goal.achievement == Approx(r.node("p1").achievement.value()));
    Indicator silent = indicator(Accumulation::level);
    silent.id = "silent";
    silent.node = "p2";
    silent.targets = {year(2021, 5)};
    toc.add_indicator(silent);
    CHECK(rollup(toc, options(RollupMethod::mean)).node("p2").status == ProgressStatus::no_data);
}

TEST_CASE("explain names the drivers, as data and as text") {
    const Rollup r = rollup(two_outcomes(), options(RollupMethod::mean));
    const Explanation e = explain(r, "p1");
    REQUIRE(e.drivers.size() == 2);
    CHECK(e.drivers[0].id == "o1");  // furthest behind first
    CHECK(e.drivers[1].id == "o2");
    CHECK(e.unscored.empty());
    CHECK(e.text ==
          "p1 \"Node p1\" (pathway) as of 2021-12-31: 48% achieved against 75% expected, at risk (mean of 2 of 2 inputs).\n"
          "  contributor o1: 50% against 100% expected, off track, share 50%\n"
          "  contributor o2: 46% against 50% expected, on track, share 50%\n"
          "Held back most by o1 (off track); furthest ahead: o2 (on track).\n");

    const Explanation goal = explain(r, "goal");
    CHECK(goal.unscored.size() == 1);
    CHECK(goal.text.find("  contributor p2: left out (no data)\n") != std::string::npos);

    const Explanation weakest = explain(two_outcomes(), "p1", options(RollupMethod::weakest));
    CHECK(weakest.text.find("contributor o1: 50% against 100% expected, off track (decisive)") != std::string::npos);
    CHECK(weakest.text.find("The figure is that of o1, the input furthest behind its schedule.") != std::string::npos);

    const Explanation empty = explain(r, "p2");
    CHECK(empty.text == "p2 \"Node p2\" (pathway) as of 2021-12-31: no data: no indicators and no contributors.\n");
    CHECK_THROWS_AS(explain(r, "nope"), ModelError);
    CHECK_THROWS_AS(explain(two_outcomes(), "nope", options(RollupMethod::mean)), ModelError);
}

TEST_CASE("a cycle is a clear error") {
    TheoryOfChange toc = two_outcomes();
    add_link(toc, "goal", "o1");
    try {
        (void)rollup(toc, options(RollupMethod::mean));
        FAIL("no CycleError");
    } catch (const CycleError& e) {
        CHECK(std::string(e.what()) == "the links form a cycle: o1 -> p1 -> goal -> o1");
    }
}

TEST_CASE("a long chain is rolled up without recursion") {
    TheoryOfChange toc;
    const int n = 20000;
    for (int i = 0; i < n; ++i) add_node(toc, "n" + std::to_string(i), i == 0 ? "goal" : "output");
    for (int i = 1; i < n; ++i) add_link(toc, "n" + std::to_string(i), "n" + std::to_string(i - 1));
    add_scored(toc, "bottom", "n" + std::to_string(n - 1), 30, 2021);
    const Rollup r = rollup(toc, options(RollupMethod::mean));
    CHECK(*r.node("n0").achievement == Approx(0.3));
    CHECK(r.node("n0").status == ProgressStatus::off_track);
}

TEST_CASE("the JSON of a roll-up") {
    const Rollup r = rollup(two_outcomes(), options(RollupMethod::weakest));
    const nlohmann::ordered_json j = r;
    CHECK(j["as_of"] == "2021-12-31");
    CHECK(j["method"] == "weakest");
    CHECK(j["tolerances"]["at_risk_below"] == 0.9);
    CHECK(j["nodes"][0]["node"] == "goal");
    CHECK(j["nodes"][2]["achievement"].is_null());  // p2
    CHECK(j["nodes"][2]["status"] == "no_data");
    CHECK(j["nodes"][1]["decisive"] == "o1");
    CHECK(j["indicators"][0]["indicator"] == "i1");
    CHECK(j["indicators"][0]["achievement"] == 0.5);
    CHECK(j["indicators"][0]["periods"][0]["start"] == "2021-01-01");
    // Empty collections are written as {} and [], never left out or null.
    CHECK(j["indicators"][0]["filter"] == nlohmann::ordered_json::object());
    CHECK(j["indicators"][0]["unreported"] == nlohmann::ordered_json::array());
    CHECK(j["indicators"][0]["parts"] == nlohmann::ordered_json::array());
    CHECK(nlohmann::ordered_json(explain(r, "p1"))["drivers"][0]["id"] == "o1");
}

TEST_CASE("Figures as text: whole percentages and disaggregations", "[monitoring][text]") {
    CHECK(percent_text(0.634) == "63%");
    CHECK(percent_text(1.5) == "150%");
    CHECK(percent_text(-0.004) == "0%");
    CHECK(percent_text(-0.25) == "-25%");
    CHECK(dimensions_text({}) == "(all)");
    CHECK(dimensions_text({{"sex", "female"}, {"country", "KH"}}) == "country=KH, sex=female");
}

}  // namespace tocgraph::test
