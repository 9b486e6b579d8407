// libFuzzer harness for the canonical JSON reader, tocgraph::loads.
// Invariant: whatever loads accepts, dumps writes and loads reads back equal
// (the format's promise, json_io.hpp).
#include <tocgraph/json_io.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tocgraph_fuzz;
    expect_typed_errors([&] {
        const tocgraph::TheoryOfChange toc = tocgraph::loads(as_text(data, size));
        std::string text;
        try {
            text = tocgraph::dumps(toc);
        } catch (const tocgraph::Error& e) {
            finding(std::string("dumps refused what loads accepted: ") + e.what());
        }
        try {
            require(tocgraph::loads(text) == toc, "loads(dumps(toc)) == toc");
        } catch (const tocgraph::Error& e) {
            finding(std::string("loads refused what dumps wrote: ") + e.what() + "\n" + text);
        }
        // The one-line form must read back the same too.
        require(tocgraph::loads(tocgraph::dumps(toc, -1)) == toc, "loads(dumps(toc, -1)) == toc");
    });
    return 0;
}
