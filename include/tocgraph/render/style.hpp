#pragma once
// Colours of drawn theories of change: one palette entry per level of the
// schema (top first), or one per monitoring status. Shared by the SVG, DOT
// and Mermaid writers and the reports, so a node looks the same everywhere.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "../enums.hpp"
#include "../errors.hpp"
#include "../monitoring/status.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

/// What a node's colour shows.
enum class ColorMode {
    level,  ///< its level in the schema (a palette entry per level)
    status  ///< its monitoring status (monitoring/status.hpp), from a map node id -> status
};

TOCGRAPH_ENUM_NAMES(ColorMode, {ColorMode::level, "level"}, {ColorMode::status, "status"})

/// How one kind of box is painted.
struct BoxStyle {
    std::string_view fill;
    std::string_view stroke;
    std::string_view text;
    bool dashed = false;
};

/// "On track", "Not started"...: a status as a legend or a table heading prints it.
inline std::string status_title(ProgressStatus status) {
    std::string out(status_label(status));
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

/// Every status, best first: the order of legends.
inline constexpr std::array<ProgressStatus, 6> all_statuses = {
    ProgressStatus::on_track,    ProgressStatus::at_risk,   ProgressStatus::off_track,
    ProgressStatus::not_started, ProgressStatus::no_target, ProgressStatus::no_data};

/// The painting of a status.
inline BoxStyle status_style(ProgressStatus status) {
    switch (status) {
        case ProgressStatus::on_track: return {"#dcefdc", "#2f7d32", "#1b3a1c"};
        case ProgressStatus::at_risk: return {"#fff0c2", "#b7791f", "#4a3510"};
        case ProgressStatus::off_track: return {"#f9d6d5", "#c53030", "#4a1414"};
        case ProgressStatus::not_started: return {"#e4e9f0", "#64748b", "#1f2937"};
        case ProgressStatus::no_target: return {"#e3eefa", "#3b6ea5", "#13263b"};
        case ProgressStatus::no_data: break;
    }
    return {"#ffffff", "#9aa5b4", "#374151", true};
}

/// The painting of the level at `rank` (0 = top). Light fills keep dark text
/// readable; the strokes differ in hue so neighbouring levels stay apart.
/// Schemas with more levels than the palette reuse it from the top.
inline BoxStyle level_style(std::size_t rank) {
    static constexpr std::array<BoxStyle, 8> palette = {{
        {"#d9e6f5", "#2b5c9e", "#10243f"},  // goal: blue
        {"#e6ddf5", "#6246a8", "#231640"},  // purple
        {"#f7dcea", "#a8326e", "#3d1028"},  // magenta
        {"#fbe3d2", "#b55a1c", "#3f1f09"},  // orange
        {"#f8eec9", "#9a7412", "#3a2c06"},  // ochre
        {"#d9efe0", "#2f7a4f", "#0f2e1c"},  // green
        {"#d6eeee", "#287274", "#0b2a2b"},  // teal
        {"#e5e7eb", "#4b5563", "#111827"},  // grey
    }};
    return palette[rank % palette.size()];
}

/// Node statuses for drawing, checked against a ToC: every id must be a
/// node. Throws ModelError naming the first unknown id.
using NodeStatuses = std::map<std::string, ProgressStatus>;

inline void check_statuses(const TheoryOfChange& toc, const NodeStatuses& statuses) {
    for (const auto& [id, status] : statuses)
        if (!toc.contains(id)) throw ModelError(id, "status given for unknown node \"" + id + "\"");
}

/// The status of a node for drawing: its entry in `statuses`, else no_data.
inline ProgressStatus status_of(const NodeStatuses& statuses, const std::string& id) {
    auto it = statuses.find(id);
    return it == statuses.end() ? ProgressStatus::no_data : it->second;
}

}  // namespace tocgraph
