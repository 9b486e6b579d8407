// tocgraph analyze FILE: what supports the goal (or another target). Levels,
// coverage per level, the number of activity-to-target paths (exact, however
// large), the critical nodes and links every such path goes through, and the
// results with the highest betweenness.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <tocgraph/analysis.hpp>
#include <tocgraph/errors.hpp>

#include "command.hpp"
#include "options.hpp"

namespace tocgraph::cli {
namespace {

using Json = nlohmann::ordered_json;

std::size_t top_value(const ParsedArgs& args) {
    const std::string text = args.value("top").value_or("5");
    std::size_t n = 0;
    const bool digits = !text.empty() && text.size() <= 6 && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
    if (digits) n = std::stoul(text);
    if (!digits) throw UsageError("option --top: expected a whole number, got \"" + text + "\"");
    return n;
}

/// Results (pathways, outcomes, outputs) by betweenness, highest first; those
/// no shortest path runs through are left out.
std::vector<std::pair<std::string, double>> central_results(const TheoryOfChange& toc, std::size_t top) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& [id, score] : centrality(toc)) {
        const LevelRole role = toc.schema().level(toc.node(id).level).role;
        const bool result = role == LevelRole::pathway || role == LevelRole::outcome || role == LevelRole::output;
        if (result && score > 0 && out.size() < top) out.emplace_back(id, score);
    }
    return out;
}

std::string fixed4(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    return buffer;
}

std::string padded(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string right(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

struct Analysis {
    std::string target;
    Coverage coverage;
    std::optional<BigCount> paths;  ///< nullopt when a cycle lies below the target
    std::vector<std::string> cycle;
    std::vector<std::string> critical_nodes;
    std::vector<std::pair<std::string, std::string>> critical_links;
    std::vector<std::pair<std::string, double>> central;
};

void print_text(const TheoryOfChange& toc, const std::string& name, const Analysis& a, std::ostream& out) {
    const LevelSchema& schema = toc.schema();
    out << (toc.metadata().title.empty() ? name : toc.metadata().title) << "\n";
    const Node& target = toc.node(a.target);
    out << "Target: " << a.target << (target.title.empty() ? "" : " (" + target.title + ")") << "\n";

    std::size_t width = std::string_view("Levels").size();
    for (const Level& l : schema.levels()) width = std::max(width, l.id.size() + 2);
    out << "\nLevels\n";
    for (const auto& [level, ids] : levels(toc)) {
        out << "  " << padded(level.id, width) << right(std::to_string(ids.size()), 5);
        for (std::size_t i = 0; i < ids.size(); ++i) out << (i ? ", " : "  ") << ids[i];
        out << "\n";
    }

    out << "\n" << padded("Coverage", width + 2) << "nodes  measured  with contributors  with activities\n";
    for (const LevelCoverage& row : a.coverage.levels)
        out << "  " << padded(row.level.id, width) << right(std::to_string(row.nodes), 5)
            << right(std::to_string(row.with_indicators), 10) << right(std::to_string(row.with_contributors), 19)
            << right(std::to_string(row.with_activities), 17) << "\n";
    out << "Indicators: " << a.coverage.indicators << ", with a baseline " << a.coverage.indicators_with_baseline
        << ", with targets " << a.coverage.indicators_with_targets << ", with actuals "
        << a.coverage.indicators_with_actuals << "\n";

    out << "\nPaths from the activities to " << a.target << ": ";
    if (a.paths) {
        out << a.paths->to_string() << "\n";
    } else {
        out << "not countable, the links form a cycle: ";
        for (std::size_t i = 0; i < a.cycle.size(); ++i) out << (i ? " -> " : "") << a.cycle[i];
        out << "\n";
    }

    out << "\nCritical nodes (on every path from the activities to " << a.target << "), nearest first:";
    if (a.critical_nodes.empty()) out << " none";
    out << "\n";
    std::size_t id_width = 0;
    for (const std::string& id : a.critical_nodes) id_width = std::max(id_width, id.size());
    for (const auto& [id, score] : a.central) id_width = std::max(id_width, id.size());
    auto titled = [&](const std::string& id, const std::string& middle) {
        const std::string& title = toc.node(id).title;
        std::string line = "  " + padded(id, id_width) + middle;
        if (!title.empty()) line += "  " + title;
        while (line.back() == ' ') line.pop_back();
        return line + "\n";
    };
    for (const std::string& id : a.critical_nodes) out << titled(id, "");
    out << "Critical links:";
    if (a.critical_links.empty()) out << " none";
    out << "\n";
    for (const auto& [source, target_id] : a.critical_links) out << "  " << source << " -> " << target_id << "\n";

    out << "\nMost central results (betweenness):";
    if (a.central.empty()) out << " none";
    out << "\n";
    for (const auto& [id, score] : a.central) out << titled(id, "  " + fixed4(score));
}

void print_json(const TheoryOfChange& toc, const std::string& name, const Analysis& a, std::ostream& out) {
    Json doc;
    doc["file"] = name;
    doc["title"] = toc.metadata().title;
    doc["target"] = a.target;
    Json level_list = Json::array();
    for (const auto& [level, ids] : levels(toc))
        level_list.push_back({{"id", level.id}, {"label", level.label}, {"role", to_string(level.role)}, {"nodes", ids}});
    doc["levels"] = std::move(level_list);
    doc["coverage"] = a.coverage;
    // A string: the count can pass what JSON readers hold exactly in a number.
    doc["activity_paths"] = a.paths ? Json(a.paths->to_string()) : Json(nullptr);
    doc["cycle"] = a.paths ? Json(nullptr) : Json(a.cycle);
    doc["critical_nodes"] = a.critical_nodes;
    Json links = Json::array();
    for (const auto& [source, target] : a.critical_links) links.push_back({{"source", source}, {"target", target}});
    doc["critical_links"] = std::move(links);
    Json central = Json::array();
    for (const auto& [id, score] : a.central) central.push_back({{"id", id}, {"betweenness", score}});
    doc["central_results"] = std::move(central);
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

int run_analyze(const ParsedArgs& args, Context& context) {
    const std::string format = format_option(args, {"text", "json"});
    const std::size_t top = top_value(args);
    const std::string& path = args.positional.at(0);
    const std::string name = input_name(path);
    const TheoryOfChange toc = load_input(path);

    Analysis a;
    a.target = target_of(toc, args, name);
    a.coverage = coverage(toc);
    try {
        a.paths = count_activity_paths(toc, a.target);
    } catch (const CycleError& e) {
        a.cycle = e.cycle();
    }
    a.critical_nodes = critical_nodes(toc, a.target);
    a.critical_links = critical_links(toc, a.target);
    a.central = central_results(toc, top);

    if (format == "json")
        print_json(toc, name, a, context.out);
    else
        print_text(toc, name, a, context.out);
    if (!a.paths) {
        context.err << name << ": the links form a cycle below " << a.target << ": ";
        for (std::size_t i = 0; i < a.cycle.size(); ++i) context.err << (i ? " -> " : "") << a.cycle[i];
        context.err << "\n";
        return exit_failure;
    }
    return exit_ok;
}

}  // namespace tocgraph::cli
