#pragma once
// A Diff for people: plain text in the manner of `git diff --stat` followed
// by the details, and Markdown.
//
//    nodes      |  4 ++-~
//    links      |  2 ++
//    6 changes: 3 added, 1 removed, 2 changed
//
//   nodes
//     + act_cso_dialogue (activity) "Hold a regional dialogue ..."
//     ~ io_1_3 (immediate_outcome) "ASEAN has effective ..."
//         title: "old" -> "new"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "change.hpp"
#include "path_text.hpp"

namespace tocgraph {

namespace detail {

/// What names an element to a reader: its title (or name, statement, text).
inline std::string item_caption(const nlohmann::json& value) {
    if (!value.is_object()) return {};
    for (const char* member : {"title", "name", "statement", "text"})
        if (auto it = value.find(member); it != value.end() && it->is_string() && !it->get<std::string>().empty())
            return it->get<std::string>();
    return {};
}

/// "activity", "on io_1_1": the context shown beside an element's id.
inline std::string item_context(const ItemChange& item) {
    const nlohmann::json& v = item.new_value.is_object() ? item.new_value : item.old_value;
    if (!v.is_object()) return {};
    if (auto level = v.find("level"); level != v.end() && level->is_string()) return level->get<std::string>();
    if (auto node = v.find("node"); node != v.end() && node->is_string()) return "on " + node->get<std::string>();
    if (auto phase = v.find("phase"); phase != v.end() && phase->is_string()) return phase->get<std::string>();
    return {};
}

inline char change_symbol(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added: return '+';
        case ChangeKind::removed: return '-';
        case ChangeKind::changed: return '~';
        case ChangeKind::renamed: return '>';
    }
    return '?';
}

/// "3 added, 1 removed": the non-zero counts.
inline std::string counts_text(const ChangeCounts& c) {
    std::string out;
    auto part = [&](std::size_t n, const char* word) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + word;
    };
    part(c.added, "added");
    part(c.removed, "removed");
    part(c.changed, "changed");
    part(c.renamed, "renamed");
    return out;
}

inline std::string item_title_text(const ItemChange& item) {
    std::string out = item.is_singleton() ? item.collection : item.id;
    if (item.kind == ChangeKind::renamed) out += " -> " + item.new_id;
    if (const std::string context = item_context(item); !context.empty()) out += " (" + context + ")";
    const std::string caption = item_caption(item.new_value.is_object() ? item.new_value : item.old_value);
    if (!caption.empty()) out += " " + value_text(caption, 100);
    return out;
}

inline std::string field_change_text(const FieldChange& f) {
    std::string out = f.path.empty() ? std::string("(whole value)") : path_text(f.path);
    out += ": ";
    switch (f.kind) {
        case ChangeKind::added: out += "+ " + value_text(*f.new_value, 300); break;
        case ChangeKind::removed: out += "- " + value_text(*f.old_value, 300); break;
        default: out += value_text(*f.old_value, 300) + " -> " + value_text(*f.new_value, 300);
    }
    return out;
}

/// Escapes text for Markdown inline content (tables included).
inline std::string markdown_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

/// Text in a Markdown code span (which cannot hold a backtick).
inline std::string code_span(std::string text) {
    std::replace(text.begin(), text.end(), '`', '\'');
    std::replace(text.begin(), text.end(), '\n', ' ');
    return "`" + text + "`";
}

/// A JSON value in Markdown: strings as quoted text, the rest in a code span.
inline std::string markdown_value(const nlohmann::json& v) {
    if (v.is_string()) return "\"" + markdown_escape(v.get<std::string>()) + "\"";
    return code_span(value_text(v, 300));
}

}  // namespace detail

/// `git diff --stat`-like counts per collection, then every change with its
/// fields. An empty diff gives "no changes\n".
inline std::string to_text(const Diff& d) {
    if (d.empty()) return "no changes\n";
    std::ostringstream out;
    const auto per_collection = d.counts_by_collection();
    std::size_t width = 0, most = 0;
    for (const auto& [name, c] : per_collection) {
        width = std::max(width, name.size());
        most = std::max(most, c.total());
    }
    const std::size_t number_width = std::to_string(most).size();
    for (const auto& [name, c] : per_collection) {
        // One mark per change, scaled down to 40 marks at most, as git does.
        auto marks = [&](std::size_t n) { return most <= 40 ? n : (n * 40 + most - 1) / most; };
        const std::string count = std::to_string(c.total());
        out << ' ' << name << std::string(width - name.size(), ' ') << " | "
            << std::string(number_width - count.size(), ' ') << count << ' ' << std::string(marks(c.added), '+')
            << std::string(marks(c.removed), '-') << std::string(marks(c.changed), '~')
            << std::string(marks(c.renamed), '>') << '\n';
    }
    const ChangeCounts total = d.counts();
    out << ' ' << total.total() << (total.total() == 1 ? " change: " : " changes: ") << detail::counts_text(total)
        << "\n";
    std::string collection;
    for (const ItemChange& item : d.changes) {
        if (item.collection != collection) {
            collection = item.collection;
            out << '\n' << collection << '\n';
        }
        out << "  " << detail::change_symbol(item.kind) << ' ' << detail::item_title_text(item) << '\n';
        for (const FieldChange& f : item.fields) out << "      " << detail::field_change_text(f) << '\n';
    }
    return out.str();
}

/// The diff as Markdown: a table of counts per collection, then a section
/// per collection listing its changes. `heading_level` is that of the title
/// ("## Changes"); sections are one level below.
inline std::string to_markdown(const Diff& d, int heading_level = 2) {
    heading_level = std::clamp(heading_level, 1, 5);
    const std::string h(static_cast<std::size_t>(heading_level), '#');
    std::ostringstream out;
    out << h << " Changes\n\n";
    if (d.empty()) {
        out << "No changes.\n";
        return out.str();
    }
    const ChangeCounts total = d.counts();
    out << total.total() << (total.total() == 1 ? " change: " : " changes: ") << detail::counts_text(total) << ".\n\n";
    out << "| | added | removed | changed | renamed |\n|---|---:|---:|---:|---:|\n";
    for (const auto& [name, c] : d.counts_by_collection())
        out << "| " << name << " | " << c.added << " | " << c.removed << " | " << c.changed << " | " << c.renamed
            << " |\n";
    std::string collection;
    for (const ItemChange& item : d.changes) {
        if (item.collection != collection) {
            collection = item.collection;
            std::string title = collection;
            if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
            out << '\n' << h << "# " << title << "\n\n";
        }
        out << "- **" << to_string(item.kind) << "**";
        if (item.is_singleton()) {
            out << ' ' << item.collection;
        } else {
            out << ' ' << item_noun(item.collection) << ' ' << detail::code_span(item.id);
            if (item.kind == ChangeKind::renamed) out << " to " << detail::code_span(item.new_id);
        }
        if (const std::string context = detail::item_context(item); !context.empty())
            out << " (" << detail::markdown_escape(context) << ')';
        const std::string caption =
            detail::item_caption(item.new_value.is_object() ? item.new_value : item.old_value);
        if (!caption.empty()) out << ": " << detail::markdown_escape(caption);
        out << '\n';
        for (const FieldChange& f : item.fields) {
            out << "  - " << detail::code_span(f.path.empty() ? std::string("(whole value)") : path_text(f.path)) << ": ";
            switch (f.kind) {
                case ChangeKind::added: out << "added " << detail::markdown_value(*f.new_value); break;
                case ChangeKind::removed: out << "removed " << detail::markdown_value(*f.old_value); break;
                default:
                    out << detail::markdown_value(*f.old_value) << " → " << detail::markdown_value(*f.new_value);
            }
            out << '\n';
        }
    }
    return out.str();
}

}  // namespace tocgraph
