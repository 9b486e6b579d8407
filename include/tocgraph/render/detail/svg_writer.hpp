#pragma once
// Small helpers for writing SVG text: numbers without locale or noise, and
// attribute lists with escaped values.

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "../../detail/xml/escape.hpp"

namespace tocgraph::detail {

/// A coordinate with at most one decimal, "12" rather than "12.0"; the C
/// locale always (std::to_chars), so output is the same everywhere.
inline std::string svg_number(double value) {
    if (!std::isfinite(value)) value = 0;
    double rounded = std::round(value * 10) / 10;
    if (rounded == 0) rounded = 0;  // no "-0"
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 1);
    std::string out(buffer, ec == std::errc() ? end : buffer);
    if (out.size() > 2 && out.ends_with(".0")) out.resize(out.size() - 2);
    return out;
}

/// ` name="escaped value"`.
inline std::string svg_attribute(std::string_view name, std::string_view value) {
    std::string out;
    out += ' ';
    out += name;
    out += "=\"";
    out += xml_escape(value);
    out += '"';
    return out;
}

}  // namespace tocgraph::detail
