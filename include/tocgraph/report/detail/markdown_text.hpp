#pragma once
// Text pieces of the Markdown report (markdown.hpp): escaping for table
// cells and paragraphs, ids as code, progress bars, values and names.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "../../date.hpp"
#include "../../detail/text/escape_table.hpp"
#include "../../theory_of_change.hpp"
#include "../content.hpp"

namespace tocgraph::detail::report_markdown {

/// Markup characters backslash-escaped, & as an entity.
inline constexpr EscapeTable markdown_escapes{
    {'\\', "\\\\"}, {'`', "\\`"}, {'*', "\\*"}, {'_', "\\_"}, {'[', "\\["}, {']', "\\]"}, {'<', "\\<"},
    {'>', "\\>"}, {'|', "\\|"}, {'#', "\\#"}, {'~', "\\~"}, {'!', "\\!"}, {'&', "&amp;"}};

/// Text safe inside a Markdown table cell or paragraph: line breaks and
/// other control characters as spaces.
inline std::string md(std::string_view text) { return escape_text(text, markdown_escapes); }

/// An id as inline code, or escaped text when a backtick or line break would end the code span.
inline std::string code(std::string_view id) {
    if (id.empty() || id.find_first_of("`\n\r") != std::string_view::npos) return md(id);
    for (unsigned char c : id)
        if (c < 0x20) return md(id);
    return "`" + std::string(id) + "`";
}

/// A ten-cell text bar for an achievement, e.g. "███████░░░ 70%".
inline std::string bar(const std::optional<double>& achievement, const std::optional<double>& expected) {
    if (!achievement) return "\xE2\x80\x93";
    const int filled = static_cast<int>(std::clamp(*achievement, 0.0, 1.0) * 10 + 0.5);
    std::string out;
    for (int i = 0; i < 10; ++i) out += i < filled ? "\xE2\x96\x88" : "\xE2\x96\x91";
    out += " " + report_percent(achievement);
    if (expected) out += " (expected " + report_percent(expected) + ")";
    return out;
}

inline std::string value(const std::optional<double>& v, const std::optional<Date>& date, const std::string& unit) {
    if (!v) return "\xE2\x80\x93";
    std::string out = report_number(*v);
    if (unit == "%") out += "%";
    else if (!unit.empty()) out += " " + md(unit);
    if (date) out += " (" + date->to_string() + ")";
    return out;
}

inline std::string node_name(const TheoryOfChange& toc, const std::string& id) {
    const Node* n = toc.find_node(id);
    if (!n) return code(id);
    return md(n->title.empty() ? n->id : n->title) + " (" + md(toc.schema().level(n->level).label) + ")";
}

inline std::string status_text(ProgressStatus s) { return "**" + status_title(s) + "**"; }

}  // namespace tocgraph::detail::report_markdown
