#pragma once
// What every harness shares: the documented errors (tocgraph::Error and its
// subclasses) are the expected answer to bad input; any other exception
// escaping a reader is a finding, reported with its type and message before
// aborting so that libFuzzer saves the input. Crashes, leaks, UB, timeouts and
// runaway memory are caught by the sanitizers and libFuzzer themselves.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>

#include <tocgraph/errors.hpp>

#include "../cpp/utf8_check.hpp"

namespace tocgraph_fuzz {

inline std::string demangled(const std::type_info& type) {
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(type.name(), nullptr, nullptr, &status),
                                                std::free);
    return status == 0 && name ? name.get() : type.name();
}

[[noreturn]] inline void finding(const std::string& what) {
    std::fprintf(stderr, "\n==FINDING== %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

/// An invariant that must hold; aborts with `what` when it does not.
inline void require(bool ok, const char* what);

/// Valid UTF-8 with no control character (C0 or DEL): what a message must be
/// to show as one line in a terminal or a log, whatever the input held.
inline bool printable_line(std::string_view s) {
    const bool control = std::any_of(s.begin(), s.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
    return !control && tocgraph::test::valid_utf8(s);
}

/// Runs `read`; a tocgraph::Error is the expected outcome for bad input,
/// anything else that escapes aborts with a description.
template <class F>
void expect_typed_errors(F&& read) {
    try {
        read();
    } catch (const tocgraph::Error& e) {
        // documented: bad input is a FormatError (or another tocgraph::Error),
        // whose message is one printable line even when it quotes the input
        require(printable_line(e.what()), "error message is one line of valid UTF-8 without control characters");
    } catch (const std::exception& e) {
        finding("untyped exception " + demangled(typeid(e)) + ": " + e.what());
    } catch (...) {
        finding("exception of unknown type");
    }
}

/// An invariant that must hold; aborts with `what` when it does not.
inline void require(bool ok, const char* what) {
    if (!ok) finding(std::string("invariant broken: ") + what);
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace tocgraph_fuzz
