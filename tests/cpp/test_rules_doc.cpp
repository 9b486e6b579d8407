// docs/rules.md documents every rule of the catalogue, and what it says
// cannot drift: the table row carries the catalogue's name, severity and
// summary; each section's example is the rule's fail fixture, and the
// findings it shows are what the linter reports on that fixture.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>
#include <tocgraph/json_io.hpp>
#include <tocgraph/lint.hpp>

#include "file_bytes.hpp"

namespace fs = std::filesystem;
namespace tocgraph::test {

namespace {

const fs::path data_dir = fs::path(TOCGRAPH_TEST_DATA_DIR);
const fs::path rules_md = data_dir / ".." / ".." / "docs" / "rules.md";

/// The text from the heading `### CODE ...` to the next heading.
std::string section(const std::string& doc, std::string_view code) {
    const std::string heading = "\n### " + std::string(code) + " ";
    const auto start = doc.find(heading);
    if (start == std::string::npos) return {};
    auto end = doc.find("\n#", start + heading.size());
    return doc.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
}

/// The first ```json block of a section.
std::string json_block(const std::string& text) {
    const std::string open = "```json\n";
    const auto start = text.find(open);
    if (start == std::string::npos) return {};
    const auto end = text.find("\n```", start + open.size());
    return text.substr(start + open.size(), end - start - open.size());
}

}  // namespace

TEST_CASE("docs/rules.md documents every rule", "[lint][docs]") {
    const std::string doc = read_bytes(rules_md);
    for (const RuleInfo& rule : rule_catalogue) {
        const std::string code(rule.code), name(rule.name), severity(to_string(rule.severity));
        INFO(code);
        CHECK(doc.find("\n| " + code + " | `" + name + "` | " + severity + " | " + std::string(rule.summary) +
                       " |\n") != std::string::npos);
        const std::string text = section(doc, code);
        REQUIRE_FALSE(text.empty());
        CHECK(text.starts_with("### " + code + " `" + name + "`\n"));
        CHECK(text.find("Default severity: **" + severity + "**") != std::string::npos);
        CHECK(text.find("*Why it matters.*") != std::string::npos);
        CHECK(text.find("*How to fix.*") != std::string::npos);

        // The example is the fail fixture, and the findings shown are real.
        const fs::path fail = data_dir / "lint" / (code + "-fail.json");
        REQUIRE(fs::exists(fail));
        CHECK(fs::exists(data_dir / "lint" / (code + "-pass.json")));
        CHECK(text.find("tests/data/lint/" + code + "-fail.json") != std::string::npos);
        const std::string example = json_block(text);
        REQUIRE_FALSE(example.empty());
        CHECK(nlohmann::json::parse(example) == nlohmann::json::parse(read_bytes(fail)));
        LintOptions only;
        only.select = {code};
        const auto findings = lint(load(fail), only);
        CHECK_FALSE(findings.empty());
        for (const Finding& f : findings)
            CHECK(text.find("\n    " + code + "-fail.json: " + to_string(f) + "\n") != std::string::npos);
    }
}

TEST_CASE("docs/rules.md names no rule the catalogue lacks", "[lint][docs]") {
    const std::string doc = read_bytes(rules_md);
    std::set<std::string> documented;
    for (std::size_t at = doc.find("\n### TOC"); at != std::string::npos; at = doc.find("\n### TOC", at + 1)) {
        const std::string code = doc.substr(at + 5, 6);
        INFO(code);
        CHECK(find_rule(code) != nullptr);
        CHECK(documented.insert(code).second);
    }
    CHECK(documented.size() == rule_catalogue.size());
}

}  // namespace tocgraph::test
