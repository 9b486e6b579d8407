// The malformed-input corpus: every tests/data/malformed/NAME.json must fail
// to load with exactly the message in NAME.expected. The Python tests read
// the same files, so a message changed here is changed for both.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <tocgraph/json_io.hpp>

#include "file_bytes.hpp"
#include "utf8_check.hpp"

namespace fs = std::filesystem;
using tocgraph::test::read_bytes;
using tocgraph::test::valid_utf8;

namespace {

const fs::path corpus = fs::path(TOCGRAPH_TEST_DATA_DIR) / "malformed";

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

std::vector<fs::path> cases() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(corpus))
        if (entry.path().extension() == ".json") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("Every malformed file fails with its expected message", "[json][corpus]") {
    const auto files = cases();
    REQUIRE(files.size() >= 25);
    for (const fs::path& file : files) {
        const std::string name = file.filename().string();
        INFO(name);
        const fs::path expected_file = fs::path(file).replace_extension(".expected");
        REQUIRE(fs::exists(expected_file));
        const std::string expected = trimmed(read_bytes(expected_file));
        REQUIRE_FALSE(expected.empty());
        try {
            tocgraph::loads(read_bytes(file), name);
            FAIL("loaded without an error");
        } catch (const tocgraph::FormatError& e) {
            CHECK(std::string(e.what()) == expected);
            CHECK(e.file() == name);
            CHECK(valid_utf8(e.what()));
        }
    }
}

TEST_CASE("load() reports corpus errors under the path it was given", "[json][corpus]") {
    for (const fs::path& file : cases()) {
        const std::string name = file.filename().string();
        INFO(name);
        const std::string expected = trimmed(read_bytes(fs::path(file).replace_extension(".expected")));
        try {
            tocgraph::load(file);
            FAIL("loaded without an error");
        } catch (const tocgraph::FormatError& e) {
            CHECK(std::string(e.what()) == file.string() + expected.substr(name.size()));
        }
    }
}

TEST_CASE("Every expected message has its input file", "[json][corpus]") {
    for (const auto& entry : fs::directory_iterator(corpus)) {
        if (entry.path().extension() != ".expected") continue;
        INFO(entry.path().filename().string());
        CHECK(fs::exists(fs::path(entry.path()).replace_extension(".json")));
    }
}

TEST_CASE("100,000 open brackets fail cleanly", "[json][corpus][depth]") {
    const std::string deep(100000, '[');
    CHECK_THROWS_WITH(tocgraph::loads(deep, "deep.json"), "deep.json:1:257: nesting deeper than 256 levels");

    const std::string prefix =
        R"({"format": "tocgraph", "version": 1, "nodes": [{"id": "g", "level": "goal", "attributes": {"x": )";
    // attributes is the 4th container; its 253rd array is the 257th level.
    const std::string in_attributes = prefix + std::string(100000, '[') + std::string(100000, ']') + "}}]}";
    CHECK_THROWS_WITH(tocgraph::loads(in_attributes, "deep.json"),
                      "deep.json:1:" + std::to_string(prefix.size() + 253) + ": nesting deeper than 256 levels");

    const std::string objects = [] {
        std::string s;
        for (int i = 0; i < 100000; ++i) s += R"({"a":)";
        return s;
    }();
    CHECK_THROWS_WITH(tocgraph::loads(objects, "deep.json"),
                      "deep.json:1:" + std::to_string(256 * 5 + 1) + ": nesting deeper than 256 levels");
}
