// Reading IATI activity XML: the mapping onto the model on small fixtures
// (1.05, 2.03, versions mixed in one file, messy values, several languages),
// the value-reading rules, findings, streaming and file errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <tocgraph/iati/read.hpp>

#include "error_message.hpp"

namespace tocgraph::iati::test {
using nlohmann::json;

namespace {

const std::filesystem::path fixtures = std::filesystem::path(TOCGRAPH_TEST_DATA_DIR) / "iati";

ImportResult fixture(const char* name, ImportOptions options = {}) {
    return read_iati_file(fixtures / name, options);
}

/// The codes of the findings, in order.
std::vector<std::string> codes(const std::vector<ImportFinding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.code);
    return out;
}

const ImportFinding* find(const std::vector<ImportFinding>& findings, std::string_view code, std::size_t line) {
    for (const auto& f : findings)
        if (f.code == code && f.line == line) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("read_value: the number-reading rules", "[iati][values]") {
    using K = ReadValue::Kind;
    auto check = [](std::string_view text, K kind, std::optional<double> number, std::string how = "") {
        INFO(text);
        const ReadValue v = read_value(text);
        CHECK(v.kind == kind);
        CHECK(v.number == number);
        CHECK(v.how == how);
    };
    check("12", K::plain, 12.0);
    check(" -0.5 ", K::plain, -0.5);
    check(".5", K::plain, 0.5);
    check("776.00", K::plain, 776.0);
    check("1e3", K::plain, 1000.0);
    check("1.234", K::plain, 1.234);  // a dot is a decimal point
    check("", K::empty, std::nullopt);
    check("   ", K::empty, std::nullopt);
    check("22,5", K::converted, 22.5, "decimal comma");
    check("9,91", K::converted, 9.91, "decimal comma");
    check("0,300", K::converted, 0.3, "decimal comma");
    check("1234,567", K::converted, 1234.567, "decimal comma");
    check("17,300", K::converted, 17300.0, "comma as thousands separator");
    check("1,234,567.5", K::converted, 1234567.5, "comma as thousands separator, decimal point");
    check("1.234.567", K::converted, 1234567.0, "dot as thousands separator");
    check("1.234,5", K::converted, 1234.5, "dot as thousands separator, decimal comma");
    check("10 000", K::converted, 10000.0, "space as thousands separator");
    check("10\xC2\xA0" "000", K::converted, 10000.0, "space as thousands separator");
    check("45%", K::converted, 45.0, "per cent sign");
    check("-12,5 %", K::converted, -12.5, "decimal comma, per cent sign");
    for (std::string_view text : {"<2", "TBD", "N/A", "N=35;P=55", "2020:500", "10-20", "1,5,6", "12,3456,789", "abc 5",
                                  "INF", "NaN", "1e999", "0,300,000", "%"})
        check(text, K::text, std::nullopt);
}

TEST_CASE("IATI 2.03: every part of a result is read", "[iati][import]") {
    const ImportResult r = fixture("v203.xml");
    CHECK(r.findings.empty());
    REQUIRE(r.tocs.size() == 1);
    const TheoryOfChange& toc = r.tocs[0];
    CHECK(toc.schema() == LevelSchema::iati());
    CHECK(toc.metadata().title == "Safer migration");
    CHECK(toc.metadata().period == Period{{2020, 2, 15}, {2023, 12, 31}});  // the actual start wins
    const json& meta = toc.metadata().attributes["iati"];
    CHECK(meta["identifier"] == "XM-TEST-203-1");
    CHECK(meta["version"] == "2.03");
    CHECK(meta["activity-attributes"]["xml:lang"] == "en");
    CHECK(meta["reporting-org"]["attributes"]["ref"] == "XM-TEST");

    const Node& activity = toc.node("activity");
    CHECK(activity.level == "activity");
    CHECK(activity.status == ActivityStatus::ongoing);
    CHECK(activity.start == Date{2020, 2, 15});
    CHECK(activity.end == Date{2023, 12, 31});
    CHECK(activity.description == "Counter-trafficking support to justice agencies.");
    CHECK(activity.references == std::vector<Reference>{{"sdg-goal", "16", ""}, {"sdg-target", "16.2", ""}});

    CHECK(toc.node_count() == 3);
    CHECK(toc.has_link("activity", "result-1"));
    CHECK(toc.has_link("activity", "result-2"));
    const Node& outcome = toc.node("result-1");
    CHECK(outcome.level == "outcome");
    CHECK(outcome.title == "Victims are identified and referred");
    CHECK(outcome.description == "Referral systems work across borders.");
    CHECK(outcome.references == std::vector<Reference>{{"99", "EOPO-1", "https://example.org/framework"}});
    const json& oi = outcome.attributes["iati"];
    CHECK(oi["aggregation-status"] == "0");
    CHECK(oi["narratives"]["title"] ==
          json::parse(R"([{"lang": "en", "text": "Victims are identified and referred"},
                          {"lang": "fr", "text": "Les victimes sont identifiées et orientées"}])"));
    CHECK(oi["kept"][0]["element"] == "document-link");
    CHECK(oi["kept"][0]["attributes"]["url"] == "https://example.org/report.pdf");
    CHECK(toc.node("result-2").level == "output");

    const Indicator& i = toc.indicator("result-1-indicator-1");
    CHECK(i.node == "result-1");
    CHECK(i.measure == Measure::unit);
    CHECK(i.ascending);
    CHECK(i.references == std::vector<Reference>{{"9", "16.2.2", "https://unstats.un.org/sdgs/metadata/"}});
    REQUIRE(i.baselines.size() == 2);
    CHECK(i.baselines[0].year == 2019);
    CHECK(i.baselines[0].date == Date{2019, 12, 31});
    CHECK(i.baselines[0].value == 120.0);
    CHECK(i.baselines[0].locations == std::vector<std::string>{"KH-PNH", "TH-10"});
    CHECK(i.baselines[0].dimensions == Dimensions{{"sex", "female"}});
    CHECK(i.baselines[0].comment == "National referral database");
    CHECK(i.baselines[0].attributes["iati"]["narratives"]["comment"][1]["text"] == "Base nationale d'orientation");
    CHECK(i.baselines[1].year == 2019);
    CHECK_FALSE(i.baselines[1].date);
    CHECK(i.baselines[1].dimensions == Dimensions{{"sex", "male"}});

    const Period y2021{{2021, 1, 1}, {2021, 12, 31}}, y2022{{2022, 1, 1}, {2022, 12, 31}};
    REQUIRE(i.targets.size() == 3);
    CHECK(i.targets[0].period == y2021);
    CHECK(i.targets[0].value == 150.0);
    CHECK(i.targets[1].dimensions == Dimensions{{"sex", "male"}});
    CHECK(i.targets[2].period == y2022);
    REQUIRE(i.actuals.size() == 3);
    CHECK(i.actuals[0].value == 161.0);
    CHECK(i.actuals[0].locations == std::vector<std::string>{"KH-PNH"});
    CHECK(i.actuals[0].dimensions == Dimensions{{"age", "under 18"}, {"sex", "female"}});
    CHECK(i.actuals[0].comment == "Includes 12 cross-border referrals");
    CHECK(i.actuals[2].value == 170.0);
    // Which values shared a <period>: two 2022 periods stay two.
    CHECK(i.attributes["iati"]["periods"] == json::parse(R"([
        {"start": "2021-01-01", "end": "2021-12-31", "targets": 2, "actuals": 2},
        {"start": "2022-01-01", "end": "2022-12-31", "targets": 1, "actuals": 0},
        {"start": "2022-01-01", "end": "2022-12-31", "targets": 0, "actuals": 1}])"));

    const Indicator& q = toc.indicator("result-2-indicator-1");
    CHECK(q.measure == Measure::qualitative);
    REQUIRE(q.actuals.size() == 1);
    CHECK_FALSE(q.actuals[0].value);
    CHECK(q.actuals[0].comment == "Rated good by participants");
}

TEST_CASE("IATI 1.05: text outside narratives, one element per language", "[iati][import]") {
    const ImportResult r = fixture("v105.xml");
    CHECK(r.findings.empty());
    REQUIRE(r.tocs.size() == 1);
    const TheoryOfChange& toc = r.tocs[0];
    CHECK(toc.metadata().attributes["iati"]["version"] == "1.05");
    CHECK(toc.node("activity").title == "Water for schools");
    CHECK(toc.node("activity").start == Date{2012, 1, 1});  // type "start-planned"
    const Node& result = toc.node("result-1");
    CHECK(result.level == "outcome");
    CHECK(result.title == "Children drink safe water at school");
    CHECK(result.attributes["iati"]["narratives"]["title"][1] ==
          json{{"lang", "fr"}, {"text", "Les enfants boivent de l'eau potable à l'école"}});
    const Indicator& i = toc.indicator("result-1-indicator-1");
    CHECK(i.measure == Measure::percentage);
    REQUIRE(i.baselines.size() == 1);
    CHECK(i.baselines[0].year == 2011);
    CHECK(i.baselines[0].comment == "District survey");
    CHECK(i.baselines[0].attributes["iati"]["narratives"]["comment"].size() == 2);
    CHECK(i.actuals[0].value == 47.5);
    CHECK(i.actuals[0].comment == "Two pumps broke down");
}

TEST_CASE("Versions mixed in one file, namespaces matched by URI", "[iati][import]") {
    const ImportResult r = fixture("mixed.xml");
    REQUIRE(r.tocs.size() == 3);
    CHECK(r.tocs[0].metadata().attributes["iati"]["version"] == "1.05");
    CHECK(r.tocs[1].metadata().attributes["iati"]["version"] == "2.03");
    CHECK(r.tocs[2].metadata().attributes["iati"]["version"] == "2.01");
    // The d-portal dataset attribute is kept by URI, whatever its prefix.
    for (int k : {0, 1})
        CHECK(r.tocs[k].metadata().attributes["iati"]["activity-attributes"].contains(
            "{http://d-portal.org/xmlns/dstore}dataset"));
    CHECK(r.tocs[0].node("result-1").title == "Wells dug");
    CHECK(r.tocs[1].node("result-1").level == "impact");
    CHECK_FALSE(r.tocs[1].indicator("result-1-indicator-1").ascending);
    CHECK(r.tocs[1].indicator("result-1-indicator-1").baselines[0].value == 14.5);
    CHECK(r.tocs[2].node_count() == 1);
    CHECK(codes(r.findings) == std::vector<std::string>{"no-results"});
    CHECK(r.findings[0].activity == "XM-MIX-3");
}

TEST_CASE("Messy values are kept as text, with a number where one is clear", "[iati][import][messy]") {
    const ImportResult r = fixture("messy.xml");
    REQUIRE(r.tocs.size() == 1);
    const TheoryOfChange& toc = r.tocs[0];
    CHECK(toc.metadata().attributes["iati"]["identifier"] == "XM-MESSY-1 - Kenya - Covid 19");
    CHECK(toc.node("result-1").level == "output");  // type="output"
    const Indicator& i = toc.indicator("result-1-indicator-1");
    CHECK(i.measure == Measure::unit);  // measure="Unit"
    REQUIRE(i.baselines.size() == 2);
    CHECK_FALSE(i.baselines[0].value);
    CHECK(i.baselines[0].value_text == "TBD");
    CHECK(i.baselines[1].value == 22.5);
    CHECK(i.baselines[1].value_text == "22,5");
    CHECK_FALSE(i.baselines[1].year);
    CHECK(i.baselines[1].attributes["iati"]["year"] == "-2018");
    CHECK(i.baselines[1].attributes["iati"]["iso-date"] == "2018-13-01");
    REQUIRE(i.targets.size() == 4);
    CHECK(i.targets[0].value == 17300.0);
    CHECK(i.targets[0].value_text == "17,300");
    CHECK_FALSE(i.targets[1].value);
    CHECK(i.targets[1].value_text == "<2");
    CHECK(i.targets[2].value == 45.0);
    // The reversed period is kept as written and reported.
    CHECK(i.targets[3].period == Period{{2021, 12, 31}, {2021, 1, 1}});
    CHECK(i.targets[3].value == 9.91);
    REQUIRE(i.actuals.size() == 3);
    CHECK(i.actuals[0].value_text == "N=35;P=55");
    CHECK(i.actuals[1].value == 776.0);
    CHECK(i.actuals[1].value_text.empty());  // a plain number keeps no text
    const PeriodValue& empty = i.actuals[2];
    CHECK_FALSE(empty.value);
    CHECK(empty.locations == std::vector<std::string>{""});
    CHECK(empty.dimensions == Dimensions{{"age", ""}, {"sex", "female"}});
    CHECK(empty.attributes["iati"]["extra-dimensions"] == json::parse(R"([{"name": "sex", "value": "male"}])"));
    CHECK(empty.comment == "no data received, will report at end-term");
    // The unreadable period is kept whole, not read.
    const json& layout = i.attributes["iati"]["periods"];
    REQUIRE(layout.size() == 3);
    CHECK(layout[2]["element"]["element"] == "period");

    const Node& other = toc.node("result-2");
    CHECK(other.level == "other");
    CHECK(other.attributes["iati"]["type"] == "NDP");
    CHECK(other.title == "Text outside a narrative");
    const Indicator& unknown = toc.indicator("result-2-indicator-1");
    CHECK(unknown.attributes["iati"]["measure"] == "percent");
    CHECK(unknown.attributes["iati"]["ascending"] == "yes");
    CHECK(unknown.references == std::vector<Reference>{{"", "A1", ""}});
    CHECK(unknown.baselines[0].date == Date{2020, 1, 1});
    CHECK(unknown.attributes["iati"]["periods"][0]["kept"][0]["element"] == "target-note");
    CHECK(toc.node("result-3").attributes["iati"]["type"].is_null());

    CHECK(codes(r.findings) ==
          std::vector<std::string>{"code-word", "code-word", "value-not-number", "year-invalid", "date-invalid",
                                   "value-converted", "value-converted", "value-not-number", "value-converted",
                                   "value-not-number", "value-missing", "location-without-ref", "dimension-repeated",
                                   "dimension-incomplete", "period-reversed", "value-converted", "date-converted",
                                   "period-invalid", "code-unknown", "text-outside-narrative", "code-unknown",
                                   "boolean-invalid", "reference-incomplete", "year-invalid", "date-converted",
                                   "value-missing", "unknown-element", "code-unknown", "element-missing"});
    const ImportFinding* f = find(r.findings, "value-converted", 21);
    REQUIRE(f);
    CHECK(f->to_string() == (fixtures / "messy.xml").string() +
          ":21:11: info: [XM-MESSY-1 - Kenya - Covid 19] result 1 indicator 1 period 1 target 1 value "
          "\"17,300\" read as 17300 (comma as thousands separator); the text is kept (value-converted)");
    CHECK(f->file == (fixtures / "messy.xml").string());
    CHECK(f->subject == "result-1-indicator-1");
    f = find(r.findings, "period-invalid", 41);
    REQUIRE(f);
    CHECK(f->severity == Severity::error);
    CHECK(f->message == "result 1 indicator 1 period 3 cannot be read (period-end \"20191900-01-01\" is not an ISO "
                        "date); its 1 target(s) and 0 actual(s) are kept as XML in the indicator's attributes");
    f = find(r.findings, "period-reversed", 36);
    REQUIRE(f);
    CHECK(f->message == "result 1 indicator 1 period 2 ends 2021-01-01 before it starts 2021-12-31");
}

TEST_CASE("Narratives: every language kept, one chosen for the fields", "[iati][import][languages]") {
    SECTION("the activity's xml:lang first, narratives without a tag inheriting it") {
        const ImportResult r = fixture("languages.xml");
        const TheoryOfChange& toc = r.tocs[0];
        CHECK(toc.node("activity").title == "Eau propre");
        CHECK(toc.node("activity").attributes["iati"]["narratives"]["title"] == json::parse(R"([
            {"lang": "ENG", "text": "Clean water"}, {"lang": "fr", "text": "Eau propre"},
            {"lang": "es", "text": "Agua limpia"}])"));
        // The title element's xml:lang applies to its narratives.
        CHECK(toc.node("result-1").title == "Les ménages ont de l'eau");
        CHECK(toc.node("result-1").attributes["iati"]["narratives"]["title"][0]["lang"] == "EN");
        // No French: English ("en-GB") before the first narrative.
        CHECK(toc.indicator("result-1-indicator-1").title == "Households connected");
        // A single narrative in another language is still shown.
        CHECK(toc.indicator("result-1-indicator-1").baselines[0].comment == "Geen aansluitingen");
    }
    SECTION("a requested language wins; three-letter and regional tags match") {
        ImportOptions options;
        options.language = "EN";
        const ImportResult r = fixture("languages.xml", options);
        const TheoryOfChange& toc = r.tocs[0];
        CHECK(toc.node("activity").title == "Clean water");  // tagged "ENG"
        CHECK(toc.node("result-1").title == "Households have water");
        CHECK(toc.metadata().attributes["iati"]["language"] == "EN");
        options.language = "es";
        CHECK(fixture("languages.xml", options).tocs[0].indicator("result-1-indicator-1").title == "Hogares conectados");
    }
    CHECK(primary_language("EN-gb") == "en");
    CHECK(primary_language("ENG") == "en");
    CHECK(primary_language("fre") == "fr");
    CHECK(primary_language("") == "");
}

TEST_CASE("ActivityReader streams one activity at a time", "[iati][stream]") {
    std::string text = "<iati-activities version=\"2.03\">";
    for (int k = 0; k < 2000; ++k)
        text += "<iati-activity><iati-identifier>A-" + std::to_string(k) +
                "</iati-identifier><title><narrative>T</narrative></title><result type=\"1\"><title><narrative>R"
                "</narrative></title><indicator measure=\"1\"><title><narrative>I</narrative></title><baseline year="
                "\"2020\" value=\"" + std::to_string(k) + "\"/></indicator></result></iati-activity>\n";
    text += "</iati-activities>";
    auto reader = ActivityReader::from_string(text, "many.xml");
    std::size_t count = 0;
    std::uint64_t last = 0;
    while (auto a = reader->next()) {
        CHECK(a->identifier == "A-" + std::to_string(count));
        CHECK(a->line == count + 1);
        CHECK(a->toc.indicator("result-1-indicator-1").baselines[0].value == double(count));
        CHECK(reader->bytes_read() > last);  // the reader moves through the input
        last = reader->bytes_read();
        ++count;
    }
    CHECK(count == 2000);
    CHECK(reader->bytes_read() == text.size());
    CHECK_FALSE(reader->next());
}

TEST_CASE("Other roots and malformed XML are errors with line and column", "[iati][errors]") {
    auto error_of = [](const std::string& text) {
        return tocgraph::test::format_error_of([&] { read_iati_string(text, "bad.xml"); });
    };
    CHECK(error_of("<codelist/>") == "bad.xml:1:1: expected <iati-activities> or <iati-activity> as the root element, got <codelist>");
    CHECK(error_of("<x:iati-activities xmlns:x='urn:x'/>") ==
          "bad.xml:1:1: expected <iati-activities> or <iati-activity> as the root element, got <x:iati-activities> in "
          "namespace \"urn:x\"");
    CHECK(error_of("<iati-activities>\n<iati-activity>\n<title>\n</iati-activity>") ==
          "bad.xml:4:1: end tag </iati-activity> does not match start tag <title> opened at 3:1");
    // An error after good activities: nothing is returned.
    CHECK(error_of("<iati-activities><iati-activity/></iati-activities><junk/>") ==
          "bad.xml:1:52: a second root element (a document has exactly one)");
    CHECK_THROWS_WITH(read_iati_file(fixtures / "absent.xml"),
                      Catch::EndsWith("absent.xml: cannot open file: No such file or directory"));

    // A single activity as the root is read too.
    const ImportResult one = read_iati_string(
        "<iati-activity><iati-identifier>X</iati-identifier><title><narrative>T</narrative></title></iati-activity>");
    REQUIRE(one.tocs.size() == 1);
    CHECK(one.tocs[0].metadata().attributes["iati"]["identifier"] == "X");
    // Elements beside activities are reported and skipped.
    const ImportResult odd = read_iati_string("<iati-activities><note>hi</note></iati-activities>", "odd.xml");
    CHECK(odd.tocs.empty());
    REQUIRE(odd.findings.size() == 1);
    CHECK(odd.findings[0].to_string() == "odd.xml:1:18: info: <note> in <iati-activities> is not an activity; skipped (unknown-element)");
}

TEST_CASE("The finding catalogue lists every code the importer uses", "[iati][findings]") {
    for (const char* name : {"v203.xml", "v105.xml", "mixed.xml", "messy.xml", "languages.xml"})
        for (const ImportFinding& f : fixture(name).findings) {
            INFO(f.code);
            const FindingKind* kind = find_finding_kind(f.code);
            REQUIRE(kind);
            CHECK(kind->severity == f.severity);
        }
}

}  // namespace tocgraph::iati::test
