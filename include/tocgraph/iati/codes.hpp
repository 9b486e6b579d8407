#pragma once
// The IATI codes the importer reads, and how they map onto the model:
// ResultType (1 output, 2 outcome, 3 impact, 9 other) onto the levels of the
// "iati" level schema, IndicatorMeasure (1-5) onto Measure, ActivityStatus
// onto the work-plan status, and xsd:boolean. Codes written as their English
// names ("output", "Unit") are accepted too, case-insensitively.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "../detail/text/ascii.hpp"
#include "../enums.hpp"
#include "values.hpp"

namespace tocgraph::iati {

/// A code read from an attribute: the code, and whether it was written as a word.
template <typename T>
struct ReadCode {
    T value;
    bool from_word = false;
};

/// ResultType code <-> level of the "iati" schema.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 4> result_types{
    {{"1", "output"}, {"2", "outcome"}, {"3", "impact"}, {"9", "other"}}};

/// The level for a result type written as a code or a word, or nullopt.
inline std::optional<ReadCode<std::string>> read_result_type(std::string_view raw) {
    const std::string text = tocgraph::detail::ascii_lower(detail::trim_xml_space(raw));
    for (const auto& [code, level] : result_types) {
        if (text == code) return ReadCode<std::string>{std::string(level), false};
        if (text == level) return ReadCode<std::string>{std::string(level), true};
    }
    return std::nullopt;
}
/// The ResultType code of a level of the "iati" schema, or "".
inline std::string_view result_type_code(std::string_view level) {
    for (const auto& [code, name] : result_types)
        if (name == level) return code;
    return {};
}

/// An IndicatorMeasure code (1-5) or name ("Unit", "percentage"...).
inline std::optional<ReadCode<Measure>> read_measure(std::string_view raw) {
    const std::string text = tocgraph::detail::ascii_lower(detail::trim_xml_space(raw));
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '5')
        return ReadCode<Measure>{static_cast<Measure>(text[0] - '0'), false};
    if (auto m = parse_enum<Measure>(text)) return ReadCode<Measure>{*m, true};
    return std::nullopt;
}
inline std::string measure_code(Measure m) { return std::to_string(static_cast<int>(m)); }

/// xsd:boolean: "1", "0", "true", "false" (surrounding whitespace allowed).
inline std::optional<bool> read_boolean(std::string_view raw) {
    const std::string_view text = detail::trim_xml_space(raw);
    if (text == "1" || text == "true") return true;
    if (text == "0" || text == "false") return false;
    return std::nullopt;
}

/// ActivityStatus: 1 pipeline -> planned, 2 implementation -> ongoing,
/// 3 finalisation and 4 closed -> completed, 5 cancelled -> cancelled,
/// 6 suspended -> no status (the model has none for it).
inline std::optional<ActivityStatus> activity_status(std::string_view code) {
    const std::string_view text = detail::trim_xml_space(code);
    if (text == "1") return ActivityStatus::planned;
    if (text == "2") return ActivityStatus::ongoing;
    if (text == "3" || text == "4") return ActivityStatus::completed;
    if (text == "5") return ActivityStatus::cancelled;
    return std::nullopt;
}
inline std::string_view activity_status_code(ActivityStatus s) {
    switch (s) {
        case ActivityStatus::planned: return "1";
        case ActivityStatus::ongoing: return "2";
        case ActivityStatus::completed: return "4";
        case ActivityStatus::cancelled: return "5";
    }
    return "";
}

/// ActivityDateType code ("1" planned start, "2" actual start, "3" planned
/// end, "4" actual end) of a type attribute, also in the 1.0x words
/// ("start-planned"...); "" if neither.
inline std::string_view activity_date_type(std::string_view raw) {
    const std::string_view t = detail::trim_xml_space(raw);
    if (t == "1" || t == "start-planned") return "1";
    if (t == "2" || t == "start-actual") return "2";
    if (t == "3" || t == "end-planned") return "3";
    if (t == "4" || t == "end-actual") return "4";
    return "";
}

/// The tocgraph reference vocabulary for an SDG tag (TagVocabulary 2, 3) or
/// sector (SectorVocabulary 7, 8, 9) of an activity, or "".
inline std::string_view sdg_vocabulary(std::string_view element, std::string_view vocabulary) {
    if (element == "tag") return vocabulary == "2" ? "sdg-goal" : vocabulary == "3" ? "sdg-target" : "";
    if (element == "sector")
        return vocabulary == "7" ? "sdg-goal" : vocabulary == "8" ? "sdg-target" : vocabulary == "9" ? "sdg-indicator" : "";
    return "";
}

}  // namespace tocgraph::iati
