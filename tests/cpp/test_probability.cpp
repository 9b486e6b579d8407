// Probabilistic analysis (include/tocgraph/probability/): three small
// theories of change whose probabilities are worked out by hand below, Monte
// Carlo against exact inference on random models, and the errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include <tocgraph/probability.hpp>

#include "model_fixtures.hpp"
#include "monitoring_fixtures.hpp"

namespace tocgraph::test {
namespace {

Node with_logic(Node n, Logic logic) {
    n.logic = logic;
    return n;
}
Node with_status(Node n, ActivityStatus status) {
    n.status = status;
    return n;
}
Node with_attribute(Node n, const char* name, double value) {
    n.attributes[name] = value;
    return n;
}
Link with_strength(Link l, double strength) {
    l.strength = strength;
    return l;
}
Assumption likely(std::string id, double likelihood) {
    Assumption a = assumption(std::move(id), "");
    a.likelihood = likelihood;
    return a;
}

// A chain: act (planned: prior 0.5) -0.8-> out -0.9, assumption A 0.7-> goal.
//   P(out)  = 0.5 * 0.8                 = 0.4
//   P(goal) = 0.4 * 0.9 * 0.7           = 0.252
//   P(goal | out)     = 0.9 * 0.7       = 0.63
//   P(act | not out)  = 0.5 * 0.2 / 0.6 = 1/6
//   P(A | goal)       = 1
TheoryOfChange chain(ActivityStatus act_status = ActivityStatus::planned) {
    TheoryOfChange toc;
    toc.add_assumption(likely("A", 0.7));
    toc.add_node(node("goal", "goal"));
    toc.add_node(node("out", "output"));
    toc.add_node(with_status(node("act", "activity"), act_status));
    toc.add_link(with_strength(link("act", "out"), 0.8));
    toc.add_link(with_strength(link("out", "goal", {"A"}), 0.9));
    return toc;
}

// `any` with two causes and a leak of 0.1: a1 completed (1), a2 planned (0.5),
// strengths 0.6 and 0.5.
//   P(o) = 0.1 + 0.9 * (1 - 0.4 * (1 - 0.5 * 0.5)) = 0.1 + 0.9 * 0.7 = 0.73
//   P(not o | a2) = 0.9 * 0.4 * 0.5 = 0.18, P(not o | not a2) = 0.9 * 0.4 = 0.36
//   P(a2 | not o) = 0.5 * 0.18 / (0.5 * 0.18 + 0.5 * 0.36) = 1/3
TheoryOfChange noisy_or() {
    TheoryOfChange toc;
    toc.add_node(with_attribute(with_logic(node("o", "output"), Logic::any), "leak", 0.1));
    toc.add_node(with_status(node("a1", "activity"), ActivityStatus::completed));
    toc.add_node(with_status(node("a2", "activity"), ActivityStatus::planned));
    toc.add_link(with_strength(link("a1", "o"), 0.6));
    toc.add_link(with_strength(link("a2", "o"), 0.5));
    return toc;
}

// `all` with two causes sharing assumption A (0.8): a1 with attribute
// probability 0.9, a2 planned (0.5); a1 -> o strength 0.7, a2 -> o no
// strength (the default 1.0). A is one variable, so it counts once:
//   P(o) = 0.9 * 0.5 * 0.8 * 0.7 * 1.0 = 0.252   (not 0.9*0.5*0.8*0.8*0.7)
//   Given a1 and not o:
//   P(not o, A | a1) = 0.8 * (1 - 0.5 * 0.7) = 0.52,  P(not o, not A | a1) = 0.2
//   P(A | a1, not o) = 0.52 / 0.72 = 13/18
TheoryOfChange shared_assumption() {
    TheoryOfChange toc;
    toc.add_assumption(likely("A", 0.8));
    toc.add_node(with_logic(node("o", "output"), Logic::all));
    toc.add_node(with_attribute(node("a1", "activity"), "probability", 0.9));
    toc.add_node(node("a2", "activity"));
    toc.add_link(with_strength(link("a1", "o", {"A"}), 0.7));
    toc.add_link(link("a2", "o", {"A"}));
    return toc;
}

}  // namespace

TEST_CASE("probability: a chain, by hand") {
    const TheoryOfChange toc = chain();
    const Marginals m = exact_probabilities(toc);
    CHECK(m.of("out") == Approx(0.4).margin(1e-12));
    CHECK(m.of("goal") == Approx(0.252).margin(1e-12));
    CHECK(m.of("A") == Approx(0.7).margin(1e-12));
    CHECK(m.evidence_probability == Approx(1.0).margin(1e-12));
    CHECK(exact_probabilities(toc, {{"out", true}}).of("goal") == Approx(0.63).margin(1e-12));
    const Marginals not_out = exact_probabilities(toc, {{"out", false}});
    CHECK(not_out.of("act") == Approx(1.0 / 6).margin(1e-12));
    CHECK(not_out.evidence_probability == Approx(0.6).margin(1e-12));
    CHECK(exact_probabilities(toc, {{"goal", true}}).of("A") == Approx(1.0).margin(1e-12));
    CHECK(exact_probabilities(toc, {{"A", false}}).of("goal") == Approx(0.0).margin(1e-12));
}

TEST_CASE("probability: noisy-OR with a leak, by hand") {
    const TheoryOfChange toc = noisy_or();
    CHECK(exact_probabilities(toc).of("o") == Approx(0.73).margin(1e-12));
    CHECK(exact_probabilities(toc, {{"o", false}}).of("a2") == Approx(1.0 / 3).margin(1e-12));
}

TEST_CASE("probability: `all` with a shared assumption, by hand") {
    const TheoryOfChange toc = shared_assumption();
    CHECK(exact_probabilities(toc).of("o") == Approx(0.252).margin(1e-12));
    CHECK(exact_probabilities(toc, {{"a1", true}, {"o", false}}).of("A") == Approx(13.0 / 18).margin(1e-12));
    const ProbabilityModel model = build_model(toc);
    // The link without strength and the activity without status were defaulted; a1's attribute was not.
    REQUIRE(model.defaulted.size() == 2);
    CHECK(model.defaulted[0] == DefaultedParameter{"link", "a2->o", "probability", 1.0});
    CHECK(model.defaulted[1] == DefaultedParameter{"node", "a2", "prior", 0.5});
}

TEST_CASE("probability: parameters change the defaults") {
    ProbabilityParameters p;
    p.link_probability = 0.5;
    p.activity_prior = 0.2;
    // a2 now 0.2, its link 0.5: P(o) = 0.9 * 0.2 * 0.8 * 0.7 * 0.5
    CHECK(exact_probabilities(shared_assumption(), {}, p).of("o") == Approx(0.9 * 0.2 * 0.8 * 0.7 * 0.5).margin(1e-12));
}

TEST_CASE("probability: weighted logic") {
    // Three causes, weights 1, 1, 2 (attribute), each certain to be achieved,
    // links working with 0.5 each; threshold 0.5 of the weight 4 = 2:
    // achieved when c (weight 2) works, or a and b both work:
    //   P = 0.5 + 0.5 * 0.25 = 0.625
    TheoryOfChange toc;
    toc.add_node(with_logic(node("o", "output"), Logic::weighted));
    for (const char* id : {"a", "b", "c"}) {
        toc.add_node(with_status(node(id, "activity"), ActivityStatus::completed));
        Link l = with_strength(link(id, "o"), 0.5);
        l.attributes["weight"] = std::string(id) == "c" ? 2.0 : 1.0;
        toc.add_link(l);
    }
    CHECK(exact_probabilities(toc).of("o") == Approx(0.625).margin(1e-12));
    // A threshold of 0.75 (3 of 4) needs c and one of a, b: 0.5 * 0.75
    Node o = toc.node("o");
    o.attributes["threshold"] = 0.75;
    toc.update_node(o);
    CHECK(exact_probabilities(toc).of("o") == Approx(0.375).margin(1e-12));
}

TEST_CASE("probability: Monte Carlo agrees with exact inference on random models") {
    for (std::size_t nodes : {20, 60, 200}) {
        RandomModelOptions options;
        options.nodes = nodes;
        options.seed = nodes;
        const ProbabilityModel model = build_model(random_model(options));
        MonteCarloOptions mc;
        mc.samples = 1 << 18;
        mc.seed = 7;
        mc.threads = 2;
        const Marginals exact = exact_probabilities(model);
        const Marginals sampled = monte_carlo_probabilities(model, {}, mc);
        REQUIRE(sampled.ids == exact.ids);
        for (std::size_t x = 0; x < exact.ids.size(); ++x) {
            const double p = exact.probability[x];
            const double se = std::sqrt(p * (1 - p) / double(sampled.accepted));
            INFO(nodes << " nodes, " << exact.ids[x] << ": exact " << p << ", sampled " << sampled.probability[x]);
            CHECK(std::abs(sampled.probability[x] - p) <= 4 * se + 1e-6);
        }
        // With an observation, by rejection: the node nearest 0.5 observed achieved.
        std::size_t pick = 0;
        for (std::size_t v = 0; v < model.node_count(); ++v)
            if (std::abs(exact.probability[v] - 0.5) < std::abs(exact.probability[pick] - 0.5)) pick = v;
        const Observations seen{{exact.ids[pick], true}};
        const Marginals exact_seen = exact_probabilities(model, seen);
        const Marginals sampled_seen = monte_carlo_probabilities(model, seen, mc);
        CHECK(sampled_seen.probability[pick] == 1.0);
        for (std::size_t x = 0; x < exact.ids.size(); ++x) {
            const double p = exact_seen.probability[x];
            CHECK(std::abs(sampled_seen.probability[x] - p) <= 4 * std::sqrt(p * (1 - p) / double(sampled_seen.accepted)) + 1e-6);
        }
    }
}

TEST_CASE("probability: Monte Carlo is reproducible whatever the number of threads") {
    const ProbabilityModel model = build_model(random_model({.nodes = 80, .seed = 3}));
    MonteCarloOptions a{.samples = 100000, .seed = 11, .threads = 1};
    MonteCarloOptions b{.samples = 100000, .seed = 11, .threads = 3};
    MonteCarloOptions c{.samples = 100000, .seed = 12, .threads = 3};
    const Marginals one = monte_carlo_probabilities(model, {}, a);
    CHECK(one.probability == monte_carlo_probabilities(model, {}, b).probability);
    CHECK(one.probability != monte_carlo_probabilities(model, {}, c).probability);
    CHECK(one.samples == 100000);
}

TEST_CASE("probability: Monte Carlo clamps observed activities and assumptions instead of rejecting samples") {
    // The chain: act observed achieved and A observed failing. Clamped, every
    // sample is kept and P(observations) = 0.5 * 0.3 exactly; out = 0.8 and
    // goal = 0 given them. An observed result is still checked by rejection.
    const ProbabilityModel model = build_model(chain());
    const MonteCarloOptions options{.samples = 1 << 16, .seed = 5, .threads = 2};
    const Marginals m = monte_carlo_probabilities(model, {{"act", true}, {"A", false}}, options);
    CHECK(m.accepted == options.samples);
    CHECK(m.evidence_probability == Approx(0.15).margin(1e-12));
    CHECK(m.of("act") == 1.0);
    CHECK(m.of("A") == 0.0);
    CHECK(m.of("goal") == 0.0);
    CHECK(std::abs(m.of("out") - 0.8) <= 4 * std::sqrt(0.8 * 0.2 / double(options.samples)));

    const Marginals seen_out = monte_carlo_probabilities(model, {{"act", true}, {"out", false}}, options);
    CHECK(seen_out.accepted < options.samples);  // about 20% of them
    CHECK(std::abs(seen_out.evidence_probability - 0.5 * 0.2) <= 4 * std::sqrt(0.1 * 0.9 / double(options.samples)));
    CHECK(seen_out.of("out") == 0.0);

    // An observation the priors rule out: no sampling at all.
    CHECK_THROWS_WITH(monte_carlo_probabilities(build_model(chain(ActivityStatus::cancelled)), {{"act", true}}, options),
                      "the observations are impossible under the model (probability 0)");
}

TEST_CASE("probability: errors") {
    const TheoryOfChange toc = chain();
    CHECK_THROWS_AS(exact_probabilities(toc, {{"nowhere", true}}), ModelError);
    CHECK_THROWS_AS(exact_probabilities(toc, {{"act", false}, {"goal", true}}), ImpossibleObservations);
    CHECK_THROWS_AS(monte_carlo_probabilities(toc, {{"act", false}, {"goal", true}}), ImpossibleObservations);

    TheoryOfChange cyclic = chain();
    cyclic.add_link(link("goal", "out"));
    CHECK_THROWS_AS(build_model(cyclic), CycleError);

    TheoryOfChange bad = chain();
    Node out = bad.node("out");
    out.attributes["leak"] = 2;
    bad.update_node(out);
    CHECK_THROWS_WITH(build_model(bad), "attribute \"leak\" of node \"out\" must be a number between 0 and 1, got 2");

    // A weighted node with 12 causes joins 13 variables: over a limit of 2**10.
    TheoryOfChange wide;
    wide.add_node(with_logic(node("o", "output"), Logic::weighted));
    for (int i = 0; i < 12; ++i) {
        wide.add_node(node("a" + std::to_string(i), "activity"));
        wide.add_link(link("a" + std::to_string(i), "o"));
    }
    ProbabilityParameters small;
    small.max_table_entries = 1 << 10;
    try {
        exact_probabilities(wide, {}, small);
        FAIL("no InferenceTooLarge");
    } catch (const InferenceTooLarge& e) {
        CHECK(e.clique_size() == 13);
        CHECK(std::string(e.what()) ==
              "exact inference needs a table over 13 variables (treewidth at least 12) when eliminating \"o\", more than "
              "the limit of 1024 entries; use method \"monte_carlo\" or raise max_table_entries");
    }
    // The same as `any` is a chain of small factors: no limit reached.
    Node o = wide.node("o");
    o.logic = Logic::any;
    wide.update_node(o);
    CHECK(exact_probabilities(wide, {}, small).of("o") == Approx(1 - std::pow(0.5, 12)).margin(1e-12));
}

TEST_CASE("probability: Birnbaum importance in the chain, by hand") {
    // goal = act * 0.8 * 0.9 * A, with act 0.5 and A 0.7:
    //   act certain: 0.8 * 0.9 * 0.7 = 0.504     A holds: 0.5 * 0.8 * 0.9 = 0.36
    //   act -> out works: 0.5 * 0.9 * 0.7 = 0.315   out -> goal works: 0.4 * 0.7 = 0.28
    // and each failing makes the goal impossible.
    const auto ranked = sensitivity(build_model(chain()), "");
    REQUIRE(ranked.size() == 4);
    const std::vector<std::pair<std::string, double>> expected{
        {"act", 0.504}, {"A", 0.36}, {"act->out", 0.315}, {"out->goal", 0.28}};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(ranked[i].id == expected[i].first);
        CHECK(ranked[i].if_certain == Approx(expected[i].second).margin(1e-12));
        CHECK(ranked[i].if_fails == Approx(0.0).margin(1e-12));
    }
    CHECK(ranked[0].kind == "activity");
    CHECK(ranked[1].kind == "assumption");
    CHECK(ranked[2].kind == "link");
    // Given out achieved, A matters alone: 0.9 with A, 0 without; act is
    // then certain, and "act fails" contradicts the observation: NaN.
    const auto given = sensitivity(build_model(chain()), "goal", {{"out", true}});
    for (const Importance& imp : given) {
        if (imp.id == "A") CHECK(imp.swing() == Approx(0.9).margin(1e-12));
        if (imp.id != "act") continue;
        CHECK(imp.if_certain == Approx(0.63).margin(1e-12));
        CHECK(std::isnan(imp.if_fails));
    }
}

TEST_CASE("probability: Birnbaum by Bayes' rule equals recomputing") {
    // The importance of roots strictly between 0 and 1 comes from one
    // calibration with the target observed; setting the prior is the definition.
    const ProbabilityModel model = build_model(random_model({.nodes = 60, .seed = 5}));
    const std::uint32_t goal = default_target(model);
    for (const Importance& imp : sensitivity(model, "goal0")) {
        if (imp.kind == "link") continue;
        ProbabilityModel m = model;
        const auto x = model.variable_of(imp.id);
        m.set_root_probability(x, 1.0);
        const double certain = exact_probabilities(m).probability[goal];
        m.set_root_probability(x, 0.0);
        const double fails = exact_probabilities(m).probability[goal];
        INFO(imp.id);
        CHECK(imp.if_certain == Approx(certain).margin(1e-9));
        CHECK(imp.if_fails == Approx(fails).margin(1e-9));
    }
}

TEST_CASE("probability: Shapley shares of a noisy-OR, by hand") {
    // v(none) = leak 0.1, v(a1) = 0.1 + 0.9 * 0.6 = 0.64,
    // v(a2) = 0.1 + 0.9 * 0.5 * 0.5 = 0.325, v(both) = 0.73:
    //   a1: (0.64 - 0.1) / 2 + (0.73 - 0.325) / 2 = 0.4725
    //   a2: (0.325 - 0.1) / 2 + (0.73 - 0.64) / 2 = 0.1575   (sum 0.63 = 0.73 - 0.1)
    const ProbabilityModel model = build_model(noisy_or());
    const Contribution c = contribution(model, "o");
    CHECK(c.exact);
    CHECK(c.probability == Approx(0.73).margin(1e-12));
    CHECK(c.baseline == Approx(0.1).margin(1e-12));
    REQUIRE(c.activities.size() == 2);
    CHECK(c.activities[0].id == "a1");
    CHECK(c.activities[0].share == Approx(0.4725).margin(1e-12));
    CHECK(c.activities[1].share == Approx(0.1575).margin(1e-12));
    CHECK(c.pathways.empty());
    // Sampled orders agree within their standard errors.
    const Contribution sampled = contribution(model, "o", {}, {.exact_limit = 0, .permutations = 400, .seed = 1});
    CHECK_FALSE(sampled.exact);
    for (std::size_t i = 0; i < 2; ++i)
        CHECK(std::abs(sampled.activities[i].share - c.activities[i].share) <= 4 * sampled.activities[i].std_error + 1e-12);
    // An observed activity keeps its value and takes no share.
    const Contribution seen = contribution(model, "o", {{"a2", false}});
    REQUIRE(seen.activities.size() == 1);
    CHECK(seen.activities[0].share == Approx(0.54).margin(1e-12));
}

TEST_CASE("probability: Shapley shares add up on a random model, pathways too") {
    const ProbabilityModel model = build_model(random_model({.nodes = 40, .seed = 2}));
    const Contribution c = contribution(model, "");
    double sum = 0, pathway_sum = 0;
    for (const Share& s : c.activities) sum += s.share;
    for (const Share& s : c.pathways) pathway_sum += s.share;
    CHECK(c.target == "goal0");
    CHECK_FALSE(c.pathways.empty());
    CHECK(sum == Approx(c.probability - c.baseline).margin(1e-9));
    CHECK(pathway_sum == Approx(c.probability - c.pathway_baseline).margin(1e-9));
}

TEST_CASE("probability: links in doubt, by hand") {
    // The chain with the goal observed not achieved (P = 0.748):
    //   out -> goal works (0.9 * A 0.7 = 0.63): P(works, not goal) = 0.63 * (1 - 0.4) = 0.378 -> 0.378 / 0.748
    //   act -> out works (0.8): P(works, not goal) = 0.8 * (1 - 0.5 * 0.63) = 0.548 -> 0.548 / 0.748
    const auto doubt = links_in_doubt(build_model(chain()), {{"goal", false}});
    REQUIRE(doubt.size() == 2);
    CHECK(doubt[0].source == "out");
    CHECK(doubt[0].prior == Approx(0.63).margin(1e-12));
    CHECK(doubt[0].posterior == Approx(0.378 / 0.748).margin(1e-12));
    CHECK(doubt[1].source == "act");
    CHECK(doubt[1].posterior == Approx(0.548 / 0.748).margin(1e-12));
    // Without observations nothing changes.
    for (const LinkDoubt& d : links_in_doubt(build_model(chain()), {})) CHECK(d.change() == Approx(0.0).margin(1e-12));
}

TEST_CASE("probability: observations from monitoring") {
    // out measured by a cumulative indicator, baseline 0, target 10 for 2022:
    // 10 by then is achieved; 2 is off track (20% of the 100% expected); 8 (80%)
    // is at risk and stays unobserved.
    auto with_actual = [](double actual) {
        TheoryOfChange toc = chain();
        Indicator i = indicator(Accumulation::cumulative);
        i.node = "out";
        i.baselines.push_back(baseline("2021-01-01", 0.0));
        i.targets.push_back(year(2022, 10.0));
        i.actuals.push_back(year(2022, actual));
        toc.add_indicator(i);
        return observations_as_of(toc, as_of("2022-12-31"));
    };
    CHECK(with_actual(10.0) == Observations{{"out", true}});
    CHECK(with_actual(2.0) == Observations{{"out", false}});
    CHECK(with_actual(8.0).empty());
    // Before the period ends nothing is due: unobserved.
    TheoryOfChange toc = chain();
    Indicator i = indicator(Accumulation::cumulative);
    i.node = "out";
    i.baselines.push_back(baseline("2021-01-01", 0.0));
    i.targets.push_back(year(2022, 10.0));
    toc.add_indicator(i);
    CHECK(observations_as_of(toc, as_of("2022-06-30")).empty());
}

}  // namespace tocgraph::test
