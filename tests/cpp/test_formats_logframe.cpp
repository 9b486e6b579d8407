// The logframe table in CSV: RFC 4180 parsing and its errors, the exact
// table written for a small ToC, reading it back, recognised headers and
// inferred links, and errors that name the line and column of a cell.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include <tocgraph/tocgraph.hpp>
#include <tocgraph/formats/logframe/read.hpp>
#include <tocgraph/formats/logframe/write.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

bool has_code(const ImportResult& r, const std::string& code) {
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.code == code; });
}

TheoryOfChange small() {
    TheoryOfChange toc(LevelSchema::logframe());
    toc.add_assumption(assumption("as1", "Ministries stay engaged"));
    toc.add_node(node("g", "goal", "Safer, fairer justice"));
    toc.add_node(node("p", "purpose", "Courts use the guidance, \"fast\""));
    toc.add_link(link("p", "g", {"as1"}));
    Indicator i = indicator("i1", "p");
    i.title = "Courts using it";
    i.unit = "courts";
    i.baselines.push_back(baseline("2020-12-31", 2));
    PeriodValue t;
    t.period = {Date{2021, 1, 1}, Date{2021, 12, 31}};
    t.value = 10000;
    i.targets.push_back(t);
    t.value = 4;
    t.dimensions = {{"country", "KH"}};
    i.targets.push_back(t);
    PeriodValue half;
    half.period = {Date{2021, 1, 1}, Date{2021, 6, 30}};
    half.value_text = "tbc";
    i.actuals.push_back(half);
    i.means_of_verification = "Court records";
    toc.add_indicator(i);
    return toc;
}

}  // namespace

TEST_CASE("csv: quoting, BOM, line ends and positions") {
    const auto rows = detail::parse_csv("\xEF\xBB\xBF" "a,\"b,\"\"c\"\"\"\r\n\"multi\nline\",\xC3\xA9x\nlast", "f.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][1].text == "b,\"c\"");
    CHECK(rows[1][0].text == "multi\nline");
    CHECK(rows[1][1].text == "\xC3\xA9x");
    CHECK(rows[1][1].line == 3);  // the quoted field before it spans two lines
    CHECK(rows[1][1].column == 7);
    CHECK(rows[2][0].line == 4);
    CHECK(detail::write_csv({{"a", "b,c", "say \"hi\"", " pad", "two\nlines"}}) ==
          "a,\"b,c\",\"say \"\"hi\"\"\",\" pad\",\"two\nlines\"\r\n");
}

TEST_CASE("csv: malformed text is refused with its line and column") {
    CHECK_THROWS_WITH(detail::parse_csv("a,b\nc,\"open\nstill", "f.csv"),
                      "f.csv:2:3: quoted field never closed (it starts here)");
    CHECK_THROWS_WITH(detail::parse_csv("a,b\nc,d\"e\n", "f.csv"),
                      "f.csv:2:4: quote inside an unquoted field; quote the whole field and double the quote");
    CHECK_THROWS_WITH(detail::parse_csv("\"a\"b\n", "f.csv"),
                      "f.csv:1:4: unexpected text after a closing quote; double a quote inside a quoted field");
    CHECK_THROWS_WITH(detail::parse_csv("ok,\xC3\xA9,\xFF\n", "f.csv"), "f.csv:1:6: invalid UTF-8 byte");
}

TEST_CASE("logframe: the table written for a small theory of change") {
    CHECK(to_logframe_csv(small()) ==
          "Level,ID,Contributes to,Statement,Indicator ID,Indicator,Unit,Dimensions,Baseline,Baseline date,"
          "Target 2021,Actual 2021-01-01/2021-06-30,Means of verification,Assumptions\r\n"
          "goal,g,,\"Safer, fairer justice\",,,,,,,,,,\r\n"
          "purpose,p,g,\"Courts use the guidance, \"\"fast\"\"\",i1,Courts using it,courts,,2,2020-12-31,10000,tbc,"
          "Court records,Ministries stay engaged\r\n"
          "purpose,p,,,i1,,,country=KH,,,4,,,\r\n");
    CHECK(to_logframe_csv(small(), {.bom = true}).starts_with("\xEF\xBB\xBF" "Level,"));
}

TEST_CASE("logframe: reading the written table gives the results, values and assumptions") {
    const std::string csv = to_logframe_csv(small());
    const ImportResult r = loads_logframe_csv(csv);
    const TheoryOfChange& toc = r.toc;
    CHECK(toc.schema() == LevelSchema::logframe());
    CHECK(toc.node("p").title == "Courts use the guidance, \"fast\"");
    REQUIRE(toc.has_link("p", "g"));
    REQUIRE(toc.link("p", "g").assumptions.size() == 1);
    CHECK(toc.assumption(toc.link("p", "g").assumptions[0]).statement == "Ministries stay engaged");
    const Indicator& i = toc.indicator("i1");
    CHECK(i.unit == "courts");
    CHECK(i.baselines == small().indicator("i1").baselines);
    CHECK(i.targets == small().indicator("i1").targets);
    CHECK(i.actuals == small().indicator("i1").actuals);
    CHECK(has_code(r, "IMP204"));  // "tbc" is kept as the value's text
    CHECK(to_logframe_csv(toc) == csv);
}

TEST_CASE("logframe: dimension names and values holding separators read back as written") {
    TheoryOfChange toc = small();
    Indicator i = toc.indicator("i1");
    i.targets[1].dimensions = {{"a=b", "c"}, {"sex", "f;m"}, {"path", "C:\\x"}};
    toc.update_indicator(i);
    const std::string csv = to_logframe_csv(toc);
    CHECK(csv.find("a\\=b=c; path=C:\\\\x; sex=f\\;m") != std::string::npos);
    CHECK(loads_logframe_csv(csv).toc.indicator("i1").targets == i.targets);

    // Line breaks inside a name or value, which also separate pairs.
    i.targets[1].dimensions = {{"multi\nline", "a\r\nb"}, {"cr", "x\ry"}};
    toc.update_indicator(i);
    const std::string broken = to_logframe_csv(toc);
    // A CR LF pair takes one backslash, so that XML, which reads it as LF, keeps it escaped.
    CHECK(broken.find("\"cr=x\\\ry; multi\\\nline=a\\\r\nb\"") != std::string::npos);
    CHECK(loads_logframe_csv(broken).toc.indicator("i1").targets == i.targets);
}

TEST_CASE("logframe: what the table cannot carry is refused when writing, naming it") {
    TheoryOfChange toc = small();
    Indicator i = toc.indicator("i1");
    i.targets[1].dimensions = {{"", "x"}};
    toc.update_indicator(i);
    CHECK_THROWS_WITH(to_logframe_csv(toc),
                      "cannot write the dimension \"=x\" of indicator \"i1\" to a logframe table: dimension names "
                      "cannot be empty, and names and values cannot begin or end with a space (docs/logframe.md)");
    i.targets[1].dimensions = {{"country", " KH"}};
    toc.update_indicator(i);
    CHECK_THROWS_WITH(to_logframe_csv(toc), Catch::Contains("\"country= KH\" of indicator \"i1\""));

    TheoryOfChange spaced = small();
    spaced.add_node(node(" o", "output", "Leading space"));
    CHECK_THROWS_WITH(to_logframe_csv(spaced),
                      "cannot write the node id \" o\" to a logframe table: ids there cannot be empty or begin or "
                      "end with a space (docs/logframe.md)");
}

TEST_CASE("logframe: ids holding the list separators read back as written") {
    TheoryOfChange listed = small();
    for (const char* id : {"a;b", "a,b", "line\nbreak", "back\\slash\\"}) {
        listed.add_node(node(id, "output", "Odd id"));
        listed.add_node(node(std::string("under ") + id, "activity", "Under it"));
        listed.add_link(link(std::string("under ") + id, id));
    }
    const std::string csv = to_logframe_csv(listed);
    CHECK(csv.find("under a;b,a\\;b,") != std::string::npos);
    CHECK(csv.find("\"under a,b\",\"a\\,b\",") != std::string::npos);
    CHECK(csv.find("under back\\slash\\,back\\\\slash\\\\,") != std::string::npos);
    const TheoryOfChange read = loads_logframe_csv(csv).toc;
    for (const char* id : {"a;b", "a,b", "line\nbreak", "back\\slash\\"}) {
        REQUIRE(read.links_to(id).size() == 1);
        CHECK(read.links_to(id).front()->source == std::string("under ") + id);
    }
    CHECK(to_logframe_csv(read) == csv);
}

TEST_CASE("logframe: the shipped files write, read and write the same table") {
    const auto root = std::filesystem::path(TOCGRAPH_TEST_DATA_DIR);
    for (const auto& path : {root / "valid" / "full.json", root / ".." / ".." / "examples" / "asean-act" / "toc.json"}) {
        const TheoryOfChange toc = load(path);
        const std::string csv = to_logframe_csv(toc);
        LogframeReadOptions options;
        options.schema = toc.schema().name();
        const ImportResult back = loads_logframe_csv(csv, options);
        CHECK(back.toc.node_count() == toc.node_count());
        CHECK(back.toc.link_count() == toc.link_count());
        CHECK(back.toc.indicator_count() == toc.indicator_count());
        CHECK(to_logframe_csv(back.toc) == csv);
    }
}

TEST_CASE("logframe: usual headers, numbering and links from row order") {
    const std::string csv =
        "Results chain,Narrative summary,Objectively verifiable indicators,Baseline 2019,Milestone 1 2020,"
        "Target (2022),Sources of verification,Notes\n"
        "IMPACT,Fewer people trafficked,,,,,,\n"
        "OUTCOME,Victims identified early,Share identified,\"10,000\",45%,n/a,Survey,x\n"
        "OUTPUT 1,Officers trained,Officers,0,100,300,Records,\n"
        "OUTPUT 2,Guidance published,,,,,,\n";
    const ImportResult r = loads_logframe_csv(csv, {}, "lf.csv");
    const TheoryOfChange& toc = r.toc;
    CHECK(toc.schema().name() == "oecd_results_chain");
    REQUIRE(toc.node_count() == 4);
    CHECK(toc.nodes_at("output").size() == 2);
    CHECK(toc.has_link("outcome-1", "impact-1"));
    CHECK(toc.has_link("output-1", "outcome-1"));
    CHECK(toc.has_link("output-2", "outcome-1"));
    const Indicator& share = *toc.indicators_of("outcome-1").at(0);
    CHECK(share.title == "Share identified");
    CHECK(share.baselines.at(0).value == 10000);
    CHECK(share.baselines.at(0).date == Date{2019, 1, 1});
    CHECK(share.targets.at(0).value == 45);
    CHECK(share.targets.at(0).period == Period{Date{2020, 1, 1}, Date{2020, 12, 31}});
    CHECK(share.targets.at(1).value_text == "n/a");
    CHECK(share.means_of_verification == "Survey");
    CHECK(has_code(r, "IMP201"));
    CHECK(has_code(r, "IMP206"));  // "Notes"
}

TEST_CASE("logframe: errors name the line and column of the cell") {
    CHECK_THROWS_WITH(loads_logframe_csv("Statement,Unit\nx,y\n", {}, "lf.csv"),
                      Catch::StartsWith("lf.csv:1:1: no header row found"));
    CHECK_THROWS_WITH(loads_logframe_csv("Level,ID,Contributes to,Statement\ngoal,g,,G\noutput,o,zz,O\n", {}, "lf.csv"),
                      "lf.csv:3:10: unknown result \"zz\"");
    CHECK_THROWS_WITH(loads_logframe_csv("Level,ID,Statement\ngoal,g,G\nsummit,s,S\n", {}, "lf.csv"),
                      "lf.csv:3:1: unknown level \"summit\"; no built-in schema has it");
    CHECK_THROWS_WITH(loads_logframe_csv("Level,ID,Statement\ngoal,g,G\ngoal,h,H\ngoal,g,again\n", {}, "lf.csv"),
                      "lf.csv:4:6: duplicate result id \"g\"");
    CHECK_THROWS_WITH(
        loads_logframe_csv("Level,ID,Statement,Indicator,Dimensions,Target 2021\ngoal,g,G,I,sex,3\n", {}, "lf.csv"),
        "lf.csv:2:12: invalid dimensions \"sex\"; expected NAME=VALUE; NAME=VALUE");
    LogframeReadOptions bad;
    bad.columns = {{"Statement", "words"}};
    CHECK_THROWS_WITH(loads_logframe_csv("Level,Statement\ngoal,G\n", bad, "lf.csv"),
                      "lf.csv:1:7: unknown column role \"words\" for \"Statement\"");
}

TEST_CASE("logframe: the columns option names what a column holds") {
    LogframeReadOptions options;
    options.columns = {{"Stufe", "level"}, {"Ergebnis", "statement"}, {"Ziel", "target:2023"}};
    const ImportResult r = loads_logframe_csv("Stufe,Ergebnis,Indikator,Ziel\ngoal,G,,\npurpose,P,,\n", options);
    CHECK(r.toc.node_count() == 2);
    CHECK(r.toc.has_link("purpose-1", "goal-1"));
}

}  // namespace tocgraph::test
