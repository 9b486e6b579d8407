#pragma once
// The spellings of numbers in IATI value attributes (see values.hpp for the
// rules): plain XML Schema numbers, thousands separators, decimal commas.

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace tocgraph::iati::detail {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline std::string_view trim_xml_space(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\n\r");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\n\r");
    return s.substr(first, last - first + 1);
}

/// True if s is an XML Schema decimal or double lexical form (no INF/NaN).
inline bool is_plain_number(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++exponent;
        if (exponent == 0) return false;
    }
    return i == s.size();
}

inline std::optional<double> to_double(const std::string& s) {
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(d)) return std::nullopt;
    return d;
}

/// Splits s on `sep` and checks the thousands pattern: head of 1-3 digits,
/// then groups of exactly 3. Returns the digits joined, or nullopt.
inline std::optional<std::string> thousands(std::string_view s, std::string_view sep) {
    std::string digits;
    std::size_t start = 0, groups = 0;
    for (;;) {
        const auto at = s.find(sep, start);
        const std::string_view group = s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
        if (group.empty()) return std::nullopt;
        for (char c : group)
            if (!is_digit(c)) return std::nullopt;
        if (groups == 0 ? group.size() > 3 || group[0] == '0' : group.size() != 3) return std::nullopt;
        digits += group;
        ++groups;
        if (at == std::string_view::npos) break;
        start = at + sep.size();
    }
    if (groups < 2) return std::nullopt;
    return digits;
}

inline bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

/// A number with a decimal comma or thousands separators, without sign
/// or per cent sign; `how` names the rule.
inline std::optional<double> separated_number(std::string_view s, std::string& how) {
    for (std::string_view sep : {std::string_view(","), std::string_view(" "), std::string_view("\xC2\xA0"),
                                 std::string_view("\xE2\x80\xAF"), std::string_view(".")}) {
        // Integer part with separators, then maybe a decimal part with the other mark.
        const char decimal_mark = sep == "." ? ',' : '.';
        const auto mark = s.rfind(decimal_mark);
        const std::string_view integer = mark == std::string_view::npos ? s : s.substr(0, mark);
        const std::string_view fraction = mark == std::string_view::npos ? std::string_view{} : s.substr(mark + 1);
        if (mark != std::string_view::npos && !all_digits(fraction)) continue;
        if (auto digits = thousands(integer, sep)) {
            how = sep == "," ? "comma as thousands separator"
                  : sep == "." ? "dot as thousands separator"
                               : "space as thousands separator";
            if (mark != std::string_view::npos) how += decimal_mark == ',' ? ", decimal comma" : ", decimal point";
            return to_double(*digits + (mark != std::string_view::npos ? "." + std::string(fraction) : ""));
        }
    }
    // A single decimal comma: "22,5", "0,0005", "1234,567" (not "17,300").
    const auto comma = s.find(',');
    if (comma != std::string_view::npos && s.find(',', comma + 1) == std::string_view::npos) {
        const std::string_view head = s.substr(0, comma), tail = s.substr(comma + 1);
        if (all_digits(head) && all_digits(tail) && (tail.size() != 3 || head.size() > 3 || head[0] == '0')) {
            how = "decimal comma";
            return to_double(std::string(head) + "." + std::string(tail));
        }
    }
    return std::nullopt;
}

}  // namespace tocgraph::iati::detail
