// The fast JSON scanner behind loads (detail/json/sax_scanner.hpp): whatever
// it takes, nlohmann's strict parser takes too, with the same events in the
// same order; what it does not take goes to the document path.
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <tocgraph/detail/json/sax_scanner.hpp>
#include <tocgraph/json_io.hpp>
#include <tocgraph/synthetic.hpp>

namespace {

using json = nlohmann::json;

/// Writes down every event, for nlohmann's parser and for the scanner alike.
struct Recorder {
    std::vector<std::string> events;
    bool note(std::string e) {
        events.push_back(std::move(e));
        return true;
    }
    bool null() { return note("null"); }
    bool boolean(bool v) { return note(v ? "true" : "false"); }
    bool number_integer(std::int64_t v) { return note("int " + std::to_string(v)); }
    bool number_unsigned(std::uint64_t v) { return note("unsigned " + std::to_string(v)); }
    bool number_float(double v, const std::string&) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        return note("float " + std::to_string(bits));
    }
    bool string(std::string& v) { return note("string " + v); }
    bool binary(json::binary_t&) { return note("binary"); }
    bool start_object(std::size_t) { return note("{"); }
    bool key(std::string& k) { return note("key " + k); }
    bool end_object() { return note("}"); }
    bool start_array(std::size_t) { return note("["); }
    bool end_array() { return note("]"); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

struct Outcome {
    bool accepted;
    std::vector<std::string> events;
};

Outcome by_nlohmann(const std::string& text) {
    Recorder r;
    const bool ok = json::sax_parse(text.begin(), text.end(), &r, json::input_format_t::json, /*strict=*/true);
    return {ok, r.events};
}

Outcome by_scanner(const std::string& text) {
    Recorder r;
    const bool ok = tocgraph::detail::SaxScanner(text, r).scan();
    return {ok, r.events};
}

/// The scanner's promise for one text.
void check_agrees(const std::string& text) {
    const Outcome scanned = by_scanner(text);
    if (!scanned.accepted) return;  // the document path takes it from here
    const Outcome expected = by_nlohmann(text);
    INFO(text);
    REQUIRE(expected.accepted);
    CHECK(scanned.events == expected.events);
}

}  // namespace

TEST_CASE("the scanner takes well-formed JSON with nlohmann's events", "[json][scanner]") {
    const std::vector<std::string> texts = {
        R"({})",
        R"([])",
        R"( { "a" : [ 1 , -2 , 3.5 , -0 , 0 , 1e3 , 2E-2 , -0.0 ] , "b" : { } , "c" : [ ] } )",
        "{\"t\": true, \"f\": false, \"n\": null}\r\n\t",
        R"({"big": 18446744073709551615, "neg": -9223372036854775808})",
        R"({"too big": 18446744073709551616, "too small": -9223372036854775809})",  // floats, as nlohmann
        R"({"escapes": "\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC \ud83d\ude00 \u0000"})",
        "{\"utf-8\": \"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBD \x7F\"}",
        R"("a lone string")",
        R"(42)",
        R"([[[[[]]]], {"x": [{"y": {}}]}])",
    };
    for (const std::string& text : texts) {
        INFO(text);
        const Outcome scanned = by_scanner(text);
        CHECK(scanned.accepted);
        const Outcome expected = by_nlohmann(text);
        REQUIRE(expected.accepted);
        CHECK(scanned.events == expected.events);
    }
}

TEST_CASE("the scanner refuses what is not JSON", "[json][scanner]") {
    const std::vector<std::string> texts = {
        "", " ", "{", "}", "[", "[1,]", "{,}", R"({"a"})", R"({"a":})", R"({"a":1,})", R"({"a" 1})", "[1 2]",
        "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "tru", "nul", "falsey", "NaN", "Infinity", "1e400",
        "[1]x", "{} {}", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\"tab\there\"", std::string("\"nul\0byte\"", 10), "\"\xFF\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"",
        "\"\xF4\x90\x80\x80\"", "\"\xE2\x82\"", "\xEF\xBB\xBF{}",  // a byte order mark: the document path
        "[1] // comment",
    };
    for (const std::string& text : texts) {
        INFO(text);
        CHECK_FALSE(by_scanner(text).accepted);
    }
}

TEST_CASE("the scanner stops when the handler says so", "[json][scanner]") {
    struct StopAtKey : Recorder {
        bool key(std::string& k) { return k != "stop" && Recorder::key(k); }
    } handler;
    CHECK_FALSE(tocgraph::detail::SaxScanner(std::string_view(R"({"go": 1, "stop": 2, "more": 3})"), handler).scan());
    CHECK(handler.events == std::vector<std::string>{"{", "key go", "unsigned 1"});
}

TEST_CASE("the scanner agrees with nlohmann on mutated documents", "[json][scanner]") {
    // Byte-level mutations of real files: whatever the scanner takes,
    // nlohmann takes with the same events.
    const std::vector<std::string> bases = {
        tocgraph::dumps(tocgraph::synthetic({.nodes = 40, .seed = 3})),
        R"({"s": "caf\u00e9 \ud83d\ude00 \n", "n": [0, -1, 2.5e-3, 12345678901234567890], "o": {"t": true, "z": null}})",
        "{\"u\": \"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"}",
    };
    const std::string alphabet = "{}[]\",:\\u0123456789abcdefABCDEF.eE+- \n\ttrufalsn\x7F\x80\xBF\xC3\xE2\xED\xF0\xF4\xFF";
    std::mt19937 rng(7);
    std::size_t taken = 0;
    for (int trial = 0; trial < 30000; ++trial) {
        std::string text = bases[static_cast<std::size_t>(trial) % bases.size()];
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = rng() % text.size();
            const char c = alphabet[rng() % alphabet.size()];
            switch (rng() % 3) {
                case 0: text[at] = c; break;
                case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
                default: text.erase(at, 1 + rng() % 4);
            }
        }
        check_agrees(text);
        taken += by_scanner(text).accepted ? 1 : 0;
    }
    CHECK(taken > 1000);  // the check above ran on many accepted texts, not only refusals
}
