// libFuzzer harness for the canonical JSON reader, tocgraph::loads.
// Invariants: whatever loads accepts, dumps writes and loads reads back equal
// (the format's promise, json_io.hpp); the element-by-element path, when it
// takes a text, reads what the whole-document path reads (stream_reader.hpp);
// dumps writes what nlohmann writes for toc_to_json's document.
#include <tocgraph/json_io.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tocgraph_fuzz;
    const std::string_view input = as_text(data, size);
    expect_typed_errors([&] {
        const tocgraph::detail::JsonReader reader("<string>");
        if (auto streamed = tocgraph::detail::StreamingTocReader(reader).read(input)) {
            try {
                require(reader.read(tocgraph::detail::parse_document(input, "<string>")) == *streamed,
                        "the streamed theory of change equals the document path's");
            } catch (const tocgraph::Error& e) {
                finding(std::string("the document path refused what the streaming path read: ") + e.what());
            }
        }
        const tocgraph::TheoryOfChange toc = tocgraph::loads(input);
        std::string text;
        try {
            text = tocgraph::dumps(toc);
        } catch (const tocgraph::Error& e) {
            finding(std::string("dumps refused what loads accepted: ") + e.what());
        }
        require(text == tocgraph::detail::JsonWriter<nlohmann::ordered_json>().write(toc).dump(2) + "\n",
                "dumps writes nlohmann's text of the document");
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
