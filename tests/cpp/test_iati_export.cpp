// Writing IATI 2.03 results XML: import -> export -> import gives the same
// theory of change on every fixture; edits after the import win over what
// was kept; ToCs built by hand are written as results; atomic files.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include <tocgraph/iati/read.hpp>
#include <tocgraph/iati/write.hpp>

#include "file_bytes.hpp"
#include "model_fixtures.hpp"

namespace tocgraph::iati::test {
using nlohmann::json;
using tocgraph::test::indicator;
using tocgraph::test::node;

namespace {

const std::filesystem::path fixtures = std::filesystem::path(TOCGRAPH_TEST_DATA_DIR) / "iati";

/// The ToC without the source version, which an export to 2.03 changes.
TheoryOfChange without_version(TheoryOfChange toc) {
    Metadata m = toc.metadata();
    m.attributes["iati"].erase("version");
    toc.set_metadata(std::move(m));
    return toc;
}

ImportResult export_and_read(const std::vector<TheoryOfChange>& tocs) {
    return read_iati_string(to_iati(tocs), "export.xml");
}

}  // namespace

TEST_CASE("import -> export -> import is the identity on every fixture", "[iati][export][roundtrip]") {
    for (const char* name : {"v203.xml", "v105.xml", "mixed.xml", "messy.xml", "languages.xml"}) {
        INFO(name);
        const ImportResult first = read_iati_file(fixtures / name);
        const ImportResult second = export_and_read(first.tocs);
        REQUIRE(second.tocs.size() == first.tocs.size());
        for (std::size_t k = 0; k < first.tocs.size(); ++k) {
            INFO(k);
            if (first.tocs[k].metadata().attributes["iati"]["version"] == "2.03") CHECK(second.tocs[k] == first.tocs[k]);
            else CHECK(without_version(second.tocs[k]) == without_version(first.tocs[k]));
            CHECK(second.tocs[k].metadata().attributes["iati"]["version"] == "2.03");
        }
        // And the export of the export is the same text.
        CHECK(to_iati(second.tocs) == to_iati(first.tocs));
    }
}

TEST_CASE("What the source lacked stays absent after an export", "[iati][export][roundtrip]") {
    // No <title>: no empty title narratives appear.
    const auto untitled = read_iati_string(
        "<iati-activities version=\"2.03\"><iati-activity><iati-identifier>X</iati-identifier></iati-activity>"
        "</iati-activities>", "untitled.xml");
    REQUIRE(untitled.tocs.size() == 1);
    CHECK(export_and_read(untitled.tocs).tocs.at(0) == untitled.tocs[0]);
    CHECK_FALSE(untitled.tocs[0].metadata().attributes.at("iati").contains("narratives"));

    // A <dimension> without name or value is written without them, not as name="".
    const std::string xml = to_iati(read_iati_file(fixtures / "messy.xml").tocs);
    CHECK(xml.find("<dimension name=\"age\"/>") != std::string::npos);
    CHECK(xml.find("name=\"\"") == std::string::npos);
    CHECK(xml.find("value=\"\"") == std::string::npos);
}

TEST_CASE("The export of v203.xml", "[iati][export]") {
    const ImportResult r = read_iati_file(fixtures / "v203.xml");
    const std::string xml = to_iati(r.tocs);
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n"
                    "  <iati-activity default-currency=\"AUD\" humanitarian=\"0\" xml:lang=\"en\">\n"
                    "    <iati-identifier>XM-TEST-203-1</iati-identifier>\n",
                    0) == 0);
    for (const char* part :
         {"<sector code=\"16\" percentage=\"100\" vocabulary=\"7\"/>",
          "<result type=\"2\" aggregation-status=\"0\">",
          "<reference vocabulary=\"99\" code=\"EOPO-1\" vocabulary-uri=\"https://example.org/framework\"/>",
          "<indicator measure=\"1\" ascending=\"1\" aggregation-status=\"1\">",
          "<reference vocabulary=\"9\" code=\"16.2.2\" indicator-uri=\"https://unstats.un.org/sdgs/metadata/\"/>",
          "<baseline year=\"2019\" iso-date=\"2019-12-31\" value=\"120\">\n"
          "          <location ref=\"KH-PNH\"/>\n          <location ref=\"TH-10\"/>\n"
          "          <dimension name=\"sex\" value=\"female\"/>\n          <comment>\n"
          "            <narrative xml:lang=\"en\">National referral database</narrative>\n"
          "            <narrative xml:lang=\"fr\">Base nationale d'orientation</narrative>\n          </comment>",
          "<period-start iso-date=\"2022-01-01\"/>\n          <period-end iso-date=\"2022-12-31\"/>\n"
          "          <target value=\"180\"/>\n        </period>\n        <period>\n"
          "          <period-start iso-date=\"2022-01-01\"/>",
          "<indicator measure=\"5\" ascending=\"1\">"}) {
        INFO(part);
        CHECK(xml.find(part) != std::string::npos);
    }
}

TEST_CASE("Messy values are written as they were read", "[iati][export]") {
    const std::string xml = to_iati(read_iati_file(fixtures / "messy.xml").tocs);
    for (const char* part : {"value=\"17,300\"", "value=\"&lt;2\"", "value=\"45%\"", "value=\"N=35;P=55\"",
                             "value=\"776\"", "year=\"-2018\" iso-date=\"2018-13-01\" value=\"22,5\"",
                             "<result type=\"NDP\">", "<indicator measure=\"percent\" ascending=\"yes\">",
                             "<period-end iso-date=\"20191900-01-01\"/>", "<target-note>not an IATI element</target-note>",
                             "<location/>", "<dimension name=\"sex\" value=\"male\"/>", "<reference vocabulary=\"\" code=\"A1\"/>"}) {
        INFO(part);
        CHECK(xml.find(part) != std::string::npos);
    }
    CHECK(xml.find("<result>") != std::string::npos);  // no type, still none
}

TEST_CASE("Fields edited after the import win over what was kept", "[iati][export][edits]") {
    TheoryOfChange toc = read_iati_file(fixtures / "v203.xml").tocs[0];
    Node result = toc.node("result-1");
    result.title = "Victims are identified";
    result.references.push_back({"sdg-target", "16.2", ""});
    toc.update_node(result);
    Indicator i = toc.indicator("result-1-indicator-1");
    i.baselines[0].comment.clear();
    i.targets.push_back(PeriodValue{Period{{2023, 1, 1}, {2023, 12, 31}}, 200.0, {}, {}, {}, "", "", {}, nullptr});
    i.actuals[0].value = 162.0;
    toc.update_indicator(i);
    Node activity = toc.node("activity");
    activity.end = Date{2024, 6, 30};
    activity.status = ActivityStatus::completed;
    toc.update_node(activity);

    const std::string xml = to_iati(toc);
    const TheoryOfChange back = read_iati_string(xml).tocs[0];
    // The title replaced the narrative it was read from; the French one stays.
    CHECK(back.node("result-1").title == "Victims are identified");
    CHECK(back.node("result-1").attributes["iati"]["narratives"]["title"][1]["lang"] == "fr");
    CHECK(back.node("result-1").references.size() == 2);
    // The cleared comment dropped the English narrative only.
    CHECK(back.indicator("result-1-indicator-1").baselines[0].comment == "Base nationale d'orientation");
    // Values and periods: regrouped by period since the lists changed.
    const Indicator& bi = back.indicator("result-1-indicator-1");
    CHECK(bi.targets.size() == 4);
    CHECK(bi.targets.back().value == 200.0);
    CHECK(bi.actuals[0].value == 162.0);
    CHECK(bi.attributes["iati"]["periods"].size() == 3);  // 2021, 2022 (merged), 2023
    CHECK(back.node("activity").end == Date{2024, 6, 30});
    CHECK(xml.find("<activity-date iso-date=\"2024-06-30\" type=\"3\"/>") != std::string::npos);
    CHECK(back.node("activity").status == ActivityStatus::completed);
    CHECK(xml.find("<activity-status code=\"4\"/>") != std::string::npos);

    // A value changed away from its kept text is written as the number.
    TheoryOfChange messy = read_iati_file(fixtures / "messy.xml").tocs[0];
    Indicator m = messy.indicator("result-1-indicator-1");
    m.targets[0].value = 17400.0;  // text still "17,300"
    messy.update_indicator(m);
    const std::string mx = to_iati(messy);
    CHECK(mx.find("value=\"17400\"") != std::string::npos);
    CHECK(mx.find("value=\"17,300\"") == std::string::npos);
}

TEST_CASE("A theory of change built by hand is written as IATI results", "[iati][export]") {
    TheoryOfChange toc;  // the default theory_of_change schema
    toc.metadata().title = "Programme";
    toc.metadata().period = Period{{2020, 1, 1}, {2023, 12, 31}};
    for (auto [id, level] : {std::pair{"g", "goal"}, std::pair{"o", "immediate_outcome"}, std::pair{"p", "output"},
                             std::pair{"a1", "activity"}, std::pair{"a2", "activity"}}) {
        toc.add_node(node(id, level, std::string("Title ") + id));
    }
    Indicator i = indicator("i", "o");
    i.title = "Share & rate";
    i.measure = Measure::percentage;
    i.ascending = false;
    i.baselines = {Baseline{Date{2019, 12, 31}, 12.5, {}, "from <survey>"}};
    i.targets = {PeriodValue{Period{{2021, 1, 1}, {2021, 12, 31}}, 10.0, {}, {}, {{"sex", "f"}}, "", "", {"KH"}, nullptr}};
    toc.add_indicator(i);
    const std::string xml = to_iati(toc);
    CHECK(xml ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<iati-activities version=\"2.03\">\n"
          "  <iati-activity>\n"
          "    <iati-identifier/>\n"
          "    <title>\n      <narrative>Programme</narrative>\n    </title>\n"
          "    <activity-date iso-date=\"2020-01-01\" type=\"1\"/>\n"
          "    <activity-date iso-date=\"2023-12-31\" type=\"3\"/>\n"
          "    <result type=\"3\">\n      <title>\n        <narrative>Title g</narrative>\n      </title>\n    </result>\n"
          "    <result type=\"2\">\n      <title>\n        <narrative>Title o</narrative>\n      </title>\n"
          "      <indicator measure=\"2\" ascending=\"0\">\n"
          "        <title>\n          <narrative>Share &amp; rate</narrative>\n        </title>\n"
          "        <baseline iso-date=\"2019-12-31\" value=\"12.5\">\n"
          "          <comment>\n            <narrative>from &lt;survey&gt;</narrative>\n          </comment>\n"
          "        </baseline>\n"
          "        <period>\n"
          "          <period-start iso-date=\"2021-01-01\"/>\n          <period-end iso-date=\"2021-12-31\"/>\n"
          "          <target value=\"10\">\n            <location ref=\"KH\"/>\n"
          "            <dimension name=\"sex\" value=\"f\"/>\n          </target>\n"
          "        </period>\n"
          "      </indicator>\n"
          "    </result>\n"
          "    <result type=\"1\">\n      <title>\n        <narrative>Title p</narrative>\n      </title>\n    </result>\n"
          "  </iati-activity>\n"
          "</iati-activities>\n");
    const ImportResult back = read_iati_string(xml);
    const Indicator& bi = back.tocs[0].indicator("result-2-indicator-1");
    CHECK(bi.baselines[0].value == 12.5);
    CHECK(bi.baselines[0].comment == "from <survey>");
    CHECK(bi.targets[0].dimensions == Dimensions{{"sex", "f"}});
}

TEST_CASE("Values XML cannot carry are refused; files are written atomically", "[iati][export][errors]") {
    TheoryOfChange toc;
    Node g = node("g", "goal", "bad \xFF");
    toc.add_node(g);
    CHECK_THROWS_WITH(to_iati(toc), "cannot write text as XML: invalid UTF-8 at byte 4");
    g.title = "ok";
    toc.update_node(g);
    Indicator i = indicator("i", "g");
    i.baselines = {Baseline{{}, std::numeric_limits<double>::quiet_NaN(), {}, ""}};
    toc.add_indicator(i);
    CHECK_THROWS_WITH(to_iati(toc), "cannot write a value that is not a finite number as IATI");

    const auto dir = std::filesystem::temp_directory_path() / "tocgraph-iati-export-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto path = dir / "out.xml";
    {
        std::ofstream(path) << "before";
    }
    CHECK_THROWS_AS(write_iati(std::vector<const TheoryOfChange*>{&toc}, path), Error);
    CHECK(tocgraph::test::read_bytes(path) == "before");  // the failed write left the file as it was
    const auto good = read_iati_file(fixtures / "v203.xml").tocs;
    write_iati(good, path);
    CHECK(read_iati_file(path).tocs == good);
    CHECK_THROWS_AS(write_iati(good, dir / "missing" / "out.xml"), Error);
    std::filesystem::remove_all(dir);
}

}  // namespace tocgraph::iati::test
