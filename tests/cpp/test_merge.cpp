// Three-way merge: combining changes, duplicates, every kind of conflict,
// the marks left in the result, and the lint guarantee.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include <tocgraph/json_io.hpp>
#include <tocgraph/lint.hpp>
#include <tocgraph/synthetic.hpp>
#include <tocgraph/theory_of_change.hpp>
#include <tocgraph/versions.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {
using nlohmann::json;

namespace {

/// goal <- eopo <- io1, io2 <- act1 (to both), act2 (to io2)
TheoryOfChange base_toc() {
    TheoryOfChange toc =
        toc_of({{"goal", "goal", "Effective justice systems"}, {"eopo", "end_of_program_outcome", "Regional oversight"},
                {"io1", "immediate_outcome", "Planning"}, {"io2", "immediate_outcome", "Knowledge sharing"},
                {"act1", "activity", "Workshops"}, {"act2", "activity", "Exchanges"}},
               {{"eopo", "goal"}, {"io1", "eopo"}, {"io2", "eopo"}, {"act1", "io1"}, {"act1", "io2"}, {"act2", "io2"}});
    toc.add_actor({"asean", "ASEAN Secretariat", "regional_body", {}});
    Node act1 = toc.node("act1");
    act1.actors = {"asean"};
    toc.update_node(act1);
    return toc;
}

json conflicts_mark(const TheoryOfChange& toc, const std::string& node_id) {
    const Node& n = toc.node(node_id);
    return n.attributes.is_object() ? n.attributes.value("merge_conflicts", json()) : json();
}

/// (code, ids) of the findings at warning or error severity.
std::set<std::pair<std::string, std::vector<std::string>>> serious_findings(const TheoryOfChange& toc) {
    std::set<std::pair<std::string, std::vector<std::string>>> out;
    for (const Finding& f : lint(toc))
        if (f.severity != Severity::info) out.insert({f.code, f.ids});
    return out;
}

}  // namespace

TEST_CASE("changes on different elements and fields combine") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base, expected = base;
    for (TheoryOfChange* t : {&ours, &expected}) {
        set_title(*t, "io1", "Effective planning");
        t->add_node(node("act3", "activity", "Dialogue"));
        t->add_link(link("act3", "io1"));
    }
    for (TheoryOfChange* t : {&theirs, &expected}) {
        Node io1 = t->node("io1");
        io1.description = "Victim-sensitive";
        t->update_node(io1);
        Link l = t->link("act2", "io2");
        l.strength = 0.4;
        t->update_link(l);
        t->add_assumption({"as1", "Travel possible", 0.3, Risk::high, AssumptionStatus::at_risk, {}});
    }
    const MergeResult m = merge(base, ours, theirs);
    CHECK(m.clean());
    CHECK(m.toc == expected);
    CHECK(merge(base, theirs, ours).toc == expected);
}

TEST_CASE("merging with an unchanged side gives the other side") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange x = base;
    set_title(x, "io2", "Sharing");
    x.remove_node("act2");
    CHECK(merge(base, x, base).toc == x);
    CHECK(merge(base, base, x).toc == x);
    CHECK(merge(base, x, x).toc == x);
    CHECK(merge(base, x, x).clean());
    CHECK(merge(base, base, base).toc == base);
}

TEST_CASE("the same change on both sides is taken once") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    for (TheoryOfChange* t : {&ours, &theirs}) {
        set_title(*t, "io1", "Effective planning");
        Node io2 = t->node("io2");
        io2.tags.push_back("gender");
        t->update_node(io2);
        t->remove_link("act1", "io2");
    }
    const MergeResult m = merge(base, ours, theirs);
    CHECK(m.clean());
    CHECK(m.toc == ours);
}

TEST_CASE("both sides change the same field differently: ours is kept and marked") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    set_title(ours, "io1", "Ours");
    set_title(theirs, "io1", "Theirs");
    const MergeResult m = merge(base, ours, theirs);
    REQUIRE(m.conflicts.size() == 1);
    const Conflict& c = m.conflicts[0];
    CHECK(c.kind == ConflictKind::both_changed);
    CHECK(c.collection == "nodes");
    CHECK(c.id == "io1");
    CHECK(c.key == "io1");
    CHECK(path_text(c.field) == "title");
    CHECK(c.base == json("Planning"));
    CHECK(c.ours == json("Ours"));
    CHECK(c.theirs == json("Theirs"));
    CHECK(c.resolution == "kept ours");
    CHECK(c.message == "node \"io1\": title changed to \"Ours\" on ours and to \"Theirs\" on theirs");
    CHECK(m.toc.node("io1").title == "Ours");
    CHECK(conflicts_mark(m.toc, "io1") ==
          json::array({{{"kind", "both_changed"},
                        {"field", "title"},
                        {"base", "Planning"},
                        {"ours", "Ours"},
                        {"theirs", "Theirs"},
                        {"message", "node \"io1\": title changed to \"Ours\" on ours and to \"Theirs\" on theirs"},
                        {"resolution", "kept ours"}}}));
    // Swapping the sides keeps the other value and reports the same conflict.
    const MergeResult swapped = merge(base, theirs, ours);
    REQUIRE(swapped.conflicts.size() == 1);
    CHECK(swapped.conflicts[0].ours == json("Theirs"));
    CHECK(swapped.conflicts[0].message ==
          "node \"io1\": title changed to \"Theirs\" on ours and to \"Ours\" on theirs");

    // A value one side removes and the other changes; a value both add.
    TheoryOfChange described = base, undescribed = base;
    Node io1 = described.node("io1");
    io1.description = "Plans agreed";
    described.update_node(io1);
    TheoryOfChange redescribed = described;
    io1.description = "Plans agreed by SOMTC";
    redescribed.update_node(io1);
    io1.description.clear();
    undescribed = described;
    undescribed.update_node(io1);
    const MergeResult cleared = merge(described, undescribed, redescribed);
    REQUIRE(cleared.conflicts.size() == 1);
    CHECK(cleared.conflicts[0].kind == ConflictKind::both_changed);
    CHECK(cleared.conflicts[0].message ==
          "node \"io1\": description removed on ours and changed to \"Plans agreed by SOMTC\" on theirs");
    const MergeResult added = merge(base, described, redescribed);
    REQUIRE(added.conflicts.size() == 1);
    CHECK(added.conflicts[0].message ==
          "node \"io1\": description added as \"Plans agreed\" on ours and as \"Plans agreed by SOMTC\" on theirs");
    CHECK(swapped.toc.node("io1").title == "Theirs");
}

TEST_CASE("tags added on both sides combine; a reordering meets an addition as a conflict") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    Node n = ours.node("io1");
    n.tags = {"victim_rights"};
    ours.update_node(n);
    n.tags = {"gender"};
    theirs.update_node(n);
    MergeResult m = merge(base, ours, theirs);
    CHECK(m.clean());
    CHECK(m.toc.node("io1").tags == std::vector<std::string>{"gender", "victim_rights"});
    CHECK(merge(base, theirs, ours).toc == m.toc);  // the same order either way

    TheoryOfChange tagged = base;
    n.tags = {"a", "b"};
    tagged.update_node(n);
    TheoryOfChange reordered = tagged, extended = tagged;
    n.tags = {"b", "a"};
    reordered.update_node(n);
    n.tags = {"a", "b", "c"};
    extended.update_node(n);
    m = merge(tagged, reordered, extended);
    REQUIRE(m.conflicts.size() == 1);
    CHECK(path_text(m.conflicts[0].field) == "tags");
    CHECK(m.conflicts[0].message ==
          "node \"io1\": tags changed to [\"b\",\"a\"] on ours and to [\"a\",\"b\",\"c\"] on theirs");
    CHECK(m.toc.node("io1").tags == std::vector<std::string>{"b", "a"});
}

TEST_CASE("both sides add an element with the same id") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    ours.add_node(node("act3", "activity", "Dialogue with civil society"));
    ours.add_link(link("act3", "io1"));
    theirs.add_node(node("act3", "activity", "Translation"));
    theirs.add_link(link("act3", "io1"));
    const MergeResult m = merge(base, ours, theirs);
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0].kind == ConflictKind::both_added);
    CHECK(m.conflicts[0].id == "act3");
    CHECK(m.conflicts[0].field.empty());
    CHECK_FALSE(m.conflicts[0].base.has_value());
    CHECK((*m.conflicts[0].theirs)["title"] == "Translation");
    CHECK(m.conflicts[0].message == "node \"act3\": added on ours and on theirs, with title "
                                    "\"Dialogue with civil society\" on ours and \"Translation\" on theirs");
    CHECK(m.toc.node("act3").title == "Dialogue with civil society");
    CHECK(conflicts_mark(m.toc, "act3")[0]["kind"] == "both_added");
    // Added with several differences: the fields that differ are named.
    TheoryOfChange described = theirs;
    Node act3 = described.node("act3");
    act3.description = "Written guidance";
    described.update_node(act3);
    const MergeResult several = merge(base, ours, described);
    REQUIRE(several.conflicts.size() == 1);
    CHECK(several.conflicts[0].message == "node \"act3\": added on ours and on theirs, differing in title and description");
}

TEST_CASE("delete against modify keeps the modified element") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    ours.remove_node("act2");
    set_title(theirs, "act2", "Online exchanges");
    for (bool swap : {false, true}) {
        const MergeResult m = swap ? merge(base, theirs, ours) : merge(base, ours, theirs);
        REQUIRE(m.conflicts.size() == 2);  // the node, and the link its removal took
        const Conflict& c = m.conflicts[0];
        CHECK(c.kind == ConflictKind::delete_modify);
        CHECK(c.id == "act2");
        CHECK(c.field.empty());
        CHECK(c.base->at("title") == "Exchanges");
        CHECK((swap ? c.theirs : c.ours) == std::nullopt);
        CHECK((swap ? c.ours : c.theirs)->at("title") == "Online exchanges");
        CHECK(m.toc.node("act2").title == "Online exchanges");
        CHECK(conflicts_mark(m.toc, "act2")[0]["kind"] == "delete_modify");
        CHECK(c.resolution == std::string("kept it as ") + (swap ? "ours" : "theirs") + " changed it (" +
                                  (swap ? "theirs" : "ours") + " removed it)");
        CHECK(m.toc.has_link("act2", "io2"));  // the link the removal took comes back with the node
        const Conflict& l = m.conflicts[1];
        CHECK(l.kind == ConflictKind::delete_modify);
        CHECK(l.id == "act2->io2");
        CHECK(c.message == std::string("node \"act2\": removed on ") + (swap ? "theirs" : "ours") +
                               ", title changed to \"Online exchanges\" on " + (swap ? "ours" : "theirs"));
        CHECK(l.message == std::string("link \"act2->io2\": removed on ") + (swap ? "theirs" : "ours") +
                               " along with node \"act2\", which " + (swap ? "ours" : "theirs") + " changed");
        CHECK(l.resolution == "kept it with node \"act2\"");
    }

    // Removing a link the other side changed.
    TheoryOfChange drops = base, strengthens = base;
    drops.remove_link("act1", "io2");
    Link l = strengthens.link("act1", "io2");
    l.strength = 0.9;
    strengthens.update_link(l);
    const MergeResult m = merge(base, drops, strengthens);
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0].kind == ConflictKind::delete_modify);
    CHECK(m.conflicts[0].collection == "links");
    CHECK(m.conflicts[0].id == "act1->io2");
    CHECK(m.conflicts[0].message == "link \"act1->io2\": removed on ours, strength changed to 0.9 on theirs");
    CHECK(m.toc.link("act1", "io2").strength == 0.9);
    CHECK(m.toc.link("act1", "io2").attributes["merge_conflicts"][0]["kind"] == "delete_modify");
}

TEST_CASE("a link both sides removed stays removed when a deleted node is kept") {
    // Ours removes io2 (and with it the links act1->io2, act2->io2, io2->eopo);
    // theirs removes act2 (and with it act2->io2) and retitles io2. io2 comes
    // back, with the links only ours removed; act2->io2, which both removed,
    // stays removed, whichever side is ours.
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    ours.remove_node("io2");
    theirs.remove_node("act2");
    set_title(theirs, "io2", "Knowledge sharing across Member States");
    const MergeResult a = merge(base, ours, theirs, {.lint = false});
    const MergeResult b = merge(base, theirs, ours, {.lint = false});
    for (const MergeResult* m : {&a, &b}) {
        CHECK_FALSE(m->toc.contains("act2"));
        CHECK_FALSE(m->toc.has_link("act2", "io2"));
        CHECK(m->toc.node("io2").title == "Knowledge sharing across Member States");
        CHECK(m->toc.has_link("act1", "io2"));
        CHECK(m->toc.has_link("io2", "eopo"));
        std::set<std::string> conflicts;
        for (const Conflict& c : m->conflicts) conflicts.insert(std::string(to_string(c.kind)) + " " + c.id);
        CHECK(conflicts == std::set<std::string>{"delete_modify io2", "delete_modify act1->io2",
                                                 "delete_modify io2->eopo"});
    }
    CHECK(a.toc.node("io2").title == b.toc.node("io2").title);
    CHECK(a.toc.links().size() == b.toc.links().size());
}

TEST_CASE("a link to a node the other side deleted keeps the node") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    ours.remove_node("io1");  // with its links io1->eopo and act1->io1
    theirs.add_node(node("act3", "activity", "Dialogue"));
    theirs.add_link(link("act3", "io1"));
    const MergeResult m = merge(base, ours, theirs);
    REQUIRE(m.conflicts.size() == 3);  // the node, and its two links ours removed with it
    const Conflict& c = m.conflicts[0];
    CHECK(c.kind == ConflictKind::dangling_reference);
    CHECK(m.conflicts[1].id == "io1->eopo");
    CHECK(m.conflicts[2].id == "act1->io1");
    CHECK(m.conflicts[2].kind == ConflictKind::dangling_reference);
    CHECK(c.collection == "nodes");
    CHECK(c.id == "io1");
    CHECK(c.message == "ours removed node \"io1\", which link act3->io1 still refers to");
    CHECK(c.resolution == "kept node \"io1\"");
    REQUIRE(m.toc.contains("io1"));
    CHECK(m.toc.has_link("act3", "io1"));
    CHECK(m.toc.has_link("io1", "eopo"));
    CHECK(conflicts_mark(m.toc, "io1")[0]["kind"] == "dangling_reference");

    // An actor one side removed and the other side assigned.
    TheoryOfChange no_actor = base, assigns = base;
    no_actor.remove_actor("asean");
    Node act2 = assigns.node("act2");
    act2.actors = {"asean"};
    assigns.update_node(act2);
    const MergeResult a = merge(base, no_actor, assigns);
    REQUIRE(a.conflicts.size() == 1);
    CHECK(a.conflicts[0].collection == "actors");
    CHECK(a.conflicts[0].kind == ConflictKind::dangling_reference);
    CHECK(a.toc.has_actor("asean"));
    CHECK(a.toc.node("act2").actors == std::vector<std::string>{"asean"});
    CHECK(a.toc.node("act1").actors.empty());  // ours' removal from act1 stands
}

TEST_CASE("a change that no longer fits the other side's schema is dropped") {
    const TheoryOfChange base = base_toc();
    TheoryOfChange ours = base, theirs = base;
    ours.set_schema(LevelSchema("short", {{"goal", "Goal", LevelRole::goal},
                                          {"end_of_program_outcome", "EOPO", LevelRole::outcome},
                                          {"immediate_outcome", "IO", LevelRole::outcome},
                                          {"activity", "Activity", LevelRole::activity}}));
    theirs.add_node(node("out1", "output", "Guidance"));
    theirs.add_link(link("out1", "io1"));
    theirs.add_link(link("act2", "out1"));
    const MergeResult m = merge(base, ours, theirs);
    REQUIRE_FALSE(m.clean());
    CHECK(m.conflicts[0].kind == ConflictKind::invalid);
    CHECK(m.conflicts[0].id == "out1");
    CHECK(m.conflicts[0].message == "unknown level \"output\"; schema \"short\" has \"goal\", "
                                    "\"end_of_program_outcome\", \"immediate_outcome\" or \"activity\"");
    CHECK_FALSE(m.toc.contains("out1"));
    CHECK(m.toc.schema().name() == "short");
    CHECK(m.toc.metadata().attributes["merge_conflicts"][0]["kind"] == "invalid");
}

TEST_CASE("a combination that breaks a lint rule is a conflict") {
    const TheoryOfChange base = base_toc();

    SECTION("a cycle made of one link from each side") {
        TheoryOfChange ours = base, theirs = base;
        ours.add_link(link("io1", "io2"));
        theirs.add_link(link("io2", "io1"));
        const MergeResult m = merge(base, ours, theirs);
        REQUIRE(m.conflicts.size() == 1);
        const Conflict& c = m.conflicts[0];
        CHECK(c.kind == ConflictKind::lint);
        CHECK(c.id == "io2->io1");
        CHECK(c.message.starts_with("TOC101 "));
        CHECK(c.resolution == "dropped theirs' change");
        CHECK(m.toc.has_link("io1", "io2"));
        CHECK_FALSE(m.toc.has_link("io2", "io1"));
        CHECK(conflicts_mark(m.toc, "io2")[0]["link"] == "io2->io1");
        for (const Finding& f : lint(m.toc)) CHECK(f.code != "TOC101");
    }

    SECTION("a node left without links by two removals") {
        TheoryOfChange ours = base, theirs = base;
        ours.remove_link("act1", "io1");
        theirs.remove_link("act1", "io2");
        const MergeResult m = merge(base, ours, theirs);
        REQUIRE(m.conflicts.size() >= 1);
        CHECK(m.conflicts[0].kind == ConflictKind::lint);
        CHECK(m.conflicts[0].message.starts_with("TOC110 "));
        CHECK(m.toc.has_link("act1", "io2"));  // theirs' removal dropped
        auto inputs = serious_findings(base);
        for (const TheoryOfChange* t : {&ours, &theirs})
            for (const auto& f : serious_findings(*t)) inputs.insert(f);
        for (const auto& f : serious_findings(m.toc)) CHECK(inputs.contains(f));
    }

    SECTION("a finding the inputs already had is not a conflict") {
        TheoryOfChange broken = base;
        broken.add_link(link("io1", "io2"));
        broken.add_link(link("io2", "io1"));
        TheoryOfChange ours = broken, theirs = broken;
        set_title(ours, "goal", "Goal");
        set_title(theirs, "eopo", "Outcome");
        const MergeResult m = merge(broken, ours, theirs);
        CHECK(m.clean());
    }

    SECTION("without the lint check both changes are kept") {
        TheoryOfChange ours = base, theirs = base;
        ours.add_link(link("io1", "io2"));
        theirs.add_link(link("io2", "io1"));
        const MergeResult m = merge(base, ours, theirs, {.lint = false});
        CHECK(m.clean());
        CHECK(m.toc.has_link("io2", "io1"));
    }
}

TEST_CASE("merging the bundled example with another edit") {
    const TheoryOfChange base = load(TOCGRAPH_TEST_DATA_DIR "/../../examples/asean-act/toc.json");
    const TheoryOfChange after = load(TOCGRAPH_TEST_DATA_DIR "/../../examples/asean-act/toc-after-workshop.json");
    TheoryOfChange monitoring = base;  // a monitoring update made on version 1.0 meanwhile
    Indicator i = monitoring.indicator("ind_io13_months_to_report");
    PeriodValue v;
    v.period = {Date{2023, 1, 1}, Date{2023, 12, 31}};
    v.value = 7;
    i.actuals.push_back(v);
    monitoring.update_indicator(i);
    Assumption a = monitoring.assumption("asm_travel");
    a.likelihood = 0.5;
    monitoring.update_assumption(a);

    const MergeResult m = merge(base, after, monitoring);
    CHECK(m.clean());
    CHECK(m.toc.indicator("ind_io13_months_to_report").actuals.size() == 3);
    CHECK(m.toc.indicator("ind_io13_months_to_report").targets[2].value == 4);
    CHECK(m.toc.assumption("asm_travel").likelihood == 0.5);
    CHECK(m.toc.contains("out_regional_progress_report"));
    CHECK(merge(base, monitoring, after).toc == m.toc);
    auto inputs = serious_findings(base);
    for (const TheoryOfChange* t : {&after, static_cast<const TheoryOfChange*>(&monitoring)})
        for (const auto& f : serious_findings(*t)) inputs.insert(f);
    for (const auto& f : serious_findings(m.toc)) CHECK(inputs.contains(f));
}

TEST_CASE("a three-way merge of large versions combines renames, retitles and removals") {
    SyntheticOptions options;
    options.nodes = 400;
    options.seed = 5;
    const TheoryOfChange base = synthetic(options);
    std::vector<std::string> ids;
    for (const Node& n : base.nodes())
        if (n.level == "output") ids.push_back(n.id);
    REQUIRE(ids.size() > 60);
    TheoryOfChange ours = base;
    for (std::size_t k = 0; k < 20; ++k) recreate_as(ours, ids[k], ids[k] + "-v2");
    TheoryOfChange theirs = base;
    for (std::size_t k = 20; k < 40; ++k) {
        Node n = theirs.node(ids[k]);
        n.title += " (revised)";
        theirs.update_node(n);
    }
    for (std::size_t k = 40; k < 45; ++k) theirs.remove_node(ids[k]);

    MergeOptions no_lint;
    no_lint.lint = false;
    const MergeResult m = merge(base, ours, theirs, no_lint);
    CHECK(m.conflicts.empty());
    TheoryOfChange expected = ours;  // theirs' edits made on top of ours
    for (std::size_t k = 20; k < 40; ++k) expected.update_node(theirs.node(ids[k]));
    for (std::size_t k = 40; k < 45; ++k) expected.remove_node(ids[k]);
    CHECK(m.toc == expected);
    CHECK(m.toc.contains(ids[0] + "-v2"));
    CHECK_FALSE(m.toc.contains(ids[0]));
    CHECK(m.toc.node(ids[25]).title.ends_with(" (revised)"));
}

}  // namespace tocgraph::test
