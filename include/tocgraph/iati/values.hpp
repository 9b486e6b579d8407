#pragma once
// Reading the numbers that IATI publishers write into value attributes.
//
// The standard asks for a decimal number, but real files carry "22,5",
// "17,300", "45%", "<2", "TBD" and sentences. The rules (docs/iati.md):
//   1. Surrounding whitespace is ignored.
//   2. An XML Schema decimal or double ("12", "-0.5", ".5", "776.00", "1e3")
//      is a plain number: it is read, and the text is not kept.
//   3. Otherwise the text is kept, and a number is read from it only where
//      the writing leaves no doubt:
//        - thousands separators: a comma, a space (or no-break space) or a
//          dot between groups of exactly three digits after a head of one to
//          three digits ("17,300", "1 234 567", "1.234.567"), optionally
//          followed by a decimal part written with the other mark
//          ("1,234.5", "1.234,5");
//        - a decimal comma: one comma followed by one, two, or more than
//          three digits ("22,5", "9,91", "0,0005"), or after a head of four
//          or more digits or one starting with 0 ("1234,567", "0,300");
//        - a trailing per cent sign on any of the above ("45%", "12,5 %").
//   4. Anything else ("<2", "N=35;P=55", "2020:500", "10-20", "TBD", "N/A",
//      a sentence) has no number: the text alone is kept.

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace tocgraph::iati {

struct ReadValue {
    enum class Kind {
        empty,       ///< nothing but whitespace
        plain,       ///< a plain number; the text need not be kept
        converted,   ///< a number read from a non-standard writing; text kept
        text         ///< no number; text kept
    };
    Kind kind = Kind::empty;
    std::optional<double> number;
    std::string how;  ///< for `converted`: the rule applied, e.g. "decimal comma"
};

namespace detail {

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

}  // namespace detail

/// Reads a value attribute by the rules above.
inline ReadValue read_value(std::string_view raw) {
    ReadValue out;
    std::string_view s = detail::trim_xml_space(raw);
    if (s.empty()) return out;
    if (detail::is_plain_number(s)) {
        out.kind = ReadValue::Kind::plain;
        out.number = detail::to_double(std::string(s));
        if (!out.number) out.kind = ReadValue::Kind::text;  // out of range, e.g. 1e999
        return out;
    }
    out.kind = ReadValue::Kind::text;
    bool percent = false;
    if (s.back() == '%') {
        percent = true;
        s = detail::trim_xml_space(s.substr(0, s.size() - 1));
    }
    std::string sign;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        sign = s.front() == '-' ? "-" : "";
        s.remove_prefix(1);
    }
    if (s.empty()) return out;
    std::string how;
    std::optional<double> number;
    if (detail::is_plain_number(s) && s.front() != '+' && s.front() != '-') {
        number = detail::to_double(std::string(s));
    } else {
        number = detail::separated_number(s, how);
    }
    if (!number) return out;
    out.kind = ReadValue::Kind::converted;
    out.number = sign == "-" ? -*number : *number;
    if (percent) how = how.empty() ? "per cent sign" : how + ", per cent sign";
    out.how = how;
    return out;
}

}  // namespace tocgraph::iati
