#pragma once
// What the linter reports: findings with a stable rule code and a severity.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../enums.hpp"

namespace tocgraph {

enum class Severity { info, warning, error };

TOCGRAPH_ENUM_NAMES(Severity, {Severity::info, "info"}, {Severity::warning, "warning"}, {Severity::error, "error"})

constexpr std::string_view to_string(Severity s) { return to_string<Severity>(s); }
constexpr std::optional<Severity> parse_severity(std::string_view name) { return parse_enum<Severity>(name); }

struct Finding {
    std::string code;              ///< stable rule code, e.g. "TOC101"
    Severity severity = Severity::warning;
    std::string message;           ///< what is wrong, naming the ids
    std::vector<std::string> ids;  ///< the nodes, links ("a->b"), indicators... it concerns
    std::string hint;              ///< how to fix it
    friend bool operator==(const Finding&, const Finding&) = default;
};

/// One line, as `tocgraph check` prints it after the file name:
/// `TOC104 warning: output "o1" does not lead to any goal [o1]` (no brackets without ids).
inline std::string to_string(const Finding& f) {
    std::string out = f.code + " " + std::string(to_string(f.severity)) + ": " + f.message;
    if (!f.ids.empty()) {
        out += " [";
        for (std::size_t i = 0; i < f.ids.size(); ++i) out += (i ? ", " : "") + f.ids[i];
        out += "]";
    }
    return out;
}

}  // namespace tocgraph
