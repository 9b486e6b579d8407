// TheoryOfChange: adding, reading, updating and removing every kind of
// element, the integrity checks, lookups, copies and equality.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <tocgraph/theory_of_change.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

/// goal <- eopo <- io1 <- act1, io2 <- act2 (and act1 -> io2)
TheoryOfChange small_toc() {
    TheoryOfChange toc =
        toc_of({{"goal", "goal", "Effective justice systems"}, {"eopo", "end_of_program_outcome"},
                {"io1", "immediate_outcome"}, {"io2", "immediate_outcome"}, {"act1", "activity"}, {"act2", "activity"}},
               {{"eopo", "goal"}, {"io1", "eopo"}, {"io2", "eopo"}, {"act1", "io1"}, {"act1", "io2"}, {"act2", "io2"}});
    toc.add_actor({"asean", "ASEAN Secretariat", "regional_body", {}});
    toc.add_assumption({"a1", "Member states stay engaged", 0.8, Risk::medium, AssumptionStatus::holding, {}});
    toc.update_link(link("act1", "io1", {"a1"}));
    toc.add_indicator(indicator("ind1", "io1"));
    toc.add_indicator(indicator("ind2", "io2"));
    toc.add_feedback({"fb1", "somtc", "workshop", "Viet Nam", "io1", FeedbackKind::challenge, "Too broad",
                      FeedbackStatus::open, "", Date{2020, 2, 3}, {}});
    return toc;
}

}  // namespace

TEST_CASE("Nodes are added, found, updated and removed by id", "[model][nodes]") {
    TheoryOfChange toc;
    CHECK(toc.node_count() == 0);
    toc.add_node(node("g", "goal", "The goal"));
    toc.add_node(node("a", "activity", "An activity"));
    REQUIRE(toc.node_count() == 2);
    CHECK(toc.contains("g"));
    CHECK_FALSE(toc.contains("x"));
    CHECK(toc.node("g").title == "The goal");
    CHECK(toc.find_node("a") != nullptr);
    CHECK(toc.find_node("x") == nullptr);
    CHECK_THROWS_WITH(toc.node("x"), R"(no node "x")");

    SECTION("insertion order is kept") {
        std::vector<std::string> ids;
        for (const Node& n : toc.nodes()) ids.push_back(n.id);
        CHECK(ids == std::vector<std::string>{"g", "a"});
    }
    SECTION("update replaces the node and keeps its links") {
        toc.add_link(link("a", "g"));
        Node changed = node("a", "output", "Now an output");
        changed.tags = {"gender"};
        toc.update_node(changed);
        CHECK(toc.node("a") == changed);
        CHECK(toc.has_link("a", "g"));
        CHECK_THROWS_AS(toc.update_node(node("zz", "goal")), ModelError);
        CHECK_THROWS_WITH(toc.update_node(node("a", "nowhere")),
                          Catch::StartsWith(R"(node "a" has unknown level "nowhere")"));
        CHECK(toc.node("a") == changed);
    }
    SECTION("remove") {
        toc.remove_node("g");
        CHECK(toc.node_count() == 1);
        CHECK_FALSE(toc.contains("g"));
        CHECK(toc.node("a").title == "An activity");
        CHECK_THROWS_AS(toc.remove_node("g"), ModelError);
    }
}

TEST_CASE("Node integrity is checked before anything changes", "[model][nodes]") {
    TheoryOfChange toc;
    toc.add_node(node("g", "goal"));
    CHECK_THROWS_WITH(toc.add_node(node("g", "goal")), R"(duplicate node id "g")");
    CHECK_THROWS_WITH(toc.add_node(node("", "goal")), "node id must not be empty");
    CHECK_THROWS_WITH(toc.add_node(node("p", "purpose")),
                      R"(node "p" has unknown level "purpose"; schema "theory_of_change" has "goal", "pathway", )"
                      R"("end_of_program_outcome", "intermediate_outcome", "immediate_outcome", "output" or "activity")");
    Node with_actor = node("o", "output");
    with_actor.actors = {"nobody"};
    CHECK_THROWS_WITH(toc.add_node(with_actor), R"(node "o" names unknown actor "nobody")");
    Node bad_budget = node("b", "activity");
    bad_budget.budget = Budget{std::numeric_limits<double>::quiet_NaN(), "AUD"};
    CHECK_THROWS_WITH(toc.add_node(bad_budget), R"(node "b" has a budget that is not a number)");
    bad_budget.budget->amount = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(toc.add_node(bad_budget), ModelError);
    CHECK(toc.node_count() == 1);
    try {
        toc.add_node(node("g", "goal"));
        FAIL("no exception");
    } catch (const ModelError& e) {
        CHECK(e.id() == "g");
    }
}

TEST_CASE("nodes_at lists the nodes of one level", "[model][nodes]") {
    const auto toc = small_toc();
    auto ios = toc.nodes_at("immediate_outcome");
    REQUIRE(ios.size() == 2);
    CHECK(ios[0]->id == "io1");
    CHECK(ios[1]->id == "io2");
    CHECK(toc.nodes_at("pathway").empty());
    CHECK_THROWS_AS(toc.nodes_at("purpose"), ModelError);
}

TEST_CASE("Links join existing nodes, once, upwards", "[model][links]") {
    auto toc = small_toc();
    CHECK(toc.link_count() == 6);
    CHECK(toc.has_link("act1", "io1"));
    CHECK_FALSE(toc.has_link("io1", "act1"));
    CHECK(toc.link("act1", "io1").assumptions == std::vector<std::string>{"a1"});
    CHECK(toc.find_link("act1", "goal") == nullptr);
    CHECK(toc.find_link("nope", "goal") == nullptr);
    CHECK_THROWS_WITH(toc.link("act1", "goal"), R"(no link "act1" -> "goal")");
    CHECK(toc.links_to("io2").size() == 2);
    CHECK(toc.links_from("act1").size() == 2);
    CHECK(toc.links_to("act1").empty());

    CHECK_THROWS_WITH(toc.add_link(link("act1", "io1")), R"(duplicate link "act1" -> "io1")");
    CHECK_THROWS_WITH(toc.add_link(link("act1", "oc9")),
                      R"(link "act1" -> "oc9" names unknown node "oc9")");
    CHECK_THROWS_WITH(toc.add_link(link("x", "goal")), R"(link "x" -> "goal" names unknown node "x")");
    CHECK_THROWS_WITH(toc.add_link(link("io1", "io1")), R"(link "io1" -> "io1" joins a node to itself)");
    Link strong = link("act2", "io1");
    strong.strength = 1.5;
    CHECK_THROWS_WITH(toc.add_link(strong),
                      Catch::StartsWith(R"(strength of link "act2" -> "io1" must be between 0 and 1)"));
    strong.strength = std::nan("");
    CHECK_THROWS_AS(toc.add_link(strong), ModelError);
    strong.strength.reset();
    CHECK(toc.link_count() == 6);
    strong.assumptions = {"a9"};  // undeclared assumptions are the linter's TOC304
    toc.add_link(strong);
    CHECK(toc.link("act2", "io1").assumptions == std::vector<std::string>{"a9"});
    toc.remove_link("act2", "io1");

    SECTION("update") {
        Link l = link("act2", "io2");
        l.rationale = "training builds capacity";
        l.strength = 0.5;
        l.evidence = Evidence{"strong", {"report 2019"}};
        toc.update_link(l);
        CHECK(toc.link("act2", "io2") == l);
        CHECK_THROWS_AS(toc.update_link(link("act2", "goal")), ModelError);
    }
    SECTION("remove") {
        toc.remove_link("act1", "io2");
        CHECK(toc.link_count() == 5);
        CHECK_FALSE(toc.has_link("act1", "io2"));
        CHECK_THROWS_AS(toc.remove_link("act1", "io2"), ModelError);
    }
}

TEST_CASE("Removing a node removes its links and indicators", "[model][nodes]") {
    auto toc = small_toc();
    toc.remove_node("io1");
    CHECK(toc.node_count() == 5);
    CHECK(toc.link_count() == 4);
    CHECK_FALSE(toc.has_link("act1", "io1"));
    CHECK_FALSE(toc.has_link("io1", "eopo"));
    CHECK(toc.indicator_count() == 1);
    CHECK_FALSE(toc.has_indicator("ind1"));
    CHECK(toc.has_feedback("fb1"));  // feedback stays on record

    SECTION("the id index follows the renumbered vertices") {
        for (const char* id : {"goal", "eopo", "io2", "act1", "act2"}) {
            REQUIRE(toc.contains(id));
            CHECK(toc.node(id).id == id);
            CHECK(toc.graph()[toc.vertex_of(id)].id == id);
        }
        CHECK(toc.has_link("act1", "io2"));
        CHECK(toc.has_link("act2", "io2"));
        CHECK(toc.has_link("io2", "eopo"));
        CHECK(toc.indicators_of("io2").size() == 1);
    }
}

TEST_CASE("Lookups by id stay right through many edits", "[model][lookup]") {
    TheoryOfChange toc;
    constexpr int n = 2000;
    toc.add_node(node("goal", "goal"));
    for (int i = 0; i < n; ++i) {
        toc.add_node(node("act" + std::to_string(i), "activity"));
        toc.add_link(link("act" + std::to_string(i), "goal"));
        toc.add_indicator(indicator("ind" + std::to_string(i), "act" + std::to_string(i)));
    }
    for (int i = 0; i < n; i += 7) toc.remove_indicator("ind" + std::to_string(i));
    for (int i = 1; i < n; i += 97) toc.remove_node("act" + std::to_string(i));
    for (int i = 0; i < n; ++i) {
        const std::string id = "act" + std::to_string(i);
        const bool removed = i % 97 == 1;
        REQUIRE(toc.contains(id) == !removed);
        if (!removed) {
            REQUIRE(toc.node(id).id == id);
            REQUIRE(toc.has_link(id, "goal"));
        }
        const std::string ind = "ind" + std::to_string(i);
        REQUIRE(toc.has_indicator(ind) == (!removed && i % 7 != 0));
        if (toc.has_indicator(ind)) REQUIRE(toc.indicator(ind).node == id);
    }
    CHECK(toc.links_to("goal").size() == toc.node_count() - 1);
}

TEST_CASE("Indicators measure existing nodes", "[model][indicators]") {
    auto toc = small_toc();
    CHECK(toc.indicator_count() == 2);
    CHECK(toc.indicator("ind1").node == "io1");
    CHECK(toc.find_indicator("nope") == nullptr);
    CHECK_THROWS_WITH(toc.indicator("nope"), R"(no indicator "nope")");
    CHECK(toc.indicators_of("io1").size() == 1);
    CHECK(toc.indicators_of("goal").empty());
    CHECK_THROWS_AS(toc.indicators_of("nope"), ModelError);

    CHECK_THROWS_WITH(toc.add_indicator(indicator("ind1", "io1")), R"(duplicate indicator id "ind1")");
    CHECK_THROWS_WITH(toc.add_indicator(indicator("ind3", "oc9")),
                      R"(indicator "ind3" measures unknown node "oc9")");
    CHECK_THROWS_WITH(toc.add_indicator(indicator("", "io1")), "indicator id must not be empty");
    Indicator backwards = indicator("ind3", "io1");
    backwards.targets.push_back({{{2021, 1, 1}, {2020, 1, 1}}, 5.0, {}, {}, {}, ""});
    toc.add_indicator(backwards);  // a reversed period is the linter's TOC206
    CHECK(toc.indicator("ind3") == backwards);
    toc.remove_indicator("ind3");

    Indicator changed = indicator("ind2", "io1");
    changed.measure = Measure::percentage;
    changed.targets.push_back({{{2020, 1, 1}, {2020, 12, 31}}, 50.0, {}, {}, {{"sex", "female"}}, ""});
    toc.update_indicator(changed);
    CHECK(toc.indicator("ind2") == changed);
    CHECK(toc.indicators_of("io1").size() == 2);
    CHECK_THROWS_AS(toc.update_indicator(indicator("ind9", "io1")), ModelError);
    toc.remove_indicator("ind2");
    CHECK_FALSE(toc.has_indicator("ind2"));
    CHECK_THROWS_AS(toc.remove_indicator("ind2"), ModelError);
}

TEST_CASE("Assumptions, and removing one strips it from links", "[model][assumptions]") {
    auto toc = small_toc();
    CHECK(toc.assumption_count() == 1);
    CHECK(toc.assumption("a1").likelihood == 0.8);
    CHECK(toc.find_assumption("a2") == nullptr);
    CHECK_THROWS_WITH(toc.add_assumption({"a1", "", {}, {}, {}, {}}), R"(duplicate assumption id "a1")");
    CHECK_THROWS_WITH(toc.add_assumption({"a2", "", 1.01, {}, {}, {}}),
                      Catch::StartsWith(R"(likelihood of assumption "a2" must be between 0 and 1)"));
    CHECK_THROWS_AS(toc.add_assumption({"a2", "", -0.5, {}, {}, {}}), ModelError);

    toc.update_assumption({"a1", "changed", 0.2, Risk::high, AssumptionStatus::at_risk, {}});
    CHECK(toc.assumption("a1").status == AssumptionStatus::at_risk);
    CHECK_THROWS_AS(toc.update_assumption({"a9", "", {}, {}, {}, {}}), ModelError);

    toc.remove_assumption("a1");
    CHECK(toc.assumption_count() == 0);
    CHECK(toc.link("act1", "io1").assumptions.empty());
    CHECK_THROWS_AS(toc.remove_assumption("a1"), ModelError);
}

TEST_CASE("Actors, and removing one strips it from nodes", "[model][actors]") {
    auto toc = small_toc();
    Node n = toc.node("io1");
    n.actors = {"asean"};
    toc.update_node(n);
    CHECK(toc.actor("asean").type == "regional_body");
    CHECK_THROWS_WITH(toc.add_actor({"asean", "", "", {}}), R"(duplicate actor id "asean")");
    CHECK_THROWS_WITH(toc.add_actor({"", "", "", {}}), "actor id must not be empty");
    toc.update_actor({"asean", "ASEAN", "regional_body", {{"web", "asean.org"}}});
    CHECK(toc.actor("asean").attributes["web"] == "asean.org");
    CHECK_THROWS_AS(toc.update_actor({"dfat", "", "", {}}), ModelError);
    toc.remove_actor("asean");
    CHECK(toc.actor_count() == 0);
    CHECK(toc.node("io1").actors.empty());
    CHECK(toc.find_actor("asean") == nullptr);
}

TEST_CASE("Feedback is kept whatever its subject", "[model][feedback]") {
    auto toc = small_toc();
    CHECK(toc.feedback_count() == 1);
    CHECK(toc.feedback("fb1").kind == FeedbackKind::challenge);
    toc.add_feedback({"fb2", "", "", "", "gone->away", {}, "about a link", {}, "", {}, {}});
    CHECK(toc.feedback_count() == 2);
    CHECK_THROWS_WITH(toc.add_feedback({"fb2", "", "", "", "", {}, "", {}, "", {}, {}}),
                      R"(duplicate feedback id "fb2")");
    Feedback f = toc.feedback("fb1");
    f.status = FeedbackStatus::addressed;
    f.resolution = "split into two outcomes";
    toc.update_feedback(f);
    CHECK(toc.feedback("fb1").status == FeedbackStatus::addressed);
    toc.remove_feedback("fb2");
    CHECK_FALSE(toc.has_feedback("fb2"));
    CHECK_THROWS_AS(toc.remove_feedback("fb2"), ModelError);
}

TEST_CASE("Schema changes must keep every node's level", "[model][schema]") {
    auto toc = small_toc();
    CHECK_THROWS_WITH(toc.set_schema(LevelSchema::logframe()),
                      R"(node "eopo" has level "end_of_program_outcome", which schema "logframe" lacks)");
    CHECK(toc.schema() == LevelSchema::theory_of_change());
    TheoryOfChange empty;
    empty.set_schema(LevelSchema::logframe());
    CHECK(empty.schema().name() == "logframe");
}

TEST_CASE("Copies are deep and equality ignores insertion order", "[model][equality]") {
    const auto a = small_toc();
    auto b = a;
    CHECK(a == b);
    b.remove_node("act2");
    CHECK(a != b);
    CHECK(a.contains("act2"));
    CHECK(a.link_count() == 6);

    SECTION("the same elements added in another order are equal") {
        TheoryOfChange c;
        c.add_assumption(a.assumption("a1"));
        c.add_actor(a.actor("asean"));
        for (const char* id : {"act2", "act1", "io2", "io1", "eopo", "goal"}) c.add_node(a.node(id));
        auto links = a.links();
        for (auto it = links.rbegin(); it != links.rend(); ++it) c.add_link(**it);
        c.add_indicator(a.indicator("ind2"));
        c.add_indicator(a.indicator("ind1"));
        c.add_feedback(a.feedback("fb1"));
        CHECK(c == a);
        CHECK(a == c);
    }
    SECTION("any difference in a field makes them unequal") {
        auto c = a;
        Link l = c.link("act2", "io2");
        l.strength = 0.3;
        c.update_link(l);
        CHECK(c != a);
        auto d = a;
        d.metadata().title = "other";
        CHECK(d != a);
        auto e = a;
        Indicator i = e.indicator("ind1");
        i.ascending = false;
        e.update_indicator(i);
        CHECK(e != a);
    }
}

TEST_CASE("Moving a theory of change moves its graph instead of copying it", "[model][move]") {
    TheoryOfChange toc = toc_of({{"g", "goal"}, {"a", "activity"}}, {{"a", "g"}});
    const Node* goal = &toc.node("g");

    TheoryOfChange moved = std::move(toc);
    CHECK(&moved.node("g") == goal);  // the same storage: nothing was copied
    CHECK(moved.has_link("a", "g"));
    CHECK(toc.node_count() == 0);     // the source is left empty and usable
    CHECK_FALSE(toc.contains("g"));
    toc.add_node(node("g", "goal"));
    CHECK(toc.node_count() == 1);

    TheoryOfChange assigned;
    assigned.add_node(node("x", "goal"));
    assigned = std::move(moved);
    CHECK(&assigned.node("g") == goal);
    CHECK_FALSE(assigned.contains("x"));
    CHECK(moved.node_count() == 0);
    CHECK_FALSE(moved.contains("g"));

    std::vector<TheoryOfChange> many(1);
    many[0] = std::move(assigned);
    many.reserve(many.capacity() + 8);  // growing moves the elements (noexcept)
    CHECK(&many[0].node("g") == goal);
}

}  // namespace tocgraph::test
