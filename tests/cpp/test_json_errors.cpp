// Reader errors: the exact message of each kind of problem, the parts of a
// FormatError, and errors from load() and toc_from_json().
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <tocgraph/json_io.hpp>

#include "error_message.hpp"

namespace tocgraph::test {
using nlohmann::json;

namespace {

const std::string head = R"({"format": "tocgraph", "version": 1, )";
const std::string three_nodes =
    R"("nodes": [{"id": "goal", "level": "goal"}, {"id": "io1", "level": "immediate_outcome"},)"
    R"( {"id": "act1", "level": "activity"}])";

std::string error_of(const std::string& text, const std::string& file = "toc.json") {
    return format_error_of([&] { loads(text, file); });
}
std::string error_of_json(const json& doc) {
    return format_error_of([&] { toc_from_json(doc, "toc.json"); });
}

}  // namespace

TEST_CASE("FormatError carries file, pointer, problem, line and column", "[json][errors]") {
    SECTION("a syntax error") {
        try {
            loads("{\n  \"format\": \"tocgraph\",\n  \"version\": 1,\n}", "toc.json");
            FAIL("no error");
        } catch (const FormatError& e) {
            CHECK(std::string(e.what()) == "toc.json:4:1: syntax error: unexpected '}'; expected string literal");
            CHECK(e.file() == "toc.json");
            CHECK(e.pointer().empty());
            CHECK(e.problem() == "syntax error: unexpected '}'; expected string literal");
            CHECK(e.line() == 4);
            CHECK(e.column() == 1);
        }
    }
    SECTION("a content error") {
        try {
            loads(head + three_nodes + R"(, "links": [{"source": "act1", "target": "oc9"}]})", "toc.json");
            FAIL("no error");
        } catch (const FormatError& e) {
            CHECK(std::string(e.what()) == R"(toc.json: /links/0/target: unknown node "oc9")");
            CHECK(e.pointer() == "/links/0/target");
            CHECK(e.problem() == R"(unknown node "oc9")");
            CHECK(e.line() == 0);
            CHECK(e.column() == 0);
        }
    }
    SECTION("the default file name") {
        CHECK_THROWS_WITH(loads("[]"), "<string>: expected an object, got array");
        CHECK_THROWS_WITH(toc_from_json(json::array()), "<string>: expected an object, got array");
        CHECK_THROWS_WITH(loads("[]", ""), "<string>: expected an object, got array");
    }
    SECTION("in_file renames") {
        const FormatError e("a.json", "/nodes", "bad", 3, 4);
        CHECK(std::string(e.in_file("b.json").what()) == "b.json:3:4: /nodes: bad");
    }
    SECTION("FormatError is a tocgraph::Error") {
        CHECK_THROWS_AS(loads("{"), Error);
        CHECK_THROWS_AS(loads("{"), std::runtime_error);
    }
}

TEST_CASE("Syntax errors point at line and column", "[json][errors][syntax]") {
    CHECK(error_of("") == "toc.json: empty document");
    CHECK(error_of(" \n\t ") == "toc.json: empty document");
    CHECK(error_of("{") == "toc.json:1:2: syntax error: unexpected end of input; expected string literal");
    CHECK(error_of("[1,]") == "toc.json:1:4: syntax error: unexpected ']'; expected '[', '{', or a literal");
    CHECK(error_of("{\"a\" 1}") == "toc.json:1:6: syntax error: unexpected number literal; expected ':'");
    CHECK(error_of("{}\n[]") == "toc.json:2:1: syntax error: unexpected '['; expected end of input");
    CHECK(error_of("\n\n   nul") == "toc.json:3:7: syntax error: invalid literal");
    CHECK(error_of("{\"a\": NaN}") == "toc.json:1:7: syntax error: invalid literal");
    CHECK(error_of("{\"a\": 1e400}") == "toc.json:1:7: number out of range: 1e400");
    CHECK(error_of("{\"a\": -1e400}") == "toc.json:1:7: number out of range: -1e400");
    SECTION("columns count characters, not bytes") {
        CHECK(error_of("{\"é\": 1,, }") == "toc.json:1:9: syntax error: unexpected ','; expected string literal");
        CHECK(error_of("\xEF\xBB\xBF{,}") == "toc.json:1:2: syntax error: unexpected ','; expected string literal");
    }
    SECTION("bad bytes are named, never copied into the message") {
        CHECK(error_of("\xFF") == "toc.json:1:1: syntax error: invalid literal");
        CHECK(error_of("[\"\xC3\"]") == "toc.json:1:3: syntax error: invalid string: ill-formed UTF-8 byte");
        CHECK(error_of("[\"\xED\xA0\x80\"]") == "toc.json:1:3: syntax error: invalid string: ill-formed UTF-8 byte");
        CHECK(error_of(std::string("[1]\0[2]", 7)) == "toc.json:1:4: syntax error: unexpected NUL byte");
        CHECK(error_of(std::string("\0", 1)) == "toc.json:1:1: syntax error: unexpected NUL byte");
        CHECK(error_of(std::string("[\"\0\"]", 5)) ==
              "toc.json:1:3: syntax error: invalid string: control character U+0000 (NUL) must be escaped to \\u0000");
    }
    SECTION("repeated keys") {
        CHECK(error_of(R"({"format": "tocgraph", "format": "tocgraph", "version": 1})") ==
              R"(toc.json: duplicate member "format")");
        CHECK(error_of(R"({"a": [{}, {"b": {"c/d~": {"x": 1, "x": 2}}}]})") ==
              R"(toc.json: /a/1/b/c~1d~0: duplicate member "x")");
    }
}

TEST_CASE("The file must be a tocgraph file of a version we read", "[json][errors]") {
    CHECK(error_of("42") == "toc.json: expected an object, got number");
    CHECK(error_of("null") == "toc.json: expected an object, got null");
    CHECK(error_of("{}") == R"(toc.json: missing required member "format")");
    CHECK(error_of(R"({"format": "tocgraph"})") == R"(toc.json: missing required member "version")");
    CHECK(error_of(R"({"format": "TOCGRAPH", "version": 1})") ==
          R"(toc.json: /format: expected "tocgraph", got "TOCGRAPH")");
    CHECK(error_of(R"({"format": null, "version": 1})") == "toc.json: /format: expected a string, got null");
    CHECK(error_of(R"({"format": "tocgraph", "version": 2})") ==
          "toc.json: /version: file format version 2 is newer than this library reads (1)");
    CHECK(error_of(R"({"format": "tocgraph", "version": 18446744073709551615})") ==
          "toc.json: /version: file format version 18446744073709551615 is newer than this library reads (1)");
    CHECK(error_of(R"({"format": "tocgraph", "version": -1})") ==
          "toc.json: /version: unsupported file format version -1");
    CHECK(error_of(R"({"format": "tocgraph", "version": 1.0})") ==
          "toc.json: /version: expected an integer, got 1.0");
    SECTION("the version is checked before unknown members, which a newer file may have") {
        CHECK(error_of(R"({"format": "tocgraph", "version": 3, "flows": []})") ==
              "toc.json: /version: file format version 3 is newer than this library reads (1)");
        CHECK(error_of(R"({"format": "tocgraph", "version": 1, "flows": []})") ==
              R"(toc.json: unknown member "flows")");
    }
}

TEST_CASE("Members are checked for name, presence and type", "[json][errors]") {
    CHECK(error_of(head + R"("nodes": [{"id": "g", "level": "goal", "titel": "x"}]})") ==
          R"(toc.json: /nodes/0: unknown member "titel")");
    CHECK(error_of(head + R"("nodes": [{"level": "goal"}]})") ==
          R"(toc.json: /nodes/0: missing required member "id")");
    CHECK(error_of(head + R"("nodes": [{"id": "g"}]})") ==
          R"(toc.json: /nodes/0: missing required member "level")");
    CHECK(error_of(head + R"("nodes": [{"id": 7, "level": "goal"}]})") ==
          "toc.json: /nodes/0/id: expected a string, got number");
    CHECK(error_of(head + R"("nodes": [{"id": "g", "level": "goal", "tags": "gender"}]})") ==
          "toc.json: /nodes/0/tags: expected an array, got string");
    CHECK(error_of(head + R"("nodes": ["g"]})") == "toc.json: /nodes/0: expected an object, got string");
    CHECK(error_of(head + R"("metadata": []})") == "toc.json: /metadata: expected an object, got array");
    CHECK(error_of(head + R"("metadata": {"title": true}})") ==
          "toc.json: /metadata/title: expected a string, got boolean");
    CHECK(error_of(head + R"("nodes": [{"id": "a", "level": "activity", "budget": {"amount": "10"}}]})") ==
          "toc.json: /nodes/0/budget/amount: expected a number, got string");
    CHECK(error_of(head + R"("actors": [{"id": "a", "attributes": null}]})") ==
          "toc.json: /actors/0/attributes: expected an object, got null");
    CHECK(error_of(head + three_nodes + R"(, "indicators": [{"id": "i", "node": "io1", "targets": [)"
                                        R"({"period": {"start": "2020-01-01", "end": "2020-12-31"}, "dimensions": {"a/b": 1}}]}]})") ==
          "toc.json: /indicators/0/targets/0/dimensions/a~1b: expected a string, got number");
}

TEST_CASE("Ids are non-empty and unique within their kind", "[json][errors]") {
    CHECK(error_of(head + R"("nodes": [{"id": "", "level": "goal"}]})") ==
          "toc.json: /nodes/0/id: node id must not be empty");
    CHECK(error_of(head + R"("nodes": [{"id": "x", "level": "goal"}, {"id": "x", "level": "output"}]})") ==
          R"(toc.json: /nodes/1/id: duplicate node id "x")");
    CHECK(error_of(head + R"("actors": [{"id": "a"}, {"id": "b"}, {"id": "a"}]})") ==
          R"(toc.json: /actors/2/id: duplicate actor id "a")");
    CHECK(error_of(head + R"("assumptions": [{"id": "a"}, {"id": "a"}]})") ==
          R"(toc.json: /assumptions/1/id: duplicate assumption id "a")");
    CHECK(error_of(head + three_nodes + R"(, "indicators": [{"id": "i", "node": "io1"}, {"id": "i", "node": "goal"}]})") ==
          R"(toc.json: /indicators/1/id: duplicate indicator id "i")");
    CHECK(error_of(head + R"("feedback": [{"id": "f"}, {"id": "f"}]})") ==
          R"(toc.json: /feedback/1/id: duplicate feedback id "f")");
    SECTION("ids are quoted as JSON strings") {
        CHECK(error_of(head + R"("nodes": [{"id": "say \"hi\"\n", "level": "goal"}, {"id": "say \"hi\"\n", "level": "goal"}]})") ==
              R"(toc.json: /nodes/1/id: duplicate node id "say \"hi\"\n")");
    }
    SECTION("different kinds may share an id") {
        CHECK(error_of(head + R"("actors": [{"id": "x"}], "assumptions": [{"id": "x"}], "nodes": [{"id": "x", "level": "goal"}]})") ==
              "no error");
    }
}

TEST_CASE("References must name existing elements", "[json][errors]") {
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "act1", "target": "io1"}, {"source": "io1", "target": "oc9"}]})") ==
          R"(toc.json: /links/1/target: unknown node "oc9")");
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "oc9", "target": "oc8"}]})") ==
          R"(toc.json: /links/0/source: unknown node "oc9")");
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "io1", "target": "io1"}]})") ==
          R"(toc.json: /links/0: link "io1" -> "io1" joins a node to itself)");
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "io1", "target": "goal"}, {"source": "io1", "target": "goal"}]})") ==
          R"(toc.json: /links/1: duplicate link "io1" -> "goal")");
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "io1", "target": "goal"}, {"source": "goal", "target": "io1"}]})") ==
          "no error");  // a cycle is the linter's business, not the format's
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "io1", "target": "goal", "assumptions": ["a9"]}]})") ==
          "no error");  // an undeclared assumption is the linter's TOC304
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "io1", "target": "goal", "assumptions": [9]}]})") ==
          "toc.json: /links/0/assumptions/0: expected a string, got number");
    CHECK(error_of(head + three_nodes + R"(, "indicators": [{"id": "i", "node": "oc9"}]})") ==
          R"(toc.json: /indicators/0/node: unknown node "oc9")");
    CHECK(error_of(head + R"("nodes": [{"id": "g", "level": "goal", "actors": ["dfat"]}]})") ==
          R"(toc.json: /nodes/0/actors/0: unknown actor "dfat")");
    SECTION("feedback subjects are not checked") {
        CHECK(error_of(head + R"("feedback": [{"id": "f", "subject": "gone", "consultation": "none"}]})") ==
              "no error");
    }
}

TEST_CASE("Levels, schemas and enums list what is accepted", "[json][errors]") {
    CHECK(error_of(head + R"("nodes": [{"id": "o", "level": "outcome"}]})") ==
          R"(toc.json: /nodes/0/level: unknown level "outcome"; schema "theory_of_change" has "goal", "pathway", )"
          R"("end_of_program_outcome", "intermediate_outcome", "immediate_outcome", "output" or "activity")");
    CHECK(error_of(head + R"("schema": "usaid", "nodes": []})") ==
          R"(toc.json: /schema: unknown schema "usaid"; built-in schemas are "theory_of_change", "logframe", )"
          R"("oecd_results_chain", "usaid_results_framework" or "iati")");
    CHECK(error_of(head + R"("schema": {"name": "s", "levels": [{"id": "a"}, {"id": ""}]}})") ==
          "toc.json: /schema/levels/1/id: level id must not be empty");
    CHECK(error_of(head + R"("schema": {"levels": [{"id": "a"}]}})") ==
          R"(toc.json: /schema: missing required member "name")");
    CHECK(error_of(head + R"("schema": {"name": "s", "levels": [{"id": "a", "role": "boss"}]}})") ==
          R"(toc.json: /schema/levels/0/role: unknown value "boss"; expected "goal", "pathway", "outcome", "output", "activity" or "input")");
    CHECK(error_of(head + R"("nodes": [{"id": "g", "level": "goal", "logic": "All"}]})") ==
          R"(toc.json: /nodes/0/logic: unknown value "All"; expected "all", "any" or "weighted")");
    CHECK(error_of(head + R"("assumptions": [{"id": "a", "status": "true"}]})") ==
          R"(toc.json: /assumptions/0/status: unknown value "true"; expected "untested", "holding", "at_risk" or "not_holding")");
    CHECK(error_of(head + R"("feedback": [{"id": "f", "status": "closed"}]})") ==
          R"(toc.json: /feedback/0/status: unknown value "closed"; expected "open", "accepted", "rejected" or "addressed")");
    CHECK(error_of(head + three_nodes + R"(, "indicators": [{"id": "i", "node": "io1", "accumulation": "sum"}]})") ==
          R"(toc.json: /indicators/0/accumulation: unknown value "sum"; expected "incremental", "cumulative" or "level")");
    SECTION("measure: a name or an IATI code 1-5") {
        auto measure = [&](const std::string& value) {
            return error_of(head + three_nodes + R"(, "indicators": [{"id": "i", "node": "io1", "measure": )" + value + "}]}");
        };
        CHECK(measure("3") == "no error");
        CHECK(measure(R"("ordinal")") == "no error");
        CHECK(measure("0") == "toc.json: /indicators/0/measure: unknown IATI measure code 0; expected 1 to 5");
        CHECK(measure("6") == "toc.json: /indicators/0/measure: unknown IATI measure code 6; expected 1 to 5");
        CHECK(measure("2.0") == "toc.json: /indicators/0/measure: unknown IATI measure code 2.0; expected 1 to 5");
        CHECK(measure("18446744073709551615") ==
              "toc.json: /indicators/0/measure: unknown IATI measure code 18446744073709551615; expected 1 to 5");
        CHECK(measure("null") == "toc.json: /indicators/0/measure: expected a string or an integer, got null");
        CHECK(measure(R"("2")") ==
              R"(toc.json: /indicators/0/measure: unknown value "2"; expected "unit", "percentage", "nominal", "ordinal" or "qualitative")");
    }
}

TEST_CASE("Dates, fractions and periods are checked", "[json][errors]") {
    CHECK(error_of(head + R"("nodes": [{"id": "a", "level": "activity", "end": "2021-02-30"}]})") ==
          R"(toc.json: /nodes/0/end: invalid date "2021-02-30"; expected YYYY-MM-DD)");
    CHECK(error_of(head + R"("metadata": {"date": "2020-1-1"}})") ==
          R"(toc.json: /metadata/date: invalid date "2020-1-1"; expected YYYY-MM-DD)");
    CHECK(error_of(head + R"("metadata": {"date": "2020-01-01T00:00:00Z"}})") ==
          R"(toc.json: /metadata/date: invalid date "2020-01-01T00:00:00Z"; expected YYYY-MM-DD)");
    CHECK(error_of(head + R"("assumptions": [{"id": "a", "likelihood": 1.0000001}]})") ==
          "toc.json: /assumptions/0/likelihood: must be between 0 and 1, got 1.0000001");
    CHECK(error_of(head + R"("assumptions": [{"id": "a", "likelihood": 2}]})") ==
          "toc.json: /assumptions/0/likelihood: must be between 0 and 1, got 2");
    CHECK(error_of(head + R"("assumptions": [{"id": "a", "likelihood": 1}, {"id": "b", "likelihood": 0}]})") ==
          "no error");
    CHECK(error_of(head + three_nodes + R"(, "links": [{"source": "io1", "target": "goal", "strength": -0.5}]})") ==
          "toc.json: /links/0/strength: must be between 0 and 1, got -0.5");
    CHECK(error_of(head + R"("metadata": {"period": {"start": "2021-01-01", "end": "2020-12-31"}}})") ==
          "toc.json: /metadata/period: period ends 2020-12-31 before it starts 2021-01-01");
    CHECK(error_of(head + R"("metadata": {"period": {"start": "2021-01-01", "end": "2021-01-01"}}})") == "no error");
    CHECK(error_of(head + three_nodes +
                   R"(, "indicators": [{"id": "i", "node": "io1", "actuals": [{"period": {"start": "2021-01-01", "end": "2020-12-31"}}]}]})") ==
          "no error");  // an indicator period in the wrong order is the linter's TOC206
    CHECK(error_of(head + R"("metadata": {"period": {"start": "2021-01-01", "end": "2021-12-31", "label": "FY"}}})") ==
          R"(toc.json: /metadata/period: unknown member "label")");
}

TEST_CASE("from_json checks a document built in memory", "[json][errors]") {
    json doc = {{"format", "tocgraph"}, {"version", 1}};
    CHECK(toc_from_json(doc) == TheoryOfChange{});
    doc["nodes"] = json::array({{{"id", "a"}, {"level", "activity"}, {"budget", {{"amount", NAN}}}}});
    CHECK(error_of_json(doc) == "toc.json: /nodes/0/budget/amount: expected a finite number");
    doc["nodes"][0]["budget"]["amount"] = 5;
    doc["nodes"][0]["attributes"] = {{"any", json::array({1, "x", nullptr})}};
    CHECK(toc_from_json(doc).node("a").attributes == doc["nodes"][0]["attributes"]);
    doc["links"] = json::array({{{"source", "a"}, {"target", "b"}}});
    CHECK(error_of_json(doc) == R"(toc.json: /links/0/target: unknown node "b")");
}

TEST_CASE("An error leaves nothing behind", "[json][errors]") {
    auto toc = loads(head + three_nodes + "}");
    const auto before = toc;
    CHECK_THROWS_AS(toc = loads(head + three_nodes + R"(, "links": [{"source": "io1", "target": "x"}]})"), FormatError);
    CHECK(toc == before);
}

TEST_CASE("load() names the file as given", "[json][errors][files]") {
    const std::filesystem::path missing = "no/such/dir/toc.json";
    try {
        load(missing);
        FAIL("no error");
    } catch (const FormatError& e) {
        CHECK(std::string(e.what()) == "no/such/dir/toc.json: cannot open file: No such file or directory");
        CHECK(e.file() == "no/such/dir/toc.json");
        CHECK(e.problem() == "cannot open file: No such file or directory");
    }
    const auto dir = std::filesystem::temp_directory_path();
    CHECK_THROWS_WITH(load(dir), dir.string() + ": cannot open file: Is a directory");

    const auto valid = std::filesystem::path(TOCGRAPH_TEST_DATA_DIR) / "valid" / "full.json";
    CHECK(load(valid).node_count() == 6);
}

}  // namespace tocgraph::test
