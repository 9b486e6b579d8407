#pragma once
// The bytes of a file a test reads (a fixture, a corpus input, what a writer
// wrote), exactly as stored: no newline translation, no decoding.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace tocgraph::test {

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace tocgraph::test
