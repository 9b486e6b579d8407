// tocgraph show FILE: the theory of change as an indented tree, goal first.
//
// Each goal is printed, then what contributes to it (the sources of the links
// into it), level by level downwards. A node with several parents is printed
// in full the first time and as "(see above)" afterwards, which also keeps
// cycles finite. Nodes no goal can be reached from are printed last, under
// "Not connected to a goal:", each disconnected part from its highest node.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <tocgraph/errors.hpp>

#include "command.hpp"

namespace tocgraph::cli {
namespace {

/// How a level is named in running text: "End-of-program outcome" ->
/// "end-of-program outcome"; an empty label falls back to the id.
std::string level_noun(const Level& level) {
    std::string noun = level.label;
    if (noun.empty()) {
        noun = level.id;
        std::ranges::replace(noun, '_', ' ');
        return noun;
    }
    const bool acronym = noun.size() > 1 && noun[1] >= 'A' && noun[1] <= 'Z';
    if (!acronym && noun[0] >= 'A' && noun[0] <= 'Z') noun[0] = static_cast<char>(noun[0] - 'A' + 'a');
    return noun;
}

std::string level_heading(const Level& level) {
    if (!level.label.empty()) return level.label;
    std::string heading = level_noun(level);
    if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z')
        heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
    return heading;
}

class TreePrinter {
public:
    TreePrinter(const TheoryOfChange& toc, std::ostream& out, bool ids, std::size_t max_rank)
        : toc_(toc), out_(out), ids_(ids), max_rank_(max_rank), printed_(toc.node_count(), false) {}

    /// Prints the node with vertex `v` and, the first time, what feeds it.
    void print(std::size_t v, std::size_t depth) {
        const auto& graph = toc_.graph();
        const Node& node = graph[v];
        out_ << std::string(2 * depth + 2, ' ') << level_heading(level_of(node));
        if (ids_) out_ << ' ' << node.id;
        out_ << ": " << (node.title.empty() ? std::string("(untitled)") : node.title);
        if (printed_[v]) {
            out_ << " (see above)\n";
            return;
        }
        printed_[v] = true;
        std::vector<std::string> notes;
        if (node.status) notes.emplace_back(to_string(*node.status));
        if (const auto n = toc_.indicators_of(node.id).size(); n > 0) notes.push_back(count(n, "indicator"));
        if (!notes.empty()) {
            out_ << " [";
            for (std::size_t i = 0; i < notes.size(); ++i) out_ << (i ? ", " : "") << notes[i];
            out_ << ']';
        }
        out_ << '\n';
        for (std::size_t child : children(v)) print(child, depth + 1);
    }

    bool printed(std::size_t v) const { return printed_[v]; }

    /// Vertices of the nodes linked into `v` that the depth limit lets through,
    /// highest level first, then in file order.
    std::vector<std::size_t> children(std::size_t v) const {
        const auto& graph = toc_.graph();
        std::vector<std::size_t> out;
        for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it) {
            const std::size_t u = boost::source(*it, graph);
            if (rank(u) <= max_rank_) out.push_back(u);
        }
        std::ranges::sort(out, [&](std::size_t a, std::size_t b) {
            return std::pair(rank(a), a) < std::pair(rank(b), b);
        });
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    std::size_t rank(std::size_t v) const { return *toc_.schema().rank(toc_.graph()[v].level); }

private:
    const Level& level_of(const Node& node) const { return toc_.schema().level(node.level); }

    const TheoryOfChange& toc_;
    std::ostream& out_;
    bool ids_;
    std::size_t max_rank_;
    std::vector<bool> printed_;
};

}  // namespace

int run_show(const ParsedArgs& args, Context& context) {
    const TheoryOfChange toc = load_input(args.positional.at(0));
    const LevelSchema& schema = toc.schema();

    std::size_t max_rank = schema.size() - 1;
    if (auto level = args.value("level")) {
        auto r = schema.rank(*level);
        if (!r)
            throw UsageError("unknown level \"" + *level + "\"; schema \"" + schema.name() + "\" has " +
                             schema.choices());
        max_rank = *r;
    }

    std::ostream& out = context.out;
    const Metadata& meta = toc.metadata();
    const std::string name = input_name(args.positional[0]);
    out << (meta.title.empty() ? name : meta.title) << "\n";

    std::vector<std::string> per_level;
    for (const Level& level : schema.levels())
        if (const auto n = toc.nodes_at(level.id).size(); n > 0)
            per_level.push_back(count(n, level_noun(level)));
    out << count(toc.node_count(), "node");
    if (!per_level.empty()) {
        out << " (";
        for (std::size_t i = 0; i < per_level.size(); ++i) out << (i ? ", " : "") << per_level[i];
        out << ")";
    }
    out << ", " << count(toc.link_count(), "link") << ", " << count(toc.indicator_count(), "indicator")
        << ", " << count(toc.assumption_count(), "assumption") << ", " << count(toc.actor_count(), "actor")
        << ", " << count(toc.feedback_count(), "feedback item") << "\n";

    // Goals are the nodes of goal-role levels (any schema); failing those, the top level.
    const auto& graph = toc.graph();
    std::vector<std::size_t> goals;
    for (std::size_t v = 0; v < toc.node_count(); ++v)
        if (schema.level(graph[v].level).role == LevelRole::goal) goals.push_back(v);
    if (goals.empty())
        for (std::size_t v = 0; v < toc.node_count(); ++v)
            if (schema.rank(graph[v].level) == 0) goals.push_back(v);

    TreePrinter printer(toc, out, args.has("ids"), max_rank);
    std::ranges::stable_sort(goals, [&](std::size_t a, std::size_t b) { return printer.rank(a) < printer.rank(b); });
    if (toc.node_count() > 0) out << "\n";
    for (std::size_t v : goals)
        if (printer.rank(v) <= max_rank) printer.print(v, 0);

    // Everything a goal cannot be reached from, whatever the depth limit.
    std::vector<bool> connected(toc.node_count(), false);
    std::vector<std::size_t> stack(goals.begin(), goals.end());
    for (std::size_t v : goals) connected[v] = true;
    while (!stack.empty()) {
        const std::size_t v = stack.back();
        stack.pop_back();
        for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it)
            if (const std::size_t u = boost::source(*it, graph); !connected[u]) {
                connected[u] = true;
                stack.push_back(u);
            }
    }
    std::vector<std::size_t> loose;
    for (std::size_t v = 0; v < toc.node_count(); ++v)
        if (!connected[v] && printer.rank(v) <= max_rank) loose.push_back(v);
    if (!loose.empty()) {
        std::ranges::stable_sort(loose, [&](std::size_t a, std::size_t b) { return printer.rank(a) < printer.rank(b); });
        out << "\nNot connected to a goal:\n";
        for (std::size_t v : loose)
            if (!printer.printed(v)) printer.print(v, 0);
    }
    return exit_ok;
}

}  // namespace tocgraph::cli
