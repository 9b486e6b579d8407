// Semantic diff: every kind of change, rename detection, applying a diff,
// and the text, Markdown, HTML and JSON forms.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <tocgraph/json_io.hpp>
#include <tocgraph/synthetic.hpp>
#include <tocgraph/theory_of_change.hpp>
#include <tocgraph/versions.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {
using nlohmann::json;

namespace {

/// goal <- eopo <- io1 <- act1, io2 <- act2, with an indicator on io1.
TheoryOfChange base_toc() {
    TheoryOfChange toc =
        toc_of({{"goal", "goal", "Effective justice systems"},
                {"eopo", "end_of_program_outcome", "Regional oversight is effective"},
                {"io1", "immediate_outcome", "ASEAN has victim-sensitive planning"},
                {"io2", "immediate_outcome", "Member States share knowledge"},
                {"act1", "activity", "Regional workshops"}, {"act2", "activity", "Knowledge exchanges"}},
               {{"eopo", "goal"}, {"io1", "eopo"}, {"io2", "eopo"}, {"act1", "io1"}, {"act2", "io2"}});
    Metadata m;
    m.title = "Programme";
    m.version = "1.0";
    toc.set_metadata(m);
    toc.add_actor({"asean", "ASEAN Secretariat", "regional_body", {}});
    toc.add_assumption({"as1", "Member States stay engaged", 0.8, Risk::medium, AssumptionStatus::holding, {}});
    Node io1 = toc.node("io1");
    io1.tags = {"victim_rights"};
    toc.update_node(io1);
    Link l = toc.link("act1", "io1");
    l.strength = 0.6;
    l.assumptions = {"as1"};
    toc.update_link(l);
    Indicator i = indicator("ind1", "io1");
    i.title = "Plans with victim-rights provisions";
    i.unit = "plans";
    i.baselines = {baseline("2020-01-01", 1)};
    i.targets = {year(2021, 3), year(2022, 5)};
    i.actuals = {year(2021, 2)};
    toc.add_indicator(i);
    toc.add_feedback({"fb1", "c1", "workshop", "Participant A", "io1", FeedbackKind::challenge, "Too broad",
                      FeedbackStatus::open, "", Date{2021, 4, 20}, {}});
    return toc;
}

/// A copy of `toc` with the nodes of `renames` (old id -> new id) renamed,
/// with every reference to them: links, indicators, feedback subjects
/// naming a node or a link "a->b".
TheoryOfChange with_renamed(const TheoryOfChange& toc, const std::map<std::string, std::string>& renames) {
    auto renamed = [&](const std::string& id) {
        auto it = renames.find(id);
        return it == renames.end() ? id : it->second;
    };
    TheoryOfChange out;
    out.set_metadata(toc.metadata());
    for (const Actor& x : toc.actors()) out.add_actor(x);
    for (const Assumption& x : toc.assumptions()) out.add_assumption(x);
    for (Node n : toc.nodes()) {
        n.id = renamed(n.id);
        out.add_node(n);
    }
    for (const Link* l : toc.links()) {
        Link copy = *l;
        copy.source = renamed(l->source);
        copy.target = renamed(l->target);
        out.add_link(copy);
    }
    for (Indicator i : toc.indicators()) {
        i.node = renamed(i.node);
        out.add_indicator(i);
    }
    for (Feedback f : toc.feedback()) {
        const auto arrow = f.subject.find("->");
        f.subject = arrow == std::string::npos
                        ? renamed(f.subject)
                        : renamed(f.subject.substr(0, arrow)) + "->" + renamed(f.subject.substr(arrow + 2));
        out.add_feedback(f);
    }
    return out;
}

FieldPath path(std::initializer_list<PathStep> steps) { return FieldPath(steps); }

}  // namespace

TEST_CASE("a theory of change does not differ from itself") {
    const TheoryOfChange a = base_toc();
    const Diff d = diff(a, a);
    CHECK(d.empty());
    CHECK(d.counts().total() == 0);
    CHECK(to_text(d) == "no changes\n");
    CHECK(apply(a, d) == a);
    CHECK(diff(TheoryOfChange{}, TheoryOfChange{}).empty());
}

TEST_CASE("node changes: title rewording, level move, logic, added and removed") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    Node io2 = b.node("io2");
    io2.title = "ASEAN Member States share knowledge and learning";
    io2.level = "intermediate_outcome";
    io2.logic = Logic::any;
    b.update_node(io2);
    b.remove_node("act2");
    b.add_node(node("act3", "activity", "Civil society dialogue"));
    b.add_link(link("act3", "io2"));

    const Diff d = diff(a, b);
    REQUIRE(d.size() == 5);
    const ItemChange& removed = d.changes[0];
    CHECK(removed.collection == "nodes");
    CHECK(removed.id == "act2");
    CHECK(removed.kind == ChangeKind::removed);
    CHECK(removed.old_value["title"] == "Knowledge exchanges");

    const ItemChange& changed = d.changes[1];
    CHECK(changed.id == "io2");
    CHECK(changed.kind == ChangeKind::changed);
    REQUIRE(changed.fields.size() == 3);
    // In the file's member order: level, title, logic.
    CHECK(changed.fields[0].path == path({PathStep::member("level")}));
    CHECK(*changed.fields[0].old_value == "immediate_outcome");
    CHECK(*changed.fields[0].new_value == "intermediate_outcome");
    CHECK(changed.fields[1].path == path({PathStep::member("title")}));
    CHECK(*changed.fields[1].new_value == "ASEAN Member States share knowledge and learning");
    CHECK(changed.fields[2].path == path({PathStep::member("logic")}));
    CHECK(changed.fields[2].kind == ChangeKind::added);  // "all" is the default, left out of the file
    CHECK(*changed.fields[2].new_value == "any");

    const ItemChange& added = d.changes[2];
    CHECK(added.id == "act3");
    CHECK(added.kind == ChangeKind::added);
    CHECK(added.after == json("act1"));  // act2 is gone: act3 follows the last node both have

    CHECK(d.changes[3].collection == "links");
    CHECK(d.changes[3].id == "act2->io2");
    CHECK(d.changes[3].kind == ChangeKind::removed);
    CHECK(d.changes[4].id == "act3->io2");
    CHECK(d.changes[4].key == json{{"source", "act3"}, {"target", "io2"}});
    CHECK(d.changes[4].kind == ChangeKind::added);

    CHECK(apply(a, d) == b);
    CHECK(d.counts() == ChangeCounts{2, 2, 1, 0});
}

TEST_CASE("collections come in the file's order even when one side has none left") {
    const TheoryOfChange before = base_toc();
    TheoryOfChange after = before;
    Link l = after.link("act1", "io1");
    l.assumptions.clear();
    after.update_link(l);
    after.remove_assumption("as1");  // the writer leaves the empty collection out
    const Diff d = diff(before, after);
    REQUIRE(d.changes.size() == 2);
    CHECK(d.changes[0].collection == "assumptions");
    CHECK(d.changes[1].collection == "links");
    CHECK(apply(before, d) == after);
    const Diff back = diff(after, before);
    REQUIRE(back.changes.size() == 2);
    CHECK(back.changes[0].collection == "assumptions");
}

TEST_CASE("link changes are keyed by source and target") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    b.add_assumption({"as2", "Travel is possible", 0.3, Risk::high, AssumptionStatus::at_risk, {}});
    Link l = b.link("act1", "io1");
    l.strength = 0.8;
    l.assumptions.push_back("as2");
    l.rationale = "Workshops produce plans";
    l.evidence = Evidence{"moderate", {"Evaluation 2019"}};
    b.update_link(l);

    const Diff d = diff(a, b);
    REQUIRE(d.size() == 2);
    CHECK(d.changes[0].collection == "assumptions");
    CHECK(d.changes[0].kind == ChangeKind::added);
    const ItemChange& c = d.changes[1];
    CHECK(c.id == "act1->io1");
    REQUIRE(c.fields.size() == 4);
    CHECK(path_text(c.fields[0].path) == "assumptions[as2]");
    CHECK(c.fields[0].kind == ChangeKind::added);
    CHECK(c.fields[0].after == json("as1"));
    CHECK(path_text(c.fields[1].path) == "rationale");
    CHECK(path_text(c.fields[2].path) == "evidence");
    CHECK(*c.fields[2].new_value == json{{"strength", "moderate"}, {"references", {"Evaluation 2019"}}});
    CHECK(path_text(c.fields[3].path) == "strength");
    CHECK(*c.fields[3].old_value == 0.6);
    CHECK(*c.fields[3].new_value == 0.8);
    CHECK(apply(a, d) == b);
}

TEST_CASE("indicator changes are reported value by value") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    Indicator i = b.indicator("ind1");
    i.targets[1].value = 6;                 // target moved
    i.baselines[0].value = 2;               // baseline revised
    i.actuals.push_back(year(2022, 4));  // a new actual
    PeriodValue kh = year(2021, 1);
    kh.dimensions = {{"country", "KH"}};
    i.actuals.insert(i.actuals.begin(), kh);  // a disaggregated actual, first
    b.update_indicator(i);

    const Diff d = diff(a, b);
    REQUIRE(d.size() == 1);
    const ItemChange& c = d.changes[0];
    CHECK(c.collection == "indicators");
    CHECK(c.id == "ind1");
    REQUIRE(c.fields.size() == 4);
    CHECK(path_text(c.fields[0].path) == "baselines[2020-01-01].value");
    CHECK(*c.fields[0].old_value == 1);
    CHECK(*c.fields[0].new_value == 2);
    CHECK(path_text(c.fields[1].path) == "targets[2022-01-01..2022-12-31].value");
    CHECK(*c.fields[1].old_value == 5);
    CHECK(*c.fields[1].new_value == 6);
    CHECK(path_text(c.fields[2].path) == "actuals[2021-01-01..2021-12-31 country=KH]");
    CHECK(c.fields[2].kind == ChangeKind::added);
    CHECK_FALSE(c.fields[2].after.has_value());  // it comes first
    CHECK(path_text(c.fields[3].path) == "actuals[2022-01-01..2022-12-31]");
    CHECK(c.fields[3].after == json{{"period", {{"start", "2021-01-01"}, {"end", "2021-12-31"}}}});
    CHECK(apply(a, d) == b);

    TheoryOfChange c2 = a;
    c2.remove_indicator("ind1");
    const Diff removal = diff(a, c2);
    REQUIRE(removal.size() == 1);
    CHECK(removal.changes[0].kind == ChangeKind::removed);
    CHECK(removal.changes[0].old_value["title"] == "Plans with victim-rights provisions");
}

TEST_CASE("assumption, actor, feedback, metadata and schema changes") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    Assumption as = b.assumption("as1");
    as.likelihood = 0.5;
    as.status = AssumptionStatus::at_risk;
    b.update_assumption(as);
    b.add_actor({"dfat", "DFAT", "donor", {}});
    Feedback f = b.feedback("fb1");
    f.status = FeedbackStatus::addressed;
    f.resolution = "Split into two outcomes";
    b.update_feedback(f);
    Metadata m = b.metadata();
    m.version = "1.1";
    m.date = Date{2021, 5, 28};
    b.set_metadata(m);

    Diff d = diff(a, b);
    REQUIRE(d.size() == 4);
    CHECK(d.changes[0].collection == "metadata");
    CHECK(d.changes[0].is_singleton());
    REQUIRE(d.changes[0].fields.size() == 2);
    CHECK(path_text(d.changes[0].fields[0].path) == "version");
    CHECK(path_text(d.changes[0].fields[1].path) == "date");
    CHECK(d.changes[1].collection == "actors");
    CHECK(d.changes[1].kind == ChangeKind::added);
    CHECK(d.changes[2].collection == "assumptions");
    REQUIRE(d.changes[2].fields.size() == 2);
    CHECK(path_text(d.changes[2].fields[0].path) == "likelihood");
    CHECK(*d.changes[2].fields[1].new_value == "at_risk");
    CHECK(d.changes[3].collection == "feedback");
    CHECK(path_text(d.changes[3].fields[0].path) == "status");
    CHECK(path_text(d.changes[3].fields[1].path) == "resolution");
    CHECK(apply(a, d) == b);

    TheoryOfChange custom(LevelSchema("mine", {{"goal", "Goal", LevelRole::goal},
                                               {"end_of_program_outcome", "EOPO", LevelRole::outcome},
                                               {"immediate_outcome", "IO", LevelRole::outcome},
                                               {"activity", "Activity", LevelRole::activity}}));
    TheoryOfChange before = custom;
    before.set_schema(LevelSchema::theory_of_change());
    d = diff(before, custom);
    REQUIRE(d.size() == 1);
    CHECK(d.changes[0].collection == "schema");
    REQUIRE(d.changes[0].fields.size() == 1);
    CHECK(d.changes[0].fields[0].path.empty());
    CHECK(*d.changes[0].fields[0].old_value == "theory_of_change");
    CHECK(d.changes[0].fields[0].new_value->at("name") == "mine");
    CHECK(apply(before, d) == custom);
}

TEST_CASE("lists: tags by value, reordering as one value, attributes exactly") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    Node io1 = b.node("io1");
    io1.tags = {"victim_rights", "gender"};
    io1.attributes = {{"review", {{"by", "M&E"}, {"round", 2}}}, {"empty", json::array()}};
    b.update_node(io1);
    Diff d = diff(a, b);
    REQUIRE(d.size() == 1);
    REQUIRE(d.changes[0].fields.size() == 2);
    CHECK(path_text(d.changes[0].fields[0].path) == "tags[gender]");
    CHECK(d.changes[0].fields[0].path.back().kind == PathStep::Kind::by_value);
    CHECK(path_text(d.changes[0].fields[1].path) == "attributes");
    CHECK(apply(a, d) == b);

    TheoryOfChange c = b;
    io1 = c.node("io1");
    io1.tags = {"gender", "victim_rights"};  // the same tags in another order
    io1.attributes["review"]["round"] = 3;
    io1.attributes.erase("empty");
    c.update_node(io1);
    d = diff(b, c);
    REQUIRE(d.size() == 1);
    REQUIRE(d.changes[0].fields.size() == 3);
    CHECK(path_text(d.changes[0].fields[0].path) == "tags");
    CHECK(*d.changes[0].fields[0].new_value == json{"gender", "victim_rights"});
    CHECK(path_text(d.changes[0].fields[1].path) == "attributes.empty");
    CHECK(d.changes[0].fields[1].kind == ChangeKind::removed);
    CHECK(*d.changes[0].fields[1].old_value == json::array());  // an empty list in user data is kept
    CHECK(path_text(d.changes[0].fields[2].path) == "attributes.review.round");
    CHECK(apply(b, d) == c);
}

TEST_CASE("fields added to the model later are covered through the JSON form") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    Node io1 = b.node("io1");
    io1.references = {Reference{"sdg-target", "16.2", ""}};
    b.update_node(io1);
    Indicator i = b.indicator("ind1");
    i.targets[0].locations = {"KH-12"};
    b.update_indicator(i);
    const Diff d = diff(a, b);
    REQUIRE(d.size() == 2);
    CHECK(path_text(d.changes[0].fields[0].path) == "references[{\"code\":\"16.2\",\"vocabulary\":\"sdg-target\"}]");
    CHECK(path_text(d.changes[1].fields[0].path) == "targets[2021-01-01..2021-12-31].locations[KH-12]");
    CHECK(apply(a, d) == b);
}

TEST_CASE("rename detection") {
    const TheoryOfChange a = base_toc();

    SECTION("a clear rename: same level, title and neighbours") {
        TheoryOfChange b = a;
        recreate_as(b, "io1", "io_1_1");
        Node io1 = b.node("io_1_1");
        io1.title = "ASEAN has Victim-Sensitive planning.";  // the same after normalisation
        io1.description = "Planning processes";
        b.update_node(io1);
        Feedback f = b.feedback("fb1");
        f.subject = "io_1_1";
        b.update_feedback(f);

        CHECK(detect_renames(a, b) == std::vector<NodeRename>{{"io1", "io_1_1"}});
        const Diff d = diff(a, b);
        REQUIRE(d.size() == 1);
        const ItemChange& c = d.changes[0];
        CHECK(c.kind == ChangeKind::renamed);
        CHECK(c.id == "io1");
        CHECK(c.new_id == "io_1_1");
        CHECK(c.old_value["id"] == "io1");
        REQUIRE(c.fields.size() == 2);
        CHECK(path_text(c.fields[0].path) == "title");
        CHECK(path_text(c.fields[1].path) == "description");
        CHECK(d.find("nodes", "io_1_1") == &c);
        CHECK(apply(a, d) == b);
        CHECK(to_text(d).find("  > io1 -> io_1_1 (immediate_outcome)") != std::string::npos);

        const Diff plain = diff(a, b, {.detect_renames = false});
        CHECK(plain.counts().renamed == 0);
        CHECK(plain.counts().removed == 3);  // the node and its two links
        CHECK(apply(a, plain) == b);
    }

    SECTION("two linked nodes renamed together") {
        const TheoryOfChange b = with_renamed(a, {{"io2", "io_2"}, {"act2", "act_2"}});
        CHECK(detect_renames(a, b) == std::vector<NodeRename>{{"io2", "io_2"}, {"act2", "act_2"}});
        CHECK(diff(a, b).counts() == ChangeCounts{0, 0, 0, 2});
        CHECK(apply(a, diff(a, b)) == b);
    }

    SECTION("both ends of a link renamed: a feedback subject naming the link follows both") {
        TheoryOfChange with_link_feedback = a;
        with_link_feedback.add_feedback({"fb2", "c1", "workshop", "Participant B", "act1->io1", FeedbackKind::challenge,
                                         "Weak link", FeedbackStatus::open, "", Date{2021, 4, 21}, {}});
        const TheoryOfChange b = with_renamed(with_link_feedback, {{"io1", "io_1"}, {"act1", "act_1"}});
        CHECK(detect_renames(with_link_feedback, b) == std::vector<NodeRename>{{"io1", "io_1"}, {"act1", "act_1"}});
        const Diff d = diff(with_link_feedback, b);
        CHECK(d.counts() == ChangeCounts{0, 0, 0, 2});
        CHECK(apply(with_link_feedback, d) == b);
    }

    SECTION("different neighbours: removal and addition") {
        TheoryOfChange b = a;
        b.remove_node("act2");
        b.add_node(node("act_2", "activity", "Knowledge exchanges"));
        b.add_link(link("act_2", "io1"));  // not io2 as before
        CHECK(detect_renames(a, b).empty());
        CHECK(diff(a, b).counts() == ChangeCounts{2, 2, 0, 0});
    }

    SECTION("ambiguous: two candidates with the same title") {
        TheoryOfChange b = a;
        b.remove_node("act2");
        b.add_node(node("act_2a", "activity", "Knowledge exchanges"));
        b.add_node(node("act_2b", "activity", "Knowledge exchanges"));
        b.add_link(link("act_2a", "io2"));
        b.add_link(link("act_2b", "io2"));
        CHECK(detect_renames(a, b).empty());
    }

    SECTION("another level or another title: no rename") {
        TheoryOfChange b = a;
        b.remove_node("act2");
        b.add_node(node("out2", "output", "Knowledge exchanges"));
        b.add_link(link("out2", "io2"));
        CHECK(detect_renames(a, b).empty());
        TheoryOfChange c = a;
        c.remove_node("act2");
        c.add_node(node("act_2", "activity", "Online knowledge exchanges"));
        c.add_link(link("act_2", "io2"));
        CHECK(detect_renames(a, c).empty());
    }
}

TEST_CASE("apply refuses a diff that does not fit") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    set_title(b, "io2", "New title");
    const Diff d = diff(a, b);

    TheoryOfChange other = a;
    set_title(other, "io2", "Someone else's title");
    CHECK_THROWS_WITH(apply(other, d),
                      "cannot apply the change at nodes[io2].title: the value is \"Someone else's title\", "
                      "the change expects \"Member States share knowledge\"");
    CHECK_THROWS_WITH(apply(b, d),  // applied twice
                      "cannot apply the change at nodes[io2].title: the value is \"New title\", the change "
                      "expects \"Member States share knowledge\"");

    TheoryOfChange gone = a;
    gone.remove_node("act2");
    TheoryOfChange with_act3 = a;
    with_act3.remove_node("act2");
    with_act3.add_node(node("act3", "activity", "x"));
    CHECK_THROWS_WITH(apply(with_act3, diff(gone, with_act3)),
                      "cannot apply the change at nodes[act3]: the element is already there");
    CHECK_THROWS_WITH(apply(gone, diff(a, gone)), "cannot apply the change at nodes[act2]: no element to remove");
}

TEST_CASE("apply on large collections keeps the order and the errors of small ones") {
    // Collections of 32 elements or more are applied through an index by key
    // (json_delta.hpp): the result and the refusals must be the same.
    SyntheticOptions options;
    options.nodes = 300;
    options.seed = 3;
    const TheoryOfChange a = synthetic(options);
    json doc = toc_to_json(a);
    json& nodes = doc["nodes"];
    REQUIRE(nodes.size() == 300);
    // Two new nodes together in the middle, one first, one last; every 25th
    // node from the 10th removed with its links and indicators; some retitled.
    auto new_node = [](const char* id) { return json{{"id", id}, {"level", "activity"}, {"title", id}}; };
    nodes.insert(nodes.begin() + 150, {new_node("new_b1"), new_node("new_b2")});
    nodes.insert(nodes.begin(), new_node("new_first"));
    nodes.push_back(new_node("new_last"));
    std::set<std::string> removed;
    for (std::size_t i = 10; i < nodes.size(); i += 25) removed.insert(nodes[i]["id"].get<std::string>());
    auto drop = [&](json& array, auto&& gone) {
        json kept = json::array();
        for (json& e : array)
            if (!gone(e)) kept.push_back(std::move(e));
        array = std::move(kept);
    };
    drop(nodes, [&](const json& n) { return removed.contains(n["id"].get<std::string>()); });
    drop(doc["links"], [&](const json& l) {
        return removed.contains(l["source"].get<std::string>()) || removed.contains(l["target"].get<std::string>());
    });
    drop(doc["indicators"], [&](const json& i) { return removed.contains(i["node"].get<std::string>()); });
    for (std::size_t i = 3; i < nodes.size(); i += 40) nodes[i]["title"] = "Retitled " + std::to_string(i);
    doc["links"].push_back({{"source", "new_b1"}, {"target", nodes[5]["id"]}});
    const TheoryOfChange b = toc_from_json(doc);

    for (const bool renames : {true, false}) {
        DiffOptions o;
        o.detect_renames = renames;
        const Diff d = diff(a, b, o);
        CHECK(d.size() > 40);
        CHECK(dumps(apply(a, d)) == dumps(b));  // the same elements, in the same order
    }

    // The refusals name the same paths as on small collections.
    const Diff d = diff(a, b);
    const std::string first_removed = *removed.begin();
    TheoryOfChange gone = a;
    gone.remove_node(first_removed);
    CHECK_THROWS_WITH(apply(gone, d), "cannot apply the change at nodes[" + first_removed + "]: no element to remove");
    TheoryOfChange crowded = a;
    crowded.add_node(node("new_b1", "activity", "new_b1"));
    CHECK_THROWS_WITH(apply(crowded, d), "cannot apply the change at nodes[new_b1]: the element is already there");
    CHECK_THROWS_WITH(apply(b, d), Catch::Contains("cannot apply the change at nodes["));
}

TEST_CASE("a diff survives its JSON form") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    Indicator i = b.indicator("ind1");
    i.actuals.push_back(year(2022, 4));
    b.update_indicator(i);
    b.add_node(node("act3", "activity", "x"));
    b.add_link(link("act3", "io2"));
    recreate_as(b, "io1", "io_1");  // its indicator with the actual added above

    const Diff d = diff(a, b);
    const json j = d;
    CHECK(j["format"] == "tocgraph-diff");
    CHECK(j["version"] == 1);
    CHECK(j["counts"]["total"] == d.size());
    const Diff back = diff_from_json(json::parse(j.dump()));
    CHECK(back == d);
    CHECK(apply(a, back) == b);

    CHECK_THROWS_WITH(diff_from_json(json{{"format", "tocgraph-diff"}, {"version", 1}, {"changes", {{{"id", "x"}}}}}),
                      "<diff>: /changes/0: missing required member \"collection\"");
    CHECK_THROWS_WITH(diff_from_json(json{{"format", "x"}}), "<diff>: /format: expected \"tocgraph-diff\"");
}

TEST_CASE("text, Markdown and HTML forms") {
    const TheoryOfChange a = base_toc();
    TheoryOfChange b = a;
    set_title(b, "io2", "Member States share knowledge and learning");
    b.add_node(node("act3", "activity", "Civil society <dialogue>"));
    b.add_link(link("act3", "io2"));
    const Diff d = diff(a, b);

    CHECK(to_text(d) ==
          " nodes | 2 +~\n"
          " links | 1 +\n"
          " 3 changes: 2 added, 1 changed\n"
          "\n"
          "nodes\n"
          "  ~ io2 (immediate_outcome) \"Member States share knowledge and learning\"\n"
          "      title: \"Member States share knowledge\" -> \"Member States share knowledge and learning\"\n"
          "  + act3 (activity) \"Civil society <dialogue>\"\n"
          "\n"
          "links\n"
          "  + act3->io2\n");

    const std::string md = to_markdown(d);
    CHECK(md.starts_with("## Changes\n\n3 changes: 2 added, 1 changed.\n\n"));
    CHECK(md.find("| nodes | 1 | 0 | 1 | 0 |") != std::string::npos);
    CHECK(md.find("- **added** node `act3` (activity): Civil society \\<dialogue>\n") != std::string::npos);
    CHECK(md.find("  - `title`: \"Member States share knowledge\" → \"Member States share knowledge and learning\"") !=
          std::string::npos);

    const std::string html = to_html(d, {.title = "v1 → v2", .standalone = true});
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("<title>v1 → v2</title>") != std::string::npos);
    CHECK(html.find("<li class=\"added\"><span class=\"kind\">added</span>node <code>act3</code>") != std::string::npos);
    CHECK(html.find("Civil society &lt;dialogue&gt;") != std::string::npos);
    CHECK(html.find("<td class=\"old\">Member States share knowledge</td>") != std::string::npos);
    const std::string fragment = to_html(d, {.title = "Changes", .standalone = false});
    CHECK(fragment.starts_with("<style>"));
    CHECK(fragment.find("<html") == std::string::npos);
}

TEST_CASE("the bundled example and its version after the workshop") {
    const TheoryOfChange before = load(TOCGRAPH_TEST_DATA_DIR "/../../examples/asean-act/toc.json");
    const TheoryOfChange after = load(TOCGRAPH_TEST_DATA_DIR "/../../examples/asean-act/toc-after-workshop.json");
    const Diff d = diff(before, after);
    CHECK_FALSE(d.empty());
    CHECK(apply(before, d) == after);
    CHECK(apply(after, diff(after, before)) == before);
    CHECK(diff(after, after).empty());
}

TEST_CASE("Change counts and field paths as JSON", "[diff][json]") {
    ChangeCounts c;
    c.count(ChangeKind::added);
    c.count(ChangeKind::renamed);
    CHECK(change_counts_json(c) == json{{"added", 1}, {"removed", 0}, {"changed", 0}, {"renamed", 1}, {"total", 2}});
    const FieldPath path = {PathStep::member("targets"), PathStep::keyed(json{{"period", "2021"}}),
                            PathStep::by_value("gender")};
    CHECK(field_path_json(path) == json::parse(R"(["targets", {"key": {"period": "2021"}}, {"value": "gender"}])"));
    CHECK(field_path_json({}) == json::array());
}

}  // namespace tocgraph::test
