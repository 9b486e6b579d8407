#pragma once
// Building RFC 6901 JSON pointers as strings, the "where" of every reader
// and writer error. Strings rather than nlohmann::json_pointer because they
// are only ever printed, and building them must be cheap.

#include <cstddef>
#include <string>
#include <string_view>

namespace tocgraph::detail {

/// base + "/" + key, with "~" and "/" in the key escaped as "~0" and "~1".
inline std::string pointer_child(std::string_view base, std::string_view key) {
    std::string out(base);
    out += '/';
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

/// base + "/" + index.
inline std::string pointer_index(std::string_view base, std::size_t index) {
    std::string out(base);
    out += '/';
    out += std::to_string(index);
    return out;
}

}  // namespace tocgraph::detail
