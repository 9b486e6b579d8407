#pragma once
// Reading the numbers and dates that IATI publishers write into value and
// iso-date attributes.
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

#include "../date.hpp"
#include "detail/value_text.hpp"

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

/// A date from an iso-date attribute: exact, read from a longer writing
/// (a time or a time zone after the date), or unreadable.
struct ReadDate {
    std::optional<Date> date;
    bool converted = false;
};
inline ReadDate read_iso_date(std::string_view raw) {
    const std::string_view s = detail::trim_xml_space(raw);
    if (s.size() < 10) return {};
    const auto date = Date::parse(s.substr(0, 10));
    if (!date) return {};
    const std::string_view rest = s.substr(10);
    if (rest.empty()) return {date, s.size() != raw.size()};
    auto zone = [](std::string_view z) {
        return z == "Z" || (z.size() == 6 && (z[0] == '+' || z[0] == '-') && detail::is_digit(z[1]) &&
                            detail::is_digit(z[2]) && z[3] == ':' && detail::is_digit(z[4]) && detail::is_digit(z[5]));
    };
    if (zone(rest) || (rest[0] == 'T' && rest.size() >= 9)) return {date, true};
    return {};
}

}  // namespace tocgraph::iati
