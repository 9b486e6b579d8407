#pragma once
// Text pieces of the Markdown report (markdown.hpp): escaping for table
// cells and paragraphs, ids as code, progress bars, values and names.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "../../date.hpp"
#include "../../detail/text/utf8.hpp"
#include "../../theory_of_change.hpp"
#include "../content.hpp"

namespace tocgraph::detail::report_markdown {

/// Text safe inside a Markdown table cell or paragraph: markup characters
/// backslash-escaped, line breaks and control characters as spaces.
inline std::string md(std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        switch (cp) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
            case '#': case '~': case '!':
                out += '\\';
                out += static_cast<char>(cp);
                break;
            case '&': out += "&amp;"; break;
            default:
                if (cp < 0x20 || cp == 0x7F) out += ' ';
                else append_utf8(out, cp);
        }
    }
    return out;
}

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
