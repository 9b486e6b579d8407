#pragma once
// What the IATI importer reports besides the theories of change: every value
// it could not read as the standard says, with where it is and what was done
// with it. Nothing is dropped without a finding. docs/iati.md lists the codes.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "../lint/finding.hpp"

namespace tocgraph::iati {

struct ImportFinding {
    std::string file;
    std::size_t line = 0;    ///< 1-based line of the element concerned
    std::size_t column = 0;  ///< 1-based column (characters)
    std::string activity;    ///< iati-identifier of the activity, "" if unknown
    std::string subject;     ///< tocgraph id of the node or indicator concerned, if any
    std::string code;        ///< stable code, e.g. "value-not-number"
    Severity severity = Severity::warning;
    std::string message;
    friend bool operator==(const ImportFinding&, const ImportFinding&) = default;

    /// "file:line:column: severity: [activity] message (code)".
    std::string to_string() const {
        std::string out = file.empty() ? std::string("<string>") : file;
        if (line) out += ":" + std::to_string(line) + ":" + std::to_string(column);
        out += ": ";
        out += tocgraph::to_string(severity);
        out += ": ";
        if (!activity.empty()) out += "[" + activity + "] ";
        return out + message + " (" + code + ")";
    }
};

struct FindingKind {
    std::string_view code;
    Severity severity;
    std::string_view summary;
};

/// Every finding code, its severity and what it means.
inline constexpr std::array<FindingKind, 22> finding_catalogue{{
    {"value-converted", Severity::info, "A value was not a plain number; a number was read from it and the text kept."},
    {"value-not-number", Severity::warning, "A value is not a number; it is kept as text only."},
    {"value-missing", Severity::warning, "A baseline, target or actual of a quantitative indicator has no value."},
    {"date-converted", Severity::info, "A date carried a time or time zone; the date part was read."},
    {"date-invalid", Severity::warning, "A date is missing or not an ISO date; it is kept as written."},
    {"period-invalid", Severity::error, "A period lacks a readable start or end; it is kept as XML but not read."},
    {"period-reversed", Severity::warning, "A period ends before it starts (IATI rule 8.6.1)."},
    {"year-invalid", Severity::warning, "A baseline year is missing or not a positive integer."},
    {"code-word", Severity::info, "A code was written as its name (\"output\", \"Unit\") and read as the code."},
    {"code-unknown", Severity::warning, "A code is missing or unknown; a default was used and the text kept."},
    {"boolean-invalid", Severity::warning, "An attribute that must be a boolean is not one; the text is kept."},
    {"narrative-missing", Severity::warning, "A title, description or comment has no narrative text."},
    {"element-repeated", Severity::warning, "An element that may occur once occurs several times."},
    {"element-missing", Severity::warning, "A required element (title, indicator, iati-identifier) is missing."},
    {"text-outside-narrative", Severity::warning, "IATI 2 text written outside <narrative>; read as a narrative."},
    {"reference-incomplete", Severity::warning, "A reference lacks its vocabulary or its code."},
    {"dimension-incomplete", Severity::warning, "A dimension lacks its name or its value."},
    {"dimension-repeated", Severity::warning, "A dimension name repeats within one value; the later ones are kept aside."},
    {"location-without-ref", Severity::info, "A location of a value names no reference."},
    {"unknown-element", Severity::info, "An element the IATI standard does not define here; kept verbatim."},
    {"no-results", Severity::info, "An activity reports no results."},
    {"model-refused", Severity::error, "The model refused an element; it is kept in attributes."},
}};

inline const FindingKind* find_finding_kind(std::string_view code) {
    for (const FindingKind& k : finding_catalogue)
        if (k.code == code) return &k;
    return nullptr;
}

}  // namespace tocgraph::iati
