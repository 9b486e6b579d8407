// Inputs the fuzzers (tests/fuzz, docs/fuzzing.md) once broke a reader with.
// tests/data/fuzz-regressions/READER/NAME holds the input, NAME.expected what
// the reader must do with it now: the exact error message, or "ok" when the
// input is valid. READER is json, iati, logframe_csv, kumu or xml.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <tocgraph/detail/xml/reader.hpp>
#include <tocgraph/formats/kumu/read.hpp>
#include <tocgraph/formats/kumu/write.hpp>
#include <tocgraph/formats/logframe/read.hpp>
#include <tocgraph/formats/logframe/write.hpp>
#include <tocgraph/iati/read.hpp>
#include <tocgraph/json_io.hpp>

#include "file_bytes.hpp"

namespace fs = std::filesystem;
using tocgraph::test::read_bytes;

namespace {

const fs::path regressions = fs::path(TOCGRAPH_TEST_DATA_DIR) / "fuzz-regressions";

std::string first_line(const std::string& s) {
    std::string line = s.substr(0, s.find('\n'));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Each reader as the fuzz harness calls it, reporting under `name`.
const std::map<std::string, std::function<void(const std::string&, const std::string&)>> readers = {
    {"json", [](const std::string& text, const std::string& name) { tocgraph::loads(text, name); }},
    {"iati", [](const std::string& text, const std::string& name) { tocgraph::iati::read_iati_string(text, name); }},
    {"logframe_csv",
     [](const std::string& text, const std::string& name) {
         // The layout is lossy, so the harness asks only that what was read writes again.
         (void)tocgraph::to_logframe_csv(tocgraph::loads_logframe_csv(text, {}, name).toc);
     }},
    {"kumu",
     [](const std::string& text, const std::string& name) {
         // The harness's invariant: writing what was read and reading it back changes nothing.
         const tocgraph::TheoryOfChange toc = tocgraph::loads_kumu(text, {}, name).toc;
         if (!(tocgraph::loads_kumu(tocgraph::dumps_kumu(toc)).toc == toc))
             throw std::runtime_error("a Kumu round trip changed the theory of change");
     }},
    {"xml",
     [](const std::string& text, const std::string& name) {
         // The limits of tests/fuzz/fuzz_xml.cpp, which found these.
         auto reader = tocgraph::detail::XmlReader::from_string(text, name, tocgraph::detail::XmlLimits{16, 8, 256});
         while (reader.next().kind != tocgraph::detail::XmlEventKind::end_document) {
         }
     }},
};

}  // namespace

TEST_CASE("Fuzzer-found inputs give their typed error or a valid result", "[fuzz][corpus]") {
    std::size_t count = 0;
    for (const auto& [reader, read] : readers) {
        const fs::path folder = regressions / reader;
        if (!fs::exists(folder)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.path().extension() != ".expected") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const std::string name = reader + "/" + file.filename().string();
            INFO(name);
            const fs::path expected_file = fs::path(file).concat(".expected");
            REQUIRE(fs::exists(expected_file));
            const std::string expected = first_line(read_bytes(expected_file));
            REQUIRE_FALSE(expected.empty());
            ++count;
            if (expected == "ok") {
                CHECK_NOTHROW(read(read_bytes(file), name));
                continue;
            }
            try {
                read(read_bytes(file), name);
                FAIL("read without an error; expected: " << expected);
            } catch (const tocgraph::Error& e) {
                CHECK(std::string(e.what()) == expected);
            }
        }
    }
    // Guards against the folder moving and the test passing on nothing.
    CHECK(count >= 1);
}
