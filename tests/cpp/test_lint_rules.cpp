// The lint rules, one fixture pair per rule: tests/data/lint/CODE-fail.json
// gives exactly the findings listed here (messages and ids checked exactly),
// CODE-pass.json, the same file with the slip corrected, gives none at all.
// Then the options: select, ignore, re-grading, min_severity, link policies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <tocgraph/json_io.hpp>
#include <tocgraph/lint.hpp>

#include "model_fixtures.hpp"

namespace fs = std::filesystem;
namespace tocgraph::test {

namespace {

const fs::path fixtures = fs::path(TOCGRAPH_TEST_DATA_DIR) / "lint";

struct Expected {
    std::string message;
    std::vector<std::string> ids;
};

struct RuleCase {
    std::string code;
    std::vector<Expected> findings;  ///< of this rule, in order
    /// Other rules the fail file cannot help breaking (a cycle always has a
    /// link that does not point up); empty for most rules.
    std::vector<std::string> companions = {};
};

const std::vector<RuleCase>& rule_cases() {
    static const std::vector<RuleCase> cases = {
        // ---- structure
        {"TOC101", {{"the links form a cycle: goal -> act1 -> goal", {"goal", "act1"}}}, {"TOC102"}},
        {"TOC102", {{R"(link "act1" -> "inp1" points down from activity to input)", {"act1->inp1"}}}},
        {"TOC103", {{R"(link "act1" -> "act2" joins two activity nodes)", {"act1->act2"}}}},
        {"TOC104",
         {{R"(output "out1" does not lead to any goal)", {"out1"}},
          {R"(activity "act2" does not lead to any goal)", {"act2"}}}},
        {"TOC105", {{R"(no node at the goal level ("goal"))", {}}}},
        {"TOC106", {{R"(2 goals: "goal1", "goal2")", {"goal1", "goal2"}}}},
        {"TOC107", {{R"(pathway "path1" has no outcome contributing to it)", {"path1"}}}},
        {"TOC108", {{R"(output "out1" has no contributors)", {"out1"}}}},
        {"TOC109", {{R"(activity "act2" contributes to nothing)", {"act2"}}}, {"TOC104"}},
        {"TOC110", {{R"(activity "act2" has no links)", {"act2"}}}},
        {"TOC111", {{R"(goal "goal" has logic "all" but a single contributor ("act1"))", {"goal"}}}},
        {"TOC112",
         {{R"(output "out1" and output "out2" have the same title but for case, spacing or punctuation: )"
           R"("Officials trained in victim-sensitive interviewing" and "Officials trained in victim sensitive interviewing.")",
           {"out1", "out2"}},
          {R"(indicator "ind1" and indicator "ind2" of output "out1" have nearly the same title (90% of their words )"
           R"(in common): "Number of officials trained in victim sensitive interviewing techniques" and )"
           R"("Number of officials trained in victim sensitive interviewing techniques, annually")",
           {"ind1", "ind2"}}}},
        // ---- measurement
        {"TOC201", {{R"(output "out1" has no indicator)", {"out1"}}}},
        {"TOC202", {{R"(indicator "ind1" has no baseline)", {"ind1"}}}},
        {"TOC203", {{R"(indicator "ind1" has no target)", {"ind1"}}}},
        {"TOC204", {{R"(indicator "ind1" has no unit)", {"ind1"}}}},
        {"TOC205", {{R"(indicator "ind1" has no means of verification)", {"ind1"}}}},
        {"TOC206", {{R"(indicator "ind1": target 2021-12-31..2021-01-01 ends before it starts)", {"ind1"}}}},
        {"TOC207",
         {{R"(indicator "ind1": target 2021-01-01..2021-12-31 is outside the programme period 2020-01-01..2021-06-30)",
           {"ind1"}}}},
        {"TOC208", {{R"(indicator "ind1": target 2021-01-01..2021-12-31 has no value)", {"ind1"}}}},
        {"TOC209", {{R"(indicator "ind1" is qualitative but target 2021-01-01..2021-12-31 has a value)", {"ind1"}}}},
        {"TOC210", {{R"(indicator "ind1": target 2021-01-01..2021-12-31 is 850%)", {"ind1"}}}},
        {"TOC211",
         {{R"(indicator "ind1" and its result "out1" both carry a reference of vocabulary "99")", {"out1", "ind1"}}}},
        {"TOC212",
         {{R"(indicator "ind1": actual 2024-01-01..2024-12-31 is outside the programme period 2020-01-01..2023-12-31)",
           {"ind1"}},
          {R"(indicator "ind2": actual 2022-01-01..2022-06-30 is outside the dates of activity "act1" )"
           R"((2021-01-01..2021-12-31))",
           {"ind2"}}}},
        // ---- plan
        {"TOC301", {{R"(activity "act1" ends 2021-01-01 before it starts 2021-06-30)", {"act1"}}}},
        {"TOC302",
         {{R"(activity "act1" runs 2023-06-01..2024-03-31, outside the programme period 2020-01-01..2023-12-31)",
           {"act1"}}}},
        {"TOC303", {{R"(assumption "asm1" is attached to no link)", {"asm1"}}}},
        {"TOC304", {{R"(link "act1" -> "goal" names unknown assumption "asm1")", {"act1->goal", "asm1"}}}},
    };
    return cases;
}

TheoryOfChange fixture(const std::string& code, const std::string& kind) {
    return load(fixtures / (code + "-" + kind + ".json"));
}

/// LintOptions spelled fluently (designated initializers would have to name
/// every member to keep -Wextra quiet).
struct Options {
    LintOptions o;
    Options& select(std::vector<std::string> v) { o.select = std::move(v); return *this; }
    Options& ignore(std::vector<std::string> v) { o.ignore = std::move(v); return *this; }
    Options& regrade(const std::string& rule, Severity s) { o.severity[rule] = s; return *this; }
    Options& min(Severity s) { o.min_severity = s; return *this; }
    Options& downward(LinkPolicy p) { o.downward_links = p; return *this; }
    Options& same_level(LinkPolicy p) { o.same_level_links = p; return *this; }
    operator const LintOptions&() const { return o; }  // NOLINT: the point is to pass it as one
};

std::vector<std::string> codes_of(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(f.code);
    return out;
}

std::set<std::string> code_set(const std::vector<Finding>& findings) {
    const auto codes = codes_of(findings);
    return {codes.begin(), codes.end()};
}

}  // namespace

TEST_CASE("Every rule of the catalogue has its fixtures and expectations", "[lint]") {
    std::set<std::string> catalogue;
    for (const RuleInfo& rule : rule_catalogue) {
        INFO(rule.code);
        catalogue.insert(std::string(rule.code));
        CHECK(fs::exists(fixtures / (std::string(rule.code) + "-fail.json")));
        CHECK(fs::exists(fixtures / (std::string(rule.code) + "-pass.json")));
        CHECK(std::ranges::count(rule_cases(), std::string(rule.code), &RuleCase::code) == 1);
    }
    for (const auto& entry : fs::directory_iterator(fixtures)) {
        const std::string name = entry.path().filename().string();
        INFO(name);
        const auto dash = name.find('-');
        REQUIRE(dash != std::string::npos);
        CHECK(catalogue.contains(name.substr(0, dash)));
        CHECK((name.substr(dash) == "-fail.json" || name.substr(dash) == "-pass.json"));
    }
}

TEST_CASE("The catalogue is well formed", "[lint]") {
    std::set<std::string_view> codes, names;
    for (const RuleInfo& rule : rule_catalogue) {
        INFO(rule.code);
        CHECK(codes.insert(rule.code).second);
        CHECK(names.insert(rule.name).second);
        CHECK(rule.code.size() == 6);
        CHECK(rule.code.starts_with("TOC"));
        CHECK(find_rule(rule.code) == &rule);
        CHECK(find_rule(rule.name) == &rule);
        CHECK_FALSE(rule.summary.empty());
        CHECK_FALSE(rule.hint.empty());
        const char group = rule.code[3];
        CHECK(group == (rule.category == RuleCategory::structure     ? '1'
                        : rule.category == RuleCategory::measurement ? '2'
                                                                     : '3'));
    }
    CHECK(find_rule("TOC999") == nullptr);
    CHECK(find_rule("cycles") == nullptr);
}

TEST_CASE("Each fail fixture gives exactly its rule's findings", "[lint]") {
    for (const RuleCase& c : rule_cases()) {
        INFO(c.code);
        const RuleInfo& rule = *find_rule(c.code);
        const TheoryOfChange toc = fixture(c.code, "fail");

        const auto only = lint(toc, Options().select({c.code}));
        REQUIRE(only.size() == c.findings.size());
        for (std::size_t k = 0; k < only.size(); ++k) {
            CHECK(only[k].code == c.code);
            CHECK(only[k].severity == rule.severity);
            CHECK(only[k].message == c.findings[k].message);
            CHECK(only[k].ids == c.findings[k].ids);
            CHECK(only[k].hint == rule.hint);
        }

        // With every rule on, the file breaks this rule and only the companions.
        const auto all = lint(toc);
        std::set<std::string> expected{c.code};
        expected.insert(c.companions.begin(), c.companions.end());
        CHECK(code_set(all) == expected);
        std::vector<Finding> mine;
        std::ranges::copy_if(all, std::back_inserter(mine), [&](const Finding& f) { return f.code == c.code; });
        CHECK(mine == only);
    }
}

TEST_CASE("Each pass fixture is clean", "[lint]") {
    for (const RuleCase& c : rule_cases()) {
        INFO(c.code);
        const auto findings = lint(fixture(c.code, "pass"));
        CHECK(codes_of(findings) == std::vector<std::string>{});
    }
}

TEST_CASE("Selecting and ignoring rules", "[lint][options]") {
    const TheoryOfChange toc = fixture("TOC104", "fail");  // two TOC104 findings
    const TheoryOfChange cycle = fixture("TOC101", "fail");  // TOC101 and TOC102
    CHECK(codes_of(lint(cycle)) == std::vector<std::string>{"TOC101", "TOC102"});

    SECTION("by code, code prefix or name") {
        CHECK(codes_of(lint(cycle, Options().select({"TOC101"}))) == std::vector<std::string>{"TOC101"});
        CHECK(codes_of(lint(cycle, Options().select({"downward-link"}))) == std::vector<std::string>{"TOC102"});
        CHECK(codes_of(lint(cycle, Options().select({"TOC1"}))) == std::vector<std::string>{"TOC101", "TOC102"});
        CHECK(lint(cycle, Options().select({"TOC2", "TOC3"})).empty());
        CHECK(codes_of(lint(cycle, Options().select({"cycle", "TOC3"}))) == std::vector<std::string>{"TOC101"});
    }
    SECTION("ignore wins over select") {
        CHECK(codes_of(lint(cycle, Options().ignore({"cycle"}))) == std::vector<std::string>{"TOC102"});
        CHECK(codes_of(lint(cycle, Options().select({"TOC1"}).ignore({"TOC102"}))) ==
              std::vector<std::string>{"TOC101"});
        CHECK(lint(cycle, Options().select({"TOC101"}).ignore({"TOC1"})).empty());
        CHECK(lint(toc, Options().ignore({"TOC"})).empty());
    }
    SECTION("unknown rules are errors") {
        CHECK_THROWS_WITH(lint(toc, Options().select({"TOC999"})), R"(unknown lint rule "TOC999")");
        CHECK_THROWS_WITH(lint(toc, Options().ignore({"cycles"})), R"(unknown lint rule "cycles")");
        CHECK_THROWS_WITH(lint(toc, Options().select({""})), R"(unknown lint rule "")");
        CHECK_THROWS_WITH(lint(toc, Options().regrade("TOC1", Severity::error)), R"(unknown lint rule "TOC1")");
        CHECK_THROWS_AS(validate_lint_options(Options().ignore({"nope"})), ModelError);
        CHECK_NOTHROW(validate_lint_options(Options().select({"TOC2", "cycle"}).regrade("TOC304", Severity::info)));
    }
}

TEST_CASE("Re-grading and the minimum severity", "[lint][options]") {
    const TheoryOfChange toc = fixture("TOC111", "fail");  // one info finding
    REQUIRE(lint(toc).size() == 1);
    CHECK(lint(toc)[0].severity == Severity::info);

    CHECK(lint(toc, Options().regrade("TOC111", Severity::error))[0].severity == Severity::error);
    CHECK(lint(toc, Options().regrade("single-contributor-all", Severity::warning))[0].severity == Severity::warning);

    CHECK(lint(toc, Options().min(Severity::info)).size() == 1);
    CHECK(lint(toc, Options().min(Severity::warning)).empty());
    // Re-grading comes before the cut.
    CHECK(lint(toc, Options().regrade("TOC111", Severity::error).min(Severity::error)).size() == 1);
    // And a rule graded down can fall below it.
    const TheoryOfChange cycle = fixture("TOC101", "fail");
    CHECK(codes_of(lint(cycle, Options().regrade("cycle", Severity::warning).min(Severity::error))) ==
          std::vector<std::string>{"TOC102"});
    CHECK(codes_of(lint(cycle, Options().min(Severity::error))) == std::vector<std::string>{"TOC101", "TOC102"});
}

TEST_CASE("Link policies", "[lint][options]") {
    const TheoryOfChange down = fixture("TOC102", "fail");
    const TheoryOfChange same = fixture("TOC103", "fail");
    auto severities = [](const std::vector<Finding>& findings) {
        std::vector<Severity> out;
        for (const Finding& f : findings) out.push_back(f.severity);
        return out;
    };
    CHECK(severities(lint(down)) == std::vector{Severity::error});
    CHECK(severities(lint(same)) == std::vector{Severity::warning});

    CHECK(lint(down, Options().downward(LinkPolicy::allowed)).empty());
    CHECK(severities(lint(down, Options().downward(LinkPolicy::warning))) == std::vector{Severity::warning});
    CHECK(severities(lint(down, Options().downward(LinkPolicy::error))) == std::vector{Severity::error});
    CHECK(severities(lint(down, Options().same_level(LinkPolicy::allowed))) == std::vector{Severity::error});

    CHECK(lint(same, Options().same_level(LinkPolicy::allowed)).empty());
    CHECK(severities(lint(same, Options().same_level(LinkPolicy::error))) == std::vector{Severity::error});
    CHECK(severities(lint(same, Options().downward(LinkPolicy::allowed))) == std::vector{Severity::warning});

    // The policy's severity is what min_severity sees; ignore still wins.
    CHECK(lint(same, Options().min(Severity::error)).empty());
    CHECK(lint(same, Options().min(Severity::error).same_level(LinkPolicy::error)).size() == 1);
    CHECK(lint(same, Options().ignore({"TOC103"}).same_level(LinkPolicy::error)).empty());

    CHECK_THROWS_WITH(lint(same, Options().regrade("same-level-link", Severity::error).same_level(LinkPolicy::warning)),
                      "both a same-level-link policy and a severity for TOC103 (same-level-link) are given; keep one");
    CHECK_THROWS_WITH(validate_lint_options(Options().regrade("TOC102", Severity::info).downward(LinkPolicy::allowed)),
                      "both a downward-link policy and a severity for TOC102 (downward-link) are given; keep one");

    CHECK(parse_link_policy("allowed") == LinkPolicy::allowed);
    CHECK(parse_link_policy("warning") == LinkPolicy::warning);
    CHECK(parse_link_policy("error") == LinkPolicy::error);
    CHECK(parse_link_policy("info") == std::nullopt);
    CHECK(to_string(LinkPolicy::allowed) == "allowed");
}

TEST_CASE("A specific finding stands for the general ones it implies", "[lint]") {
    // act2 is isolated: TOC110 only, unless TOC110 is off.
    const TheoryOfChange isolated = fixture("TOC110", "fail");
    CHECK(codes_of(lint(isolated)) == std::vector<std::string>{"TOC110"});
    CHECK(codes_of(lint(isolated, Options().ignore({"TOC110"}))) == std::vector<std::string>{"TOC109"});
    CHECK(codes_of(lint(isolated, Options().ignore({"TOC110", "TOC109"}))) == std::vector<std::string>{"TOC104"});
    // A dead-end activity: TOC109, and TOC104 only when TOC109 is off.
    const TheoryOfChange dead_end = fixture("TOC109", "fail");
    const auto findings = lint(dead_end, Options().ignore({"TOC109"}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message == R"(activity "act2" does not lead to any goal)");
    CHECK(findings[1].message == R"(input "inp1" does not lead to any goal)");
}

TEST_CASE("Rules on other shapes", "[lint]") {
    TheoryOfChange toc;
    SECTION("an empty theory of change lacks only a goal") {
        CHECK(codes_of(lint(toc)) == std::vector<std::string>{"TOC105"});
    }
    SECTION("a lone goal has no contributors but is not isolated") {
        toc.add_node(node("g", "goal"));
        CHECK(codes_of(lint(toc)) == std::vector<std::string>{"TOC108"});
    }
    SECTION("a custom schema without a goal level") {
        TheoryOfChange custom(LevelSchema("flat", {{"result", "Result", LevelRole::outcome},
                                                   {"task", "Task", LevelRole::activity}}));
        Node result = node("r", "result");
        result.logic = Logic::any;
        custom.add_node(result);
        custom.add_node(node("t", "task"));
        custom.add_link(link("t", "r"));
        const auto findings = lint(custom);
        REQUIRE(codes_of(findings) == std::vector<std::string>{"TOC105", "TOC201"});
        CHECK(findings[0].message == R"(no goal: schema "flat" has no level with role "goal")");
    }
    SECTION("each strongly connected part reports one cycle") {
        toc = toc_of({{"a", "output"}, {"b", "output"}, {"c", "output"}, {"d", "output"}, {"e", "output"}},
                     {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"e", "d"}});
        const auto findings = lint(toc, Options().select({"cycle"}));
        REQUIRE(findings.size() == 2);
        CHECK(findings[0].message == "the links form a cycle: a -> b -> c -> a");
        CHECK(findings[0].ids == std::vector<std::string>{"a", "b", "c"});
        CHECK(findings[1].message == "the links form a cycle: d -> e -> d");
    }
    SECTION("an assumption named twice on a link is reported once") {
        toc.add_node(node("g", "goal"));
        toc.add_node(node("a", "activity"));
        toc.add_link(link("a", "g", {"x", "x", "y"}));
        const auto findings = lint(toc, Options().select({"unknown-assumption"}));
        REQUIRE(findings.size() == 2);
        CHECK(findings[1].message == R"(link "a" -> "g" names unknown assumption "y")");
    }
    SECTION("ratio parts stand in for a value; out-of-range fractions print exactly") {
        toc.add_node(node("o", "output"));
        Indicator i;
        i.id = "i";
        i.node = "o";
        i.measure = Measure::percentage;
        PeriodValue target, actual;
        target.period = actual.period = Period{{2021, 1, 1}, {2021, 12, 31}};
        target.numerator = 3;
        target.denominator = 4;
        actual.value = -0.5;
        i.targets.push_back(target);
        i.actuals.push_back(actual);
        toc.add_indicator(i);
        const auto findings = lint(toc, Options().select({"TOC208", "TOC210"}));
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].message == R"(indicator "i": actual 2021-01-01..2021-12-31 is -0.5%)");
    }
    SECTION("a node that only starts or only ends outside the programme") {
        toc.metadata().period = Period{{2020, 1, 1}, {2023, 12, 31}};
        Node a = node("a", "activity"), b = node("b", "output");
        a.start = Date{2019, 6, 1};
        b.end = Date{2024, 1, 31};
        toc.add_node(a);
        toc.add_node(b);
        const auto findings = lint(toc, Options().select({"TOC302"}));
        REQUIRE(findings.size() == 2);
        CHECK(findings[0].message ==
              R"(activity "a" starts 2019-06-01, outside the programme period 2020-01-01..2023-12-31)");
        CHECK(findings[1].message ==
              R"(output "b" ends 2024-01-31, outside the programme period 2020-01-01..2023-12-31)");
    }
}

TEST_CASE("Values outside the dates: baselines, node bounds, and what is left to TOC207", "[lint]") {
    TheoryOfChange toc;
    toc.metadata().period = Period{{2020, 1, 1}, {2023, 12, 31}};
    Node a = node("a", "activity");
    a.start = Date{2021, 1, 1};  // no end: only the start bounds its values
    toc.add_node(a);
    Indicator i = indicator("i", "a");
    Baseline early, late;
    early.date = Date{2019, 12, 31};  // before the programme and the activity: a baseline may be
    early.value = 0;
    late.date = Date{2024, 3, 31};
    late.value = 1;
    i.baselines = {early, late};
    PeriodValue target, actual;
    target.period = Period{{2020, 7, 1}, {2024, 6, 30}};  // before the activity; after the programme (TOC207)
    target.value = 5;
    actual.period = Period{{2021, 1, 1}, {2021, 12, 31}};  // inside everything
    actual.value = 2;
    i.targets = {target};
    i.actuals = {actual};
    toc.add_indicator(i);
    const auto findings = lint(toc, Options().select({"TOC212"}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message ==
          R"(indicator "i": target 2020-07-01..2024-06-30 is outside the dates of activity "a" (2021-01-01..))");
    CHECK(findings[1].message ==
          R"(indicator "i": baseline 2024-03-31 is after the end of the programme period 2020-01-01..2023-12-31)");
    CHECK(codes_of(lint(toc, Options().select({"TOC207"}))) == std::vector<std::string>{"TOC207"});

    // A node that ends bounds its baselines too.
    Node b = node("b", "activity");
    b.end = Date{2022, 6, 30};
    toc.add_node(b);
    Indicator j = indicator("j", "b");
    Baseline after;
    after.date = Date{2022, 12, 31};
    after.value = 3;
    j.baselines = {after};
    toc.add_indicator(j);
    const auto more = lint(toc, Options().select({"TOC212"}));
    REQUIRE(more.size() == 3);
    CHECK(more[2].message == R"(indicator "j": baseline 2022-12-31 is after activity "b" ends (2022-06-30))");
    CHECK(more[2].ids == std::vector<std::string>{"j"});
}

TEST_CASE("Alike titles: normalising, grouping and the similarity threshold", "[lint]") {
    using detail::ascii_words;
    CHECK(ascii_words("  Officials trained -- in Victim-sensitive  interviewing. ") ==
          "officials trained in victim sensitive interviewing");
    CHECK(ascii_words("...") == "");
    CHECK(ascii_words("Élus formés") == "Élus formés");  // other scripts kept as written

    using Titles = std::vector<std::pair<std::string, std::string>>;
    // The same title in two groups is no duplicate; empty titles never are.
    CHECK(detail::similar_titles(Titles{{"output", "Plans"}, {"outcome", "Plans"}, {"output", ""}, {"output", ""}})
              .empty());
    // 9 shared words of 10: 0.9, alike; 9 of 11 (two words apart): not.
    const std::string nine = "one two three four five six seven eight nine";
    auto pairs = detail::similar_titles(Titles{{"g", nine}, {"g", nine + " ten"}, {"g", nine + " ten eleven"}});
    REQUIRE(pairs.size() == 2);
    CHECK((pairs[0].first == 0 && pairs[0].second == 1 && !pairs[0].same));
    CHECK(pairs[0].similarity == Approx(0.9));
    CHECK((pairs[1].first == 1 && pairs[1].second == 2));
    CHECK(pairs[1].similarity == Approx(10.0 / 11));
    // Word order does not matter to the similarity, only to "the same".
    pairs = detail::similar_titles(Titles{{"g", "Regional planning"}, {"g", "planning, regional"}});
    REQUIRE(pairs.size() == 1);
    CHECK_FALSE(pairs[0].same);
    CHECK(pairs[0].similarity == 1.0);

    // Prefix filtering finds every pair a comparison of all pairs finds.
    Titles many;
    const std::vector<std::string> vocabulary = {"officials", "trained", "victim", "sensitive", "planning",
                                                 "regional", "reports", "on", "time", "member", "states", "share"};
    std::uint32_t state = 12345;
    auto next = [&] { return state = state * 1664525u + 1013904223u; };
    for (int k = 0; k < 300; ++k) {
        std::string title;
        const std::size_t words = 1 + next() % 12;
        for (std::size_t w = 0; w < words; ++w) title += vocabulary[next() % vocabulary.size()] + " ";
        many.push_back({next() % 3 == 0 ? "a" : "b", title});
    }
    std::vector<std::pair<std::size_t, std::size_t>> brute, found;
    for (std::size_t x = 0; x < many.size(); ++x)
        for (std::size_t y = x + 1; y < many.size(); ++y) {
            if (many[x].first != many[y].first) continue;
            const auto wx = detail::title_words(ascii_words(many[x].second));
            const auto wy = detail::title_words(ascii_words(many[y].second));
            std::vector<std::string> common;
            std::ranges::set_intersection(wx, wy, std::back_inserter(common));
            const double j = static_cast<double>(common.size()) / static_cast<double>(wx.size() + wy.size() - common.size());
            if (j >= 0.9 - 1e-12) brute.emplace_back(x, y);
        }
    for (const auto& p : detail::similar_titles(many)) found.emplace_back(p.first, p.second);
    CHECK(found == brute);
    CHECK(brute.size() > 10);  // the sample does have alike titles
}

}  // namespace tocgraph::test
