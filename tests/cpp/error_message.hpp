#pragma once
// A reader's error as one string, so that a test compares each bad input
// with its exact message in one line.

#include <string>

#include <tocgraph/errors.hpp>

namespace tocgraph::test {

/// The message of the FormatError `read()` throws, or "no error" when it
/// throws none.
template <class Read>
std::string format_error_of(Read&& read) {
    try {
        read();
    } catch (const FormatError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace tocgraph::test
