#pragma once
// The theory of change in Graphviz's DOT language, for users who lay it out
// with Graphviz themselves: bottom-to-top ranks, one rank per level (kept in
// schema order by an invisible chain of level labels), boxes coloured as in
// the SVG drawing, titles wrapped as there. Ids that are not DOT identifiers
// are quoted; every string is escaped.

#include <string>
#include <string_view>
#include <vector>

#include "text_options.hpp"

namespace tocgraph {

/// The shared label options (font_size in points, as Graphviz measures) and:
struct DotOptions : TextDrawingOptions {
    bool level_labels = true;  ///< a label per level, left of its rank
};

namespace detail {

inline bool dot_keyword(std::string_view id) {
    return is_keyword(id, {"node", "edge", "graph", "digraph", "subgraph", "strict"});
}

/// True for a DOT identifier that needs no quotes: letters (any non-ASCII
/// byte counts as one), digits and underscores, not starting with a digit,
/// and not a keyword.
inline bool dot_plain_id(std::string_view id) {
    if (id.empty() || (id[0] >= '0' && id[0] <= '9') || dot_keyword(id)) return false;
    for (unsigned char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80))
            return false;
    // Non-ASCII bytes must form valid UTF-8 to be left as they are.
    for (std::size_t pos = 0; pos < id.size();)
        if (next_code_point(id, pos) == replacement_character) return false;
    return true;
}

/// In a DOT double-quoted string: backslash and quote escaped, line breaks
/// as \n (centred lines), carriage returns dropped. Backslashes are doubled
/// so that Graphviz's own escapes (\N, \G, \l...) never fire by accident.
inline constexpr EscapeTable dot_escapes{{'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\r', ""}};

inline std::string dot_quoted(std::string_view text) { return "\"" + escape_text(text, dot_escapes) + "\""; }

inline std::string dot_id(std::string_view id) { return dot_plain_id(id) ? std::string(id) : dot_quoted(id); }

}  // namespace detail

/// The DOT text of a theory of change. Throws ModelError for a status map
/// naming an unknown node, std::invalid_argument for a bad option.
inline std::string to_dot(const TheoryOfChange& toc, const DotOptions& options = {}) {
    using detail::dot_id;
    using detail::dot_quoted;
    detail::check_text_drawing_options(toc, options, "DOT");
    const LevelSchema& schema = toc.schema();
    const std::string title = options.title ? *options.title : toc.metadata().title;
    auto number = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    };

    std::string out = "digraph " + dot_quoted(title.empty() ? "theory_of_change" : title) + " {\n";
    out += "  graph [rankdir=BT, newrank=true, nodesep=0.25, ranksep=0.55, fontname=\"Helvetica,Arial,sans-serif\"";
    if (!title.empty()) out += ", label=" + dot_quoted(title) + ", labelloc=t, fontsize=" + number(options.font_size * 1.4);
    out += "];\n";
    out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica,Arial,sans-serif\", fontsize=" +
           number(options.font_size) + ", margin=\"0.14,0.06\", penwidth=1.2];\n";
    out += "  edge [color=\"#7b8794\", arrowsize=0.7];\n";

    // Level labels: plaintext nodes chained bottom to top, invisibly, so the
    // ranks follow the schema even where no link joins two levels. Their
    // names cannot clash with node ids: those are checked below.
    std::vector<std::vector<const Node*>> by_level(schema.size());
    for (const Node& n : toc.nodes()) by_level[*schema.rank(n.level)].push_back(&n);
    std::vector<std::string> level_names(schema.size());
    for (std::size_t r = 0; r < schema.size(); ++r) {
        std::string name = "level: " + schema.levels()[r].id;
        while (toc.contains(name)) name = "level: " + name;
        level_names[r] = dot_quoted(name);
    }
    for (std::size_t r = 0; r < schema.size(); ++r) {
        if (by_level[r].empty()) continue;
        const Level& level = schema.levels()[r];
        const BoxStyle ls = level_style(r);
        std::string comment = level.label.empty() ? level.id : level.label;
        for (char& c : comment)
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // a line break would end the comment
        out += "\n  // " + comment + "\n";
        out += "  { rank=same;\n";
        out += "    " + level_names[r] + " [label=" + dot_quoted(level.label.empty() ? level.id : level.label) +
               ", shape=plaintext, fontcolor=\"" + std::string(ls.stroke) + "\"" +
               (options.level_labels ? ", style=\"\"" : ", style=invis") + "];\n";
        for (const Node* n : by_level[r]) {
            const BoxStyle s = options.color == ColorMode::status ? status_style(status_of(options.statuses, n->id))
                                                                  : ls;
            const bool bold = level.role == LevelRole::goal;
            const std::string label =
                detail::node_label(n->id, n->title, bold, options.max_text_width, options.font_size, options.show_ids);
            out += "    " + dot_id(n->id) + " [label=" + dot_quoted(label) + ", fillcolor=\"" + std::string(s.fill) +
                   "\", color=\"" + std::string(s.stroke) + "\", fontcolor=\"" + std::string(s.text) + "\"";
            if (s.dashed) out += ", style=\"rounded,filled,dashed\"";
            if (bold) out += ", penwidth=2";
            if (options.color == ColorMode::status)
                out += ", tooltip=" + dot_quoted(status_title(status_of(options.statuses, n->id)));
            out += "];\n";
        }
        out += "  }\n";
    }
    std::string chain;
    for (std::size_t r = schema.size(); r-- > 0;) {
        if (by_level[r].empty()) continue;
        chain += chain.empty() ? "  " + level_names[r] : " -> " + level_names[r];
    }
    if (chain.find("->") != std::string::npos) out += "\n" + chain + " [style=invis];\n";

    out += "\n";
    for (const Link* l : toc.links()) {
        out += "  " + dot_id(l->source) + " -> " + dot_id(l->target);
        const std::size_t rs = *schema.rank(toc.node(l->source).level), rt = *schema.rank(toc.node(l->target).level);
        if (rs <= rt) out += " [color=\"#c53030\", style=dashed, constraint=false]";  // a downward or same-level link
        out += ";\n";
    }
    out += "}\n";
    return out;
}

}  // namespace tocgraph
