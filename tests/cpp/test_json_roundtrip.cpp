// The JSON format read and written: the fixtures read into the expected
// values, every field survives loads(dumps(t)), the writer's canonical form
// (order, defaults left out) and what the writer refuses to write.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <optional>
#include <variant>
#include <vector>
#include <limits>
#include <string>

#include <tocgraph/tocgraph.hpp>

#include "file_bytes.hpp"
#include "model_fixtures.hpp"

namespace tocgraph::test {
using nlohmann::json;

namespace {

std::string data_file(const std::string& name) { return read_bytes(std::filesystem::path(TOCGRAPH_TEST_DATA_DIR) / name); }

const std::string minimal = R"({"format": "tocgraph", "version": 1)";

/// A ToC whose every field holds a value that is not the default.
TheoryOfChange everything(LevelSchema schema = LevelSchema::theory_of_change()) {
    const std::string top = schema.levels().front().id, bottom = schema.levels().back().id;
    TheoryOfChange toc(schema);
    Metadata& m = toc.metadata();
    m.title = "Title ✓";
    m.description = "Line one\nline two\t\"quoted\" \\ back";
    m.funder = "DFAT";
    m.version = "3";
    m.period = Period{{2020, 1, 1}, {2023, 12, 31}};
    m.date = Date{2020, 3, 2};
    m.sources = {{"s1", "Seed", "https://example.org", "note"}, {"s2", "", "", ""}};
    m.consultations = {{"c1", "Consultation", Date{2020, 2, 3}, "Jakarta", {"o1", "o2"},
                        {{"pre", "Pre"}, {"ws", ""}}, {{Date{2020, 1, 1}, "E", "D"}, {{}, "", ""}}, {"s1"}}};
    m.attributes = {{"k", {{"nested", json::array({1, 2.5, "x", nullptr, false})}}}};

    toc.add_actor({"a1", "Actor", "donor", {{"x", 1}}});
    toc.add_actor({"a2", "", "", json::object()});  // an empty object is kept, unlike null
    toc.add_assumption({"as1", "Holds", 0.3, Risk::low, AssumptionStatus::not_holding, {{"y", "z"}}});
    toc.add_assumption({"as2", "", 0.0, {}, AssumptionStatus::untested, {}});

    Node g = node("g", top, "Goal");
    g.logic = Logic::any;
    toc.add_node(g);
    Node n = node("n1", bottom, "Activity");
    n.description = "Does things";
    n.tags = {"gender", "victim_rights"};
    n.actors = {"a1", "a2"};
    n.logic = Logic::weighted;
    n.start = Date{2020, 2, 29};
    n.end = Date{2021, 1, 31};
    n.status = ActivityStatus::cancelled;
    n.budget = Budget{-0.0, "EUR"};
    n.attributes = {{"unicode", "日本語 \u00e9"}, {"big", 18446744073709551615ull}, {"neg", -9007199254740993ll}};
    n.references = {{"sdg-target", "16.2", "https://example.org/sdg"}, {"99", "", ""}};
    toc.add_node(n);
    Node z = node("z", bottom);
    z.budget = Budget{1.7976931348623157e308, ""};
    z.status = ActivityStatus::completed;
    toc.add_node(z);

    Link l = link("n1", "g", {"as1", "as2"});
    l.rationale = "Because";
    l.evidence = Evidence{"weak", {"r1"}};
    l.strength = 0.1;
    l.attributes = {{"w", 0.30000000000000004}};
    toc.add_link(l);
    Link l2 = link("z", "g");
    l2.evidence = Evidence{};
    l2.strength = 5e-324;  // the smallest subnormal double
    toc.add_link(l2);

    Indicator i = indicator("i1", "g");
    i.title = "T";
    i.description = "D";
    i.unit = "%";
    i.measure = Measure::ordinal;
    i.ascending = false;
    i.accumulation = Accumulation::incremental;
    i.aggregation = Aggregation::latest;
    i.baselines = {{Date{2019, 1, 1}, 1.0 / 3.0, {{"sex", "f"}}, "c"}, {}};
    i.baselines[0].year = 2018;
    i.baselines[0].value_text = "0,333";
    i.baselines[0].locations = {"AF-KAN", ""};
    i.baselines[0].attributes = {{"iati", {{"year", "2018"}}}};
    i.baselines.push_back(Baseline{});
    i.baselines.back().year = 9999;
    i.baselines.back().value_text = "TBD";
    i.targets = {{{{2020, 1, 1}, {2020, 1, 1}}, 1e-300, 1.0, 3.0, {{"a/b", "~"}}, "t"},
                 {{{2021, 1, 1}, {2021, 12, 31}}, {}, {}, {}, {}, ""}};
    i.actuals = {{{{2020, 1, 1}, {2020, 6, 30}}, 123456789012345678.0, {}, 0.0, {}, "a"}};
    i.targets[0].value_text = "<1";
    i.targets[0].locations = {"KH"};
    i.targets[0].attributes = json::object();
    i.actuals[0].attributes = {{"k", json::array({"v"})}};
    i.references = {{"9", "3.8.1", ""}, {"", "", "urn:x"}};
    i.means_of_verification = "Survey";
    i.frequency = "annual";
    i.attributes = {{"q", json::array()}};
    toc.add_indicator(i);
    toc.add_indicator(indicator("i2", "n1"));

    toc.add_feedback({"f1", "c1", "ws", "a1", "n1->g", FeedbackKind::proposed_change, "Text",
                      FeedbackStatus::rejected, "No", Date{2020, 2, 3}, {{"v", true}}});
    toc.add_feedback({"f2", "", "", "", "", FeedbackKind::comment, "", FeedbackStatus::open, "", {}, {}});
    return toc;
}

}  // namespace

TEST_CASE("full.json reads into the values it spells", "[json][roundtrip]") {
    const auto toc = loads(data_file("valid/full.json"), "full.json");
    CHECK(toc.schema() == LevelSchema::theory_of_change());
    CHECK(toc.metadata().title == "ASEAN-Australia Counter Trafficking (ASEAN-ACT)");
    CHECK(toc.metadata().period == Period{{2019, 8, 1}, {2028, 6, 30}});
    REQUIRE(toc.metadata().consultations.size() == 1);
    const Consultation& c = toc.metadata().consultations[0];
    CHECK(c.phases.size() == 3);
    CHECK(c.events[0].date == Date{2020, 1, 15});
    CHECK_FALSE(c.events[1].date);
    CHECK(toc.metadata().attributes["languages"][1] == "id");

    CHECK(toc.actor_count() == 2);
    CHECK(toc.assumption("as1").risk == Risk::high);
    CHECK(toc.assumption("as1").status == AssumptionStatus::holding);
    CHECK(toc.assumption("as2").likelihood == 0.0);
    CHECK(toc.assumption("as2").status == AssumptionStatus::untested);

    CHECK(toc.node_count() == 6);
    CHECK(toc.node("p1").logic == Logic::any);
    CHECK(toc.node("eopo1").actors == std::vector<std::string>{"asean_sec", "somtc"});
    const Node& act1 = toc.node("act1");
    CHECK(act1.start == Date{2020, 1, 1});
    CHECK(act1.status == ActivityStatus::ongoing);
    REQUIRE(act1.budget);
    CHECK(act1.budget->amount == 125000.5);
    CHECK(act1.budget->currency == "AUD");
    CHECK(act1.attributes["nested"]["list"][5]["deep"] == json::array());
    CHECK(toc.node("goal").logic == Logic::all);
    CHECK_FALSE(toc.node("goal").budget);

    CHECK(toc.link_count() == 5);
    const Link& l = toc.link("io1", "eopo1");
    CHECK(l.assumptions == std::vector<std::string>{"as1", "as2"});
    REQUIRE(l.evidence);
    CHECK(l.evidence->references.size() == 2);
    CHECK(l.strength == 0.6);
    CHECK(toc.link("act1", "io1").evidence == Evidence{});
    CHECK_FALSE(toc.link("act2", "io1").evidence);

    const Indicator& ind2 = toc.indicator("ind2");
    CHECK(ind2.measure == Measure::percentage);
    CHECK_FALSE(ind2.ascending);
    CHECK(ind2.accumulation == Accumulation::cumulative);
    CHECK(ind2.aggregation == Aggregation::ratio);
    CHECK(ind2.baselines[0].dimensions == Dimensions{{"country", "KH"}, {"sex", "female"}});
    CHECK(ind2.baselines[1] == Baseline{});
    CHECK(ind2.targets[0].numerator == 50.0);
    CHECK_FALSE(ind2.actuals[0].value);
    CHECK(ind2.actuals[0].numerator == 1e-7);
    CHECK(ind2.actuals[0].dimensions.at("country/region") == "VN~HN");
    CHECK(toc.indicator("ind1").measure == Measure::unit);
    CHECK(toc.indicator("ind1").ascending);
    const Indicator& ind1 = toc.indicator("ind1");
    REQUIRE(ind1.baselines.size() == 2);
    CHECK(ind1.baselines[0].year == 2019);
    CHECK(ind1.baselines[0].value == 3.0);
    CHECK(ind1.baselines[0].value_text == "3 (provisional)");
    CHECK(ind1.baselines[0].locations == std::vector<std::string>{"KH-PNH", ""});
    CHECK(ind1.baselines[0].attributes["iati"]["narratives"]["comment"][0]["lang"] == "en");
    CHECK_FALSE(ind1.baselines[1].value);
    CHECK_FALSE(ind1.baselines[1].date);
    CHECK(ind1.baselines[1].year == 2018);
    CHECK(ind1.baselines[1].value_text == "TBD");
    CHECK(ind1.targets[1].value_text == "7,0");
    CHECK(ind1.targets[1].locations == std::vector<std::string>{"VN-HN"});
    CHECK(ind1.targets[1].attributes == json{{"source", "work plan 2021"}});
    CHECK(ind1.targets[0].attributes.is_null());
    CHECK(ind1.references == std::vector<Reference>{{"9", "16.2.2", ""}});
    CHECK(toc.node("eopo1").references ==
          std::vector<Reference>{{"sdg-target", "16.2", "https://unstats.un.org/sdgs/indicators/indicators-list/"},
                                 {"99", "EOPO-1", ""}});
    CHECK(toc.node("goal").references.empty());
    CHECK(toc.indicator("ind3").aggregation == Aggregation::none);

    CHECK(toc.feedback_count() == 4);
    CHECK(toc.feedback("fb1").status == FeedbackStatus::accepted);
    CHECK(toc.feedback("fb4").status == FeedbackStatus::open);
    CHECK(toc.feedback("fb4").kind == FeedbackKind::solution);
}

TEST_CASE("The fixtures are in canonical form: dumps(loads(text)) == text", "[json][roundtrip]") {
    for (const char* name : {"valid/full.json", "valid/custom_schema.json"}) {
        INFO(name);
        const std::string text = data_file(name);
        const auto toc = loads(text, name);
        CHECK(dumps(toc) == text);
        CHECK(loads(dumps(toc)) == toc);
        CHECK(toc_from_json(toc_to_json(toc)) == toc);
    }
}

TEST_CASE("custom_schema.json keeps its own levels", "[json][roundtrip]") {
    const auto toc = loads(data_file("valid/custom_schema.json"), "custom_schema.json");
    const LevelSchema& s = toc.schema();
    CHECK(s.name() == "three_tier");
    CHECK_FALSE(s.is_builtin());
    REQUIRE(s.size() == 5);
    CHECK(s.levels()[0] == Level{"vision", "Vision", LevelRole::goal});
    CHECK(s.levels()[1] == Level{"change", "Change we expect", LevelRole::outcome});
    CHECK(s.levels()[2] == Level{"deliverable", "", LevelRole::output});
    CHECK(s.levels()[4].role == LevelRole::input);
    CHECK(toc.nodes_at("work").size() == 1);
}

TEST_CASE("Every field survives a round trip", "[json][roundtrip]") {
    SECTION("with the default schema") {
        const auto toc = everything();
        const std::string text = dumps(toc);
        const auto back = loads(text);
        CHECK(back == toc);
        CHECK(dumps(back) == text);
        CHECK(toc_from_json(toc_to_json(toc)) == toc);
        CHECK(loads(dumps(toc, -1)) == toc);
        CHECK(loads(dumps(toc, 0)) == toc);
        // Spot checks of values that a lossy writer would change.
        CHECK(back.link("z", "g").strength == 5e-324);
        CHECK(back.node("z").budget->amount == 1.7976931348623157e308);
        CHECK(std::signbit(back.node("n1").budget->amount));
        CHECK(back.indicator("i1").baselines[0].value == 1.0 / 3.0);
        CHECK(back.actor("a2").attributes == json::object());
        CHECK(back.actor("a1").attributes == json{{"x", 1}});
        CHECK(back.node("n1").attributes["big"] == 18446744073709551615ull);
    }
    SECTION("with another built-in schema, written by name") {
        const auto toc = everything(LevelSchema::oecd_results_chain());
        const json doc = toc_to_json(toc);
        CHECK(doc["schema"] == "oecd_results_chain");
        CHECK(loads(dumps(toc)) == toc);
    }
    SECTION("with a custom schema, spelled out") {
        const LevelSchema custom("mine", {{"top", "Top", LevelRole::goal},
                                          {"middle", "", LevelRole::outcome},
                                          {"bottom", "Bottom", LevelRole::activity}});
        const auto toc = everything(custom);
        const json doc = toc_to_json(toc);
        CHECK(doc["schema"] == json::parse(R"({"name": "mine", "levels": [
            {"id": "top", "label": "Top", "role": "goal"}, {"id": "middle"},
            {"id": "bottom", "label": "Bottom", "role": "activity"}]})"));
        CHECK(loads(dumps(toc)) == toc);
    }
    SECTION("with a custom schema named like a built-in one") {
        const LevelSchema fake("logframe", {{"goal", "Goal", LevelRole::goal}, {"task", "", LevelRole::activity}});
        const auto toc = everything(fake);
        CHECK(toc_to_json(toc)["schema"].is_object());
        CHECK(loads(dumps(toc)) == toc);
    }
}

TEST_CASE("The writer leaves out defaults and keeps the documented order", "[json][writer]") {
    SECTION("an empty theory of change") {
        CHECK(dumps(TheoryOfChange{}) == "{\n  \"format\": \"tocgraph\",\n  \"version\": 1\n}\n");
        CHECK(dumps(TheoryOfChange{}, -1) == "{\"format\":\"tocgraph\",\"version\":1}\n");
        CHECK(loads(dumps(TheoryOfChange{})) == TheoryOfChange{});
    }
    SECTION("members in format order") {
        const json doc = json::parse(dumps(everything()));
        const std::string text = dumps(everything(), -1);
        std::vector<std::size_t> positions;
        for (const char* key : {"\"format\"", "\"version\"", "\"metadata\"", "\"actors\"", "\"assumptions\"",
                                "\"nodes\"", "\"links\"", "\"indicators\"", "\"feedback\""})
            positions.push_back(text.find(key));
        CHECK(std::is_sorted(positions.begin(), positions.end()));
        CHECK(text.rfind("{\"format\":\"tocgraph\",\"version\":1,\"metadata\":{\"title\":", 0) == 0);
        CHECK(doc.size() == 9);
    }
    SECTION("defaults are not written") {
        TheoryOfChange toc;
        toc.add_node(node("g", "goal"));
        toc.add_indicator(indicator("i", "g"));
        toc.add_assumption({"a", "", {}, {}, AssumptionStatus::untested, {}});
        toc.add_feedback({"f", "", "", "", "", FeedbackKind::comment, "", FeedbackStatus::open, "", {}, {}});
        CHECK(dumps(toc, -1) ==
              R"({"format":"tocgraph","version":1,"assumptions":[{"id":"a"}],"nodes":[{"id":"g","level":"goal"}],)"
              R"("indicators":[{"id":"i","node":"g"}],"feedback":[{"id":"f"}]})"
              "\n");
    }
    SECTION("whole numbers are written as integers") {
        TheoryOfChange toc;
        Node n = node("a", "activity");
        n.budget = Budget{1000.0, "AUD"};
        toc.add_node(n);
        CHECK(dumps(toc, -1).find(R"("budget":{"amount":1000,"currency":"AUD"})") != std::string::npos);
        n.budget->amount = 1e300;
        toc.update_node(n);
        CHECK(dumps(toc, -1).find(R"("amount":1e+300)") != std::string::npos);
        CHECK(loads(dumps(toc)) == toc);
    }
}

TEST_CASE("The reader accepts the documented alternatives", "[json][reader]") {
    SECTION("IATI measure codes") {
        for (int code = 1; code <= 5; ++code) {
            const auto toc = loads(minimal + R"(, "nodes": [{"id": "g", "level": "goal"}],
                "indicators": [{"id": "i", "node": "g", "measure": )" + std::to_string(code) + "}]}");
            CHECK(static_cast<int>(toc.indicator("i").measure) == code);
        }
    }
    SECTION("a UTF-8 byte order mark") {
        CHECK(loads("\xEF\xBB\xBF" + minimal + "}") == TheoryOfChange{});
    }
    SECTION("members in any order, links naming later assumptions") {
        const auto toc = loads(R"({"links": [{"target": "g", "source": "a", "assumptions": ["x"]}],
            "assumptions": [{"id": "x"}], "nodes": [{"level": "activity", "id": "a"}, {"id": "g", "level": "goal"}],
            "version": 1, "format": "tocgraph"})");
        CHECK(toc.link("a", "g").assumptions == std::vector<std::string>{"x"});
    }
    SECTION("nesting up to 256 levels") {
        // The attributes object is level 4; 252 more arrays reach 256.
        auto doc = [&](int arrays) {
            return minimal + R"(, "nodes": [{"id": "g", "level": "goal", "attributes": {"x": )" +
                   std::string(arrays, '[') + std::string(arrays, ']') + "}}]}";
        };
        const auto toc = loads(doc(252));
        CHECK(loads(dumps(toc)) == toc);
        CHECK_THROWS_WITH(loads(doc(253)), Catch::Contains("nesting deeper than 256 levels"));
    }
}

TEST_CASE("The writer refuses values the format cannot carry", "[json][writer]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    TheoryOfChange toc;
    Node g = node("g", "goal");
    toc.add_node(g);

    SECTION("a NaN or infinite value") {
        Indicator i = indicator("i", "g");
        i.targets = {{{{2020, 1, 1}, {2020, 12, 31}}, nan, {}, {}, {}, ""}};
        toc.add_indicator(i);
        CHECK_THROWS_AS(dumps(toc), Error);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /indicators/0/targets/0/value: not a finite number");
        CHECK_THROWS_WITH(toc_to_json(toc), "cannot write /indicators/0/targets/0/value: not a finite number");
        i.targets[0].value.reset();
        i.baselines = {{{}, -inf, {}, ""}};
        toc.update_indicator(i);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /indicators/0/baselines/0/value: not a finite number");
    }
    SECTION("a NaN inside attributes") {
        g.attributes = {{"x", json::array({1, nan})}};
        toc.update_node(g);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/0/attributes: contains a number that is not finite");
    }
    SECTION("attributes that are not an object") {
        g.attributes = json::array({1, 2});
        toc.update_node(g);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/0/attributes: attributes must be a JSON object or null");
    }
    SECTION("attributes nested too deep") {
        json deep = json::array();
        for (int i = 0; i < 300; ++i) deep = json::array({deep});
        g.attributes = {{"deep", deep}};
        toc.update_node(g);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/0/attributes: nests deeper than 256 levels");
    }
    SECTION("a date that does not exist") {
        Node a = node("a", "activity");
        a.start = Date{2021, 2, 30};
        toc.add_node(a);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/1/start: no such date 2021-2-30");
    }
    SECTION("a metadata period that ends before it starts") {
        toc.metadata().period = Period{{2021, 1, 1}, {2020, 1, 1}};
        CHECK_THROWS_WITH(dumps(toc), "cannot write /metadata/period: period ends 2020-01-01 before it starts 2021-01-01");
    }
    SECTION("a string that is not UTF-8") {
        g.title = "bad \xFF byte";
        toc.update_node(g);
        CHECK_NOTHROW(toc_to_json(toc));  // only text must be UTF-8
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/0/title: invalid UTF-8 byte at index 4: 0xFF");
        g.title = "cut \xC3";
        toc.update_node(g);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/0/title: incomplete UTF-8 string; last byte: 0xC3");
        g.title = "overlong \xC0\xAF and surrogate \xED\xA0\x80";
        toc.update_node(g);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/0/title: invalid UTF-8 byte at index 9: 0xC0");
        g.title = "ok";
        g.attributes = {{"k\xFF", 1}};
        toc.update_node(g);
        CHECK_THROWS_WITH(dumps(toc), "cannot write /nodes/0/attributes: invalid UTF-8 byte at index 1: 0xFF");
    }
}

TEST_CASE("dumps writes the text nlohmann writes for the same document", "[json][writer]") {
    // The writer streams text as it walks the model; the document it builds
    // for toc_to_json is the reference for the layout, escaping and numbers.
    std::vector<TheoryOfChange> tocs = {everything(), synthetic({.nodes = 500, .seed = 3})};
    tocs.push_back(loads(data_file("valid/full.json")));
    TheoryOfChange odd = everything();
    Node n = odd.node(odd.nodes().begin()->id);
    n.title = "quote \" backslash \\ tab \t bell \x07 del \x7F slash / é ✓ 𝄞";
    n.attributes = {{"numbers", json::array({0.1, 1e-7, -0.0, 1e300, 2.5e-308, 123456789012345678LL,
                                             18446744073709551615ULL, -9223372036854775807LL, 1.0, 3})},
                    {"empty", {{"object", json::object()}, {"array", json::array()}, {"string", ""}}},
                    {"nested", json::array({json::array({json::object({{"b", true}, {"a", nullptr}})})})},
                    {"z\nkey", "value\r\n"}};
    odd.update_node(n);
    tocs.push_back(odd);
    for (const TheoryOfChange& toc : tocs)
        for (int indent : {2, -1, 0, 4}) {
            INFO("indent " << indent);
            CHECK(dumps(toc, indent) == detail::JsonWriter<nlohmann::ordered_json>().write(toc).dump(indent) + "\n");
        }
    CHECK(loads(dumps(odd)) == odd);
}

namespace {

/// What the document path makes of a text: the theory of change, or the error.
std::variant<TheoryOfChange, std::string> through_the_document(const std::string& text) {
    try {
        return detail::JsonReader("f").read(detail::parse_document(text, "f"));
    } catch (const FormatError& e) {
        return std::string(e.what());
    }
}

}  // namespace

TEST_CASE("loads reads element by element and gives what the document path gives", "[json][reader]") {
    // Every text the streaming path takes, it reads as the document path
    // does; what it declines (errors, other member orders) goes there.
    std::size_t streamed = 0, declined = 0;
    std::vector<std::string> texts;
    namespace fs = std::filesystem;
    for (const char* folder : {"valid", "malformed", "lint", "fuzz-regressions/json"})
        for (const auto& entry : fs::directory_iterator(fs::path(TOCGRAPH_TEST_DATA_DIR) / folder))
            if (entry.path().extension() == ".json") texts.push_back(data_file(fs::relative(entry.path(), TOCGRAPH_TEST_DATA_DIR).string()));
    texts.push_back(dumps(everything()));
    texts.push_back(dumps(synthetic({.nodes = 300, .seed = 5}), -1));
    // The same members in other orders: read the same, through the document path.
    texts.push_back(R"({"version": 1, "format": "tocgraph", "nodes": [{"id": "g", "level": "goal"}]})");
    texts.push_back(R"({"format": "tocgraph", "version": 1, "nodes": [{"id": "g", "level": "goal"}], "schema": "logframe"})");
    texts.push_back(R"({"format": "tocgraph", "version": 1, "links": [], "nodes": [{"id": "g", "level": "goal"}]})");
    // Nodes and links read member by member (detail/json/direct_element.hpp):
    // values of every type in every member, members repeated, members after
    // one that turns the element into an object, the model's own errors.
    const std::string head = R"({"format": "tocgraph", "version": 1, "nodes": [{"id": "g", "level": "goal"}, )";
    for (const char* node : {R"({"id": "a", "level": "activity", "title": "T", "description": "D", "tags": ["x", "y"]})",
                             R"({"id": "a", "level": "activity", "tags": []})",
                             R"({"id": "a", "level": "activity", "title": "T", "logic": "any", "tags": ["x"]})",
                             R"({"title": "T", "attributes": {"k": [1]}, "level": "activity", "id": "a"})",
                             R"({"id": "a", "level": "activity", "title": null})",
                             R"({"id": "a", "level": "activity", "title": 3})",
                             R"({"id": "a", "level": "activity", "title": ["T"]})",
                             R"({"id": "a", "level": "activity", "title": {"T": 1}})",
                             R"({"id": "a", "level": "activity", "tags": "x"})",
                             R"({"id": "a", "level": "activity", "tags": [["x"]]})",
                             R"({"id": "a", "level": "activity", "tags": [1]})",
                             R"({"id": "a", "level": "activity", "id": "b"})",
                             R"({"id": "a", "level": "activity", "logic": "any", "id": "b"})",
                             R"({"id": "a", "level": "nope"})",
                             R"({"id": "", "level": "activity"})",
                             R"({"id": "g", "level": "activity"})",
                             R"({"id": "a", "level": "activity", "actors": ["nobody"]})",
                             R"({"id": "a"})",
                             R"({"level": "activity"})",
                             R"({})"}) {
        for (const char* link : {R"()", R"(, "links": [{"source": "a", "target": "g"}])",
                                 R"(, "links": [{"source": "a", "target": "g", "strength": 1, "rationale": "R", "assumptions": ["as1"]}])",
                                 R"(, "links": [{"target": "g", "strength": 0.25, "evidence": {"strength": "weak"}, "source": "a"}])",
                                 R"(, "links": [{"source": "a", "target": "g", "strength": 1.5}])",
                                 R"(, "links": [{"source": "a", "target": "g", "strength": -0.0}])",
                                 R"(, "links": [{"source": "a", "target": "g", "strength": 1e400}])",
                                 R"(, "links": [{"source": "a", "target": "g", "strength": "0.5"}])",
                                 R"(, "links": [{"source": "a", "target": "g", "assumptions": [null]}])",
                                 R"(, "links": [{"source": "a", "target": "g", "assumptions": []}, {"source": "a", "target": "g"}])",
                                 R"(, "links": [{"source": "a", "target": "a"}])",
                                 R"(, "links": [{"source": "a", "target": "zz"}])",
                                 R"(, "links": [{"source": "a", "target": "g", "target": "g"}])",
                                 R"(, "links": [{"source": "a"}])",
                                 R"(, "links": [{"source": "a", "target": "g", "extra": 1}])",
                                 R"(, "links": [{"source": true, "target": "g"}])"})
            texts.push_back(head + node + "]" + link + "}");
    }
    for (const std::string& text : texts) {
        INFO(text.substr(0, 200));
        const auto expected = through_the_document(text);
        const detail::JsonReader reader("f");
        const std::optional<TheoryOfChange> got = detail::StreamingTocReader(reader).read(text);
        if (got) {
            ++streamed;
            REQUIRE(std::holds_alternative<TheoryOfChange>(expected));
            CHECK(*got == std::get<TheoryOfChange>(expected));
        } else {
            ++declined;
        }
        if (std::holds_alternative<TheoryOfChange>(expected)) CHECK(loads(text, "f") == std::get<TheoryOfChange>(expected));
        else CHECK_THROWS_WITH(loads(text, "f"), std::get<std::string>(expected));
    }
    // Files in the writer's order take the streaming path; errors do not.
    CHECK(detail::StreamingTocReader(detail::JsonReader("f")).read(dumps(everything())).has_value());
    CHECK(detail::StreamingTocReader(detail::JsonReader("f")).read(data_file("valid/full.json")).has_value());
    CHECK_FALSE(detail::StreamingTocReader(detail::JsonReader("f")).read(texts[texts.size() - 2]).has_value());
    // A node read member by member, and one turned into an object by "logic"
    // after two of its members; a link likewise, by "evidence".
    const auto mixed = detail::StreamingTocReader(detail::JsonReader("f")).read(
        head + R"({"id": "a", "level": "activity", "title": "T", "tags": ["x", "y"]}, )" +
        R"({"id": "b", "title": "U", "logic": "any", "level": "output", "tags": ["z"]}], "links": [)" +
        R"({"source": "a", "target": "b", "strength": 1, "assumptions": ["as1"]}, )" +
        R"({"target": "g", "strength": 0.25, "evidence": {"strength": "weak"}, "source": "b", "rationale": "R"}]})");
    REQUIRE(mixed.has_value());
    CHECK(mixed->node("a").tags == std::vector<std::string>{"x", "y"});
    CHECK(mixed->node("b").logic == Logic::any);
    CHECK(mixed->node("b").title == "U");
    CHECK(mixed->node("b").tags == std::vector<std::string>{"z"});
    CHECK(mixed->link("a", "b").strength == 1.0);
    CHECK(mixed->link("a", "b").assumptions == std::vector<std::string>{"as1"});
    CHECK(mixed->link("b", "g").strength == 0.25);
    CHECK(mixed->link("b", "g").evidence->strength == "weak");
    CHECK(mixed->link("b", "g").rationale == "R");
    CHECK(streamed >= 5 + 20);  // the valid direct-path texts among them
    CHECK(declined >= 90);  // the malformed corpus
}

}  // namespace tocgraph::test
