#pragma once
// DAGitty model syntax output, so causal-inference tools (dagitty.net, the R
// packages dagitty and ggdag) can take a theory of change as a DAG:
//
//   dag {
//   "goal" [outcome,label="Effective justice systems",pos="0,0"]
//   "a1" [exposure,label="Regional workshop",pos="0,3"]
//   "a1" -> "oc1"
//   }
//
// Every id is quoted. Nodes whose level has the goal role are marked
// `outcome` and those with the activity role `exposure` (DagittyOptions turns
// this off); `pos` puts each level on its own row, top level first. Only the
// graph is carried: titles become labels, everything else is left out.
// A DAG has no cycles: a ToC with one is refused with CycleError naming it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../../analysis/order.hpp"
#include "../../errors.hpp"
#include "../../file_io.hpp"
#include "../../theory_of_change.hpp"

namespace tocgraph {

struct DagittyOptions {
    bool mark_roles = true;  ///< goal-role nodes as outcome, activity-role nodes as exposure
    bool labels = true;      ///< write titles as labels
    bool positions = true;   ///< write pos="column,row" with one row per level
};

namespace detail {

/// A DAGitty string literal. The grammar has no escape for a backslash or a
/// control character, so text ending in a backslash or holding a control
/// character cannot be written: ids are refused, labels get spaces instead.
inline std::string dagitty_quoted(std::string_view text, bool is_id) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            if (is_id)
                throw Error("cannot write a DAGitty model: node id \"" + std::string(text) +
                            "\" holds a control character, which DAGitty cannot read");
            out += ' ';
        } else if (c == '"') {
            out += "\\\"";
        } else {
            out += static_cast<char>(c);
        }
    }
    if (!text.empty() && text.back() == '\\') {
        if (is_id)
            throw Error("cannot write a DAGitty model: node id \"" + std::string(text) +
                        "\" ends with a backslash, which DAGitty would read as an escape");
        out += ' ';
    }
    return out + "\"";
}

}  // namespace detail

/// The DAGitty model of a theory of change. Throws CycleError if the links
/// form a cycle and Error for an id DAGitty cannot read ("graph", "node", an
/// id with a control character or ending in a backslash).
inline std::string to_dagitty(const TheoryOfChange& toc, const DagittyOptions& options = {}) {
    topological_order(toc);  // throws CycleError naming a cycle
    const LevelSchema& schema = toc.schema();
    std::vector<std::size_t> column(schema.size(), 0);
    std::string out = "dag {\n";
    for (const Node& n : toc.nodes()) {
        if (n.id == "graph" || n.id == "node")
            throw Error("cannot write a DAGitty model: DAGitty does not allow a variable named \"" +
                        n.id + "\"");
        const std::size_t rank = *schema.rank(n.level);
        std::vector<std::string> properties;
        if (options.mark_roles) {
            const LevelRole role = schema.levels()[rank].role;
            if (role == LevelRole::goal) properties.push_back("outcome");
            if (role == LevelRole::activity) properties.push_back("exposure");
        }
        if (options.labels && !n.title.empty())
            properties.push_back("label=" + detail::dagitty_quoted(n.title, false));
        if (options.positions)
            properties.push_back("pos=\"" + std::to_string(column[rank]++) + "," + std::to_string(rank) + "\"");
        out += detail::dagitty_quoted(n.id, true);
        if (!properties.empty()) {
            out += " [";
            for (std::size_t i = 0; i < properties.size(); ++i) out += (i ? "," : "") + properties[i];
            out += "]";
        }
        out += "\n";
    }
    for (const Link* l : toc.links())
        out += detail::dagitty_quoted(l->source, true) + " -> " + detail::dagitty_quoted(l->target, true) + "\n";
    out += "}\n";
    return out;
}

/// Writes to_dagitty(toc) to a file atomically; throws as to_dagitty does.
inline void save_dagitty(const TheoryOfChange& toc, const std::filesystem::path& path,
                         const DagittyOptions& options = {}) {
    write_file_atomically(path, to_dagitty(toc, options));
}

}  // namespace tocgraph
