// libFuzzer harness for the logframe CSV reader, tocgraph::loads_logframe_csv.
// The layout is lossy (docs/interop.md), so the only invariant is that what
// was read can be written again without an error.
#include <tocgraph/formats/logframe/read.hpp>
#include <tocgraph/formats/logframe/write.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tocgraph_fuzz;
    expect_typed_errors([&] {
        const tocgraph::ImportResult read = tocgraph::loads_logframe_csv(as_text(data, size));
        try {
            (void)tocgraph::to_logframe_csv(read.toc);
        } catch (const tocgraph::Error& e) {
            finding(std::string("to_logframe_csv refused what the reader built: ") + e.what());
        }
    });
    return 0;
}
