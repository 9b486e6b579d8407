// libFuzzer harness for the streaming XML reader (tocgraph::detail::XmlReader).
// Invariants: events are balanced (every start has its end, depth moves by
// one), and the reader stops at end_document.
#include <tocgraph/detail/xml/reader.hpp>

#include <vector>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tocgraph_fuzz;
    using K = tocgraph::detail::XmlEventKind;
    expect_typed_errors([&] {
        // Small limits so the fuzzer reaches them with short inputs.
        auto reader = tocgraph::detail::XmlReader::from_string(std::string(as_text(data, size)), "<fuzz>",
                                                               tocgraph::detail::XmlLimits{16, 8, 256});
        std::vector<std::string> open;
        bool seen_root = false;
        for (std::size_t events = 0;; ++events) {
            require(events <= 2 * size + 2, "more events than the input can hold");
            const tocgraph::detail::XmlEvent& e = reader.next();
            if (e.kind == K::end_document) break;
            if (e.kind == K::start_element) {
                require(!open.empty() || !seen_root, "a second root element");
                seen_root = true;
                open.push_back(e.ns + '|' + e.local);
                require(e.depth == open.size() && reader.depth() == open.size(), "start depth");
                require(!e.local.empty(), "element with an empty name");
            } else if (e.kind == K::end_element) {
                require(!open.empty() && open.back() == e.ns + '|' + e.local, "end matches start");
                require(e.depth == open.size(), "end depth");
                open.pop_back();
            }
        }
        require(open.empty() && seen_root, "end_document with all elements closed");
        require(reader.next().kind == K::end_document, "end_document repeats");
    });
    return 0;
}
