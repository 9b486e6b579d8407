// libFuzzer harness for the Kumu JSON reader, tocgraph::loads_kumu.
// Invariant: a theory of change read from a map survives writing as a Kumu
// blueprint and reading it back (kumu.hpp: "writing then reading gives the
// same theory of change").
#include <tocgraph/formats/kumu/read.hpp>
#include <tocgraph/formats/kumu/write.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tocgraph_fuzz;
    expect_typed_errors([&] {
        const tocgraph::ImportResult read = tocgraph::loads_kumu(as_text(data, size));
        std::string text;
        try {
            text = tocgraph::dumps_kumu(read.toc);
        } catch (const tocgraph::Error& e) {
            finding(std::string("dumps_kumu refused what loads_kumu built: ") + e.what());
        }
        try {
            require(tocgraph::loads_kumu(text).toc == read.toc, "loads_kumu(dumps_kumu(toc)).toc == toc");
        } catch (const tocgraph::Error& e) {
            finding(std::string("loads_kumu refused what dumps_kumu wrote: ") + e.what() + "\n" + text);
        }
    });
    return 0;
}
