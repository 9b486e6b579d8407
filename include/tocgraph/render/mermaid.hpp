#pragma once
// The theory of change as a Mermaid flowchart (bottom to top), for Markdown
// pages that render Mermaid (GitHub, GitLab, many wikis). Colours come from
// the same palette as the SVG drawing, as classDefs. Mermaid node ids cannot
// be quoted, so an id that is not a plain identifier (or is a Mermaid
// keyword such as "end") is written as a generated one, with a comment
// naming the original; labels are quoted with Mermaid's entity codes.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "text_options.hpp"

namespace tocgraph {

/// The shared label options (font_size only estimates the wrap width; lines
/// break with <br/>) and:
struct MermaidOptions : TextDrawingOptions {
    bool level_subgraphs = false;  ///< one subgraph per level, titled with its label
};

namespace detail {

inline bool mermaid_keyword(std::string_view id) {
    return is_keyword(id, {"end", "graph", "flowchart", "subgraph", "class", "classdef", "click", "style", "linkstyle",
                           "direction", "default", "call", "href", "interpolate", "tb", "td", "bt", "rl", "lr"});
}

/// ASCII letters, digits and underscores, starting with a letter.
inline bool mermaid_plain_id(std::string_view id) {
    if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return !mermaid_keyword(id);
}

/// The characters Mermaid or its HTML labels would read as syntax, as
/// Mermaid's entity codes; line breaks as <br/>, carriage returns dropped.
inline constexpr EscapeTable mermaid_escapes{{'"', "#quot;"}, {'#', "#35;"}, {'&', "#amp;"}, {'<', "#lt;"},
                                             {'>', "#gt;"}, {'`', "#96;"}, {'\n', "<br/>"}, {'\r', ""}};

/// Text for inside a quoted Mermaid label.
inline std::string mermaid_text(std::string_view text) { return escape_text(text, mermaid_escapes); }

}  // namespace detail

/// The Mermaid flowchart of a theory of change. Throws ModelError for a
/// status map naming an unknown node, std::invalid_argument for a bad option.
inline std::string to_mermaid(const TheoryOfChange& toc, const MermaidOptions& options = {}) {
    detail::check_text_drawing_options(toc, options, "Mermaid");
    const LevelSchema& schema = toc.schema();
    const std::string title = options.title ? *options.title : toc.metadata().title;

    // Mermaid names: the id itself when it is plain, else n1, n2... avoiding
    // every plain id in use.
    std::set<std::string> taken;
    for (const Node& n : toc.nodes())
        if (detail::mermaid_plain_id(n.id)) taken.insert(n.id);
    std::map<std::string, std::string> name;
    std::size_t counter = 0;
    for (const Node& n : toc.nodes()) {
        if (detail::mermaid_plain_id(n.id)) {
            name[n.id] = n.id;
            continue;
        }
        std::string generated;
        do generated = "n" + std::to_string(++counter);
        while (taken.contains(generated));
        taken.insert(generated);
        name[n.id] = generated;
    }

    std::string out;
    if (!title.empty()) out += "---\ntitle: " + std::string("\"") + [&] {
        std::string t;  // a YAML double-quoted scalar
        for (std::size_t pos = 0; pos < title.size();) {
            const char32_t cp = detail::next_code_point(title, pos);
            if (cp == '"' || cp == '\\') t += '\\';
            if (cp < 0x20) t += ' ';
            else detail::append_utf8(t, cp);
        }
        return t;
    }() + "\"\n---\n";
    out += "flowchart BT\n";

    std::vector<std::vector<const Node*>> by_level(schema.size());
    for (const Node& n : toc.nodes()) by_level[*schema.rank(n.level)].push_back(&n);
    for (std::size_t r = 0; r < schema.size(); ++r) {
        if (by_level[r].empty()) continue;
        const Level& level = schema.levels()[r];
        const std::string indent = options.level_subgraphs ? "    " : "  ";
        if (options.level_subgraphs) {
            std::string sub = "level_" + std::to_string(r);
            while (taken.contains(sub)) sub += "_";
            out += "  subgraph " + sub + "[\"" + detail::mermaid_text(level.label.empty() ? level.id : level.label) +
                   "\"]\n";
        } else {
            out += "  %% " + detail::mermaid_text(level.label.empty() ? level.id : level.label) + "\n";
        }
        for (const Node* n : by_level[r]) {
            if (name[n->id] != n->id) out += indent + "%% " + name[n->id] + " is " + detail::mermaid_text(n->id) + "\n";
            const std::string label = detail::node_label(n->id, n->title, level.role == LevelRole::goal,
                                                         options.max_text_width, options.font_size, options.show_ids);
            out += indent + name[n->id] + "[\"" + detail::mermaid_text(label) + "\"]\n";
        }
        if (options.level_subgraphs) out += "  end\n";
    }

    std::vector<std::size_t> wrong;  // indices of downward or same-level links
    std::size_t index = 0;
    for (const Link* l : toc.links()) {
        out += "  " + name[l->source] + " --> " + name[l->target] + "\n";
        if (*schema.rank(toc.node(l->source).level) <= *schema.rank(toc.node(l->target).level)) wrong.push_back(index);
        ++index;
    }
    for (std::size_t i : wrong) out += "  linkStyle " + std::to_string(i) + " stroke:#c53030,stroke-dasharray:5 3\n";

    // Classes: one per level or per status, each listing its nodes.
    auto class_def = [&](const std::string& cls, const BoxStyle& s) {
        out += "  classDef " + cls + " fill:" + std::string(s.fill) + ",stroke:" + std::string(s.stroke) +
               ",color:" + std::string(s.text) + (s.dashed ? ",stroke-dasharray:4 3" : "") + "\n";
    };
    std::map<std::string, std::vector<std::string>> members;
    std::vector<std::string> class_order;
    for (std::size_t r = 0; r < schema.size(); ++r) {
        if (by_level[r].empty()) continue;
        for (const Node* n : by_level[r]) {
            std::string cls;
            if (options.color == ColorMode::status) {
                const ProgressStatus st = status_of(options.statuses, n->id);
                cls = "status_" + std::string(to_string(st));
                if (!members.contains(cls)) {
                    class_def(cls, status_style(st));
                    class_order.push_back(cls);
                }
            } else {
                cls = "level_" + std::to_string(r) + "_style";
                if (!members.contains(cls)) {
                    class_def(cls, level_style(r));
                    class_order.push_back(cls);
                }
            }
            members[cls].push_back(name[n->id]);
        }
    }
    for (const std::string& cls : class_order) {
        out += "  class ";
        for (std::size_t i = 0; i < members[cls].size(); ++i) out += (i ? "," : "") + members[cls][i];
        out += " " + cls + "\n";
    }
    return out;
}

}  // namespace tocgraph
