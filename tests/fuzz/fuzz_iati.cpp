// libFuzzer harness for the IATI activity reader over a string
// (tocgraph::iati::read_iati_string). Invariant: every theory of change it
// builds is one the canonical JSON format can carry, and reads back equal.
#include <tocgraph/iati/read.hpp>
#include <tocgraph/json_io.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tocgraph_fuzz;
    expect_typed_errors([&] {
        const auto result = tocgraph::iati::read_iati_string(std::string(as_text(data, size)));
        for (const tocgraph::TheoryOfChange& toc : result.tocs) {
            std::string text;
            try {
                text = tocgraph::dumps(toc);
            } catch (const tocgraph::Error& e) {
                finding(std::string("dumps refused an imported activity: ") + e.what());
            }
            try {
                require(tocgraph::loads(text) == toc, "loads(dumps(imported)) == imported");
            } catch (const tocgraph::Error& e) {
                finding(std::string("loads refused an imported activity: ") + e.what() + "\n" + text);
            }
        }
    });
    return 0;
}
