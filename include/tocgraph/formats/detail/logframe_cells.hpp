#pragma once
// What the cells and headers of a logframe table say: header names and the
// column each one means, periods ("2021", "2021-01-01/2021-06-30") and
// numbers ("10,000", "45%") as people type them, and how the writer puts
// periods and numbers back into cells.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "../../date.hpp"
#include "../../detail/text/ascii.hpp"

namespace tocgraph::detail {

/// Lower case, runs of spaces, underscores and line ends as one space, no
/// trailing ':' or '*'.
/// `text` with a backslash before each character of `special` and before
/// each line break; a CR LF pair gets one backslash, so that XML, which reads
/// CR LF as LF, leaves an escaped line break escaped.
inline std::string backslash_escape(std::string_view text, std::string_view special) {
    std::string out;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (c == '\\' || c == '\n' || c == '\r' || special.find(c) != std::string_view::npos) out += '\\';
        out += c;
        if (c == '\r' && k + 1 < text.size() && text[k + 1] == '\n') out += text[++k];
    }
    return out;
}

/// The escaped character (or CR LF pair) at text[k], appended to `out`;
/// returns the index of its last byte. See backslash_escape.
inline std::size_t take_escaped(std::string_view text, std::size_t k, std::string& out) {
    out += text[k];
    if (text[k] == '\r' && k + 1 < text.size() && text[k + 1] == '\n') out += text[++k];
    return k;
}

inline std::string header_key(std::string_view s) {
    std::string out;
    for (char c : ascii_lower(ascii_trim(s))) {
        const bool space = c == ' ' || c == '_' || c == '\n' || c == '\r' || c == '\t';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && (out.back() == ':' || out.back() == '*' || out.back() == ' ')) out.pop_back();
    return out;
}

/// "2021" -> the calendar year; "2021-01-01/2021-06-30" (or "..", " to ") ->
/// that period; nullopt when the text names no period.
inline std::optional<Period> find_period(std::string_view text) {
    const std::string s(text);
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        auto start = Date::parse(std::string_view(s).substr(i, 10));
        if (!start) continue;
        for (std::string_view sep : {"/", "..", " to ", " - ", "--"}) {
            const std::size_t j = i + 10 + sep.size();
            if (s.compare(i + 10, sep.size(), sep) == 0 && j + 10 <= s.size())
                if (auto end = Date::parse(std::string_view(s).substr(j, 10)); end && *start <= *end)
                    return Period{*start, *end};
        }
        return Period{*start, *start};
    }
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        const bool boundary_before = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
        const bool boundary_after = i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]));
        if (!boundary_before || !boundary_after) continue;
        if (!std::all_of(s.begin() + i, s.begin() + i + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            continue;
        const int year = std::stoi(s.substr(i, 4));
        if (year >= 1900 && year <= 2199) return Period{Date{year, 1, 1}, Date{year, 12, 31}};
    }
    return std::nullopt;
}

/// How the writer names a period in a header: "2021" or "START/END".
inline std::string period_name(const Period& p) {
    if (p.start.month == 1 && p.start.day == 1 && p.end.month == 12 && p.end.day == 31 && p.start.year == p.end.year)
        return std::to_string(p.start.year);
    return p.start.to_string() + "/" + p.end.to_string();
}

/// A number as the writer puts it in a cell: shortest round-trip text.
inline std::string number_text(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f", v);
        return buffer;
    }
    return nlohmann::json(v).dump();
}

/// A cell as a number: "10,000", "1 200", "45%", "-3.5", "1.5e-07"; nullopt otherwise.
inline std::optional<double> parse_number(std::string_view cell) {
    std::string s = ascii_trim(cell);
    if (!s.empty() && s.back() == '%') s = ascii_trim(s.substr(0, s.size() - 1));
    // An exponent: how the writer (and spreadsheets) show very large and very small numbers.
    std::string exponent;
    if (const std::size_t e = s.find_first_of("eE"); e != std::string::npos) {
        exponent = s.substr(e + 1);
        s.resize(e);
        const std::size_t sign = !exponent.empty() && (exponent[0] == '+' || exponent[0] == '-') ? 1 : 0;
        if (exponent.size() == sign ||
            !std::all_of(exponent.begin() + static_cast<std::ptrdiff_t>(sign), exponent.end(),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
            return std::nullopt;
    }
    std::string digits;
    std::size_t group = 0;  // digits since the last thousands separator
    bool separators = false, dot = false, any = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '-' || c == '+') {
            if (i != 0) return std::nullopt;
            digits += c;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            any = true;
            ++group;
        } else if ((c == ',' || c == ' ') && !dot) {
            if (separators && group != 3) return std::nullopt;
            if (!separators && (group == 0 || group > 3)) return std::nullopt;
            separators = true;
            group = 0;
        } else if (c == '.' && !dot) {
            if (separators && group != 3) return std::nullopt;
            dot = true;
            digits += c;
            group = 0;
        } else {
            return std::nullopt;
        }
    }
    if (!any || (separators && !dot && group != 3)) return std::nullopt;
    if (!exponent.empty()) {
        if (separators) return std::nullopt;  // "1,000e3" is no way to write a number
        digits += "e" + exponent;
    }
    // strtod, not stod: a number too small for a normal double (5e-324) is still that number.
    char* end = nullptr;
    const double v = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

enum class LogframeRole {
    level, id, contributes_to, statement, indicator_id, indicator, unit, dimensions, baseline,
    baseline_date, target, actual, means_of_verification, assumptions, ignore
};

struct LogframeColumn {
    LogframeRole role;
    std::size_t index;
    std::string header;
    std::optional<Period> period;  ///< targets and actuals; a baseline's year
};

inline std::optional<LogframeRole> role_named(std::string_view name) {
    static const std::pair<std::string_view, LogframeRole> names[] = {
        {"level", LogframeRole::level}, {"id", LogframeRole::id},
        {"contributes_to", LogframeRole::contributes_to}, {"statement", LogframeRole::statement},
        {"indicator_id", LogframeRole::indicator_id}, {"indicator", LogframeRole::indicator},
        {"unit", LogframeRole::unit}, {"dimensions", LogframeRole::dimensions},
        {"baseline", LogframeRole::baseline}, {"baseline_date", LogframeRole::baseline_date},
        {"target", LogframeRole::target}, {"actual", LogframeRole::actual},
        {"means_of_verification", LogframeRole::means_of_verification},
        {"assumptions", LogframeRole::assumptions}, {"ignore", LogframeRole::ignore}};
    for (const auto& [n, r] : names)
        if (n == name) return r;
    return std::nullopt;
}

/// What a header names, by the usual spellings of logframe templates.
inline std::optional<LogframeColumn> recognise_column(const std::string& header, std::size_t index) {
    const std::string key = header_key(header);
    if (key.empty()) return std::nullopt;
    using R = LogframeRole;
    static const std::map<std::string, R, std::less<>> exact = {
        {"level", R::level}, {"result level", R::level}, {"results chain", R::level}, {"hierarchy", R::level},
        {"id", R::id}, {"ref", R::id}, {"code", R::id}, {"result id", R::id}, {"no", R::id}, {"no.", R::id},
        {"#", R::id},
        {"contributes to", R::contributes_to}, {"parent", R::contributes_to}, {"parent id", R::contributes_to},
        {"statement", R::statement}, {"result", R::statement}, {"result statement", R::statement},
        {"narrative summary", R::statement}, {"intervention logic", R::statement}, {"title", R::statement},
        {"objective", R::statement}, {"objectives", R::statement}, {"description", R::statement},
        {"indicator id", R::indicator_id}, {"indicator ref", R::indicator_id}, {"indicator code", R::indicator_id},
        {"indicator", R::indicator}, {"indicators", R::indicator}, {"indicator title", R::indicator},
        {"objectively verifiable indicators", R::indicator}, {"ovi", R::indicator}, {"ovis", R::indicator},
        {"impact indicator", R::indicator}, {"outcome indicator", R::indicator},
        {"output indicator", R::indicator}, {"performance indicator", R::indicator},
        {"unit", R::unit}, {"units", R::unit}, {"unit of measure", R::unit}, {"unit of measurement", R::unit},
        {"dimensions", R::dimensions}, {"disaggregation", R::dimensions}, {"disaggregated by", R::dimensions},
        {"baseline date", R::baseline_date}, {"baseline year", R::baseline_date},
        {"means of verification", R::means_of_verification}, {"mov", R::means_of_verification},
        {"movs", R::means_of_verification}, {"source", R::means_of_verification},
        {"sources", R::means_of_verification}, {"source of verification", R::means_of_verification},
        {"sources of verification", R::means_of_verification}, {"data source", R::means_of_verification},
        {"assumptions", R::assumptions}, {"assumption", R::assumptions},
        {"risks and assumptions", R::assumptions}, {"assumptions and risks", R::assumptions},
        {"assumptions/risks", R::assumptions}, {"important assumptions", R::assumptions}};
    if (auto it = exact.find(key); it != exact.end())
        return LogframeColumn{it->second, index, header, std::nullopt};
    // Period columns: "Target 2021", "Milestone 1 2014", "Actual 2021-01-01/2021-06-30".
    static const std::pair<std::string_view, R> prefixes[] = {
        {"baseline", R::baseline}, {"target", R::target}, {"milestone", R::target}, {"planned", R::target},
        {"actual", R::actual}, {"achieved", R::actual}};
    for (const auto& [word, role] : prefixes)
        if (key.starts_with(word) && (key.size() == word.size() || !std::isalpha(static_cast<unsigned char>(key[word.size()]))))
            return LogframeColumn{role, index, header, find_period(key.substr(word.size()))};
    return std::nullopt;
}

}  // namespace tocgraph::detail
