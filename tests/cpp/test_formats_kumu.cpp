// Kumu blueprints: writing then reading gives the same ToC; reading maps
// element types to levels, orients undirected connections, drops repeated and
// self connections, keeps cycles and loops, and reports each decision.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include <tocgraph/tocgraph.hpp>
#include <tocgraph/formats/kumu/read.hpp>
#include <tocgraph/formats/kumu/write.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

bool has_code(const ImportResult& r, const std::string& code) {
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.code == code; });
}

}  // namespace

TEST_CASE("kumu: the shipped files survive a write and a read") {
    const auto root = std::filesystem::path(TOCGRAPH_TEST_DATA_DIR);
    for (const auto& path : {root / "valid" / "full.json", root / ".." / ".." / "examples" / "asean-act" / "toc.json"}) {
        const TheoryOfChange toc = load(path);
        const ImportResult back = loads_kumu(dumps_kumu(toc));
        CHECK(back.findings.empty());
        CHECK(back.toc == toc);
    }
}

TEST_CASE("kumu: an attribute whose value is null survives a write and a read") {
    TheoryOfChange toc;
    Node g = node("g", "goal", "Goal");
    g.attributes = {{"x", nullptr}, {"colour", "red"}};
    toc.add_node(g);
    const ImportResult back = loads_kumu(dumps_kumu(toc));
    CHECK(back.toc == toc);
    CHECK(back.toc.node("g").attributes.at("x").is_null());
}

TEST_CASE("kumu: the blueprint Kumu imports") {
    TheoryOfChange toc;
    toc.add_node(node("g", "goal", "Goal"));
    Node a = node("a", "activity", "Workshop");
    a.tags = {"gender"};
    a.logic = Logic::any;
    a.attributes = {{"cost", 7}};
    toc.add_node(a);
    Link l = link("a", "g");
    l.rationale = "because";
    l.strength = 0.5;
    toc.add_link(l);
    const auto map = to_kumu(toc);
    CHECK(map["elements"][0].dump() == R"({"id":"g","label":"Goal","type":"Goal","level":"goal"})");
    CHECK(map["elements"][1].dump() ==
          R"({"id":"a","label":"Workshop","type":"Activity","tags":["gender"],"level":"activity","cost":7,"tocgraph":"{\"logic\":\"any\"}"})");
    CHECK(map["connections"][0].dump() ==
          R"({"from":"a","to":"g","direction":"directed","description":"because","tocgraph":"{\"strength\":0.5}"})");
    CHECK_FALSE(map.contains("tocgraph"));
}

TEST_CASE("kumu: reading a system map decides levels and directions, and says so") {
    const std::string map = R"({
      "name": "Map",
      "elements": [
        {"label": "Vision", "type": "Impact"},
        {"label": "Change", "type": "Desired Outcome"},
        {"label": "Training", "type": "Activity"},
        {"label": "Mood", "type": "Phenomenon", "Colour": "red"},
        {"label": "Loose"}
      ],
      "connections": [
        {"from": "Training", "to": "Change"},
        {"from": "Vision", "to": "Change", "direction": "undirected"},
        {"from": "Change", "to": "Mood", "direction": "mutual"},
        {"from": "Training", "to": "Change", "type": "again"},
        {"from": "Loose", "to": "Loose"}
      ]})";
    const ImportResult r = loads_kumu(map);
    const TheoryOfChange& toc = r.toc;
    CHECK(toc.metadata().title == "Map");
    CHECK(toc.node("Vision").level == "goal");
    CHECK(toc.node("Change").level == "intermediate_outcome");
    CHECK(toc.node("Training").level == "activity");
    CHECK(toc.node("Mood").level == "intermediate_outcome");
    CHECK(toc.node("Mood").attributes == nlohmann::json({{"Colour", "red"}, {"element type", "Phenomenon"}}));
    // Undirected: from the lower level to the higher, whatever the file says.
    CHECK(toc.has_link("Change", "Vision"));
    CHECK(toc.link("Change", "Vision").attributes == nlohmann::json({{"direction", "undirected"}}));
    CHECK(toc.has_link("Change", "Mood"));
    CHECK(toc.has_link("Mood", "Change"));
    CHECK(toc.link_count() == 4);
    for (const char* code : {"IMP101", "IMP102", "IMP103", "IMP104", "IMP105", "IMP106"}) {
        INFO(code);
        CHECK(has_code(r, code));
    }
    // The mutual pair goes back as one mutual connection.
    const auto back = to_kumu(toc);
    CHECK(std::count_if(back["connections"].begin(), back["connections"].end(),
                        [](const auto& c) { return c["direction"] == "mutual"; }) == 1);
    CHECK(loads_kumu(back.dump()).toc == toc);
}

TEST_CASE("kumu: a backup's direction among the connection's fields is its direction") {
    const std::string backup = R"({"elements": [
        {"_id": "e1", "attributes": {"label": "Goal", "element type": "Goal"}},
        {"_id": "e2", "attributes": {"label": "Do things", "element type": "Activity"}}],
      "connections": [{"_id": "c1", "from": "e1", "to": "e2",
                       "attributes": {"direction": "undirected", "note": "n"}}]})";
    const TheoryOfChange toc = loads_kumu(backup).toc;
    REQUIRE(toc.link_count() == 1);
    const Link* l = toc.links().front();
    CHECK(l->source == "e2");  // undirected: the lower level first
    CHECK(l->target == "e1");
    CHECK(l->attributes == nlohmann::json{{"direction", "undirected"}, {"note", "n"}});
    CHECK(loads_kumu(dumps_kumu(toc)).toc == toc);
}

TEST_CASE("kumu: options choose levels") {
    const std::string map = R"({"elements": [{"id": "s", "label": "S", "type": "Stakeholder"}]})";
    KumuOptions options;
    options.type_levels = {{"stakeholder", "output"}};
    CHECK(loads_kumu(map, options).toc.node("s").level == "output");
    KumuOptions fallback;
    fallback.schema = "logframe";
    fallback.default_level = "activity";
    CHECK(loads_kumu(map, fallback).toc.node("s").level == "activity");
    fallback.default_level = "nope";
    CHECK_THROWS_WITH(loads_kumu(map, fallback),
                      "default level \"nope\" is not a level of schema \"logframe\", which has \"goal\", "
                      "\"purpose\", \"output\" or \"activity\"");
}

TEST_CASE("kumu: bad input is reported with the pointer in the file") {
    CHECK_THROWS_WITH(loads_kumu("[]", {}, "m.json"),
                      "m.json: expected a Kumu blueprint (an object with \"elements\"), got array");
    CHECK_THROWS_WITH(loads_kumu(R"({"connections": []})", {}, "m.json"),
                      "m.json: not a Kumu blueprint: missing member \"elements\"");
    CHECK_THROWS_WITH(loads_kumu(R"({"elements": [{"label": "A"}], "connections": [{"from": "A", "to": "B"}]})", {}, "m.json"),
                      "m.json: /connections/0/to: unknown element \"B\"");
    CHECK_THROWS_WITH(loads_kumu(R"({"elements": [{"label": 5}]})", {}, "m.json"),
                      "m.json: /elements/0/label: expected a string, got number");
    CHECK_THROWS_WITH(loads_kumu(R"({"elements": [{"label": "A", "level": "top"}]})", {}, "m.json"),
                      Catch::StartsWith("m.json: /elements/0/level: unknown level \"top\""));
    CHECK_THROWS_WITH(loads_kumu(R"({"elements": [{"label": "A", "tocgraph": "{\"logic\": \"some\"}"}]})", {}, "m.json"),
                      "m.json: /elements/0/logic: unknown value \"some\"; expected \"all\", \"any\" or \"weighted\"");
}

TEST_CASE("kumu: the real project backups in the shared data") {
    const auto dir = std::filesystem::path(TOCGRAPH_TEST_DATA_DIR) / ".." / ".." / ".." / "shared" / "data" /
                     "toc-logframes" / "kumu";
    if (!std::filesystem::exists(dir)) {
        WARN("skipped: " << dir.string() << " is absent (the shared real-data folder)");
        return;
    }
    const ImportResult omidyar = load_kumu(dir / "kumu-omidyarnetwork-us-financial-inclusion-BACKUP.json");
    CHECK(omidyar.toc.node_count() == 230);
    // 232 connections: two of the three between one pair of elements are dropped.
    CHECK(omidyar.toc.link_count() == 230);
    CHECK(omidyar.toc.metadata().attributes["kumu_loops"].size() == 42);
    CHECK(omidyar.toc.link("elem-D7c2LSbA", "elem-Knnm6wd3").attributes["connection type"] == "++");
    CHECK(has_code(omidyar, "IMP106"));
    CHECK(has_code(omidyar, "IMP104"));
    const ImportResult labs = load_kumu(dir / "kumu-changelabs-template.json");
    CHECK(labs.toc.node_count() == 10);
    CHECK(labs.toc.node("elem-BbwUSVEF").title == "Stakeholder A");
}

}  // namespace tocgraph::test
